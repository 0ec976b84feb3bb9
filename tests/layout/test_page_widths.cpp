// Pages whose content areas differ in width (@page :first/:left/:right, named pages):
// every line, background and border sits in the content box of the page it landed on.
#include "document/document.hpp"
#include "layout/layout.hpp"
#include "style/cascade.hpp"
#include "layout_test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <string>

using namespace quorum;
using layout::Page;

namespace {

struct Laid {
    document::Document doc;
    style::Cascade cascade;
    layout::LaidOutDocument out;
};

std::unique_ptr<Laid> lay_out_xhtml(const std::string& body, const std::string& css) {
    auto r = std::make_unique<Laid>();
    try {
        r->doc = document::parse_string("<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><style>" + css +
                                            "</style></head><body>" + body + "</body></html>",
                                        "page-widths-test.xhtml", QUORUM_TEST_DATA);
    } catch (const document::DocumentError& e) {
        FAIL(e.formatted());
    }
    for (const auto& source : r->doc.style_sources())
        r->cascade.add_stylesheet(source.text, "page-widths-test.xhtml", source.position.line);
    r->out = layout::lay_out(r->doc, r->cascade, layout_test::catalogue());
    return r;
}

// 400 x 300pt pages; right pages 330pt wide (60 | 10), left 310pt (10 | 80), the first
// 200pt (100 | 100), so every page differs from the one before.
const std::string alternating =
    "@page { size: 400pt 300pt; margin: 20pt }"
    "@page :left { margin-left: 10pt; margin-right: 80pt }"
    "@page :right { margin-left: 60pt; margin-right: 10pt }"
    "@page :first { margin-left: 100pt; margin-right: 100pt }"
    "body { margin: 0; font: 10pt/14pt 'Liberation Serif' } p { margin: 0 0 6pt 0 }";

struct ContentBox {
    double left = 0, right = 0;  // x of its edges on the page
};

ContentBox content_box(std::size_t index) {
    if (index == 0) return {100, 300};
    return index % 2 == 1 ? ContentBox{10, 320} : ContentBox{60, 390};
}

std::string lorem(int i) {
    return std::to_string(i) +
           ". The committee noted the report on highway maintenance and agreed that officers should consult "
           "the parish councils on the revised programme of resurfacing, drainage and footway repairs before "
           "the next meeting of the cabinet in the spring.";
}

std::string paragraphs(int n, const std::string& attributes = "") {
    std::string body;
    for (int i = 1; i <= n; ++i) body += "<p" + attributes + ">" + lorem(i) + "</p>";
    return body;
}

// Every glyph run (list markers included) lies within the page's content box.
void check_runs_inside(const Page& page, const ContentBox& box) {
    for (const auto& run : page.runs) {
        CHECK(run.x >= box.left - 0.01);
        CHECK(run.x + run.width <= box.right + 0.01);
    }
}

// The right edge of each text line on a page, by baseline.
std::map<long, double> line_ends(const Page& page) {
    std::map<long, double> ends;
    for (const auto& r : page.runs) {
        double& end = ends[std::lround(r.baseline * 10)];
        end = std::max(end, r.x + r.width);
    }
    return ends;
}

}  // namespace

TEST_CASE("page widths: every line and background lies in its own page's content box", "[layout][page-widths]") {
    auto r = lay_out_xhtml(paragraphs(24), alternating + " p { text-align: justify; background: #eef }");
    const auto& pages = r->out.pages;
    REQUIRE(pages.size() >= 4);
    for (std::size_t i = 0; i < pages.size(); ++i) {
        INFO("page " << i + 1);
        const ContentBox box = content_box(i);
        check_runs_inside(pages[i], box);
        // Each fragment of a paragraph's background spans its page's content box exactly.
        REQUIRE_FALSE(pages[i].fills.empty());
        for (const auto& fill : pages[i].fills) {
            CHECK(fill.x == Approx(box.left));
            CHECK(fill.x + fill.width == Approx(box.right));
        }
        // Justified: every line reaches the right edge of this page but the last of each
        // paragraph fragment (at most one per background), and none goes past it.
        std::size_t short_lines = 0;
        for (const auto& [baseline, end] : line_ends(pages[i])) short_lines += std::abs(end - box.right) >= 0.5;
        CHECK(short_lines <= pages[i].fills.size());
    }
    CHECK(r->out.warnings.empty());
}

TEST_CASE("page widths: a paragraph running from a wide page onto a narrow one is set in each page's width",
          "[layout][page-widths]") {
    // Page 1 is a right page 330pt wide, page 2 a left page 250pt wide.
    const std::string css =
        "@page { size: 400pt 300pt; margin: 20pt }"
        "@page :left { margin-left: 10pt; margin-right: 140pt }"
        "@page :right { margin-left: 60pt; margin-right: 10pt }"
        "body { margin: 0; font: 10pt/14pt 'Liberation Serif' } p { text-align: justify; margin: 0 }";
    std::string text;
    for (int i = 1; i <= 12; ++i) text += lorem(i) + " ";
    auto r = lay_out_xhtml("<p>" + text + "</p>", css);
    REQUIRE(r->out.pages.size() >= 2);
    const auto first = line_ends(r->out.pages[0]);
    const auto second = line_ends(r->out.pages[1]);
    REQUIRE(first.size() > 10);
    REQUIRE(second.size() > 2);
    // Every line of page 1 is justified to page 1's right edge.
    for (const auto& [baseline, end] : first) CHECK(end == Approx(390).margin(0.5));
    // On page 2 every line but the paragraph's last ends at page 2's right edge (250pt on).
    auto last = std::prev(second.end());
    if (r->out.pages.size() > 2) last = second.end();
    for (auto it = second.begin(); it != last; ++it) CHECK(it->second == Approx(260).margin(0.5));
    for (const auto& run : r->out.pages[1].runs) CHECK(run.x >= 10 - 0.01);
}

TEST_CASE("page widths: right and centred text, indents and list markers follow the page",
          "[layout][page-widths]") {
    auto r = lay_out_xhtml(paragraphs(10, " class=\"r\"") + "<ol><li>" + lorem(1) + "</li><li>" + lorem(2) +
                               "</li></ol>" + paragraphs(10, " class=\"c\""),
                           alternating + " .r { text-align: right; text-indent: 2em } .c { text-align: center }"
                                         " ol { margin: 0; padding-left: 30pt }");
    const auto& pages = r->out.pages;
    REQUIRE(pages.size() >= 3);
    bool right_aligned_on_left_page = false;
    for (std::size_t i = 0; i < pages.size(); ++i) {
        INFO("page " << i + 1);
        const ContentBox box = content_box(i);
        check_runs_inside(pages[i], box);
        if (i % 2 == 1)
            for (const auto& [baseline, end] : line_ends(pages[i]))
                right_aligned_on_left_page = right_aligned_on_left_page || std::abs(end - box.right) < 0.01;
    }
    CHECK(right_aligned_on_left_page);
}

TEST_CASE("page widths: target-counter() page references and blank pages stay right", "[layout][page-widths]") {
    const std::string body = "<p>See <a class=\"ref\" href=\"#annex\">the annex</a>.</p>" + paragraphs(20) +
                             "<h2 id=\"annex\" class=\"annex\">Annex</h2>" + paragraphs(2);
    auto r = lay_out_xhtml(body, alternating +
                                     " a.ref::after { content: \" (page \" target-counter(attr(href), page) \")\" }"
                                     " .annex { break-before: left }");
    const auto& pages = r->out.pages;
    auto annex = std::find_if(r->out.anchors.begin(), r->out.anchors.end(), [](auto& a) { return a.id == "annex"; });
    REQUIRE(annex != r->out.anchors.end());
    CHECK(annex->page % 2 == 1);  // a left page
    std::string first_page;
    for (const auto& run : pages[0].runs) first_page += run.text;
    std::erase(first_page, ' ');
    INFO(first_page);
    CHECK(first_page.find("(page" + std::to_string(annex->page + 1) + ")") != std::string::npos);
    for (std::size_t i = 0; i < pages.size(); ++i) {
        INFO("page " << i + 1);
        if (pages[i].blank) CHECK(pages[i].runs.empty());
        check_runs_inside(pages[i], content_box(i));
    }
}

TEST_CASE("page widths: a named landscape page's :left and :right widths apply to its content", "[layout][page-widths]") {
    const std::string css =
        "@page { size: 300pt 400pt; margin: 20pt }"
        "@page wide { size: 400pt 300pt }"
        "@page wide:left { margin-right: 100pt }"
        ".wide { page: wide } body { margin: 0; font: 10pt/14pt 'Liberation Serif' } p { text-align: justify }";
    auto r = lay_out_xhtml("<p>Cover</p><div class=\"wide\">" + paragraphs(20) + "</div>", css);
    const auto& pages = r->out.pages;
    REQUIRE(pages.size() >= 4);
    for (std::size_t i = 1; i < pages.size(); ++i) {
        INFO("page " << i + 1);
        REQUIRE(pages[i].name == "wide");
        const double right = i % 2 == 1 ? 300 : 380;
        double widest = 0;
        for (const auto& [baseline, end] : line_ends(pages[i])) widest = std::max(widest, end);
        CHECK(widest <= right + 0.01);
        if (i + 1 < pages.size()) CHECK(widest == Approx(right).margin(0.5));
    }
}

TEST_CASE("page widths: a part still moving after the last pass is named in the warning", "[layout][page-widths]") {
    // The second paragraph may not break (widows) and so moves whole onto page 2, 250pt
    // wide, having been set for page 1, 330pt wide: with one pass it cannot settle.
    const std::string css =
        "@page { size: 400pt 300pt; margin: 20pt }"
        "@page :left { margin-left: 10pt; margin-right: 140pt }"
        "@page :right { margin-left: 60pt; margin-right: 10pt }"
        "body { margin: 0; font: 10pt/14pt 'Liberation Serif' } p { margin: 0; widows: 100 }";
    std::string text;
    for (int i = 1; i <= 8; ++i) text += lorem(i) + " ";
    auto r = std::make_unique<Laid>();
    r->doc = document::parse_string("<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><style>" + css +
                                        "</style></head><body><p>" + lorem(0) + "</p>\n<p>" + text + "</p></body></html>",
                                    "page-widths-test.xhtml", QUORUM_TEST_DATA);
    for (const auto& source : r->doc.style_sources())
        r->cascade.add_stylesheet(source.text, "page-widths-test.xhtml", source.position.line);
    layout::LayoutOptions options;
    options.max_width_passes = 1;
    r->out = layout::lay_out(r->doc, r->cascade, layout_test::catalogue(), options);
    REQUIRE(r->out.warnings.size() == 1);
    INFO(r->out.warnings.front());
    CHECK(r->out.warnings.front().starts_with("2:1: warning: pages of different widths: after 1 layout pass "));
    CHECK(r->out.warnings.front().find("the block starting here still moves") != std::string::npos);
}
