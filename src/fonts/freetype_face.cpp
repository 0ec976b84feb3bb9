#include "fonts/freetype_face.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_ADVANCES_H
#include FT_TRUETYPE_TABLES_H
#include FT_MODULE_H

#include <algorithm>
#include <cstdlib>
#include <fstream>

#if QUORUM_FREETYPE_STATIC
// In FreeType's static library only (not its public headers): the two modules Quorum needs.
extern "C" {
extern const FT_Module_Class sfnt_module_class;
extern const struct FT_Driver_ClassRec_ tt_driver_class;
}
#endif

namespace quorum::fonts {

namespace {

constexpr std::size_t bmp_size = 0x10000;
constexpr std::uint16_t use_typo_metrics_flag = 1u << 7;  // OS/2 fsSelection bit 7

std::string describe(FT_Error error) {
    const char* text = FT_Error_String(error);  // null unless FreeType was built with error strings
    return text ? text : "FreeType error " + std::to_string(error);
}

}  // namespace

namespace {

// The counterpart of start_freetype: FT_Done_FreeType also frees the FT_Memory that
// FT_Init_FreeType allocated, which FT_Done_Library alone would leak once per face.
void stop_freetype(FT_Library library) {
#if QUORUM_FREETYPE_STATIC
    FT_Done_Library(library);  // the FT_Memory is start_freetype's static one
#else
    FT_Done_FreeType(library);
#endif
}

// FreeType is needed only while a face is read: what layout asks later is in our own tables,
// so the library, the face and its memory-mapped font file are released at the end of the
// constructor instead of living (and counting in the process's memory) until the end of the run.
struct FreeTypeHandles {
    FT_Library library = nullptr;
    FT_Face face = nullptr;
    ~FreeTypeHandles() {
        if (face) FT_Done_Face(face);
        if (library) stop_freetype(library);
    }
};

// FreeTypeFace reads TrueType fonts only, so with FreeType linked in only its TrueType driver
// is started: FT_Init_FreeType starts every driver (CFF, Type 1, PCF, BDF, ...), whose code
// and memory each run would carry for nothing (render 81 pages: -0.3 MB peak).
FT_Error start_freetype(FT_Library* library) {
#if QUORUM_FREETYPE_STATIC
    static FT_MemoryRec_ memory{
        nullptr, [](FT_Memory, long size) { return std::malloc(static_cast<std::size_t>(size)); },
        [](FT_Memory, void* block) { std::free(block); },
        [](FT_Memory, long, long size, void* block) { return std::realloc(block, static_cast<std::size_t>(size)); }};
    if (FT_Error error = FT_New_Library(&memory, library)) return error;
    if (FT_Error error = FT_Add_Module(*library, &sfnt_module_class)) return error;
    return FT_Add_Module(*library, reinterpret_cast<const FT_Module_Class*>(&tt_driver_class));
#else
    return FT_Init_FreeType(library);
#endif
}

// An OpenType font with CFF outlines starts with "OTTO" (the TrueType driver alone cannot
// tell FT_New_Face more than "unknown format").
bool has_cff_outlines(const std::filesystem::path& file) {
    char tag[4] = {};
    std::ifstream in(file, std::ios::binary);
    return in.read(tag, 4) && std::string_view(tag, 4) == "OTTO";
}

}  // namespace

FreeTypeFace::FreeTypeFace(std::string family, int weight, bool italic, std::filesystem::path file, int id)
    : family_(std::move(family)), weight_(weight), italic_(italic), file_(std::move(file)), id_(id) {
    FreeTypeHandles ft;
    if (FT_Error error = start_freetype(&ft.library)) throw FontError{"cannot start FreeType: " + describe(error)};
    if (FT_Error error = FT_New_Face(ft.library, file_.c_str(), 0, &ft.face)) {
        if (has_cff_outlines(file_)) throw_cff_outlines();
        throw FontError{file_.string() + ": error: not a readable font for family '" + family_ + "' (" +
                        describe(error) + ")"};
    }
    if (!FT_IS_SFNT(ft.face) || !FT_IS_SCALABLE(ft.face))
        throw FontError{file_.string() + ": error: font for family '" + family_ +
                        "' is not a scalable TrueType/OpenType font"};
    require_truetype_outlines(ft.face);
    units_per_em_ = ft.face->units_per_EM ? ft.face->units_per_EM : 1000;
    read_vertical_metrics(ft.face);
    read_cmap(ft.face);
    read_advances(ft.face);
}

FreeTypeFace::~FreeTypeFace() = default;

// Documents embed the fonts they use, and the PDF writer embeds TrueType outlines (glyf)
// only: an OpenType font with PostScript (CFF) outlines or a collection would measure
// fine here and fail much later, so say so now, naming the file.
void FreeTypeFace::require_truetype_outlines(FT_Face face) const {
    if (face->num_faces > 1)
        throw FontError{file_.string() + ": error: font for family '" + family_ +
                        "' is a font collection (.ttc); list a single-font .ttf file instead"};
    FT_ULong length = 0;
    if (FT_Load_Sfnt_Table(face, FT_MAKE_TAG('g', 'l', 'y', 'f'), 0, nullptr, &length) != 0 || length == 0)
        throw_cff_outlines();
}

void FreeTypeFace::throw_cff_outlines() const {
    throw FontError{file_.string() + ": error: font for family '" + family_ +
                    "' has PostScript (CFF) outlines; Quorum embeds TrueType outlines only (use the .ttf version)"};
}

// Browsers on Linux take the OS/2 typo metrics when the font sets USE_TYPO_METRICS,
// else the hhea ascender/descender/lineGap; we do the same so our line heights match
// what a browser (and WeasyPrint) shows for `line-height: normal`.
void FreeTypeFace::read_vertical_metrics(FT_Face face) {
    auto* os2 = static_cast<TT_OS2*>(FT_Get_Sfnt_Table(face, FT_SFNT_OS2));
    auto* hhea = static_cast<TT_HoriHeader*>(FT_Get_Sfnt_Table(face, FT_SFNT_HHEA));
    if (os2 && os2->version != 0xFFFF && (os2->fsSelection & use_typo_metrics_flag)) {
        ascender_ = os2->sTypoAscender;
        descender_ = os2->sTypoDescender;
        line_gap_ = os2->sTypoLineGap;
    } else if (hhea && (hhea->Ascender != 0 || hhea->Descender != 0)) {
        ascender_ = hhea->Ascender;
        descender_ = hhea->Descender;
        line_gap_ = hhea->Line_Gap;
    } else if (os2 && os2->version != 0xFFFF) {  // no usable hhea: Windows metrics
        ascender_ = os2->usWinAscent;
        descender_ = -static_cast<double>(os2->usWinDescent);
        line_gap_ = 0;
    } else {
        ascender_ = face->ascender;
        descender_ = face->descender;
        line_gap_ = face->height - face->ascender + face->descender;
    }
    if (descender_ > 0) descender_ = -descender_;  // a few broken fonts store it positive
    underline_position_ = face->underline_position;
    underline_thickness_ = face->underline_thickness > 0 ? face->underline_thickness : units_per_em_ / 20;
}

void FreeTypeFace::read_cmap(FT_Face face) {
    if (FT_Select_Charmap(face, FT_ENCODING_UNICODE) != 0)
        throw FontError{file_.string() + ": error: font for family '" + family_ + "' has no Unicode cmap"};
    static constexpr GlyphBlock no_glyphs{};
    bmp_blocks_.fill(&no_glyphs);
    FT_UInt glyph = 0;
    for (FT_ULong code = FT_Get_First_Char(face, &glyph); glyph != 0; code = FT_Get_Next_Char(face, code, &glyph)) {
        if (glyph > 0xFFFF) continue;
        if (code >= bmp_size) {  // charcodes come in increasing order: astral_glyphs_ is sorted
            astral_glyphs_.push_back({static_cast<char32_t>(code), static_cast<std::uint16_t>(glyph)});
            continue;
        }
        const std::size_t block = code >> 8;
        if (bmp_blocks_[block] == &no_glyphs) {
            stored_blocks_.push_back(std::make_unique<GlyphBlock>());
            bmp_blocks_[block] = stored_blocks_.back().get();
        }
        // Codes come in increasing order: the block being filled is the last one stored.
        (*stored_blocks_.back())[code & 0xFF] = static_cast<std::uint16_t>(glyph);
    }
}

void FreeTypeFace::read_advances(FT_Face face) {
    const auto count = static_cast<FT_UInt>(face->num_glyphs);
    std::vector<FT_Fixed> advances(count);
    // NO_SCALE: advances straight from hmtx, in font units, without hinting.
    if (count && FT_Get_Advances(face, 0, count, FT_LOAD_NO_SCALE, advances.data()) != 0)
        throw FontError{file_.string() + ": error: cannot read glyph advances of family '" + family_ + "'"};
    glyph_advances_.resize(count);
    for (FT_UInt i = 0; i < count; ++i)
        glyph_advances_[i] = static_cast<std::uint16_t>(advances[i] < 0 ? 0 : advances[i] > 0xFFFF ? 0xFFFF : advances[i]);
}

std::uint32_t FreeTypeFace::glyph_index(char32_t codepoint) const {
    if (codepoint < bmp_size) return (*bmp_blocks_[codepoint >> 8])[codepoint & 0xFF];
    const auto found = std::lower_bound(astral_glyphs_.begin(), astral_glyphs_.end(), codepoint,
                                        [](const AstralGlyph& entry, char32_t code) { return entry.code < code; });
    return found != astral_glyphs_.end() && found->code == codepoint ? found->glyph : 0;
}

double FreeTypeFace::advance(char32_t codepoint) const {
    const std::uint32_t glyph = glyph_index(codepoint);
    if (glyph == 0 || glyph >= glyph_advances_.size()) return 0;
    return glyph_advances_[glyph];
}

}  // namespace quorum::fonts
