// Page contents deflated on worker threads: same bytes whatever the number of workers.
#include "pdf/page_compressor.hpp"

#include <catch2/catch.hpp>

#include <zlib.h>

#include <chrono>
#include <future>

using namespace quorum::pdf;

namespace {

std::string page_content(std::size_t page) {
    std::string text;
    for (int line = 0; line < 200; ++line)
        text += std::to_string(page) + " " + std::to_string(line) + " Td (line of page text) Tj\n";
    return text;
}

std::string inflate(const std::vector<unsigned char>& packed, std::size_t expected_size) {
    std::string out(expected_size, '\0');
    uLongf size = static_cast<uLongf>(out.size());
    REQUIRE(uncompress(reinterpret_cast<Bytef*>(out.data()), &size, packed.data(), static_cast<uLong>(packed.size())) == Z_OK);
    out.resize(size);
    return out;
}

std::vector<std::vector<unsigned char>> compress_pages(std::size_t pages, std::size_t workers) {
    PageCompressor compressor(pages, workers);
    for (std::size_t page = 0; page < pages; ++page) compressor.submit(page, page_content(page));
    return compressor.finish();
}

}  // namespace

TEST_CASE("page compression is the same with no workers and with several") {
    const auto inline_results = compress_pages(50, 0);
    const auto threaded = compress_pages(50, 3);
    REQUIRE(inline_results.size() == 50);
    CHECK(inline_results == threaded);
    for (std::size_t page = 0; page < 50; page += 7) {
        const std::string original = page_content(page);
        CHECK(inflate(threaded[page], original.size()) == original);
        CHECK(threaded[page].size() < original.size() / 4);
    }
}

TEST_CASE("a compressor destroyed before finish() stops its workers") {
    // What happens when drawing a page throws: the destructor must join, not hang.
    auto abandoned = std::async(std::launch::async, [] {
        PageCompressor compressor(10, 2);
        for (std::size_t page = 0; page < 10; ++page) compressor.submit(page, page_content(page));
    });
    CHECK(abandoned.wait_for(std::chrono::seconds(20)) == std::future_status::ready);
}
