// Inline layout: LineBreaker with the real font catalogue (Liberation, DejaVu) and the
// real en-GB hyphenation patterns; text shaping helpers with a fixed-advance fake face.
#include "layout/hyphenate.hpp"
#include "layout/inline.hpp"
#include "layout/text_shaping.hpp"

#include "layout_test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <limits>
#include <string>
#include <vector>

using namespace quorum;
using layout::InlineItem;
using layout::LineBox;
using style::ComputedStyle;

namespace {

using layout_test::catalogue;
using layout_test::hyphenator;
using layout_test::text;

ComputedStyle block_style(style::TextAlign align = style::TextAlign::Left) {
    return layout_test::paragraph_style(align, 10, 1.2);
}

InlineItem open_span(const ComputedStyle* s) {
    InlineItem i;
    i.kind = InlineItem::Kind::OpenSpan;
    i.style = s;
    return i;
}

InlineItem close_span() {
    InlineItem i;
    i.kind = InlineItem::Kind::CloseSpan;
    return i;
}

InlineItem forced_break() {
    InlineItem i;
    i.kind = InlineItem::Kind::ForcedBreak;
    return i;
}

std::vector<LineBox> set(const std::vector<InlineItem>& content, const ComputedStyle& block, double width) {
    layout::LineBreaker breaker(catalogue(), &hyphenator());
    layout::ParagraphStyle ps;
    ps.block = &block;
    ps.available_width = width;
    return breaker.break_lines(content, ps);
}

// The text of a line as drawn: runs in order, a space where runs are apart.
std::string line_text(const LineBox& line) {
    std::string out;
    double end = -1;
    for (const auto& r : line.runs) {
        if (end >= 0 && r.x > end + 0.01) out += ' ';
        out += r.text;
        end = r.x + r.width;
    }
    return out;
}

double right_edge(const LineBox& line) {
    double edge = 0;
    for (const auto& r : line.runs) edge = std::max(edge, r.x + r.width);
    return edge;
}

const std::string prose =
    "The Committee is asked to note the progress made on the corporate safeguarding "
    "action plan, to agree the revised terms of reference for the accountability board, "
    "and to endorse the consultation arrangements set out in section four of this report, "
    "which have been developed with partners across the county and the district councils.";

// A face with fixed advances (500/1000 em) covering ASCII only: shaping tests that must
// not depend on real font files.
class FakeFace final : public fonts::Face {
public:
    explicit FakeFace(std::string family, char32_t last = 0x7F) : family_(std::move(family)), last_(last) {}
    const std::string& family() const override { return family_; }
    int weight() const override { return 400; }
    bool italic() const override { return false; }
    const std::filesystem::path& file() const override { return file_; }
    int id() const override { return 0; }
    double units_per_em() const override { return 1000; }
    double ascender() const override { return 800; }
    double descender() const override { return -200; }
    double line_gap() const override { return 0; }
    bool has_glyph(char32_t cp) const override { return cp <= last_ || (last_ == 0 && cp == 0x25B2); }
    double advance(char32_t cp) const override { return has_glyph(cp) ? 500 : 0; }
    double underline_position() const override { return -100; }
    double underline_thickness() const override { return 50; }

private:
    std::string family_;
    char32_t last_;
    std::filesystem::path file_;
};

}  // namespace

TEST_CASE("shaping: split_by_face falls back per glyph and measures with the face's advances", "[inline][shaping]") {
    FakeFace ascii("Ascii");
    FakeFace symbols("Symbols", 0);  // only U+25B2
    const std::vector<const fonts::Face*> chain{&ascii, &symbols};
    std::vector<layout::shaping::FaceSpan> spans;
    std::vector<char32_t> missing;
    layout::shaping::split_by_face("up \u25B2 10\u20AC", chain, 10, spans, &missing);
    REQUIRE(spans.size() == 3);
    CHECK(spans[0].face == &ascii);
    CHECK(spans[0].width == Approx(15));  // "up " = 3 × 5pt
    CHECK(spans[1].face == &symbols);
    CHECK(spans[2].face == &ascii);
    CHECK(spans[2].width == Approx(15));  // " 10"; the euro sign no face has is left out
    REQUIRE(missing.size() == 1);
    CHECK(missing[0] == 0x20AC);
}

TEST_CASE("shaping: white-space collapsing and preservation follow CSS", "[inline][shaping]") {
    using layout::shaping::process_white_space;
    layout::shaping::WhiteSpaceState state;
    std::string out;
    process_white_space("  a \n\t b  ", style::WhiteSpace::Normal, state, out);
    process_white_space(" c", style::WhiteSpace::Normal, state, out);
    CHECK(out == "a b c");
    out.clear();
    state = {};
    process_white_space("a\tb\r\n  c", style::WhiteSpace::Pre, state, out);
    CHECK(out == "a       b\n  c");
    out.clear();
    state = {};
    process_white_space("a  \n  b", style::WhiteSpace::PreLine, state, out);
    CHECK(out == "a\nb");
}

TEST_CASE("shaping: text-transform for Latin, Welsh and Polish letters", "[inline][shaping]") {
    bool start = true;
    std::string t = "ŵyr łódź café";
    layout::shaping::transform_text(t, style::TextTransform::Uppercase, start);
    CHECK(t == "ŴYR ŁÓDŹ CAFÉ");
    start = true;
    t = "the chief executive";
    layout::shaping::transform_text(t, style::TextTransform::Capitalize, start);
    CHECK(t == "The Chief Executive");
}

TEST_CASE("justified lines fill the measure exactly; the last line is left-aligned", "[inline]") {
    const auto block = block_style(style::TextAlign::Justify);
    const auto lines = set({text(prose, &block)}, block, 200);
    REQUIRE(lines.size() >= 4);
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
        INFO("line " << i << ": " << line_text(lines[i]));
        CHECK(right_edge(lines[i]) == Approx(200).margin(0.01));
        CHECK(lines[i].runs.front().x == Approx(0).margin(1e-9));
    }
    CHECK(right_edge(lines.back()) < 200);
    // One run per word on justified lines: no run contains a space.
    for (const auto& line : lines)
        for (const auto& r : line.runs) CHECK(r.text.find(' ') == std::string::npos);
}

TEST_CASE("justified: a fragment that continues after a block justifies its last line too", "[inline]") {
    const auto block = block_style(style::TextAlign::Justify);
    layout::LineBreaker breaker(catalogue(), &hyphenator());
    const std::vector<InlineItem> content{text("Council tax band D increase", &block)};
    const double natural = breaker.measure(content, block).max;
    layout::ParagraphStyle ps;
    ps.block = &block;
    ps.available_width = natural + 4;  // one line, a little room to spread
    ps.is_last_paragraph_fragment = false;
    const auto continued = breaker.break_lines(content, ps);
    REQUIRE(continued.size() == 1);
    CHECK(right_edge(continued[0]) == Approx(natural + 4).margin(0.01));
    ps.is_last_paragraph_fragment = true;
    const auto last = breaker.break_lines(content, ps);
    REQUIRE(last.size() == 1);
    CHECK(right_edge(last[0]) == Approx(natural).margin(0.01));
}

TEST_CASE("ragged-right lines stay inside the measure and keep the words in order", "[inline]") {
    const auto block = block_style();
    const auto lines = set({text(prose, &block)}, block, 180);
    REQUIRE(lines.size() >= 4);
    std::string all;
    for (const auto& line : lines) {
        CHECK(right_edge(line) <= 180 + 1e-6);
        all += line_text(line);
        // A hyphenated line ends in "-": joining words back means dropping it.
        if (!all.empty() && all.back() == '-') all.pop_back();
        else all += ' ';
    }
    all.pop_back();
    CHECK(all == prose);
    // Ragged runs include their inner spaces (one run per face/colour change, not per
    // word) but never end in one.
    CHECK(lines[0].runs.size() == 1);
    for (const auto& line : lines)
        for (const auto& r : line.runs) CHECK(r.text.back() != ' ');
    const auto status = set({text("Status: ", &block), open_span(&block), text("Green", &block), close_span()}, block, 300);
    REQUIRE(status.size() == 1);
    CHECK(status[0].runs.at(0).text == "Status: Green");
}

TEST_CASE("ragged-right is balanced: total fit's lines vary less than first fit's", "[inline]") {
    const auto block = block_style();
    const std::string paragraph = prose + " " + prose;
    const double width = 170;
    const auto lines = set({text(paragraph, &block)}, block, width);
    // First fit over the same words with the same font, as a browser would set them.
    const auto& face = catalogue().face("Liberation Sans", 400, false);
    const double space = layout::shaping::measure(" ", {&face}, 10);
    std::vector<double> greedy{-1};
    std::size_t from = 0;
    while (from < paragraph.size()) {
        std::size_t to = paragraph.find(' ', from);
        if (to == std::string::npos) to = paragraph.size();
        const double w = layout::shaping::measure(paragraph.substr(from, to - from), {&face}, 10);
        if (greedy.back() >= 0 && greedy.back() + space + w <= width) greedy.back() += space + w;
        else if (greedy.back() < 0) greedy.back() = w;
        else greedy.push_back(w);
        from = to + 1;
    }
    auto spread = [&](const std::vector<double>& widths) {  // what ragged total fit minimises, roughly
        double sum = 0;
        for (std::size_t i = 0; i + 1 < widths.size(); ++i) sum += std::pow((width - widths[i]) / 30, 3);
        return sum;
    };
    std::vector<double> optimal;
    for (const auto& line : lines) optimal.push_back(right_edge(line));
    INFO("total fit " << spread(optimal) << " over " << optimal.size() << " lines; first fit " << spread(greedy)
                      << " over " << greedy.size());
    CHECK(spread(optimal) < spread(greedy));
    CHECK(optimal.size() <= greedy.size() + 1);
}

TEST_CASE("right and centre alignment place the shortest line against the right edge / in the middle", "[inline]") {
    auto right = block_style(style::TextAlign::Right);
    auto centre = block_style(style::TextAlign::Center);
    const auto r = set({text("Recommendations", &right)}, right, 300);
    const auto c = set({text("Recommendations", &centre)}, centre, 300);
    REQUIRE(r.size() == 1);
    REQUIRE(c.size() == 1);
    CHECK(right_edge(r[0]) == Approx(300));
    const double width = c[0].runs[0].width;
    CHECK(c[0].runs[0].x == Approx((300 - width) / 2));
}

TEST_CASE("a space before a span's end at the end of the paragraph is not set", "[inline]") {
    auto right = block_style(style::TextAlign::Right);
    auto span = right;
    span.display = style::Display::Inline;
    const auto lines = set({text("Status: ", &right), open_span(&span), text("Approved ", &span), close_span()}, right, 300);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].runs.back().text.back() == 'd');  // "Approved", flush with the right edge
    CHECK(right_edge(lines[0]) == Approx(300));
}

TEST_CASE("hyphens: auto hyphenates real English words with en-GB patterns", "[inline][hyphenate]") {
    auto block = block_style();
    block.hyphens = style::Hyphens::Auto;
    const auto lines = set({text("accountability safeguarding consultation accountability safeguarding", &block)}, block, 60);
    int hyphenated = 0;
    std::string joined;
    for (const auto& line : lines) {
        const std::string t = line_text(line);
        CHECK(right_edge(line) <= 60 + 1e-6);
        if (!t.empty() && t.back() == '-') {
            ++hyphenated;
            joined += t.substr(0, t.size() - 1);
        } else {
            joined += t + " ";
        }
    }
    CHECK(hyphenated > 0);
    CHECK(joined == "accountability safeguarding consultation accountability safeguarding ");
}

TEST_CASE("hyphens: none never hyphenates; soft hyphens are dropped", "[inline][hyphenate]") {
    auto block = block_style();
    block.hyphens = style::Hyphens::None;
    const auto lines = set({text("accountability safe\u00ADguarding consultation", &block)}, block, 80);
    for (const auto& line : lines) {
        const std::string t = line_text(line);
        CHECK((t.empty() || t.back() != '-'));
        CHECK(t.find("\u00AD") == std::string::npos);
    }
    CHECK(line_text(lines[1]) == "safeguarding");
}

TEST_CASE("hyphens: manual breaks at soft hyphens and draws a hyphen there", "[inline][hyphenate]") {
    auto block = block_style();  // hyphens: manual is the initial value
    const auto lines = set({text("Chief Executive's safe\u00ADguarding", &block)}, block, 110);
    REQUIRE(lines.size() == 2);
    CHECK(line_text(lines[0]) == "Chief Executive's safe-");
    CHECK(line_text(lines[1]) == "guarding");
}

TEST_CASE("an explicit hyphen is a break opportunity; no second hyphen is drawn", "[inline][hyphenate]") {
    const auto block = block_style();
    const auto lines = set({text("A decision-making framework", &block)}, block, 65);
    REQUIRE(lines.size() >= 2);
    CHECK(line_text(lines[0]) == "A decision-");
    CHECK(line_text(lines[1]).rfind("making", 0) == 0);
}

TEST_CASE("text-indent shifts the first line only; a negative indent hangs", "[inline]") {
    const auto block = block_style();
    layout::LineBreaker breaker(catalogue(), &hyphenator());
    layout::ParagraphStyle ps;
    ps.block = &block;
    ps.available_width = 200;
    ps.first_line_indent = 20;
    const auto indented = breaker.break_lines({text(prose, &block)}, ps);
    REQUIRE(indented.size() > 2);
    CHECK(indented[0].runs[0].x == Approx(20));
    CHECK(indented[1].runs[0].x == Approx(0));
    CHECK(right_edge(indented[0]) <= 200 + 1e-6);
    ps.first_line_indent = -15;
    const auto hanging = breaker.break_lines({text(prose, &block)}, ps);
    CHECK(hanging[0].runs[0].x == Approx(-15));
    CHECK(hanging[1].runs[0].x == Approx(0));
}

TEST_CASE("a 2,000-character word is broken at character boundaries and never overflows", "[inline][emergency]") {
    const auto block = block_style();
    std::string word;
    for (int i = 0; i < 2000; ++i) word += static_cast<char>('a' + i % 26);
    const auto lines = set({text("Before " + word + " after", &block)}, block, 250);
    REQUIRE(lines.size() > 10);
    std::string all;
    for (const auto& line : lines) {
        CHECK(right_edge(line) <= 250 + 1e-6);
        all += line_text(line);
    }
    CHECK(all.find(word) != std::string::npos);
}

TEST_CASE("a long URL breaks after / - ? & rather than mid-name", "[inline][emergency]") {
    const auto block = block_style();
    const std::string url =
        "https://democracy.example-council.gov.uk/documents/s12345/Committee-Report-Appendix-B.pdf?"
        "version=2&download=true&format=accessible";
    const auto lines = set({text("See " + url + " for details.", &block)}, block, 150);
    REQUIRE(lines.size() >= 3);
    std::string all;
    int at_joint = 0, inner = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string t = line_text(lines[i]);
        CHECK(right_edge(lines[i]) <= 150 + 1e-6);
        all += t;
        UNSCOPED_INFO("line " << i << ": " << t);
        if (i + 1 < lines.size() && i > 0) {
            const char last = t.back();
            if (std::string("/-?&=._").find(last) != std::string::npos) ++at_joint;
            else ++inner;
        }
    }
    CHECK(all.find(url) != std::string::npos);
    CHECK(at_joint >= 2);
}

// The widest gap between two runs of a line (justified words are separate runs).
double widest_gap(const LineBox& line) {
    double gap = 0;
    for (std::size_t i = 1; i < line.runs.size(); ++i)
        gap = std::max(gap, line.runs[i].x - (line.runs[i - 1].x + line.runs[i - 1].width));
    return gap;
}

TEST_CASE("a URL narrower than the line breaks at a joint rather than stretching justified text", "[inline]") {
    const auto block = block_style(style::TextAlign::Justify);
    const std::string url = "https://www.example-council.gov.uk/planning/2024?item=17";
    const auto lines =
        set({text("The papers are published at " + url + " with the officers' responses to every comment.", &block)},
            block, 300);
    REQUIRE(lines.size() >= 2);
    std::string all;
    bool broken_at_joint = false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string t = line_text(lines[i]);
        UNSCOPED_INFO("line " << i << ": " << t << " (widest gap " << widest_gap(lines[i]) << " pt)");
        all += t + (i + 1 < lines.size() && url.find(t.substr(t.rfind(' ') + 1)) == std::string::npos ? " " : "");
        if (i + 1 < lines.size() && std::string("/.-?&=").find(t.back()) != std::string::npos) broken_at_joint = true;
        // A space of Liberation Sans at 10pt is 2.78pt. Unbroken, the URL would go whole to
        // line 2 and leave "The papers are published at" spread over 300pt (gaps of ~40pt).
        if (i + 1 < lines.size()) CHECK(widest_gap(lines[i]) < 2.5 * 2.78);
    }
    CHECK(broken_at_joint);
    CHECK(all.find(url) != std::string::npos);
}

TEST_CASE("a URL is not broken where the line has room for it, nor between the slashes of //", "[inline]") {
    const auto block = block_style(style::TextAlign::Justify);
    const std::string url = "https://www.example.gov.uk/a";
    const auto lines = set({text("See " + url + " today.", &block)}, block, 300);
    REQUIRE(lines.size() == 1);
    CHECK(line_text(lines[0]) == "See " + url + " today.");
    const auto narrow = set({text("Visit https://example.gov.uk/papers now", &block)}, block, 60);
    for (const auto& line : narrow) {
        const std::string t = line_text(line);
        CHECK((t.find("https:/") == std::string::npos || t.find("https://") != std::string::npos));
    }
}

TEST_CASE("white-space: pre keeps spaces and newlines and does not wrap short lines", "[inline]") {
    auto block = block_style();
    block.white_space = style::WhiteSpace::Pre;
    block.font_family = {"Liberation Mono"};
    const auto lines = set({text("a   b\n    indented\n\nend", &block)}, block, 400);
    REQUIRE(lines.size() == 4);
    CHECK(lines[0].runs.at(0).text == "a   b");
    CHECK(lines[1].runs.at(0).text == "    indented");
    CHECK(lines[2].runs.empty());
    CHECK(lines[2].height == Approx(lines[0].height));
    CHECK(lines[3].runs.at(0).text == "end");
}

TEST_CASE("white-space: pre-wrap keeps indentation and wraps long lines at spaces", "[inline]") {
    auto block = block_style();
    block.white_space = style::WhiteSpace::PreWrap;
    block.font_family = {"Liberation Mono"};
    // Liberation Mono: 6pt per character at 10pt.
    const auto lines = set({text("  1. Apologies  for absence\n  2. Minutes", &block)}, block, 6 * 16);
    REQUIRE(lines.size() == 3);
    CHECK(line_text(lines[0]) == "  1. Apologies");
    CHECK(line_text(lines[1]) == "for absence");
    CHECK(line_text(lines[2]) == "  2. Minutes");
    for (const auto& line : lines) CHECK(right_edge(line) <= 96 + 1e-6);
}

TEST_CASE("white-space: nowrap does not break at spaces", "[inline]") {
    auto block = block_style();
    block.white_space = style::WhiteSpace::Nowrap;
    const auto lines = set({text("Item 12: Budget", &block)}, block, 500);
    REQUIRE(lines.size() == 1);
    auto normal = block_style();
    const auto wrapped = set({text("Item 12: Budget", &normal)}, normal, 40);
    CHECK(wrapped.size() > 1);
}

TEST_CASE("<br> forces a break; a trailing <br> adds no empty line", "[inline]") {
    const auto block = block_style();
    const auto lines = set({text("County Hall", &block), forced_break(), text(" Main Street", &block), forced_break()},
                           block, 400);
    REQUIRE(lines.size() == 2);
    CHECK(line_text(lines[0]) == "County Hall");
    CHECK(line_text(lines[1]) == "Main Street");
    auto bold = block;
    bold.font_weight = 700;
    const auto in_span = set({open_span(&bold), text("Agenda", &bold), forced_break(), close_span()}, block, 400);
    CHECK(in_span.size() == 1);
}

TEST_CASE("glyph fallback: a '✓' (not in Liberation Sans) is drawn with DejaVu Sans", "[inline][fonts]") {
    // Liberation Sans 2 has ▲ ▼ ↔ itself; the tick mark, common in council checklists, it lacks.
    const auto& liberation = catalogue().face("Liberation Sans", 400, false);
    REQUIRE_FALSE(liberation.has_glyph(0x2713));
    const auto block = block_style();
    const auto lines = set({text("Risk \u2713 rising", &block)}, block, 400);
    REQUIRE(lines.size() == 1);
    REQUIRE(lines[0].runs.size() == 3);
    CHECK(lines[0].runs[0].face->family() == "Liberation Sans");
    CHECK(lines[0].runs[0].text == "Risk");
    CHECK(lines[0].runs[1].face->family() == "DejaVu Sans");
    CHECK(lines[0].runs[1].text == "\u2713");
    CHECK(lines[0].runs[2].face->family() == "Liberation Sans");
    CHECK(lines[0].runs[2].text == "rising");
    // Positions follow each face's advances: the tick sits one Liberation space after "Risk".
    const auto& liberation_face = catalogue().face("Liberation Sans", 400, false);
    const double space = layout::shaping::advance_pt(liberation_face, ' ', 10);
    CHECK(lines[0].runs[1].x == Approx(lines[0].runs[0].x + lines[0].runs[0].width + space));
    CHECK(lines[0].runs[2].x == Approx(lines[0].runs[1].x + lines[0].runs[1].width + space));
}

TEST_CASE("mixed font sizes raise the line box", "[inline]") {
    const auto block = block_style();
    auto big = block;
    big.display = style::Display::Inline;
    big.font_size = 24;
    big.line_height_factor = 1.2;
    const auto plain = set({text("Agenda item", &block)}, block, 400);
    const auto mixed = set({text("Agenda ", &block), open_span(&big), text("item", &big), close_span()}, block, 400);
    REQUIRE(plain.size() == 1);
    REQUIRE(mixed.size() == 1);
    CHECK(plain[0].height == Approx(12));  // 10pt × 1.2
    CHECK(mixed[0].height > 24);
    CHECK(mixed[0].baseline > plain[0].baseline);
    // Both runs sit on the same baseline.
    CHECK(mixed[0].runs[0].baseline == Approx(mixed[0].runs[1].baseline));
}

TEST_CASE("vertical-align: super raises and sub lowers the text", "[inline]") {
    const auto block = block_style();
    auto sup = block;
    sup.display = style::Display::Inline;
    sup.font_size = 7;
    sup.vertical_align = style::VerticalAlign::Super;
    auto sub = sup;
    sub.vertical_align = style::VerticalAlign::Sub;
    const auto lines = set({text("m", &block), open_span(&sup), text("2", &sup), close_span(), text(" H", &block),
                            open_span(&sub), text("2", &sub), close_span(), text("O", &block)},
                           block, 400);
    REQUIRE(lines.size() == 1);
    const auto& runs = lines[0].runs;
    REQUIRE(runs.size() == 5);  // m, 2, " H", 2, O
    const double base = runs[0].baseline;
    CHECK(runs[1].baseline == Approx(base - 10.0 / 3));
    CHECK(runs[3].baseline == Approx(base + 10.0 / 5));
    CHECK(runs[2].baseline == Approx(base));
    CHECK(runs[4].baseline == Approx(base));
}

TEST_CASE("underline uses the face's metrics; links and anchors cover the span on each line", "[inline]") {
    const auto block = block_style();
    auto link = block;
    link.display = style::Display::Inline;
    link.underline = true;
    link.color = {0, 0, 255, 255};
    InlineItem a = open_span(&link);
    a.set_link("https://www.example.gov.uk/", {});
    a.set_id("ref1");
    const auto lines =
        set({text("See the ", &block), a, text("council website for the full papers", &link), close_span(), text(".", &block)},
            block, 120);
    REQUIRE(lines.size() == 2);
    REQUIRE(lines[0].links.size() == 1);
    REQUIRE(lines[1].links.size() == 1);
    CHECK(lines[0].links[0].uri == "https://www.example.gov.uk/");
    REQUIRE(lines[0].anchors.size() == 1);
    CHECK(lines[0].anchors[0].id == "ref1");
    CHECK(lines[0].links[0].x == Approx(lines[0].anchors[0].x));
    CHECK(lines[1].links[0].x == Approx(0));
    // Underline below the baseline, across the link's text only.
    REQUIRE_FALSE(lines[0].lines.empty());
    const auto& u = lines[0].lines[0];
    CHECK(u.y1 > lines[0].baseline);
    CHECK(u.y1 < lines[0].height);
    CHECK(u.x1 == Approx(lines[0].links[0].x));
    CHECK(u.x2 == Approx(lines[0].links[0].x + lines[0].links[0].width));
    CHECK(u.color == link.color);
}

TEST_CASE("inline backgrounds and borders of spans", "[inline]") {
    const auto block = block_style();
    auto mark = block;
    mark.display = style::Display::Inline;
    mark.background_color = {255, 255, 0, 255};
    mark.padding_left = mark.padding_right = style::Length::pt(2);
    mark.border_left = mark.border_right = mark.border_top = mark.border_bottom = {1, style::BorderStyle::Solid, {}};
    const auto lines = set({text("Status: ", &block), open_span(&mark), text("Approved", &mark), close_span()}, block, 400);
    REQUIRE(lines.size() == 1);
    REQUIRE(lines[0].fills.size() == 1);
    CHECK(lines[0].lines.size() == 4);
    const auto& fill = lines[0].fills[0];
    const auto& word = lines[0].runs.back();
    CHECK(word.text == "Approved");
    CHECK(fill.x == Approx(word.x - 2));  // padding-left inside the border
    CHECK(fill.x + fill.width == Approx(word.x + word.width + 2));
}

TEST_CASE("atomic items are placed on the baseline and make room", "[inline]") {
    const auto block = block_style();
    InlineItem img;
    img.kind = InlineItem::Kind::Atomic;
    img.width = 40;
    img.height = 30;
    img.baseline = 30;
    img.atomic_id = 7;
    const auto lines = set({text("Logo ", &block), img, text(" here", &block)}, block, 400);
    REQUIRE(lines.size() == 1);
    REQUIRE(lines[0].atomics.size() == 1);
    CHECK(lines[0].atomics[0].atomic_id == 7);
    CHECK(lines[0].atomics[0].y + 30 == Approx(lines[0].baseline));
    CHECK(lines[0].height >= 30);
}

TEST_CASE("measure: min is the widest word, max the whole paragraph on one line", "[inline]") {
    const auto block = block_style();
    layout::LineBreaker breaker(catalogue(), &hyphenator());
    const auto w = breaker.measure({text("a committee report", &block)}, block);
    const auto& face = catalogue().face("Liberation Sans", 400, false);
    const double committee = layout::shaping::measure("committee", {&face}, 10);
    const double all = layout::shaping::measure("a committee report", {&face}, 10);
    CHECK(w.min == Approx(committee));
    CHECK(w.max == Approx(all));
    // Set in exactly its max-content width (less rounding noise), the text takes one line.
    layout::ParagraphStyle ps;
    ps.block = &block;
    ps.available_width = w.max * (1 - 1e-12);
    CHECK(breaker.break_lines({text("a committee report", &block)}, ps).size() == 1);
    auto anywhere = block;
    anywhere.overflow_wrap = style::OverflowWrap::Anywhere;
    const auto wa = breaker.measure({text("a committee report", &anywhere)}, anywhere);
    CHECK(wa.min < committee / 4);
}

TEST_CASE("unknown languages warn once and do not hyphenate; missing glyphs warn", "[inline]") {
    layout::Hyphenator h;
    layout::LineBreaker breaker(catalogue(), &h);
    auto block = block_style();
    block.hyphens = style::Hyphens::Auto;
    block.lang = "tlh";
    layout::ParagraphStyle ps;
    ps.block = &block;
    ps.available_width = 60;
    breaker.break_lines({text("accountability accountability", &block)}, ps);
    breaker.break_lines({text("safeguarding \u4E2D \u4E2D", &block)}, ps);
    int lang_warnings = 0, glyph_warnings = 0;
    for (const auto& w : breaker.warnings()) {
        if (w.find("'tlh'") != std::string::npos) ++lang_warnings;
        if (w.find("U+4E2D") != std::string::npos) ++glyph_warnings;
    }
    CHECK(lang_warnings == 1);
    CHECK(glyph_warnings == 1);
}

namespace {

// A 200 pt paragraph whose block starts at LINE:COLUMN of its document (for warnings).
layout::ParagraphStyle paragraph_at(const ComputedStyle& block, int line, int column) {
    layout::ParagraphStyle ps;
    ps.block = &block;
    ps.available_width = 200;
    ps.source_line = line;
    ps.source_column = column;
    return ps;
}

}  // namespace

TEST_CASE("a missing glyph's warning names the line and column of its block", "[inline]") {
    layout::LineBreaker breaker(catalogue(), &hyphenator());
    const auto block = block_style();
    const layout::ParagraphStyle ps = paragraph_at(block, 42, 7);
    breaker.break_lines({text("Risk \u4E2D rising", &block)}, ps);
    REQUIRE(breaker.warnings().size() == 1);
    CHECK(breaker.warnings()[0].rfind("42:7: warning: no font has the character U+4E2D", 0) == 0);
}

TEST_CASE("a character beyond U+FFFF is left out with a warning, even when a font has it", "[inline]") {
    // DejaVu Sans (the fallback face) has U+10300, but the PDF fonts use 16-bit codes.
    layout::LineBreaker breaker(catalogue(), &hyphenator());
    const auto block = block_style();
    const layout::ParagraphStyle ps = paragraph_at(block, 3, 1);
    const auto with = breaker.break_lines({text("Old Italic\U00010300here", &block)}, ps);
    REQUIRE(breaker.warnings().size() == 1);
    CHECK(breaker.warnings()[0] ==
          "3:1: warning: Quorum cannot yet draw characters beyond U+FFFF, such as U+10300 '\U00010300'; it is left out");
    const auto without = breaker.break_lines({text("Old Italichere", &block)}, ps);
    REQUIRE(with.size() == 1);
    REQUIRE(without.size() == 1);
    const auto right_edge = [](const layout::LineBox& line) { return line.runs.back().x + line.runs.back().width; };
    CHECK(right_edge(with[0]) == Approx(right_edge(without[0])));  // it takes no room on the line
}

TEST_CASE("empty and whitespace-only paragraphs give no lines", "[inline]") {
    const auto block = block_style();
    CHECK(set({}, block, 100).empty());
    CHECK(set({text("  \n\t ", &block)}, block, 100).empty());
    CHECK(set({text("x", &block)}, block, 0).size() == 1);  // no room at all still sets
    CHECK(set({text(prose, &block)}, block, std::numeric_limits<double>::infinity()).size() == 1);
    CHECK(set({text(prose, &block)}, block, std::numeric_limits<double>::quiet_NaN()).size() == 1);
}

TEST_CASE("bad text: malformed UTF-8 and control characters never reach the runs", "[inline]") {
    const auto block = block_style();
    const auto lines = set({text(std::string("Budget \xC3 \xFF\xFE total\x01\x07 \xEF\xBB\xBF\u200Dok \xE2\x82"), &block)},
                           block, 400);
    REQUIRE(lines.size() == 1);
    for (const auto& r : lines[0].runs) {
        std::size_t i = 0;
        while (i < r.text.size()) {
            const char32_t cp = layout::shaping::next_codepoint(r.text, i);
            CHECK(cp >= 0x20);
            CHECK(cp != 0xFEFF);
            CHECK(r.face->has_glyph(cp));
        }
    }
    CHECK(line_text(lines[0]).find("total ok") != std::string::npos);
}

TEST_CASE("vertical-align: top and bottom boxes stretch the line from its edges", "[inline]") {
    const auto block = block_style();
    ComputedStyle top_style = block;
    top_style.display = style::Display::InlineBlock;
    top_style.vertical_align = style::VerticalAlign::Top;
    ComputedStyle bottom_style = top_style;
    bottom_style.vertical_align = style::VerticalAlign::Bottom;
    InlineItem box;
    box.kind = InlineItem::Kind::Atomic;
    box.style = &top_style;
    box.width = 20;
    box.height = 40;
    box.baseline = 40;
    box.atomic_id = 1;
    const auto top = set({text("Logo ", &block), box}, block, 400);
    REQUIRE(top.size() == 1);
    CHECK(top[0].height == Approx(40));
    CHECK(top[0].atomics[0].y == Approx(0));
    // The text stays at the top: its baseline where the strut alone would put it.
    const auto& face = catalogue().face("Liberation Sans", 400, false);
    const double ascent = face.ascender() * 10 / face.units_per_em();
    const double descent = -face.descender() * 10 / face.units_per_em();
    CHECK(top[0].baseline == Approx(ascent + (12 - ascent - descent) / 2));
    box.style = &bottom_style;
    const auto bottom = set({text("Logo ", &block), box}, block, 400);
    REQUIRE(bottom.size() == 1);
    CHECK(bottom[0].height == Approx(40));
    CHECK(bottom[0].atomics[0].y == Approx(0));
    CHECK(bottom[0].baseline == Approx(40 - descent - (12 - ascent - descent) / 2));  // text sits at the bottom
}

TEST_CASE("degenerate input: a 1pt measure, 1,000 nested spans, unbalanced span ends", "[inline]") {
    const auto block = block_style();
    const auto tiny = set({text("Budget monitoring", &block)}, block, 1);
    CHECK(tiny.size() == std::string("Budgetmonitoring").size());  // one glyph per line, nothing lost
    auto inner = block;
    inner.display = style::Display::Inline;
    inner.background_color = {200, 200, 255, 255};
    std::vector<InlineItem> nested;
    for (int i = 0; i < 1000; ++i) nested.push_back(open_span(&inner));
    nested.push_back(text("deep", &inner));
    for (int i = 0; i < 1002; ++i) nested.push_back(close_span());  // two too many: ignored
    const auto lines = set(nested, block, 300);
    REQUIRE(lines.size() == 1);
    CHECK(line_text(lines[0]) == "deep");
    CHECK(lines[0].fills.size() == 1000);
}

TEST_CASE("vertical-align: middle centres a box on the parent's x-height", "[inline]") {
    const auto block = block_style();
    ComputedStyle middle = block;
    middle.display = style::Display::InlineBlock;
    middle.vertical_align = style::VerticalAlign::Middle;
    InlineItem icon;
    icon.kind = InlineItem::Kind::Atomic;
    icon.style = &middle;
    icon.width = icon.height = icon.baseline = 8;
    icon.atomic_id = 3;
    const auto lines = set({text("Status ", &block), icon, text(" on track", &block)}, block, 400);
    REQUIRE(lines.size() == 1);
    const double centre = lines[0].atomics.at(0).y + 4;
    CHECK(centre == Approx(lines[0].baseline - 0.25 * 10));  // half the x-height (≈ 0.5em) above the baseline
}

TEST_CASE("random paragraphs: no crash, valid UTF-8 runs, nothing wider than the measure", "[inline][robustness]") {
    // A fixed-seed fuzz over the inputs block layout can produce: mixed styles and
    // white-space modes, spans, breaks, atomics, soft hyphens, symbols, bad bytes.
    std::uint32_t seed = 12345;
    auto next = [&seed](std::uint32_t n) {
        seed = seed * 1664525u + 1013904223u;
        return (seed >> 8) % n;
    };
    const char* fragments[] = {"council ", "accountability", " ", "\n", "safe\u00ADguarding ", "https://a.example/b?c=d&e=f",
                               "\u2713", "\u25B2 ", "\xFF", "\t", "decision-making ", "\u4E2D", "\u00A0", "   ", "\u200B",
                               "averyveryveryveryveryveryveryveryverylongword "};
    std::vector<ComputedStyle> styles(6, block_style());
    styles[1].white_space = style::WhiteSpace::Pre;
    styles[2].white_space = style::WhiteSpace::PreWrap;
    styles[3].hyphens = style::Hyphens::Auto;
    styles[3].text_align = style::TextAlign::Justify;
    styles[4].font_size = 18;
    styles[4].vertical_align = style::VerticalAlign::Super;
    styles[5].white_space = style::WhiteSpace::Nowrap;
    styles[5].text_transform = style::TextTransform::Uppercase;
    // Text that may not wrap (pre, nowrap) overflows rather than break inside a word, and
    // pushes out what follows it on its line: it is told apart by its colour.
    const style::Color unwrapped{128, 0, 0, 255};
    styles[1].color = styles[5].color = unwrapped;
    layout::LineBreaker breaker(catalogue(), &hyphenator());
    int lines_seen = 0;
    for (int round = 0; round < 400; ++round) {
        const ComputedStyle& block = styles[next(styles.size())];
        std::vector<InlineItem> content;
        const int count = 1 + static_cast<int>(next(25));
        for (int k = 0; k < count; ++k) {
            const std::uint32_t what = next(10);
            const ComputedStyle* s = &styles[next(styles.size())];
            if (what < 6) content.push_back(text(fragments[next(std::size(fragments))], s));
            else if (what == 6) content.push_back(open_span(s));
            else if (what == 7) content.push_back(close_span());
            else if (what == 8) content.push_back(forced_break());
            else {
                InlineItem atomic;
                atomic.kind = InlineItem::Kind::Atomic;
                atomic.style = s;
                atomic.width = next(50);
                atomic.height = next(40);
                atomic.baseline = atomic.height;
                content.push_back(atomic);
            }
        }
        layout::ParagraphStyle ps;
        ps.block = &block;
        ps.available_width = 20 + next(300);
        const auto lines = breaker.break_lines(content, ps);
        const auto widths = breaker.measure(content, block);
        CHECK(widths.min <= widths.max + 1e-9);
        if (widths.max > 0) CHECK_FALSE(lines.empty());  // whatever has width is set
        for (const auto& line : lines) {
            ++lines_seen;
            CHECK(line.height >= 0);
            const bool has_unwrapped = std::any_of(line.runs.begin(), line.runs.end(),
                                                   [&](const layout::GlyphRun& r) { return r.color == unwrapped; });
            // In a block that may not wrap, images and the text beside them are joined as well.
            const bool may_overflow = has_unwrapped || block.color == unwrapped;
            for (const auto& r : line.runs) {
                REQUIRE(r.face != nullptr);
                for (std::size_t i = 0; i < r.text.size();) {
                    const std::size_t before = i;
                    const char32_t cp = layout::shaping::next_codepoint(r.text, i);
                    CHECK(r.face->has_glyph(cp));
                    if (cp == layout::shaping::replacement_char) CHECK(r.text.compare(before, 3, "\uFFFD") == 0);
                }
                // Only a single glyph or atomic wider than the measure may stick out.
                if (r.text.size() > 4 && !may_overflow) CHECK(r.x + r.width <= ps.available_width + 1e-6);
            }
        }
    }
    CHECK(lines_seen > 400);
}

TEST_CASE("a paragraph set again (the second layout pass) gets the lines a fresh breaker gives it", "[inline]") {
    auto block = block_style(style::TextAlign::Justify);
    block.hyphens = style::Hyphens::Auto;
    const auto ragged = block_style();
    layout::LineBreaker reused(catalogue(), &hyphenator());
    for (int round = 0; round < 2; ++round) {
        for (const ComputedStyle* s : std::initializer_list<const ComputedStyle*>{&block, &ragged}) {
            for (const double width : {180.0, 140.0, 180.5}) {
                INFO("round " << round << ", width " << width);
                layout::ParagraphStyle ps;
                ps.block = s;
                ps.available_width = width;
                const auto again = reused.break_lines({text(prose, s)}, ps);
                const auto fresh = set({text(prose, s)}, *s, width);
                REQUIRE(again.size() == fresh.size());
                for (std::size_t i = 0; i < again.size(); ++i) {
                    CHECK(line_text(again[i]) == line_text(fresh[i]));
                    CHECK(right_edge(again[i]) == right_edge(fresh[i]));
                }
            }
        }
    }
}

// The speed of these two is measured by bench/typeset_bench.py (whole packs), not here.
TEST_CASE("150,000 table cells measure and set, one line each", "[inline]") {
    auto cell = block_style(style::TextAlign::Right);
    const std::vector<std::vector<InlineItem>> cells{{text("\u00A31,234,567", &cell)},
                                                     {text("Adult social care", &cell)},
                                                     {text("Green", &cell)}};
    layout::LineBreaker breaker(catalogue(), &hyphenator());
    layout::ParagraphStyle ps;
    ps.block = &cell;
    ps.available_width = 90;
    std::size_t lines = 0;
    double widest = 0;
    for (int i = 0; i < 150000; ++i) {
        const auto& content = cells[static_cast<std::size_t>(i) % cells.size()];
        widest = std::max(widest, breaker.measure(content, cell).max);
        lines += breaker.break_lines(content, ps).size();
    }
    CHECK(lines == 150000);
    CHECK(widest > 50);
}

TEST_CASE("the text of a 581-page pack breaks into lines", "[inline]") {
    // ~581 pages × ~450 words: 5,000 paragraphs of 50 words, justified, hyphens: auto.
    auto block = block_style(style::TextAlign::Justify);
    block.hyphens = style::Hyphens::Auto;
    const std::vector<InlineItem> paragraph{text(prose + " " + prose.substr(0, 90), &block)};
    layout::LineBreaker breaker(catalogue(), &hyphenator());
    layout::ParagraphStyle ps;
    ps.block = &block;
    ps.available_width = 450;
    std::size_t lines = 0;
    for (int i = 0; i < 5000; ++i) lines += breaker.break_lines(paragraph, ps).size();
    CHECK(lines > 15000);
}
