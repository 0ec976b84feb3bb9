#include "pdf/images.hpp"

#include "pdf/pdf_writer.hpp"

#include <png.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

namespace quorum::pdf {

namespace {

[[noreturn]] void fail(const std::string& path, const std::string& what) {
    throw PdfError{path + ": error: " + what};
}

struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
};

// The first 8 and last 2 bytes are all the signature checks need.
struct FileEnds {
    std::size_t size = 0;
    unsigned char head[8] = {};
    unsigned char tail[2] = {};
};

FileEnds read_ends(const std::string& path) {
    std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
    if (!file) fail(path, std::string("cannot open image: ") + std::strerror(errno));
    FileEnds ends;
    std::fseek(file.get(), 0, SEEK_END);
    const long length = std::ftell(file.get());
    ends.size = length > 0 ? static_cast<std::size_t>(length) : 0;
    std::fseek(file.get(), 0, SEEK_SET);
    if (std::fread(ends.head, 1, sizeof ends.head, file.get()) != sizeof ends.head) return ends;
    std::fseek(file.get(), -2, SEEK_END);
    if (std::fread(ends.tail, 1, sizeof ends.tail, file.get()) != sizeof ends.tail) ends.tail[0] = 0;
    return ends;
}

constexpr std::uint64_t max_pixels = 100'000'000;  // 400 MB decoded: beyond any council paper's figure

}  // namespace

ImageKind check_image(const std::string& path) {
    const FileEnds ends = read_ends(path);
    static constexpr unsigned char png_signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (ends.size >= 8 && std::memcmp(ends.head, png_signature, 8) == 0) {
        return ImageKind::Png;
    }
    if (ends.size >= 8 && ends.head[0] == 0xFF && ends.head[1] == 0xD8) {
        if (ends.tail[0] != 0xFF || ends.tail[1] != 0xD9) fail(path, "truncated JPEG image (no end-of-image marker)");
        return ImageKind::Jpeg;
    }
    fail(path, ends.size == 0 ? "empty image file" : "not a PNG or JPEG image");
}

DecodedPng decode_png(const std::string& path) {
    png_image image;
    std::memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_file(&image, path.c_str()))
        fail(path, std::string("corrupt PNG image (") + image.message + ")");
    if (static_cast<std::uint64_t>(image.width) * image.height > max_pixels) {
        png_image_free(&image);
        fail(path, "PNG image too large (" + std::to_string(image.width) + " x " + std::to_string(image.height) + " pixels)");
    }
    image.format = PNG_FORMAT_RGBA;
    std::vector<std::uint8_t> rgba(PNG_IMAGE_SIZE(image));
    const bool decoded = png_image_finish_read(&image, nullptr, rgba.data(), 0, nullptr);
    const std::string message = image.message;
    png_image_free(&image);
    if (!decoded) fail(path, "corrupt PNG image (" + message + ")");

    DecodedPng png;
    png.width = image.width;
    png.height = image.height;
    const std::size_t pixels = static_cast<std::size_t>(image.width) * image.height;
    png.rgb.resize(pixels * 3);
    bool opaque = true;
    for (std::size_t i = 0; i < pixels; ++i) {
        std::memcpy(&png.rgb[i * 3], &rgba[i * 4], 3);
        opaque = opaque && rgba[i * 4 + 3] == 255;
    }
    if (!opaque) {
        png.alpha.resize(pixels);
        for (std::size_t i = 0; i < pixels; ++i) png.alpha[i] = rgba[i * 4 + 3];
    }
    return png;
}

HPDF_Image ImageCache::image_for(const std::string& path) {
    if (auto found = images_.find(path); found != images_.end()) return found->second;
    HPDF_Image image = check_image(path) == ImageKind::Png ? load_png(path)
                                                           : HPDF_LoadJpegImageFromFile(document_.get(), path.c_str());
    document_.check(path + ": cannot embed image");
    if (!image) throw PdfError{path + ": error: cannot embed image"};
    images_.emplace(path, image);
    return image;
}

// Raw samples (compressed by libharu), the alpha channel as a soft mask (see images.hpp).
HPDF_Image ImageCache::load_png(const std::string& path) {
    const DecodedPng png = decode_png(path);
    HPDF_Image image = HPDF_LoadRawImageFromMem(document_.get(), png.rgb.data(), png.width, png.height,
                                                HPDF_CS_DEVICE_RGB, 8);
    document_.check(path + ": cannot embed image");
    if (image && !png.alpha.empty()) {
        HPDF_Image mask = HPDF_LoadRawImageFromMem(document_.get(), png.alpha.data(), png.width, png.height,
                                                   HPDF_CS_DEVICE_GRAY, 8);
        if (mask) HPDF_Image_AddSMask(image, mask);
        document_.check(path + ": cannot embed the transparency of image");
    }
    return image;
}

}  // namespace quorum::pdf
