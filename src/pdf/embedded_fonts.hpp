// The fonts of one PDF: each catalogue face embedded once as a Type0 / CIDFontType2 font
// whose character codes are the characters' UTF-16 values (Identity-H), with /W,
// CIDToGIDMap and ToUnicode written for exactly the characters drawn.
//
// Why we build the font dictionaries ourselves instead of HPDF_GetFont(name, "UTF-8"):
//  - Debian's libharu 2.3.0 attaches a *CID* CMap (begincidrange) as the font's
//    /ToUnicode, which poppler rejects ("Invalid 'begincidrange' operator in ToUnicode
//    CMap") so copy-paste, search and screen readers get guessed text. A ToUnicode map
//    must use bfchar/bfrange; we know every code we drew, so we write the exact map.
//  - Its font constructor maps all 65,536 codes through the cmap (a linear search each):
//    ~15 ms per face per document, more than drawing a hundred pages, and /W and
//    CIDToGIDMap entries for thousands of glyphs never drawn.
// libharu still parses the TrueType file, subsets it (glyph outlines we did not mark are
// emptied; its tag HPDFAA+... is a per-document counter, so output is reproducible) and
// writes the objects we create through its object API.
#pragma once

#include "fonts/fonts.hpp"
#include "pdf/content_stream.hpp"
#include "pdf/deflater.hpp"
#include "pdf/hpdf_document.hpp"
#include "pdf/to_unicode.hpp"

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace quorum::pdf {

class EmbeddedFonts {
public:
    EmbeddedFonts(HpdfDocument& document, bool compress) : document_(document), compress_(compress) {}

    // The font dictionary for `face` (for HPDF_Page_GetLocalFontName), created on first use.
    HPDF_Font font_for(const fonts::Face& face);

    // Appends `utf8` to `out` as a string of 2-byte codes, recording each code for /W,
    // CIDToGIDMap and ToUnicode and marking its glyph for embedding. Characters outside
    // the BMP, control characters and malformed bytes are dropped (layout never sends
    // them for real text). Returns the string's advance as a reader computes it from
    // /W, in 1/1000 em.
    std::int64_t append_text(const fonts::Face& face, const std::string& utf8, ContentStream& out);

    // Writes /W, CIDToGIDMap, ToUnicode and the subset font file. Call once, before saving.
    void finish();

private:
    struct Entry {
        HPDF_FontDef definition = nullptr;  // libharu's parsed TrueType file
        HPDF_Dict type0 = nullptr, cid_font = nullptr;
        HPDF_Dict to_unicode = nullptr, cid_to_gid = nullptr, font_file = nullptr;
        std::unique_ptr<UsedCodes> codes;  // 8 KiB: on the heap, once per face
        std::vector<std::int16_t> widths;  // by code, filled as codes are first used (1/1000 em)
    };
    // The face's entry, created (and its font loaded) on first use. Faces of one file
    // (two catalogue families naming the same file) share an entry: libharu refuses to
    // load a font twice.
    Entry& entry_for(const fonts::Face& face);
    void create(Entry& entry, const fonts::Face& face);
    void create_cid_font(Entry& entry, const char* base_font);
    HPDF_Dict create_descriptor(Entry& entry, const char* base_font);
    HPDF_Dict new_dict();    // an indirect object
    HPDF_Dict new_stream();  // an indirect stream, compressed when the document is
    void write_widths(Entry& entry);
    void write_cid_to_gid(Entry& entry);
    void write_to_unicode(Entry& entry);
    void compress_in_place(HPDF_Dict stream_dict);

    HpdfDocument& document_;
    bool compress_;
    Deflater deflater_;
    std::deque<Entry> entries_;               // in order of first use: deterministic output
    std::vector<Entry*> by_face_id_;          // the hot-path lookup
    std::unordered_map<std::string, Entry*> by_file_;
};

}  // namespace quorum::pdf
