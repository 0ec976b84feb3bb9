// Fonts: the catalogue (families -> files), and per-face metrics read with FreeType.
//
// Layout measures text with Face::advance(); the PDF stage embeds Face::file().
// Neither knows how the other uses a face: this stage knows nothing of PDF or CSS.
//
//   FontCatalogue fonts = FontCatalogue::load(QUORUM_SOURCE_DIR "/fonts/catalogue.json");
//   const Face& f = fonts.face("Liberation Sans", 700, /*italic=*/false);
//   double w = f.advance(U'£') * 12 / f.units_per_em();
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace quorum::fonts {

class Face {
public:
    virtual ~Face() = default;
    virtual const std::string& family() const = 0;
    virtual int weight() const = 0;        // 400 regular, 700 bold
    virtual bool italic() const = 0;
    virtual const std::filesystem::path& file() const = 0;
    virtual int id() const = 0;            // dense index within its catalogue, stable for a run
    virtual double units_per_em() const = 0;
    virtual double ascender() const = 0;   // font units, positive up (hhea/OS2 typo, as browsers use)
    virtual double descender() const = 0;  // font units, negative
    virtual double line_gap() const = 0;
    virtual bool has_glyph(char32_t codepoint) const = 0;
    virtual double advance(char32_t codepoint) const = 0;  // font units; 0 when missing
    virtual double underline_position() const = 0;  // font units (negative: below baseline)
    virtual double underline_thickness() const = 0;
};

// A problem with fonts, already phrased for the user (names the family and where it looked).
struct FontError {
    std::string message;
};

class FontCatalogue {
public:
    // Reads the catalogue (JSON: families with regular/bold/italic/bold-italic files,
    // generic-family aliases such as sans-serif, and the final fallback family).
    // Relative file names are searched in the catalogue's folder, then the system font folders.
    static FontCatalogue load(const std::filesystem::path& catalogue_file);
    FontCatalogue(FontCatalogue&&) noexcept;
    FontCatalogue& operator=(FontCatalogue&&) noexcept;
    ~FontCatalogue();

    bool has_family(std::string_view family) const;  // after generic aliases
    // The closest face of a family (CSS font matching: nearest weight, italic else normal).
    // Throws FontError when the family is unknown or its files are missing.
    const Face& face(std::string_view family, int weight, bool italic) const;
    // The faces to try, in order, for a CSS font-family list: each known family, then the
    // catalogue's fallback family (DejaVu Sans for symbols). Unknown families are skipped
    // (the caller warns once).
    std::vector<const Face*> fallback_chain(const std::vector<std::string>& families, int weight,
                                            bool italic) const;
    const Face& face_by_id(int id) const;
    std::size_t face_count() const;

private:
    FontCatalogue();
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace quorum::fonts
