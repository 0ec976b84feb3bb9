// `quorum pack`: a meeting file to the published pack, per-item PDFs, HTML and manifest.
#pragma once

#include "pack/meeting.hpp"

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace quorum::pack {

struct PackRequest {
    std::filesystem::path meeting_file;
    std::filesystem::path out_dir = "output";
    Audience audience = Audience::Public;
    bool supplement = false;
    // Searched before the built-in templates/ folder (a council's own house style).
    std::vector<std::filesystem::path> template_dirs;
    std::filesystem::path font_catalogue;  // empty: the default

    bool for_members() const { return audience == Audience::Members; }
};

// Problems the user can fix, each already formatted ("FILE: /json/path: message",
// "FILE:LINE:COL: error: …"). Nothing was written when this is thrown.
struct PackFailure {
    std::vector<std::string> messages;
};

struct PackSummary {
    std::filesystem::path pack_pdf;
    int pages = 0;
    std::vector<std::string> warnings;  // e.g. published after the statutory date
};

// Progress lines ("item 7: pages 15 - 38"); the CLI prints them when stderr is a terminal.
using ProgressFn = std::function<void(const std::string&)>;

// The whole run. Throws PackFailure for input problems; anything else escaping is internal.
// Warnings that do not stop the run are also passed to `warn` as soon as they are known.
PackSummary make_pack(const PackRequest& request, const ProgressFn& progress, const ProgressFn& warn);

// The names of the outputs: "<committee-slug>-<date>" and the pack file for the request.
std::string output_stem(const std::string& committee, const std::string& date);
std::string pack_file_name(const std::string& stem, const PackRequest& request);

}  // namespace quorum::pack
