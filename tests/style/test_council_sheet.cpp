// A realistic council stylesheet and agenda (tests/data/style) through document + style.
#include "helpers.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace quorum;
using namespace quorum::style;
using quorum::style::test::find_by_id;

namespace {

struct Agenda {
    document::Document doc;
    Cascade cascade;
    Agenda() {
        doc = document::parse_file(std::filesystem::path(QUORUM_TEST_DATA) / "style/agenda.xhtml");
        cascade.set_document_name(doc.source_path.string());
        for (const auto& source : doc.style_sources()) {
            if (source.is_link) {
                std::ifstream in(source.file);
                std::stringstream text;
                text << in.rdbuf();
                cascade.add_stylesheet(text.str(), source.file.filename().string());
            } else {
                cascade.add_stylesheet(source.text, "agenda.xhtml", source.position.line);
            }
        }
    }
    ComputedStyle operator[](std::string_view id) const {
        const document::Node* e = find_by_id(doc.root.get(), id);
        REQUIRE(e);
        std::vector<const document::Node*> chain;
        for (const document::Node* n = e; n; n = n->parent) chain.push_back(n);
        ComputedStyle style;
        const ComputedStyle* parent = nullptr;
        for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
            style = cascade.compute(**it, parent);
            parent = &style;
        }
        return style;
    }
    std::optional<ComputedStyle> before(std::string_view id) const {
        return cascade.compute_pseudo(*find_by_id(doc.root.get(), id), PseudoElement::Before, (*this)[id]);
    }
    std::optional<ComputedStyle> after(std::string_view id) const {
        return cascade.compute_pseudo(*find_by_id(doc.root.get(), id), PseudoElement::After, (*this)[id]);
    }
};

}  // namespace

TEST_CASE("council sheet: only genuinely unsupported things warn, with file and line", "[style][council]") {
    Agenda a;
    a["cell2"];  // style attributes are read during compute
    std::vector<std::string> expected = {
        "council.css:49: warning: leader() is not supported; the rest of 'content' is kept",
        "agenda.xhtml:9: warning: unsupported property 'letter-spacing' ignored",
    };
    CHECK(a.cascade.warnings() == expected);
}

TEST_CASE("council sheet: body text, headings, numbered paragraphs", "[style][council]") {
    Agenda a;
    ComputedStyle h1 = a["title"];
    CHECK(h1.font_size == 18);
    CHECK(h1.color == Color{0x1b, 0x36, 0x5d, 255});
    CHECK(h1.font_family == std::vector<std::string>{"Arial", "Liberation Sans", "sans-serif"});
    CHECK(h1.margin_bottom.value == 12);
    CHECK(h1.lang == "en-GB");
    CHECK(h1.hyphens == Hyphens::Manual);  // the UA keeps headings whole, as WeasyPrint does
    CHECK(a["para1"].hyphens == Hyphens::Auto);

    ComputedStyle item = a["item-a"];
    CHECK(item.break_before == Break::Right);
    CHECK(item.break_after == Break::Avoid);
    REQUIRE(item.counter_increment.size() == 1);
    CHECK(item.counter_increment[0] == CounterOp{"item", 1});
    REQUIRE(item.string_set.size() == 1);
    CHECK(item.string_set[0].name == "item-title");
    auto item_before = a.before("item-a");
    REQUIRE(item_before);
    CHECK(item_before->content[1].counter_style == ListStyleType::UpperAlpha);

    ComputedStyle para = a["para1"];
    CHECK(para.margin_left.value == Approx(1.5 * 72 / 2.54));
    CHECK(para.text_indent == Approx(-1.5 * 72 / 2.54));
    CHECK(para.orphans == 3);
    REQUIRE(para.line_height_factor);
    CHECK(para.line_height() == Approx(11 * 1.35));
    auto number = a.before("para1");
    REQUIRE(number);
    REQUIRE(number->content.size() == 4);
    CHECK(number->content[3].text == "\t");

    ComputedStyle exempt = a["para2"];
    CHECK(exempt.font_style == FontStyle::Italic);
    CHECK(exempt.border_left.width == Approx(2.25));
    CHECK(exempt.border_left.color == Color{0xcc, 0, 0, 255});
    CHECK_FALSE(exempt.border_top.visible());
}

TEST_CASE("council sheet: RAG tables, zebra rows, !important over style attributes", "[style][council]") {
    Agenda a;
    CHECK(a["kpi"].border_collapse == BorderCollapse::Collapse);
    CHECK(a["kpi"].font_size == 9);
    CHECK(a["kpi"].page == "");
    CHECK(a["row1"].break_inside == BreakInside::Avoid);
    CHECK(a["rag1"].background_color == Color{0, 0xb0, 0x50, 255});
    CHECK(a["rag1"].color == Color{255, 255, 255, 255});
    CHECK(a["cell2"].background_color == Color{0xf2, 0xf2, 0xf2, 255});  // row 2 is even
    CHECK(a["rag2"].background_color == Color{255, 0, 0, 255});  // author !important beats style=""
    CHECK(a["cell2"].border_top.width == Approx(0.5));
    CHECK(a["cell2"].font_size == 9);
}

TEST_CASE("council sheet: order of business page references", "[style][council]") {
    Agenda a;
    auto leadered = a.after("toc1");  // leader() is unsupported: dropped, the page number stays
    REQUIRE(leadered);
    REQUIRE(leadered->content.size() == 1);
    CHECK(leadered->content[0].kind == ContentItem::Kind::TargetCounter);
    auto reference = a.after("toc2");
    REQUIRE(reference);
    REQUIRE(reference->content.size() == 2);
    CHECK(reference->content[0].text == " \u2013 page ");
    CHECK(reference->content[1].kind == ContentItem::Kind::TargetCounter);
    CHECK(a["toc1"].underline == false);
    CHECK(a["toc1"].color == Color{0, 0, 0, 255});
}

TEST_CASE("council sheet: pages, running heads and named landscape pages", "[style][council]") {
    Agenda a;
    a["title"];  // the root's style is known before pages are asked for, as in layout
    PageStyle first = a.cascade.page_style({.name = "", .first = true, .left = false, .blank = false});
    CHECK(first.margin_top == Approx(4 * 72 / 2.54));
    CHECK(first.margin_left == Approx(1.8 * 72 / 2.54));
    CHECK(first.margin_bottom == Approx(2.2 * 72 / 2.54));
    const auto& top_right = first.boxes[static_cast<std::size_t>(MarginBoxPosition::TopRight)];
    CHECK_FALSE(top_right.present);
    const auto& bottom_left = first.boxes[static_cast<std::size_t>(MarginBoxPosition::BottomLeft)];
    REQUIRE(bottom_left.present);  // content: "" is present but empty text
    CHECK(bottom_left.content[0].text.empty());

    PageStyle later = a.cascade.page_style({.name = "", .first = false, .left = true, .blank = false});
    const auto& head = later.boxes[static_cast<std::size_t>(MarginBoxPosition::TopRight)];
    REQUIRE(head.present);
    CHECK(head.content[0].name == "committee");
    CHECK(head.style.font_size == 8);
    CHECK(head.style.color == Color{0x44, 0x44, 0x44, 255});
    CHECK(head.style.text_align == TextAlign::Right);

    PageStyle blank = a.cascade.page_style({.name = "", .first = false, .left = true, .blank = true});
    const auto& notice = blank.boxes[static_cast<std::size_t>(MarginBoxPosition::TopCenter)];
    REQUIRE(notice.present);
    CHECK(notice.style.font_size == 11);
    CHECK(notice.style.color == Color{0, 0, 0, 255});

    PageStyle wide = a.cascade.page_style({.name = "landscape", .first = false, .left = false, .blank = false});
    CHECK(wide.width > wide.height);
    CHECK(wide.margin_top == Approx(1.5 * 72 / 2.54));
}
