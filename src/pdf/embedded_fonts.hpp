// The fonts of one PDF: each catalogue face embedded once (TrueType, UTF-8 encoder),
// the codes drawn with it recorded, and correct ToUnicode maps written at the end.
#pragma once

#include "fonts/fonts.hpp"
#include "pdf/hpdf_document.hpp"
#include "pdf/to_unicode.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace quorum::pdf {

class EmbeddedFonts {
public:
    explicit EmbeddedFonts(HpdfDocument& document) : document_(document) {}

    // The libharu font for `face`, loading and embedding it on first use.
    HPDF_Font font_for(const fonts::Face& face);

    // The text libharu should draw for `utf8` in `face`, with each code recorded for the
    // ToUnicode map. Returns `utf8` itself unless it holds characters libharu's UTF-8
    // encoder cannot show (outside the BMP, control characters, malformed bytes), which
    // are dropped into `scratch`.
    const char* prepare_text(const fonts::Face& face, const std::string& utf8, std::string& scratch);

    // Replaces libharu's malformed ToUnicode CMaps (see to_unicode.hpp). Call once, before saving.
    void write_to_unicode_maps();

private:
    struct Entry {
        HPDF_Font font = nullptr;
        std::unique_ptr<UsedCodes> codes;  // 8 KiB: on the heap, once per face
    };
    Entry& entry_for(const fonts::Face& face);

    HpdfDocument& document_;
    std::vector<Entry> by_face_id_;
};

}  // namespace quorum::pdf
