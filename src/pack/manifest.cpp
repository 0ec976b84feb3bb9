#include "pack/manifest.hpp"

#include "pack/pdf_assembly.hpp"

#include <algorithm>

namespace quorum::pack {

namespace {

using ordered = nlohmann::ordered_json;

ordered files_part(const std::filesystem::path& root, std::vector<WrittenFile> files) {
    std::sort(files.begin(), files.end(), [](const WrittenFile& a, const WrittenFile& b) { return a.name < b.name; });
    ordered out = ordered::array();
    for (const WrittenFile& f : files) {
        const std::filesystem::path path = root / f.name;
        ordered entry = {{"path", f.name}, {"sha256", sha256_file(path)}, {"bytes", std::filesystem::file_size(path)}};
        entry["pages"] = f.pages ? ordered(*f.pages) : ordered(nullptr);
        out.push_back(entry);
    }
    return out;
}

ordered items_part(const std::vector<ItemRange>& items) {
    ordered out = ordered::array();
    for (const ItemRange& item : items)
        out.push_back({{"number", item.number},
                       {"title", item.title},
                       {"file", item.file},
                       {"first_page", item.first_page},
                       {"last_page", item.last_page}});
    return out;
}

ordered inputs_part(const std::vector<InputRecord>& inputs) {
    ordered out = ordered::array();
    for (const InputRecord& input : inputs)
        out.push_back({{"path", input.name},
                       {"sha256", sha256_file(input.path)},
                       {"bytes", std::filesystem::file_size(input.path)}});
    return out;
}

}  // namespace

std::string manifest_text(const ManifestFacts& facts, const std::filesystem::path& root,
                          const std::vector<WrittenFile>& files, const std::vector<ItemRange>& items,
                          const std::vector<InputRecord>& inputs) {
    ordered manifest = {
        {"generator", "Quorum " + facts.version},
        {"quorum_version", facts.version},
        {"committee", facts.committee},
        {"meeting_date", facts.meeting_date},
        {"audience", facts.audience},
        {"supplement", facts.supplement},
        {"statutory_publication_date", facts.publication_date},
        {"public_questions_deadline", facts.questions_deadline},
        {"pack_pages", facts.pack_pages},
        {"files", files_part(root, files)},
        {"items", items_part(items)},
        {"inputs", inputs_part(inputs)},
    };
    return manifest.dump(2) + "\n";
}

}  // namespace quorum::pack
