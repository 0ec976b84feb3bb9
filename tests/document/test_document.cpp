#include "document/document.hpp"
#include "document/entity_expansion.hpp"
#include "document/html_entities.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

using namespace quorum::document;

namespace {

Document parse(std::string_view text) { return parse_string(text, "test.xhtml", "."); }

// The error a parse throws, formatted.
std::string error_of(std::string_view text) {
    try {
        parse(text);
    } catch (const DocumentError& e) {
        return e.formatted();
    }
    return "no error";
}

const Node* first_element(const Node* node, std::string_view name) {
    if (!node) return nullptr;
    if (node->is_element() && node->name == name) return node;
    for (const auto& c : node->children)
        if (const Node* found = first_element(c.get(), name)) return found;
    return nullptr;
}

std::string text_of(const Node& node) {
    std::string out;
    for (const auto& c : node.children) out += c->is_text() ? c->text : text_of(*c);
    return out;
}

}  // namespace

TEST_CASE("a real document parses into a tree with metadata", "[document]") {
    Document doc = parse_file(std::filesystem::path(QUORUM_TEST_DATA) / "document/minutes.xhtml");
    REQUIRE(doc.root);
    CHECK(doc.root->name == "html");
    CHECK(doc.title() == "Children\u2019s Services Committee");
    CHECK(doc.meta("author") == "Governance Service");
    CHECK(doc.meta("AUTHOR") == "Governance Service");
    CHECK(doc.meta("subject").empty());
    CHECK(doc.lang() == "en-GB");
    REQUIRE(doc.body());
    REQUIRE(doc.head());
    CHECK(doc.base_dir == std::filesystem::path(QUORUM_TEST_DATA) / "document");

    const Node* h1 = first_element(doc.body(), "h1");
    REQUIRE(h1);
    CHECK(text_of(*h1) == "Minutes \u2013 7 March 2018");
    CHECK(h1->position.line == 14);
    CHECK(h1->position.column == 1);
    REQUIRE(h1->id());
    CHECK(*h1->id() == "top");

    const Node* p = first_element(doc.body(), "p");
    REQUIRE(p);
    CHECK(text_of(*p) == "Present: Councillors Smith & Jones, cost \u00A31,200\u00A0000");

    // No xmlns attribute survives; comments are dropped.
    CHECK(doc.root->attribute("xmlns") == nullptr);
    for (const auto& c : doc.body()->children)
        if (c->is_text()) CHECK(c->text.find("comment") == std::string::npos);
}

TEST_CASE("whitespace between inline elements is kept", "[document]") {
    Document doc = parse("<html><body><p><b>a</b> <i>b</i></p></body></html>");
    const Node* p = first_element(doc.body(), "p");
    REQUIRE(p);
    REQUIRE(p->children.size() == 3);
    CHECK(p->children[1]->is_text());
    CHECK(p->children[1]->text == " ");
    CHECK(p->children[1]->parent == p);
}

TEST_CASE("style sources are listed in document order", "[document]") {
    Document doc = parse_file(std::filesystem::path(QUORUM_TEST_DATA) / "document/minutes.xhtml");
    auto sources = doc.style_sources();
    REQUIRE(sources.size() == 2);
    CHECK(sources[0].is_link);
    CHECK(sources[0].file == std::filesystem::path(QUORUM_TEST_DATA) / "document/css/house.css");
    CHECK_FALSE(sources[1].is_link);
    CHECK(sources[1].text == "\np { margin: 0 }\n");
    CHECK(sources[1].position.line == 8);  // where the CSS text starts: line numbers of rules stay right

    Document screen = parse("<html><head><style media=\"screen\">p{}</style><style media=\"print\">b{}</style>"
                            "<link rel=\"alternate stylesheet\" href=\"x.css\"/><link rel=\"icon\" href=\"i.png\"/>"
                            "</head><body><style>i{}</style></body></html>");
    auto s = screen.style_sources();
    REQUIRE(s.size() == 3);
    CHECK(s[0].text == "b{}");
    CHECK(s[1].is_link);
    CHECK(s[2].text == "i{}");
}

TEST_CASE("element names are lower-cased and namespace prefixes removed", "[document]") {
    Document doc = parse("<h:html xmlns:h=\"http://www.w3.org/1999/xhtml\"><h:BODY><h:P CLASS=\"x\">t</h:P></h:BODY></h:html>");
    CHECK(doc.root->name == "html");
    const Node* p = first_element(doc.root.get(), "p");
    REQUIRE(p);
    CHECK(p->has_class("x"));
    CHECK(doc.root->attributes.empty());
}

TEST_CASE("classes and sibling queries", "[document]") {
    Document doc = parse("<html><body><ul> <li class=\" a  b\">1</li> text <li>2</li><li>3</li></ul></body></html>");
    const Node* ul = first_element(doc.body(), "ul");
    REQUIRE(ul);
    std::vector<const Node*> items;
    for (const auto& c : ul->children)
        if (c->is_element()) items.push_back(c.get());
    REQUIRE(items.size() == 3);
    CHECK(items[0]->has_class("a"));
    CHECK(items[0]->has_class("b"));
    CHECK_FALSE(items[0]->has_class("c"));
    CHECK_FALSE(items[0]->has_class(""));
    CHECK(items[2]->element_index() == 2);
    CHECK(items[2]->element_sibling_count() == 3);
    CHECK(items[2]->previous_element_sibling() == items[1]);
    CHECK(items[1]->previous_element_sibling() == items[0]);
    CHECK(items[0]->previous_element_sibling() == nullptr);

    // A hand-built tree (no parser caches) answers the same.
    Node parent;
    parent.name = "ul";
    for (int i = 0; i < 3; ++i) {
        auto child = std::make_unique<Node>();
        child->name = "li";
        child->parent = &parent;
        parent.children.push_back(std::move(child));
    }
    CHECK(parent.children[2]->element_index() == 2);
    CHECK(parent.children[2]->element_sibling_count() == 3);
    CHECK(parent.children[2]->previous_element_sibling() == parent.children[1].get());
}

TEST_CASE("malformed XML reports file, line and column", "[document]") {
    CHECK(error_of("<html>\n<body>\n  <p>unclosed\n</body></html>") == "test.xhtml:4:3: error: Start-end tags mismatch");
    CHECK(error_of("") == "test.xhtml:1:1: error: No document element found");
}

TEST_CASE("HTML entities resolve and keep error positions right", "[document]") {
    // An entity before the error shrinks the buffer; the column must still be the original one.
    // pugixml points at the name in the mismatched end tag: column 26 in both spellings.
    std::string with_entities = error_of("<html><body><p>&ndash;&mdash;&hellip; x</p>\n<p>&hellip;&hellip; <b></p></body></html>");
    std::string plain = error_of("<html><body><p>- x</p>\n<p>................ <b></p></body></html>");
    CHECK(with_entities == "test.xhtml:2:26: error: Start-end tags mismatch");
    CHECK(plain == with_entities);

    CHECK(error_of("<html><body>\n<p>fine &nbsp; then &bogus; here</p></body></html>") ==
          "test.xhtml:2:21: error: unknown entity '&bogus;'");

    Document doc = parse("<html><body><p title=\"&copy; 2018\">&lsquo;x&rsquo; &#8226; &#x2022; &amp;&lt;</p>"
                         "<p><![CDATA[&nbsp;]]></p></body></html>");
    const Node* p = first_element(doc.body(), "p");
    REQUIRE(p);
    CHECK(*p->attribute("title") == "\u00A9 2018");
    CHECK(text_of(*p) == "\u2018x\u2019 \u2022 \u2022 &<");
    const Node* cdata = first_element(doc.body()->children[1].get(), "p");
    REQUIRE(cdata);
    CHECK(text_of(*cdata) == "&nbsp;");  // CDATA is literal
}

TEST_CASE("the entity table is sorted and covers the common council entities", "[document]") {
    for (const char* name : {"nbsp", "ndash", "mdash", "pound", "rsquo", "lsquo", "ldquo", "rdquo", "hellip", "copy",
                             "bull", "euro", "times", "deg", "frac12", "eacute", "uarr", "darr", "harr"})
        CHECK_FALSE(lookup_html_entity(name).empty());
    CHECK(lookup_html_entity("pound") == "\u00A3");
    CHECK(lookup_html_entity("nosuch").empty());
    CHECK(lookup_html_entity("Dagger") == "\u2021");
    CHECK(lookup_html_entity("dagger") == "\u2020");

    UnknownEntity unknown;
    auto expanded = expand_html_entities("a&nbsp;b&ndash;c", unknown);
    REQUIRE(expanded);
    CHECK(expanded->text == "a\u00A0b\u2013c");
    // 'c' is at 15 in the original and 7 in the expanded text.
    CHECK(expanded->original_offset(7) == 15);
    CHECK(expanded->original_offset(0) == 0);
}

TEST_CASE("documents without html or body get the usual shape", "[document]") {
    Document fragment = parse("<p>just a paragraph</p>");
    CHECK(fragment.root->name == "html");
    REQUIRE(fragment.body());
    CHECK(first_element(fragment.body(), "p") != nullptr);

    Document body_only = parse("<body><p>x</p></body>");
    REQUIRE(body_only.body());
    CHECK(body_only.body()->parent == body_only.root.get());

    Document head_only = parse("<html><head><title>T</title></head></html>");
    REQUIRE(head_only.body());
    CHECK(head_only.body()->children.empty());
    CHECK(head_only.title() == "T");
}

TEST_CASE("a missing file is a clear error", "[document]") {
    try {
        parse_file("/nonexistent/agenda.xhtml");
        FAIL("expected an error");
    } catch (const DocumentError& e) {
        CHECK(e.formatted() == "/nonexistent/agenda.xhtml: error: cannot open file");
    }
}

TEST_CASE("deep nesting: 1,000 levels parse, absurd depth is refused without crashing", "[document]") {
    std::string deep;
    for (int i = 0; i < 1000; ++i) deep += "<ul><li>";
    for (int i = 0; i < 1000; ++i) deep += "</li></ul>";
    Document doc = parse("<html><body>" + deep + "</body></html>");
    const Node* n = doc.body();
    int depth = 0;
    while (!n->children.empty()) {
        n = n->children.front().get();
        ++depth;
    }
    CHECK(depth == 2000);

    std::string absurd;
    for (int i = 0; i < 20000; ++i) absurd += "<div>";
    for (int i = 0; i < 20000; ++i) absurd += "</div>";
    CHECK(error_of("<html><body>" + absurd + "</body></html>").find("nested more than") != std::string::npos);
}
