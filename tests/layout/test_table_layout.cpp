// Tables through the whole layout stage: XHTML + CSS -> pages of positioned text.
#include "document/document.hpp"
#include "fonts/fonts.hpp"
#include "layout/layout.hpp"
#include "style/cascade.hpp"

#include "layout_test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <string>

using namespace quorum;
using layout::LaidOutDocument;
using layout::Page;

namespace {

using layout_test::catalogue;

LaidOutDocument render(const std::string& body, const std::string& css) {
    const std::string xhtml = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><style>" + css +
                              "</style></head><body>" + body + "</body></html>";
    const document::Document doc = document::parse_string(xhtml, "table-test.xhtml", QUORUM_TEST_DATA);
    style::Cascade cascade;
    for (const auto& source : doc.style_sources()) cascade.add_stylesheet(source.text, "table-test.xhtml", source.position.line);
    return layout::lay_out(doc, cascade, catalogue());
}

// Runs whose text is exactly `text`, on one page.
std::vector<const layout::GlyphRun*> runs_with(const Page& page, const std::string& text) {
    std::vector<const layout::GlyphRun*> out;
    for (const auto& run : page.runs)
        if (run.text == text) out.push_back(&run);
    return out;
}

bool page_has(const Page& page, const std::string& text) { return !runs_with(page, text).empty(); }

// The topmost text on a page (smallest baseline).
const layout::GlyphRun* first_run(const Page& page) {
    const layout::GlyphRun* top = nullptr;
    for (const auto& run : page.runs)
        if (!top || run.baseline < top->baseline) top = &run;
    return top;
}

std::string rows(int count, const std::string& first_cell_prefix = "Row") {
    std::string out;
    for (int i = 1; i <= count; ++i)
        out += "<tr><td>" + first_cell_prefix + std::to_string(i) + "</td><td>" + std::to_string(i * 7) + "</td></tr>";
    return out;
}

const char* plain_css = "@page { size: A4; margin: 20mm } body { margin: 0; font: 10pt sans-serif }";

}  // namespace

TEST_CASE("table layout: thead rows repeat at the top of every page a long table runs onto") {
    const LaidOutDocument doc = render("<table><thead><tr><th>Service</th><th>Budget</th></tr></thead><tbody>" +
                                           rows(300) + "</tbody></table>",
                                       plain_css);
    REQUIRE(doc.pages.size() > 3);
    for (const Page& page : doc.pages) {
        REQUIRE(page_has(page, "Service"));
        CHECK(first_run(page)->text == "Service");  // the header is the first thing on the page
    }
    // Every row exactly once, in order across pages.
    int next = 1;
    for (const Page& page : doc.pages) {
        std::vector<const layout::GlyphRun*> row_runs;
        for (const auto& run : page.runs)
            if (run.text.rfind("Row", 0) == 0) row_runs.push_back(&run);
        std::sort(row_runs.begin(), row_runs.end(), [](auto* a, auto* b) { return a->baseline < b->baseline; });
        for (const auto* run : row_runs) CHECK(run->text == "Row" + std::to_string(next++));
    }
    CHECK(next == 301);
}

// Its speed is measured by bench/typeset_bench.py (large packs' tables), not here.
TEST_CASE("table layout: a 10,000-row table is laid out with its header on every page") {
    const LaidOutDocument doc = render("<table><thead><tr><th>Ref</th><th>Value</th></tr></thead><tbody>" +
                                           rows(10000, "R") + "</tbody></table>",
                                       plain_css);
    REQUIRE(doc.pages.size() > 100);
    std::size_t with_header = 0;
    for (const Page& page : doc.pages) with_header += page_has(page, "Ref") ? 1 : 0;
    CHECK(with_header == doc.pages.size());
    CHECK(page_has(doc.pages.back(), "R10000"));
}

TEST_CASE("table layout: tfoot rows end every page the table runs onto") {
    const LaidOutDocument doc = render("<table><thead><tr><th>H</th><th>B</th></tr></thead><tfoot><tr><td>Foot</td>"
                                       "<td>F</td></tr></tfoot><tbody>" + rows(200) + "</tbody></table>",
                                       plain_css);
    REQUIRE(doc.pages.size() >= 2);
    for (const Page& page : doc.pages) {
        const auto foot = runs_with(page, "Foot");
        REQUIRE(foot.size() == 1);
        for (const auto& run : page.runs) CHECK(run.baseline <= foot.front()->baseline + 0.01);  // nothing below it
    }
}

TEST_CASE("table layout: a row taller than a page is split across pages at line boundaries") {
    std::string tall;
    for (int i = 1; i <= 150; ++i) tall += "<p style=\"margin:0\">Line" + std::to_string(i) + "</p>";
    const LaidOutDocument doc = render("<table><thead><tr><th>Head</th><th>Other</th></tr></thead><tbody><tr><td>" + tall +
                                           "</td><td style=\"vertical-align: middle\">short</td></tr><tr><td>after</td><td>x</td></tr></tbody></table>",
                                       plain_css);
    REQUIRE(doc.pages.size() >= 2);
    int found = 0;
    for (const Page& page : doc.pages) {
        CHECK(page_has(page, "Head"));
        const double bottom = page.height - 20 * 72 / 25.4;
        for (const auto& run : page.runs) {
            if (run.text.rfind("Line", 0) == 0) ++found;
            CHECK(run.baseline <= bottom + 0.01);  // nothing runs into the bottom margin
        }
    }
    CHECK(found == 150);  // every line exactly once
    CHECK(page_has(doc.pages[0], "Line1"));  // the tall row starts at once, filling the first page
    CHECK(page_has(doc.pages[0], "short"));  // a short cell beside it stays at the row's top
}

TEST_CASE("table layout: a tall row whose cells' lines never line up is still cut within the pages") {
    std::string a, b;
    for (int i = 1; i <= 120; ++i) a += "<p style=\"margin:0; font-size: 10pt\">A" + std::to_string(i) + "</p>";
    for (int i = 1; i <= 100; ++i) b += "<p style=\"margin:0; font-size: 13pt\">B" + std::to_string(i) + "</p>";
    const LaidOutDocument doc = render("<table><tr><td>" + a + "</td><td>" + b + "</td></tr></table>", plain_css);
    REQUIRE(doc.pages.size() >= 2);
    int seen_a = 0, seen_b = 0;
    for (const Page& page : doc.pages)
        for (const auto& run : page.runs) {
            seen_a += run.text[0] == 'A';
            seen_b += run.text[0] == 'B';
            CHECK(run.baseline <= page.height - 20 * 72 / 25.4 + 0.01);
        }
    CHECK(seen_a == 120);
    CHECK(seen_b == 100);
}

TEST_CASE("table layout: a table wider than the page is squeezed inside it, with one warning") {
    std::string cells;
    for (int i = 0; i < 14; ++i) cells += "<td>Supercalifragilistic" + std::to_string(i) + "</td>";
    const LaidOutDocument doc = render("<table id=\"wide\"><tr>" + cells + "</tr><tr>" + cells + "</tr></table>", plain_css);
    REQUIRE(!doc.pages.empty());
    const double margin = 20 * 72 / 25.4;
    for (const Page& page : doc.pages)
        for (const auto& run : page.runs) {
            CHECK(run.x >= margin - 0.01);
            CHECK(run.x + run.width <= page.width - margin + 0.5);
        }
    const auto warned = std::count_if(doc.warnings.begin(), doc.warnings.end(),
                                      [](const std::string& w) { return w.find("wider than the page") != std::string::npos; });
    CHECK(warned == 1);
}

TEST_CASE("table layout: two columns of equal content split a 100% table evenly; text aligns right when asked") {
    const LaidOutDocument doc = render("<table style=\"width:100%; border-collapse: collapse\"><tr><td>aaa</td>"
                                       "<td style=\"text-align:right\">aaa</td></tr></table>",
                                       std::string(plain_css) + " td { padding: 0 }");
    REQUIRE(doc.pages.size() == 1);
    const auto cells = runs_with(doc.pages[0], "aaa");
    REQUIRE(cells.size() == 2);
    const double left = 20 * 72 / 25.4, width = doc.pages[0].width - 2 * left;
    CHECK(cells[0]->x == Approx(left).margin(0.5));
    CHECK(cells[1]->x + cells[1]->width == Approx(left + width).margin(0.5));
}

TEST_CASE("table layout: the caption is above the table and cells with colspan/rowspan land in their slots") {
    const LaidOutDocument doc = render("<table><caption>Budget outturn</caption>"
                                       "<tr><td rowspan=\"2\" style=\"vertical-align: middle\">Tall</td><td colspan=\"2\">Wide</td></tr>"
                                       "<tr><td>B1</td><td>C1</td></tr></table>",
                                       plain_css);
    REQUIRE(doc.pages.size() == 1);
    const Page& page = doc.pages[0];
    const auto* caption = runs_with(page, "Budget").empty() ? nullptr : runs_with(page, "Budget").front();
    REQUIRE(caption);
    const auto* tall = runs_with(page, "Tall").front();
    const auto* wide = runs_with(page, "Wide").front();
    const auto* b1 = runs_with(page, "B1").front();
    const auto* c1 = runs_with(page, "C1").front();
    CHECK(caption->baseline < wide->baseline);
    CHECK(b1->x > tall->x + tall->width);        // B1 is in column 2, right of the rowspanning cell
    CHECK(c1->x > b1->x + b1->width);
    CHECK(b1->baseline > wide->baseline);        // second row
    CHECK(tall->baseline > wide->baseline);      // vertical-align: middle across both rows
    CHECK(tall->baseline < b1->baseline);
}

TEST_CASE("table layout: a table that starts too near the bottom moves to the next page with its header") {
    std::string filler;
    for (int i = 0; i < 200; ++i) filler += "<p style=\"margin:0\">Filler</p>";
    const LaidOutDocument doc = render(filler + "<table><thead><tr><th>Head</th></tr></thead><tbody>" + rows(3) +
                                           "</tbody></table>",
                                       plain_css);
    REQUIRE(!doc.pages.empty());
    for (const Page& page : doc.pages)
        if (page_has(page, "Head")) CHECK(page_has(page, "Row1"));  // never a header alone at the bottom
}

TEST_CASE("table layout: collapsed borders are drawn once per grid line, the wider winning") {
    const LaidOutDocument doc = render("<table style=\"border-collapse:collapse; border: 3pt solid black\"><tr>"
                                       "<td style=\"border: 1pt solid red\">a</td><td style=\"border: 1pt solid red\">b</td>"
                                       "</tr></table>",
                                       plain_css);
    REQUIRE(doc.pages.size() == 1);
    int thick = 0, thin = 0;
    for (const auto& line : doc.pages[0].lines) {
        if (line.thickness == Approx(3)) ++thick;
        if (line.thickness == Approx(1)) ++thin;
    }
    CHECK(thick == 4);  // top, bottom, left, right of the table
    CHECK(thin == 1);   // the line between the two cells
}

TEST_CASE("table layout: broken tables never crash") {
    for (const std::string body : {"<table></table>", "<table><tr></tr></table>", "<table><caption>only</caption></table>",
                                   "<table><td>stray cell</td></table>", "<table><tr><td colspan=\"0\" rowspan=\"0\">x</td></tr></table>",
                                   "<table><tbody></tbody><tr><td>a</td></tr></table>",
                                   "<table><colgroup span=\"5000\"/><tr><td>a</td></tr></table>"}) {
        CAPTURE(body);
        const LaidOutDocument doc = render(body, plain_css);
        CHECK(doc.pages.size() >= 1);
    }
}

TEST_CASE("table layout: text loose in a table or row is kept as an anonymous cell, with a warning") {
    const LaidOutDocument doc =
        render("<table><tr>loose words<td>cell</td></tr>stray text</table><p>after</p>", plain_css);
    REQUIRE(doc.pages.size() == 1);
    std::string text;
    for (const auto& run : doc.pages[0].runs) text += run.text + " ";
    CHECK(text.find("loose words") != std::string::npos);
    CHECK(text.find("stray text") != std::string::npos);
    CHECK(text.find("cell") != std::string::npos);
    int warnings = 0;
    for (const auto& w : doc.warnings) warnings += w.find("not in a table cell") != std::string::npos;
    CHECK(warnings == 2);
}

TEST_CASE("table layout: budget outturn and landscape indicator tables from a real council paper") {
    const document::Document doc = document::parse_file(QUORUM_TEST_DATA "/layout/table_budget.xhtml");
    style::Cascade cascade;
    for (const auto& source : doc.style_sources()) cascade.add_stylesheet(source.text, doc.source_path.string(), source.position.line);
    const LaidOutDocument out = layout::lay_out(doc, cascade, catalogue());
    REQUIRE(out.pages.size() >= 3);
    const Page& first = out.pages[0];
    CHECK(first.width < first.height);  // the finance tables: portrait
    // Numbers are right-aligned: the right edges of a column's figures line up.
    const auto a = runs_with(first, "49,226"), b = runs_with(first, "6,525"), total = runs_with(first, "55,751");
    REQUIRE((a.size() == 1 && b.size() == 1 && total.size() == 1));
    CHECK(a[0]->x + a[0]->width == Approx(b[0]->x + b[0]->width).margin(0.01));
    CHECK(a[0]->x + a[0]->width == Approx(total[0]->x + total[0]->width).margin(0.01));
    // Header cells wrap: "Variance" heads several columns, on more than one line each.
    CHECK(runs_with(first, "Variance").size() >= 3);
    // The indicator table runs over landscape pages, its header at the top of each.
    for (std::size_t p = 1; p < out.pages.size(); ++p) {
        CAPTURE(p);
        CHECK(out.pages[p].width > out.pages[p].height);
        CHECK(page_has(out.pages[p], "Benchmarking"));
    }
    // Its 36 rows all appear once.
    int rows_seen = 0;
    for (const Page& page : out.pages) rows_seen += static_cast<int>(runs_with(page, "SPI").size());
    CHECK(rows_seen == 36);
}

TEST_CASE("table layout: a table nested in a cell is measured with its columns side by side") {
    const LaidOutDocument doc = render("<table><tr><td>Outer</td><td><table><tr><td>Inner A</td><td>Inner B with text</td>"
                                       "</tr></table></td></tr></table>",
                                       plain_css);
    REQUIRE(doc.pages.size() == 1);
    double baseline = -1;
    int inner_runs = 0;
    for (const auto& run : doc.pages[0].runs) {
        if (run.text.find("Inner") == std::string::npos && run.text.find("text") == std::string::npos) continue;
        if (baseline < 0) baseline = run.baseline;
        CHECK(run.baseline == Approx(baseline));  // no wrapping: one line for the whole inner table
        ++inner_runs;
    }
    CHECK(inner_runs >= 2);
}

TEST_CASE("table layout: a large rowspan group flows across pages instead of leaving one empty") {
    std::string controls;
    for (int i = 1; i <= 3; ++i) {
        std::string text;
        for (int line = 1; line <= 25; ++line) text += "<p style=\"margin:0\">C" + std::to_string(i) + "-" + std::to_string(line) + "</p>";
        controls += i == 1 ? "<tr><td rowspan=\"3\">Risk1</td><td>" + text + "</td></tr>" : "<tr><td>" + text + "</td></tr>";
    }
    const LaidOutDocument doc = render("<p>Intro</p><table style=\"border-collapse:collapse\"><thead><tr><th>Risk</th><th>Control</th>"
                                       "</tr></thead>" + controls + "<tr><td>Risk2</td><td>Next</td></tr></table>",
                                       plain_css);
    REQUIRE(doc.pages.size() >= 2);
    CHECK(page_has(doc.pages[0], "Risk1"));  // starts on the first page, under the intro
    CHECK(page_has(doc.pages[0], "Intro"));
    int lines = 0, labels = 0;
    for (const Page& page : doc.pages)
        for (const auto& run : page.runs) {
            lines += run.text[0] == 'C' && run.text.find('-') != std::string::npos;
            labels += run.text == "Risk1";
            CHECK(run.baseline <= page.height - 20 * 72 / 25.4 + 0.01);
        }
    CHECK(lines == 75);
    CHECK(labels == 1);
}

TEST_CASE("table layout: random spans, widths and border models never crash nor leave the page") {
    std::uint32_t seed = 12345;
    const auto next = [&seed](int n) {
        seed = seed * 1664525u + 1013904223u;
        return static_cast<int>((seed >> 8) % static_cast<std::uint32_t>(n));
    };
    const char* widths[] = {"", "width:30%;", "width:120pt;", "width:900pt;"};
    const char* words[] = {"a", "Budget", "Supercalifragilisticexpialidocious", "1,234", "(5.6)"};
    for (int t = 0; t < 150; ++t) {
        std::string html = std::string("<table") + (next(2) ? " style=\"border-collapse:collapse\"" : "") +
                           (next(3) == 0 ? " style=\"table-layout:fixed; width:100%\"" : "") + ">";
        if (next(2)) html += "<colgroup><col span=\"" + std::to_string(next(4)) + "\" style=\"" + widths[next(4)] + "\"/></colgroup>";
        if (next(2)) html += "<thead><tr><th>H1</th><th colspan=\"" + std::to_string(next(4)) + "\">H2</th></tr></thead>";
        html += "<tbody>";
        for (int r = 0, rows = next(12); r < rows; ++r) {
            html += "<tr>";
            for (int c = 0, cells = next(7); c < cells; ++c) {
                html += "<td colspan=\"" + std::to_string(next(4)) + "\" rowspan=\"" + std::to_string(next(5)) + "\" style=\"" +
                        widths[next(4)] + "border:" + std::to_string(next(3)) + "pt solid black\">";
                for (int w = 0, n = next(8); w < n; ++w) html += std::string(words[next(5)]) + " ";
                html += "</td>";
            }
            html += "</tr>";
        }
        html += "</tbody></table>";
        CAPTURE(html);
        const LaidOutDocument doc = render(html, plain_css);
        REQUIRE(!doc.pages.empty());
        for (const Page& page : doc.pages)
            for (const auto& run : page.runs) {
                const double margin = 20 * 72 / 25.4;
                CHECK(run.x >= margin - 0.5);
                CHECK(run.x + run.width <= page.width - margin + 0.5);
                CHECK(run.baseline <= page.height - margin + 0.01);
            }
    }
}
