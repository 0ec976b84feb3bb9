#include "helpers.hpp"

#include <catch2/catch.hpp>

#include <chrono>

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

}  // namespace

// Quadratic behaviour (positions on one long line, unindexed rules, backtracking
// selectors) turns this into minutes; linear code does it in well under a second even
// on a loaded CI machine. The bound is generous on purpose: it catches complexity, not noise.
TEST_CASE("100,000 elements parse and cascade in linear time", "[style][performance]") {
    std::string html = "<html><body>";  // one line, as template output often is
    for (int t = 0; t < 80; ++t) {
        html += "<h2 class=\"item\" id=\"item" + std::to_string(t) + "\">Item</h2><table class=\"data\"><tbody>";
        for (int r = 0; r < 210; ++r)
            html += "<tr><td class=\"num\">1</td><td>2&nbsp;000</td><td style=\"text-align:right\">3</td>"
                    "<td><span class=\"rag red\">R</span></td></tr>";
        html += "</tbody></table>";
    }
    html += "</body></html>";

    auto start = std::chrono::steady_clock::now();
    auto doc = document::parse_string(html, "big.xhtml", ".");
    style::Cascade c;
    std::string css = "table.data td { border: 0.5pt solid #999; padding: 2pt } td.num { text-align: right }"
                      "table.data tbody tr:nth-child(even) td { background: #f2f2f2 } .rag.red { color: white }"
                      "h2.item::before { content: counter(item) \". \" } section.report > h2 { color: red }";
    for (int i = 0; i < 300; ++i) css += ".unused" + std::to_string(i) + " p { color: red }";  // index must skip these
    c.add_stylesheet(css, "house.css");
    int elements = compute_tree(c, *doc.root, nullptr);
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    CHECK(elements > 100000);
    CHECK(seconds < 5.0);
    WARN("parsed and styled " << elements << " elements in " << seconds << " s");
}
