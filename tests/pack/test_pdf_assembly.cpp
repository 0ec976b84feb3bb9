// pdf_assembly: appendix pages drawn into a pack, per-item extracts, SHA-256 — checked with
// real readers (pdftotext, qpdf) on PDFs our own typesetter makes.
#include "pack/pdf_assembly.hpp"
#include "typeset/typeset.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;
using quorum::pack::AppendixPlacement;
using quorum::pack::PdfAssemblyError;

namespace {

fs::path scratch_dir() {
    static const fs::path dir = [] {
        fs::path d = fs::temp_directory_path() / ("quorum-pdf-assembly-" + std::to_string(::getpid()));
        fs::create_directories(d);
        return d;
    }();
    return dir;
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// stdout of a shell command; the command must succeed.
std::string output_of(const std::string& command) {
    FILE* pipe = ::popen(command.c_str(), "r");
    REQUIRE(pipe);
    std::string out;
    std::array<char, 4096> buffer{};
    std::size_t n;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) out.append(buffer.data(), n);
    const int status = ::pclose(pipe);
    INFO(command);
    REQUIRE((WIFEXITED(status) && WEXITSTATUS(status) == 0));
    return out;
}

std::string page_text(const fs::path& pdf, int first, int last) {
    return output_of("pdftotext -f " + std::to_string(first) + " -l " + std::to_string(last) + " '" + pdf.string() +
                     "' - 2>/dev/null");
}

// The PDF's objects as text (qpdf's QDF form: streams and object streams expanded).
std::string uncompressed(const fs::path& pdf) {
    return output_of("qpdf --qdf --object-streams=disable '" + pdf.string() + "' - 2>/dev/null");
}

// A document whose pages each hold one heading (a bookmark) and whose footer shows
// "<label> page N", rendered by our typesetter.
fs::path render_pages(const std::string& name, const std::string& label, const std::vector<std::string>& headings,
                      const std::string& extra_body = "") {
    std::ostringstream xhtml;
    xhtml << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en-GB\">"
          << "<head><title>" << label << "</title><style>"
          << "@page { size: A4; margin: 30mm 20mm; @bottom-center { content: \"" << label
          << " page \" counter(page) } } h1 { break-before: page; font-size: 14pt } h1:first-child { break-before: auto }"
          << "</style></head><body>";
    for (std::size_t i = 0; i < headings.size(); ++i) {
        xhtml << "<h1 id=\"h" << i + 1 << "\">" << headings[i] << "</h1>";
        if (i == 0) xhtml << extra_body;  // on the first page
    }
    xhtml << "</body></html>\n";
    const fs::path source = scratch_dir() / (name + ".xhtml");
    std::ofstream(source) << xhtml.str();
    const fs::path pdf = scratch_dir() / (name + ".pdf");
    quorum::typeset::RenderOptions options;
    options.creation_time = 1500000000;
    quorum::typeset::render_document(source, {}, pdf, options);
    return pdf;
}

std::string error_from(const std::function<void()>& action) {
    try {
        action();
    } catch (const PdfAssemblyError& e) {
        return e.message;
    }
    FAIL("expected a PdfAssemblyError");
    return "";
}

}  // namespace

TEST_CASE("pdf_page_count counts a real PDF's pages and refuses missing, damaged and encrypted files") {
    const fs::path pdf = render_pages("three", "Three", {"One", "Two", "Three"});
    CHECK(quorum::pack::pdf_page_count(pdf) == 3);

    const fs::path missing = scratch_dir() / "missing.pdf";
    CHECK_THAT(error_from([&] { quorum::pack::pdf_page_count(missing); }),
               Catch::Contains(missing.string()) && Catch::Contains("no such PDF file"));

    const fs::path truncated = scratch_dir() / "truncated.pdf";
    const std::string bytes = slurp(pdf);
    std::ofstream(truncated, std::ios::binary) << bytes.substr(0, bytes.size() / 2);
    CHECK_THAT(error_from([&] { quorum::pack::pdf_page_count(truncated); }),
               Catch::Contains(truncated.string()) && Catch::Contains("damaged"));

    const fs::path locked = scratch_dir() / "locked.pdf";
    output_of("qpdf --encrypt '' owner-secret 256 -- '" + pdf.string() + "' '" + locked.string() + "'");
    CHECK_THAT(error_from([&] { quorum::pack::pdf_page_count(locked); }),
               Catch::Contains(locked.string()) && Catch::Contains("encrypted"));

    const fs::path password = scratch_dir() / "password.pdf";
    output_of("qpdf --encrypt user-secret owner-secret 256 -- '" + pdf.string() + "' '" + password.string() + "'");
    CHECK_THAT(error_from([&] { quorum::pack::pdf_page_count(password); }), Catch::Contains("password"));
}

TEST_CASE("insert_appendix_pages draws each appendix page under its placeholder page's furniture") {
    const fs::path pack = render_pages("pack", "Pack", {"Report", "Placeholder A", "Placeholder B", "Next item"});
    const fs::path appendix = render_pages("appendix", "Letter", {"Appendix alpha", "Appendix beta"});
    const fs::path merged = scratch_dir() / "merged.pdf";
    quorum::pack::insert_appendix_pages(pack, {AppendixPlacement{appendix, 2}}, merged);

    CHECK(quorum::pack::pdf_page_count(merged) == 4);
    output_of("qpdf --check '" + merged.string() + "' >/dev/null");
    const std::string page2 = page_text(merged, 2, 2);
    CHECK_THAT(page2, Catch::Contains("Appendix alpha") && Catch::Contains("Letter page 1") &&
                          Catch::Contains("Pack page 2") && Catch::Contains("Placeholder A"));
    CHECK_THAT(page_text(merged, 3, 3), Catch::Contains("Appendix beta") && Catch::Contains("Pack page 3"));
    CHECK_THAT(page_text(merged, 4, 4), !Catch::Contains("Appendix") && Catch::Contains("Next item"));
    // The pack's bookmarks survive the rewrite.
    CHECK_THAT(output_of("qpdf --json=2 --json-key=outlines '" + merged.string() + "'"), Catch::Contains("Next item"));

    SECTION("the same inputs give the same bytes") {
        const fs::path again = scratch_dir() / "merged-again.pdf";
        quorum::pack::insert_appendix_pages(pack, {AppendixPlacement{appendix, 2}}, again);
        CHECK(slurp(again) == slurp(merged));
    }
    SECTION("an appendix that runs past the end of the pack is refused, naming it") {
        CHECK_THAT(error_from([&] {
                       quorum::pack::insert_appendix_pages(pack, {AppendixPlacement{appendix, 4}},
                                                           scratch_dir() / "never.pdf");
                   }),
                   Catch::Contains(appendix.string()) && Catch::Contains("do not fit at page 4 of the 4-page pack"));
        CHECK_FALSE(fs::exists(scratch_dir() / "never.pdf"));
    }
}

TEST_CASE("extract_pages cuts a range with its text, its bookmarks and the pack's page labels") {
    const std::string link_to_last = "<p><a href=\"#h5\">to the end</a></p>";
    const fs::path pack = render_pages("five", "Five", {"First", "Second", "Third", "Fourth", "Fifth"}, link_to_last);
    const fs::path item = scratch_dir() / "item.pdf";
    quorum::pack::extract_pages(pack, 2, 3, item);

    CHECK(quorum::pack::pdf_page_count(item) == 2);
    output_of("qpdf --check '" + item.string() + "' >/dev/null");
    CHECK(page_text(item, 1, 2) == page_text(pack, 2, 3));
    const std::string outlines = output_of("qpdf --json=2 --json-key=outlines '" + item.string() + "'");
    CHECK_THAT(outlines, Catch::Contains("Second") && Catch::Contains("Third") && !Catch::Contains("Fifth") &&
                             !Catch::Contains("First"));
    const std::string labels = output_of("qpdf --json=2 --json-key=pagelabels '" + item.string() + "'");
    CHECK_THAT(labels, Catch::Contains("\"/St\": 2"));

    SECTION("a link to a page outside the range is dropped, not left dangling") {
        const fs::path first_page = scratch_dir() / "first-page.pdf";
        quorum::pack::extract_pages(pack, 1, 1, first_page);
        output_of("qpdf --check '" + first_page.string() + "' >/dev/null");
        CHECK(output_of("qpdf --show-npages '" + first_page.string() + "'") == "1\n");
        CHECK_THAT(uncompressed(first_page), !Catch::Contains("/Subtype /Link"));
        const fs::path whole = scratch_dir() / "whole.pdf";
        quorum::pack::extract_pages(pack, 1, 5, whole);  // the control: with its target, the link stays
        CHECK_THAT(uncompressed(whole), Catch::Contains("/Subtype /Link"));
    }
    SECTION("a range outside the document is refused") {
        CHECK_THAT(error_from([&] { quorum::pack::extract_pages(pack, 4, 6, scratch_dir() / "x.pdf"); }),
                   Catch::Contains("pages 4-6 are not in its 5 pages"));
    }
}

TEST_CASE("sha256_file gives the standard digest") {
    const fs::path file = scratch_dir() / "abc.txt";
    std::ofstream(file, std::ios::binary) << "abc";
    CHECK(quorum::pack::sha256_file(file) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const fs::path empty = scratch_dir() / "empty.txt";
    std::ofstream(empty, std::ios::binary).flush();
    CHECK(quorum::pack::sha256_file(empty) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK_THAT(error_from([&] { quorum::pack::sha256_file(scratch_dir() / "nope.txt"); }), Catch::Contains("nope.txt"));
}
