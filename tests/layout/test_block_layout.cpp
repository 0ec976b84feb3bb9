// Box generation, block layout, pagination and margin boxes through lay_out():
// real fonts, the real cascade and the real line breaker.
#include "document/document.hpp"
#include "fonts/fonts.hpp"
#include "layout/boxes.hpp"
#include "layout/layout.hpp"
#include "style/cascade.hpp"

#include "layout_test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>

using namespace quorum;
using layout::LaidOutDocument;
using layout::Page;

namespace {


struct Rendered {
    document::Document doc;
    style::Cascade cascade;
    LaidOutDocument out;
};

std::unique_ptr<Rendered> render_doc(const std::string& body, const std::string& css, const std::string& head = "") {
    auto r = std::make_unique<Rendered>();
    const std::string xhtml = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head>" + head + "<style>" + css +
                              "</style></head><body>" + body + "</body></html>";
    r->doc = document::parse_string(xhtml, "block-test.xhtml", QUORUM_TEST_DATA);
    for (const auto& source : r->doc.style_sources()) r->cascade.add_stylesheet(source.text, "block-test.xhtml", source.position.line);
    r->out = layout::lay_out(r->doc, r->cascade, layout_test::catalogue());
    return r;
}

// The page's text: runs in reading order (by baseline, then x), lines joined by '\n'.
std::string page_text(const Page& page) {
    std::vector<const layout::GlyphRun*> runs;
    for (const auto& r : page.runs) runs.push_back(&r);
    std::sort(runs.begin(), runs.end(), [](auto* a, auto* b) {
        if (std::abs(a->baseline - b->baseline) > 1) return a->baseline < b->baseline;
        return a->x < b->x;
    });
    std::string text;
    double baseline = -1e9, end = 0;
    for (auto* r : runs) {
        // Runs that touch are one word split by font or span; a gap is a space.
        if (!text.empty()) text += std::abs(r->baseline - baseline) > 1 ? "\n" : r->x - end > 0.5 ? " " : "";
        baseline = r->baseline;
        end = r->x + r->width;
        text += r->text;
    }
    return text;
}

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

std::string paragraphs(int count, const std::string& word = "Councillors") {
    std::string out;
    for (int i = 1; i <= count; ++i) {
        out += "<p>Paragraph " + std::to_string(i) + ".";
        for (int w = 0; w < 40; ++w) out += " " + word + " considered the report";
        out += "</p>";
    }
    return out;
}

const std::string small_pages = "@page { size: 300pt 300pt; margin: 20pt; } body { margin: 0; font: 10pt/12pt 'Liberation Sans'; } p { margin: 0 0 6pt 0; }";

}  // namespace

TEST_CASE("counters format in every list style", "[layout][boxes]") {
    using style::ListStyleType;
    CHECK(layout::format_counter(4, ListStyleType::Decimal) == "4");
    CHECK(layout::format_counter(4, ListStyleType::DecimalLeadingZero) == "04");
    CHECK(layout::format_counter(28, ListStyleType::LowerAlpha) == "ab");
    CHECK(layout::format_counter(26, ListStyleType::UpperAlpha) == "Z");
    CHECK(layout::format_counter(1994, ListStyleType::UpperRoman) == "MCMXCIV");
    CHECK(layout::format_counter(9, ListStyleType::LowerRoman) == "ix");
    CHECK(layout::format_counter(0, ListStyleType::LowerRoman) == "0");  // out of range: decimal
    CHECK(layout::format_counter(3, ListStyleType::Disc) == "\u2022");
    CHECK(layout::format_counter(3, ListStyleType::None).empty());
}

TEST_CASE("box tree: display none, anonymous blocks, unknown elements warned once", "[layout][boxes]") {
    const std::string xhtml =
        "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><style>.gone{display:none}</style></head><body>"
        "<div>before <p>para</p> after</div><p class=\"gone\">hidden</p><blink>a</blink><blink>b</blink></body></html>";
    const auto doc = document::parse_string(xhtml, "t.xhtml", QUORUM_TEST_DATA);
    style::Cascade cascade;
    for (const auto& s : doc.style_sources()) cascade.add_stylesheet(s.text, "t.xhtml");
    const layout::BoxTree tree = layout::build_box_tree(doc, cascade);
    REQUIRE(tree.root);
    const layout::Box& body = *tree.root->children.at(0);
    // div (mixed content -> 3 children: anon, p, anon), then an anonymous block for the blinks.
    REQUIRE(body.children.size() == 2);
    const layout::Box& div = *body.children[0];
    REQUIRE(div.children.size() == 3);
    CHECK(div.children[0]->is_anonymous());
    CHECK(div.children[0]->has_inline_content());
    CHECK(div.children[1]->element->name == "p");
    CHECK(div.children[2]->is_anonymous());
    CHECK(body.children[1]->is_anonymous());
    REQUIRE(tree.warnings.size() == 1);
    INFO(tree.warnings[0]);
    CHECK(contains(tree.warnings[0], ":1:"));  // parsed from a string: no file name
    CHECK(contains(tree.warnings[0], "unknown element <blink>"));
}

TEST_CASE("list markers: ol start, reversed, type and CSS list-style-type", "[layout][lists]") {
    auto r = render_doc("<ol start=\"4\"><li>four</li><li>five</li></ol>"
                        "<ol reversed=\"reversed\"><li>three</li><li>two</li><li>one</li></ol>"
                        "<ol type=\"a\"><li>alpha</li><li>beta</li></ol>"
                        "<ul class=\"r\"><li>roman</li><li>roman2</li></ul><ul><li>bullet</li></ul>",
                        ".r { list-style-type: upper-roman }");
    REQUIRE(r->out.pages.size() == 1);
    const std::string text = page_text(r->out.pages[0]);
    CHECK(contains(text, "4. four"));
    CHECK(contains(text, "5. five"));
    CHECK(contains(text, "3. three"));
    CHECK(contains(text, "1. one"));
    CHECK(contains(text, "a. alpha"));
    CHECK(contains(text, "b. beta"));
    CHECK(contains(text, "II. roman2"));
    CHECK(contains(text, "\u2022 bullet"));
    // Outside markers hang left of the item's text.
    const auto& runs = r->out.pages[0].runs;
    auto four = std::find_if(runs.begin(), runs.end(), [](auto& g) { return g.text.rfind("four", 0) == 0; });
    auto mark = std::find_if(runs.begin(), runs.end(), [](auto& g) { return g.text.rfind("4.", 0) == 0; });
    REQUIRE(four != runs.end());
    REQUIRE(mark != runs.end());
    CHECK(mark->x + mark->width <= four->x);
    CHECK(mark->baseline == Approx(four->baseline));
}

TEST_CASE("inside markers are part of the first line; counter(list-item) in ::before", "[layout][lists]") {
    auto r = render_doc("<ul class=\"in\"><li>inside</li></ul><ol class=\"own\"><li>mine</li><li>yours</li></ol>",
                        ".in { list-style-position: inside; padding-left: 0 } .own { list-style: none }"
                        " .own li::before { content: \"(\" counter(list-item, lower-roman) \") \" }");
    const std::string text = page_text(r->out.pages.at(0));
    CHECK(contains(text, "\u2022\u00A0inside"));
    CHECK(contains(text, "(i) mine"));
    CHECK(contains(text, "(ii) yours"));
    const auto& runs = r->out.pages[0].runs;
    auto bullet = std::find_if(runs.begin(), runs.end(), [](auto& g) { return g.text.rfind("\u2022", 0) == 0; });
    REQUIRE(bullet != runs.end());
    CHECK(bullet->x >= 0);
}

TEST_CASE("margin boxes follow text-align and vertical-align", "[layout][margin]") {
    auto r = render_doc("<p>x</p>", small_pages + " @page { @top-left { content: \"TL\"; text-align: right; vertical-align: top }"
                                                  " @bottom-right { content: \"BR\"; vertical-align: bottom } }");
    const auto& runs = r->out.pages.at(0).runs;
    auto tl = std::find_if(runs.begin(), runs.end(), [](auto& g) { return g.text == "TL"; });
    auto br = std::find_if(runs.begin(), runs.end(), [](auto& g) { return g.text == "BR"; });
    REQUIRE(tl != runs.end());
    REQUIRE(br != runs.end());
    CHECK(tl->x + tl->width == Approx(280).margin(0.5));  // right edge of the content area
    CHECK(tl->baseline < 15);                             // at the top of the 20pt margin
    CHECK(br->x + br->width == Approx(280).margin(0.5));
    CHECK(br->baseline > 295);                            // at the bottom of the page
}

TEST_CASE("a list item that starts with a nested list shows both markers on its first line", "[layout][lists]") {
    auto r = render_doc("<ol><li><ol type=\"a\"><li>nested</li></ol></li></ol>", "");
    CHECK(contains(page_text(r->out.pages.at(0)), "1. a. nested"));
}

TEST_CASE("counters and ::before content number headings", "[layout][counters]") {
    auto r = render_doc("<h2>Alpha</h2><h2>Beta</h2><h2 class=\"restart\">Gamma</h2>",
                        "body { counter-reset: sec } h2 { counter-increment: sec } h2::before { content: counter(sec) \". \" }"
                        ".restart { counter-reset: sec 10 }");
    const std::string text = page_text(r->out.pages.at(0));
    CHECK(contains(text, "1. Alpha"));
    CHECK(contains(text, "2. Beta"));
    CHECK(contains(text, "11. Gamma"));
}

TEST_CASE("forced breaks, blank pages for right-hand starts, :blank margin boxes", "[layout][paginate]") {
    auto r = render_doc("<p>one</p><h1>Right</h1><p>two</p><p class=\"pg\">three</p>",
                        small_pages + " h1 { break-before: right } .pg { break-before: page }"
                                      " @page :blank { @top-center { content: \"This page is intentionally left blank\" } }"
                                      " @page { @bottom-center { content: counter(page) \"/\" counter(pages) } }");
    REQUIRE(r->out.pages.size() == 4);
    CHECK_FALSE(r->out.pages[0].blank);
    CHECK(r->out.pages[1].blank);
    CHECK(page_text(r->out.pages[1]) == "This page is intentionally left blank\n2/4");
    CHECK(contains(page_text(r->out.pages[2]), "Right"));
    CHECK(contains(page_text(r->out.pages[3]), "three"));
    CHECK(contains(page_text(r->out.pages[3]), "4/4"));
}

TEST_CASE("a left break from a right page inserts a blank page; at the start no empty page", "[layout][paginate]") {
    auto r = render_doc("<h1>First</h1><p>x</p><h1 class=\"l\">Left</h1>", small_pages + " h1 { break-before: page } .l { break-before: left }");
    REQUIRE(r->out.pages.size() == 2);  // page 1 (right) has First; Left lands on page 2, a left page
    CHECK(contains(page_text(r->out.pages[0]), "First"));
    CHECK(contains(page_text(r->out.pages[1]), "Left"));
}

TEST_CASE("named pages change size mid-document and set their own content width", "[layout][paginate]") {
    auto r = render_doc("<p>portrait</p><div class=\"wide\"><p>landscape</p></div><p>portrait again</p>",
                        "@page { size: A4; margin: 20mm } @page wide { size: A4 landscape; margin: 10mm }"
                        " body { margin: 0 } .wide { page: wide } .wide p { background-color: #ccc }");
    REQUIRE(r->out.pages.size() == 3);
    CHECK(r->out.pages[0].width == Approx(595.276).margin(0.1));
    CHECK(r->out.pages[1].width == Approx(841.89).margin(0.1));
    CHECK(r->out.pages[1].height == Approx(595.276).margin(0.1));
    CHECK(r->out.pages[1].name == "wide");
    CHECK(r->out.pages[2].width == Approx(595.276).margin(0.1));
    // The grey paragraph spans the landscape content width: 841.89 - 2 * 10mm.
    REQUIRE_FALSE(r->out.pages[1].fills.empty());
    CHECK(r->out.pages[1].fills[0].width == Approx(841.89 - 2 * 28.3465).margin(0.5));
}

TEST_CASE("adjacent boxes with the same page name share pages", "[layout][paginate]") {
    auto r = render_doc("<p>portrait</p><div class=\"wide\">one</div><div class=\"wide\">two</div><p>back</p>",
                        "@page wide { size: A4 landscape } .wide { page: wide }");
    REQUIRE(r->out.pages.size() == 3);
    CHECK(page_text(r->out.pages[1]) == "one\ntwo");
    CHECK(r->out.pages[2].name.empty());
}

TEST_CASE("headings stay with the paragraph that follows", "[layout][paginate]") {
    // Fill the page almost to the bottom, then a heading: it must move to the next page.
    std::string body;
    for (int i = 0; i < 20; ++i) body += "<p>line " + std::to_string(i) + "</p>";
    body += "<h2>Heading</h2><p>Body after heading</p>";
    auto r = render_doc(body, small_pages + " p { margin: 0 } h2 { margin: 0; font-size: 10pt; line-height: 12pt }");
    REQUIRE(r->out.pages.size() == 2);
    CHECK_FALSE(contains(page_text(r->out.pages[0]), "Heading"));
    CHECK(contains(page_text(r->out.pages[1]), "Heading\nBody after heading"));
}

TEST_CASE("a heading is kept with what follows across its margins too", "[layout][paginate]") {
    std::string body;
    for (int i = 0; i < 19; ++i) body += "<p>line " + std::to_string(i) + "</p>";
    body += "<h2>Heading</h2><p>Body after heading</p>";
    auto r = render_doc(body, small_pages + " p { margin: 0 } h2 { margin: 6pt 0 6pt 0; font-size: 10pt; line-height: 12pt }");
    REQUIRE(r->out.pages.size() == 2);
    CHECK_FALSE(contains(page_text(r->out.pages[0]), "Heading"));
    CHECK(contains(page_text(r->out.pages[1]), "Heading\nBody after heading"));
}

TEST_CASE("images keep their aspect ratio and never overflow their container", "[layout][block]") {
    // rag-green.png is 40x20 px = 30x15 pt.
    auto r = render_doc("<img class=\"a\" src=\"typeset/rag-green.png\"/><img class=\"b\" src=\"typeset/rag-green.png\" width=\"80\"/>"
                        "<img class=\"c\" src=\"typeset/rag-green.png\"/>",
                        small_pages + " img { display: block } .c { width: 1000pt }");
    const auto& images = r->out.pages.at(0).images;
    REQUIRE(images.size() == 3);
    CHECK(images[0].width == Approx(30));
    CHECK(images[0].height == Approx(15));
    CHECK(images[1].width == Approx(60));  // width="80" px
    CHECK(images[1].height == Approx(30));
    CHECK(images[2].width == Approx(260));  // the content width
    CHECK(images[2].height == Approx(130));
    CHECK(images[0].y + images[0].height <= images[1].y + 0.01);
    CHECK(std::filesystem::path(images[0].path).is_absolute());

    // Taller than the page: scaled down to the content height, aspect ratio kept.
    auto tall = render_doc("<img src=\"typeset/rag-green.png\" style=\"display: block; width: 100pt; height: 1000pt\"/>", small_pages);
    REQUIRE(tall->out.pages.size() == 1);
    REQUIRE(tall->out.pages[0].images.size() == 1);
    CHECK(tall->out.pages[0].images[0].height == Approx(260));
    CHECK(tall->out.pages[0].images[0].width == Approx(26));
}

TEST_CASE(":left and :right pages take their own margin boxes; string first-except", "[layout][margin]") {
    auto r = render_doc("<h2>A</h2><p class=\"pb\">x</p><p class=\"pb\">y</p><p>z</p>",
                        small_pages + " .pb { break-after: page } h2 { string-set: t content(text) }"
                                      " @page :right { @bottom-right { content: \"R\" counter(page) } }"
                                      " @page :left { @bottom-left { content: \"L\" counter(page) } }"
                                      " @page { @top-center { content: string(t, first-except) } }");
    REQUIRE(r->out.pages.size() == 3);
    CHECK(page_text(r->out.pages[0]) == "A\nx\nR1");  // A set on this page: first-except is empty
    CHECK(page_text(r->out.pages[1]) == "A\ny\nL2");
    CHECK(page_text(r->out.pages[2]) == "A\nz\nR3");
}

TEST_CASE("orphans and widows keep at least two lines on each side of a break", "[layout][paginate]") {
    // 21 lines fit on a page (260pt / 12pt). 20 one-line paragraphs, then a 5-line one:
    // only 1 line would fit (an orphan), so the whole paragraph's first 2 lines move.
    std::string body;
    for (int i = 0; i < 20; ++i) body += "<p>line " + std::to_string(i) + "</p>";
    body += "<p class=\"long\">A1 A2 A3 A4 A5</p>";
    auto r = render_doc(body, small_pages + " p { margin: 0 } .long { width: 20pt }");
    REQUIRE(r->out.pages.size() == 2);
    CHECK_FALSE(contains(page_text(r->out.pages[0]), "A1"));
    CHECK(contains(page_text(r->out.pages[1]), "A1"));

    // 18 lines + a 4-line paragraph: 3 would fit but that leaves a widow; 2 + 2 it is.
    std::string body2;
    for (int i = 0; i < 19; ++i) body2 += "<p>line " + std::to_string(i) + "</p>";
    body2 += "<p class=\"long\">B1 B2 B3 B4</p>";
    auto r2 = render_doc(body2, small_pages + " p { margin: 0 } .long { width: 20pt }");
    REQUIRE(r2->out.pages.size() == 2);
    CHECK(contains(page_text(r2->out.pages[0]), "B1\nB2"));
    CHECK_FALSE(contains(page_text(r2->out.pages[0]), "B3"));
    CHECK(contains(page_text(r2->out.pages[1]), "B3\nB4"));
}

TEST_CASE("break-inside: avoid moves a block whole; split boxes keep their decoration", "[layout][paginate]") {
    std::string body;
    for (int i = 0; i < 15; ++i) body += "<p>line " + std::to_string(i) + "</p>";
    body += "<div class=\"keep\"><p>K1</p><p>K2</p><p>K3</p><p>K4</p><p>K5</p><p>K6</p><p>K7</p><p>K8</p></div>";
    auto r = render_doc(body, small_pages + " p { margin: 0 } .keep { break-inside: avoid; border: 2pt solid red }");
    REQUIRE(r->out.pages.size() == 2);
    CHECK_FALSE(contains(page_text(r->out.pages[0]), "K1"));

    auto split = render_doc(body, small_pages + " p { margin: 0 } .keep { border: 2pt solid red; background-color: #eee }");
    REQUIRE(split->out.pages.size() == 2);
    CHECK(contains(page_text(split->out.pages[0]), "K1"));
    CHECK(contains(page_text(split->out.pages[1]), "K8"));
    // Background on both pages; the top border only on the first, the bottom only on the second.
    CHECK(split->out.pages[0].fills.size() == 1);
    CHECK(split->out.pages[1].fills.size() == 1);
    auto horizontal = [](const Page& p) {
        return std::count_if(p.lines.begin(), p.lines.end(), [](const layout::Line& l) { return l.y1 == l.y2; });
    };
    CHECK(horizontal(split->out.pages[0]) == 1);
    CHECK(horizontal(split->out.pages[1]) == 1);
    CHECK(split->out.pages[1].fills[0].y == Approx(20));  // continues from the content top
}

TEST_CASE("inline-blocks sit in the line, shrink-wrapped, with their borders", "[layout][block]") {
    auto r = render_doc("<p>Status: <span class=\"ib\">Green</span> and <span class=\"ib\">Amber</span> today.</p>",
                        small_pages + " .ib { display: inline-block; border: 1pt solid blue; padding: 2pt }");
    const Page& page = r->out.pages.at(0);
    const std::string text = page_text(page);
    CHECK_FALSE(contains(text, "\n"));  // one line
    CHECK(contains(text, "Green"));
    CHECK(contains(text, "Amber"));
    const auto& runs = page.runs;
    auto green = std::find_if(runs.begin(), runs.end(), [](auto& g) { return g.text == "Green"; });
    auto status = std::find_if(runs.begin(), runs.end(), [](auto& g) { return g.text.rfind("Status", 0) == 0; });
    REQUIRE(green != runs.end());
    REQUIRE(status != runs.end());
    CHECK(green->baseline == Approx(status->baseline).margin(3));
    CHECK(page.lines.size() == 8);  // four borders for each box
    for (const auto& l : page.lines) CHECK(std::max(l.x1, l.x2) < 200);  // shrink-wrapped, not full width
}

TEST_CASE("margins collapse between siblings and through parents", "[layout][block]") {
    auto r = render_doc("<p class=\"a\">A</p><div class=\"d\"><p class=\"b\">B</p></div>",
                        small_pages + " p { margin: 0 } .a { margin-bottom: 20pt } .d { margin-top: 10pt } .b { margin-top: 30pt }");
    const auto& runs = r->out.pages.at(0).runs;
    REQUIRE(runs.size() == 2);
    // max(20, 10, 30) = 30pt between the line boxes (12pt tall).
    CHECK(runs[1].baseline - runs[0].baseline == Approx(42).margin(0.01));
}

TEST_CASE("a box ends above a last child's margin that collapses through its bottom", "[layout][block]") {
    auto r = render_doc("<div class=\"bg\"><p class=\"m\">A</p></div><p>B</p>",
                        small_pages + " p { margin: 0 } .m { margin-bottom: 20pt } .bg { background-color: #ccc }");
    const Page& page = r->out.pages.at(0);
    REQUIRE(page.fills.size() == 1);
    CHECK(page.fills[0].height == Approx(12));  // the line only, not the 20pt margin
    REQUIRE(page.runs.size() == 2);
    CHECK(page.runs[1].baseline - page.runs[0].baseline == Approx(32).margin(0.01));
}

TEST_CASE("top margins are kept on page 1 and after a forced break, truncated after an unforced one", "[layout][paginate]") {
    // CSS Fragmentation §5.2. The first baseline of a page with no margin above it:
    auto plain = render_doc("<p>Cover</p>", small_pages);
    REQUIRE(plain->out.pages.at(0).runs.size() == 1);
    const double top = plain->out.pages[0].runs[0].baseline;  // page margin 20pt + ascent

    // Page 1: a first child's 30pt collapses through body (margin 0) and a div and is kept.
    // Page 2 (forced break): the section's 25pt and the h1's 20pt collapse to 25pt, kept;
    // the cover's 40pt bottom margin is before the break and truncated.
    auto r = render_doc("<div><p class=\"c\">Cover</p></div><section><h1>Second</h1><p>after</p></section>",
                        small_pages + " .c { margin: 30pt 0 40pt 0 } section { margin-top: 25pt }"
                                      " h1 { break-before: page; margin: 20pt 0 0 0; font: 10pt/12pt 'Liberation Sans' }");
    REQUIRE(r->out.pages.size() == 2);
    REQUIRE(r->out.pages[0].runs.size() == 1);
    CHECK(r->out.pages[0].runs[0].text == "Cover");
    CHECK(r->out.pages[0].runs[0].baseline == Approx(top + 30).margin(0.01));
    REQUIRE_FALSE(r->out.pages[1].runs.empty());
    CHECK(r->out.pages[1].runs[0].text == "Second");
    CHECK(r->out.pages[1].runs[0].baseline == Approx(top + 25).margin(0.01));
    // The anchor/bookmark of the h1 is on page 2 as well.
    REQUIRE(r->out.bookmarks.size() == 1);
    CHECK(r->out.bookmarks[0].page == 1);

    // The same with break-before: right (page 2 is a blank left page) and a page-name change.
    auto right = render_doc("<p class=\"c\">Cover</p><h1>Second</h1>",
                            small_pages + " .c { margin-top: 30pt } h1 { break-before: right; margin: 20pt 0 0 0;"
                                          " font: 10pt/12pt 'Liberation Sans' }");
    REQUIRE(right->out.pages.size() == 3);
    CHECK(right->out.pages[1].blank);
    REQUIRE(right->out.pages[2].runs.size() == 1);
    CHECK(right->out.pages[2].runs[0].baseline == Approx(top + 20).margin(0.01));
    auto named = render_doc("<p>one</p><div class=\"w\"><p class=\"c\">two</p></div>",
                            small_pages + " .w { page: wide } .c { margin-top: 30pt } @page wide { size: 400pt 300pt }");
    REQUIRE(named->out.pages.size() == 2);
    REQUIRE(named->out.pages[1].runs.size() == 1);
    CHECK(named->out.pages[1].runs[0].baseline == Approx(top + 30).margin(0.01));

    // Unforced breaks truncate: every paragraph has a 10pt top margin, but the first line
    // of each following page sits at the top of the content area.
    std::string body;
    for (int i = 0; i < 40; ++i) body += "<p>line " + std::to_string(i) + "</p>";
    auto flow = render_doc(body, small_pages + " p { margin: 10pt 0 0 0 }");
    REQUIRE(flow->out.pages.size() >= 2);
    CHECK(flow->out.pages[0].runs.at(0).baseline == Approx(top + 10).margin(0.01));  // page 1 keeps it
    for (std::size_t i = 1; i < flow->out.pages.size(); ++i) {
        double first = 1e9;
        for (const auto& run : flow->out.pages[i].runs) first = std::min(first, run.baseline);
        CHECK(first == Approx(top).margin(0.01));
    }
}

TEST_CASE("running strings, page counters and target-counter page references", "[layout][margin]") {
    std::string body = "<p>See <a class=\"ref\" href=\"#late\">later</a>.</p>";
    for (int i = 0; i < 3; ++i) body += "<h2>Section " + std::to_string(i) + "</h2><p class=\"pb\">text</p>";
    body += "<h2 id=\"late\">Late section</h2>";
    auto r = render_doc(body,
                        small_pages + " h2 { string-set: title content(text) } .pb { break-after: page }"
                                      " a.ref::after { content: \" (page \" target-counter(attr(href), page) \")\" }"
                                      " @page { @top-left { content: string(title, first) } @top-right { content: string(title, last) }"
                                      " @bottom-center { content: \"Page \" counter(page) \" of \" counter(pages) } }");
    REQUIRE(r->out.pages.size() == 4);
    CHECK(contains(page_text(r->out.pages[0]), "See later (page 4)."));
    CHECK(contains(page_text(r->out.pages[0]), "Page 1 of 4"));
    // string(title, first) is the first assignment on the page, else the one in force.
    CHECK(contains(page_text(r->out.pages[3]), "Late section Late section"));
    CHECK(contains(page_text(r->out.pages[1]), "Section 1 Section 1"));
    REQUIRE_FALSE(r->out.anchors.empty());
    auto late = std::find_if(r->out.anchors.begin(), r->out.anchors.end(), [](auto& a) { return a.id == "late"; });
    REQUIRE(late != r->out.anchors.end());
    CHECK(late->page == 3);
}

TEST_CASE("bookmarks from h1-h4 and metadata from the head", "[layout]") {
    auto r = render_doc("<h1>One</h1><h2>Two</h2><h5>Five</h5><h4>Four</h4>", "",
                        "<title>Planning Committee</title><meta name=\"author\" content=\"Democratic Services\"/>");
    REQUIRE(r->out.bookmarks.size() == 3);
    CHECK(r->out.bookmarks[0].title == "One");
    CHECK(r->out.bookmarks[0].level == 1);
    CHECK(r->out.bookmarks[2].level == 4);
    CHECK(r->out.metadata.title == "Planning Committee");
    CHECK(r->out.metadata.author == "Democratic Services");
}

TEST_CASE("hostile input: empty body, deep nesting, huge words", "[layout][robust]") {
    auto empty = render_doc("", "");
    CHECK(empty->out.pages.size() == 1);

    std::string nested;
    for (int i = 0; i < 1000; ++i) nested += "<ul><li>level";
    for (int i = 0; i < 1000; ++i) nested += "</li></ul>";
    auto deep = render_doc(nested, "");
    CHECK_FALSE(deep->out.pages.empty());
    // Indentation stops when an inch is left: every "level" stays a whole word.
    for (const auto& page : deep->out.pages)
        for (const auto& run : page.runs)
            if (run.text.find('l') != std::string::npos) CHECK(run.text.rfind("level", 0) == 0);

    auto word = render_doc("<p>" + std::string(2000, 'x') + "</p>", small_pages);
    CHECK(word->out.pages.size() >= 1);
    for (const auto& page : word->out.pages)
        for (const auto& run : page.runs) CHECK(run.x + run.width <= page.width);
}

// Its speed is measured by bench/typeset_bench.py, not here.
TEST_CASE("a 600-page document lays out", "[layout]") {
    auto r = render_doc("<p>warm-up</p>", "");
    const std::string xhtml = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><style>@page { size: A4; margin: 20mm }"
                              " p { margin: 0 0 6pt 0; font-size: 11pt }</style></head><body>" + paragraphs(2400) + "</body></html>";
    r->doc = document::parse_string(xhtml, "speed.xhtml", QUORUM_TEST_DATA);
    r->cascade = style::Cascade();
    for (const auto& source : r->doc.style_sources()) r->cascade.add_stylesheet(source.text, "speed.xhtml");
    r->out = layout::lay_out(r->doc, r->cascade, layout_test::catalogue());
    CHECK(r->out.pages.size() > 500);
}
