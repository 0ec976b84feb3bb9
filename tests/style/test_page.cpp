#include "helpers.hpp"

#include <catch2/catch.hpp>

using namespace quorum::style;
using quorum::style::test::has_warning;

namespace {
const MarginBox& box(const PageStyle& p, MarginBoxPosition where) { return p.boxes[static_cast<std::size_t>(where)]; }
constexpr double mm = 72 / 25.4;
}  // namespace

TEST_CASE("@page defaults: A4 portrait, 72pt margins, no boxes", "[style][page]") {
    Cascade c;
    PageStyle p = c.page_style({});
    CHECK(p.width == Approx(595.276).epsilon(1e-4));
    CHECK(p.height == Approx(841.89).epsilon(1e-4));
    CHECK(p.margin_top == 72);
    CHECK(p.margin_left == 72);
    for (const MarginBox& b : p.boxes) CHECK_FALSE(b.present);
    CHECK(c.warnings().empty());
}

TEST_CASE("@page size: named sizes, orientation, explicit lengths", "[style][page]") {
    auto size_of = [](std::string_view value) {
        Cascade c;
        c.add_stylesheet("@page { size: " + std::string(value) + " }", "p.css");
        PageStyle p = c.page_style({});
        return std::pair{p.width, p.height};
    };
    CHECK(size_of("A3").first == Approx(297 * mm));
    CHECK(size_of("a5").second == Approx(210 * mm));
    CHECK(size_of("A4 landscape").first == Approx(297 * mm));
    CHECK(size_of("landscape A4").second == Approx(210 * mm));
    CHECK(size_of("landscape").first == Approx(297 * mm));  // the current size, turned
    CHECK(size_of("letter").first == Approx(612));
    CHECK(size_of("letter").second == Approx(792));
    CHECK(size_of("legal portrait").second == Approx(1008));
    CHECK(size_of("10cm 20cm").first == Approx(100 * mm));
    CHECK(size_of("10cm 20cm").second == Approx(200 * mm));
    CHECK(size_of("5in").second == Approx(360));
}

TEST_CASE("@page selectors: :first, :left, :right, :blank and named pages cascade by specificity", "[style][page]") {
    Cascade c;
    c.add_stylesheet(R"(
        @page { margin: 20mm; @bottom-center { content: counter(page) " of " counter(pages) } }
        @page :first { margin-top: 50mm; @bottom-center { content: none } }
        @page :left { margin-left: 30mm; @top-left { content: string(title) } }
        @page :right { margin-right: 30mm; @top-right { content: string(title, last); color: #666; font-size: 8pt; text-align: left } }
        @page :blank { @top-center { content: "This page is intentionally left blank" } }
        @page wide { size: A4 landscape; margin: 10mm }
        @page wide:first { margin-top: 5mm }
    )", "pages.css");
    CHECK(c.warnings().empty());

    PageStyle first = c.page_style({.name = "", .first = true, .left = false, .blank = false});
    CHECK(first.margin_top == Approx(50 * mm));
    CHECK(first.margin_bottom == Approx(20 * mm));
    CHECK(first.margin_right == Approx(30 * mm));
    CHECK_FALSE(box(first, MarginBoxPosition::BottomCenter).present);

    PageStyle left = c.page_style({.name = "", .first = false, .left = true, .blank = false});
    CHECK(left.margin_top == Approx(20 * mm));
    CHECK(left.margin_left == Approx(30 * mm));
    CHECK(left.margin_right == Approx(20 * mm));
    const MarginBox& footer = box(left, MarginBoxPosition::BottomCenter);
    REQUIRE(footer.present);
    REQUIRE(footer.content.size() == 3);
    CHECK(footer.content[0].kind == ContentItem::Kind::Counter);
    CHECK(footer.content[0].name == "page");
    CHECK(footer.content[1].text == " of ");
    CHECK(footer.content[2].name == "pages");
    CHECK(footer.style.text_align == TextAlign::Center);
    const MarginBox& top_left = box(left, MarginBoxPosition::TopLeft);
    REQUIRE(top_left.present);
    CHECK(top_left.content[0].kind == ContentItem::Kind::StringRef);
    CHECK(top_left.content[0].name == "title");
    CHECK(top_left.content[0].text == "first");
    CHECK(top_left.style.text_align == TextAlign::Left);
    CHECK_FALSE(box(left, MarginBoxPosition::TopRight).present);

    PageStyle right = c.page_style({.name = "", .first = false, .left = false, .blank = false});
    const MarginBox& top_right = box(right, MarginBoxPosition::TopRight);
    REQUIRE(top_right.present);
    CHECK(top_right.content[0].text == "last");
    CHECK(top_right.style.color == Color{0x66, 0x66, 0x66, 255});
    CHECK(top_right.style.font_size == 8);
    CHECK(top_right.style.text_align == TextAlign::Left);
    CHECK(top_right.style.vertical_align == VerticalAlign::Middle);
    CHECK_FALSE(box(right, MarginBoxPosition::TopCenter).present);

    PageStyle blank = c.page_style({.name = "", .first = false, .left = true, .blank = true});
    REQUIRE(box(blank, MarginBoxPosition::TopCenter).present);
    CHECK(box(blank, MarginBoxPosition::TopCenter).content[0].text == "This page is intentionally left blank");

    PageStyle wide = c.page_style({.name = "wide", .first = false, .left = false, .blank = false});
    CHECK(wide.width == Approx(297 * mm));
    CHECK(wide.margin_top == Approx(10 * mm));
    CHECK(wide.margin_right == Approx(10 * mm));  // the named page beats :right (specificity)
    PageStyle wide_first = c.page_style({.name = "wide", .first = true, .left = false, .blank = false});
    CHECK(wide_first.margin_top == Approx(5 * mm));
    CHECK(wide_first.margin_left == Approx(10 * mm));
}

TEST_CASE("margin boxes inherit from the page context and the root element", "[style][page]") {
    Cascade c;
    c.add_stylesheet("html { font-family: Arial; color: navy } @page { font-size: 9pt; background: #ffe;"
                     " @top-left { content: \"Barnet\"; font-weight: bold } }", "pages.css");
    auto doc = quorum::document::parse_string("<html><body/></html>", "d", ".");
    c.compute(*doc.root, nullptr);  // layout computes the root before asking for pages
    PageStyle p = c.page_style({});
    CHECK(p.background == Color{0xff, 0xff, 0xee, 255});
    const MarginBox& b = box(p, MarginBoxPosition::TopLeft);
    REQUIRE(b.present);
    CHECK(b.style.font_family == std::vector<std::string>{"Arial"});
    CHECK(b.style.color == Color{0, 0, 0x80, 255});
    CHECK(b.style.font_size == 9);
    CHECK(b.style.font_weight == 700);
}

TEST_CASE("page rules inside @media print apply, @media screen do not; bad page selectors warn", "[style][page]") {
    Cascade c;
    c.add_stylesheet("@media screen { @page { size: A3 } }\n@media print { @page { margin: 1in } }\n"
                     "@page :nth(2) { margin: 0 }\n@page { @footnote { color: red } }\n", "m.css");
    PageStyle p = c.page_style({});
    CHECK(p.width == Approx(595.276).epsilon(1e-4));
    CHECK(p.margin_top == 72);
    CHECK(has_warning(c, "m.css:3: warning: unsupported page selector ':nth()'; @page rule ignored"));
    CHECK(has_warning(c, "m.css:4: warning: unsupported margin box @footnote ignored"));
}
