// Tables end to end: `quorum render` on the budget-outturn fixture (tests/data/layout),
// the PDF read back with poppler and qpdf.
#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

struct Result {
    int exit_code = -1;
    std::string output;  // stdout and stderr together
};

Result shell(const std::string& command) {
    Result r;
    FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
    REQUIRE(pipe);
    std::array<char, 4096> buffer{};
    std::size_t n;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) r.output.append(buffer.data(), n);
    const int status = ::pclose(pipe);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

fs::path scratch(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("quorum-table-tests-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    return dir / name;
}

std::string page_text(const fs::path& pdf, int page) {
    const Result r = shell("pdftotext -layout -f " + std::to_string(page) + " -l " + std::to_string(page) + " '" +
                           pdf.string() + "' -");
    REQUIRE(r.exit_code == 0);
    return r.output;
}

int count(const std::string& haystack, const std::string& needle) {
    int n = 0;
    for (std::size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("typeset tables: budget outturn and landscape indicator tables read back from the PDF") {
    const fs::path pdf = scratch("table_budget.pdf");
    const Result render = shell(std::string("'") + QUORUM_BINARY + "' render '" + QUORUM_TEST_DATA +
                                "/layout/table_budget.xhtml' -o '" + pdf.string() + "'");
    INFO(render.output);
    REQUIRE(render.exit_code == 0);
    CHECK(shell("qpdf --check '" + pdf.string() + "'").exit_code == 0);

    const Result info = shell("pdfinfo -f 1 -l 99 '" + pdf.string() + "'");
    REQUIRE(info.exit_code == 0);
    CHECK(count(info.output, "595.276 x 841.89") == 1);  // page 1 portrait (finance tables)
    const int landscape = count(info.output, "841.89 x 595.276");
    CHECK(landscape >= 2);  // the indicator table runs over landscape pages

    const std::string first = page_text(pdf, 1);
    CHECK(first.find("Revenue") != std::string::npos);
    CHECK(first.find("49,226") != std::string::npos);
    CHECK(count(first, "Variance") >= 3);  // wrapped header cells
    for (int page = 2; page <= 1 + landscape; ++page) {
        CAPTURE(page);
        const std::string text = page_text(pdf, page);
        CHECK(text.find("Benchmarking") != std::string::npos);  // the header repeated on each page
        CHECK(text.find("DOT Long Term") != std::string::npos);
    }
    // No reader complains about the file (text extraction relies on the ToUnicode maps).
    CHECK(shell("pdftotext '" + pdf.string() + "' /dev/null").output.empty());
    fs::remove_all(pdf.parent_path());
}

TEST_CASE("typeset tables: a table wider than the page renders inside it with one warning") {
    const fs::path doc = scratch("wide.xhtml"), pdf = scratch("wide.pdf");
    std::string cells;
    for (int i = 0; i < 16; ++i) cells += "<td>Floccinaucinihilipilification" + std::to_string(i) + "</td>";
    std::ofstream(doc) << "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>\n<table><tr>" << cells
                       << "</tr></table></body></html>\n";
    const Result render = shell(std::string("'") + QUORUM_BINARY + "' render '" + doc.string() + "' -o '" + pdf.string() + "'");
    INFO(render.output);
    REQUIRE(render.exit_code == 0);
    CHECK(count(render.output, "wider than the page") == 1);
    // Names the table's source line and column (layout has no file name to prefix: see table.cpp).
    CHECK(render.output.find("2:1: warning: table is wider") != std::string::npos);
    const std::string text = page_text(pdf, 1);
    CHECK(count(text, "Flo") == 16);  // every cell drawn, its word broken to fit the column
    fs::remove_all(pdf.parent_path());
}
