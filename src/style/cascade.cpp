#include "style/cascade.hpp"

#include "style/computed_values.hpp"
#include "style/css_parser.hpp"
#include "style/diagnostics.hpp"
#include "style/properties.hpp"
#include "style/selectors.hpp"
#include "style/ua_stylesheet.hpp"

#include <algorithm>
#include <array>
#include <mutex>
#include <unordered_map>
#include <unordered_set>

namespace quorum::style {
namespace {

enum class Origin : std::uint8_t { UserAgent = 0, Author = 1 };

// A rule's declarations, split by importance (important ones win in a later pass).
struct DeclarationBlock {
    std::vector<Declaration> normal, important;
};

DeclarationBlock make_block(const std::vector<css::RawDeclaration>& raw, bool page_context, Diagnostics& d) {
    std::vector<Declaration> all;
    for (const css::RawDeclaration& r : raw) parse_declaration(r, page_context, d, all);
    DeclarationBlock block;
    for (Declaration& decl : all) (decl.important ? block.important : block.normal).push_back(std::move(decl));
    return block;
}

struct IndexedSelector {
    Selector selector;
    std::uint32_t block;  // index into Impl::blocks
    std::uint32_t order;  // position in the cascade: later wins among equal specificity
    Origin origin;
    // Sort key for "later in the cascade wins": origin, then specificity, then order.
    std::uint64_t rank() const {
        return static_cast<std::uint64_t>(origin) << 62 | static_cast<std::uint64_t>(selector.specificity) << 32 | order;
    }
};

struct PageSelectorTest {
    std::string name;
    bool first = false, left = false, right = false, blank = false;
    std::uint32_t specificity() const {
        return (name.empty() ? 0u : 1u) << 16 | static_cast<std::uint32_t>(first + blank) << 8 |
               static_cast<std::uint32_t>(left + right);
    }
    bool matches(const PageSelector& page) const {
        return (name.empty() || name == page.name) && (!first || page.first) && (!left || page.left) &&
               (!right || !page.left) && (!blank || page.blank);
    }
};

struct CompiledPageRule {
    std::vector<PageSelectorTest> selectors;  // empty = @page with no selector
    DeclarationBlock page;
    std::array<DeclarationBlock, static_cast<std::size_t>(MarginBoxPosition::Count)> boxes;
    std::array<bool, static_cast<std::size_t>(MarginBoxPosition::Count)> has_box{};
    std::uint32_t order = 0;
};

int margin_box_index(const std::string& name) {
    static const char* const names[] = {"top-left", "top-center", "top-right", "bottom-left", "bottom-center", "bottom-right"};
    for (int i = 0; i < 6; ++i)
        if (name == names[i]) return i;
    return -1;
}

std::optional<std::vector<PageSelectorTest>> parse_page_selectors(const std::vector<css::Token>& prelude,
                                                                  std::string& error) {
    std::vector<PageSelectorTest> out;
    if (prelude.empty()) return out;
    PageSelectorTest current;
    bool any = false;
    for (std::size_t i = 0; i < prelude.size(); ++i) {
        const css::Token& t = prelude[i];
        if (t.is(css::TokenType::Whitespace)) continue;
        if (t.is(css::TokenType::Comma)) {
            if (!any) return error = "empty page selector", std::nullopt;
            out.push_back(current);
            current = {};
            any = false;
        } else if (t.is(css::TokenType::Ident) && !any) {
            current.name = t.value;
            any = true;
        } else if (t.is(css::TokenType::Colon) && i + 1 < prelude.size() && prelude[i + 1].is(css::TokenType::Function)) {
            return error = "unsupported page selector ':" + prelude[i + 1].value + "()'", std::nullopt;
        } else if (t.is(css::TokenType::Colon) && i + 1 < prelude.size() && prelude[i + 1].is(css::TokenType::Ident)) {
            std::string pseudo = css::to_lower(prelude[++i].value);
            if (pseudo == "first") current.first = true;
            else if (pseudo == "left") current.left = true;
            else if (pseudo == "right") current.right = true;
            else if (pseudo == "blank") current.blank = true;
            else return error = "unsupported page selector ':" + pseudo + "'", std::nullopt;
            any = true;
        } else {
            return error = "unsupported page selector", std::nullopt;
        }
    }
    if (!any) return error = "empty page selector", std::nullopt;
    out.push_back(current);
    return out;
}

// Which declarations won, per longhand, and from which origin.
struct Winners {
    std::array<const Value*, property_count> value{};
    std::array<Origin, property_count> origin{};
    void take(const std::vector<Declaration>& declarations, Origin from) {
        for (const Declaration& d : declarations) {
            value[static_cast<std::size_t>(d.property)] = &d.value;
            origin[static_cast<std::size_t>(d.property)] = from;
        }
    }
    const Value* operator[](Property p) const { return value[static_cast<std::size_t>(p)]; }
};

// Applies winners to `style`: font-size first (em units depend on it), then the rest.
void apply_winners(const Winners& w, ComputedStyle& style, const ComputedStyle& parent, double root_font_size,
                   CurrentColorBorders& current) {
    if (const Value* v = w[Property::FontSize]) apply_value(Property::FontSize, *v, style, parent, root_font_size);
    for (std::size_t i = 0; i < property_count; ++i) {
        auto p = static_cast<Property>(i);
        const Value* v = w.value[i];
        if (!v || p == Property::FontSize) continue;
        apply_value(p, *v, style, parent, root_font_size);
        if (p >= Property::BorderTopColor && p <= Property::BorderLeftColor) {
            int side = static_cast<int>(p) - static_cast<int>(Property::BorderTopColor);
            current.side[side] = v->kind == Value::Kind::Keyword;  // currentColor
            if (v->kind == Value::Kind::Inherit || v->kind == Value::Kind::Initial) current.side[side] = false;
        }
    }
}

int clamp_span(const std::string* text, int max) {
    if (!text) return 1;
    long value = 0;
    for (char c : *text) {
        if (c < '0' || c > '9') break;
        value = std::min<long>(value * 10 + (c - '0'), max);
    }
    return value < 1 ? 1 : static_cast<int>(value);
}

// "120" (CSS pixels) or "50%" from <img width>/<col width>.
std::optional<Length> html_length(const std::string* text) {
    if (!text || text->empty()) return std::nullopt;
    double value = 0;
    std::size_t i = 0;
    for (; i < text->size() && (*text)[i] >= '0' && (*text)[i] <= '9'; ++i) value = std::min(value * 10 + ((*text)[i] - '0'), 1e6);
    if (i == 0) return std::nullopt;
    if (i < text->size() && (*text)[i] == '%') return Length::percent(value);
    return Length::pt(value * 0.75);
}

std::optional<TextAlign> html_align(const std::string* align) {
    if (!align) return std::nullopt;
    if (css::iequals(*align, "left")) return TextAlign::Left;
    if (css::iequals(*align, "right")) return TextAlign::Right;
    if (css::iequals(*align, "center")) return TextAlign::Center;
    if (css::iequals(*align, "justify")) return TextAlign::Justify;
    return std::nullopt;
}

std::optional<VerticalAlign> html_valign(const std::string* valign) {
    if (!valign) return std::nullopt;
    if (css::iequals(*valign, "top")) return VerticalAlign::Top;
    if (css::iequals(*valign, "middle") || css::iequals(*valign, "center")) return VerticalAlign::Middle;
    if (css::iequals(*valign, "bottom")) return VerticalAlign::Bottom;
    if (css::iequals(*valign, "baseline")) return VerticalAlign::Baseline;
    return std::nullopt;
}

std::optional<ListStyleType> ol_type(const std::string* type) {
    if (!type || type->size() != 1) return std::nullopt;
    switch ((*type)[0]) {
        case '1': return ListStyleType::Decimal;
        case 'a': return ListStyleType::LowerAlpha;
        case 'A': return ListStyleType::UpperAlpha;
        case 'i': return ListStyleType::LowerRoman;
        case 'I': return ListStyleType::UpperRoman;
        default: return std::nullopt;
    }
}

// Browsers' trick: file each selector under its subject's most selective part, so an
// element only tests the selectors that could possibly match it.
struct RuleIndex {
    std::unordered_map<std::string, std::vector<std::uint32_t>> by_id, by_class, by_tag;
    std::vector<std::uint32_t> universal;

    void add(const Compound& subject, std::uint32_t index) {
        if (!subject.id.empty()) by_id[subject.id].push_back(index);
        else if (!subject.classes.empty()) by_class[subject.classes.front()].push_back(index);
        else if (!subject.tag.empty()) by_tag[subject.tag].push_back(index);
        else universal.push_back(index);
    }
};

bool cascade_order(const IndexedSelector* a, const IndexedSelector* b) {
    return a->rank() < b->rank() || (a->rank() == b->rank() && a < b);  // pointer: duplicates end up adjacent
}

}  // namespace

struct Cascade::Impl {
    std::vector<DeclarationBlock> blocks;
    std::vector<IndexedSelector> selectors;
    RuleIndex elements;
    RuleIndex before, after;  // ::before / ::after rules, matched only on request
    std::vector<CompiledPageRule> pages;
    std::uint32_t next_order = 0;

    std::vector<std::string> warnings;
    std::unordered_set<std::string> seen_warnings;

    // Mutable caches: compute() is logically const. The mutex keeps concurrent
    // compute() calls safe; layout is single-threaded, so it is never contended.
    mutable std::mutex cache_mutex;
    mutable std::unordered_map<std::string, DeclarationBlock> style_attribute_cache;
    std::string document_name = "style attribute";
    mutable std::vector<std::string> style_attribute_warnings;
    mutable std::unordered_set<std::string> style_attribute_seen;
    mutable double root_font_size = 12;
    mutable std::optional<ComputedStyle> root_style;
    mutable std::vector<const IndexedSelector*> scratch;

    void add(std::string_view css, const std::string& file, int first_line, Origin origin) {
        Diagnostics d(warnings, seen_warnings, file);
        css::Stylesheet sheet = css::parse_stylesheet(css, d, first_line);
        for (const css::StyleRule& rule : sheet.rules) add_rule(rule, origin, d);
        for (const css::PageRule& page : sheet.pages) add_page_rule(page, d);
    }

    void add_rule(const css::StyleRule& rule, Origin origin, Diagnostics& d) {
        std::string error;
        auto list = parse_selector_list(rule.prelude, error);
        if (!list) {
            d.warn(rule.line, error + "; rule ignored");
            return;
        }
        blocks.push_back(make_block(rule.declarations, false, d));
        auto block = static_cast<std::uint32_t>(blocks.size() - 1);
        std::uint32_t order = next_order++;
        for (Selector& s : *list) {
            auto index = static_cast<std::uint32_t>(selectors.size());
            selectors.push_back({std::move(s), block, order, origin});
            index_selector(index);
        }
    }

    void index_selector(std::uint32_t index) {
        const Selector& s = selectors[index].selector;
        RuleIndex& target = !s.pseudo ? elements : *s.pseudo == PseudoElement::Before ? before : after;
        target.add(s.subject(), index);
    }

    void add_page_rule(const css::PageRule& rule, Diagnostics& d) {
        std::string error;
        auto tests = parse_page_selectors(rule.prelude, error);
        if (!tests) {
            d.warn(rule.line, error + "; @page rule ignored");
            return;
        }
        CompiledPageRule compiled;
        compiled.selectors = std::move(*tests);
        compiled.page = make_block(rule.declarations, true, d);
        for (const css::MarginRule& m : rule.margin_rules) {
            int index = margin_box_index(m.name);
            if (index < 0) continue;
            DeclarationBlock box = make_block(m.declarations, false, d);
            auto& target = compiled.boxes[static_cast<std::size_t>(index)];
            target.normal.insert(target.normal.end(), box.normal.begin(), box.normal.end());
            target.important.insert(target.important.end(), box.important.begin(), box.important.end());
            compiled.has_box[static_cast<std::size_t>(index)] = true;
        }
        compiled.order = next_order++;
        pages.push_back(std::move(compiled));
    }

    void collect(const std::vector<std::uint32_t>& candidates, const document::Node& e) const {
        for (std::uint32_t i : candidates)
            if (matches(selectors[i].selector, e)) scratch.push_back(&selectors[i]);
    }

    template <typename Map>
    void collect_from(const Map& map, const std::string& key, const document::Node& e) const {
        auto it = map.find(key);
        if (it != map.end()) collect(it->second, e);
    }

    void collect_classes(const RuleIndex& index, const document::Node& e) const {
        const std::string* classes = e.attribute("class");
        if (!classes || index.by_class.empty()) return;
        std::string_view s = *classes;
        std::size_t i = 0;
        std::string key;
        while (i < s.size()) {
            while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
            std::size_t start = i;
            while (i < s.size() && !(s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
            if (i == start) break;
            key.assign(s.substr(start, i - start));
            collect_from(index.by_class, key, e);
        }
    }

    // Matching selectors in cascade order (ascending rank); result in `scratch`.
    void match(const RuleIndex& index, const document::Node& e) const {
        scratch.clear();
        if (const std::string* id = e.id(); id && !index.by_id.empty()) collect_from(index.by_id, *id, e);
        collect_classes(index, e);
        collect_from(index.by_tag, e.name, e);
        collect(index.universal, e);
        std::sort(scratch.begin(), scratch.end(), cascade_order);
        // class="a a" finds the same selector twice; applying it twice is harmless but wasteful
        scratch.erase(std::unique(scratch.begin(), scratch.end()), scratch.end());
    }

    const DeclarationBlock* style_attribute(const document::Node& e) const {
        const std::string* text = e.attribute("style");
        if (!text || text->empty()) return nullptr;
        auto it = style_attribute_cache.find(*text);
        if (it != style_attribute_cache.end()) return &it->second;
        // Warnings name the element's line (the first element using this text: later
        // uses hit the cache, and repeating the same warning would only be noise).
        Diagnostics d(style_attribute_warnings, style_attribute_seen, document_name, " (style attribute)");
        auto raw = css::parse_declaration_list(*text, d, std::max(e.position.line, 1));
        return &style_attribute_cache.emplace(*text, make_block(raw, false, d)).first->second;
    }

    Winners winners_for(const document::Node& e) const {
        Winners w;
        for (const IndexedSelector* s : scratch) w.take(blocks[s->block].normal, s->origin);
        const DeclarationBlock* inline_style = style_attribute(e);
        if (inline_style) w.take(inline_style->normal, Origin::Author);
        for (const IndexedSelector* s : scratch) w.take(blocks[s->block].important, s->origin);
        if (inline_style) w.take(inline_style->important, Origin::Author);
        return w;
    }
};

Cascade::Cascade() : impl_(std::make_unique<Impl>()) {
    impl_->add(user_agent_stylesheet(), "html.css (user agent)", 1, Origin::UserAgent);
}
Cascade::~Cascade() = default;
Cascade::Cascade(Cascade&&) noexcept = default;
Cascade& Cascade::operator=(Cascade&&) noexcept = default;

void Cascade::add_stylesheet(std::string_view css, const std::string& file, int first_line) {
    impl_->add(css, file, first_line, Origin::Author);
}

namespace {

// HTML attributes that act as author-level hints with zero specificity: an author
// rule for the same property wins, a user-agent rule does not.
void apply_presentational_hints(const document::Node& e, const Winners& w, ComputedStyle& s) {
    // Most elements (rows, cells, spans) carry no attribute or only a class: skip a dozen lookups.
    if (e.attributes.empty() || (e.attributes.size() == 1 && e.attributes[0].first == "class")) return;
    auto ua_or_unset = [&](Property p) {
        return !w[p] || w.origin[static_cast<std::size_t>(p)] == Origin::UserAgent;
    };
    if (e.name == "td" || e.name == "th") {
        s.column_span = clamp_span(e.attribute("colspan"), 1000);
        s.row_span = clamp_span(e.attribute("rowspan"), 65534);
    } else if (e.name == "col" || e.name == "colgroup") {
        s.column_span = clamp_span(e.attribute("span"), 1000);
    }
    if (e.name == "img" || e.name == "col" || e.name == "td" || e.name == "th" || e.name == "table") {
        if (auto width = html_length(e.attribute("width")); width && ua_or_unset(Property::Width)) s.width = *width;
    }
    if (e.name == "img") {
        if (auto height = html_length(e.attribute("height")); height && ua_or_unset(Property::Height)) s.height = *height;
    }
    if (e.name == "ol" || e.name == "li") {
        if (auto type = ol_type(e.attribute("type")); type && ua_or_unset(Property::ListStyleType))
            s.list_style_type = *type;
    }
    // Legacy attributes that Word-converted council tables still carry.
    if (auto align = html_align(e.attribute("align")); align && ua_or_unset(Property::TextAlign) && e.name != "table" &&
                                                       e.name != "img")
        s.text_align = *align;
    if (auto valign = html_valign(e.attribute("valign")); valign && ua_or_unset(Property::VerticalAlign))
        s.vertical_align = *valign;
    if (const std::string* bgcolor = e.attribute("bgcolor"); bgcolor && ua_or_unset(Property::BackgroundColor)) {
        if (auto color = parse_color(*bgcolor)) s.background_color = *color;
    }
    if (const std::string* lang = e.attribute("lang")) s.lang = *lang;
    else if (const std::string* xml_lang = e.attribute("xml:lang")) s.lang = *xml_lang;
}

// text-decoration is not inherited, but ancestors' decorations are drawn through
// inline and block descendants (not atomic inline-blocks or tables): OR them in.
void propagate_decorations(ComputedStyle& s, const ComputedStyle* parent) {
    if (!parent || s.display == Display::InlineBlock || s.display == Display::Table) return;
    s.underline = s.underline || parent->underline;
    s.line_through = s.line_through || parent->line_through;
}

}  // namespace

ComputedStyle Cascade::compute(const document::Node& element, const ComputedStyle* parent_style) const {
    std::lock_guard lock(impl_->cache_mutex);
    impl_->match(impl_->elements, element);
    Winners w = impl_->winners_for(element);
    ComputedStyle s = inherited_from(parent_style);
    s.underline = s.line_through = false;
    const ComputedStyle& parent = parent_style ? *parent_style : initial_style();
    double rem = parent_style ? impl_->root_font_size : initial_style().font_size;
    CurrentColorBorders current;
    apply_winners(w, s, parent, rem, current);
    finish_borders(s, current);
    apply_presentational_hints(element, w, s);
    propagate_decorations(s, parent_style);
    if (!parent_style && !element.parent) {  // the root: rem units and the page context use it
        impl_->root_font_size = s.font_size;
        impl_->root_style = s;
    }
    return s;
}

std::optional<ComputedStyle> Cascade::compute_pseudo(const document::Node& element, PseudoElement which,
                                                     const ComputedStyle& element_style) const {
    if (which == PseudoElement::Marker) return std::nullopt;  // markers come from list-style-type
    std::lock_guard lock(impl_->cache_mutex);
    impl_->match(which == PseudoElement::Before ? impl_->before : impl_->after, element);
    if (impl_->scratch.empty()) return std::nullopt;
    Winners w;
    for (const IndexedSelector* s : impl_->scratch) w.take(impl_->blocks[s->block].normal, s->origin);
    for (const IndexedSelector* s : impl_->scratch) w.take(impl_->blocks[s->block].important, s->origin);
    ComputedStyle s = inherited_from(&element_style);
    s.underline = s.line_through = false;
    CurrentColorBorders current;
    apply_winners(w, s, element_style, impl_->root_font_size, current);
    finish_borders(s, current);
    propagate_decorations(s, &element_style);
    if (s.content.empty() || s.display == Display::None) return std::nullopt;
    return s;
}

namespace {

void apply_size(const Value& v, PageStyle& page) {
    if (v.kind == Value::Kind::Length) {
        page.width = v.length.value;
        page.height = v.length2.value;
    }
    bool landscape = v.keyword == special::landscape, portrait = v.keyword == special::portrait;
    if ((landscape && page.width < page.height) || (portrait && page.width > page.height))
        std::swap(page.width, page.height);
}

double page_margin(const Length& l, double reference) { return l.is_auto() ? 0 : l.resolve(reference); }

ComputedStyle margin_box_defaults(int index, const ComputedStyle& page_context) {
    ComputedStyle s = inherited_from(&page_context);
    s.display = Display::Block;
    s.vertical_align = VerticalAlign::Middle;
    int column = index % 3;
    s.text_align = column == 0 ? TextAlign::Left : column == 1 ? TextAlign::Center : TextAlign::Right;
    return s;
}

}  // namespace

PageStyle Cascade::page_style(const PageSelector& selector) const {
    std::lock_guard lock(impl_->cache_mutex);
    std::vector<std::pair<std::uint64_t, const CompiledPageRule*>> matching;
    for (const CompiledPageRule& rule : impl_->pages) {
        std::uint32_t best = 0;
        bool any = rule.selectors.empty();
        for (const PageSelectorTest& t : rule.selectors) {
            if (!t.matches(selector)) continue;
            any = true;
            best = std::max(best, t.specificity());
        }
        if (any) matching.emplace_back(static_cast<std::uint64_t>(best) << 32 | rule.order, &rule);
    }
    std::sort(matching.begin(), matching.end(), [](const auto& a, const auto& b) { return a.first < b.first; });

    Winners w;
    for (const auto& [rank, rule] : matching) w.take(rule->page.normal, Origin::Author);
    for (const auto& [rank, rule] : matching) w.take(rule->page.important, Origin::Author);

    // The page context inherits from the root element, so `html { font-family }` reaches
    // the margin boxes as it does in WeasyPrint.
    const ComputedStyle& root = impl_->root_style ? *impl_->root_style : initial_style();
    ComputedStyle context = inherited_from(&root);
    CurrentColorBorders current;
    apply_winners(w, context, root, impl_->root_font_size, current);

    PageStyle page;
    if (const Value* size = w[Property::Size]) apply_size(*size, page);
    page.margin_top = page_margin(context.margin_top, page.height);
    page.margin_bottom = page_margin(context.margin_bottom, page.height);
    page.margin_left = page_margin(context.margin_left, page.width);
    page.margin_right = page_margin(context.margin_right, page.width);
    page.background = context.background_color;

    for (std::size_t box = 0; box < page.boxes.size(); ++box) {
        Winners bw;
        bool any = false;
        for (const auto& [rank, rule] : matching) {
            if (!rule->has_box[box]) continue;
            any = true;
            bw.take(rule->boxes[box].normal, Origin::Author);
        }
        if (!any) continue;
        for (const auto& [rank, rule] : matching)
            if (rule->has_box[box]) bw.take(rule->boxes[box].important, Origin::Author);
        MarginBox& out = page.boxes[box];
        out.style = margin_box_defaults(static_cast<int>(box), context);
        CurrentColorBorders box_current;
        apply_winners(bw, out.style, context, impl_->root_font_size, box_current);
        finish_borders(out.style, box_current);
        out.content = out.style.content;
        out.present = !out.content.empty();
    }
    return page;
}

void Cascade::set_document_name(const std::string& file) {
    std::lock_guard lock(impl_->cache_mutex);
    impl_->document_name = file;
}

const std::vector<std::string>& Cascade::warnings() const {
    std::lock_guard lock(impl_->cache_mutex);
    // Style-attribute warnings are found lazily during compute(); fold them in on request.
    for (std::string& w : impl_->style_attribute_warnings) impl_->warnings.push_back(std::move(w));
    impl_->style_attribute_warnings.clear();
    return impl_->warnings;
}

}  // namespace quorum::style
