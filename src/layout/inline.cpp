// LineBreaker: builds Knuth–Plass items for a paragraph (inline_items.cpp), breaks them
// (knuth_plass.cpp) and assembles each line's glyph runs, decorations, span boxes,
// links, anchors and atomic placements.
#include "layout/inline.hpp"

#include "layout/hyphenate.hpp"
#include "layout/inline_items.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace quorum::layout {

using inline_detail::Paragraph;
using inline_detail::Piece;
using inline_detail::VerticalContext;

namespace {

constexpr double epsilon = 1e-6;

// Where a span shows on one line: the x extent of its content and whether its start
// or end edge (left/right padding and border) falls on this line.
struct SpanOnLine {
    double x0 = std::numeric_limits<double>::infinity();
    double x1 = -std::numeric_limits<double>::infinity();
    bool starts = false, ends = false;
};

// An assembler's arrays, kept from one paragraph to the next (no allocation per paragraph).
struct AssemblyScratch {
    std::vector<double> xs, widths;  // per item of the line
    std::vector<SpanOnLine> on_line;
    std::vector<int> touched;
};

class LineAssembler {
public:
    LineAssembler(const Paragraph& p, const std::vector<InlineItem>& content, const ParagraphStyle& ps,
                  AssemblyScratch& scratch)
        : p_(p), content_(content), ps_(ps), xs_(scratch.xs), widths_(scratch.widths), on_line_(scratch.on_line),
          touched_(scratch.touched) {
        on_line_.assign(p.spans.size(), SpanOnLine{});
        touched_.clear();
    }

    // `width`: this line's measure (ParagraphStyle::line_widths).
    LineBox assemble(std::size_t begin, const kp::Break& brk, bool last_line, double width);

private:
    struct Metrics {
        double above = 0, below = 0;
    };
    void position_items(std::size_t begin, std::size_t end, double ratio);
    double last_fragment_line_ratio(std::size_t begin, std::size_t end) const;
    Metrics vertical_metrics(std::size_t begin, std::size_t end) const;
    double baseline_of(const VerticalContext& c) const;
    void place_piece(std::size_t index, double x, double width);
    void add_text(const Piece& piece, double x, double width, bool may_join);
    void add_decorations(const Piece& piece, double x, double width);
    bool extend_decoration(const Line& stroke);
    void touch_spans(int span, double x0, double x1);
    void emit_spans();
    const style::ComputedStyle& span_style(int span) const {
        const InlineItem* item = p_.spans[static_cast<std::size_t>(span)].item;
        return item->style ? *item->style : *ps_.block;
    }

    const Paragraph& p_;
    const std::vector<InlineItem>& content_;
    const ParagraphStyle& ps_;
    double width_ = 0;  // the measure of the line being assembled
    std::vector<double>& xs_;  // per item of the line
    std::vector<double>& widths_;
    std::vector<SpanOnLine>& on_line_;
    std::vector<int>& touched_;
    LineBox* line_ = nullptr;
    bool run_open_ = false;
    // A space after the open run: drawn only if the run continues after it, so no run
    // ends in a space (text extraction and callers see words, not trailing blanks).
    const Piece* pending_space_ = nullptr;
    double pending_x_ = 0, pending_width_ = 0;
    void close_run() {
        run_open_ = false;
        pending_space_ = nullptr;
    }
    bool decoration_open_[2] = {false, false};  // underline, line-through
};

LineBox LineAssembler::assemble(std::size_t begin, const kp::Break& brk, bool last_line, double width) {
    LineBox line;
    width_ = width;
    line_ = &line;
    close_run();
    decoration_open_[0] = decoration_open_[1] = false;
    line.width = width_;
    const std::size_t end = brk.position;
    const bool justify = p_.justify && !(last_line && ps_.is_last_paragraph_fragment);
    const bool ends_forced = kp::is_forced_break(p_.items[end]);
    double ratio = justify && !ends_forced ? std::clamp(brk.ratio, -1.0, 1e3) : 0.0;
    if (justify && ends_forced) ratio = last_line ? last_fragment_line_ratio(begin, end) : 0.0;
    position_items(begin, end, ratio);

    const Piece& at = p_.pieces[end];
    const double hyphen = at.kind == Piece::Kind::Hyphen ? p_.items[end].width : 0;
    double natural = 0;
    for (std::size_t i = begin; i < end; ++i)
        if (!(p_.items[i].type == kp::Item::Type::Glue && p_.items[i].stretch >= kp::fill_stretch))
            natural = std::max(natural, xs_[i - begin] + widths_[i - begin]);
    natural += hyphen;
    double offset = 0;
    if (!justify || last_line) {
        const double room = width_ - natural;
        if (ps_.block->text_align == style::TextAlign::Right) offset = std::max(0.0, room);
        else if (ps_.block->text_align == style::TextAlign::Center) offset = std::max(0.0, room / 2);
    }
    for (double& x : xs_) x += offset;

    const Metrics m = vertical_metrics(begin, end);
    line.baseline = m.above;
    line.height = m.above + m.below;

    for (std::size_t i = begin; i < end; ++i) place_piece(i, xs_[i - begin], widths_[i - begin]);
    if (hyphen > 0) {
        const double x = (end > begin ? xs_.back() + widths_.back() : offset);
        add_text(at, x, hyphen, true);
        add_decorations(at, x, hyphen);
    }
    emit_spans();
    line_ = nullptr;
    return line;
}

// The last line of a paragraph fragment that continues after a block (is_last_paragraph_fragment
// false) is justified too: the ratio that fills it with its interword stretch, ignoring the fill
// glue. A line with too little stretch to fill stays left-aligned rather than spaced absurdly.
double LineAssembler::last_fragment_line_ratio(std::size_t begin, std::size_t end) const {
    double width = 0, stretch = 0;
    for (std::size_t i = begin; i < end; ++i) {
        const kp::Item& item = p_.items[i];
        if (item.type == kp::Item::Type::Penalty || item.stretch >= kp::fill_stretch) continue;
        width += item.width;
        if (item.type == kp::Item::Type::Glue && item.breakable) stretch += item.stretch;
    }
    if (stretch <= 0 || width >= width_) return 0;
    const double r = (width_ - width) / stretch;
    return r <= 3 ? r : 0;
}

void LineAssembler::position_items(std::size_t begin, std::size_t end, double ratio) {
    xs_.clear();
    widths_.clear();
    double x = 0;
    for (std::size_t i = begin; i < end; ++i) {
        const kp::Item& item = p_.items[i];
        double w = 0;
        if (item.type == kp::Item::Type::Box) w = item.width;
        else if (item.type == kp::Item::Type::Glue) w = item.width + (ratio > 0 ? ratio * item.stretch : ratio * item.shrink);
        if (item.type == kp::Item::Type::Glue && item.stretch >= kp::fill_stretch) w = 0;  // fill: nothing to draw
        xs_.push_back(x);
        widths_.push_back(w);
        x += w;
    }
}

LineAssembler::Metrics LineAssembler::vertical_metrics(std::size_t begin, std::size_t end) const {
    Metrics m;
    if (!p_.has_content) return m;  // only empty spans (anchors): the line takes no room
    const VerticalContext& strut = p_.contexts[0];
    m.above = strut.above();
    m.below = strut.below();
    double top_height = 0, bottom_height = 0;
    for (std::size_t i = begin; i < end; ++i) {
        const Piece& piece = p_.pieces[i];
        if (piece.kind == Piece::Kind::Helper || piece.kind == Piece::Kind::Break) continue;
        const VerticalContext& c = p_.contexts[static_cast<std::size_t>(piece.context)];
        const double height = c.ascent + c.descent + 2 * c.half_leading;
        if (c.align == style::VerticalAlign::Top) top_height = std::max(top_height, height);
        else if (c.align == style::VerticalAlign::Bottom) bottom_height = std::max(bottom_height, height);
        else {
            m.above = std::max(m.above, c.above());
            m.below = std::max(m.below, c.below());
        }
    }
    if (top_height > m.above + m.below) m.below = top_height - m.above;
    if (bottom_height > m.above + m.below) m.above = bottom_height - m.below;
    return m;
}

double LineAssembler::baseline_of(const VerticalContext& c) const {
    if (c.align == style::VerticalAlign::Top) return c.ascent + c.half_leading;
    if (c.align == style::VerticalAlign::Bottom) return line_->height - c.descent - c.half_leading;
    return line_->baseline - c.shift;
}

void LineAssembler::place_piece(std::size_t index, double x, double width) {
    const Piece& piece = p_.pieces[index];
    switch (piece.kind) {
        case Piece::Kind::Text:
            add_text(piece, x, width, true);
            add_decorations(piece, x, width);
            break;
        case Piece::Kind::Space:
            if (p_.justify || !run_open_) {
                close_run();  // justified lines: one run per word, so the PDF stage never stretches
            } else {
                pending_space_ = &piece;
                pending_x_ = x;
                pending_width_ = width;
            }
            add_decorations(piece, x, width);
            break;
        case Piece::Kind::Atomic: {
            const VerticalContext& c = p_.contexts[static_cast<std::size_t>(piece.context)];
            line_->atomics.push_back({content_[static_cast<std::size_t>(piece.item)].atomic_id, x, baseline_of(c) - c.ascent});
            close_run();
            break;
        }
        case Piece::Kind::SpanStart: {
            SpanOnLine& s = on_line_[static_cast<std::size_t>(piece.span)];
            s.starts = true;
            const InlineItem& item = content_[static_cast<std::size_t>(piece.item)];
            if (!item.id().empty()) line_->anchors.push_back({item.id(), x});
            if (width > 0) close_run();
            break;
        }
        case Piece::Kind::SpanEnd:
            on_line_[static_cast<std::size_t>(piece.span)].ends = true;
            if (width > 0) close_run();
            break;
        case Piece::Kind::Helper:
        case Piece::Kind::Hyphen:
        case Piece::Kind::Break:
            if (width > 0) close_run();
            return;  // nothing drawn, belongs to no span's extent
    }
    touch_spans(piece.span, x, x + width);
}

void LineAssembler::add_text(const Piece& piece, double x, double width, bool may_join) {
    const VerticalContext& c = p_.contexts[static_cast<std::size_t>(piece.context)];
    const style::ComputedStyle& s = *c.style;
    const double baseline = baseline_of(c);
    const std::string_view text = std::string_view(p_.text).substr(piece.begin, piece.end - piece.begin);
    if (!piece.face) return;
    if (may_join && run_open_ && !line_->runs.empty()) {
        GlyphRun& r = line_->runs.back();
        const bool same = r.face == piece.face && r.font_size == s.font_size && r.color == s.color &&
                          std::abs(r.baseline - baseline) < epsilon;
        const Piece* space = pending_space_;
        pending_space_ = nullptr;
        if (same && space && space->face == piece.face && std::abs(r.x + r.width - pending_x_) < 1e-3 &&
            std::abs(pending_x_ + pending_width_ - x) < 1e-3) {
            r.text.append(std::string_view(p_.text).substr(space->begin, space->end - space->begin));
            r.width += pending_width_;
        }
        if (same && std::abs(r.x + r.width - x) < 1e-3) {
            r.text.append(text);
            r.width += width;
            return;
        }
    }
    pending_space_ = nullptr;
    GlyphRun r;
    r.face = piece.face;
    r.font_size = s.font_size;
    r.x = x;
    r.baseline = baseline;
    r.width = width;
    r.color = s.color;
    r.text.assign(text);
    line_->runs.push_back(std::move(r));
    run_open_ = true;
}

void LineAssembler::add_decorations(const Piece& piece, double x, double width) {
    const VerticalContext& c = p_.contexts[static_cast<std::size_t>(piece.context)];
    const style::ComputedStyle& s = *c.style;
    const fonts::Face* face = piece.face;
    const bool wanted[2] = {s.underline, s.line_through};
    for (int k = 0; k < 2; ++k) {
        if (!wanted[k] || !face || width <= 0) {
            decoration_open_[k] = false;
            continue;
        }
        const double scale = s.font_size / face->units_per_em();
        const double thickness = std::max(0.5, face->underline_thickness() * scale);
        const double baseline = baseline_of(c);
        // Underline from the face's post table; line-through at about half the x-height.
        const double y = k == 0 ? baseline - face->underline_position() * scale + thickness / 2
                                : baseline - 0.27 * s.font_size;
        const Line stroke{x, y, x + width, y, thickness, s.color, Line::Dash::Solid};
        if (!(decoration_open_[k] && extend_decoration(stroke))) line_->lines.push_back(stroke);
        decoration_open_[k] = true;
    }
}

// Continues an earlier stroke of this line that ends where `stroke` starts, at the same
// height, thickness and colour: one underline under a phrase, not one per word.
bool LineAssembler::extend_decoration(const Line& stroke) {
    for (auto it = line_->lines.rbegin(); it != line_->lines.rend(); ++it) {
        if (std::abs(it->y1 - stroke.y1) < epsilon && it->y1 == it->y2 && it->color == stroke.color &&
            std::abs(it->x2 - stroke.x1) < 1e-3 && std::abs(it->thickness - stroke.thickness) < epsilon) {
            it->x2 = stroke.x2;
            return true;
        }
    }
    return false;
}

void LineAssembler::touch_spans(int span, double x0, double x1) {
    for (int s = span; s >= 0; s = p_.spans[static_cast<std::size_t>(s)].parent) {
        SpanOnLine& on = on_line_[static_cast<std::size_t>(s)];
        if (on.x0 == std::numeric_limits<double>::infinity()) touched_.push_back(s);
        on.x0 = std::min(on.x0, x0);
        on.x1 = std::max(on.x1, x1);
    }
}

Line::Dash dash_of(style::BorderStyle b) {
    if (b == style::BorderStyle::Dashed) return Line::Dash::Dashed;
    if (b == style::BorderStyle::Dotted) return Line::Dash::Dotted;
    return Line::Dash::Solid;
}

void LineAssembler::emit_spans() {
    std::sort(touched_.begin(), touched_.end());  // outer spans (opened first) paint first
    for (int id : touched_) {
        SpanOnLine& on = on_line_[static_cast<std::size_t>(id)];
        const style::ComputedStyle& s = span_style(id);
        const InlineItem& item = *p_.spans[static_cast<std::size_t>(id)].item;
        const VerticalContext& c = p_.contexts[static_cast<std::size_t>(p_.spans[static_cast<std::size_t>(id)].context)];
        const double baseline = baseline_of(c);
        const double left = on.starts && s.border_left.visible() ? s.border_left.width : 0;
        const double right = on.ends && s.border_right.visible() ? s.border_right.width : 0;
        const double x0 = on.x0 + left, x1 = on.x1 - right;
        const double top = baseline - c.ascent - s.padding_top.resolve(0);
        const double bottom = baseline + c.descent + s.padding_bottom.resolve(0);
        if (!s.background_color.transparent() && x1 > x0)
            line_->fills.push_back({x0, top, std::max(0.0, x1 - x0), bottom - top, s.background_color});
        const auto stroke = [&](double ax, double ay, double bx, double by, const style::Border& b) {
            if (b.visible()) line_->lines.push_back({ax, ay, bx, by, b.width, b.color, dash_of(b.style)});
        };
        const double bt = s.border_top.visible() ? s.border_top.width : 0;
        const double bb = s.border_bottom.visible() ? s.border_bottom.width : 0;
        stroke(x0 - left, top - bt / 2, x1 + right, top - bt / 2, s.border_top);
        stroke(x0 - left, bottom + bb / 2, x1 + right, bottom + bb / 2, s.border_bottom);
        if (on.starts) stroke(x0 - left / 2, top - bt, x0 - left / 2, bottom + bb, s.border_left);
        if (on.ends) stroke(x1 + right / 2, top - bt, x1 + right / 2, bottom + bb, s.border_right);
        if ((!item.link_uri().empty() || !item.link_target().empty()) && on.x1 > on.x0)
            line_->links.push_back({on.x0, baseline - c.ascent, std::max(0.0, on.x1 - on.x0), c.ascent + c.descent,
                                    item.link_uri(), item.link_target()});
        on = SpanOnLine{};
    }
    // Spans whose edges fell on this line but with no extent (empty spans) still reset.
    for (SpanOnLine& on : on_line_) on.starts = on.ends = false;
    touched_.clear();
}

// Total fit balances ragged lines. But when its optimum leaves lines well short of the
// measure, it spreads one unavoidable gap (the line before a long URL that must start a
// line of its own) over the lines before it: "Council, 4" alone on a line, a paragraph set
// at 60% of the measure; and in a narrow column, where its 3em of stretch is a third of the
// line, it ends lines at "Research" / "new model". Browsers and Word fill each line; so do
// we then, unless first fit leaves even more lines that short. "Well short": by more than
// 3em, or an eighth of a narrow measure.
kp::Result fill_ragged_lines(const std::vector<kp::Item>& items, const std::vector<double>& widths, double font_size,
                             kp::Result optimal) {
    const double max_gap = std::min(3 * font_size, widths.front() / 8);
    const int short_optimal = kp::short_lines(items, optimal, widths, max_gap);
    if (short_optimal == 0) return optimal;
    kp::Result filled = kp::first_fit(items, widths);
    if (filled.overfull && !optimal.overfull) return optimal;
    return kp::short_lines(items, filled, widths, max_gap) <= short_optimal ? filled : optimal;
}

const style::ComputedStyle& default_style() {
    static const style::ComputedStyle s = [] {
        style::ComputedStyle c;
        c.display = style::Display::Block;
        return c;
    }();
    return s;
}

}  // namespace

struct LineBreaker::Impl {
    Impl(const fonts::FontCatalogue& f, const Hyphenator* h) : hyphenator(h), chains(f), builder(chains, h, warnings) {}

    void collect_hyphenator_warnings() {
        if (!hyphenator) return;
        const auto& hw = hyphenator->warnings();
        for (; hyphenator_warnings_seen < hw.size(); ++hyphenator_warnings_seen) warnings.push_back(hw[hyphenator_warnings_seen]);
    }

    const Hyphenator* hyphenator;
    shaping::FaceChains chains;
    std::vector<std::string> warnings;
    std::size_t hyphenator_warnings_seen = 0;
    inline_detail::ParagraphBuilder builder;
    const std::vector<kp::Break>& choose_breaks(double font_size);

    Paragraph paragraph;
    std::vector<double> widths;
    std::vector<kp::Break> breaks;
    kp::BreakCache break_cache;
    AssemblyScratch assembly;
};

LineBreaker::LineBreaker(const fonts::FontCatalogue& fonts, const Hyphenator* hyphenator)
    : impl_(std::make_unique<Impl>(fonts, hyphenator)) {}

LineBreaker::~LineBreaker() = default;

std::vector<LineBox> LineBreaker::break_lines(const std::vector<InlineItem>& content, const ParagraphStyle& paragraph) {
    ParagraphStyle ps = paragraph;
    if (!ps.block) ps.block = &default_style();
    // A measure of zero or less (a squeezed table cell) still sets one glyph per line;
    // an unbounded one (NaN, infinity) sets everything on one line per forced break.
    const double width = std::isfinite(ps.available_width) ? std::max(ps.available_width, 1.0) : 1e9;
    Paragraph& p = impl_->paragraph;
    inline_detail::BuildOptions options;
    options.available_width = width;
    options.first_line_indent = ps.first_line_indent;
    options.source_line = ps.source_line;
    options.source_column = ps.source_column;
    impl_->builder.build(content, *ps.block, options, p);
    impl_->collect_hyphenator_warnings();
    std::vector<LineBox> lines;
    if (!p.has_content && p.spans.empty()) return lines;

    impl_->widths.assign(1, width);
    // Lines set in different measures (pages of different widths, page_widths.hpp).
    if (!ps.line_widths.empty()) impl_->widths = ps.line_widths;
    for (double& w : impl_->widths) w = std::isfinite(w) ? std::max(w, 1.0) : 1e9;
    const std::vector<kp::Break>& breaks = impl_->choose_breaks(ps.block->font_size);
    LineAssembler assembler(p, content, ps, impl_->assembly);
    lines.reserve(breaks.size());
    std::size_t begin = 0;
    for (std::size_t k = 0; k < breaks.size(); ++k) {
        const kp::Break& brk = breaks[k];
        const double measure = kp::width_of_line(impl_->widths, static_cast<int>(k));
        lines.push_back(assembler.assemble(begin, brk, k + 1 == breaks.size(), measure));
        begin = kp::line_start_after(p.items, brk.position);
    }
    return lines;
}

// The breaks of `paragraph` in `widths`: from the cache when this paragraph was set in
// these widths before (the second layout pass), else by total fit.
const std::vector<kp::Break>& LineBreaker::Impl::choose_breaks(double font_size) {
    // Ragged text's choice also depends on the font size (fill_ragged_lines); justified text's does not.
    const std::uint64_t key = kp::BreakCache::key(paragraph.items, widths, paragraph.justify ? -1.0 : font_size);
    if (break_cache.find(key, paragraph.items, breaks)) return breaks;
    kp::Result result = kp::break_paragraph(paragraph.items, widths);
    if (!paragraph.justify) result = fill_ragged_lines(paragraph.items, widths, font_size, std::move(result));
    breaks = std::move(result.breaks);
    break_cache.store(key, breaks);
    return breaks;
}

LineBreaker::Widths LineBreaker::measure(const std::vector<InlineItem>& content, const style::ComputedStyle& block) {
    Paragraph& p = impl_->paragraph;
    inline_detail::BuildOptions options;
    options.available_width = std::numeric_limits<double>::infinity();
    options.measuring = true;
    options.first_line_indent = block.text_indent;
    impl_->builder.build(content, block, options, p);
    impl_->collect_hyphenator_warnings();
    Widths out;
    double line = 0, chunk = 0, word = 0;
    bool after_break = false;  // glue right after a break opportunity is discarded
    for (std::size_t i = 0; i < p.items.size(); ++i) {
        const kp::Item& item = p.items[i];
        if (item.type == kp::Item::Type::Box) {
            line += item.width;
            chunk += item.width;
            word += item.width;
            after_break = false;
        } else if (item.type == kp::Item::Type::Glue) {
            if (item.stretch >= kp::fill_stretch) continue;
            line += std::max(0.0, item.width);
            const bool breakable = item.breakable && i > 0 && p.items[i - 1].type == kp::Item::Type::Box;
            if (breakable) {
                out.min = std::max(out.min, chunk);
                out.word = std::max(out.word, word);
                chunk = word = 0;
                after_break = true;
            } else if (!after_break) {
                chunk += item.width;
                word += item.width;
            }
        } else if (item.penalty <= -kp::infinite_penalty) {
            out.max = std::max(out.max, line);
            out.min = std::max(out.min, chunk);
            out.word = std::max(out.word, word);
            line = chunk = word = 0;
        } else if (item.penalty < kp::infinite_penalty) {
            out.min = std::max(out.min, chunk + item.width);
            chunk = 0;
            after_break = true;
            // A break that draws a hyphen splits a word; any other (a space, after "/") ends one.
            const bool hyphenation = item.flagged && item.width > 0;
            if (!hyphenation) {
                out.word = std::max(out.word, word);
                word = 0;
            }
        }
    }
    out.max = std::max(out.max, line);
    out.min = std::max(out.min, chunk);
    out.word = std::clamp(std::max(out.word, word), out.min, std::max(out.min, out.max));
    return out;
}

const std::vector<std::string>& LineBreaker::warnings() const { return impl_->warnings; }

}  // namespace quorum::layout
