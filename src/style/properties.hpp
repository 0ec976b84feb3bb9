// Longhand properties and their specified values.
//
// Declarations are parsed into typed values once, when the stylesheet is read, so an
// invalid value is dropped at parse time (as CSS requires: an earlier valid declaration
// then wins) and computing 100,000 elements' styles never re-reads tokens.
#pragma once

#include "style/computed_style.hpp"
#include "style/css_parser.hpp"
#include "style/diagnostics.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace quorum::style {

enum class Property : std::uint8_t {
    // inherited
    FontFamily, FontSize, FontWeight, FontStyle, LineHeight, Color, TextAlign, TextIndent,
    TextTransform, WhiteSpace, Hyphens, OverflowWrap, ListStyleType, ListStylePosition,
    BorderCollapse, BorderSpacing, Orphans, Widows,
    // not inherited
    Display, TextDecoration, VerticalAlign, BackgroundColor,
    MarginTop, MarginRight, MarginBottom, MarginLeft,
    PaddingTop, PaddingRight, PaddingBottom, PaddingLeft,
    BorderTopWidth, BorderRightWidth, BorderBottomWidth, BorderLeftWidth,
    BorderTopStyle, BorderRightStyle, BorderBottomStyle, BorderLeftStyle,
    BorderTopColor, BorderRightColor, BorderBottomColor, BorderLeftColor,
    Width, MinWidth, MaxWidth, Height, TableLayout, BreakBefore, BreakAfter, BreakInside,
    Page, CounterReset, CounterIncrement, StringSet, Content,
    Size,  // @page only
    Count
};
constexpr std::size_t property_count = static_cast<std::size_t>(Property::Count);

inline bool is_inherited(Property p) { return p <= Property::Widows; }

// A length as written: absolute units are already converted to points.
struct SpecifiedLength {
    enum class Unit : std::uint8_t { Pt, Em, Rem, Percent, Auto };
    double value = 0;
    Unit unit = Unit::Pt;
    bool operator==(const SpecifiedLength&) const = default;
};

struct Value {
    enum class Kind : std::uint8_t {
        Keyword,   // `keyword` holds the property's enum value (or a special below)
        Length,    // `length` (and `length2` for border-spacing/size pairs)
        Number,    // `number`: unitless line-height, font-weight, orphans, integers
        Color,     // `color`
        List,      // font-family names, content items, counters, string-sets, page name (strings[0])
        Inherit, Initial
    };
    Kind kind = Kind::Keyword;
    int keyword = 0;
    double number = 0;
    SpecifiedLength length, length2;
    Color color;
    std::vector<std::string> strings;
    std::vector<ContentItem> content;
    std::vector<CounterOp> counters;
    std::vector<StringSet> string_sets;
};

// Keywords that are not one of the property's own enum values.
namespace special {
constexpr int current_color = 1000;  // border-*-color: currentColor
constexpr int bolder = 1001, lighter = 1002;
constexpr int normal = 1003;         // line-height: normal
constexpr int none = 1004;           // content/counters/string-set/page: none or auto
constexpr int landscape = 1005, portrait = 1006;  // size: orientation only
}  // namespace special

struct Declaration {
    Property property;
    bool important = false;
    int line = 0;
    Value value;
};

// Parses one declaration, expanding shorthands into longhands. Unknown properties and
// invalid values give a warning and no declarations. `page_context` allows `size`.
void parse_declaration(const css::RawDeclaration& raw, bool page_context, Diagnostics& diagnostics,
                       std::vector<Declaration>& out);

// Parses a colour value ("#fff", "rgb(0,0,0)", "navy"); for tests and attributes.
std::optional<Color> parse_color(std::string_view text);

}  // namespace quorum::style
