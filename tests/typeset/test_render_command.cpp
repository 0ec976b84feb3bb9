// End to end: `quorum render` on fixture documents, the PDFs checked with real readers
// (qpdf, pdfinfo, pdffonts, pdftotext from poppler, mutool).
#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

struct Outcome {
    int exit_code = -1;
    std::string out, err;
};

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Runs a shell command, capturing stdout and stderr separately.
Outcome run(const std::string& command) {
    static int counter = 0;
    const fs::path err_file = fs::temp_directory_path() / ("quorum-e2e-" + std::to_string(::getpid()) + "-" +
                                                            std::to_string(++counter) + ".err");
    Outcome o;
    FILE* pipe = ::popen((command + " 2>" + err_file.string()).c_str(), "r");
    REQUIRE(pipe);
    std::array<char, 4096> buffer{};
    std::size_t n;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) o.out.append(buffer.data(), n);
    const int status = ::pclose(pipe);
    o.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    o.err = slurp(err_file);
    fs::remove(err_file);
    return o;
}

std::string quoted(const fs::path& p) {
    std::string q(1, '\'');
    q += p.string();
    q += '\'';
    return q;
}

const fs::path data_dir = fs::path(QUORUM_TEST_DATA) / "typeset";

fs::path output_dir() {
    const fs::path dir = fs::temp_directory_path() / ("quorum-typeset-tests-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    return dir;
}

Outcome render(const std::string& fixture, const fs::path& pdf, const std::string& extra = "") {
    return run(std::string("SOURCE_DATE_EPOCH=1500000000 ") + QUORUM_BINARY + " render " + quoted(data_dir / fixture) +
               " -o " + quoted(pdf) + " " + extra);
}

std::string page_text(const fs::path& pdf, int page) {
    const Outcome o = run("pdftotext -layout -f " + std::to_string(page) + " -l " + std::to_string(page) + " " +
                          quoted(pdf) + " -");
    REQUIRE(o.exit_code == 0);
    CHECK(o.err.empty());
    return o.out;
}

// Words of a page's text separated by single spaces, so checks do not depend on columns.
std::string squeezed(const std::string& text) {
    std::string out;
    bool space = false;
    for (char c : text) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\f') { space = !out.empty(); continue; }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

// The committee report is rendered once and shared by the checks below.
const fs::path& committee_report_pdf() {
    static const fs::path pdf = [] {
        const fs::path p = output_dir() / "committee_report.pdf";
        const Outcome o = render("committee_report.xhtml", p);
        INFO(o.err);
        REQUIRE(o.exit_code == 0);
        CHECK(o.err.empty());  // no warnings for a clean document
        return p;
    }();
    return pdf;
}

}  // namespace

TEST_CASE("committee report: a valid PDF with every font embedded, no reader warnings", "[typeset][e2e]") {
    const fs::path& pdf = committee_report_pdf();
    const Outcome check = run("qpdf --check " + quoted(pdf));
    INFO(check.out << check.err);
    CHECK(check.exit_code == 0);
    CHECK(contains(check.out, "No syntax or stream encoding errors found"));
    CHECK(check.err.empty());

    const Outcome fonts = run("pdffonts " + quoted(pdf));
    REQUIRE(fonts.exit_code == 0);
    CHECK(fonts.err.empty());
    std::istringstream lines(fonts.out);
    std::string line;
    int font_rows = 0;
    std::getline(lines, line);  // header
    std::getline(lines, line);  // rule
    while (std::getline(lines, line)) {
        ++font_rows;
        INFO(line);
        CHECK(contains(line, " yes yes ") );  // emb and sub columns
    }
    CHECK(font_rows >= 2);  // regular and bold at least

    const Outcome mutool = run("mutool info " + quoted(pdf));
    CHECK(mutool.exit_code == 0);
    CHECK(mutool.err.empty());
}

TEST_CASE("committee report: page count, sizes and metadata", "[typeset][e2e]") {
    const fs::path& pdf = committee_report_pdf();
    const Outcome info = run("pdfinfo -f 1 -l 100 " + quoted(pdf));
    REQUIRE(info.exit_code == 0);
    CHECK(contains(info.out, "Pages:           8"));
    CHECK(contains(info.out, "Title:           Annual report on the commissioning plan"));
    CHECK(contains(info.out, "Author:          Strategic Director of Children and Young People"));
    CHECK(contains(info.out, "Page    1 size:  595.276 x 841.89 pts (A4)"));
    CHECK(contains(info.out, "Page    7 size:  595.276 x 841.89 pts (A4)"));
    CHECK(contains(info.out, "Page    8 size:  841.89 x 595.276 pts (A4)"));  // the landscape section
}

TEST_CASE("committee report: text of each page, running headers, page numbers, blank page", "[typeset][e2e]") {
    const fs::path& pdf = committee_report_pdf();
    const std::string p1 = squeezed(page_text(pdf, 1));
    CHECK(p1.rfind("AGENDA ITEM 7 Children, Education, Libraries and Safeguarding Committee 18 July 2017", 0) == 0);
    CHECK(contains(p1, "Title Annual report on the Children"));
    CHECK(contains(p1, "Officer Contact Details Chris Munday – chris.munday@barnet.gov.uk"));
    CHECK(contains(p1, "Performance indicators — page 3"));  // target-counter()
    CHECK(contains(p1, "Appendix A — page 5"));
    CHECK(contains(p1, "Appendix B — page 7"));
    CHECK(contains(p1, "a. That the Committee note"));
    CHECK(contains(p1, "1. Why this report is needed 1.1 The Committee approved"));
    CHECK(contains(p1, "(£1.2m under budget)"));
    CHECK(p1.size() > 20);
    CHECK(p1.substr(p1.size() - 11) == "Page 1 of 8");

    // The indicators table runs from page 3 onto page 4, where its header row is repeated.
    const std::string p3 = squeezed(page_text(pdf, 3));
    CHECK(contains(p3, "AGENDA ITEM 7 Performance indicators"));  // string(section) in @top-right
    CHECK(contains(p3, "Ref Indicator Result Target RAG CES/S01"));
    const std::string p4 = squeezed(page_text(pdf, 4));
    CHECK(contains(p4, "Ref Indicator Result Target RAG CES/S"));
    CHECK(contains(p4, "CES/S48 Average Attainment 8 score"));
    CHECK(contains(p4, "Page 4 of 8"));

    CHECK(squeezed(page_text(pdf, 5)) ==
          "AGENDA ITEM 7 Appendix A: Annual Performance Report Appendix A: Annual Performance Report "
          "The appendix starts on a right-hand page. Page 5 of 8");
    // Appendix B must start on a right-hand page: page 6 is an inserted :blank page.
    CHECK(squeezed(page_text(pdf, 6)) == "This page is intentionally left blank Page 6 of 8");
    CHECK(contains(squeezed(page_text(pdf, 7)), "Appendix B: Glossary RAG: red, amber, green rating."));
    const std::string p8 = squeezed(page_text(pdf, 8));
    CHECK(contains(p8, "Quarter Service 1 Service 2"));
    CHECK(contains(p8, "Q8 £396,000"));
    CHECK(contains(p8, "Page 8 of 8"));
}

TEST_CASE("committee report: outlines from the headings", "[typeset][e2e]") {
    const fs::path& pdf = committee_report_pdf();
    const Outcome json = run("qpdf --json --json-key=outlines " + quoted(pdf));
    REQUIRE(json.exit_code == 0);
    CHECK(contains(json.out, "\"title\": \"Children, Education, Libraries and Safeguarding Committee\""));
    CHECK(contains(json.out, "\"title\": \"Performance indicators\""));
    CHECK(contains(json.out, "\"title\": \"Appendix B: Glossary\""));
    CHECK(contains(json.out, "\"title\": \"Contents\""));  // h3
}

TEST_CASE("render: rendering is reproducible byte for byte", "[typeset][e2e]") {
    const fs::path a = output_dir() / "repro-a.pdf", b = output_dir() / "repro-b.pdf";
    REQUIRE(render("committee_report.xhtml", a).exit_code == 0);
    REQUIRE(render("committee_report.xhtml", b).exit_code == 0);
    CHECK(slurp(a) == slurp(b));
}

TEST_CASE("render: odd input renders with one warning per problem", "[typeset][e2e][robust]") {
    const fs::path pdf = output_dir() / "odd.pdf";
    const Outcome o = render("odd_input.xhtml", pdf);
    INFO(o.err);
    REQUIRE(o.exit_code == 0);
    const std::string file = (data_dir / "odd_input.xhtml").string();
    CHECK(contains(o.err, file + ":6:1: warning: unknown element <blink>, laid out as block"));
    CHECK(contains(o.err, file + ":8:1: warning: unknown element <marquee>, laid out as inline"));
    CHECK(contains(o.err, file + ":9:4: warning: image 'no-such-image.png' not found"));
    CHECK(o.err.find("<blink>") == o.err.rfind("<blink>"));  // once per element name
    const std::string text = squeezed(page_text(pdf, 1));
    CHECK(contains(text, "Blinking text laid out as a block."));
    CHECK(contains(text, "Scrolling text laid out inline."));
    CHECK(contains(text, "[chart of spending]"));
    CHECK(run("qpdf --check " + quoted(pdf)).exit_code == 0);
}

TEST_CASE("render: user errors exit 1 with FILE:LINE:COL and leave no file", "[typeset][e2e][robust]") {
    const fs::path pdf = output_dir() / "never.pdf";
    fs::remove(pdf);

    const Outcome malformed = render("malformed.xhtml", pdf);
    CHECK(malformed.exit_code == 1);
    CHECK(malformed.err == (data_dir / "malformed.xhtml").string() + ":6:3: error: Start-end tags mismatch\n");
    CHECK_FALSE(fs::exists(pdf));

    const Outcome missing = render("no_such_document.xhtml", pdf);
    CHECK(missing.exit_code == 1);
    CHECK(contains(missing.err, "no_such_document.xhtml"));
    CHECK(contains(missing.err, "error:"));
    CHECK_FALSE(fs::exists(pdf));

    const Outcome sheet = render("committee_report.xhtml", pdf, "--stylesheet " + quoted(data_dir / "missing.css"));
    CHECK(sheet.exit_code == 1);
    CHECK(sheet.err == (data_dir / "missing.css").string() + ":1:1: error: cannot read stylesheet\n");
    CHECK_FALSE(fs::exists(pdf));

    const Outcome unwritable = render("committee_report.xhtml", output_dir() / "no" / "such" / "dir" / "x.pdf");
    CHECK(unwritable.exit_code == 1);
    CHECK(contains(unwritable.err, "error:"));

    const Outcome usage = run(std::string(QUORUM_BINARY) + " render");
    CHECK(usage.exit_code != 0);
}

TEST_CASE("render: --stylesheet applies after the document's own sheets", "[typeset][e2e]") {
    const fs::path css = output_dir() / "override.css";
    std::ofstream(css) << "@page { size: A5; @top-center { content: \"DRAFT\" } }\n";
    const fs::path pdf = output_dir() / "override.pdf";
    const Outcome o = render("committee_report.xhtml", pdf, "--stylesheet " + quoted(css));
    INFO(o.err);
    REQUIRE(o.exit_code == 0);
    const Outcome info = run("pdfinfo " + quoted(pdf));
    CHECK(contains(info.out, "Page size:       419.528 x 595.276 pts"));  // A5
    CHECK(squeezed(page_text(pdf, 1)).rfind("DRAFT", 0) == 0);
}
