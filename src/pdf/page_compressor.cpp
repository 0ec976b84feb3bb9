#include "pdf/page_compressor.hpp"

#include "pdf/pdf_writer.hpp"

#include <algorithm>
#include <system_error>

namespace quorum::pdf {

PageCompressor::PageCompressor(std::size_t pages, std::size_t workers) : results_(pages) {
    try {
        for (std::size_t i = 0; i < workers; ++i) threads_.emplace_back([this] { work(); });
    } catch (const std::system_error&) {
        // No more threads available: the ones started (or finish() itself) do the work.
    }
}

PageCompressor::~PageCompressor() {
    {
        std::lock_guard lock(mutex_);
        closed_ = true;
    }
    ready_.notify_all();
    for (std::thread& thread : threads_) thread.join();
}

std::size_t PageCompressor::default_workers() {
    const unsigned cores = std::thread::hardware_concurrency();
    return cores <= 1 ? 0 : std::min<std::size_t>(cores - 1, 3);
}

void PageCompressor::submit(std::size_t page, std::string content) {
    {
        std::lock_guard lock(mutex_);
        queue_.push_back({page, std::move(content)});
    }
    ready_.notify_one();
}

void PageCompressor::compress(Deflater& deflater, Job& job) {
    try {
        std::vector<unsigned char> packed = deflater.deflate(job.content);
        std::lock_guard lock(mutex_);
        results_[job.page] = std::move(packed);
    } catch (const PdfError& e) {
        std::lock_guard lock(mutex_);
        if (!error_) error_ = e.message;
    }
}

void PageCompressor::work() {
    std::optional<Deflater> deflater;
    try {
        deflater.emplace();
    } catch (const PdfError&) {
        return;  // out of memory for zlib: the other workers or finish() take the pages
    }
    while (true) {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [this] { return closed_ || !queue_.empty(); });
        if (queue_.empty()) return;  // closed and drained
        Job job = std::move(queue_.front());
        queue_.pop_front();
        lock.unlock();
        compress(*deflater, job);
    }
}

std::vector<std::vector<unsigned char>>& PageCompressor::finish() {
    {
        std::lock_guard lock(mutex_);
        closed_ = true;
    }
    ready_.notify_all();
    for (std::thread& thread : threads_) thread.join();
    threads_.clear();
    if (!queue_.empty()) {  // no workers: compress here
        Deflater deflater;
        for (Job& job : queue_) compress(deflater, job);
        queue_.clear();
    }
    if (error_) throw PdfError{*error_};
    return results_;
}

}  // namespace quorum::pdf
