// A Face backed by FreeType: metrics read once, advances cached in flat arrays.
#pragma once

#include "fonts/fonts.hpp"

#include <array>
#include <cstdint>
#include <memory>
#include <vector>

struct FT_FaceRec_;  // FreeType's face, used only while the constructor reads it

namespace quorum::fonts {

class FreeTypeFace final : public Face {
public:
    // Opens `file` and reads everything layout will ask for. Throws FontError when
    // the file is not a font FreeType can read (the message names the file).
    FreeTypeFace(std::string family, int weight, bool italic, std::filesystem::path file, int id);
    ~FreeTypeFace() override;

    const std::string& family() const override { return family_; }
    int weight() const override { return weight_; }
    bool italic() const override { return italic_; }
    const std::filesystem::path& file() const override { return file_; }
    int id() const override { return id_; }
    double units_per_em() const override { return units_per_em_; }
    double ascender() const override { return ascender_; }
    double descender() const override { return descender_; }
    double line_gap() const override { return line_gap_; }
    bool has_glyph(char32_t codepoint) const override { return glyph_index(codepoint) != 0; }
    double advance(char32_t codepoint) const override;
    double underline_position() const override { return underline_position_; }
    double underline_thickness() const override { return underline_thickness_; }

    // The glyph id of a codepoint in this font (0: .notdef, i.e. missing).
    std::uint32_t glyph_index(char32_t codepoint) const;

private:
    using FT_Face = FT_FaceRec_*;
    void require_truetype_outlines(FT_Face face) const;
    [[noreturn]] void throw_cff_outlines() const;
    void read_vertical_metrics(FT_Face face);
    void read_cmap(FT_Face face);
    void read_advances(FT_Face face);

    std::string family_;
    int weight_;
    bool italic_;
    std::filesystem::path file_;
    int id_;
    double units_per_em_ = 1000;
    double ascender_ = 0, descender_ = 0, line_gap_ = 0;
    double underline_position_ = 0, underline_thickness_ = 0;

    // BMP codepoint -> glyph id in 256-codepoint blocks, a block stored only where the
    // font has a glyph (a flat table was 128 KiB a face; these are a few KiB: Liberation
    // covers ~30 blocks); empty blocks share one block of zeros. Then glyph id -> advance
    // (font units). Three loads per character on layout's hot path; codepoints beyond the
    // BMP (rare in council papers) are looked up in a sorted list. Layout does not ask for
    // them yet (PDF fonts use 16-bit codes: shaping::drawable_plane); the list is the face's
    // true answer, kept for when drawing them is done.
    using GlyphBlock = std::array<std::uint16_t, 256>;
    std::array<const GlyphBlock*, 256> bmp_blocks_{};
    std::vector<std::unique_ptr<GlyphBlock>> stored_blocks_;
    std::vector<std::uint16_t> glyph_advances_;
    struct AstralGlyph {
        char32_t code;
        std::uint16_t glyph;
    };
    std::vector<AstralGlyph> astral_glyphs_;
};

}  // namespace quorum::fonts
