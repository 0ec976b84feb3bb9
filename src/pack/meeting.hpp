// Loading a meeting for `quorum pack`: the meeting file, every item's paper and appendix,
// checked all together so the officer sees every problem of a run at once.
#pragma once

#include "papers/issues.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace quorum::pack {

enum class Audience { Public, Members };

struct LoadedAppendix {
    std::string title;
    std::filesystem::path paper_file;  // a paper (report JSON) appendix, or
    std::filesystem::path pdf_file;    // an existing PDF included as it is
    nlohmann::json paper;              // the paper's template context (null for a PDF)
    int pdf_pages = 0;
};

struct LoadedItem {
    std::string number, title, kind;
    bool to_follow = false;
    std::optional<int> exempt_paragraph;  // Schedule 12A paragraph of a Part 2 item
    std::filesystem::path paper_file;     // empty: no paper
    nlohmann::json paper;                 // the template context (null: none)
    std::vector<LoadedAppendix> appendices;

    // Whether the item has pages in the pack (a paper, appendices, or a to-follow placeholder).
    bool has_section() const { return to_follow || !paper.is_null() || !appendices.empty(); }
};

// A file the run read, for the manifest. `confidential` files belong to exempt items: the
// public manifest leaves them out, since even a file name may say what the item is about.
struct InputFile {
    std::filesystem::path path;
    bool confidential = false;
};

struct LoadedMeeting {
    std::filesystem::path file;
    nlohmann::json data;            // the meeting file as written
    std::vector<LoadedItem> items;  // the order of business (with --supplement: the to-follow items)
    std::vector<InputFile> inputs;  // the meeting file first, then papers and PDFs in order
};

struct LoadOptions {
    Audience audience = Audience::Public;
    bool supplement = false;
};

// Reads and checks everything a pack needs. Each problem (unreadable or invalid JSON, schema
// errors, an item number used twice, a missing paper, a paper that breaks the council's
// rules, a missing, encrypted or damaged appendix PDF) is appended to `issues` with its file
// and JSON path; the result is only usable when `issues` stayed empty.
LoadedMeeting load_meeting(const std::filesystem::path& file, const LoadOptions& options, papers::Issues& issues);

}  // namespace quorum::pack
