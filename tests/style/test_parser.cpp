#include "helpers.hpp"
#include "style/colors.hpp"
#include "style/css_parser.hpp"

#include <catch2/catch.hpp>

#include <unordered_set>

using namespace quorum::style;
using quorum::style::test::has_warning;
using quorum::style::test::Styled;

namespace {

struct Parsed {
    std::vector<std::string> warnings;
    std::unordered_set<std::string> seen;
    css::Stylesheet sheet;
    explicit Parsed(std::string_view text) {
        Diagnostics d(warnings, seen, "x.css");
        sheet = css::parse_stylesheet(text, d);
    }
};

std::vector<std::string> declaration_names(const css::StyleRule& rule) {
    std::vector<std::string> out;
    for (const auto& d : rule.declarations) out.push_back(d.name);
    return out;
}

using Names = std::vector<std::string>;

}  // namespace

TEST_CASE("parser: rules, declarations, !important", "[style][parser]") {
    Parsed p("h1, h2 { color: red; MARGIN : 0 ! important ; }\n\np{}");
    REQUIRE(p.sheet.rules.size() == 2);
    CHECK(declaration_names(p.sheet.rules[0]) == Names{"color", "margin"});
    CHECK_FALSE(p.sheet.rules[0].declarations[0].important);
    CHECK(p.sheet.rules[0].declarations[1].important);
    CHECK(p.sheet.rules[0].declarations[1].value.size() == 1);
    CHECK(p.sheet.rules[1].line == 3);
    CHECK(p.warnings.empty());
}

TEST_CASE("parser: error recovery per CSS Syntax", "[style][parser]") {
    // A declaration without a colon, stray tokens, a block inside a value and an
    // unbalanced bracket each drop only themselves.
    Parsed p("p { color red; margin: 1pt; @foo; 12px; padding: {a;b}; width: 5pt }\n"
             "a { x: [;] ; y: 1 }\n"
             "} stray { }\n"
             "q { z: 2 }\n");
    REQUIRE(p.sheet.rules.size() >= 3);
    CHECK(declaration_names(p.sheet.rules[0]) == Names{"margin", "padding", "width"});
    CHECK(declaration_names(p.sheet.rules[1]) == Names{"x", "y"});
    CHECK(declaration_names(p.sheet.rules.back()) == Names{"z"});
    CHECK_FALSE(p.warnings.empty());

    Parsed unterminated("p { color: red; margin: 1pt");
    REQUIRE(unterminated.sheet.rules.size() == 1);
    CHECK(declaration_names(unterminated.sheet.rules[0]) == Names{"color", "margin"});

    Parsed no_block("p, q");
    CHECK(no_block.sheet.rules.empty());
    CHECK(no_block.warnings.size() == 1);
}

TEST_CASE("parser: @media print/all applied, screen skipped, other at-rules warned", "[style][parser]") {
    Parsed p("@charset \"utf-8\";\n@import url(x.css);\n@media screen { a { x: 1 } }\n"
             "@media print { b { x: 2 } }\n@media all and (min-width: 1px) { c { x: 3 } }\n"
             "@media screen, print { d { x: 4 } }\n@font-face { font-family: X }\n@media only print { e { x: 5 } } f { x: 6 }");
    std::vector<std::string> selectors;
    for (const auto& r : p.sheet.rules) selectors.push_back(r.prelude.front().value);
    CHECK(selectors == Names{"b", "c", "d", "e", "f"});
    REQUIRE(p.warnings.size() == 2);
    CHECK(p.warnings[0] == "x.css:2: warning: unsupported at-rule @import ignored");
    CHECK(p.warnings[1] == "x.css:7: warning: unsupported at-rule @font-face ignored");
}

TEST_CASE("parser: broken CSS in a real cascade keeps the good parts", "[style][parser]") {
    Styled s(R"(<p id="p">x</p><h1 id="h">y</h1>)",
             "p { color: red; ;; margin-top: 3pt !important; color: rgb(1,2); font-size: 20pt }\n"
             "h1 { color: #12345 } h1 { font-size: 10pt\n");
    CHECK(s["p"].color == Color{255, 0, 0, 255});
    CHECK(s["p"].margin_top.value == 3);
    CHECK(s["p"].font_size == 20);
    CHECK(s["h"].font_size == 10);
    CHECK(s["h"].color == Color{0, 0, 0, 255});
}

TEST_CASE("style sheets from <style> elements keep document line numbers", "[style][parser]") {
    Cascade c;
    c.add_stylesheet("\n\np { colr: red }", "agenda.xhtml", 40);
    CHECK(has_warning(c, "agenda.xhtml:42: warning: unknown property 'colr' ignored"));
}

TEST_CASE("the named colour table is complete and sorted", "[style][parser]") {
    CHECK(named_colors_sorted());
    CHECK(named_color_count() == 148);
    CHECK(named_color("grey") == named_color("gray"));
    CHECK(named_color("navy") == Color{0, 0, 128, 255});
    CHECK_FALSE(named_color("Navy"));  // the caller lower-cases
}

TEST_CASE("hostile CSS never crashes or hangs", "[style][parser]") {
    std::string deep(20000, '(');
    std::string media;
    for (int i = 0; i < 5000; ++i) media += "@media print{";
    std::string braces(20000, '{');
    for (std::string_view css : {std::string_view(deep), std::string_view(media), std::string_view(braces),
                                 std::string_view("p{content:counter(a,b,c,d,e)}"), std::string_view("@page{@top-left{")}) {
        Cascade c;
        c.add_stylesheet(css, "nasty.css");
        auto doc = quorum::document::parse_string("<p>x</p>", "d", ".");
        CHECK(c.compute(*doc.root, nullptr).display == Display::Block);
        c.page_style({});
    }
}
