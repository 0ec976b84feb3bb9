// Writing a run's outputs safely: everything goes to a temporary folder inside the output
// folder (same file system, so renames are atomic) and is moved into place only when the
// whole run has succeeded. A failed run removes its temporary folder and leaves the
// previously published files untouched.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace quorum::pack {

class Staging {
public:
    // Creates `out_dir` if needed and a fresh ".quorum-pack-*" folder inside it.
    explicit Staging(const std::filesystem::path& out_dir);
    ~Staging();  // removes the temporary folder (after commit() it holds only replaced files)
    Staging(const Staging&) = delete;
    Staging& operator=(const Staging&) = delete;

    const std::filesystem::path& dir() const { return dir_; }
    std::filesystem::path path(const std::string& relative) const { return dir_ / relative; }

    // Moves each named entry (a file or a whole folder) from the staging folder to the
    // output folder, replacing what is there. Folders are swapped whole, so no stale file
    // of an earlier run survives in them. `names` are moved in order: put the manifest last.
    void commit(const std::vector<std::string>& names);

private:
    std::filesystem::path out_dir_;
    std::filesystem::path dir_;
};

}  // namespace quorum::pack
