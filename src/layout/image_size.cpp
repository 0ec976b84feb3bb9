#include "layout/image_size.hpp"

#include <array>
#include <cstdint>
#include <cstdio>
#include <memory>

namespace quorum::layout {
namespace {

struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

std::uint32_t big_endian(const unsigned char* p, int bytes) {
    std::uint32_t v = 0;
    for (int i = 0; i < bytes; ++i) v = (v << 8) | p[i];
    return v;
}

// PNG: the 8-byte signature, then the IHDR chunk whose data starts with width, height.
std::optional<PixelSize> png_size(std::FILE* f) {
    std::array<unsigned char, 24> head{};
    if (std::fread(head.data(), 1, head.size(), f) != head.size()) return std::nullopt;
    static constexpr unsigned char signature[8] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    for (int i = 0; i < 8; ++i)
        if (head[i] != signature[i]) return std::nullopt;
    return PixelSize{static_cast<int>(big_endian(&head[16], 4)), static_cast<int>(big_endian(&head[20], 4))};
}

bool is_start_of_frame(int marker) {
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

// JPEG: walk the marker segments until a start-of-frame, which holds height then width.
std::optional<PixelSize> jpeg_size(std::FILE* f) {
    std::rewind(f);
    unsigned char soi[2];
    if (std::fread(soi, 1, 2, f) != 2 || soi[0] != 0xFF || soi[1] != 0xD8) return std::nullopt;
    for (int segments = 0; segments < 10000; ++segments) {
        int c = std::fgetc(f);
        while (c == 0xFF) c = std::fgetc(f);  // fill bytes
        if (c == EOF) return std::nullopt;
        const int marker = c;
        unsigned char len_bytes[2];
        if (std::fread(len_bytes, 1, 2, f) != 2) return std::nullopt;
        const long length = static_cast<long>(big_endian(len_bytes, 2));
        if (length < 2) return std::nullopt;
        if (is_start_of_frame(marker)) {
            unsigned char sof[5];
            if (std::fread(sof, 1, 5, f) != 5) return std::nullopt;
            return PixelSize{static_cast<int>(big_endian(&sof[3], 2)), static_cast<int>(big_endian(&sof[1], 2))};
        }
        if (std::fseek(f, length - 2, SEEK_CUR) != 0) return std::nullopt;
    }
    return std::nullopt;
}

}  // namespace

std::optional<PixelSize> read_image_size(const std::filesystem::path& file) {
    File f(std::fopen(file.c_str(), "rb"));
    if (!f) return std::nullopt;
    auto size = png_size(f.get());
    if (!size) size = jpeg_size(f.get());
    if (size && (size->width <= 0 || size->height <= 0)) return std::nullopt;
    return size;
}

}  // namespace quorum::layout
