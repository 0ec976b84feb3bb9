#include "fonts/font_files.hpp"

#include <system_error>

namespace quorum::fonts {

namespace fs = std::filesystem;

FontFileFinder::FontFileFinder(fs::path catalogue_folder, std::vector<fs::path> system_folders)
    : catalogue_folder_(std::move(catalogue_folder)), system_folders_(std::move(system_folders)) {}

std::vector<fs::path> FontFileFinder::default_system_folders() {
    return {"/usr/share/fonts", "/usr/local/share/fonts"};
}

std::optional<fs::path> FontFileFinder::find(const std::string& name) const {
    std::error_code ec;
    const fs::path wanted(name);
    if (wanted.is_absolute()) {
        if (fs::is_regular_file(wanted, ec)) return wanted;
        return std::nullopt;
    }
    const fs::path local = catalogue_folder_ / wanted;
    if (fs::is_regular_file(local, ec)) return local;
    for (const fs::path& folder : system_folders_) {  // a relative path with folders, e.g. "dejavu/DejaVuSans.ttf"
        const fs::path candidate = folder / wanted;
        if (wanted.has_parent_path() && fs::is_regular_file(candidate, ec)) return candidate;
    }
    index_system_folders();
    const auto found = system_index_.find(wanted.filename().string());
    if (found == system_index_.end()) return std::nullopt;
    return found->second;
}

void FontFileFinder::index_system_folders() const {
    if (indexed_) return;
    indexed_ = true;
    for (const fs::path& folder : system_folders_) {
        std::error_code ec;
        if (!fs::is_directory(folder, ec)) continue;
        // skip_permission_denied: an unreadable sub-folder must not hide the rest.
        fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec), end;
        for (; !ec && it != end; it.increment(ec)) {
            if (!it->is_regular_file(ec)) continue;
            system_index_.try_emplace(it->path().filename().string(), it->path());
        }
    }
}

std::string FontFileFinder::describe_search() const {
    std::string text = catalogue_folder_.string();
    for (const fs::path& folder : system_folders_) text += ", " + folder.string() + " (and sub-folders)";
    return text;
}

}  // namespace quorum::fonts
