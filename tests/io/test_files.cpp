#include "io/files.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace fs = std::filesystem;
using quorum::io::write_text_atomically;

namespace {

std::string read_all(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A fresh folder under the system's temporary folder, removed with the object.
struct ScratchFolder {
    fs::path path = fs::temp_directory_path() / ("quorum-io-test-" + std::to_string(::getpid()));
    ScratchFolder() {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~ScratchFolder() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
};

bool has_temporaries(const fs::path& folder) {
    for (const auto& entry : fs::directory_iterator(folder))
        if (entry.path().filename().string().find(".tmp-") != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("write_text_atomically writes the whole text and leaves no temporary file", "[io]") {
    ScratchFolder scratch;
    const fs::path target = scratch.path / "sub" / "agenda.html";  // its folder is created
    REQUIRE_FALSE(write_text_atomically(target, "first version"));
    CHECK(read_all(target) == "first version");
    REQUIRE_FALSE(write_text_atomically(target, std::string(100000, 'x')));  // replaces, not appends
    CHECK(read_all(target) == std::string(100000, 'x'));
    CHECK_FALSE(has_temporaries(target.parent_path()));
}

TEST_CASE("write_text_atomically leaves the old file whole when it cannot write", "[io]") {
    ScratchFolder scratch;
    const fs::path target = scratch.path / "pack.txt";
    REQUIRE_FALSE(write_text_atomically(target, "published"));
    // The temporary file's name is taken by a folder with an entry: the new text cannot be
    // written, the old file stays as it was, and the folder is not removed.
    const fs::path taken = quorum::io::temporary_beside(target);
    fs::create_directories(taken / "entry");
    CHECK(write_text_atomically(target, "half-written"));
    CHECK(read_all(target) == "published");
    CHECK(fs::is_directory(taken / "entry"));
    fs::remove_all(taken);
    // The target's place is taken by a folder with an entry: the rename onto it fails, and the
    // temporary file is removed.
    const fs::path blocked = scratch.path / "blocked";
    fs::create_directories(blocked / "entry");
    CHECK(write_text_atomically(blocked, "new"));
    CHECK(fs::is_directory(blocked / "entry"));
    CHECK_FALSE(has_temporaries(scratch.path));
    // A folder that cannot be made (a file is in the way): an error, and nothing left behind.
    CHECK(write_text_atomically(target / "under-a-file.txt", "x"));
    CHECK(read_all(target) == "published");
    CHECK_FALSE(has_temporaries(scratch.path));
}

TEST_CASE("a bare file name is written in the working folder (whose entries are then synced)", "[io]") {
    ScratchFolder scratch;
    const fs::path before = fs::current_path();
    fs::current_path(scratch.path);
    const std::error_code error = write_text_atomically("relative.txt", "text");  // folder: "."
    fs::current_path(before);
    REQUIRE_FALSE(error);
    CHECK(read_all(scratch.path / "relative.txt") == "text");
}
