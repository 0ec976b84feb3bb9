// Text shaping for inline layout: UTF-8, white-space processing, text-transform, and
// splitting text into runs per font face with per-glyph fallback.
//
// "Shaping" here is what our subset needs: one glyph per codepoint, advances from the
// face's hmtx (no kerning, no ligatures), so a run's width is the sum of its advances
// and the PDF stage, drawing the same codepoints in the same face, lands on the same x.
#pragma once

#include "fonts/fonts.hpp"
#include "style/computed_style.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include "text/utf8.hpp"

#include <memory>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace quorum::layout::shaping {

inline constexpr char32_t replacement_char = 0xFFFD;
inline constexpr char32_t soft_hyphen = 0x00AD;
inline constexpr char32_t zero_width_space = 0x200B;
inline constexpr char32_t no_break_space = 0x00A0;

// Characters beyond the Basic Multilingual Plane (U+10000 up: historic scripts, maths
// alphanumerics, emoji) cannot be drawn yet: the PDF fonts use 16-bit character codes.
// Layout treats them as missing from every font (SizedFace::has_glyph), so they are left
// out with a warning instead of silently vanishing from the PDF while taking space on the line.
inline constexpr bool drawable_plane(char32_t cp) { return cp <= 0xFFFF; }

// Decodes the codepoint at `i` and advances `i`; malformed bytes give U+FFFD (one byte).
// Inline for ASCII, which is nearly all of the text: it runs for every byte set.
char32_t next_multibyte_codepoint(std::string_view text, std::size_t& i);
inline char32_t next_codepoint(std::string_view text, std::size_t& i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
        ++i;
        return c;
    }
    return next_multibyte_codepoint(text, i);
}
using encoding::append_utf8;

// CSS white-space processing of one text item. `after_space` carries across items so
// "a <b> b</b>" collapses to one space; start it true to drop a paragraph's leading spaces.
// Output: collapsible runs become one ' '; preserved newlines stay '\n'; preserved tabs
// are expanded to spaces (8-column stops, counted from `column`, carried across items).
struct WhiteSpaceState {
    bool after_space = true;
    int column = 0;
};
void process_white_space(std::string_view in, style::WhiteSpace mode, WhiteSpaceState& state, std::string& out);

// text-transform. `at_word_start` carries across items for capitalize.
void transform_text(std::string& text, style::TextTransform transform, bool& at_word_start);

char32_t to_upper(char32_t cp);
char32_t to_lower(char32_t cp);
bool is_letter(char32_t cp);

inline double advance_pt(const fonts::Face& face, char32_t cp, double font_size) {
    return face.advance(cp) * font_size / face.units_per_em();
}

// One face at one size, its ASCII glyphs' presence and advances (pt) in tables: asking the
// face costs a virtual call and a cmap lookup per glyph, and every glyph is measured twice
// or more. The tabled advances are advance_pt()'s, bit for bit.
class SizedFace {
public:
    SizedFace(const fonts::Face& face, double font_size);
    const fonts::Face& face() const { return *face_; }
    // False beyond the drawable plane, whatever the font has (drawable_plane()).
    bool has_glyph(char32_t cp) const {
        return cp < table_size ? has_[cp] : drawable_plane(cp) && face_->has_glyph(cp);
    }
    double advance(char32_t cp) const { return cp < table_size ? advance_[cp] : advance_pt(*face_, cp, size_); }

private:
    static constexpr char32_t table_size = 128;
    const fonts::Face* face_;
    double size_;
    std::array<double, table_size> advance_;
    std::array<bool, table_size> has_;
};

// A fallback chain at one size.
using SizedChain = std::vector<SizedFace>;
SizedChain sized_chain(const std::vector<const fonts::Face*>& chain, double font_size);

// The fallback chains of the styles met in a paragraph, cached by font spec
// (families, weight, italic) because many elements share one.
class FaceChains {
public:
    explicit FaceChains(const fonts::FontCatalogue& fonts) : fonts_(fonts) {}
    // Never empty: throws fonts::FontError when not a single face can be found.
    const std::vector<const fonts::Face*>& chain(const style::ComputedStyle& style) {
        if (&style == last_style_) return *last_chain_;  // a paragraph asks for the same style per word
        last_chain_ = &lookup(style);
        last_style_ = &style;
        return *last_chain_;
    }
    // Call when styles may have been freed or changed (start of a paragraph): the
    // one-entry memo is keyed by address.
    void forget_last() { last_style_ = last_sized_style_ = nullptr; }
    // The style's chain at its font size (tabled for measuring).
    const SizedChain& sized(const style::ComputedStyle& style) {
        if (&style == last_sized_style_) return *last_sized_;
        last_sized_ = &lookup_sized(chain(style), style.font_size);
        last_sized_style_ = &style;
        return *last_sized_;
    }
    const fonts::FontCatalogue& catalogue() const { return fonts_; }

private:
    const std::vector<const fonts::Face*>& lookup(const style::ComputedStyle& style);
    const SizedChain& lookup_sized(const std::vector<const fonts::Face*>& chain, double font_size);
    const fonts::FontCatalogue& fonts_;
    const style::ComputedStyle* last_style_ = nullptr;
    const std::vector<const fonts::Face*>* last_chain_ = nullptr;
    std::string key_;  // reused: lookups allocate nothing
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, std::vector<const fonts::Face*>, Hash, std::equal_to<>> cache_;
    // Few (chain, size) pairs per document: a list searched from the start.
    struct Sized {
        const std::vector<const fonts::Face*>* chain;
        double font_size;
        std::unique_ptr<SizedChain> faces;
    };
    std::vector<Sized> sized_;
    const style::ComputedStyle* last_sized_style_ = nullptr;
    const SizedChain* last_sized_ = nullptr;
};

// A piece of text set in one face.
struct FaceSpan {
    const fonts::Face* face = nullptr;
    const SizedFace* sized = nullptr;  // the same face at the text's size
    std::size_t begin = 0, end = 0;  // byte range in the text given to split_by_face
    double width = 0;                // pt
};

// Splits `text` into maximal spans each drawn by one face: every codepoint goes to the
// first face of `chain` that has it. Codepoints no face has are left out of every span
// (the gap between spans) and reported through `missing` (may be null).
// With a SizedChain, spans point into it (FaceSpan::sized).
void split_by_face(std::string_view text, const SizedChain& chain, std::vector<FaceSpan>& out,
                   std::vector<char32_t>* missing);
void split_by_face(std::string_view text, const std::vector<const fonts::Face*>& chain, double font_size,
                   std::vector<FaceSpan>& out, std::vector<char32_t>* missing);

// The width of `text` in pt, with fallback (for measuring hyphens, markers and the like).
double measure(std::string_view text, const SizedChain& chain);
double measure(std::string_view text, const std::vector<const fonts::Face*>& chain, double font_size);

}  // namespace quorum::layout::shaping
