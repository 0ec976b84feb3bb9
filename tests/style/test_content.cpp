#include "helpers.hpp"

#include <catch2/catch.hpp>

using namespace quorum::style;
using quorum::style::test::has_warning;
using quorum::style::test::Styled;
using Kind = ContentItem::Kind;

namespace {
std::optional<ComputedStyle> pseudo(const Styled& s, std::string_view id, PseudoElement which) {
    return s.cascade.compute_pseudo(s.node(id), which, s[id]);
}
}  // namespace

TEST_CASE("::before/::after with strings, attr(), counters and target-counter()", "[style][content]") {
    Styled s(R"(<ol class="toc"><li id="li"><a id="a" href="#item3">Item</a></li></ol><p id="p">x</p><q id="q">q</q>)",
             "li::before { content: counter(item) \". \"; font-weight: bold }"
             "li:before { counter-increment: none }"
             "a::after { content: \" \\2026 page \" target-counter(attr(href), page) }"
             "p::before { content: counters(section, \".\", upper-roman) \" \" attr(ID) }"
             "p::after { content: none }");
    auto before = pseudo(s, "li", PseudoElement::Before);
    REQUIRE(before);
    REQUIRE(before->content.size() == 2);
    CHECK(before->content[0].kind == Kind::Counter);
    CHECK(before->content[0].name == "item");
    CHECK(before->content[0].counter_style == ListStyleType::Decimal);
    CHECK(before->content[1].text == ". ");
    CHECK(before->font_weight == 700);
    CHECK(before->display == Display::Inline);

    auto after = pseudo(s, "a", PseudoElement::After);
    REQUIRE(after);
    REQUIRE(after->content.size() == 2);
    CHECK(after->content[0].text == " \u2026page ");
    CHECK(after->content[1].kind == Kind::TargetCounter);
    CHECK(after->content[1].text == "href");
    CHECK(after->content[1].name == "page");
    CHECK(after->color == Color{0, 0, 0xee, 255});  // inherits the link's colour

    auto p_before = pseudo(s, "p", PseudoElement::Before);
    REQUIRE(p_before);
    REQUIRE(p_before->content.size() == 3);
    CHECK(p_before->content[0].kind == Kind::Counters);
    CHECK(p_before->content[0].text == ".");
    CHECK(p_before->content[0].counter_style == ListStyleType::UpperRoman);
    CHECK(p_before->content[2].kind == Kind::Attr);
    CHECK(p_before->content[2].name == "id");

    CHECK_FALSE(pseudo(s, "p", PseudoElement::After));
    CHECK_FALSE(pseudo(s, "a", PseudoElement::Before));
    CHECK_FALSE(pseudo(s, "li", PseudoElement::Marker));

    auto q = pseudo(s, "q", PseudoElement::Before);
    REQUIRE(q);
    CHECK(q->content[0].kind == Kind::OpenQuote);
    CHECK(s.cascade.warnings().empty());
}

TEST_CASE("string-set and string() for running headers", "[style][content]") {
    Styled s(R"(<h1 id="h">Minutes</h1>)",
             "h1 { string-set: title content(), chapter \"Item \" counter(item) }"
             "@page { @top-right { content: string(title, first-except) } }");
    ComputedStyle h = s["h"];
    REQUIRE(h.string_set.size() == 2);
    CHECK(h.string_set[0].value[0].kind == Kind::ContentText);
    CHECK(h.string_set[1].name == "chapter");
    REQUIRE(h.string_set[1].value.size() == 2);
    CHECK(h.string_set[1].value[1].kind == Kind::Counter);
    PageStyle page = s.cascade.page_style({});
    const MarginBox& b = page.boxes[static_cast<std::size_t>(MarginBoxPosition::TopRight)];
    REQUIRE(b.present);
    CHECK(b.content[0].text == "first-except");
}

TEST_CASE("invalid content values are dropped with a warning", "[style][content]") {
    Styled s(R"(<p id="p">x</p>)",
             "p::before { content: \"ok\" }\n"
             "p::before { content: counter() }\n"
             "p::before { content: target-counter(\"#x\", page) }\n"
             "p::before { content: string(t, middle) }\n"
             "p::before { content: url(x.png) }\n");
    auto before = pseudo(s, "p", PseudoElement::Before);
    REQUIRE(before);
    REQUIRE(before->content.size() == 1);
    CHECK(before->content[0].text == "ok");
    CHECK(has_warning(s.cascade, "test.css:2: warning: invalid value 'counter()' for 'content' ignored"));
    CHECK(has_warning(s.cascade, "test.css:3: warning: invalid value 'target-counter(\"#x\", page)' for 'content' ignored"));
    CHECK(has_warning(s.cascade, "test.css:4: warning: invalid value 'string(t, middle)' for 'content' ignored"));
    CHECK(has_warning(s.cascade, "test.css:5: warning: invalid value 'url(x.png)' for 'content' ignored"));
}
