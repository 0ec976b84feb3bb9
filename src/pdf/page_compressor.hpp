// Deflates page contents on worker threads while the next pages are being drawn.
//
// Why: compressing content streams is about half of the writer's time, and it is the one
// part that needs no libharu state (libharu is not thread-safe, so drawing stays on the
// calling thread). Workers take pages in any order; results are kept by page index, so
// the bytes written are the same whatever the scheduling.
#pragma once

#include "pdf/deflater.hpp"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace quorum::pdf {

class PageCompressor {
public:
    // `workers` threads (0: compress on the calling thread in finish()).
    PageCompressor(std::size_t pages, std::size_t workers);
    ~PageCompressor();
    PageCompressor(const PageCompressor&) = delete;
    PageCompressor& operator=(const PageCompressor&) = delete;

    void submit(std::size_t page, std::string content);
    // Waits for every page; rethrows a worker's PdfError. Results are indexed by page.
    std::vector<std::vector<unsigned char>>& finish();

    // One worker per spare core, at most 3: beyond that, drawing is the bottleneck.
    static std::size_t default_workers();

private:
    struct Job {
        std::size_t page;
        std::string content;
    };
    void work();
    void compress(Deflater& deflater, Job& job);

    std::vector<std::vector<unsigned char>> results_;
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<Job> queue_;
    bool closed_ = false;
    std::optional<std::string> error_;
    std::vector<std::thread> threads_;
};

}  // namespace quorum::pdf
