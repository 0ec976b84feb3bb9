// RenderResult::anchor_pages: where each element with an id landed (agenda packs read item
// page ranges from it), checked against the text poppler reads from those pages.
#include "typeset/typeset.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

std::string page_text(const fs::path& pdf, int page) {
    const std::string command = "pdftotext -f " + std::to_string(page) + " -l " + std::to_string(page) + " '" +
                                pdf.string() + "' - 2>/dev/null";
    FILE* pipe = ::popen(command.c_str(), "r");
    REQUIRE(pipe);
    std::string text;
    std::array<char, 4096> buffer{};
    std::size_t n;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) text.append(buffer.data(), n);
    REQUIRE(::pclose(pipe) == 0);
    return text;
}

}  // namespace

TEST_CASE("render_document reports the 1-based page of every id", "[typeset]") {
    const fs::path dir = fs::temp_directory_path() / ("quorum-anchor-pages-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const fs::path pdf = dir / "committee_report.pdf";
    const auto result =
        quorum::typeset::render_document(fs::path(QUORUM_TEST_DATA) / "typeset" / "committee_report.xhtml", {}, pdf);

    const auto& pages = result.anchor_pages;
    for (const char* id : {"top", "s1", "s2", "s3", "s4", "performance", "appendix", "appendix-b"}) {
        INFO(id);
        REQUIRE(pages.count(id) == 1);
        CHECK(pages.at(id) >= 1);
        CHECK(pages.at(id) <= result.page_count);
    }
    CHECK(pages.at("top") == 1);
    // Document order is page order.
    CHECK(pages.at("s1") <= pages.at("s2"));
    CHECK(pages.at("s2") <= pages.at("s3"));
    CHECK(pages.at("s3") <= pages.at("s4"));
    CHECK(pages.at("appendix") <= pages.at("appendix-b"));
    // The heading is on the page reported for its id.
    CHECK(page_text(pdf, pages.at("s1")).find("Why this report is needed") != std::string::npos);
    CHECK(page_text(pdf, pages.at("s4")).find("Post decision implementation") != std::string::npos);
    fs::remove_all(dir);
}
