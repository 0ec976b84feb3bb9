// Line quality an officer checks before publishing: ragged lines filled to the measure,
// breaks after "/", hyphens at emergency breaks, nowrap text kept whole.
#include "layout/hyphenate.hpp"
#include "layout/inline.hpp"
#include "layout/inline_items.hpp"
#include "layout/knuth_plass.hpp"

#include "layout_test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace quorum;
using layout::InlineItem;
using layout::LineBox;
using style::ComputedStyle;
namespace kp = quorum::layout::kp;

namespace {

using layout_test::catalogue;
using layout_test::hyphenator;
using layout_test::text;

ComputedStyle paper_style(style::TextAlign align = style::TextAlign::Left) {
    return layout_test::paragraph_style(align, 11, 1.3);
}

std::vector<LineBox> set(const std::string& t, const ComputedStyle& style, double width,
                         std::vector<std::string>* warnings = nullptr) {
    layout::LineBreaker breaker(catalogue(), &hyphenator());
    layout::ParagraphStyle ps;
    ps.block = &style;
    ps.available_width = width;
    auto lines = breaker.break_lines({text(t, &style)}, ps);
    if (warnings) *warnings = breaker.warnings();
    return lines;
}

layout::LineBreaker::Widths measure(const std::string& t, const ComputedStyle& style) {
    layout::LineBreaker breaker(catalogue(), &hyphenator());
    return breaker.measure({text(t, &style)}, style);
}

std::string line_text(const LineBox& line) {
    std::string out;
    for (std::size_t i = 0; i < line.runs.size(); ++i) out += (i ? " " : "") + line.runs[i].text;
    return out;
}

double line_end(const LineBox& line) { return line.runs.empty() ? 0 : line.runs.back().x + line.runs.back().width; }

constexpr double mm = 72 / 25.4;

const std::string knife_paragraph =
    "The Community Safety Partnership received the Met Police figures on knife injury victims aged under 25 "
    "for the borough, which have fallen for the third year running, together with the youth offending "
    "service's report on first-time entrants and the partnership's plan for the summer months. "
    "All reports are online at https://barnet.moderngov.co.uk/ieListMeetings.aspx?CommitteeId=697.";

}  // namespace

TEST_CASE("first fit fills each line with as many words as fit", "[line-quality][knuth_plass]") {
    // Words of 30pt with 5pt spaces in a 100pt measure: three words (100pt) a line.
    std::vector<kp::Item> items;
    for (int i = 0; i < 7; ++i) {
        if (i > 0) {
            items.push_back(kp::Item::glue(0, 30, 0, false));
            items.push_back(kp::Item::penalty_item(0, 0));
            items.push_back(kp::Item::glue(5, -30, 0, false));
        }
        items.push_back(kp::Item::box(30));
    }
    items.push_back(kp::Item::glue(0, kp::fill_stretch, 0, false));
    items.push_back(kp::Item::forced_break());
    const kp::Result r = kp::first_fit(items, {100});
    REQUIRE(r.breaks.size() == 3);
    CHECK(r.breaks[0].ratio == Approx(0));
    CHECK(r.breaks[2].position == items.size() - 1);
    CHECK_FALSE(r.overfull);
    CHECK(kp::short_lines(items, r, {100}, 10) == 0);
}

TEST_CASE("a ragged paragraph ending in a long URL keeps its other lines full", "[line-quality]") {
    const ComputedStyle style = paper_style();
    const double measure_width = 150 * mm;
    const auto lines = set(knife_paragraph, style, measure_width);
    REQUIRE(lines.size() >= 4);
    // The URL fits a line but not after "online at": it starts the last line, whole.
    CHECK(line_text(lines.back()).rfind("https://barnet.moderngov.co.uk/", 0) == 0);
    // Every line before the one the URL pushed short is full: the next line's first word
    // would not fit on it (before the fix they were balanced down to ~60% of the measure).
    const double space = measure("a b", style).max - measure("ab", style).max;
    for (std::size_t i = 0; i + 2 < lines.size(); ++i) {
        const std::string next = line_text(lines[i + 1]);
        const double next_word = measure(next.substr(0, next.find(' ')), style).max;
        INFO("line " << i << ": " << line_text(lines[i]) << " ends at " << line_end(lines[i]));
        CHECK(line_end(lines[i]) + space + next_word > measure_width);
    }
}

TEST_CASE("a long unbreakable word that must start a line does not shorten the lines before it",
          "[line-quality]") {
    // Not a URL (nothing inside it may break): the line before it must end short, and
    // total fit alone spreads that gap over every line of the paragraph.
    const ComputedStyle style = paper_style();
    const double measure_width = 150 * mm;
    const std::string code = "CSP2018KNIFEINJURYVICTIMSUNDERTWENTYFIVEBOROUGHREPORTS";
    const std::string paragraph = knife_paragraph.substr(0, knife_paragraph.find("https://")) + code;
    REQUIRE(measure(code, style).max < measure_width);
    const auto lines = set(paragraph, style, measure_width);
    REQUIRE(lines.size() >= 4);
    CHECK(line_text(lines.back()) == code);
    const double space = measure("a b", style).max - measure("ab", style).max;
    for (std::size_t i = 0; i + 2 < lines.size(); ++i) {
        const std::string next = line_text(lines[i + 1]);
        const double next_word = measure(next.substr(0, next.find(' ')), style).max;
        INFO("line " << i << ": " << line_text(lines[i]) << " ends at " << line_end(lines[i]));
        CHECK(line_end(lines[i]) + space + next_word > measure_width);
    }
}

TEST_CASE("a paragraph ending in a URL does not strand a short first line", "[line-quality]") {
    const ComputedStyle style = paper_style();
    const std::string paragraph =
        "Council, 4 April 2016 (Decision item 13.1) approved 2016/17 addendum to Corporate Plan. "
        "http://barnet.moderngov.co.uk/ieListDocuments.aspx?CId=162&MId=8344&Ver=4";
    const double measure_width = 160 * mm;
    const auto lines = set(paragraph, style, measure_width);
    REQUIRE(lines.size() >= 2);
    INFO("first line: " << line_text(lines.front()));
    CHECK(line_text(lines.front()) != "Council, 4");
    CHECK(line_text(lines.front()).find("Corporate Plan.") != std::string::npos);
}

TEST_CASE("a clean ragged paragraph is still set by total fit", "[line-quality]") {
    // No line needs to end short: the balanced optimum stands, every line within the stretch.
    const ComputedStyle style = paper_style();
    const std::string paragraph =
        "The committee is asked to note the performance of the services for which it is responsible, "
        "the budget position at the end of the year, and the risks that have been escalated to it.";
    const auto lines = set(paragraph, style, 90 * mm);
    REQUIRE(lines.size() >= 3);
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) CHECK(line_end(lines[i]) > 90 * mm - 3 * style.font_size);
}

TEST_CASE("min-content breaks after a slash between words, as line breaking does", "[line-quality][measure]") {
    const ComputedStyle style = paper_style();
    const auto whole = measure("Additions/(Deletions)", style);
    const auto first = measure("Additions/", style);
    const auto second = measure("(Deletions)", style);
    CHECK(whole.min == Approx(std::max(first.max, second.max)).margin(0.01));
    CHECK(whole.max == Approx(first.max + second.max).margin(0.01));
    // Set in a line too narrow for the whole, it breaks after the slash, with no hyphen.
    const auto lines = set("Additions/(Deletions)", style, std::max(first.max, second.max) + 1);
    REQUIRE(lines.size() == 2);
    CHECK(line_text(lines[0]) == "Additions/");
    CHECK(line_text(lines[1]) == "(Deletions)");
}

TEST_CASE("slashes in dates, figures and URLs are not break opportunities", "[line-quality][measure]") {
    const ComputedStyle style = paper_style();
    for (const std::string word : {"2017/18", "7/3/2018", "CES/S01", "www.barnet.gov.uk/council", "https://a.gov.uk/b/c",
                                   "http://Council/Report"}) {
        const auto w = measure(word, style);
        INFO(word);
        CHECK(w.min == Approx(w.max));
    }
}

TEST_CASE("an over-long word breaks at a hyphenation point, with the hyphen drawn", "[line-quality][emergency]") {
    ComputedStyle style = paper_style();
    style.hyphens = style::Hyphens::Manual;  // the papers' default: no automatic hyphenation
    const double word_width = measure("Modernisation", style).max;
    const auto lines = set("Modernisation", style, word_width * 0.7);
    REQUIRE(lines.size() == 2);
    const std::string first = line_text(lines[0]);
    INFO(first << " / " << line_text(lines[1]));
    REQUIRE(!first.empty());
    CHECK(first.back() == '-');
    CHECK(first.substr(0, first.size() - 1) + line_text(lines[1]) == "Modernisation");
    // The break is at a syllable, not just at the last letter that fits.
    const std::vector<std::string> syllables = {"Mod-", "Moder-", "Modern-", "Moderni-", "Modernis-", "Modernisa-"};
    CHECK(std::find(syllables.begin(), syllables.end(), first) != syllables.end());
}

TEST_CASE("hyphens: none never draws a hyphen, even at an emergency break", "[line-quality][emergency]") {
    ComputedStyle style = paper_style();
    style.hyphens = style::Hyphens::None;
    const double word_width = measure("Modernisation", style).max;
    const auto lines = set("Modernisation", style, word_width * 0.7);
    REQUIRE(lines.size() == 2);
    CHECK(line_text(lines[0]) + line_text(lines[1]) == "Modernisation");
}

TEST_CASE("white-space: nowrap text wider than its line overflows whole", "[line-quality][nowrap]") {
    ComputedStyle style = paper_style();
    style.white_space = style::WhiteSpace::Nowrap;
    const double word_width = measure("CS0030", style).max;
    std::vector<std::string> warnings;
    const auto lines = set("CS0030", style, word_width / 2, &warnings);
    REQUIRE(lines.size() == 1);
    CHECK(line_text(lines[0]) == "CS0030");
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].find("overflows it: 'CS0030'") != std::string::npos);
    // Nor at an explicit hyphen or a slash.
    const auto hyphenated = set("decision-making and/or", style, 20);
    REQUIRE(hyphenated.size() == 1);
    CHECK(line_text(hyphenated[0]) == "decision-making and/or");
}

TEST_CASE("white-space: nowrap breaks only at forced breaks: not at zero-width spaces, soft hyphens or images",
          "[line-quality][nowrap]") {
    ComputedStyle style = paper_style();
    style.white_space = style::WhiteSpace::Nowrap;
    style.hyphens = style::Hyphens::Manual;
    for (const std::string t : {"CS\u200B0030\u200Bfigures", "Modern\u00ADisation\u00ADprogramme"}) {
        INFO(t);
        const auto lines = set(t, style, 20);
        REQUIRE(lines.size() == 1);
        CHECK(lines[0].runs.size() == 1);
    }
    InlineItem image;
    image.kind = InlineItem::Kind::Atomic;
    image.width = image.height = image.baseline = 30;
    layout::LineBreaker breaker(catalogue(), &hyphenator());
    layout::ParagraphStyle ps;
    ps.block = &style;
    ps.available_width = 40;
    CHECK(breaker.break_lines({text("Rating", &style), image, text("Amber", &style)}, ps).size() == 1);
    InlineItem br;
    br.kind = InlineItem::Kind::ForcedBreak;
    CHECK(breaker.break_lines({text("Rating", &style), br, text("Amber", &style)}, ps).size() == 2);
    ComputedStyle wrapping = paper_style();  // the same content may break where wrapping is allowed
    ps.block = &wrapping;
    CHECK(breaker.break_lines({text("Rating", &wrapping), image, text("Amber", &wrapping)}, ps).size() > 1);
}

TEST_CASE("white-space: nowrap text is one box per face, not split where wrapping text could break",
          "[line-quality][nowrap]") {
    ComputedStyle style = paper_style();
    style.white_space = style::WhiteSpace::Nowrap;
    layout::shaping::FaceChains chains(catalogue());
    std::vector<std::string> warnings;
    layout::inline_detail::ParagraphBuilder builder(chains, &hyphenator(), warnings);
    layout::inline_detail::Paragraph p;
    const std::vector<InlineItem> content{text("decision-making at https://www.barnet.gov.uk/a-b", &style)};
    builder.build(content, style, {.available_width = 1000}, p);
    const auto boxes = std::count_if(p.pieces.begin(), p.pieces.end(), [](const auto& piece) {
        return piece.kind == layout::inline_detail::Piece::Kind::Text;
    });
    CHECK(boxes == 1);
    CHECK(std::none_of(p.items.begin(), p.items.end(), [&](const kp::Item& item) {
        return item.type == kp::Item::Type::Penalty && item.penalty < kp::infinite_penalty && &item != &p.items.back();
    }));
}

TEST_CASE("an over-long hyphenated compound breaks at its hyphen and at syllables, never bare", "[line-quality][emergency]") {
    const ComputedStyle style = paper_style();  // hyphens: manual
    const auto lines = set("multi-disciplinary", style, measure("disciplin", style).max);
    REQUIRE(lines.size() >= 3);
    std::string joined;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string t = line_text(lines[i]);
        INFO("line " << i << ": " << t);
        REQUIRE(!t.empty());
        if (i + 1 < lines.size()) CHECK(t.back() == '-');  // "multi-disciplinar" / "y" before the fix
        joined += i + 1 < lines.size() && i > 0 ? t.substr(0, t.size() - 1) : t;
    }
    CHECK(joined == "multi-disciplinary");
}

TEST_CASE("ragged lines in a narrow column take every word that fits", "[line-quality]") {
    // A 70pt column: 3em of ragged stretch would be nearly half the line.
    ComputedStyle style = paper_style();
    style.font_size = 9;
    const double width = 70;
    const auto lines = set("Research new model of improving the overall participation of families in child protection "
                           "planning. Setup pilot of new model.",
                           style, width);
    REQUIRE(lines.size() >= 4);
    const double space = measure("a b", style).max - measure("ab", style).max;
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
        const std::string next = line_text(lines[i + 1]);
        const double next_word = measure(next.substr(0, next.find(' ')), style).max;
        INFO("line " << i << ": " << line_text(lines[i]) << " / next: " << next);
        CHECK(line_end(lines[i]) + space + next_word > width);
    }
}
