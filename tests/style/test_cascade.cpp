#include "helpers.hpp"
#include "style/properties.hpp"

#include <catch2/catch.hpp>

using namespace quorum::style;
using quorum::style::test::has_warning;
using quorum::style::test::Styled;

TEST_CASE("specificity: id beats class beats type, later wins among equals", "[style][cascade]") {
    Styled s(R"(<p id="x" class="c">a</p><p id="y" class="c d">b</p>)",
             "#x { color: red } .c { color: green } p { color: blue }"
             ".c.d { text-align: right } p.c { text-align: center } .d { text-align: justify }");
    CHECK(s["x"].color == Color{255, 0, 0, 255});
    CHECK(s["y"].color == Color{0, 128, 0, 255});
    CHECK(s["y"].text_align == TextAlign::Right);  // (0,2,0) beats (0,1,1) and the later (0,1,0)

    Styled order(R"(<p id="x" class="a b">a</p>)", ".a { color: red } .b { color: blue }");
    CHECK(order["x"].color == Color{0, 0, 255, 255});
}

TEST_CASE("!important beats specificity and style attributes; style attributes beat rules", "[style][cascade]") {
    Styled s(R"(<p id="x" class="c" style="color: blue; text-align: right">a</p>
               <p id="y" style="color: blue !important">b</p>)",
             ".c { color: red !important } #x { text-align: center } #y { color: green !important }");
    CHECK(s["x"].color == Color{255, 0, 0, 255});
    CHECK(s["x"].text_align == TextAlign::Right);
    CHECK(s["y"].color == Color{0, 0, 255, 255});
}

TEST_CASE("author rules override the user-agent sheet", "[style][cascade]") {
    Styled s(R"(<h1 id="h">T</h1><p id="p">x</p><th id="th">h</th>)", "h1 { font-size: 20pt } p { margin: 0 }");
    CHECK(s["h"].font_size == Approx(20));
    CHECK(s["h"].font_weight == 700);
    CHECK(s["h"].break_after == Break::Avoid);
    CHECK(s["p"].margin_top.value == 0);
    CHECK(s.cascade.warnings().empty());
}

TEST_CASE("user-agent defaults follow HTML", "[style][cascade]") {
    Styled s(R"(<h1 id="h1">a</h1><h2 id="h2">b</h2><p id="p">c</p><ul id="ul"><li id="li">x</li></ul>
               <ol id="ol"><li>y</li></ol><table id="t"><tr id="tr"><th id="th" colspan="3" rowspan="2">h</th>
               <td id="td" colspan="0">d</td></tr></table><b id="b">b</b><i id="i">i</i><sub id="sub">2</sub>
               <sup id="sup">2</sup><pre id="pre">x</pre><hr id="hr"/><span id="span">s</span>
               <blockquote id="bq">q</blockquote><unknown id="unk">u</unknown><u id="u">u</u><s id="s">s</s>)",
             "");
    CHECK(s["h1"].font_size == Approx(24));
    CHECK(s["h1"].margin_top.value == Approx(0.67 * 24));
    CHECK(s["h2"].font_size == Approx(18));
    CHECK(s["p"].display == Display::Block);
    CHECK(s["p"].margin_top.value == Approx(12));
    CHECK(s["p"].margin_left.value == 0);
    CHECK(s["ul"].padding_left.value == Approx(30));
    CHECK(s["ul"].list_style_type == ListStyleType::Disc);
    CHECK(s["li"].display == Display::ListItem);
    CHECK(s["ol"].list_style_type == ListStyleType::Decimal);
    CHECK(s["t"].display == Display::Table);
    CHECK(s["t"].border_spacing_h == Approx(1.5));
    CHECK(s["tr"].display == Display::TableRow);
    CHECK(s["th"].display == Display::TableCell);
    CHECK(s["th"].font_weight == 700);
    CHECK(s["th"].text_align == TextAlign::Center);
    CHECK(s["th"].column_span == 3);
    CHECK(s["th"].row_span == 2);
    CHECK(s["td"].column_span == 1);
    CHECK(s["b"].font_weight == 700);
    CHECK(s["i"].font_style == FontStyle::Italic);
    CHECK(s["sub"].vertical_align == VerticalAlign::Sub);
    CHECK(s["sub"].font_size == Approx(10));
    CHECK(s["sup"].vertical_align == VerticalAlign::Super);
    CHECK(s["pre"].white_space == WhiteSpace::Pre);
    CHECK(s["pre"].font_family == std::vector<std::string>{"monospace"});
    CHECK(s["hr"].border_top.visible());
    CHECK(s["hr"].border_top.width == Approx(0.75));
    CHECK(s["hr"].border_top.color == Color{128, 128, 128, 255});
    CHECK(s["span"].display == Display::Inline);
    CHECK(s["bq"].margin_left.value == Approx(30));
    CHECK(s["unk"].display == Display::Inline);
    CHECK(s["u"].underline);
    CHECK(s["s"].line_through);
    CHECK(s["tr"].vertical_align == VerticalAlign::Middle);  // table > tr, as browsers do without a tbody
    CHECK(s["th"].vertical_align == VerticalAlign::Middle);
    CHECK(s["th"].border_top.color == Color{128, 128, 128, 255});
    CHECK_FALSE(s["th"].border_top.visible());

    auto with_head = quorum::document::parse_string("<html><head><title>t</title></head><body/></html>", "h", ".");
    REQUIRE(with_head.head());
    CHECK(s.cascade.compute(*with_head.head(), nullptr).display == Display::None);
}

TEST_CASE("inheritance: inherited properties pass down, others do not", "[style][cascade]") {
    Styled s(R"(<div id="d"><p id="p"><span id="s">x</span></p></div>)",
             "div { color: #336699; font-family: Arial, sans-serif; margin: 10pt; border: 1pt solid red;"
             "      text-align: justify; line-height: 1.5; background-color: yellow; hyphens: auto }"
             "p { font-size: 10pt }");
    ComputedStyle span = s["s"];
    CHECK(span.color == Color{0x33, 0x66, 0x99, 255});
    CHECK(span.font_family == std::vector<std::string>{"Arial", "sans-serif"});
    CHECK(span.text_align == TextAlign::Justify);
    CHECK(span.hyphens == Hyphens::Auto);
    REQUIRE(span.line_height_factor);
    CHECK(*span.line_height_factor == Approx(1.5));
    CHECK(span.line_height() == Approx(15));  // factor inherits, so it scales with the span's 10pt
    CHECK(span.margin_top.value == 0);
    CHECK_FALSE(span.border_top.visible());
    CHECK(span.background_color.transparent());
}

TEST_CASE("author borders on cells: gray by default, currentColor through the shorthand", "[style][cascade]") {
    Styled s(R"(<table style="color: navy"><tr><td id="a">a</td><td id="b">b</td></tr></table><h1 id="h">x</h1>)",
             "#a { border-style: solid; border-width: 1pt } #b { border: 1pt solid } body { hyphens: auto }");
    CHECK(s["a"].border_top.color == Color{128, 128, 128, 255});
    CHECK(s["b"].border_top.color == Color{0, 0, 128, 255});
    CHECK(s["h"].hyphens == Hyphens::Manual);  // headings are never hyphenated
}

TEST_CASE("inherit and initial keywords", "[style][cascade]") {
    Styled s(R"(<div id="d"><p id="p">x</p><p id="q">y</p></div>)",
             "div { margin-left: 20pt; color: red; border-top: 2pt solid blue }"
             "#p { margin-left: inherit; color: initial; border-top: inherit }"
             "#q { margin: inherit }");
    CHECK(s["p"].margin_left.value == Approx(20));
    CHECK(s["p"].color == Color{0, 0, 0, 255});
    CHECK(s["p"].border_top.width == Approx(2));
    CHECK(s["p"].border_top.color == Color{0, 0, 255, 255});
    CHECK(s["q"].margin_left.value == Approx(20));
    CHECK(s["q"].margin_top.value == 0);  // `margin: inherit` takes all four sides from <div>, not p's 1em
}

TEST_CASE("units: pt px mm cm in pc em rem % and unitless line-height", "[style][cascade]") {
    Styled s(R"(<div id="d"><p id="p">x</p></div>)",
             "html { font-size: 10pt } div { font-size: 2em }"
             "p { margin-top: 16px; margin-right: 10mm; margin-bottom: 1cm; margin-left: 1in;"
             "    padding-top: 1pc; padding-right: 2em; padding-bottom: 1.5rem; padding-left: 50%;"
             "    text-indent: 3pt; line-height: 120%; width: 80%; max-width: none; min-width: 5pt }");
    ComputedStyle p = s["p"];
    CHECK(p.font_size == Approx(20));
    CHECK(p.margin_top.value == Approx(12));
    CHECK(p.margin_right.value == Approx(28.3465).epsilon(1e-3));
    CHECK(p.margin_bottom.value == Approx(28.3465).epsilon(1e-3));
    CHECK(p.margin_left.value == Approx(72));
    CHECK(p.padding_top.value == Approx(12));
    CHECK(p.padding_right.value == Approx(40));
    CHECK(p.padding_bottom.value == Approx(15));  // rem: the root's 10pt
    CHECK(p.padding_left.unit == Length::Unit::Percent);
    CHECK(p.padding_left.resolve(200) == Approx(100));
    CHECK(p.text_indent == Approx(3));
    REQUIRE(p.line_height_pt);
    CHECK(*p.line_height_pt == Approx(24));
    CHECK(p.width.unit == Length::Unit::Percent);
    CHECK(p.max_width.is_auto());
    CHECK(p.min_width.value == Approx(5));
}

TEST_CASE("font-size keywords, percentages, larger/smaller; font-weight values", "[style][cascade]") {
    Styled s(R"(<div id="d"><span id="a">a</span><span id="b">b</span><span id="c">c</span>
               <b id="e"><span id="f">f</span></b><span id="g">g</span><span id="h">h</span></div>)",
             "div { font-size: small; font-weight: 300 } #a { font-size: 150% } #b { font-size: larger }"
             "#c { font-size: xx-large; font-weight: bolder } #f { font-weight: lighter } #g { font-weight: 650 }"
             "#h { font-weight: normal }");
    CHECK(s["d"].font_size == Approx(9.75));
    CHECK(s["a"].font_size == Approx(9.75 * 1.5));
    CHECK(s["b"].font_size == Approx(9.75 * 1.2));
    CHECK(s["c"].font_size == Approx(24));
    CHECK(s["c"].font_weight == 400);
    CHECK(s["e"].font_weight == 700);
    CHECK(s["f"].font_weight == 400);
    CHECK(s["g"].font_weight == 700);
    CHECK(s["h"].font_weight == 400);
}

TEST_CASE("colours: hex, rgb(), rgba(), names, transparent, currentColor", "[style][cascade]") {
    Styled s(R"(<p id="a">a</p><p id="b">b</p><p id="c">c</p><p id="d">d</p><p id="e">e</p>)",
             "#a { color: #f80; background-color: #00000000 } #b { color: rgb(10, 20, 300) }"
             "#c { color: rgba(1, 2, 3, 0.5); border: 1pt solid } #d { color: RebeccaPurple; border-left: 1pt solid currentColor }"
             "#e { color: rgb(100% 0% 0%) ; background-color: LightGoldenRodYellow }");
    CHECK(s["a"].color == Color{255, 136, 0, 255});
    CHECK(s["a"].background_color.transparent());
    CHECK(s["b"].color == Color{10, 20, 255, 255});
    CHECK(s["c"].color == Color{1, 2, 3, 128});
    CHECK(s["c"].border_top.color == Color{1, 2, 3, 128});
    CHECK(s["d"].color == Color{0x66, 0x33, 0x99, 255});
    CHECK(s["d"].border_left.color == Color{0x66, 0x33, 0x99, 255});
    CHECK(s["e"].color == Color{255, 0, 0, 255});
    CHECK(s["e"].background_color == Color{0xfa, 0xfa, 0xd2, 255});
    CHECK(parse_color("#abcd") == Color{0xaa, 0xbb, 0xcc, 0xdd});
    CHECK_FALSE(parse_color("#abcde"));
    CHECK_FALSE(parse_color("notacolour"));
}

TEST_CASE("shorthands expand: margin, padding, border, font, list-style, background, page-break", "[style][cascade]") {
    Styled s(R"(<p id="a">a</p><p id="b">b</p><ul id="c"><li>c</li></ul><p id="d">d</p><h2 id="e">e</h2>)",
             "#a { margin: 1pt 2pt 3pt; padding: 4pt 5pt; border: 2px dashed #00f; border-right: none }"
             "#b { font: italic bold 14pt/1.4 \"Liberation Sans\", Arial; margin: auto; border-width: 1pt 2pt 3pt 4pt;"
             "     border-style: solid dotted; border-color: red green blue yellow; background: #eee }"
             "#c { list-style: upper-roman inside } #d { page-break-before: always; page-break-after: avoid;"
             "     page-break-inside: avoid; list-style: none; font: 8pt monospace }"
             "#e { break-before: right; break-after: page; break-inside: auto }");
    ComputedStyle a = s["a"];
    CHECK(a.margin_top.value == 1);
    CHECK(a.margin_right.value == 2);
    CHECK(a.margin_bottom.value == 3);
    CHECK(a.margin_left.value == 2);
    CHECK(a.padding_top.value == 4);
    CHECK(a.padding_left.value == 5);
    CHECK(a.border_top.style == BorderStyle::Dashed);
    CHECK(a.border_top.width == Approx(1.5));
    CHECK(a.border_top.color == Color{0, 0, 255, 255});
    CHECK_FALSE(a.border_right.visible());
    CHECK(a.border_right.width == 0);

    ComputedStyle b = s["b"];
    CHECK(b.font_style == FontStyle::Italic);
    CHECK(b.font_weight == 700);
    CHECK(b.font_size == 14);
    REQUIRE(b.line_height_factor);
    CHECK(*b.line_height_factor == Approx(1.4));
    CHECK(b.font_family == std::vector<std::string>{"Liberation Sans", "Arial"});
    CHECK(b.margin_left.is_auto());
    CHECK(b.border_left.width == 4);
    CHECK(b.border_right.style == BorderStyle::Dotted);
    CHECK(b.border_bottom.style == BorderStyle::Solid);
    CHECK(b.border_left.color == Color{255, 255, 0, 255});
    CHECK(b.background_color == Color{0xee, 0xee, 0xee, 255});

    CHECK(s["c"].list_style_type == ListStyleType::UpperRoman);
    CHECK(s["c"].list_style_position == ListStylePosition::Inside);

    ComputedStyle d = s["d"];
    CHECK(d.break_before == Break::Page);
    CHECK(d.break_after == Break::Avoid);
    CHECK(d.break_inside == BreakInside::Avoid);
    CHECK(d.list_style_type == ListStyleType::None);
    CHECK(d.font_size == 8);
    CHECK(d.font_weight == 400);  // font resets what it does not mention
    CHECK_FALSE(d.line_height_factor);

    CHECK(s["e"].break_before == Break::Right);
    CHECK(s["e"].break_after == Break::Page);
}

TEST_CASE("text-decoration propagates to descendants but not through inline-blocks", "[style][cascade]") {
    Styled s(R"(<p id="p"><span id="a">a<em id="b">b</em></span><span id="c">c</span></p>
               <u><a id="d">d</a><span id="ib">e</span></u>)",
             "#p { text-decoration: underline } #c { text-decoration: none } #b { text-decoration: line-through }"
             "#ib { display: inline-block }");
    CHECK(s["a"].underline);
    CHECK(s["b"].underline);
    CHECK(s["b"].line_through);
    CHECK(s["c"].underline);  // "none" cannot remove an ancestor's decoration
    CHECK(s["d"].underline);
    CHECK_FALSE(s["ib"].underline);
}

TEST_CASE("presentational attributes: colspan, col span, img size, ol type, lang", "[style][cascade]") {
    Styled s(R"(<table><colgroup><col id="col" span="3" width="100"/></colgroup>
               <tr><td id="td" colspan="2" rowspan="4">x</td><td id="big" colspan="99999">y</td></tr></table>
               <img id="img" src="a.png" width="200" height="50%"/><img id="styled" src="a.png" width="200"/>
               <ol id="ol" type="a"><li id="li">x</li></ol><ol id="ol2" type="I" class="dec"><li>y</li></ol>
               <div lang="cy"><p id="welsh">x</p></div>)",
             "#styled { width: 10pt } .dec { list-style-type: decimal }");
    CHECK(s["col"].column_span == 3);
    CHECK(s["col"].width.value == Approx(75));
    CHECK(s["td"].column_span == 2);
    CHECK(s["td"].row_span == 4);
    CHECK(s["big"].column_span == 1000);
    CHECK(s["img"].width.value == Approx(150));
    CHECK(s["img"].height.unit == Length::Unit::Percent);
    CHECK(s["styled"].width.value == Approx(10));
    CHECK(s["ol"].list_style_type == ListStyleType::LowerAlpha);
    CHECK(s["li"].list_style_type == ListStyleType::LowerAlpha);
    CHECK(s["ol2"].list_style_type == ListStyleType::Decimal);
    CHECK(s["welsh"].lang == "cy");
}

TEST_CASE("legacy align, valign and bgcolor attributes act as hints below author rules", "[style][cascade]") {
    Styled s(R"(<table><tr valign="top"><th id="th" align="left">h</th><td id="td" align="RIGHT" bgcolor="#ffc000">1</td>
               <td id="styled" align="right" class="c" bgcolor="red">2</td></tr></table><p id="p" align="center">x</p>)",
             ".c { text-align: left; background-color: blue }");
    CHECK(s["th"].text_align == TextAlign::Left);  // beats the user-agent's centred th
    CHECK(s["td"].text_align == TextAlign::Right);
    CHECK(s["td"].background_color == Color{0xff, 0xc0, 0, 255});
    CHECK(s["td"].vertical_align == VerticalAlign::Top);  // inherited from the row through the UA's `inherit`
    CHECK(s["styled"].text_align == TextAlign::Left);
    CHECK(s["styled"].background_color == Color{0, 0, 255, 255});
    CHECK(s["p"].text_align == TextAlign::Center);
}

TEST_CASE("every remaining property computes", "[style][cascade]") {
    Styled s(R"(<table id="t"><tr><td id="td">x</td></tr></table><p id="p">x</p>)",
             "#t { border-collapse: collapse; border-spacing: 4pt 2pt; table-layout: fixed; width: 100%; height: 20pt }"
             "#td { vertical-align: middle } #p { text-transform: uppercase; white-space: pre-wrap;"
             "  overflow-wrap: anywhere; orphans: 3; widows: 4; page: wide; display: inline-block; hyphens: none;"
             "  counter-reset: item 5 section; counter-increment: item; string-set: title content(text), x \"a\" attr(id);"
             "  word-wrap: break-word }");
    ComputedStyle t = s["t"];
    CHECK(t.border_collapse == BorderCollapse::Collapse);
    CHECK(t.border_spacing_h == 4);
    CHECK(t.border_spacing_v == 2);
    CHECK(t.table_layout == TableLayout::Fixed);
    CHECK(t.height.value == 20);
    CHECK(s["td"].vertical_align == VerticalAlign::Middle);
    ComputedStyle p = s["p"];
    CHECK(p.text_transform == TextTransform::Uppercase);
    CHECK(p.white_space == WhiteSpace::PreWrap);
    CHECK(p.overflow_wrap == OverflowWrap::BreakWord);
    CHECK(p.orphans == 3);
    CHECK(p.widows == 4);
    CHECK(p.page == "wide");
    CHECK(p.display == Display::InlineBlock);
    CHECK(p.hyphens == Hyphens::None);
    REQUIRE(p.counter_reset.size() == 2);
    CHECK(p.counter_reset[0] == CounterOp{"item", 5});
    CHECK(p.counter_reset[1] == CounterOp{"section", 0});
    REQUIRE(p.counter_increment.size() == 1);
    CHECK(p.counter_increment[0] == CounterOp{"item", 1});
    REQUIRE(p.string_set.size() == 2);
    CHECK(p.string_set[0].name == "title");
    REQUIRE(p.string_set[0].value.size() == 1);
    CHECK(p.string_set[0].value[0].kind == ContentItem::Kind::ContentText);
    REQUIRE(p.string_set[1].value.size() == 2);
    CHECK(p.string_set[1].value[1].kind == ContentItem::Kind::Attr);
    CHECK(p.string_set[1].value[1].name == "id");
    CHECK(s.cascade.warnings().empty());
}

TEST_CASE("bad declarations drop only themselves; warnings name file and line once", "[style][cascade]") {
    Styled s(R"(<p id="p">x</p>)",
             "p {\n  color: red;\n  color: nonsense;\n  margin-top: 5pt;\n  margin-top: -;\n  float: left;\n"
             "  float: right;\n  letter-spacing: 1pt;\n  frobnicate: 1;\n  width: -5pt;\n  text-align: middle\n}\n");
    ComputedStyle p = s["p"];
    CHECK(p.color == Color{255, 0, 0, 255});  // the earlier valid value survives
    CHECK(p.margin_top.value == 5);
    const auto& w = s.cascade.warnings();
    CHECK(has_warning(s.cascade, "test.css:3: warning: invalid value 'nonsense' for 'color' ignored"));
    CHECK(has_warning(s.cascade, "test.css:5: warning: invalid value '-' for 'margin-top' ignored"));
    CHECK(has_warning(s.cascade, "test.css:6: warning: unsupported property 'float' ignored"));
    CHECK(has_warning(s.cascade, "test.css:8: warning: unsupported property 'letter-spacing' ignored"));
    CHECK(has_warning(s.cascade, "test.css:9: warning: unknown property 'frobnicate' ignored"));
    CHECK(has_warning(s.cascade, "test.css:10: warning: invalid value '-5pt' for 'width' ignored"));
    CHECK(has_warning(s.cascade, "test.css:11: warning: invalid value 'middle' for 'text-align' ignored"));
    int floats = 0;
    for (const auto& line : w) floats += line.find("'float'") != std::string::npos;
    CHECK(floats == 1);
}

TEST_CASE("logical properties map to physical sides in left-to-right text", "[style][cascade]") {
    Styled s(R"(<p id="p">x</p><p id="q">y</p>)",
             "#p { margin-inline-start: 10pt; margin-block-end: 4pt; padding-inline: 1pt 2pt; border-inline-start: 1pt solid red }"
             "#q { margin-block: 3pt; padding-block: 5pt 6pt } body { margin: 7pt } #q { margin-inline: inherit }");
    ComputedStyle p = s["p"];
    CHECK(p.margin_left.value == 10);
    CHECK(p.margin_bottom.value == 4);
    CHECK(p.padding_left.value == 1);
    CHECK(p.padding_right.value == 2);
    CHECK(p.border_left.visible());
    CHECK(p.border_left.color == Color{255, 0, 0, 255});
    CHECK(s["q"].margin_top.value == 3);
    CHECK(s["q"].margin_bottom.value == 3);
    CHECK(s["q"].padding_bottom.value == 6);
    CHECK(s["q"].margin_left.value == 7);
    CHECK(s["q"].margin_right.value == 7);
    CHECK(s.cascade.warnings().empty());
}

TEST_CASE("custom properties are ignored quietly; var() warns once", "[style][cascade]") {
    Styled s(R"(<p id="p">x</p>)", ":root { --brand: #00467f }\np { color: var(--brand); color: red; background: var(--x) }\n"
                                   "p { box-sizing: border-box }");
    CHECK(s["p"].color == Color{255, 0, 0, 255});
    REQUIRE(s.cascade.warnings().size() == 2);
    CHECK(s.cascade.warnings()[0] == "test.css:2: warning: var() is not supported; declarations using it are ignored");
    CHECK(s.cascade.warnings()[1] == "test.css:3: warning: unsupported property 'box-sizing' ignored");
}

TEST_CASE("style attribute warnings name the element's line", "[style][cascade]") {
    Styled s("<p id=\"p\"\n style=\"colour: red; color: blue\">x</p>\n<p id=\"q\" style=\"color: red;\n  colour: red\">y</p>", "");
    CHECK(s["p"].color == Color{0, 0, 255, 255});
    CHECK(has_warning(s.cascade, "style attribute:1: warning: unknown property 'colour' ignored (style attribute)"));
    s.cascade.set_document_name("agenda.xhtml");
    CHECK(s["q"].color == Color{255, 0, 0, 255});
    CHECK(has_warning(s.cascade, "agenda.xhtml:3: warning: unknown property 'colour' ignored (style attribute)"));
}
