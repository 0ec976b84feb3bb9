#include "helpers.hpp"
#include "style/selectors.hpp"

#include <catch2/catch.hpp>

using namespace quorum::style;
using quorum::style::test::has_warning;
using quorum::style::test::Styled;

namespace {

constexpr Color red{255, 0, 0, 255};

// Whether `selector` matches element #id in `html`.
bool selects(std::string_view html, std::string_view selector, std::string_view id) {
    Styled s(html, std::string(selector) + " { color: red }");
    return s[id].color == red;
}

std::uint32_t specificity(std::string_view selector) {
    std::string error;
    auto list = parse_selector_list(css::tokenize(selector), error);
    REQUIRE(list);
    return list->front().specificity;
}

constexpr std::uint32_t spec(std::uint32_t a, std::uint32_t b, std::uint32_t c) { return a << 20 | b << 10 | c; }

}  // namespace

TEST_CASE("simple selectors: type, class, id, universal, attributes", "[style][selectors]") {
    const char* html = R"(<p id="a" class="x y" data-k="v" lang="en-GB" title="a b c">t</p><div id="b">u</div>)";
    CHECK(selects(html, "p", "a"));
    CHECK(selects(html, "P", "a"));  // type selectors are case-insensitive in HTML
    CHECK_FALSE(selects(html, "div", "a"));
    CHECK(selects(html, ".x", "a"));
    CHECK(selects(html, ".x.y", "a"));
    CHECK_FALSE(selects(html, ".x.z", "a"));
    CHECK_FALSE(selects(html, ".X", "a"));  // classes are case-sensitive
    CHECK(selects(html, "#a", "a"));
    CHECK(selects(html, "p#a.x", "a"));
    CHECK_FALSE(selects(html, "#b", "a"));
    CHECK(selects(html, "*", "b"));
    CHECK(selects(html, "[data-k]", "a"));
    CHECK(selects(html, "[data-k=v]", "a"));
    CHECK(selects(html, "[data-k=\"v\"]", "a"));
    CHECK_FALSE(selects(html, "[data-k=w]", "a"));
    CHECK_FALSE(selects(html, "[data-k]", "b"));
    CHECK(selects(html, "[title~=b]", "a"));
    CHECK(selects(html, "[lang|=en]", "a"));
    CHECK(selects(html, "[title^=\"a \"]", "a"));
    CHECK(selects(html, "[title$=c]", "a"));
    CHECK(selects(html, "[title*=\"b c\"]", "a"));
}

TEST_CASE("combinators: descendant, child, adjacent, sibling, grouping", "[style][selectors]") {
    const char* html = R"(<div class="report"><section><p id="deep">x</p></section><p id="child">y</p>
                          <h2 id="h">h</h2><p id="after">z</p><p id="later">w</p></div><p id="out">o</p>)";
    CHECK(selects(html, ".report p", "deep"));
    CHECK(selects(html, "div p", "child"));
    CHECK(selects(html, "div > p", "child"));
    CHECK_FALSE(selects(html, "div > p", "deep"));
    CHECK(selects(html, "body div section p", "deep"));
    CHECK_FALSE(selects(html, ".report p", "out"));
    CHECK(selects(html, "h2 + p", "after"));
    CHECK_FALSE(selects(html, "h2 + p", "later"));
    CHECK(selects(html, "h2 ~ p", "later"));
    CHECK_FALSE(selects(html, "h2 ~ p", "child"));
    CHECK(selects(html, "h1, h2", "h"));
    CHECK(selects(html, "span,div>p", "child"));
    CHECK(selects(html, "div>section>p", "deep"));
}

TEST_CASE("structural pseudo-classes and nth-child formulas", "[style][selectors]") {
    std::string html = "<ul>";
    for (int i = 1; i <= 10; ++i) html += "<li id=\"i" + std::to_string(i) + "\">x</li> ";
    html += "</ul>";
    auto selected = [&](std::string_view selector) {
        Styled s(html, std::string(selector) + " { color: red }");
        std::vector<int> out;
        for (int i = 1; i <= 10; ++i)
            if (s[std::string("i").append(std::to_string(i))].color == red) out.push_back(i);
        return out;
    };
    using V = std::vector<int>;
    CHECK(selected("li:first-child") == V{1});
    CHECK(selected("li:last-child") == V{10});
    CHECK(selected("li:nth-child(odd)") == V{1, 3, 5, 7, 9});
    CHECK(selected("li:nth-child(even)") == V{2, 4, 6, 8, 10});
    CHECK(selected("li:nth-child(3)") == V{3});
    CHECK(selected("li:nth-child(3n)") == V{3, 6, 9});
    CHECK(selected("li:nth-child(3n+1)") == V{1, 4, 7, 10});
    CHECK(selected("li:nth-child(2n + 1)") == V{1, 3, 5, 7, 9});
    CHECK(selected("li:nth-child(-n+3)") == V{1, 2, 3});
    CHECK(selected("li:nth-child(n+8)") == V{8, 9, 10});
    CHECK(selected("li:nth-child(4n-1)") == V{3, 7});
    CHECK(selected("li:nth-child(-2n+5)") == V{1, 3, 5});
    CHECK(selected("li:nth-child(0n+2)") == V{2});
    CHECK(selected("li:nth-last-child(2)") == V{9});
    CHECK(selected("li:first-child + li") == V{2});

    CHECK(parse_nth("odd")->a == 2);
    CHECK_FALSE(parse_nth("2n+"));
    CHECK_FALSE(parse_nth("n-n"));
    CHECK_FALSE(parse_nth("x"));
}

TEST_CASE(":root, :empty, :only-child, :first-of-type, :last-of-type, :not()", "[style][selectors]") {
    const char* html = R"(<div id="d"><h2 id="h">a</h2><p id="p1" class="x">b</p><p id="p2">c</p><span id="s"></span></div>
                          <ul><li id="only">x</li></ul>)";
    CHECK(selects(html, ":root body div", "d"));
    CHECK_FALSE(selects(html, "div:root", "d"));
    CHECK(selects(html, "span:empty", "s"));
    CHECK_FALSE(selects(html, "p:empty", "p1"));
    CHECK(selects(html, "li:only-child", "only"));
    CHECK_FALSE(selects(html, "p:only-child", "p1"));
    CHECK(selects(html, "p:first-of-type", "p1"));
    CHECK_FALSE(selects(html, "p:first-of-type", "p2"));
    CHECK(selects(html, "p:last-of-type", "p2"));
    CHECK_FALSE(selects(html, "p:last-of-type", "p1"));
    CHECK(selects(html, "p:not(.x)", "p2"));
    CHECK_FALSE(selects(html, "p:not(.x)", "p1"));
    CHECK(selects(html, "div :not(p):not(span)", "h"));
    CHECK(specificity("p:not(#a.b)") == spec(1, 1, 1));
    CHECK(specificity(":root") == spec(0, 1, 0));
}

TEST_CASE("links are unvisited on paper; interactive states never match but keep the rule", "[style][selectors]") {
    const char* html = R"(<a id="a" href="x">x</a><a id="n" name="n">y</a><p id="p">z</p>)";
    CHECK(selects(html, "a:link", "a"));
    CHECK_FALSE(selects(html, "a:link", "n"));
    CHECK_FALSE(selects(html, "a:visited", "a"));
    CHECK(selects(html, "a:hover, p", "p"));
    Styled s(html, "a:hover, a:focus { color: red }");
    CHECK(s.cascade.warnings().empty());
}

TEST_CASE("specificity is (ids, classes+attributes+pseudo-classes, types+pseudo-elements)", "[style][selectors]") {
    CHECK(specificity("*") == spec(0, 0, 0));
    CHECK(specificity("li") == spec(0, 0, 1));
    CHECK(specificity("ul li") == spec(0, 0, 2));
    CHECK(specificity("ul ol+li") == spec(0, 0, 3));
    CHECK(specificity("h1 + *[rel=up]") == spec(0, 1, 1));
    CHECK(specificity("ul ol li.red") == spec(0, 1, 3));
    CHECK(specificity("li.red.level") == spec(0, 2, 1));
    CHECK(specificity("#x34y") == spec(1, 0, 0));
    CHECK(specificity("li:first-child") == spec(0, 1, 1));
    CHECK(specificity("p::before") == spec(0, 0, 2));
}

TEST_CASE("unsupported selectors skip the rule with one warning naming the line", "[style][selectors]") {
    Styled s(R"(<a id="a" href="x">x</a><p id="p">y</p>)",
             "p { color: blue }\n"
             "a:hover, p:lang(en) { color: red }\n"
             "p:not(div p) { color: green }\n"
             "p::first-line { color: yellow }\n"
             "p:lang(fr) { color: red }\n"
             "p > > p { color: red }\n"
             "p { text-align: right }\n");
    CHECK(s["p"].color == Color{0, 0, 255, 255});  // the whole list is dropped, not just a:hover
    CHECK(s["p"].text_align == TextAlign::Right);
    CHECK(has_warning(s.cascade, "test.css:2: warning: unsupported selector ':lang()'; rule ignored"));
    CHECK(has_warning(s.cascade, "test.css:3: warning: unsupported selector ':not()' with a list or combinator; rule ignored"));
    CHECK(has_warning(s.cascade, "test.css:4: warning: unsupported selector '::first-line'; rule ignored"));
    CHECK(has_warning(s.cascade, "test.css:6:"));
    int langs = 0;
    for (const auto& w : s.cascade.warnings()) langs += w.find(":lang()") != std::string::npos;
    CHECK(langs == 1);
}

TEST_CASE("descendant matching stays fast on deep trees", "[style][selectors]") {
    // "x y div" where x never matches: a naive matcher backtracks through every ancestor pair.
    std::string html;
    for (int i = 0; i < 800; ++i) html += "<div class=\"y\">";
    html += "<p id=\"leaf\">x</p>";
    for (int i = 0; i < 800; ++i) html += "</div>";
    Styled s(html, "x .y .y div { color: red } .y p { color: blue }");
    // Compute down the whole chain (800 levels, each testing the selector).
    CHECK(s["leaf"].color == Color{0, 0, 255, 255});
}
