#include "pdf/embedded_fonts.hpp"

#include "pdf/pdf_writer.hpp"
#include "pdf/utf8.hpp"

#include <hpdf_fontdef.h>

namespace quorum::pdf {

namespace {

bool drawable(char32_t cp) { return cp >= 0x20 && cp <= 0xFFFF && cp != replacement_character; }

void add_string(HPDF_Dict dict, const char* key, const char* value) {
    HPDF_Dict_Add(dict, key, HPDF_String_New(dict->mmgr, value, nullptr));
}

}  // namespace

EmbeddedFonts::Entry& EmbeddedFonts::entry_for(const fonts::Face& face) {
    const auto id = static_cast<std::size_t>(face.id());
    if (id < by_face_id_.size() && by_face_id_[id]) return *by_face_id_[id];
    if (id >= by_face_id_.size()) by_face_id_.resize(id + 1, nullptr);
    Entry*& shared = by_file_[face.file().string()];
    if (!shared) {
        Entry& created = entries_.emplace_back();
        create(created, face);
        shared = &created;
    }
    by_face_id_[id] = shared;
    return *shared;
}

HPDF_Font EmbeddedFonts::font_for(const fonts::Face& face) {
    return static_cast<HPDF_Font>(static_cast<void*>(entry_for(face).type0));
}

HPDF_Dict EmbeddedFonts::new_stream() {
    HPDF_Doc doc = document_.get();
    HPDF_Dict stream = HPDF_DictStream_New(doc->mmgr, doc->xref);
    if (!stream) throw PdfError{"cannot create a PDF stream (out of memory)"};
    stream->filter = compress_ ? HPDF_STREAM_FILTER_FLATE_DECODE : HPDF_STREAM_FILTER_NONE;
    return stream;
}

HPDF_Dict EmbeddedFonts::new_dict() {
    HPDF_Doc doc = document_.get();
    HPDF_Dict dict = HPDF_Dict_New(doc->mmgr);
    if (!dict || HPDF_Xref_Add(doc->xref, dict) != HPDF_OK) throw PdfError{"cannot create a PDF object (out of memory)"};
    return dict;
}

void EmbeddedFonts::create(Entry& entry, const fonts::Face& face) {
    HPDF_Doc doc = document_.get();
    const std::string file = face.file().string();
    const std::string context = file + ": cannot embed font of family '" + face.family() + "'";
    const char* name = HPDF_LoadTTFontFromFile(doc, file.c_str(), HPDF_TRUE);
    document_.check(context);
    entry.definition = name ? HPDF_Doc_FindFontDef(doc, name) : nullptr;
    if (!entry.definition) throw PdfError{context + ": error: libharu returned no font"};
    const char* base_font = static_cast<HPDF_TTFontDefAttr>(entry.definition->attr)->base_font;  // with the subset tag

    entry.type0 = new_dict();
    HPDF_Dict_AddName(entry.type0, "Type", "Font");
    HPDF_Dict_AddName(entry.type0, "Subtype", "Type0");
    HPDF_Dict_AddName(entry.type0, "BaseFont", base_font);
    HPDF_Dict_AddName(entry.type0, "Encoding", "Identity-H");
    HPDF_Array descendants = HPDF_Array_New(doc->mmgr);
    HPDF_Dict_Add(entry.type0, "DescendantFonts", descendants);
    entry.to_unicode = new_stream();
    HPDF_Dict_Add(entry.type0, "ToUnicode", entry.to_unicode);
    create_cid_font(entry, base_font);
    HPDF_Array_Add(descendants, entry.cid_font);
    document_.check(context);

    entry.codes = std::make_unique<UsedCodes>();
    entry.widths.assign(0x10000, 0);
}

// The descendant font: /W and CIDToGIDMap are filled in by finish().
void EmbeddedFonts::create_cid_font(Entry& entry, const char* base_font) {
    HPDF_Doc doc = document_.get();
    entry.cid_font = new_dict();
    HPDF_Dict_AddName(entry.cid_font, "Type", "Font");
    HPDF_Dict_AddName(entry.cid_font, "Subtype", "CIDFontType2");
    HPDF_Dict_AddName(entry.cid_font, "BaseFont", base_font);
    HPDF_Dict system_info = HPDF_Dict_New(doc->mmgr);
    HPDF_Dict_Add(entry.cid_font, "CIDSystemInfo", system_info);
    add_string(system_info, "Registry", "Adobe");
    add_string(system_info, "Ordering", "Identity");
    HPDF_Dict_AddNumber(system_info, "Supplement", 0);
    HPDF_Dict_AddNumber(entry.cid_font, "DW", entry.definition->missing_width);
    entry.cid_to_gid = new_stream();
    HPDF_Dict_Add(entry.cid_font, "CIDToGIDMap", entry.cid_to_gid);
    HPDF_Dict_Add(entry.cid_font, "FontDescriptor", create_descriptor(entry, base_font));
}

// Metrics as libharu read them from the font (1/1000 em); the font file is added by finish().
HPDF_Dict EmbeddedFonts::create_descriptor(Entry& entry, const char* base_font) {
    const HPDF_FontDef def = entry.definition;
    HPDF_Dict descriptor = new_dict();
    HPDF_Dict_AddName(descriptor, "Type", "FontDescriptor");
    HPDF_Dict_AddName(descriptor, "FontName", base_font);
    HPDF_Dict_AddNumber(descriptor, "Flags", static_cast<HPDF_INT32>(def->flags));
    HPDF_Dict_Add(descriptor, "FontBBox", HPDF_Box_Array_New(descriptor->mmgr, def->font_bbox));
    HPDF_Dict_AddNumber(descriptor, "ItalicAngle", def->italic_angle);
    HPDF_Dict_AddNumber(descriptor, "Ascent", def->ascent);
    HPDF_Dict_AddNumber(descriptor, "Descent", def->descent);
    HPDF_Dict_AddNumber(descriptor, "CapHeight", def->cap_height ? def->cap_height : def->ascent);
    HPDF_Dict_AddNumber(descriptor, "StemV", def->stemv);
    entry.font_file = new_stream();
    HPDF_Dict_Add(descriptor, "FontFile2", entry.font_file);
    return descriptor;
}

std::int64_t EmbeddedFonts::append_text(const fonts::Face& face, const std::string& utf8, ContentStream& out) {
    Entry& entry = entry_for(face);
    std::int64_t advance = 0;
    out.begin_string();
    for (std::size_t pos = 0; pos < utf8.size();) {
        const char32_t cp = next_codepoint(utf8, pos);
        if (!drawable(cp)) continue;
        const auto code = static_cast<char16_t>(cp);
        if (!entry.codes->contains(code)) {
            entry.codes->add(code);
            // Once per character per font: libharu marks the glyph (and any composite
            // components) for its subsetter, and gives the width we put in /W.
            entry.widths[code] = HPDF_TTFontDef_GetCharWidth(entry.definition, code);
        }
        advance += entry.widths[code];
        out.code(code);
    }
    out.end_string();
    return advance;
}

// [first [w w w] first [w] ...]: one group per run of consecutive codes.
void EmbeddedFonts::write_widths(Entry& entry) {
    HPDF_Doc doc = document_.get();
    HPDF_Array widths = HPDF_Array_New(doc->mmgr);
    HPDF_Dict_Add(entry.cid_font, "W", widths);
    HPDF_Array group = nullptr;
    int previous = -2;
    for (int code = 0; code <= 0xFFFF; ++code) {
        if (!entry.codes->contains(static_cast<char16_t>(code))) continue;
        if (code != previous + 1 || !group) {
            HPDF_Array_AddNumber(widths, code);
            group = HPDF_Array_New(doc->mmgr);
            HPDF_Array_Add(widths, group);
        }
        HPDF_Array_AddNumber(group, entry.widths[static_cast<std::size_t>(code)]);
        previous = code;
    }
}

// Two bytes per code up to the highest code drawn: the glyph id, 0 for codes never drawn.
void EmbeddedFonts::write_cid_to_gid(Entry& entry) {
    int highest = -1;
    for (int code = 0xFFFF; code >= 0 && highest < 0; --code)
        if (entry.codes->contains(static_cast<char16_t>(code))) highest = code;
    std::vector<HPDF_BYTE> map(static_cast<std::size_t>(highest + 1) * 2, 0);
    for (int code = 0; code <= highest; ++code) {
        if (!entry.codes->contains(static_cast<char16_t>(code))) continue;
        const HPDF_UINT16 glyph = HPDF_TTFontDef_GetGlyphid(entry.definition, static_cast<HPDF_UINT16>(code));
        map[static_cast<std::size_t>(code) * 2] = static_cast<HPDF_BYTE>(glyph >> 8);
        map[static_cast<std::size_t>(code) * 2 + 1] = static_cast<HPDF_BYTE>(glyph & 0xFF);
    }
    if (!map.empty()) HPDF_Stream_Write(entry.cid_to_gid->stream, map.data(), static_cast<HPDF_UINT>(map.size()));
}

void EmbeddedFonts::write_to_unicode(Entry& entry) {
    const std::string cmap = identity_to_unicode_cmap(*entry.codes);
    HPDF_Stream_Write(entry.to_unicode->stream, reinterpret_cast<const HPDF_BYTE*>(cmap.data()),
                      static_cast<HPDF_UINT>(cmap.size()));
}

void EmbeddedFonts::compress_in_place(HPDF_Dict stream_dict) {
    HPDF_Stream stream = stream_dict->stream;
    std::vector<HPDF_BYTE> bytes;
    bytes.reserve(stream->size);
    for (HPDF_UINT i = 0; i < HPDF_MemStream_GetBufCount(stream); ++i) {
        HPDF_UINT length = 0;
        const HPDF_BYTE* chunk = HPDF_MemStream_GetBufPtr(stream, i, &length);
        if (chunk) bytes.insert(bytes.end(), chunk, chunk + length);
    }
    deflater_.write_compressed(stream_dict, bytes.data(), bytes.size());
}

void EmbeddedFonts::finish() {
    for (Entry& entry : entries_) {
        write_widths(entry);
        write_cid_to_gid(entry);
        write_to_unicode(entry);
        // After the last glyph is marked: libharu writes the TrueType tables with the
        // outlines of unused glyphs emptied.
        HPDF_TTFontDef_SaveFontData(entry.definition, entry.font_file->stream);
        if (compress_) compress_in_place(entry.font_file);
        HPDF_Dict_AddNumber(entry.font_file, "Length1",
                            static_cast<HPDF_INT32>(static_cast<HPDF_TTFontDefAttr>(entry.definition->attr)->length1));
        document_.check(std::string("embedding font ") + entry.definition->base_font);
    }
}

}  // namespace quorum::pdf
