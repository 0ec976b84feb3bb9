#include "pack/staging.hpp"

#include <cstdlib>
#include <stdexcept>

namespace quorum::pack {

namespace fs = std::filesystem;

namespace {

fs::path make_temporary_dir(const fs::path& parent) {
    std::string pattern = (parent / ".quorum-pack-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("cannot create a temporary folder in " + parent.string());
    return pattern;
}

}  // namespace

Staging::Staging(const fs::path& out_dir) : out_dir_(out_dir) {
    fs::create_directories(out_dir_);
    dir_ = make_temporary_dir(out_dir_);
}

Staging::~Staging() {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
}

void Staging::commit(const std::vector<std::string>& names) {
    const fs::path replaced = dir_ / ".replaced";
    fs::create_directories(replaced);
    for (const std::string& name : names) {
        const fs::path target = out_dir_ / name;
        // A folder cannot be renamed over a non-empty folder: move the old one aside first.
        if (fs::is_directory(target)) fs::rename(target, replaced / name);
        fs::rename(dir_ / name, target);
    }
}

}  // namespace quorum::pack
