#include "helpers.hpp"

#include <catch2/catch.hpp>

using namespace quorum;

namespace {

int compute_tree(const style::Cascade& c, const document::Node& n, const style::ComputedStyle* parent) {
    style::ComputedStyle s = c.compute(n, parent);
    c.compute_pseudo(n, style::PseudoElement::Before, s);
    int count = 1;
    for (const auto& child : n.children)
        if (child->is_element()) count += compute_tree(c, *child, &s);
    return count;
}

// One line of markup, as template output often is: `tables` tables of 210 rows.
std::string agenda_markup(int tables) {
    std::string html = "<html><body>";
    for (int t = 0; t < tables; ++t) {
        html += "<h2 class=\"item\" id=\"item" + std::to_string(t) + "\">Item</h2><table class=\"data\"><tbody>";
        for (int r = 0; r < 210; ++r)
            html += "<tr><td class=\"num\">1</td><td>2&nbsp;000</td><td style=\"text-align:right\">3</td>"
                    "<td><span class=\"rag red\">R</span></td></tr>";
        html += "</tbody></table>";
    }
    return html + "</body></html>";
}

// Parses `tables` tables of markup and computes every element's style; returns the element count.
int parse_and_style(int tables) {
    std::string html = agenda_markup(tables);
    auto doc = document::parse_string(html, "big.xhtml", ".");
    style::Cascade c;
    std::string css = "table.data td { border: 0.5pt solid #999; padding: 2pt } td.num { text-align: right }"
                      "table.data tbody tr:nth-child(even) td { background: #f2f2f2 } .rag.red { color: white }"
                      "h2.item::before { content: counter(item) \". \" } section.report > h2 { color: red }";
    for (int i = 0; i < 300; ++i) css += ".unused" + std::to_string(i) + " p { color: red }";  // the index must skip these
    c.add_stylesheet(css, "house.css");
    return compute_tree(c, *doc.root, nullptr);
}

}  // namespace

// 100,000 elements on one line of markup, as template output often is. How long it takes is
// measured by bench/typeset_bench.py (whole packs), not here: unit tests assert no times.
TEST_CASE("100,000 elements on one line parse and cascade", "[style]") {
    CHECK(parse_and_style(80) > 100000);
}
