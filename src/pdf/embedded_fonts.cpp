#include "pdf/embedded_fonts.hpp"

#include "pdf/pdf_writer.hpp"
#include "pdf/utf8.hpp"

#include <hpdf_font.h>

#include <cstring>

namespace quorum::pdf {

namespace {

bool drawable(char32_t cp) { return cp >= 0x20 && cp <= 0xFFFF && cp != replacement_character; }

HPDF_Dict as_dict(HPDF_Font font) { return static_cast<HPDF_Dict>(static_cast<void*>(font)); }

// Walks the dictionary itself: HPDF_Dict_GetItem would record an error for a key of
// another type, which libharu then reports on the next API call.
bool has_key(HPDF_Dict dict, const char* key) {
    for (HPDF_UINT i = 0; i < dict->list->count; ++i) {
        const auto* element = static_cast<HPDF_DictElement>(HPDF_List_ItemAt(dict->list, i));
        if (element && std::strcmp(element->key, key) == 0) return true;
    }
    return false;
}

}  // namespace

EmbeddedFonts::Entry& EmbeddedFonts::entry_for(const fonts::Face& face) {
    const auto id = static_cast<std::size_t>(face.id());
    if (id >= by_face_id_.size()) by_face_id_.resize(id + 1);
    return by_face_id_[id];
}

HPDF_Font EmbeddedFonts::font_for(const fonts::Face& face) {
    Entry& entry = entry_for(face);
    if (entry.font) return entry.font;
    const std::string file = face.file().string();
    // HPDF_TRUE: embed. libharu keeps every table but empties the outlines of glyphs we
    // never drew, and tags the name (HPDFAA+...) with a per-document counter, not a
    // random string, so the output stays reproducible.
    const char* name = HPDF_LoadTTFontFromFile(document_.get(), file.c_str(), HPDF_TRUE);
    document_.check(file + ": cannot embed font of family '" + face.family() + "'");
    entry.font = HPDF_GetFont(document_.get(), name, "UTF-8");
    document_.check(file + ": cannot use font of family '" + face.family() + "'");
    if (!entry.font) throw PdfError{file + ": error: libharu returned no font for family '" + face.family() + "'"};
    entry.definition = static_cast<HPDF_FontAttr>(as_dict(entry.font)->attr)->fontdef;
    entry.codes = std::make_unique<UsedCodes>();
    entry.widths.assign(0x10000, 0);
    return entry.font;
}

std::int64_t EmbeddedFonts::append_text(const fonts::Face& face, const std::string& utf8, ContentStream& out) {
    Entry& entry = entry_for(face);
    std::int64_t advance = 0;
    out.begin_string();
    for (std::size_t pos = 0; pos < utf8.size();) {
        const char32_t cp = next_codepoint(utf8, pos);
        if (!drawable(cp)) continue;
        const auto code = static_cast<char16_t>(cp);  // libharu's UTF-8 fonts: code == UTF-16 value
        if (!entry.codes->contains(code)) {
            entry.codes->add(code);
            // Once per character per font: libharu marks the glyph (and any composite
            // components) as used, so its subsetter keeps the outline, and tells us the
            // width it writes into /W.
            entry.widths[code] = HPDF_TTFontDef_GetCharWidth(entry.definition, code);
        }
        advance += entry.widths[code];
        out.code(code);
    }
    out.end_string();
    return advance;
}

void EmbeddedFonts::write_to_unicode_maps() {
    for (Entry& entry : by_face_id_) {
        if (!entry.font) continue;
        HPDF_Dict font = as_dict(entry.font);
        auto* map = has_key(font, "ToUnicode") ? static_cast<HPDF_Dict>(HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT)) : nullptr;
        if (!map || !map->stream) {  // a libharu that writes no map: give it one
            map = HPDF_DictStream_New(font->mmgr, document_.get()->xref);
            if (!map) throw PdfError{"cannot create a ToUnicode map (out of memory)"};
            HPDF_Dict_Add(font, "ToUnicode", map);
        }
        // The CID-CMap keys libharu put there do not belong in a ToUnicode stream.
        for (const char* key : {"CIDSystemInfo", "CMapName", "Type"})
            if (has_key(map, key)) HPDF_Dict_RemoveElement(map, key);
        const std::string cmap = identity_to_unicode_cmap(*entry.codes);
        HPDF_MemStream_FreeData(map->stream);
        HPDF_Stream_Write(map->stream, reinterpret_cast<const HPDF_BYTE*>(cmap.data()),
                          static_cast<HPDF_UINT>(cmap.size()));
        map->filter = font->filter;  // compressed like the font's other streams
        document_.check("writing the ToUnicode map of " + std::string(HPDF_Font_GetFontName(entry.font)));
    }
}

}  // namespace quorum::pdf
