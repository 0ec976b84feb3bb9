#include "layout/inline_items.hpp"

#include "layout/hyphenate.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <span>

namespace quorum::layout::inline_detail {

namespace {

using shaping::next_codepoint;

// Penalties, on TeX's scale (0..10000). Hyphens cost a little (TeX's \hyphenpenalty is
// 50); emergency breaks inside over-long words cost a lot, less at a URL's natural joints.
constexpr double hyphen_penalty = 50;
constexpr double explicit_hyphen_penalty = 50;
constexpr double emergency_penalty = 800;
constexpr double emergency_joint_penalty = 100;
// An over-long word broken where a hyphen may go ("Modernis-|ation"), with the hyphen
// drawn: better than any other point inside it.
constexpr double emergency_hyphen_penalty = 500;
// After "/" between words ("Additions/|(Deletions)", "and/|or"), as UAX #14 allows.
constexpr double slash_penalty = 50;
// A URL that fits on a line may still break at its joints, at a price: Knuth-Plass takes
// it only when the alternative is a badly stretched (justified) or very short line.
constexpr double url_joint_penalty = 150;
constexpr std::uint32_t hyphen_text_begin = 0;  // Paragraph::text starts with "-" for drawn hyphens

bool is_url_joint(char32_t cp) {
    return cp == '/' || cp == '-' || cp == '?' || cp == '&' || cp == '=' || cp == '_' || cp == '.' || cp == ',' ||
           cp == ' ' || cp == ';' || cp == '#' || cp == '@' || cp == 0x2013;
}

// "https://...", "mailto:..." with a path, "www.example.gov.uk/...": text whose joints may
// break like a browser's (UAX #14 allows a break after "/" and overflow-wrap does the rest).
bool looks_like_url(std::string_view text) {
    return text.find("://") != std::string_view::npos || text.starts_with("www.");
}

// Not between the slashes of "//" (nor before any "/"): "https:/|/" reads as broken.
bool is_url_break_point(char32_t cp, char32_t following) {
    return cp != ' ' && is_url_joint(cp) && following != '/' && following != 0;
}

bool is_invisible_control(char32_t cp) {
    return cp < 0x20 || cp == 0x7F || (cp >= 0x200C && cp <= 0x200F) || cp == 0x2060 || cp == 0xFEFF;
}

// Text that breaks lines at all: nowrap and pre never do, not even inside an over-long word.
bool wraps(const style::ComputedStyle& style) {
    return style.white_space == style::WhiteSpace::Normal || style.white_space == style::WhiteSpace::PreLine ||
           style.white_space == style::WhiteSpace::PreWrap;
}

// A character add_text() just copies: printable ASCII but the space and "/".
bool is_plain_ascii(char c) { return c > ' ' && c < 0x7F && c != '/'; }

bool is_word_edge(char c) { return c == ' ' || c == '\n' || c == '\t'; }

// A "/" at `slash` in `text` joins two words ("Additions/(Deletions)") rather than the
// parts of a URL, an e-mail address, a reference ("CES/S01") or a date ("2017/18").
bool slash_joins_words(std::string_view text, std::size_t slash) {
    const auto wordish = [](unsigned char c) { return std::isalpha(c) || c >= 0x80; };
    if (slash == 0 || slash + 1 >= text.size()) return false;
    const unsigned char before = static_cast<unsigned char>(text[slash - 1]);
    const unsigned char after = static_cast<unsigned char>(text[slash + 1]);
    if (!(wordish(before) || before == ')') || !(wordish(after) || after == '(')) return false;
    std::size_t begin = slash, end = slash;
    while (begin > 0 && !is_word_edge(text[begin - 1])) --begin;
    while (end < text.size() && !is_word_edge(text[end])) ++end;
    const std::string_view token = text.substr(begin, end - begin);
    if (looks_like_url(token) || token.find('@') != std::string_view::npos) return false;
    for (std::size_t i = 0; i < token.size(); ++i) {
        if (std::isdigit(static_cast<unsigned char>(token[i]))) return false;  // a code, a date, a figure
        if (token[i] == '.' && i + 1 < token.size() && wordish(static_cast<unsigned char>(token[i + 1])))
            return false;  // a domain
    }
    return true;
}

bool is_hyphen(char32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2013 || cp == 0x2014; }

// Whether `text` may hold a character is_hyphen() accepts: "-", or a lead byte of U+2010..U+2014.
bool may_hold_hyphen(std::string_view text) {
    return text.find('-') != std::string_view::npos || text.find('\xE2') != std::string_view::npos;
}

char32_t last_codepoint(std::string_view text) {
    std::size_t start = text.size() - 1;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    return next_codepoint(text, start);
}

double width_of(std::string_view text, const shaping::SizedFace& face) {
    double w = 0;
    for (std::size_t i = 0; i < text.size();) w += face.advance(next_codepoint(text, i));
    return w;
}

// The part of a word that pattern hyphenation may look at: letters only, without
// surrounding punctuation or a possessive "'s". Returns {begin, end} byte offsets, or
// begin == end when the word is not purely letters (codes, numbers, URLs).
std::pair<std::size_t, std::size_t> letter_core(std::string_view w) {
    std::size_t begin = 0, end = w.size();
    while (begin < end) {
        std::size_t i = begin;
        if (shaping::is_letter(next_codepoint(w, i))) break;
        begin = i;
    }
    // Strip trailing non-letters (codepoint by codepoint from the end).
    auto last_cp_start = [&](std::size_t e) {
        std::size_t s = e - 1;
        while (s > begin && (static_cast<unsigned char>(w[s]) & 0xC0) == 0x80) --s;
        return s;
    };
    while (end > begin) {
        const std::size_t s = last_cp_start(end);
        std::size_t i = s;
        if (shaping::is_letter(next_codepoint(w, i))) break;
        end = s;
    }
    const std::string_view core = w.substr(begin, end - begin);
    for (std::string_view suffix : {std::string_view("'s"), std::string_view("\u2019s")}) {
        const std::size_t at = core.size() >= suffix.size() ? core.size() - suffix.size() : 0;
        if (core.size() > suffix.size() && core.substr(at) == suffix) end = begin + at;
    }
    // Letters, and hyphens between them: "multi-disciplinary" hyphenates as "multi-discipli-nary".
    char32_t previous = 0;
    for (std::size_t i = begin; i < end;) {
        const char32_t cp = next_codepoint(w, i);
        if (shaping::is_letter(cp) || (cp == '-' && shaping::is_letter(previous))) previous = cp;
        else return {0, 0};
    }
    return {begin, end};
}

}  // namespace

void Paragraph::clear() {
    items.clear();
    pieces.clear();
    contexts.clear();
    spans.clear();
    text.clear();
    text.push_back('-');  // the hyphen drawn at hyphenated breaks (hyphen_text_begin)
    has_content = false;
    justify = false;
}

ParagraphBuilder::ParagraphBuilder(shaping::FaceChains& chains, const Hyphenator* hyphenator,
                                   std::vector<std::string>& warnings)
    : chains_(chains), hyphenator_(hyphenator), warnings_(warnings) {}

void ParagraphBuilder::build(const std::vector<InlineItem>& content, const style::ComputedStyle& block,
                             const BuildOptions& options, Paragraph& out) {
    p_ = &out;
    out.clear();
    chains_.forget_last();
    block_ = &block;
    options_ = options;
    out.justify = block.text_align == style::TextAlign::Justify;
    ragged_stretch_ = 3 * block.font_size;
    ws_ = {};
    word_start_ = true;
    span_stack_.clear();
    word_.clear();
    break_before_next_word_ = false;
    last_text_context_ = -1;
    last_text_parent_ = -1;

    make_context(block, -1, false);  // [0]: the strut
    if (options.first_line_indent != 0) {
        Piece indent;
        push(kp::Item::box(options.first_line_indent), indent);
    }
    for (std::size_t i = 0; i < content.size(); ++i) {
        const InlineItem& item = content[i];
        const int index = static_cast<int>(i);
        switch (item.kind) {
            case InlineItem::Kind::Text: add_text(item); break;
            case InlineItem::Kind::Atomic: add_atomic(item, index); break;
            case InlineItem::Kind::ForcedBreak:
                flush_word();
                add_forced_break();
                out.has_content = true;
                break;
            case InlineItem::Kind::OpenSpan: open_span(item, index); break;
            case InlineItem::Kind::CloseSpan: close_span(item, index); break;
        }
    }
    flush_word();
    // A paragraph ending in <br> (or a newline in pre), maybe inside spans that close
    // after it, ends there: no extra empty line.
    std::size_t last = out.pieces.size();
    while (last > 0 && out.pieces[last - 1].kind == Piece::Kind::SpanEnd) --last;
    if (last == 0 || out.pieces[last - 1].kind != Piece::Kind::Break) {
        add_forced_break();
    } else if (last < out.pieces.size() && last >= 2) {
        // The breaker needs the forced break last: move the span ends before its fill glue.
        const auto from = static_cast<std::ptrdiff_t>(last - 2), middle = static_cast<std::ptrdiff_t>(last);
        std::rotate(out.pieces.begin() + from, out.pieces.begin() + middle, out.pieces.end());
        std::rotate(out.items.begin() + from, out.items.begin() + middle, out.items.end());
    }
}

void ParagraphBuilder::push(const kp::Item& item, const Piece& piece) {
    p_->items.push_back(item);
    p_->pieces.push_back(piece);
}

int ParagraphBuilder::make_context(const style::ComputedStyle& style, int parent, bool apply_own_align) {
    const fonts::Face& face = *chain(style).front();
    const double scale = style.font_size / face.units_per_em();
    VerticalContext c;
    c.style = &style;
    c.ascent = face.ascender() * scale;
    c.descent = -face.descender() * scale;
    c.half_leading = (style.line_height() - c.ascent - c.descent) / 2;
    if (parent >= 0) {
        const VerticalContext& pc = p_->contexts[static_cast<std::size_t>(parent)];
        c.shift = pc.shift;
        c.align = pc.align;
        if (apply_own_align) {
            const double pfs = pc.style->font_size;
            switch (style.vertical_align) {
                case style::VerticalAlign::Baseline: break;
                case style::VerticalAlign::Super: c.shift += pfs / 3; break;
                case style::VerticalAlign::Sub: c.shift -= pfs / 5; break;
                case style::VerticalAlign::Middle: c.shift += (c.descent - c.ascent) / 2 + 0.25 * pfs; break;
                case style::VerticalAlign::TextTop: c.shift += pc.ascent - c.ascent - c.half_leading; break;
                case style::VerticalAlign::TextBottom: c.shift += c.descent + c.half_leading - pc.descent; break;
                case style::VerticalAlign::Top:
                case style::VerticalAlign::Bottom: c.align = style.vertical_align; break;
            }
        }
    }
    p_->contexts.push_back(c);
    return static_cast<int>(p_->contexts.size() - 1);
}

int ParagraphBuilder::text_context(const style::ComputedStyle& style) {
    const int parent = span_stack_.empty() ? 0 : p_->spans[static_cast<std::size_t>(span_stack_.back())].context;
    const VerticalContext& pc = p_->contexts[static_cast<std::size_t>(parent)];
    // Text carrying its parent element's own style is already placed by that element's span.
    if (pc.style == &style) return parent;
    // Consecutive text items in one style under one parent share a context.
    if (last_text_context_ > 0 && last_text_parent_ == parent &&
        p_->contexts[static_cast<std::size_t>(last_text_context_)].style == &style)
        return last_text_context_;
    last_text_parent_ = parent;
    last_text_context_ = make_context(style, parent, true);
    return last_text_context_;
}

void ParagraphBuilder::warn_missing(const std::vector<char32_t>& missing) {
    for (char32_t cp : missing) {
        if (std::find(warned_codepoints_.begin(), warned_codepoints_.end(), cp) != warned_codepoints_.end()) continue;
        warned_codepoints_.push_back(cp);
        char code[16];
        std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(cp));
        std::string text;
        shaping::append_utf8(text, cp);
        const std::string why = shaping::drawable_plane(cp) ? "no font has the character "
                                                            : "Quorum cannot yet draw characters beyond U+FFFF, such as ";
        warnings_.push_back(source_position() + "warning: " + why + std::string(code) + " '" + text + "'; it is left out");
    }
}

void ParagraphBuilder::add_text(const InlineItem& item) {
    const style::ComputedStyle& style = item.style ? *item.style : *block_;
    const style::WhiteSpace mode = style.white_space;
    text_scratch_.clear();
    shaping::process_white_space(item.text, mode, ws_, text_scratch_);
    shaping::transform_text(text_scratch_, style.text_transform, word_start_);
    if (text_scratch_.empty()) return;
    const int context = text_context(style);
    const bool spaces_break = wraps(style);
    std::uint32_t part_begin = static_cast<std::uint32_t>(p_->text.size());
    auto close_part = [&] {
        const auto end = static_cast<std::uint32_t>(p_->text.size());
        if (end > part_begin) {
            Part part;
            part.begin = part_begin;
            part.end = end;
            part.context = context;
            part.style = &style;
            part.span = current_span();
            word_.push_back(part);
        }
        part_begin = static_cast<std::uint32_t>(p_->text.size());
    };
    const std::string_view text = text_scratch_;
    for (std::size_t i = 0; i < text.size();) {
        // Runs of plain ASCII (nearly all text) are copied at once.
        std::size_t plain = i;
        while (plain < text.size() && is_plain_ascii(text[plain])) ++plain;
        if (plain > i) {
            p_->text.append(text.substr(i, plain - i));
            p_->has_content = true;
            i = plain;
            continue;
        }
        const std::size_t start = i;
        const char32_t cp = next_codepoint(text, i);
        if (cp == '\n') {
            close_part();
            flush_word();
            add_forced_break();
            p_->has_content = true;
        } else if (cp == ' ' && spaces_break && !(mode == style::WhiteSpace::PreWrap && p_->text.size() == part_begin && at_line_start())) {
            std::size_t end = i;
            while (end < text.size() && text[end] == ' ') ++end;  // pre-wrap: a run of spaces hangs as one
            close_part();
            flush_word();
            shaping::FaceSpan space;
            spans_scratch_.clear();
            shaping::split_by_face(text.substr(start, end - start), chains_.sized(style), spans_scratch_, nullptr);
            if (!spans_scratch_.empty()) space = spans_scratch_.front();
            space.begin = static_cast<std::uint32_t>(p_->text.size());
            p_->text.append(text.substr(start, end - start));
            space.end = static_cast<std::uint32_t>(p_->text.size());
            add_space(space, context, mode);
            part_begin = static_cast<std::uint32_t>(p_->text.size());
            i = end;
        } else if (cp == shaping::soft_hyphen) {
            // nowrap and pre break only at forced breaks: a soft hyphen there is invisible.
            if (style.hyphens == style::Hyphens::None || !spaces_break) continue;
            close_part();
            Part soft;
            soft.kind = Part::Kind::SoftHyphen;
            soft.context = context;
            soft.style = &style;
            soft.span = current_span();
            word_.push_back(soft);
        } else if (cp == shaping::zero_width_space) {
            if (!spaces_break) continue;  // a break opportunity, which nowrap and pre suppress
            close_part();
            flush_word();
            if (!p_->items.empty() && p_->items.back().type == kp::Item::Type::Box)
                add_break_opportunity(0, false, 0, nullptr, context, current_span());
        } else if (cp == '/' && spaces_break && slash_joins_words(text, start)) {
            p_->text.push_back('/');
            p_->has_content = true;
            close_part();
            flush_word();
            add_slash_break(context);
        } else if (is_invisible_control(cp)) {
            continue;  // C0 controls, BOM, joiners: nothing to draw, nothing to measure
        } else {
            // Malformed UTF-8 decodes to U+FFFD: store that, never the bad bytes, so
            // every run handed to the PDF stage is valid UTF-8.
            if (cp == shaping::replacement_char) shaping::append_utf8(p_->text, cp);
            else p_->text.append(text.substr(start, i - start));
            p_->has_content = true;
        }
    }
    close_part();
}

// Nothing set yet on the current line: pre-wrap keeps such spaces as indentation (a
// box), because glue at the start of a line is discarded.
bool ParagraphBuilder::at_line_start() const {
    if (!word_.empty()) return false;
    if (p_->pieces.empty()) return true;
    const Piece::Kind k = p_->pieces.back().kind;
    return k == Piece::Kind::Break || (p_->pieces.size() == 1 && k == Piece::Kind::Helper);
}

void ParagraphBuilder::add_space(const shaping::FaceSpan& space, int context, style::WhiteSpace mode) {
    // A space at the start of the paragraph or of a line after <br> has nothing to separate.
    if (p_->items.empty() || p_->pieces.back().kind == Piece::Kind::Break) return;
    Piece piece;
    piece.kind = Piece::Kind::Space;
    piece.face = space.face;
    piece.begin = static_cast<std::uint32_t>(space.begin);
    piece.end = static_cast<std::uint32_t>(space.end);
    piece.context = context;
    piece.span = current_span();
    const double w = space.width;
    if (p_->justify && mode == style::WhiteSpace::Normal) {
        // TeX's interword glue for a justified line: stretch by half, shrink by a third.
        push(kp::Item::glue(w, w / 2, w / 3), piece);
        return;
    }
    // Ragged: the stretch lives only at line ends (Knuth & Plass's ragged-right glue), so
    // total-fit balances line lengths instead of filling each line greedily.
    Piece helper;
    helper.context = context;
    push(kp::Item::glue(0, ragged_stretch_, 0, false), helper);
    push(kp::Item::penalty_item(0, 0), helper);
    push(kp::Item::glue(w, -ragged_stretch_, 0, false), piece);
}

void ParagraphBuilder::add_break_opportunity(double penalty, bool flagged, double width, const fonts::Face* hyphen_face,
                                             int context, int span, double stretch, bool discretionary) {
    if (stretch <= 0) stretch = ragged_stretch_;
    Piece helper;
    helper.context = context;
    Piece at = helper;
    if (hyphen_face) {
        at.kind = Piece::Kind::Hyphen;
        at.face = hyphen_face;
        at.begin = hyphen_text_begin;
        at.end = hyphen_text_begin + 1;
    }
    at.span = span;
    // Hyphens in justified text break like TeX's discretionaries: the line keeps its
    // interword stretch. Elsewhere the break needs its own stretch or the line could
    // never end short of the measure.
    const bool own_stretch = !(p_->justify && (hyphen_face || discretionary));
    if (own_stretch) push(kp::Item::glue(0, stretch, 0, false), helper);
    push(kp::Item::penalty_item(width, penalty, flagged), at);
    if (own_stretch) push(kp::Item::glue(0, -stretch, 0, false), helper);
}

// A break after "/": in justified text a discretionary one (the line keeps its interword
// stretch, like a line ending in a hyphen); ragged, one that may end the line short.
void ParagraphBuilder::add_slash_break(int context) {
    if (p_->items.empty() || p_->items.back().type != kp::Item::Type::Box) return;
    add_break_opportunity(slash_penalty, false, 0, nullptr, context, current_span(), 0, true);
}

void ParagraphBuilder::add_forced_break() {
    trim_trailing_space();
    Piece helper;
    // An empty line (paragraph start, or two breaks in a row) still needs a box: glue
    // after a break is discarded, and a line of nothing but a forced break is infeasible.
    if (p_->pieces.empty() || p_->pieces.back().kind == Piece::Kind::Break) push(kp::Item::box(0), helper);
    push(kp::Item::glue(0, kp::fill_stretch, 0, false), helper);
    Piece brk;
    brk.kind = Piece::Kind::Break;
    push(kp::Item::forced_break(), brk);
    ws_.after_space = true;
}

// Spaces at the end of a line go, even when span ends follow them ("<a>text </a><br>").
void ParagraphBuilder::trim_trailing_space() {
    auto& pieces = p_->pieces;
    std::size_t end = pieces.size();
    while (end > 0 && pieces[end - 1].kind == Piece::Kind::SpanEnd) --end;
    std::size_t start = end;
    while (start > 0) {
        const Piece::Kind k = pieces[start - 1].kind;
        const bool trailing = k == Piece::Kind::Space ||
                              (k == Piece::Kind::Helper && p_->items[start - 1].type != kp::Item::Type::Box);
        if (!trailing) break;
        --start;
    }
    const auto first = static_cast<std::ptrdiff_t>(start), last = static_cast<std::ptrdiff_t>(end);
    pieces.erase(pieces.begin() + first, pieces.begin() + last);
    p_->items.erase(p_->items.begin() + first, p_->items.begin() + last);
}

void ParagraphBuilder::open_span(const InlineItem& item, int index) {
    const style::ComputedStyle& style = item.style ? *item.style : *block_;
    const int parent = span_stack_.empty() ? 0 : p_->spans[static_cast<std::size_t>(span_stack_.back())].context;
    SpanInfo span;
    span.item = &item;
    span.parent = span_stack_.empty() ? -1 : span_stack_.back();
    span.context = make_context(style, parent, true);
    p_->spans.push_back(span);
    const int id = static_cast<int>(p_->spans.size() - 1);
    span_stack_.push_back(id);
    Part marker;
    marker.kind = Part::Kind::Marker;
    marker.item = kp::Item::box(style.padding_left.resolve(0) + (style.border_left.visible() ? style.border_left.width : 0));
    marker.piece.kind = Piece::Kind::SpanStart;
    marker.piece.context = span.context;
    marker.piece.span = id;
    marker.piece.item = index;
    word_.push_back(marker);
}

void ParagraphBuilder::close_span(const InlineItem&, int index) {
    if (span_stack_.empty()) return;  // unbalanced: nothing to close
    const int id = span_stack_.back();
    const SpanInfo& span = p_->spans[static_cast<std::size_t>(id)];
    const style::ComputedStyle& style = span.item->style ? *span.item->style : *block_;
    Part marker;
    marker.kind = Part::Kind::Marker;
    marker.item =
        kp::Item::box(style.padding_right.resolve(0) + (style.border_right.visible() ? style.border_right.width : 0));
    marker.piece.kind = Piece::Kind::SpanEnd;
    marker.piece.context = span.context;
    marker.piece.span = id;
    marker.piece.item = index;
    word_.push_back(marker);
    span_stack_.pop_back();
}

void ParagraphBuilder::add_atomic(const InlineItem& item, int index) {
    flush_word();
    const int parent = span_stack_.empty() ? 0 : p_->spans[static_cast<std::size_t>(span_stack_.back())].context;
    // An image or inline-block may start or end a line, unless the text around it may not wrap.
    const bool may_wrap = wraps(*p_->contexts[static_cast<std::size_t>(parent)].style);
    if (may_wrap && !p_->items.empty() && p_->items.back().type == kp::Item::Type::Box)
        add_break_opportunity(0, false, 0, nullptr, parent, current_span());
    const VerticalContext& pc = p_->contexts[static_cast<std::size_t>(parent)];
    VerticalContext c;
    c.style = pc.style;
    c.ascent = item.baseline;
    c.descent = item.height - item.baseline;
    c.shift = pc.shift;
    c.align = pc.align;
    const style::VerticalAlign align = item.style ? item.style->vertical_align : style::VerticalAlign::Baseline;
    const double pfs = pc.style->font_size;
    switch (align) {
        case style::VerticalAlign::Baseline: break;
        case style::VerticalAlign::Super: c.shift += pfs / 3; break;
        case style::VerticalAlign::Sub: c.shift -= pfs / 5; break;
        case style::VerticalAlign::Middle: c.shift += (c.descent - c.ascent) / 2 + 0.25 * pfs; break;
        case style::VerticalAlign::TextTop: c.shift += pc.ascent - c.ascent; break;
        case style::VerticalAlign::TextBottom: c.shift += c.descent - pc.descent; break;
        case style::VerticalAlign::Top:
        case style::VerticalAlign::Bottom: c.align = align; break;
    }
    p_->contexts.push_back(c);
    Piece piece;
    piece.kind = Piece::Kind::Atomic;
    piece.context = static_cast<int>(p_->contexts.size() - 1);
    piece.span = current_span();
    piece.item = index;
    push(kp::Item::box(item.width), piece);
    p_->has_content = true;
    break_before_next_word_ = may_wrap;
    ws_.after_space = false;
}

bool ParagraphBuilder::word_looks_like_url() const {
    for (const Part& part : word_)
        if (part.kind == Part::Kind::Text &&
            looks_like_url(std::string_view(p_->text).substr(part.begin, part.end - part.begin)))
            return true;
    return false;
}

// "LINE:COLUMN: " of the block being set, the prefix of its warnings ("" when unknown).
std::string ParagraphBuilder::source_position() const {
    return source_prefix(options_.source_line, options_.source_column);
}

// Once per document: the first nowrap/pre text wider than its line, which overflows it.
void ParagraphBuilder::warn_unwrapped_overflow(double word_width) {
    if (warned_unwrapped_overflow_ || options_.measuring || word_width <= options_.available_width + 0.01) return;
    std::string text;
    for (const Part& part : word_) {
        if (part.kind != Part::Kind::Text) continue;
        if (wraps(*part.style)) return;  // the word may break in its wrapping part
        text.append(p_->text, part.begin, part.end - part.begin);
    }
    warned_unwrapped_overflow_ = true;
    char widths[64];
    std::snprintf(widths, sizeof widths, "(%.1fpt in %.1fpt)", word_width, options_.available_width);
    warnings_.push_back(source_position() + "warning: text that may not wrap (white-space: nowrap or pre) is wider than its line " +
                        widths + " and overflows it: '" + text + "'");
}

void ParagraphBuilder::flush_word() {
    if (word_.empty()) return;
    bool has_text = false, has_soft = false;
    int text_parts = 0;
    const double total = split_word_by_face();
    for (const Part& part : word_) {
        has_text = has_text || part.kind == Part::Kind::Text;
        text_parts += part.kind == Part::Kind::Text;
        has_soft = has_soft || part.kind == Part::Kind::SoftHyphen;
    }
    if (has_text && break_before_next_word_ && !p_->items.empty() && p_->items.back().type == kp::Item::Type::Box)
        add_break_opportunity(0, false, 0, nullptr, word_.front().context, word_.front().span);
    if (has_text) break_before_next_word_ = false;

    bool emergency = false;
    for (const Part& part : word_) {
        if (part.kind != Part::Kind::Text) continue;
        if (options_.measuring) emergency = emergency || part.style->overflow_wrap == style::OverflowWrap::Anywhere;
        else emergency = emergency || (total > options_.available_width + 0.01 && wraps(*part.style));
    }
    warn_unwrapped_overflow(total);
    const bool may_auto_hyphenate = !has_soft && text_parts == 1;
    const bool url_joints = !emergency && !options_.measuring && word_looks_like_url();
    for (std::size_t k = 0; k < word_.size(); ++k) {
        const Part& part = word_[k];
        switch (part.kind) {
            case Part::Kind::Text: emit_text_part(part, emergency, url_joints, !may_auto_hyphenate); break;
            case Part::Kind::Marker: push(part.item, part.piece); break;
            case Part::Kind::SoftHyphen: {
                const bool between_text = k > 0 && k + 1 < word_.size() && !p_->items.empty() &&
                                          p_->items.back().type == kp::Item::Type::Box;
                if (!between_text) break;
                const auto& faces = chain(*part.style);
                const fonts::Face* face = nullptr;
                for (const fonts::Face* f : faces)
                    if (f->has_glyph('-')) { face = f; break; }
                if (!face) break;
                add_break_opportunity(hyphen_penalty, true, shaping::advance_pt(*face, '-', part.style->font_size), face,
                                      part.context, part.span);
                break;
            }
        }
    }
    word_.clear();
}

// Splits the word's text parts by face (once: emit_text_part() reuses the spans) and
// returns the word's width, span edges included.
double ParagraphBuilder::split_word_by_face() {
    word_faces_.clear();
    double total = 0;
    for (Part& part : word_) {
        if (part.kind == Part::Kind::Marker) total += part.item.width;
        if (part.kind != Part::Kind::Text) continue;
        part.faces_begin = static_cast<std::uint32_t>(word_faces_.size());
        missing_scratch_.clear();
        shaping::split_by_face(std::string_view(p_->text).substr(part.begin, part.end - part.begin),
                               chains_.sized(*part.style), word_faces_, &missing_scratch_);
        if (!missing_scratch_.empty()) warn_missing(missing_scratch_);
        part.faces_end = static_cast<std::uint32_t>(word_faces_.size());
        for (std::uint32_t k = part.faces_begin; k < part.faces_end; ++k) total += word_faces_[k].width;
    }
    return total;
}

namespace {

// A break opportunity inside a word, after some character.
struct InnerBreak {
    double penalty = kp::infinite_penalty;  // infinite: no break here
    bool flagged = false;
    const fonts::Face* hyphen_face = nullptr;  // draws a hyphen when broken here
    bool url_joint = false;                    // a URL's joint in a URL that fits the line
    bool possible() const { return penalty < kp::infinite_penalty; }
};

InnerBreak break_after(char32_t cp, char32_t previous, char32_t following, bool hyphenation_point, bool emergency,
                       bool url_joints, const fonts::Face& face) {
    InnerBreak b;
    if (is_hyphen(cp) && shaping::is_letter(previous) && shaping::is_letter(following)) {
        b.penalty = explicit_hyphen_penalty;  // "decision-|making": the hyphen is already there
        b.flagged = true;
    } else if (hyphenation_point && !is_hyphen(following) && face.has_glyph('-')) {
        b.penalty = emergency ? emergency_hyphen_penalty : hyphen_penalty;
        b.flagged = true;
        b.hyphen_face = &face;
    } else if (emergency) {
        b.penalty = is_url_joint(cp) && following != '/' ? emergency_joint_penalty : emergency_penalty;
    } else if (url_joints && is_url_break_point(cp, following)) {
        b.penalty = url_joint_penalty;
        b.url_joint = true;
    }
    return b;
}

}  // namespace

// A box of a text part's characters [begin, end) (offsets into the part), all in `span`'s face.
void ParagraphBuilder::push_text(const Part& part, const shaping::FaceSpan& span, std::size_t begin, std::size_t end,
                                 double width) {
    Piece piece;
    piece.kind = Piece::Kind::Text;
    piece.face = span.face;
    piece.begin = part.begin + static_cast<std::uint32_t>(begin);
    piece.end = part.begin + static_cast<std::uint32_t>(end);
    piece.context = part.context;
    piece.span = part.span;
    push(kp::Item::box(width), piece);
}

// Pattern hyphenation points of a text part, as offsets into it: with hyphens: auto, and
// in an over-long word (`emergency`) unless hyphens: none, where CSS would break it
// anywhere (overflow-wrap) but a hyphen at a syllable reads far better ("Modernis-ation",
// not "Modernisa tion").
void ParagraphBuilder::collect_hyphen_points(std::string_view w, const style::ComputedStyle& style, bool allowed,
                                             bool emergency) {
    hyphen_scratch_.clear();
    const bool wanted = style.hyphens == style::Hyphens::Auto ||
                        (emergency && style.hyphens == style::Hyphens::Manual);
    if (!allowed || !hyphenator_ || !wanted) return;
    const auto [core_begin, core_end] = letter_core(w);
    // A compound ("multi-disciplinary") is hyphenated part by part.
    for (std::size_t begin = core_begin; begin < core_end;) {
        const std::size_t end = std::min<std::size_t>(w.find('-', begin), core_end);
        for (std::uint32_t point : hyphenator_->points(w.substr(begin, end - begin), style.lang))
            hyphen_scratch_.push_back(static_cast<std::uint32_t>(begin) + point);
        begin = end + 1;
    }
}

// Emits one text part of a word as boxes in their faces, with the break opportunities
// inside it: pattern hyphenation, after explicit hyphens, at a URL's joints (after / . - ?
// & = and the like, at a price), and (for words wider than the line) emergency breaks
// between any two characters.
void ParagraphBuilder::emit_text_part(const Part& part, bool emergency, bool url_joints, bool no_auto_hyphens) {
    const style::ComputedStyle& style = *part.style;
    // Nothing appends to the text buffer while a part is emitted, so the view stays valid.
    const std::string_view w = std::string_view(p_->text).substr(part.begin, part.end - part.begin);
    const bool may_break = wraps(style);
    // Measuring min-content with overflow-wrap: anywhere, any character may end a line:
    // hyphens would only widen that minimum.
    collect_hyphen_points(w, style, !no_auto_hyphens && may_break, emergency && !options_.measuring);

    const std::span<const shaping::FaceSpan> spans(word_faces_.data() + part.faces_begin,
                                                   part.faces_end - part.faces_begin);
    if (spans.empty()) return;

    std::size_t next_hyphen = 0, span_index = 0;
    char32_t previous = 0;
    std::size_t segment_begin = spans.front().begin;
    for (std::size_t i = segment_begin; i < w.size();) {
        while (span_index < spans.size() && spans[span_index].end <= i) ++span_index;
        if (span_index >= spans.size()) break;
        const shaping::FaceSpan& span = spans[span_index];
        if (i < span.begin) segment_begin = i = span.begin;  // skip characters no face has
        if (i == span.begin) {
            while (next_hyphen < hyphen_scratch_.size() && hyphen_scratch_[next_hyphen] <= i) ++next_hyphen;
            const bool no_points = next_hyphen == hyphen_scratch_.size() || hyphen_scratch_[next_hyphen] > span.end;
            const std::string_view text = w.substr(span.begin, span.end - span.begin);
            if (!may_break || (no_points && !emergency && !url_joints && !may_hold_hyphen(text))) {
                // No break inside the span nor after it (break_after() finds none): one box.
                push_text(part, span, span.begin, span.end, span.width);
                previous = last_codepoint(text);
                segment_begin = i = span.end;
                continue;
            }
        }
        const char32_t cp = next_codepoint(w, i);
        std::size_t peek = i;
        const char32_t following = i < w.size() ? next_codepoint(w, peek) : 0;
        while (next_hyphen < hyphen_scratch_.size() && hyphen_scratch_[next_hyphen] < i) ++next_hyphen;
        const bool hyphenation_point = next_hyphen < hyphen_scratch_.size() && hyphen_scratch_[next_hyphen] == i;
        // Text that may not wrap is one box per face: no break inside it, so nothing to split at.
        const InnerBreak inner = may_break && i < w.size() ? break_after(cp, previous, following, hyphenation_point,
                                                                         emergency, url_joints, *span.face)
                                                           : InnerBreak{};
        previous = cp;
        if (!(i >= span.end || inner.possible() || i >= w.size())) continue;

        // A whole span was measured when it was split, adding the same advances in the same order.
        const bool whole = segment_begin == span.begin && i == span.end;
        push_text(part, span, segment_begin, i,
                  whole ? span.width : width_of(w.substr(segment_begin, i - segment_begin), *span.sized));
        segment_begin = i;
        if (!inner.possible()) continue;
        // break_after() draws the hyphen in the span's own face: its tabled advance.
        const double hyphen_width = inner.hyphen_face ? span.sized->advance('-') : 0;
        // Inside an over-long word, lines should run full: little stretch, except at a
        // URL's joints, where ending a line somewhat short reads better than "gov.u|k".
        // So at its hyphenation points: "c-" alone in a narrow column is no better than "Flo".
        const bool plain_emergency = inner.penalty == emergency_penalty || (emergency && inner.hyphen_face);
        add_break_opportunity(inner.penalty, inner.flagged, hyphen_width, inner.hyphen_face, part.context, part.span,
                              plain_emergency ? block_->font_size : 0, inner.url_joint);
    }
}

}  // namespace quorum::layout::inline_detail
