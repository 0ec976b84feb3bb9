#include "layout/margin_boxes.hpp"

#include <algorithm>
#include <array>

namespace quorum::layout {

using style::ContentItem;
using style::MarginBoxPosition;

namespace {

// string(name, which) per CSS GCPM §1.1.1, with the page's assignments and its entry value.
std::string running_string(const PageContext& page, const std::string& name, const std::string& which) {
    const std::string* first = nullptr;
    const std::string* last = nullptr;
    for (const auto& [n, value] : page.strings_set_here) {
        if (n != name) continue;
        if (!first) first = &value;
        last = &value;
    }
    auto entry_it = page.strings_at_start.find(name);
    const std::string entry = entry_it == page.strings_at_start.end() ? std::string() : entry_it->second;
    if (which == "first-except") return first ? std::string() : entry;
    if (which == "last") return last ? *last : entry;
    if (which == "start") return entry.empty() && first ? *first : entry;
    return first ? *first : entry;  // "first", the default
}

}  // namespace

std::string margin_box_text(const std::vector<ContentItem>& content, const PageContext& page, int index,
                            int page_count) {
    std::string text;
    for (const ContentItem& item : content) {
        switch (item.kind) {
        case ContentItem::Kind::String: text += item.text; break;
        case ContentItem::Kind::Counter:
        case ContentItem::Kind::Counters:
            if (item.name == "page") text += format_counter(index + 1, item.counter_style);
            else if (item.name == "pages") text += format_counter(page_count, item.counter_style);
            break;
        case ContentItem::Kind::StringRef: text += running_string(page, item.name, item.text); break;
        case ContentItem::Kind::OpenQuote: text += "\u201C"; break;
        case ContentItem::Kind::CloseQuote: text += "\u201D"; break;
        default: break;  // attr(), target-counter() mean nothing outside the document
        }
    }
    return text;
}

namespace {

struct Slot {
    bool present = false;
    std::string text;
    style::ComputedStyle style;
    double max_width = 0;
};

// Widths of the left, centre and right boxes of one edge (CSS Paged Media §6.3.2, simplified):
// the centre box gets what it needs, centred; the sides share the rest.
std::array<double, 3> column_widths(const std::array<Slot, 3>& slots, double available) {
    std::array<double, 3> w{0, 0, 0};
    if (slots[1].present) {
        w[1] = std::min(slots[1].max_width, available);
        if (!slots[0].present && !slots[2].present) w[1] = available;
        w[0] = w[2] = std::max((available - w[1]) / 2, 0.0);
        return w;
    }
    if (slots[0].present && slots[2].present) {
        const double total = slots[0].max_width + slots[2].max_width;
        w[0] = total > 0 ? available * std::clamp(slots[0].max_width / total, 0.2, 0.8) : available / 2;
        w[2] = available - w[0];
    } else {
        w[0] = w[2] = available;
    }
    return w;
}

void draw_box(Page& page, LineBreaker& lb, Slot& slot, double x, double width, double area_top, double area_height) {
    std::vector<InlineItem> items{make_inline(InlineItem::Kind::Text, &slot.style, slot.text)};
    ParagraphStyle para = make_paragraph(&slot.style, std::max(width, 1.0));
    std::vector<LineBox> lines = lb.break_lines(items, para);
    double total = 0;
    for (const auto& l : lines) total += l.height;
    double y = area_top + (area_height - total) / 2;  // vertical-align: middle, the default
    if (slot.style.vertical_align == style::VerticalAlign::Top) y = area_top;
    else if (slot.style.vertical_align == style::VerticalAlign::Bottom) y = area_top + area_height - total;
    for (auto& line : lines) {
        for (GlyphRun run : line.runs) {
            run.x += x;
            run.baseline += y;
            page.runs.push_back(std::move(run));
        }
        for (Line l : line.lines) {
            l.x1 += x; l.x2 += x; l.y1 += y; l.y2 += y;
            page.lines.push_back(l);
        }
        y += line.height;
    }
}

void draw_edge(Page& page, LineBreaker& lb, std::array<Slot, 3>& slots, const style::PageStyle& ps, bool top) {
    const double available = ps.width - ps.margin_left - ps.margin_right;
    for (auto& slot : slots)
        if (slot.present) {
            std::vector<InlineItem> items{make_inline(InlineItem::Kind::Text, &slot.style, slot.text)};
            slot.max_width = lb.measure(items, slot.style).max;
        }
    const auto widths = column_widths(slots, available);
    const double area_top = top ? 0 : ps.height - ps.margin_bottom;
    const double area_height = top ? ps.margin_top : ps.margin_bottom;
    const std::array<double, 3> xs{ps.margin_left, ps.margin_left + (available - widths[1]) / 2,
                                   ps.margin_left + available - widths[2]};
    for (int c = 0; c < 3; ++c)
        if (slots[c].present) draw_box(page, lb, slots[c], xs[c], widths[c], area_top, area_height);
}

}  // namespace

void draw_margin_boxes(Paginated& paginated, LineBreaker& line_breaker) {
    const int count = static_cast<int>(paginated.pages.size());
    for (int i = 0; i < count; ++i) {
        const PageContext& context = paginated.contexts[static_cast<std::size_t>(i)];
        if (!context.style) continue;
        std::array<std::array<Slot, 3>, 2> edges;
        for (int p = 0; p < static_cast<int>(MarginBoxPosition::Count); ++p) {
            const style::MarginBox& box = context.style->boxes[static_cast<std::size_t>(p)];
            if (!box.present || box.content.empty()) continue;
            std::string text = margin_box_text(box.content, context, i, count);
            if (text.empty()) continue;
            Slot& slot = edges[static_cast<std::size_t>(p / 3)][static_cast<std::size_t>(p % 3)];
            slot.present = true;
            slot.text = std::move(text);
            slot.style = box.style;  // the cascade defaults text-align by position (left/center/right)
        }
        // Drawn aside, then appended with one exact reserve: pagination sized the page's
        // vectors to its content, and push_back here would double every page's runs.
        Page extra;
        draw_edge(extra, line_breaker, edges[0], *context.style, true);
        draw_edge(extra, line_breaker, edges[1], *context.style, false);
        Page& page = paginated.pages[static_cast<std::size_t>(i)];
        page.runs.reserve(page.runs.size() + extra.runs.size());
        for (GlyphRun& run : extra.runs) page.runs.push_back(std::move(run));
        page.lines.reserve(page.lines.size() + extra.lines.size());
        page.lines.insert(page.lines.end(), extra.lines.begin(), extra.lines.end());
    }
}

}  // namespace quorum::layout
