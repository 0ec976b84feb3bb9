// Finding font files: the catalogue's folder first, then the system font folders.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace quorum::fonts {

class FontFileFinder {
public:
    // `catalogue_folder` is searched first (not recursively), then each system folder
    // recursively, in order.
    FontFileFinder(std::filesystem::path catalogue_folder, std::vector<std::filesystem::path> system_folders);

    // Debian's and /usr/local's font folders.
    static std::vector<std::filesystem::path> default_system_folders();

    // The file for `name` (absolute, or a bare/relative name), or nullopt.
    std::optional<std::filesystem::path> find(const std::string& name) const;

    // "FOLDER, FOLDER (and sub-folders), ..." for error messages.
    std::string describe_search() const;

private:
    void index_system_folders() const;

    std::filesystem::path catalogue_folder_;
    std::vector<std::filesystem::path> system_folders_;
    // File name -> first path found. Built on first miss in the catalogue folder:
    // walking /usr/share/fonts once is cheaper than once per face.
    mutable std::unordered_map<std::string, std::filesystem::path> system_index_;
    mutable bool indexed_ = false;
};

}  // namespace quorum::fonts
