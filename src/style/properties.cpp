#include "style/properties.hpp"

#include "style/colors.hpp"
#include "style/components.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <string_view>

namespace quorum::style {
namespace {

using css::Component;
using css::Token;
using css::TokenType;
using Components = std::vector<Component>;

struct Keyword {
    std::string_view name;
    int value;
};

template <std::size_t N>
std::optional<int> find_keyword(const Component& c, const std::array<Keyword, N>& table) {
    if (!c.token.is(TokenType::Ident)) return std::nullopt;
    for (const Keyword& k : table)
        if (css::iequals(c.token.value, k.name)) return k.value;
    return std::nullopt;
}

template <typename E>
constexpr int k(E e) { return static_cast<int>(e); }

constexpr std::array display_keywords = {
    Keyword{"none", k(Display::None)}, Keyword{"inline", k(Display::Inline)}, Keyword{"block", k(Display::Block)},
    Keyword{"inline-block", k(Display::InlineBlock)}, Keyword{"list-item", k(Display::ListItem)},
    Keyword{"table", k(Display::Table)}, Keyword{"inline-table", k(Display::Table)},
    Keyword{"table-row-group", k(Display::TableRowGroup)}, Keyword{"table-header-group", k(Display::TableHeaderGroup)},
    Keyword{"table-footer-group", k(Display::TableFooterGroup)}, Keyword{"table-row", k(Display::TableRow)},
    Keyword{"table-cell", k(Display::TableCell)}, Keyword{"table-column-group", k(Display::TableColumnGroup)},
    Keyword{"table-column", k(Display::TableColumn)}, Keyword{"table-caption", k(Display::TableCaption)},
};
constexpr std::array text_align_keywords = {
    Keyword{"left", k(TextAlign::Left)}, Keyword{"right", k(TextAlign::Right)}, Keyword{"center", k(TextAlign::Center)},
    Keyword{"justify", k(TextAlign::Justify)}, Keyword{"start", k(TextAlign::Left)}, Keyword{"end", k(TextAlign::Right)},
};
constexpr std::array font_style_keywords = {
    Keyword{"normal", k(FontStyle::Normal)}, Keyword{"italic", k(FontStyle::Italic)},
    Keyword{"oblique", k(FontStyle::Italic)},
};
constexpr std::array text_transform_keywords = {
    Keyword{"none", k(TextTransform::None)}, Keyword{"uppercase", k(TextTransform::Uppercase)},
    Keyword{"lowercase", k(TextTransform::Lowercase)}, Keyword{"capitalize", k(TextTransform::Capitalize)},
};
constexpr std::array white_space_keywords = {
    Keyword{"normal", k(WhiteSpace::Normal)}, Keyword{"pre", k(WhiteSpace::Pre)},
    Keyword{"nowrap", k(WhiteSpace::Nowrap)}, Keyword{"pre-wrap", k(WhiteSpace::PreWrap)},
    Keyword{"pre-line", k(WhiteSpace::PreLine)}, Keyword{"break-spaces", k(WhiteSpace::PreWrap)},
};
constexpr std::array vertical_align_keywords = {
    Keyword{"baseline", k(VerticalAlign::Baseline)}, Keyword{"super", k(VerticalAlign::Super)},
    Keyword{"sub", k(VerticalAlign::Sub)}, Keyword{"top", k(VerticalAlign::Top)},
    Keyword{"middle", k(VerticalAlign::Middle)}, Keyword{"bottom", k(VerticalAlign::Bottom)},
    Keyword{"text-top", k(VerticalAlign::TextTop)}, Keyword{"text-bottom", k(VerticalAlign::TextBottom)},
};
constexpr std::array hyphens_keywords = {
    Keyword{"none", k(Hyphens::None)}, Keyword{"manual", k(Hyphens::Manual)}, Keyword{"auto", k(Hyphens::Auto)},
};
constexpr std::array overflow_wrap_keywords = {
    Keyword{"normal", k(OverflowWrap::Normal)}, Keyword{"anywhere", k(OverflowWrap::Anywhere)},
    Keyword{"break-word", k(OverflowWrap::BreakWord)},
};
constexpr std::array border_style_keywords = {
    Keyword{"none", k(BorderStyle::None)}, Keyword{"hidden", k(BorderStyle::None)},
    Keyword{"solid", k(BorderStyle::Solid)}, Keyword{"dashed", k(BorderStyle::Dashed)},
    Keyword{"dotted", k(BorderStyle::Dotted)}, Keyword{"double", k(BorderStyle::Double)},
    // Not drawn as such: the nearest supported style keeps the border visible.
    Keyword{"groove", k(BorderStyle::Solid)}, Keyword{"ridge", k(BorderStyle::Solid)},
    Keyword{"inset", k(BorderStyle::Solid)}, Keyword{"outset", k(BorderStyle::Solid)},
};
constexpr std::array list_style_type_keywords = {
    Keyword{"none", k(ListStyleType::None)}, Keyword{"disc", k(ListStyleType::Disc)},
    Keyword{"circle", k(ListStyleType::Circle)}, Keyword{"square", k(ListStyleType::Square)},
    Keyword{"decimal", k(ListStyleType::Decimal)}, Keyword{"decimal-leading-zero", k(ListStyleType::DecimalLeadingZero)},
    Keyword{"lower-alpha", k(ListStyleType::LowerAlpha)}, Keyword{"lower-latin", k(ListStyleType::LowerAlpha)},
    Keyword{"upper-alpha", k(ListStyleType::UpperAlpha)}, Keyword{"upper-latin", k(ListStyleType::UpperAlpha)},
    Keyword{"lower-roman", k(ListStyleType::LowerRoman)}, Keyword{"upper-roman", k(ListStyleType::UpperRoman)},
};
constexpr std::array list_style_position_keywords = {
    Keyword{"outside", k(ListStylePosition::Outside)}, Keyword{"inside", k(ListStylePosition::Inside)},
};
constexpr std::array border_collapse_keywords = {
    Keyword{"separate", k(BorderCollapse::Separate)}, Keyword{"collapse", k(BorderCollapse::Collapse)},
};
constexpr std::array table_layout_keywords = {
    Keyword{"auto", k(TableLayout::Auto)}, Keyword{"fixed", k(TableLayout::Fixed)},
};
constexpr std::array break_keywords = {
    Keyword{"auto", k(Break::Auto)}, Keyword{"avoid", k(Break::Avoid)}, Keyword{"avoid-page", k(Break::Avoid)},
    Keyword{"page", k(Break::Page)}, Keyword{"left", k(Break::Left)}, Keyword{"right", k(Break::Right)},
    Keyword{"recto", k(Break::Recto)}, Keyword{"verso", k(Break::Verso)},
};
// page-break-before/after: `always` is the old spelling of `page`.
constexpr std::array page_break_keywords = {
    Keyword{"auto", k(Break::Auto)}, Keyword{"avoid", k(Break::Avoid)}, Keyword{"always", k(Break::Page)},
    Keyword{"left", k(Break::Left)}, Keyword{"right", k(Break::Right)},
};
constexpr std::array break_inside_keywords = {
    Keyword{"auto", k(BreakInside::Auto)}, Keyword{"avoid", k(BreakInside::Avoid)},
    Keyword{"avoid-page", k(BreakInside::Avoid)},
};

// Properties we know but do not implement: "unsupported", not "unknown" (a typo).
constexpr std::array<std::string_view, 47> unsupported_properties = {
    "float", "position", "top", "left", "right", "bottom", "z-index", "letter-spacing", "word-spacing",
    "font-variant", "text-shadow", "box-shadow", "overflow", "overflow-x", "overflow-y", "clear", "opacity",
    "quotes", "cursor", "border-radius", "background-image", "background-repeat", "background-position",
    "background-size", "min-height", "max-height", "outline", "visibility", "list-style-image", "font-stretch",
    "box-sizing", "direction", "unicode-bidi", "transform", "transition", "flex", "flex-direction",
    "align-items", "justify-content", "gap", "columns", "column-count", "text-overflow", "word-break",
    "bookmark-level", "bookmark-label", "font-variant-numeric",
};

struct Parsed {
    Property property;
    Value value;
};
using Out = std::vector<Parsed>;

Value keyword_value(int keyword) {
    Value v;
    v.kind = Value::Kind::Keyword;
    v.keyword = keyword;
    return v;
}

Value number_value(double n) {
    Value v;
    v.kind = Value::Kind::Number;
    v.number = n;
    return v;
}

Value length_value(SpecifiedLength l) {
    Value v;
    v.kind = Value::Kind::Length;
    v.length = l;
    return v;
}

Value color_value(Color c) {
    Value v;
    v.kind = Value::Kind::Color;
    v.color = c;
    return v;
}

// Unit conversion to points, or em/rem kept relative. `ex` is taken as half an em.
std::optional<SpecifiedLength> dimension(const Token& t) {
    using U = SpecifiedLength::Unit;
    std::string unit = css::to_lower(t.value);
    double v = t.number;
    if (unit == "pt") return SpecifiedLength{v, U::Pt};
    if (unit == "px") return SpecifiedLength{v * 0.75, U::Pt};
    if (unit == "mm") return SpecifiedLength{v * 72.0 / 25.4, U::Pt};
    if (unit == "cm") return SpecifiedLength{v * 72.0 / 2.54, U::Pt};
    if (unit == "in") return SpecifiedLength{v * 72.0, U::Pt};
    if (unit == "pc") return SpecifiedLength{v * 12.0, U::Pt};
    if (unit == "q") return SpecifiedLength{v * 72.0 / 101.6, U::Pt};
    if (unit == "em") return SpecifiedLength{v, U::Em};
    if (unit == "rem") return SpecifiedLength{v, U::Rem};
    if (unit == "ex") return SpecifiedLength{v * 0.5, U::Em};
    return std::nullopt;
}

struct LengthRules {
    bool percent = true;
    bool negative = false;
    bool auto_keyword = false;
};

std::optional<SpecifiedLength> parse_length(const Component& c, LengthRules rules) {
    using U = SpecifiedLength::Unit;
    const Token& t = c.token;
    std::optional<SpecifiedLength> out;
    if (t.is(TokenType::Dimension)) out = dimension(t);
    else if (t.is(TokenType::Percentage) && rules.percent) out = SpecifiedLength{t.number, U::Percent};
    else if (t.is(TokenType::Number) && t.number == 0) out = SpecifiedLength{0, U::Pt};  // unitless zero
    else if (rules.auto_keyword && t.is_ident("auto")) out = SpecifiedLength{0, U::Auto};
    if (out && !rules.negative && out->value < 0) return std::nullopt;
    return out;
}

std::uint8_t clamp_channel(double v) { return static_cast<std::uint8_t>(std::lround(std::clamp(v, 0.0, 255.0))); }

std::optional<double> channel_value(const Components& arg) {
    if (arg.size() != 1) return std::nullopt;
    const Token& t = arg[0].token;
    if (t.is(TokenType::Number)) return t.number;
    if (t.is(TokenType::Percentage)) return t.number * 2.55;
    return std::nullopt;
}

// rgb(r, g, b) / rgba(r, g, b, a) and the space-separated "rgb(r g b / a)" form.
std::optional<Color> rgb_function(const Component& c) {
    std::vector<Components> args = c.args;
    if (args.size() == 1 && args[0].size() >= 3) {  // space-separated form
        Components all = args[0];
        args.clear();
        for (const Component& part : all)
            if (!part.token.is_delim('/')) args.push_back({part});
    }
    if (args.size() != 3 && args.size() != 4) return std::nullopt;
    std::array<double, 3> rgb{};
    for (std::size_t i = 0; i < 3; ++i) {
        auto v = channel_value(args[i]);
        if (!v) return std::nullopt;
        rgb[i] = *v;
    }
    double alpha = 1;
    if (args.size() == 4) {
        if (args[3].size() != 1) return std::nullopt;
        const Token& a = args[3][0].token;
        if (a.is(TokenType::Number)) alpha = a.number;
        else if (a.is(TokenType::Percentage)) alpha = a.number / 100;
        else return std::nullopt;
    }
    return Color{clamp_channel(rgb[0]), clamp_channel(rgb[1]), clamp_channel(rgb[2]), clamp_channel(alpha * 255)};
}

// nullopt if not a colour; `current` set for currentColor.
std::optional<Color> parse_color_component(const Component& c, bool* current = nullptr) {
    const Token& t = c.token;
    if (t.is(TokenType::Hash)) return hex_color(t.value);
    if (c.is_function("rgb") || c.is_function("rgba")) return rgb_function(c);
    if (!t.is(TokenType::Ident)) return std::nullopt;
    std::string name = css::to_lower(t.value);
    if (name == "transparent") return Color{0, 0, 0, 0};
    if (name == "currentcolor") {
        if (current) *current = true;
        return Color{};
    }
    return named_color(name);
}

std::optional<Value> color_or_current(const Component& c) {
    bool current = false;
    auto color = parse_color_component(c, &current);
    if (!color) return std::nullopt;
    return current ? keyword_value(special::current_color) : color_value(*color);
}

std::optional<ListStyleType> counter_style(const Components& arg) {
    if (arg.size() != 1) return std::nullopt;
    auto kw = find_keyword(arg[0], list_style_type_keywords);
    if (!kw) return std::nullopt;
    return static_cast<ListStyleType>(*kw);
}

std::optional<std::string> single_ident(const Components& arg) {
    if (arg.size() != 1 || !arg[0].token.is(TokenType::Ident)) return std::nullopt;
    return arg[0].token.value;
}

std::optional<std::string> single_string(const Components& arg) {
    if (arg.size() != 1 || !arg[0].token.is(TokenType::String)) return std::nullopt;
    return arg[0].token.value;
}

// One item of `content` or `string-set`.
std::optional<ContentItem> content_item(const Component& c) {
    using K = ContentItem::Kind;
    const Token& t = c.token;
    ContentItem item;
    if (t.is(TokenType::String)) {
        item.kind = K::String;
        item.text = t.value;
        return item;
    }
    if (t.is_ident("open-quote")) return ContentItem{K::OpenQuote, {}, {}, ListStyleType::Decimal};
    if (t.is_ident("close-quote")) return ContentItem{K::CloseQuote, {}, {}, ListStyleType::Decimal};
    if (!c.is_function()) return std::nullopt;
    const auto& a = c.args;
    if (c.is_function("attr")) {
        auto name = a.size() == 1 ? single_ident(a[0]) : std::nullopt;
        if (!name) return std::nullopt;
        item.kind = K::Attr;
        item.name = css::to_lower(*name);
        return item;
    }
    if (c.is_function("counter") || c.is_function("counters")) {
        bool plural = c.is_function("counters");
        std::size_t style_index = plural ? 2 : 1;
        if (a.size() < style_index || a.size() > style_index + 1) return std::nullopt;
        auto name = single_ident(a[0]);
        if (!name) return std::nullopt;
        item.kind = plural ? K::Counters : K::Counter;
        item.name = *name;
        if (plural) {
            auto separator = single_string(a[1]);
            if (!separator) return std::nullopt;
            item.text = *separator;
        }
        if (a.size() == style_index + 1) {
            auto style = counter_style(a[style_index]);
            if (!style) return std::nullopt;
            item.counter_style = *style;
        }
        return item;
    }
    if (c.is_function("target-counter")) {
        if (a.size() < 2 || a.size() > 3 || a[0].size() != 1 || !a[0][0].is_function("attr")) return std::nullopt;
        const Component& attr = a[0][0];
        auto attribute = attr.args.size() == 1 ? single_ident(attr.args[0]) : std::nullopt;
        auto name = single_ident(a[1]);
        if (!attribute || !name) return std::nullopt;
        item.kind = K::TargetCounter;
        item.text = css::to_lower(*attribute);
        item.name = *name;
        if (a.size() == 3) {
            auto style = counter_style(a[2]);
            if (!style) return std::nullopt;
            item.counter_style = *style;
        }
        return item;
    }
    if (c.is_function("string")) {
        if (a.empty() || a.size() > 2) return std::nullopt;
        auto name = single_ident(a[0]);
        if (!name) return std::nullopt;
        item.kind = K::StringRef;
        item.name = *name;
        item.text = "first";
        if (a.size() == 2) {
            auto which = single_ident(a[1]);
            if (!which) return std::nullopt;
            std::string w = css::to_lower(*which);
            if (w != "first" && w != "start" && w != "last" && w != "first-except") return std::nullopt;
            item.text = w;
        }
        return item;
    }
    if (c.is_function("content")) {
        if (!a.empty() && !(a.size() == 1 && a[0].size() == 1 && a[0][0].token.is_ident("text"))) return std::nullopt;
        item.kind = K::ContentText;
        return item;
    }
    return std::nullopt;
}

class ValueParser {
public:
    ValueParser(const css::RawDeclaration& raw, bool page_context, Diagnostics& d, Out& out)
        : raw_(raw), page_context_(page_context), d_(d), out_(out) {}

    void run() {
        if (name().starts_with("--")) return;  // custom properties: valid CSS, used only through var()
        name_ = physical_name(raw_.name);
        if (uses_var()) return d_.warn(raw_.line, "var() is not supported; declarations using it are ignored");
        auto components = css::to_components(raw_.value);
        if (!components || components->empty()) return invalid();
        v_ = std::move(*components);
        if (v_.size() == 1 && (v_[0].token.is_ident("inherit") || v_[0].token.is_ident("initial") ||
                               v_[0].token.is_ident("unset"))) {
            return wide_keyword();
        }
        dispatch();
    }

private:
    const css::RawDeclaration& raw_;
    bool page_context_;
    Diagnostics& d_;
    Out& out_;
    Components v_;
    std::string name_;  // the property, logical names mapped to physical ones
    const std::string& name() const { return name_.empty() ? raw_.name : name_; }

    // Logical properties in horizontal left-to-right text, the only writing mode we set:
    // inline-start = left, inline-end = right, block-start = top, block-end = bottom.
    static std::string physical_name(const std::string& n) {
        static constexpr std::pair<std::string_view, std::string_view> sides[] = {
            {"inline-start", "left"}, {"inline-end", "right"}, {"block-start", "top"}, {"block-end", "bottom"}};
        for (const auto& [logical, physical] : sides) {
            std::size_t at = n.find(logical);
            if (at == std::string::npos || at == 0 || n[at - 1] != '-') continue;
            std::size_t end = at + logical.size();
            if (end != n.size() && n[end] != '-') continue;
            return n.substr(0, at) + std::string(physical) + n.substr(end);
        }
        return n;
    }

    // margin-inline: start end / margin-block: start end (and padding-*).
    bool logical_pair() {
        struct Pair {
            std::string_view name;
            Property start, end;
        };
        static constexpr Pair pairs[] = {
            {"margin-inline", Property::MarginLeft, Property::MarginRight},
            {"margin-block", Property::MarginTop, Property::MarginBottom},
            {"padding-inline", Property::PaddingLeft, Property::PaddingRight},
            {"padding-block", Property::PaddingTop, Property::PaddingBottom}};
        for (const Pair& pair : pairs) {
            if (name() != pair.name) continue;
            if (v_.empty() || v_.size() > 2) return invalid(), true;
            auto parse = pair.name.starts_with("margin") ? margin_value : padding_value;
            auto start = parse(v_.front()), end = parse(v_.back());
            if (!start || !end) return invalid(), true;
            emit(pair.start, std::move(*start));
            emit(pair.end, std::move(*end));
            return true;
        }
        return false;
    }

    void invalid() {
        d_.warn(raw_.line, "invalid value '" + css::serialize(raw_.value) + "' for '" + name() + "' ignored");
    }

    bool uses_var() const {
        return std::any_of(raw_.value.begin(), raw_.value.end(),
                           [](const Token& t) { return t.is(TokenType::Function) && css::iequals(t.value, "var"); });
    }
    void emit(Property p, Value v) { out_.push_back({p, std::move(v)}); }

    // inherit/initial/unset apply to every longhand of a shorthand.
    void wide_keyword() {
        std::vector<Property> longhands = longhands_of(name());
        if (longhands.empty()) return unknown_property();
        Value v;
        if (v_[0].token.is_ident("inherit")) v.kind = Value::Kind::Inherit;
        else if (v_[0].token.is_ident("initial")) v.kind = Value::Kind::Initial;
        for (Property p : longhands) {
            Value each = v;
            if (v_[0].token.is_ident("unset")) each.kind = is_inherited(p) ? Value::Kind::Inherit : Value::Kind::Initial;
            emit(p, each);
        }
    }

    void unknown_property() {
        for (std::string_view u : unsupported_properties)
            if (name() == u) return d_.warn(raw_.line, "unsupported property '" + name() + "' ignored");
        d_.warn(raw_.line, "unknown property '" + name() + "' ignored");
    }

    template <std::size_t N>
    void single_keyword(Property p, const std::array<Keyword, N>& table) {
        std::optional<int> kw = v_.size() == 1 ? find_keyword(v_[0], table) : std::nullopt;
        if (!kw) return invalid();
        emit(p, keyword_value(*kw));
    }

    void single_length(Property p, LengthRules rules) {
        auto len = v_.size() == 1 ? parse_length(v_[0], rules) : std::nullopt;
        if (!len) return invalid();
        emit(p, length_value(*len));
    }

    // margin/padding/border-*: 1 to 4 values, top right bottom left.
    template <typename ParseOne>
    void four_sides(const std::array<Property, 4>& sides, ParseOne parse_one) {
        if (v_.empty() || v_.size() > 4) return invalid();
        std::vector<Value> values;
        for (const Component& c : v_) {
            auto value = parse_one(c);
            if (!value) return invalid();
            values.push_back(std::move(*value));
        }
        static constexpr std::size_t pick[4][4] = {{0, 0, 0, 0}, {0, 1, 0, 1}, {0, 1, 2, 1}, {0, 1, 2, 3}};
        for (std::size_t side = 0; side < 4; ++side) emit(sides[side], values[pick[values.size() - 1][side]]);
    }

    static std::optional<Value> margin_value(const Component& c) {
        auto len = parse_length(c, {.percent = true, .negative = true, .auto_keyword = true});
        if (!len) return std::nullopt;
        return length_value(*len);
    }
    static std::optional<Value> padding_value(const Component& c) {
        auto len = parse_length(c, {.percent = true, .negative = false});
        if (!len) return std::nullopt;
        return length_value(*len);
    }
    static std::optional<Value> border_width_value(const Component& c) {
        const Token& t = c.token;
        if (t.is_ident("thin")) return length_value({0.75, SpecifiedLength::Unit::Pt});
        if (t.is_ident("medium")) return length_value({2.25, SpecifiedLength::Unit::Pt});
        if (t.is_ident("thick")) return length_value({3.75, SpecifiedLength::Unit::Pt});
        auto len = parse_length(c, {.percent = false, .negative = false});
        if (!len) return std::nullopt;
        return length_value(*len);
    }
    static std::optional<Value> border_style_value(const Component& c) {
        auto kw = find_keyword(c, border_style_keywords);
        if (!kw) return std::nullopt;
        return keyword_value(*kw);
    }

    static constexpr std::array<Property, 4> margins{Property::MarginTop, Property::MarginRight, Property::MarginBottom,
                                                     Property::MarginLeft};
    static constexpr std::array<Property, 4> paddings{Property::PaddingTop, Property::PaddingRight,
                                                      Property::PaddingBottom, Property::PaddingLeft};
    static constexpr std::array<Property, 4> border_widths{Property::BorderTopWidth, Property::BorderRightWidth,
                                                           Property::BorderBottomWidth, Property::BorderLeftWidth};
    static constexpr std::array<Property, 4> border_styles{Property::BorderTopStyle, Property::BorderRightStyle,
                                                           Property::BorderBottomStyle, Property::BorderLeftStyle};
    static constexpr std::array<Property, 4> border_colors{Property::BorderTopColor, Property::BorderRightColor,
                                                           Property::BorderBottomColor, Property::BorderLeftColor};

    // border / border-top ...: width || style || color, missing parts reset to initial.
    void border_shorthand(const std::vector<std::size_t>& sides) {
        std::optional<Value> width, style, color;
        for (const Component& c : v_) {
            if (!width && (width = border_width_value(c))) continue;
            if (!style && (style = border_style_value(c))) continue;
            if (!color && (color = color_or_current(c))) continue;
            return invalid();
        }
        if (!width) width = length_value({2.25, SpecifiedLength::Unit::Pt});
        if (!style) style = keyword_value(k(BorderStyle::None));
        if (!color) color = keyword_value(special::current_color);
        for (std::size_t side : sides) {
            emit(border_widths[side], *width);
            emit(border_styles[side], *style);
            emit(border_colors[side], *color);
        }
    }

    static std::optional<Value> font_size_value(const Component& c) {
        static constexpr std::array<std::pair<std::string_view, double>, 7> absolute = {{
            {"xx-small", 9}, {"x-small", 10}, {"small", 13}, {"medium", 16},
            {"large", 18}, {"x-large", 24}, {"xx-large", 32},
        }};
        for (const auto& [kw, px] : absolute)
            if (c.token.is_ident(kw)) return length_value({px * 0.75, SpecifiedLength::Unit::Pt});
        if (c.token.is_ident("larger")) return length_value({120, SpecifiedLength::Unit::Percent});
        if (c.token.is_ident("smaller")) return length_value({100 / 1.2, SpecifiedLength::Unit::Percent});
        auto len = parse_length(c, {.percent = true, .negative = false});
        if (!len) return std::nullopt;
        return length_value(*len);
    }

    static std::optional<Value> font_weight_value(const Component& c) {
        const Token& t = c.token;
        if (t.is_ident("normal")) return number_value(400);
        if (t.is_ident("bold")) return number_value(700);
        if (t.is_ident("bolder")) return keyword_value(special::bolder);
        if (t.is_ident("lighter")) return keyword_value(special::lighter);
        if (t.is(TokenType::Number) && t.number >= 1 && t.number <= 1000) return number_value(t.number);
        return std::nullopt;
    }

    static std::optional<Value> line_height_value(const Component& c) {
        const Token& t = c.token;
        if (t.is_ident("normal")) return keyword_value(special::normal);
        if (t.is(TokenType::Number) && t.number >= 0) return number_value(t.number);
        auto len = parse_length(c, {.percent = true, .negative = false});
        if (!len) return std::nullopt;
        return length_value(*len);
    }

    // Comma-separated family names; unquoted names of several words are joined by spaces.
    std::optional<Value> font_family_value(std::size_t from) const {
        Value v;
        v.kind = Value::Kind::List;
        std::string current;
        bool quoted = false;
        for (std::size_t i = from; i <= v_.size(); ++i) {
            if (i == v_.size() || v_[i].token.is(TokenType::Comma)) {
                if (current.empty()) return std::nullopt;
                v.strings.push_back(std::move(current));
                current.clear();
                quoted = false;
                continue;
            }
            const Token& t = v_[i].token;
            if (t.is(TokenType::String) && current.empty()) {
                current = t.value;
                quoted = true;
            } else if (t.is(TokenType::Ident) && !quoted) {
                if (!current.empty()) current += ' ';
                current += t.value;
            } else {
                return std::nullopt;
            }
        }
        return v;
    }

    // font: [style || variant || weight]? size [/ line-height]? family
    void font_shorthand() {
        std::optional<Value> style, weight;
        std::size_t i = 0;
        for (; i < v_.size(); ++i) {
            const Component& c = v_[i];
            if (c.token.is_ident("normal")) continue;
            if (c.token.is_ident("small-caps")) continue;  // font-variant is not supported; accepted here
            if (!style) {
                if (auto kw = find_keyword(c, font_style_keywords)) {
                    style = keyword_value(*kw);
                    continue;
                }
            }
            if (!weight && !(c.token.is(TokenType::Number) && i + 1 < v_.size() && v_[i + 1].token.is_delim('/'))) {
                if ((weight = font_weight_value(c))) continue;
            }
            break;
        }
        if (i >= v_.size()) return invalid();
        auto size = font_size_value(v_[i]);
        if (!size) return invalid();
        ++i;
        std::optional<Value> line_height = keyword_value(special::normal);
        if (i < v_.size() && v_[i].token.is_delim('/')) {
            if (i + 1 >= v_.size() || !(line_height = line_height_value(v_[i + 1]))) return invalid();
            i += 2;
        }
        auto family = font_family_value(i);
        if (!family) return invalid();
        emit(Property::FontStyle, style ? *style : keyword_value(k(FontStyle::Normal)));
        emit(Property::FontWeight, weight ? *weight : number_value(400));
        emit(Property::FontSize, *size);
        emit(Property::LineHeight, *line_height);
        emit(Property::FontFamily, *family);
    }

    void list_style_shorthand() {
        std::optional<Value> type, position;
        int nones = 0;
        for (const Component& c : v_) {
            if (c.token.is_ident("none")) {
                ++nones;  // list-style-image: none, or the type
                continue;
            }
            if (!type) {
                if (auto kw = find_keyword(c, list_style_type_keywords)) {
                    type = keyword_value(*kw);
                    continue;
                }
            }
            if (!position) {
                if (auto kw = find_keyword(c, list_style_position_keywords)) {
                    position = keyword_value(*kw);
                    continue;
                }
            }
            if (c.token.is(TokenType::Url) || c.is_function("url")) {
                d_.warn(raw_.line, "list-style-image is not supported; ignored");
                continue;
            }
            return invalid();
        }
        if (!type) type = keyword_value(nones > 0 ? k(ListStyleType::None) : k(ListStyleType::Disc));
        emit(Property::ListStyleType, *type);
        emit(Property::ListStylePosition, position ? *position : keyword_value(k(ListStylePosition::Outside)));
    }

    // Only the colour of `background` is supported; images and positions are reported.
    void background_shorthand() {
        std::optional<Value> color;
        bool other = false;
        for (const Component& c : v_) {
            if (c.token.is_ident("none")) continue;
            if (!color && (color = color_or_current(c))) continue;
            other = true;
        }
        if (other) d_.warn(raw_.line, "only the colour of 'background' is supported; the rest is ignored");
        emit(Property::BackgroundColor, color ? *color : color_value(Color{0, 0, 0, 0}));
    }

    void text_decoration() {
        int lines = 0;  // bit 1: underline, bit 2: line-through
        for (const Component& c : v_) {
            const Token& t = c.token;
            if (t.is_ident("none")) continue;
            if (t.is_ident("underline")) lines |= 1;
            else if (t.is_ident("line-through")) lines |= 2;
            else if (t.is_ident("overline")) d_.warn(raw_.line, "text-decoration: overline is not supported");
            else if (find_keyword(c, border_style_keywords) || t.is_ident("wavy") || parse_color_component(c)) continue;
            else return invalid();
        }
        emit(Property::TextDecoration, keyword_value(lines));
    }

    void border_spacing() {
        if (v_.empty() || v_.size() > 2) return invalid();
        auto h = parse_length(v_[0], {.percent = false});
        auto v = v_.size() == 2 ? parse_length(v_[1], {.percent = false}) : h;
        if (!h || !v) return invalid();
        Value value = length_value(*h);
        value.length2 = *v;
        emit(Property::BorderSpacing, value);
    }

    void integer_at_least_one(Property p) {
        if (v_.size() != 1 || !v_[0].token.is(TokenType::Number) || !v_[0].token.is_integer || v_[0].token.number < 1)
            return invalid();
        emit(p, number_value(v_[0].token.number));
    }

    void counters(Property p, int default_value) {
        Value value;
        value.kind = Value::Kind::List;
        if (v_.size() == 1 && v_[0].token.is_ident("none")) return emit(p, keyword_value(special::none));
        for (std::size_t i = 0; i < v_.size(); ++i) {
            if (!v_[i].token.is(TokenType::Ident)) return invalid();
            CounterOp op{v_[i].token.value, default_value};
            if (i + 1 < v_.size() && v_[i + 1].token.is(TokenType::Number)) {
                if (!v_[i + 1].token.is_integer) return invalid();
                op.value = static_cast<int>(std::clamp(v_[i + 1].token.number, -1e9, 1e9));
                ++i;
            }
            value.counters.push_back(std::move(op));
        }
        emit(p, value);
    }

    void content() {
        if (v_.size() == 1 && (v_[0].token.is_ident("none") || v_[0].token.is_ident("normal")))
            return emit(Property::Content, keyword_value(special::none));
        Value value;
        value.kind = Value::Kind::List;
        for (const Component& c : v_) {
            if (c.token.is_ident("no-open-quote") || c.token.is_ident("no-close-quote")) continue;
            if (c.is_function("leader")) {  // tables of contents: keep the page number, lose the dots
                d_.warn(raw_.line, "leader() is not supported; the rest of 'content' is kept");
                continue;
            }
            auto item = content_item(c);
            if (!item) return invalid();
            value.content.push_back(std::move(*item));
        }
        emit(Property::Content, value);
    }

    void string_set() {
        if (v_.size() == 1 && v_[0].token.is_ident("none")) return emit(Property::StringSet, keyword_value(special::none));
        Value value;
        value.kind = Value::Kind::List;
        std::size_t i = 0;
        while (i < v_.size()) {
            if (!v_[i].token.is(TokenType::Ident)) return invalid();
            StringSet set{v_[i].token.value, {}};
            for (++i; i < v_.size() && !v_[i].token.is(TokenType::Comma); ++i) {
                auto item = content_item(v_[i]);
                if (!item) return invalid();
                set.value.push_back(std::move(*item));
            }
            if (set.value.empty()) return invalid();
            value.string_sets.push_back(std::move(set));
            if (i < v_.size()) ++i;  // the comma
        }
        emit(Property::StringSet, value);
    }

    void page() {
        if (v_.size() != 1 || !v_[0].token.is(TokenType::Ident)) return invalid();
        if (v_[0].token.is_ident("auto")) return emit(Property::Page, keyword_value(special::none));
        Value value;
        value.kind = Value::Kind::List;
        value.strings.push_back(v_[0].token.value);
        emit(Property::Page, value);
    }

    // size: auto | <length>{1,2} | <page-size> || [portrait | landscape]
    void size() {
        if (!page_context_) return d_.warn(raw_.line, "'size' applies only in @page; ignored");
        struct Named {
            std::string_view name;
            double w_mm, h_mm;
        };
        static constexpr std::array<Named, 7> sizes = {{
            {"a3", 297, 420}, {"a4", 210, 297}, {"a5", 148, 210}, {"b4", 250, 353}, {"b5", 176, 250},
            {"letter", 215.9, 279.4}, {"legal", 215.9, 355.6},
        }};
        std::optional<SpecifiedLength> w, h;
        std::vector<SpecifiedLength> lengths;
        int orientation = 0;
        for (const Component& c : v_) {
            const Token& t = c.token;
            if (t.is_ident("auto")) continue;
            if (t.is_ident("landscape") || t.is_ident("portrait")) {
                if (orientation) return invalid();
                orientation = t.is_ident("landscape") ? special::landscape : special::portrait;
                continue;
            }
            auto named = std::find_if(sizes.begin(), sizes.end(), [&](const Named& n) { return t.is_ident(n.name); });
            if (named != sizes.end()) {
                if (w) return invalid();
                w = SpecifiedLength{named->w_mm * 72 / 25.4, SpecifiedLength::Unit::Pt};
                h = SpecifiedLength{named->h_mm * 72 / 25.4, SpecifiedLength::Unit::Pt};
                continue;
            }
            auto len = parse_length(c, {.percent = false});
            if (!len || len->unit != SpecifiedLength::Unit::Pt || len->value <= 0) return invalid();
            lengths.push_back(*len);
        }
        if (!lengths.empty()) {
            if (w || orientation || lengths.size() > 2) return invalid();
            w = lengths[0];
            h = lengths.back();
        }
        Value value = keyword_value(orientation);
        if (w) {
            value.kind = Value::Kind::Length;
            value.length = *w;
            value.length2 = *h;
            value.keyword = orientation;
        }
        emit(Property::Size, value);
    }

    void dispatch();
    bool font_or_text();
    bool box_sides();
    bool sizes_and_breaks();
    bool generated();
    static std::vector<Property> longhands_of(const std::string& name);

    // The value when the declaration is exactly one component that `parse_one` accepts.
    template <typename ParseOne>
    std::optional<Value> one(ParseOne parse_one) const {
        if (v_.size() != 1) return std::nullopt;
        return parse_one(v_[0]);
    }

    void single(Property p, std::optional<Value> value) {
        if (!value) return invalid();
        emit(p, std::move(*value));
    }

    void color() {
        auto c = one(color_or_current);
        // `color: currentColor` means the inherited colour.
        if (c && c->kind == Value::Kind::Keyword) c->kind = Value::Kind::Inherit;
        single(Property::Color, std::move(c));
    }

    void display() {
        if (v_.size() == 1 && (v_[0].token.is_ident("flex") || v_[0].token.is_ident("grid") ||
                               v_[0].token.is_ident("flow-root"))) {
            d_.warn(raw_.line, "display: " + v_[0].token.value + " is laid out as block");
            return emit(Property::Display, keyword_value(k(Display::Block)));
        }
        single_keyword(Property::Display, display_keywords);
    }
};

std::vector<Property> ValueParser::longhands_of(const std::string& n) {
    using P = Property;
    struct Entry {
        std::string_view name;
        std::vector<Property> longhands;
    };
    static const std::vector<Entry> table = {
        {"font-family", {P::FontFamily}}, {"font-size", {P::FontSize}}, {"font-weight", {P::FontWeight}},
        {"font-style", {P::FontStyle}}, {"line-height", {P::LineHeight}}, {"color", {P::Color}},
        {"text-align", {P::TextAlign}}, {"text-indent", {P::TextIndent}}, {"text-transform", {P::TextTransform}},
        {"white-space", {P::WhiteSpace}}, {"hyphens", {P::Hyphens}}, {"overflow-wrap", {P::OverflowWrap}},
        {"word-wrap", {P::OverflowWrap}}, {"list-style-type", {P::ListStyleType}},
        {"list-style-position", {P::ListStylePosition}}, {"border-collapse", {P::BorderCollapse}},
        {"border-spacing", {P::BorderSpacing}}, {"orphans", {P::Orphans}}, {"widows", {P::Widows}},
        {"display", {P::Display}}, {"text-decoration", {P::TextDecoration}},
        {"text-decoration-line", {P::TextDecoration}}, {"vertical-align", {P::VerticalAlign}},
        {"background-color", {P::BackgroundColor}}, {"background", {P::BackgroundColor}},
        {"margin-top", {P::MarginTop}}, {"margin-right", {P::MarginRight}}, {"margin-bottom", {P::MarginBottom}},
        {"margin-left", {P::MarginLeft}}, {"margin", {P::MarginTop, P::MarginRight, P::MarginBottom, P::MarginLeft}},
        {"padding-top", {P::PaddingTop}}, {"padding-right", {P::PaddingRight}}, {"padding-bottom", {P::PaddingBottom}},
        {"padding-left", {P::PaddingLeft}},
        {"padding", {P::PaddingTop, P::PaddingRight, P::PaddingBottom, P::PaddingLeft}},
        {"border-top-width", {P::BorderTopWidth}}, {"border-right-width", {P::BorderRightWidth}},
        {"border-bottom-width", {P::BorderBottomWidth}}, {"border-left-width", {P::BorderLeftWidth}},
        {"border-top-style", {P::BorderTopStyle}}, {"border-right-style", {P::BorderRightStyle}},
        {"border-bottom-style", {P::BorderBottomStyle}}, {"border-left-style", {P::BorderLeftStyle}},
        {"border-top-color", {P::BorderTopColor}}, {"border-right-color", {P::BorderRightColor}},
        {"border-bottom-color", {P::BorderBottomColor}}, {"border-left-color", {P::BorderLeftColor}},
        {"border-width", {P::BorderTopWidth, P::BorderRightWidth, P::BorderBottomWidth, P::BorderLeftWidth}},
        {"border-style", {P::BorderTopStyle, P::BorderRightStyle, P::BorderBottomStyle, P::BorderLeftStyle}},
        {"border-color", {P::BorderTopColor, P::BorderRightColor, P::BorderBottomColor, P::BorderLeftColor}},
        {"border-top", {P::BorderTopWidth, P::BorderTopStyle, P::BorderTopColor}},
        {"border-right", {P::BorderRightWidth, P::BorderRightStyle, P::BorderRightColor}},
        {"border-bottom", {P::BorderBottomWidth, P::BorderBottomStyle, P::BorderBottomColor}},
        {"border-left", {P::BorderLeftWidth, P::BorderLeftStyle, P::BorderLeftColor}},
        {"border", {P::BorderTopWidth, P::BorderRightWidth, P::BorderBottomWidth, P::BorderLeftWidth,
                    P::BorderTopStyle, P::BorderRightStyle, P::BorderBottomStyle, P::BorderLeftStyle,
                    P::BorderTopColor, P::BorderRightColor, P::BorderBottomColor, P::BorderLeftColor}},
        {"width", {P::Width}}, {"min-width", {P::MinWidth}}, {"max-width", {P::MaxWidth}}, {"height", {P::Height}},
        {"table-layout", {P::TableLayout}}, {"break-before", {P::BreakBefore}}, {"break-after", {P::BreakAfter}},
        {"break-inside", {P::BreakInside}}, {"page-break-before", {P::BreakBefore}},
        {"page-break-after", {P::BreakAfter}}, {"page-break-inside", {P::BreakInside}}, {"page", {P::Page}},
        {"counter-reset", {P::CounterReset}}, {"counter-increment", {P::CounterIncrement}},
        {"string-set", {P::StringSet}}, {"content", {P::Content}}, {"size", {P::Size}},
        {"font", {P::FontStyle, P::FontWeight, P::FontSize, P::LineHeight, P::FontFamily}},
        {"list-style", {P::ListStyleType, P::ListStylePosition}},
        {"-webkit-hyphens", {P::Hyphens}},
        {"margin-inline", {P::MarginLeft, P::MarginRight}}, {"margin-block", {P::MarginTop, P::MarginBottom}},
        {"padding-inline", {P::PaddingLeft, P::PaddingRight}}, {"padding-block", {P::PaddingTop, P::PaddingBottom}},
    };
    for (const Entry& e : table)
        if (e.name == n) return e.longhands;
    return {};
}

void ValueParser::dispatch() {
    if (font_or_text() || box_sides() || logical_pair() || sizes_and_breaks() || generated()) return;
    unknown_property();
}

bool ValueParser::font_or_text() {
    using P = Property;
    const std::string& n = name();
    if (n == "font-family") return single(P::FontFamily, font_family_value(0)), true;
    if (n == "font-size") return single(P::FontSize, one(font_size_value)), true;
    if (n == "font-weight") return single(P::FontWeight, one(font_weight_value)), true;
    if (n == "font-style") return single_keyword(P::FontStyle, font_style_keywords), true;
    if (n == "line-height") return single(P::LineHeight, one(line_height_value)), true;
    if (n == "font") return font_shorthand(), true;
    if (n == "color") return color(), true;
    if (n == "background-color") return single(P::BackgroundColor, one(color_or_current)), true;
    if (n == "background") return background_shorthand(), true;
    if (n == "text-align") return single_keyword(P::TextAlign, text_align_keywords), true;
    if (n == "text-indent") return single_length(P::TextIndent, {.percent = false, .negative = true}), true;
    if (n == "text-decoration" || n == "text-decoration-line") return text_decoration(), true;
    if (n == "text-transform") return single_keyword(P::TextTransform, text_transform_keywords), true;
    if (n == "white-space") return single_keyword(P::WhiteSpace, white_space_keywords), true;
    if (n == "vertical-align") return single_keyword(P::VerticalAlign, vertical_align_keywords), true;
    if (n == "hyphens" || n == "-webkit-hyphens") return single_keyword(P::Hyphens, hyphens_keywords), true;
    if (n == "overflow-wrap" || n == "word-wrap") return single_keyword(P::OverflowWrap, overflow_wrap_keywords), true;
    if (n == "list-style-type") return single_keyword(P::ListStyleType, list_style_type_keywords), true;
    if (n == "list-style-position") return single_keyword(P::ListStylePosition, list_style_position_keywords), true;
    if (n == "list-style") return list_style_shorthand(), true;
    if (n == "orphans") return integer_at_least_one(P::Orphans), true;
    if (n == "widows") return integer_at_least_one(P::Widows), true;
    return false;
}

bool ValueParser::box_sides() {
    const std::string& n = name();
    if (n == "margin") return four_sides(margins, margin_value), true;
    if (n == "padding") return four_sides(paddings, padding_value), true;
    if (n == "border-width") return four_sides(border_widths, border_width_value), true;
    if (n == "border-style") return four_sides(border_styles, border_style_value), true;
    if (n == "border-color") return four_sides(border_colors, color_or_current), true;
    if (n == "border") return border_shorthand({0, 1, 2, 3}), true;
    static constexpr std::array<std::string_view, 4> side_names = {"top", "right", "bottom", "left"};
    for (std::size_t side = 0; side < 4; ++side) {
        std::string_view side_name = side_names[side];
        auto named = [&](std::string_view prefix, std::string_view suffix = {}) {
            return n.size() == prefix.size() + side_name.size() + suffix.size() && n.starts_with(prefix) &&
                   n.compare(prefix.size(), side_name.size(), side_name) == 0 && n.ends_with(suffix);
        };
        if (named("margin-")) return single(margins[side], one(margin_value)), true;
        if (named("padding-")) return single(paddings[side], one(padding_value)), true;
        if (named("border-")) return border_shorthand({side}), true;
        if (named("border-", "-width")) return single(border_widths[side], one(border_width_value)), true;
        if (named("border-", "-style")) return single(border_styles[side], one(border_style_value)), true;
        if (named("border-", "-color")) return single(border_colors[side], one(color_or_current)), true;
    }
    return false;
}

bool ValueParser::sizes_and_breaks() {
    using P = Property;
    const std::string& n = name();
    const LengthRules size_rules{.percent = true, .negative = false, .auto_keyword = true};
    if (n == "display") return display(), true;
    if (n == "width") return single_length(P::Width, size_rules), true;
    if (n == "height") return single_length(P::Height, size_rules), true;
    if (n == "min-width") return single_length(P::MinWidth, size_rules), true;
    if (n == "max-width") {
        if (v_.size() == 1 && v_[0].token.is_ident("none"))
            return emit(P::MaxWidth, length_value({0, SpecifiedLength::Unit::Auto})), true;
        return single_length(P::MaxWidth, {.percent = true, .negative = false}), true;
    }
    if (n == "border-collapse") return single_keyword(P::BorderCollapse, border_collapse_keywords), true;
    if (n == "border-spacing") return border_spacing(), true;
    if (n == "table-layout") return single_keyword(P::TableLayout, table_layout_keywords), true;
    if (n == "break-before") return single_keyword(P::BreakBefore, break_keywords), true;
    if (n == "break-after") return single_keyword(P::BreakAfter, break_keywords), true;
    if (n == "break-inside") return single_keyword(P::BreakInside, break_inside_keywords), true;
    if (n == "page-break-before") return single_keyword(P::BreakBefore, page_break_keywords), true;
    if (n == "page-break-after") return single_keyword(P::BreakAfter, page_break_keywords), true;
    if (n == "page-break-inside") return single_keyword(P::BreakInside, break_inside_keywords), true;
    return false;
}

bool ValueParser::generated() {
    const std::string& n = name();
    if (n == "page") return page(), true;
    if (n == "counter-reset") return counters(Property::CounterReset, 0), true;
    if (n == "counter-increment") return counters(Property::CounterIncrement, 1), true;
    if (n == "content") return content(), true;
    if (n == "string-set") return string_set(), true;
    if (n == "size") return size(), true;
    return false;
}

}  // namespace

void parse_declaration(const css::RawDeclaration& raw, bool page_context, Diagnostics& diagnostics,
                       std::vector<Declaration>& out) {
    Out parsed;
    ValueParser(raw, page_context, diagnostics, parsed).run();
    for (Parsed& p : parsed) out.push_back({p.property, raw.important, raw.line, std::move(p.value)});
}

std::optional<Color> parse_color(std::string_view text) {
    auto components = css::to_components(css::tokenize(text));
    if (!components || components->size() != 1) return std::nullopt;
    return parse_color_component((*components)[0]);
}

}  // namespace quorum::style
