// Pagination: decide page ends over the flow, then draw each page (see paginate.hpp).
#include "layout/paginate.hpp"

#include <algorithm>

namespace quorum::layout {

namespace {
style::PageSelector page_selector(const std::string& name, bool first, bool left, bool blank) {
    style::PageSelector s;
    s.name = name;
    s.first = first;
    s.left = left;
    s.blank = blank;
    return s;
}
}  // namespace

const style::PageStyle& PageStyles::get(const style::PageSelector& selector) {
    auto key = std::make_tuple(selector.name, selector.first, selector.left, selector.blank);
    auto it = cache_.find(key);
    if (it == cache_.end())
        it = cache_.emplace(std::move(key), std::make_unique<style::PageStyle>(cascade_.page_style(selector))).first;
    return *it->second;
}

double content_width_of(const style::PageStyle& page) {
    return std::max(page.width - page.margin_left - page.margin_right, 1.0);
}

double content_height_of(const style::PageStyle& page) {
    return std::max(page.height - page.margin_top - page.margin_bottom, 1.0);
}

double PageStyles::content_width(const std::string& page_name) {
    return content_width_of(get(page_selector(page_name, false, false, false)));
}

// Shared by the Planner (which PageTracker exposes) and the drawing: external linkage.
namespace paginate_detail {

// Page 1 is a right-hand page, so even indexes are right pages.
bool is_left_index(std::size_t index) { return index % 2 == 1; }

bool wants_left(style::Break b) { return b == style::Break::Left || b == style::Break::Verso; }
bool wants_right(style::Break b) { return b == style::Break::Right || b == style::Break::Recto; }

struct PagePlan {
    std::size_t begin = 0, end = 0;  // slices [begin, end)
    std::string name;
    bool blank = false;
    // Keeps margins (Space slices) at its top: the first page and pages after a forced
    // break (CSS Fragmentation §5.2); only an unforced break truncates them.
    bool after_forced_break = false;
};

style::PageSelector selector_for(std::size_t index, const PagePlan& plan) {
    return page_selector(plan.name, index == 0, is_left_index(index), plan.blank);
}

double repeated_height(const std::vector<Slice>& slices) { return flow_height(slices); }

}  // namespace paginate_detail

using namespace paginate_detail;

const style::PageStyle& PageStyles::page(std::size_t index, const std::string& name, bool blank) {
    return get(page_selector(name, index == 0, is_left_index(index), blank));
}

// Phase 1: where pages end (PageTracker's too, so not in the anonymous namespace).
class Planner {
public:
    Planner(const Flow& flow, PageStyles& styles) : flow_(flow), styles_(styles) {}

    std::vector<PagePlan> plan() {
        advance(flow_.size());
        plans_.back().end = flow_.size();
        return std::move(plans_);
    }

    // Plans the slices up to `settled` (a flow being built: what comes later cannot change
    // a decision about them) and says where the next slice would go.
    PagePosition advance(std::size_t settled) {
        if (plans_.empty()) start_page(0, "", true);  // the document's first margins are kept
        while (next_ < settled) next_ = step(next_);
        return {plans_.size() - 1, std::max(height_ - y_ - footer_reserve(), 0.0), plans_.back().name};
    }

private:
    // Handles slice i; returns the index of the next slice to look at.
    std::size_t step(std::size_t i) {
        const Slice& s = flow_[i];
        if (s.kind == Slice::Kind::Break) {
            forced_break(i, s);
            return i + 1;
        }
        if (s.kind == Slice::Kind::Space && !placed_ && !plans_.back().after_forced_break) return i + 1;

        const bool breakable = i > plans_.back().begin && placed_ && !s.avoid_break_before && s.kind != Slice::Kind::Close;
        const bool fits = y_ + s.height + footer_reserve() <= height_ + fit_tolerance;
        if (!fits && placed_) {
            std::size_t at = breakable ? i : last_break_;
            // No allowed break on this page: break where it overflows (CSS Fragmentation
            // §4.4: avoid rules are dropped before content is lost), but never before a
            // box's bottom edge alone.
            if (at == npos) at = s.kind == Slice::Kind::Close ? npos : i;
            if (at != npos) {
                unforced_break(at);
                return at;
            }
        }
        if (breakable) last_break_ = i;
        place(s);
        return i + 1;
    }

    void place(const Slice& s) {
        y_ += s.height;
        // A kept margin at the top of a page is not content: no break right after it (that
        // would leave a page holding only the margin), and a forced break after it
        // still starts no new page.
        if (s.kind == Slice::Kind::Content || (s.height > 0 && s.kind != Slice::Kind::Space)) placed_ = true;
        if (s.kind == Slice::Kind::Open) open_.push_back(static_cast<std::size_t>(&s - flow_.data()));
        else if (s.kind == Slice::Kind::Close && !open_.empty()) open_.pop_back();
    }

    double footer_reserve() const {
        double h = 0;
        for (const std::size_t s : open_) h += repeated_height(flow_[s].decoration().repeat_footer);
        return h;
    }

    void start_page(std::size_t begin, std::string name, bool forced) {
        PagePlan plan;
        plan.begin = begin;
        plan.name = std::move(name);
        plan.after_forced_break = forced;
        plans_.push_back(std::move(plan));
        open_at_start_ = open_;
        const auto& style = styles_.get(selector_for(plans_.size() - 1, plans_.back()));
        height_ = content_height_of(style);
        y_ = 0;
        for (const std::size_t s : open_) y_ += repeated_height(flow_[s].decoration().repeat_header);
        placed_ = false;
        last_break_ = npos;
    }

    void unforced_break(std::size_t at) {
        // Rebuild which boxes are open at `at` from the state at the page's start.
        open_ = open_at_start_;
        for (std::size_t j = plans_.back().begin; j < at; ++j) {
            if (flow_[j].kind == Slice::Kind::Open) open_.push_back(j);
            else if (flow_[j].kind == Slice::Kind::Close && !open_.empty()) open_.pop_back();
        }
        plans_.back().end = at;
        start_page(at, plans_.back().name, false);
    }

    void forced_break(std::size_t i, const Slice& s) {
        if (!placed_) {
            // Nothing on this page yet: it simply becomes the new page name's page.
            plans_.back().name = s.page_name();
            plans_.back().after_forced_break = true;
            const std::size_t index = plans_.size() - 1;
            if ((wants_left(s.forced()) && !is_left_index(index)) || (wants_right(s.forced()) && is_left_index(index))) {
                plans_.back().blank = true;
                plans_.back().end = i + 1;
                start_page(i + 1, s.page_name(), true);
            } else {
                reset_page_height();
            }
            return;
        }
        plans_.back().end = i + 1;
        const std::size_t next = plans_.size();
        if ((wants_left(s.forced()) && !is_left_index(next)) || (wants_right(s.forced()) && is_left_index(next))) {
            start_page(i + 1, s.page_name(), true);
            plans_.back().blank = true;
            plans_.back().end = i + 1;
        }
        start_page(i + 1, s.page_name(), true);
    }

    void reset_page_height() {
        const auto& style = styles_.get(selector_for(plans_.size() - 1, plans_.back()));
        height_ = content_height_of(style);
    }

    static constexpr std::size_t npos = static_cast<std::size_t>(-1);
    const Flow& flow_;
    PageStyles& styles_;
    std::vector<PagePlan> plans_;
    // Indexes, not pointers: a PageTracker's flow grows (and moves) while it is planned.
    std::vector<std::size_t> open_, open_at_start_;
    std::size_t next_ = 0;  // the next slice to plan
    double y_ = 0, height_ = 0;
    bool placed_ = false;
    std::size_t last_break_ = npos;
};

namespace {

// Phase 2: drawing.
class Drawer {
public:
    Drawer(Flow& flow, PageStyles& styles, Paginated& out) : flow_(flow), styles_(styles), out_(out) {}

    void draw(const std::vector<PagePlan>& plans) {
        for (std::size_t index = 0; index < plans.size(); ++index) draw_page(index, plans[index]);
    }

private:
    struct OpenBox {
        const Slice* slice;
        double y = 0;
        std::size_t fill_slot = 0;
        bool first_fragment = true;
    };

    void draw_page(std::size_t index, const PagePlan& plan) {
        PageContext context;
        context.selector = selector_for(index, plan);
        context.style = &styles_.get(context.selector);
        context.strings_at_start = strings_;
        const style::PageStyle& ps = *context.style;

        page_ = &out_.pages.emplace_back();
        page_->width = ps.width;
        page_->height = ps.height;
        page_->name = plan.name;
        page_->blank = plan.blank;
        index_ = static_cast<int>(index);
        ox_ = ps.margin_left;
        oy_ = ps.margin_top;
        content_width_ = content_width_of(ps);
        y_ = 0;
        context_ = &context;

        for (OpenBox& box : open_) {
            box.y = 0;
            box.fill_slot = reserve_fill();
            box.first_fragment = false;
        }
        // Pages live until the PDF is written: size their mark vectors to what the page's
        // slices hold instead of letting push_back double them (and trim any extras below).
        std::size_t fills = page_->fills.size(), lines = 0, runs = 0;
        for (std::size_t i = plan.begin; i < plan.end; ++i) {
            fills += flow_[i].marks.fills.size();
            lines += flow_[i].marks.lines.size();
            runs += flow_[i].marks.runs.size();
        }
        page_->fills.reserve(fills);
        page_->lines.reserve(lines);
        page_->runs.reserve(runs);
        for (const OpenBox& box : open_) draw_repeated(box.slice->decoration().repeat_header);

        bool placed = false;
        for (std::size_t i = plan.begin; i < plan.end; ++i) {
            Slice& s = flow_[i];
            if (s.kind == Slice::Kind::Space && !placed && !plan.after_forced_break) continue;
            if (s.width_tag != 0) record_landing(s.width_tag);
            draw_slice(s);
            if (s.kind == Slice::Kind::Content || (s.height > 0 && s.kind != Slice::Kind::Space)) placed = true;
        }
        for (const OpenBox& box : open_) draw_repeated(box.slice->decoration().repeat_footer);
        for (const OpenBox& box : open_) finish_fragment(box, false);
        std::erase_if(page_->fills, [](const FilledRect& r) { return r.width <= 0 || r.height <= 0; });
        page_->fills.shrink_to_fit();
        page_->lines.shrink_to_fit();
        page_->runs.shrink_to_fit();
        page_->links.shrink_to_fit();
        out_.contexts.push_back(std::move(context));
    }

    std::size_t reserve_fill() {
        page_->fills.push_back({});
        return page_->fills.size() - 1;
    }

    void draw_slice(Slice& s) {
        record_anchors(s);
        for (const auto& [name, value] : s.string_sets()) {
            context_->strings_set_here.emplace_back(name, value);
            strings_[name] = value;
        }
        switch (s.kind) {
        case Slice::Kind::Content: move_marks(s.marks, y_); break;
        case Slice::Kind::Open: open_.push_back({&s, y_, reserve_fill(), true}); break;
        case Slice::Kind::Close:
            if (!open_.empty()) {
                OpenBox box = open_.back();
                open_.pop_back();
                y_ += s.height;
                finish_fragment(box, true);
                return;
            }
            break;
        default: break;
        }
        if (s.kind != Slice::Kind::Break) y_ += s.height;
    }

    void draw_repeated(const std::vector<Slice>& slices) {
        if (slices.empty()) return;
        Marks marks;
        flatten_flow(slices, marks, 0, 0);
        draw_marks(marks, y_);
        y_ += flow_height(slices);
    }

    void record_landing(std::uint32_t tag) {
        if (out_.landed_widths.size() < tag) out_.landed_widths.resize(tag, 0.0);
        out_.landed_widths[tag - 1] = content_width_;
    }

    void finish_fragment(const OpenBox& box, bool last) {
        std::vector<FilledRect> fills;
        std::vector<Line> lines;
        const Decoration& d = box.slice->decoration();
        if (d.page_width > 0 && d.page_width != content_width_) {
            // Each fragment of a box whose width follows the page's takes its own page's width.
            Decoration resized = d;
            resized.width = std::max(d.width + content_width_ - d.page_width, 0.0);
            draw_decoration(resized, box.y, y_, box.first_fragment, last, fills, lines);
        } else {
            draw_decoration(d, box.y, y_, box.first_fragment, last, fills, lines);
        }
        if (!fills.empty()) {
            FilledRect f = fills.front();
            f.x += ox_;
            f.y += oy_;
            page_->fills[box.fill_slot] = f;
        }
        for (Line l : lines) {
            l.x1 += ox_; l.x2 += ox_; l.y1 += oy_; l.y2 += oy_;
            page_->lines.push_back(l);
        }
    }

    void draw_marks(const Marks& m, double y) {
        const double dx = ox_, dy = oy_ + y;
        for (FilledRect r : m.fills) { r.x += dx; r.y += dy; page_->fills.push_back(r); }
        for (Image i : m.images) { i.x += dx; i.y += dy; page_->images.push_back(std::move(i)); }
        for (Line l : m.lines) { l.x1 += dx; l.x2 += dx; l.y1 += dy; l.y2 += dy; page_->lines.push_back(l); }
        for (GlyphRun r : m.runs) { r.x += dx; r.baseline += dy; page_->runs.push_back(std::move(r)); }
        for (Link l : m.links) { l.x += dx; l.y += dy; page_->links.push_back(std::move(l)); }
    }

    // Each content slice is drawn exactly once, so its marks move rather than copy.
    void move_marks(Marks& m, double y) {
        const double dx = ox_, dy = oy_ + y;
        for (FilledRect& r : m.fills) { r.x += dx; r.y += dy; page_->fills.push_back(r); }
        for (Image& i : m.images) { i.x += dx; i.y += dy; page_->images.push_back(std::move(i)); }
        for (Line& l : m.lines) { l.x1 += dx; l.x2 += dx; l.y1 += dy; l.y2 += dy; page_->lines.push_back(l); }
        for (GlyphRun& r : m.runs) { r.x += dx; r.baseline += dy; page_->runs.push_back(std::move(r)); }
        for (Link& l : m.links) { l.x += dx; l.y += dy; page_->links.push_back(std::move(l)); }
        m = Marks{};
    }

    void record_anchors(const Slice& s) {
        for (const FlowAnchor& a : s.anchors()) {
            const double y = oy_ + y_ + a.y;
            if (!a.id.empty()) out_.anchors.push_back({a.id, index_, y});
            if (a.bookmark_level > 0) out_.bookmarks.push_back({a.bookmark_level, a.title, index_, y});
        }
    }

    Flow& flow_;
    PageStyles& styles_;
    Paginated& out_;
    std::vector<OpenBox> open_;
    std::map<std::string, std::string> strings_;
    Page* page_ = nullptr;
    PageContext* context_ = nullptr;
    int index_ = 0;
    double ox_ = 0, oy_ = 0, y_ = 0;
    double content_width_ = 0;  // of the page being drawn
};

}  // namespace

PageTracker::PageTracker(const Flow& flow, PageStyles& styles) : planner_(std::make_unique<Planner>(flow, styles)) {}
PageTracker::~PageTracker() = default;

PagePosition PageTracker::advance(std::size_t settled) { return planner_->advance(settled); }

Paginated paginate(Flow flow, PageStyles& styles) {
    Paginated out;
    std::vector<PagePlan> plans = Planner(flow, styles).plan();
    out.pages.reserve(plans.size());
    out.contexts.reserve(plans.size());
    Drawer(flow, styles, out).draw(plans);
    return out;
}

}  // namespace quorum::layout
