// Image files: checked and decoded by us, embedded through libharu, once per document.
#pragma once

#include "pdf/hpdf_document.hpp"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace quorum::pdf {

enum class ImageKind { Png, Jpeg };

// Decides the kind from the file's signature (not its name) and checks JPEGs for a
// complete file. Throws PdfError naming the file when it is missing, unreadable, of
// another kind or truncated.
ImageKind check_image(const std::string& path);

// A PNG decoded to 8-bit RGB, with its alpha channel when any pixel is not opaque.
struct DecodedPng {
    unsigned width = 0, height = 0;
    std::vector<std::uint8_t> rgb;
    std::vector<std::uint8_t> alpha;  // empty: fully opaque
};

// Decodes with libpng's simplified API (any bit depth, palette, grey, interlacing, gamma
// to 8-bit sRGB). Throws PdfError naming the file when it is corrupt or absurdly large.
//
// Why not libharu's PNG loader: it hands libpng an error callback that returns, so libpng
// calls abort() on a corrupt file, and it writes 16-bit images with 8-bit data (mupdf:
// "padding truncated image"). We decode once and give libharu raw samples plus a soft mask.
DecodedPng decode_png(const std::string& path);

// Images shared by every page of one document: each file is checked and embedded once.
class ImageCache {
public:
    explicit ImageCache(HpdfDocument& document) : document_(document) {}
    HPDF_Image image_for(const std::string& path);

private:
    HPDF_Image load_png(const std::string& path);

    HpdfDocument& document_;
    std::unordered_map<std::string, HPDF_Image> images_;
};

}  // namespace quorum::pdf
