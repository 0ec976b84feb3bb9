// Text shaping for inline layout: UTF-8, white-space processing, text-transform, and
// splitting text into runs per font face with per-glyph fallback.
//
// "Shaping" here is what our subset needs: one glyph per codepoint, advances from the
// face's hmtx (no kerning, no ligatures), so a run's width is the sum of its advances
// and the PDF stage, drawing the same codepoints in the same face, lands on the same x.
#pragma once

#include "fonts/fonts.hpp"
#include "style/computed_style.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include "text/utf8.hpp"

#include <string_view>
#include <unordered_map>
#include <vector>

namespace quorum::layout::shaping {

inline constexpr char32_t replacement_char = 0xFFFD;
inline constexpr char32_t soft_hyphen = 0x00AD;
inline constexpr char32_t zero_width_space = 0x200B;
inline constexpr char32_t no_break_space = 0x00A0;

// Decodes the codepoint at `i` and advances `i`; malformed bytes give U+FFFD (one byte).
char32_t next_codepoint(std::string_view text, std::size_t& i);
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
    void forget_last() { last_style_ = nullptr; }
    const fonts::FontCatalogue& catalogue() const { return fonts_; }

private:
    const std::vector<const fonts::Face*>& lookup(const style::ComputedStyle& style);
    const fonts::FontCatalogue& fonts_;
    const style::ComputedStyle* last_style_ = nullptr;
    const std::vector<const fonts::Face*>* last_chain_ = nullptr;
    std::string key_;  // reused: lookups allocate nothing
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, std::vector<const fonts::Face*>, Hash, std::equal_to<>> cache_;
};

// A piece of text set in one face.
struct FaceSpan {
    const fonts::Face* face = nullptr;
    std::size_t begin = 0, end = 0;  // byte range in the text given to split_by_face
    double width = 0;                // pt
};

// Splits `text` into maximal spans each drawn by one face: every codepoint goes to the
// first face of `chain` that has it. Codepoints no face has are left out of every span
// (the gap between spans) and reported through `missing` (may be null).
void split_by_face(std::string_view text, const std::vector<const fonts::Face*>& chain, double font_size,
                   std::vector<FaceSpan>& out, std::vector<char32_t>* missing);

inline double advance_pt(const fonts::Face& face, char32_t cp, double font_size) {
    return face.advance(cp) * font_size / face.units_per_em();
}

// The width of `text` in pt, with fallback (for measuring hyphens, markers and the like).
double measure(std::string_view text, const std::vector<const fonts::Face*>& chain, double font_size);

}  // namespace quorum::layout::shaping
