// Turning a paragraph's InlineItems into Knuth–Plass items (internal to inline layout).
//
// The builder does white-space processing, text-transform, face fallback, hyphenation
// and emergency break points, and produces two parallel arrays: `items` for the line
// breaker (widths only) and `pieces` saying what each item draws. All text lives in one
// buffer per paragraph; pieces refer to byte ranges, so nothing is allocated per glyph.
#pragma once

#include "layout/inline.hpp"
#include "layout/knuth_plass.hpp"
#include "layout/text_shaping.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace quorum::layout {

class Hyphenator;

namespace inline_detail {

// Vertical placement of a piece's inline box relative to the line's baseline.
struct VerticalContext {
    const style::ComputedStyle* style = nullptr;
    double ascent = 0, descent = 0;  // content area above/below the baseline, pt (descent positive)
    double half_leading = 0;         // (line-height - ascent - descent) / 2
    double shift = 0;                // baseline raised by this much (super > 0, sub < 0)
    style::VerticalAlign align = style::VerticalAlign::Baseline;  // Top/Bottom: placed after the line is sized
    double above() const { return shift + ascent + half_leading; }
    double below() const { return descent + half_leading - shift; }
};

struct SpanInfo {
    const InlineItem* item = nullptr;
    int parent = -1;
    int context = 0;  // its VerticalContext
};

struct Piece {
    enum class Kind : std::uint8_t {
        Text,       // a box of text in one face
        Space,      // interword glue that draws as a space
        Helper,     // glue/penalty with nothing to draw (ragged-right trick, break opportunities)
        Hyphen,     // a hyphenation penalty: draws a hyphen when broken at
        Atomic,     // an inline-block or image
        SpanStart,  // OpenSpan: its left padding + border
        SpanEnd,
        Break,      // forced break
    };
    Kind kind = Kind::Helper;
    const fonts::Face* face = nullptr;
    std::uint32_t begin = 0, end = 0;  // text buffer range (Text, Space, Hyphen)
    int context = 0;                   // VerticalContext index
    int span = -1;                     // innermost open span (SpanStart/End: the span itself)
    int item = -1;                     // source InlineItem (Atomic, spans)
};

struct Paragraph {
    std::vector<kp::Item> items;
    std::vector<Piece> pieces;  // parallel to items
    std::vector<VerticalContext> contexts;  // [0] is the block's strut
    std::vector<SpanInfo> spans;
    std::string text;
    bool has_content = false;  // any text, atomic or forced break (else: lines have no height)
    bool justify = false;

    void clear();
};

struct BuildOptions {
    double available_width = 0;  // words wider than this get emergency break points
    bool measuring = false;      // min/max-content: no emergency points unless overflow-wrap: anywhere
    double first_line_indent = 0;
    int source_line = 0, source_column = 0;  // of the block, for warnings (0: unknown)
};

class ParagraphBuilder {
public:
    ParagraphBuilder(shaping::FaceChains& chains, const Hyphenator* hyphenator, std::vector<std::string>& warnings);
    // Fills `out` (cleared first). Throws fonts::FontError when no font exists at all.
    void build(const std::vector<InlineItem>& content, const style::ComputedStyle& block, const BuildOptions& options,
               Paragraph& out);

private:
    // A piece of the word being collected: text in one style, a soft hyphen, or a span edge.
    struct Part {
        enum class Kind : std::uint8_t { Text, SoftHyphen, Marker };
        Kind kind = Kind::Text;
        std::uint32_t begin = 0, end = 0;
        int context = 0;
        const style::ComputedStyle* style = nullptr;
        int span = -1;  // innermost open span when the text was read
        std::uint32_t faces_begin = 0, faces_end = 0;  // Text: its FaceSpans in word_faces_ (flush_word)
        kp::Item item;  // Marker
        Piece piece;    // Marker
    };
    void add_text(const InlineItem& item);
    void add_atomic(const InlineItem& item, int index);
    void open_span(const InlineItem& item, int index);
    void close_span(const InlineItem& item, int index);
    void add_forced_break();
    void add_space(const shaping::FaceSpan& space, int context, style::WhiteSpace mode);
    // `stretch`: the white space the line may end with when broken here (0: the default,
    // 3em, the ragged-right trick's amount). `discretionary`: in justified text the line
    // broken here is justified like one ending in a hyphen (no white space of its own).
    void add_break_opportunity(double penalty, bool flagged, double width, const fonts::Face* hyphen_face, int context,
                               int span, double stretch = 0, bool discretionary = false);
    void flush_word();
    void warn_unwrapped_overflow(double word_width);
    double split_word_by_face();
    void emit_text_part(const Part& part, bool emergency, bool url_joints, bool no_auto_hyphens);
    void push_text(const Part& part, const shaping::FaceSpan& span, std::size_t begin, std::size_t end, double width);
    void collect_hyphen_points(std::string_view word, const style::ComputedStyle& style, bool allowed, bool emergency);
    void add_slash_break(int context);
    void push(const kp::Item& item, const Piece& piece);
    void trim_trailing_space();
    bool at_line_start() const;
    bool word_looks_like_url() const;
    int text_context(const style::ComputedStyle& style);
    int make_context(const style::ComputedStyle& style, int parent, bool apply_own_align);
    const std::vector<const fonts::Face*>& chain(const style::ComputedStyle& s) { return chains_.chain(s); }
    void warn_missing(const std::vector<char32_t>& missing);
    std::string source_position() const;

    shaping::FaceChains& chains_;
    const Hyphenator* hyphenator_;
    std::vector<std::string>& warnings_;
    std::vector<char32_t> warned_codepoints_;
    Paragraph* p_ = nullptr;
    const style::ComputedStyle* block_ = nullptr;
    BuildOptions options_;
    double ragged_stretch_ = 0;
    shaping::WhiteSpaceState ws_;
    bool word_start_ = true;  // capitalize
    std::vector<int> span_stack_;
    std::vector<Part> word_;
    std::vector<shaping::FaceSpan> spans_scratch_;
    std::vector<shaping::FaceSpan> word_faces_;  // of the word being flushed, offsets relative to its part
    std::vector<char32_t> missing_scratch_;
    std::string text_scratch_;
    std::vector<std::uint32_t> hyphen_scratch_;
    bool break_before_next_word_ = false;
    bool warned_unwrapped_overflow_ = false;
    int last_text_context_ = -1, last_text_parent_ = -1;
    int current_span() const { return span_stack_.empty() ? -1 : span_stack_.back(); }
};

}  // namespace inline_detail
}  // namespace quorum::layout
