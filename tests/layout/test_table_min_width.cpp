// Table cells through the whole layout stage: min-content widths that use the break
// opportunities line breaking uses, nowrap cells kept whole, and break-after: avoid
// carried from a last child to its parent.
#include "document/document.hpp"
#include "fonts/fonts.hpp"
#include "layout/layout.hpp"
#include "style/cascade.hpp"

#include "layout_test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

using namespace quorum;
using layout::LaidOutDocument;
using layout::Page;

namespace {

using layout_test::catalogue;

LaidOutDocument lay_out_xhtml(const std::string& xhtml) {
    const document::Document doc = document::parse_string(xhtml, "min-width-test.xhtml", QUORUM_TEST_DATA);
    style::Cascade cascade;
    for (const auto& source : doc.style_sources())
        cascade.add_stylesheet(source.text, "min-width-test.xhtml", source.position.line);
    return layout::lay_out(doc, cascade, catalogue());
}

LaidOutDocument render(const std::string& body, const std::string& css) {
    return lay_out_xhtml("<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><style>" + css + "</style></head><body>\n" +
                         body + "</body></html>");
}

const layout::GlyphRun* run_with(const Page& page, const std::string& text) {
    for (const auto& run : page.runs)
        if (run.text == text) return &run;
    return nullptr;
}

constexpr double mm = 72 / 25.4;
const char* css = "@page { size: A4; margin: 20mm } body { margin: 0; font: 12pt 'Liberation Sans' } "
                  "table { border-collapse: collapse } td { border: 0.75pt solid #000; padding: 3pt 4pt }";

}  // namespace

TEST_CASE("min-content: a cell breaks after a slash instead of overflowing its table", "[line-quality][table]") {
    const LaidOutDocument doc =
        render("<table style=\"width:40mm\"><tr><td>Additions/(Deletions)</td><td>x</td></tr></table>", css);
    REQUIRE(doc.pages.size() == 1);
    const Page& page = doc.pages[0];
    const double table_right = 20 * mm + 40 * mm;
    const auto* first = run_with(page, "Additions/");
    const auto* second = run_with(page, "(Deletions)");
    REQUIRE(first);
    REQUIRE(second);
    CHECK(second->baseline > first->baseline);
    for (const auto& run : page.runs) {
        INFO(run.text);
        CHECK(run.x + run.width <= table_right + 0.01);
    }
}

TEST_CASE("nowrap text in a narrow fixed column overflows whole, with one warning naming its line",
          "[line-quality][table][nowrap]") {
    const LaidOutDocument doc = render(
        "<table style=\"table-layout:fixed; width:60mm\"><col style=\"width:12%\"/><col/>\n"
        "<tr><td style=\"white-space:nowrap\">CS0030</td><td>Risk</td></tr>\n"
        "<tr><td style=\"white-space:nowrap\">CS0031</td><td>Risk</td></tr></table>",
        css);
    REQUIRE(doc.pages.size() == 1);
    CHECK(run_with(doc.pages[0], "CS0030"));
    CHECK(run_with(doc.pages[0], "CS0031"));
    CHECK_FALSE(run_with(doc.pages[0], "CS0"));
    const auto overflow = std::count_if(doc.warnings.begin(), doc.warnings.end(),
                                        [](const std::string& w) { return w.find("may not wrap") != std::string::npos; });
    CHECK(overflow == 1);
    const auto it = std::find_if(doc.warnings.begin(), doc.warnings.end(),
                                 [](const std::string& w) { return w.find("'CS0030'") != std::string::npos; });
    REQUIRE(it != doc.warnings.end());
    INFO(*it);
    CHECK(it->rfind("3:", 0) == 0);  // the line of the first <td>
}

TEST_CASE("break-after: avoid on a last child keeps its parent with what follows", "[line-quality][paginate]") {
    std::ifstream in(QUORUM_TEST_DATA "/templates/repro-break-after-avoid.xhtml");
    REQUIRE(in);
    std::stringstream xhtml;
    xhtml << in.rdbuf();
    const LaidOutDocument doc = lay_out_xhtml(xhtml.str());
    REQUIRE(doc.pages.size() >= 2);
    const auto page_of = [&](const std::string& text) {
        for (std::size_t p = 0; p < doc.pages.size(); ++p)
            for (const auto& run : doc.pages[p].runs)
                if (run.text.find(text) != std::string::npos) return static_cast<int>(p);
        return -1;
    };
    const int heading = page_of("Heading");
    REQUIRE(heading >= 0);
    // The heading is not left alone at the foot of a page: the table's first row is with it.
    const layout::GlyphRun* lowest = nullptr;
    for (const auto& run : doc.pages[static_cast<std::size_t>(heading)].runs)
        if (!lowest || run.baseline > lowest->baseline) lowest = &run;
    REQUIRE(lowest);
    CHECK(lowest->text.find("Heading") == std::string::npos);
}

TEST_CASE("hyphens: auto lowers a column's minimum, yet the table gives it its longest word when it has room",
          "[line-quality][table][hyphenate]") {
    const std::string prose = "The service has been redesigned around the needs of families, with a single front door "
                              "and one plan per child, reviewed every quarter by the partnership board.";
    const LaidOutDocument doc = render("<table style=\"width:80mm; hyphens:auto\" lang=\"en-GB\"><tr><td>Modernisation "
                                       "Programme</td><td>" +
                                           prose + "</td></tr></table>",
                                       css);
    REQUIRE(doc.pages.size() == 1);
    CHECK(run_with(doc.pages[0], "Modernisation"));
    CHECK(run_with(doc.pages[0], "Programme"));
}
