// Box generation: document + cascade -> BoxTree (see boxes.hpp).
#include "layout/boxes.hpp"

#include "layout/image_size.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <string_view>
#include <unordered_set>

namespace quorum::layout {

using document::Node;
using style::ComputedStyle;
using style::ContentItem;
using style::Display;
using style::ListStyleType;

// ---------------------------------------------------------------------------------------
// Counter formatting
// ---------------------------------------------------------------------------------------
namespace {

std::string roman(int value, bool upper) {
    static constexpr std::array<std::pair<int, std::string_view>, 13> table{{
        {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"},
        {50, "l"}, {40, "xl"}, {10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}}};
    std::string out;
    for (const auto& [amount, letters] : table)
        for (; value >= amount; value -= amount) out += letters;
    if (upper) std::transform(out.begin(), out.end(), out.begin(), [](char c) { return static_cast<char>(c - 'a' + 'A'); });
    return out;
}

// Bijective base 26: 1 = a, 26 = z, 27 = aa.
std::string alphabetic(int value, bool upper) {
    std::string out;
    for (; value > 0; value = (value - 1) / 26)
        out.insert(out.begin(), static_cast<char>((upper ? 'A' : 'a') + (value - 1) % 26));
    return out;
}

}  // namespace

std::string format_counter(int value, ListStyleType type) {
    switch (type) {
    case ListStyleType::None: return "";
    case ListStyleType::Disc: return "\u2022";
    case ListStyleType::Circle: return "\u25E6";
    case ListStyleType::Square: return "\u25AA";
    case ListStyleType::DecimalLeadingZero: {
        std::string digits = std::to_string(value);
        if (value >= 0 && value < 10) digits.insert(digits.begin(), '0');
        return digits;
    }
    case ListStyleType::LowerAlpha:
    case ListStyleType::UpperAlpha:
        if (value < 1) break;
        return alphabetic(value, type == ListStyleType::UpperAlpha);
    case ListStyleType::LowerRoman:
    case ListStyleType::UpperRoman:
        if (value < 1 || value > 3999) break;
        return roman(value, type == ListStyleType::UpperRoman);
    case ListStyleType::Decimal: break;
    }
    return std::to_string(value);
}

// ---------------------------------------------------------------------------------------
// Marks and flows (shared helpers declared in boxes.hpp)
// ---------------------------------------------------------------------------------------

void append_marks(Marks& to, const Marks& from, double dx, double dy) {
    for (FilledRect r : from.fills) { r.x += dx; r.y += dy; to.fills.push_back(r); }
    for (Image i : from.images) { i.x += dx; i.y += dy; to.images.push_back(std::move(i)); }
    for (Line l : from.lines) { l.x1 += dx; l.x2 += dx; l.y1 += dy; l.y2 += dy; to.lines.push_back(l); }
    for (GlyphRun r : from.runs) { r.x += dx; r.baseline += dy; to.runs.push_back(std::move(r)); }
    for (Link l : from.links) { l.x += dx; l.y += dy; to.links.push_back(std::move(l)); }
}

double flow_height(const Flow& flow) {
    double h = 0;
    for (const Slice& s : flow)
        if (s.kind != Slice::Kind::Break) h += s.height;
    return h;
}

namespace {

// Draws a decoration's border box between y_top and y_bottom; `first`/`last` say whether
// this fragment holds the box's top/bottom edge (box-decoration-break: slice).
void draw_decoration_into(const Decoration& d, double y_top, double y_bottom, bool first, bool last,
                          std::vector<FilledRect>& fills, std::vector<Line>& lines) {
    if (y_bottom < y_top) y_bottom = y_top;
    if (!d.background.transparent() && y_bottom > y_top)
        fills.push_back({d.x, y_top, d.width, y_bottom - y_top, d.background});
    auto dash_of = [](style::BorderStyle s) {
        return s == style::BorderStyle::Dashed ? Line::Dash::Dashed
             : s == style::BorderStyle::Dotted ? Line::Dash::Dotted : Line::Dash::Solid;
    };
    // Strokes are centred on the border's middle, so each is inset by half its width.
    const double x_left = d.x, x_right = d.x + d.width;
    if (first && d.top.visible()) {
        const double y = y_top + d.top.width / 2;
        lines.push_back({x_left, y, x_right, y, d.top.width, d.top.color, dash_of(d.top.style)});
    }
    if (last && d.bottom.visible()) {
        const double y = y_bottom - d.bottom.width / 2;
        lines.push_back({x_left, y, x_right, y, d.bottom.width, d.bottom.color, dash_of(d.bottom.style)});
    }
    if (d.left.visible()) {
        const double x = x_left + d.left.width / 2;
        lines.push_back({x, y_top, x, y_bottom, d.left.width, d.left.color, dash_of(d.left.style)});
    }
    if (d.right.visible()) {
        const double x = x_right - d.right.width / 2;
        lines.push_back({x, y_top, x, y_bottom, d.right.width, d.right.color, dash_of(d.right.style)});
    }
}

}  // namespace

bool Decoration::draws_anything() const {
    return !background.transparent() || top.visible() || right.visible() || bottom.visible() || left.visible() ||
           !repeat_header.empty() || !repeat_footer.empty();
}

void draw_decoration(const Decoration& d, double y_top, double y_bottom, bool first, bool last,
                     std::vector<FilledRect>& fills, std::vector<Line>& lines) {
    draw_decoration_into(d, y_top, y_bottom, first, last, fills, lines);
}

void flatten_flow(const Flow& flow, Marks& out, double dx, double dy) {
    struct OpenBox { const Decoration* decoration; double y; std::size_t fill_slot; };
    std::vector<OpenBox> open;
    double y = dy;
    for (const Slice& s : flow) {
        switch (s.kind) {
        case Slice::Kind::Open:
            // Reserve the background's place so it is painted under the box's content.
            open.push_back({&s.decoration(), y, out.fills.size()});
            out.fills.push_back({});
            break;
        case Slice::Kind::Close:
            if (!open.empty()) {
                OpenBox box = open.back();
                open.pop_back();
                std::vector<FilledRect> fills;
                Decoration moved = *box.decoration;
                moved.x += dx;
                moved.repeat_header.clear();
                moved.repeat_footer.clear();
                draw_decoration_into(moved, box.y, y + s.height, true, true, fills, out.lines);
                out.fills[box.fill_slot] = fills.empty() ? FilledRect{} : fills.front();
            }
            break;
        case Slice::Kind::Content: append_marks(out, s.marks, dx, y); break;
        default: break;
        }
        if (s.kind != Slice::Kind::Break) y += s.height;
    }
    // Drop reserved slots that stayed empty (boxes without a background).
    std::erase_if(out.fills, [](const FilledRect& r) { return r.width <= 0 || r.height <= 0; });
}

// ---------------------------------------------------------------------------------------
// Box generation
// ---------------------------------------------------------------------------------------
namespace {

// CSS counters with their scopes: counter-reset on an element creates an instance seen by
// the element, its descendants and its following siblings (so it dies with the parent).
class Counters {
public:
    void reset(const std::string& name, int value, int depth) { instances_.push_back({name, value, depth}); }
    void increment(const std::string& name, int amount, int depth) {
        if (auto* c = find(name)) c->value += amount;
        else instances_.push_back({name, amount, depth});  // implicit counter-reset: name 0
    }
    void set(const std::string& name, int value, int depth) {
        if (auto* c = find(name)) c->value = value;
        else instances_.push_back({name, value, depth});
    }
    int value(const std::string& name) const {
        for (auto it = instances_.rbegin(); it != instances_.rend(); ++it)
            if (it->name == name) return it->value;
        return 0;
    }
    std::string all(const std::string& name, const std::string& separator, ListStyleType type) const {
        std::string out;
        for (const auto& c : instances_) {
            if (c.name != name) continue;
            if (!out.empty()) out += separator;
            out += format_counter(c.value, type);
        }
        return out.empty() ? format_counter(0, type) : out;
    }
    // Leaving an element at `depth`: its children's instances go out of scope.
    void leave(int depth) {
        while (!instances_.empty() && instances_.back().depth > depth) instances_.pop_back();
    }

private:
    struct Instance { std::string name; int value; int depth; };
    Instance* find(const std::string& name) {
        for (auto it = instances_.rbegin(); it != instances_.rend(); ++it)
            if (it->name == name) return &*it;
        return nullptr;
    }
    std::vector<Instance> instances_;
};

bool is_known_element(std::string_view name) {
    static const std::unordered_set<std::string_view> known{
        "html", "head", "title", "meta", "link", "style", "script", "body", "section", "article",
        "header", "footer", "div", "nav", "main", "aside", "h1", "h2", "h3", "h4", "h5", "h6", "p",
        "span", "strong", "b", "em", "i", "u", "s", "sup", "sub", "small", "code", "br", "a", "ul",
        "ol", "li", "dl", "dt", "dd", "table", "caption", "colgroup", "col", "thead", "tbody",
        "tfoot", "tr", "th", "td", "img", "figure", "figcaption", "hr", "blockquote", "pre",
        "address", "abbr", "cite", "q", "time", "mark", "del", "ins", "dfn", "kbd", "samp", "var",
        "wbr", "big", "strike", "tt", "center", "font", "label", "noscript"};
    return known.count(name) > 0;
}

bool never_rendered(std::string_view name) {
    return name == "head" || name == "script" || name == "style" || name == "title" || name == "meta" ||
           name == "link" || name == "noscript";
}

bool is_whitespace(std::string_view text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; });
}

bool preserves_whitespace(const ComputedStyle& s) {
    return s.white_space == style::WhiteSpace::Pre || s.white_space == style::WhiteSpace::PreWrap;
}

// An inline run worth a line box: something visible, or whitespace that white-space keeps.
bool run_is_meaningful(const std::vector<InlineItem>& run) {
    for (const InlineItem& item : run) {
        switch (item.kind) {
        case InlineItem::Kind::Text:
            if (!is_whitespace(item.text) || (item.style && preserves_whitespace(*item.style))) return true;
            break;
        case InlineItem::Kind::Atomic:
        case InlineItem::Kind::ForcedBreak: return true;
        default: break;
        }
    }
    return false;
}

// An HTML width/height attribute ("120", CSS px) in pt; 0 when absent or not positive.
double attribute_pt(const Node& node, const char* name) {
    const std::string* v = node.attribute(name);
    if (!v || v->empty()) return 0;
    const double px = std::strtod(v->c_str(), nullptr);
    return px > 0 ? px * 0.75 : 0;
}

int heading_level_of(std::string_view name) {
    if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') return name[1] - '0';
    return 0;
}

void collect_text(const Node& node, std::string& out) {
    if (node.is_text()) { out += node.text; return; }
    if (never_rendered(node.name)) return;
    for (const auto& child : node.children) collect_text(*child, out);
}

// Text content with whitespace collapsed and trimmed (bookmark titles, content(text)).
std::string collapsed_text(const Node& node) {
    std::string raw;
    collect_text(node, raw);
    std::string out;
    bool space = false;
    for (char c : raw) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') { space = !out.empty(); continue; }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

bool is_table_part(Display d) {
    switch (d) {
    case Display::TableRowGroup: case Display::TableHeaderGroup: case Display::TableFooterGroup:
    case Display::TableRow: case Display::TableCell: case Display::TableColumnGroup:
    case Display::TableColumn: case Display::TableCaption: return true;
    default: return false;
    }
}

BoxKind table_part_kind(Display d) {
    switch (d) {
    case Display::TableRowGroup: case Display::TableHeaderGroup: case Display::TableFooterGroup:
        return BoxKind::TableRowGroup;
    case Display::TableRow: return BoxKind::TableRow;
    case Display::TableCell: return BoxKind::TableCell;
    case Display::TableColumnGroup: return BoxKind::TableColumnGroup;
    case Display::TableColumn: return BoxKind::TableColumn;
    case Display::TableCaption: return BoxKind::TableCaption;
    default: return BoxKind::Block;
    }
}

// The style of an anonymous box: inherited properties from its parent, initial values otherwise.
ComputedStyle anonymous_style(const ComputedStyle& parent, Display display) {
    ComputedStyle s;
    s.display = display;
    s.font_family = parent.font_family;
    s.font_size = parent.font_size;
    s.font_weight = parent.font_weight;
    s.font_style = parent.font_style;
    s.line_height_factor = parent.line_height_factor;
    s.line_height_pt = parent.line_height_pt;
    s.color = parent.color;
    s.text_align = parent.text_align;
    s.text_indent = parent.text_indent;
    s.underline = parent.underline;
    s.line_through = parent.line_through;
    s.text_transform = parent.text_transform;
    s.white_space = parent.white_space;
    s.hyphens = parent.hyphens;
    s.overflow_wrap = parent.overflow_wrap;
    s.lang = parent.lang;
    s.list_style_type = parent.list_style_type;
    s.list_style_position = parent.list_style_position;
    s.border_collapse = parent.border_collapse;
    s.border_spacing_h = parent.border_spacing_h;
    s.border_spacing_v = parent.border_spacing_v;
    s.orphans = parent.orphans;
    s.widows = parent.widows;
    return s;
}

// A block container being filled: its block children, and the inline run not yet placed.
struct Container {
    Box* box = nullptr;
    std::vector<InlineItem> run;
    std::vector<std::unique_ptr<Box>> run_atomics;
    bool has_blocks = false;
    // Inline elements open at the current point; re-opened after a block breaks the run.
    std::vector<InlineItem> open_spans;
};

class BoxBuilder {
public:
    BoxBuilder(const document::Document& doc, const style::Cascade& cascade, BoxTree& tree)
        : doc_(doc), cascade_(cascade), tree_(tree) {}

    void build() {
        if (!doc_.root) return;
        const Node& html = *doc_.root;
        const ComputedStyle* style = keep(cascade_.compute(html, nullptr));
        ComputedStyle root_style = *style;
        root_style.display = Display::Block;
        tree_.root = make_box(BoxKind::Block, &html, keep(std::move(root_style)));
        Container c;
        c.box = tree_.root.get();
        fill_container(html, *tree_.root->style, c, 0);
        finish_container(c);
    }

private:
    // Stores a style, or reuses an equal one kept recently: siblings (table cells, list
    // items, paragraphs) mostly share their style, and a style is 500+ bytes.
    const ComputedStyle* keep(ComputedStyle s) {
        for (const ComputedStyle* recent : recent_styles_)
            if (recent && *recent == s) return recent;
        tree_.styles.push_back(std::move(s));
        const ComputedStyle* stored = &tree_.styles.back();
        recent_styles_[next_recent_++ % recent_styles_.size()] = stored;
        return stored;
    }

    std::unique_ptr<Box> make_box(BoxKind kind, const Node* element, const ComputedStyle* style) {
        auto box = std::make_unique<Box>();
        box->kind = kind;
        box->element = element;
        box->style = style;
        if (element) {
            box->position = element->position;
            if (const std::string* id = element->id()) box->edit().id = *id;
            if (const int level = heading_level_of(element->name)) {
                box->edit().heading_level = level;
                box->edit().heading_text = collapsed_text(*element);
            }
        }
        return box;
    }

    void warn(const Node& node, const std::string& message) {
        const std::string file = doc_.source_path.empty() ? "<document>" : doc_.source_path.string();
        tree_.warnings.push_back(file + ":" + std::to_string(node.position.line) + ":" +
                                 std::to_string(node.position.column) + ": warning: " + message);
    }

    void warn_if_unknown(const Node& node, const ComputedStyle& s) {
        if (is_known_element(node.name) || !warned_elements_.insert(node.name).second) return;
        const bool inline_level = s.display == Display::Inline || s.display == Display::InlineBlock;
        warn(node, "unknown element <" + node.name + ">, laid out as " + (inline_level ? "inline" : "block"));
    }

    // ---- inline runs and anonymous blocks --------------------------------------------

    void flush_run(Container& c) {
        if (!c.run.empty() && run_is_meaningful(c.run)) {
            for (auto it = c.open_spans.rbegin(); it != c.open_spans.rend(); ++it)
                c.run.push_back(make_inline(InlineItem::Kind::CloseSpan, it->style));
            auto anon = make_box(BoxKind::Block, nullptr, keep(anonymous_style(*c.box->style, Display::Block)));
            anon->inlines = std::move(c.run);
            anon->atomics = std::move(c.run_atomics);
            c.box->children.push_back(std::move(anon));
        }
        c.run.clear();
        c.run_atomics.clear();
        // The spans still open continue in the next anonymous block (without their id:
        // an anchor belongs where the element starts).
        for (InlineItem span : c.open_spans) {
            span.clear_id();
            c.run.push_back(std::move(span));
        }
    }

    void add_block_child(Container& c, std::unique_ptr<Box> child) {
        flush_run(c);
        c.has_blocks = true;
        c.box->children.push_back(std::move(child));
    }

    // A box that sits in the line like a big glyph (inline-block, inline image).
    static void add_atomic(Container& c, std::unique_ptr<Box> box) {
        InlineItem atomic = make_inline(InlineItem::Kind::Atomic, box->style);
        atomic.atomic_id = static_cast<int>(c.run_atomics.size());
        if (!box->extras().id.empty()) atomic.set_id(box->extras().id);
        c.run_atomics.push_back(std::move(box));
        c.run.push_back(std::move(atomic));
    }

    void finish_container(Container& c) {
        if (c.has_blocks) {
            c.open_spans.clear();
            flush_run(c);
            c.run.clear();
        } else if (run_is_meaningful(c.run)) {
            c.box->inlines = std::move(c.run);
            c.box->atomics = std::move(c.run_atomics);
        }
    }

    // ---- elements -----------------------------------------------------------------------

    void fill_container(const Node& element, const ComputedStyle& style, Container& c, int depth) {
        add_pseudo(element, style::PseudoElement::Before, style, c, depth);
        for (const auto& child : element.children) add_node(*child, style, c, depth + 1);
        add_pseudo(element, style::PseudoElement::After, style, c, depth);
    }

    void add_node(const Node& node, const ComputedStyle& parent_style, Container& c, int depth) {
        if (node.is_text()) {
            if (!node.text.empty())
                c.run.push_back(make_inline(InlineItem::Kind::Text, &parent_style, node.text));
            return;
        }
        if (never_rendered(node.name)) return;
        const ComputedStyle* s = keep(cascade_.compute(node, &parent_style));
        if (s->display == Display::None) return;
        warn_if_unknown(node, *s);
        apply_counters(node, *s, depth);
        if (node.name == "br") {
            c.run.push_back(make_inline(InlineItem::Kind::ForcedBreak, s));
        } else if (node.name == "img") {
            add_image(node, s, c);
        } else if (s->display == Display::Inline) {
            add_inline_element(node, s, c, depth);
        } else if (s->display == Display::InlineBlock) {
            add_atomic(c, build_block(node, s, depth));
        } else {
            add_block_child(c, build_block(node, s, depth));
        }
        counters_.leave(depth);
    }

    void add_inline_element(const Node& node, const ComputedStyle* s, Container& c, int depth) {
        InlineItem open = make_inline(InlineItem::Kind::OpenSpan, s);
        if (const std::string* id = node.id()) open.set_id(*id);
        if (node.name == "a") {
            if (const std::string* href = node.attribute("href")) {
                if (!href->empty() && (*href)[0] == '#') open.set_link({}, href->substr(1));
                else open.set_link(*href, {});
            }
        }
        c.run.push_back(open);
        c.open_spans.push_back(open);
        fill_container(node, *s, c, depth);
        c.open_spans.pop_back();
        c.run.push_back(make_inline(InlineItem::Kind::CloseSpan, s));
    }

    // A block-level box for an element: block, list item, table (part) or inline-block.
    std::unique_ptr<Box> build_block(const Node& node, const ComputedStyle* s, int depth) {
        BoxKind kind = BoxKind::Block;
        if (s->display == Display::ListItem) kind = BoxKind::ListItem;
        else if (s->display == Display::Table) kind = BoxKind::Table;
        else if (s->display == Display::InlineBlock) kind = BoxKind::InlineBlock;
        else if (is_table_part(s->display)) kind = table_part_kind(s->display);
        auto box = make_box(kind, &node, s);
        if (auto sets = resolve_string_sets(node, *s); !sets.empty()) box->edit().string_sets = std::move(sets);
        if (kind == BoxKind::ListItem) make_marker(*box, node, *s);

        if (kind == BoxKind::Table || kind == BoxKind::TableRowGroup || kind == BoxKind::TableRow ||
            kind == BoxKind::TableColumnGroup || kind == BoxKind::TableColumn) {
            build_table_parts(node, *box, depth);
            return box;
        }
        Container c;
        c.box = box.get();
        if (kind == BoxKind::ListItem && box->extras().marker_inside && !box->extras().marker.empty())
            c.run.push_back(make_inline(InlineItem::Kind::Text, s, box->extras().marker + "\u00A0"));
        fill_container(node, *s, c, depth);
        finish_container(c);
        return box;
    }

    // Inside tables only table parts matter; stray whitespace is dropped. Stray text is
    // kept in an anonymous block, which the table code lays out as an anonymous cell
    // (CSS 2.1 §17.2.1): an officer's words are never silently lost.
    void build_table_parts(const Node& node, Box& box, int depth) {
        for (const auto& child : node.children) {
            if (child->is_text()) {
                if (child->text.find_first_not_of(" \t\n\r\f") == std::string::npos) continue;
                warn(node, "text directly inside <" + node.name + "> is not in a table cell; laid out as an anonymous cell");
                auto anon = make_box(BoxKind::Block, nullptr, keep(anonymous_style(*box.style, Display::Block)));
                anon->inlines.push_back(make_inline(InlineItem::Kind::Text, anon->style, child->text));
                box.children.push_back(std::move(anon));
                continue;
            }
            if (!child->is_element() || never_rendered(child->name)) continue;
            const ComputedStyle* cs = keep(cascade_.compute(*child, box.style));
            if (cs->display == Display::None) continue;
            warn_if_unknown(*child, *cs);
            apply_counters(*child, *cs, depth + 1);
            box.children.push_back(build_block(*child, cs, depth + 1));
            counters_.leave(depth + 1);
        }
    }

    // ---- images -------------------------------------------------------------------------

    void add_image(const Node& node, const ComputedStyle* s, Container& c) {
        auto box = make_box(BoxKind::Replaced, &node, s);
        BoxExtras& image = box->edit();
        if (const std::string* alt = node.attribute("alt")) image.alt = *alt;
        image.attribute_width = attribute_pt(node, "width");
        image.attribute_height = attribute_pt(node, "height");
        const std::string* src = node.attribute("src");
        std::optional<PixelSize> size;
        if (src && !src->empty() && src->find("://") == std::string::npos) {
            std::filesystem::path path = doc_.base_dir / *src;
            size = read_image_size(path);
            if (size) image.image_path = std::filesystem::absolute(path).lexically_normal().string();
        }
        if (!size) {
            warn(node, "image '" + (src ? *src : std::string()) + "' not found or not a PNG/JPEG; showing its alt text");
            if (!image.alt.empty()) c.run.push_back(make_inline(InlineItem::Kind::Text, s, "[" + image.alt + "]"));
            return;
        }
        // CSS px: 96 per inch, 0.75 pt each.
        image.intrinsic_width = size->width * 0.75;
        image.intrinsic_height = size->height * 0.75;
        if (s->display == Display::Inline || s->display == Display::InlineBlock) {
            add_atomic(c, std::move(box));
        } else {
            add_block_child(c, std::move(box));
        }
    }

    // ---- counters, markers, generated content ----------------------------------------

    void apply_counters(const Node& node, const ComputedStyle& s, int depth) {
        bool resets_list_item = false, increments_list_item = false;
        for (const auto& op : s.counter_reset) {
            counters_.reset(op.name, op.value, depth);
            resets_list_item |= op.name == "list-item";
        }
        if (!resets_list_item && (node.name == "ol" || node.name == "ul")) reset_list(node, depth);
        for (const auto& op : s.counter_increment) {
            counters_.increment(op.name, op.value, depth);
            increments_list_item |= op.name == "list-item";
        }
        if (s.display == Display::ListItem && !increments_list_item) {
            const bool reversed = node.parent && node.parent->attribute("reversed");
            if (const std::string* v = node.attribute("value"); v && !v->empty())
                counters_.set("list-item", std::atoi(v->c_str()), depth);
            else
                counters_.increment("list-item", reversed ? -1 : 1, depth);
        }
    }

    // HTML: ol/ul reset list-item; <ol start> and <ol reversed> choose where it starts.
    void reset_list(const Node& list, int depth) {
        int items = 0;
        for (const auto& child : list.children)
            if (child->is_element() && child->name == "li") ++items;
        const std::string* start = list.attribute("start");
        const bool reversed = list.attribute("reversed") != nullptr;
        int first = reversed ? items : 1;
        if (start && !start->empty()) first = std::atoi(start->c_str());
        counters_.reset("list-item", reversed ? first + 1 : first - 1, depth);
    }

    static ListStyleType type_attribute(const std::string& t, ListStyleType fallback) {
        if (t == "1") return ListStyleType::Decimal;
        if (t == "a") return ListStyleType::LowerAlpha;
        if (t == "A") return ListStyleType::UpperAlpha;
        if (t == "i") return ListStyleType::LowerRoman;
        if (t == "I") return ListStyleType::UpperRoman;
        return fallback;
    }

    void make_marker(Box& box, const Node& node, const ComputedStyle& s) {
        ListStyleType type = s.list_style_type;
        // <ol type> is presentational: it wins over the UA's decimal, not over author CSS.
        if (node.parent && node.parent->name == "ol" && type == ListStyleType::Decimal)
            if (const std::string* t = node.parent->attribute("type")) type = type_attribute(*t, type);
        if (type == ListStyleType::None) return;
        BoxExtras& list_item = box.edit();
        list_item.marker = format_counter(counters_.value("list-item"), type);
        const bool bullet = type == ListStyleType::Disc || type == ListStyleType::Circle || type == ListStyleType::Square;
        if (!bullet) list_item.marker += ".";
        list_item.marker_inside = s.list_style_position == style::ListStylePosition::Inside;
    }

    std::string attribute_text(const Node& node, const std::string& name) {
        const std::string* v = node.attribute(name);
        return v ? *v : std::string();
    }

    // Resolves everything in a `content` value except target-counter(), which is deferred.
    std::vector<DeferredText::Piece> resolve_content(const Node& node, const std::vector<ContentItem>& items) {
        std::vector<DeferredText::Piece> pieces(1);
        for (const ContentItem& item : items) {
            switch (item.kind) {
            case ContentItem::Kind::String: pieces.back().literal += item.text; break;
            case ContentItem::Kind::Attr: pieces.back().literal += attribute_text(node, item.name); break;
            case ContentItem::Kind::Counter:
                pieces.back().literal += format_counter(counters_.value(item.name), item.counter_style);
                break;
            case ContentItem::Kind::Counters:
                pieces.back().literal += counters_.all(item.name, item.text, item.counter_style);
                break;
            case ContentItem::Kind::ContentText: pieces.back().literal += collapsed_text(node); break;
            case ContentItem::Kind::OpenQuote: pieces.back().literal += "\u201C"; break;
            case ContentItem::Kind::CloseQuote: pieces.back().literal += "\u201D"; break;
            case ContentItem::Kind::TargetCounter: {
                std::string href = attribute_text(node, item.text.empty() ? "href" : item.text);
                if (!href.empty() && href[0] == '#') href.erase(0, 1);
                pieces.push_back({std::string(), href, item.counter_style});
                pieces.emplace_back();
                break;
            }
            case ContentItem::Kind::StringRef: break;  // only meaningful in margin boxes
            }
        }
        return pieces;
    }

    static std::string join_literals(const std::vector<DeferredText::Piece>& pieces) {
        std::string out;
        for (const auto& p : pieces) out += p.target.empty() ? p.literal : "0";
        return out;
    }

    std::vector<std::pair<std::string, std::string>> resolve_string_sets(const Node& node, const ComputedStyle& s) {
        std::vector<std::pair<std::string, std::string>> out;
        for (const auto& set : s.string_set) out.emplace_back(set.name, join_literals(resolve_content(node, set.value)));
        return out;
    }

    void add_pseudo(const Node& element, style::PseudoElement which, const ComputedStyle& element_style,
                    Container& c, int depth) {
        std::optional<ComputedStyle> pseudo = cascade_.compute_pseudo(element, which, element_style);
        if (!pseudo || pseudo->content.empty() || pseudo->display == Display::None) return;
        const ComputedStyle* s = keep(std::move(*pseudo));
        apply_counters(element, *s, depth + 1);
        auto pieces = resolve_content(element, s->content);
        counters_.leave(depth);
        InlineItem text = make_inline(InlineItem::Kind::Text, s, join_literals(pieces));
        if (pieces.size() > 1) {
            // Runs move between vectors while the tree is built, so the item is tagged with
            // its deferred index (atomic_id is unused on Text items) and found afterwards.
            text.atomic_id = static_cast<int>(deferred_pieces_.size());
            deferred_pieces_.push_back(std::move(pieces));
        }
        if (s->display == Display::Inline) {
            c.run.push_back(make_inline(InlineItem::Kind::OpenSpan, s));
            c.run.push_back(std::move(text));
            c.run.push_back(make_inline(InlineItem::Kind::CloseSpan, s));
            return;
        }
        auto box = make_box(BoxKind::Block, nullptr, s);
        box->inlines.push_back(std::move(text));
        add_block_child(c, std::move(box));
    }

public:
    std::vector<std::vector<DeferredText::Piece>> deferred_pieces_;

private:
    const document::Document& doc_;
    const style::Cascade& cascade_;
    BoxTree& tree_;
    Counters counters_;
    std::unordered_set<std::string> warned_elements_;
    std::array<const ComputedStyle*, 8> recent_styles_{};
    std::size_t next_recent_ = 0;
};

void find_deferred(Box& box, std::vector<std::vector<DeferredText::Piece>>& pieces, std::vector<DeferredText>& out) {
    for (InlineItem& item : box.inlines) {
        if (item.kind != InlineItem::Kind::Text || item.atomic_id < 0) continue;
        const auto index = static_cast<std::size_t>(item.atomic_id);
        if (index < pieces.size()) out.push_back({&item, std::move(pieces[index])});
    }
    for (auto& child : box.children) find_deferred(*child, pieces, out);
    for (auto& atomic : box.atomics) find_deferred(*atomic, pieces, out);
}

}  // namespace

BoxTree build_box_tree(const document::Document& doc, const style::Cascade& cascade) {
    BoxTree tree;
    BoxBuilder builder(doc, cascade, tree);
    builder.build();
    if (!builder.deferred_pieces_.empty() && tree.root) find_deferred(*tree.root, builder.deferred_pieces_, tree.deferred);
    return tree;
}

}  // namespace quorum::layout
