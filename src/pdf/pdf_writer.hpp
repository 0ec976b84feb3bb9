// The PDF stage: draws laid-out pages with libharu. Knows nothing of CSS or HTML.
#pragma once

#include "layout/pages.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace quorum::pdf {

struct PdfOptions {
    // Creation/modification date written into the document info. When unset, the
    // writer uses SOURCE_DATE_EPOCH if the environment has it, else the current time.
    std::optional<std::int64_t> creation_time;
    bool compress = true;
};

struct PdfError {
    std::string message;
};

// Renders to bytes in memory (reproducible: same input and date -> same bytes).
std::string render_pdf(const layout::LaidOutDocument& doc, const PdfOptions& options = {});

// Writes atomically: a temporary file beside `path`, renamed into place on success.
void write_pdf(const layout::LaidOutDocument& doc, const std::filesystem::path& path,
               const PdfOptions& options = {});

}  // namespace quorum::pdf
