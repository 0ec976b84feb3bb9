// Computed values: what the cascade hands to layout. Lengths are resolved to points
// wherever CSS allows it at computed-value time (em, rem, px, mm...); percentages and
// `auto` stay symbolic because only layout knows the containing block.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace quorum::style {

struct Color {
    std::uint8_t r = 0, g = 0, b = 0, a = 255;  // a == 0: transparent
    bool transparent() const { return a == 0; }
    bool operator==(const Color&) const = default;
};

struct Length {
    enum class Unit : std::uint8_t { Pt, Percent, Auto };
    double value = 0;
    Unit unit = Unit::Pt;
    static Length pt(double v) { return {v, Unit::Pt}; }
    static Length percent(double v) { return {v, Unit::Percent}; }
    static Length automatic() { return {0, Unit::Auto}; }
    bool is_auto() const { return unit == Unit::Auto; }
    // Resolves against the containing block's width (percent) or returns `fallback` for auto.
    double resolve(double reference, double fallback = 0) const {
        return unit == Unit::Pt ? value : unit == Unit::Percent ? value * reference / 100.0 : fallback;
    }
    bool operator==(const Length&) const = default;
};

enum class Display : std::uint8_t {
    None, Inline, Block, InlineBlock, ListItem, Table, TableRowGroup, TableHeaderGroup,
    TableFooterGroup, TableRow, TableCell, TableColumnGroup, TableColumn, TableCaption
};
enum class FontStyle : std::uint8_t { Normal, Italic };
enum class TextAlign : std::uint8_t { Left, Right, Center, Justify };
enum class TextTransform : std::uint8_t { None, Uppercase, Lowercase, Capitalize };
enum class WhiteSpace : std::uint8_t { Normal, Pre, Nowrap, PreWrap, PreLine };
enum class VerticalAlign : std::uint8_t { Baseline, Super, Sub, Top, Middle, Bottom, TextTop, TextBottom };
enum class Hyphens : std::uint8_t { None, Manual, Auto };
enum class OverflowWrap : std::uint8_t { Normal, Anywhere, BreakWord };
enum class BorderStyle : std::uint8_t { None, Solid, Dashed, Dotted, Double };
enum class BorderCollapse : std::uint8_t { Separate, Collapse };
enum class TableLayout : std::uint8_t { Auto, Fixed };
enum class ListStyleType : std::uint8_t {
    None, Disc, Circle, Square, Decimal, DecimalLeadingZero, LowerAlpha, UpperAlpha, LowerRoman, UpperRoman
};
enum class ListStylePosition : std::uint8_t { Outside, Inside };
// break-before / break-after; page-break-* aliases map onto these.
enum class Break : std::uint8_t { Auto, Avoid, Page, Left, Right, Recto, Verso };
enum class BreakInside : std::uint8_t { Auto, Avoid };

struct Border {
    double width = 0;  // pt; 0 when style is None
    BorderStyle style = BorderStyle::None;
    Color color;
    bool visible() const { return style != BorderStyle::None && width > 0; }
    bool operator==(const Border&) const = default;
};

// One piece of a `content` value (::before/::after, margin boxes) or of `string-set`.
struct ContentItem {
    enum class Kind : std::uint8_t {
        String,         // text
        Attr,           // attr(name): name
        Counter,        // counter(name, style)
        Counters,       // counters(name, separator, style)
        TargetCounter,  // target-counter(attr(href), name, style): name = counter; text = attribute holding the #target
        StringRef,      // string(name, which): name; which in `text` ("first"|"start"|"last"|"first-except")
        ContentText,    // content(text) in string-set: the element's text
        OpenQuote, CloseQuote
    };
    Kind kind = Kind::String;
    std::string text;
    std::string name;
    ListStyleType counter_style = ListStyleType::Decimal;
    bool operator==(const ContentItem&) const = default;
};

struct CounterOp {
    std::string name;
    int value = 0;  // reset value, or increment amount
    bool operator==(const CounterOp&) const = default;
};

struct StringSet {
    std::string name;
    std::vector<ContentItem> value;
    bool operator==(const StringSet&) const = default;
};

struct ComputedStyle {
    Display display = Display::Inline;

    // Font (inherited)
    std::vector<std::string> font_family{"sans-serif"};  // as written, generic names kept
    double font_size = 12;         // pt
    int font_weight = 400;         // 100..900
    FontStyle font_style = FontStyle::Normal;
    std::optional<double> line_height_factor;  // unitless number, e.g. 1.2
    std::optional<double> line_height_pt;      // length; neither set = normal
    Color color{0, 0, 0, 255};

    // Text (inherited unless noted)
    TextAlign text_align = TextAlign::Left;
    double text_indent = 0;        // pt (percent resolved by layout is not supported: pt only)
    bool underline = false;        // text-decoration (not inherited in CSS, but propagates to inline descendants: the cascade sets it on descendants' used style)
    bool line_through = false;
    TextTransform text_transform = TextTransform::None;
    WhiteSpace white_space = WhiteSpace::Normal;
    Hyphens hyphens = Hyphens::Manual;
    OverflowWrap overflow_wrap = OverflowWrap::Normal;
    std::string lang;              // from the nearest lang attribute (inherited)
    ListStyleType list_style_type = ListStyleType::Disc;
    ListStylePosition list_style_position = ListStylePosition::Outside;
    BorderCollapse border_collapse = BorderCollapse::Separate;
    double border_spacing_h = 0, border_spacing_v = 0;  // pt
    int orphans = 2, widows = 2;

    // Not inherited
    VerticalAlign vertical_align = VerticalAlign::Baseline;
    Color background_color{0, 0, 0, 0};
    Length margin_top, margin_right, margin_bottom, margin_left;  // may be auto
    Length padding_top, padding_right, padding_bottom, padding_left;
    Border border_top, border_right, border_bottom, border_left;
    Length width = Length::automatic(), min_width, max_width = Length::automatic();
    Length height = Length::automatic();
    TableLayout table_layout = TableLayout::Auto;
    Break break_before = Break::Auto, break_after = Break::Auto;
    BreakInside break_inside = BreakInside::Auto;
    std::string page;              // named page ("" = auto)
    std::vector<CounterOp> counter_reset, counter_increment;
    std::vector<StringSet> string_set;
    std::vector<ContentItem> content;  // ::before/::after only; empty = none
    int column_span = 1;               // from <col span>/<td colspan> (attributes, set by the cascade)
    int row_span = 1;

    // Layout shares one stored copy among elements with equal styles (table cells, paragraphs).
    bool operator==(const ComputedStyle&) const = default;

    // Line height in pt for this style's font size.
    double line_height() const {
        if (line_height_pt) return *line_height_pt;
        return font_size * (line_height_factor ? *line_height_factor : 1.15);
    }
};

}  // namespace quorum::style
