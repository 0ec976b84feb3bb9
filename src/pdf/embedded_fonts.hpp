// The fonts of one PDF: each catalogue face embedded once (TrueType, UTF-8 encoder),
// the codes drawn with it recorded, and correct ToUnicode maps written at the end.
#pragma once

#include "fonts/fonts.hpp"
#include "pdf/content_stream.hpp"
#include "pdf/hpdf_document.hpp"
#include "pdf/to_unicode.hpp"

#include <cstdint>
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

    // Appends `utf8` to `out` as a string of the font's 2-byte codes, recording each code
    // for the ToUnicode map and marking its glyph for embedding. Characters libharu's
    // UTF-8 font cannot show (outside the BMP, control characters, malformed bytes) are
    // dropped; layout never sends them for real text. Returns the string's advance as the
    // PDF reader will compute it: the sum of the font's /W widths, in 1/1000 em.
    std::int64_t append_text(const fonts::Face& face, const std::string& utf8, ContentStream& out);

    // Replaces libharu's malformed ToUnicode CMaps (see to_unicode.hpp). Call once, before saving.
    void write_to_unicode_maps();

private:
    struct Entry {
        HPDF_Font font = nullptr;
        HPDF_FontDef definition = nullptr;  // where libharu marks the glyphs to embed
        std::unique_ptr<UsedCodes> codes;  // 8 KiB: on the heap, once per face
        std::vector<std::int16_t> widths;  // by code, filled as codes are first used (1/1000 em)
    };
    Entry& entry_for(const fonts::Face& face);

    HpdfDocument& document_;
    std::vector<Entry> by_face_id_;
};

}  // namespace quorum::pdf
