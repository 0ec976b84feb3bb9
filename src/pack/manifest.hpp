// manifest.json: what a pack run published and from what, so the archive can prove it.
#pragma once

#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace quorum::pack {

// A file the run wrote, named relative to the output folder.
struct WrittenFile {
    std::string name;          // "items/07-update-report.pdf"
    std::optional<int> pages;  // PDFs only
};

// An item's place in the pack.
struct ItemRange {
    std::string number, title, file;  // file: "items/….pdf"
    int first_page = 0, last_page = 0;
};

// An input, named as the meeting file names it (relative to the meeting file's folder).
struct InputRecord {
    std::string name;
    std::filesystem::path path;
};

struct ManifestFacts {
    std::string version, committee, meeting_date, audience, publication_date, questions_deadline;
    bool supplement = false;
    int pack_pages = 0;
};

// The manifest: the facts, every written file (hashed and measured in `root`) sorted by
// name, the items' page ranges, the inputs with their hashes. No time stamps, no absolute
// paths: two runs on the same inputs give the same bytes.
std::string manifest_text(const ManifestFacts& facts, const std::filesystem::path& root,
                          const std::vector<WrittenFile>& files, const std::vector<ItemRange>& items,
                          const std::vector<InputRecord>& inputs);

}  // namespace quorum::pack
