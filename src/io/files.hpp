// Writing output files so that a failed run never leaves a partial one: text goes to a
// temporary file beside the target (same folder, so the rename cannot cross file systems)
// and is renamed into place only when complete. The file's data reaches the disk (fsync)
// before the rename, and the rename before we report success (fsync of the folder), so a
// crash or power cut leaves the old file or the whole new one, never an empty one: packs
// are archived and verified by hash. Header-only: every stage that writes a file
// (template CLI, papers, pack, pdf) uses it, and it depends on nothing of theirs.
#pragma once

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <system_error>

namespace quorum::io {

// "out/x.pdf" -> "out/x.pdf.tmp-PID": unique per process, so parallel runs never share one.
inline std::filesystem::path temporary_beside(const std::filesystem::path& target) {
    std::filesystem::path temporary = target;
    temporary += ".tmp-" + std::to_string(::getpid());
    return temporary;
}

// Writes `text` to `file` (creating its folders); returns what went wrong, if anything.
inline std::error_code write_text(const std::filesystem::path& file, std::string_view text) {
    std::error_code error;
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), error);
    if (error) return error;
    errno = 0;
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.close();
    if (!out) return {errno ? errno : EIO, std::generic_category()};
    return {};
}

// Flushes `path` (a file, or a folder: its entries) to the disk; returns what went wrong.
inline std::error_code sync_to_disk(const std::filesystem::path& path, bool folder) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | (folder ? O_DIRECTORY : 0));
    if (fd < 0) return {errno, std::generic_category()};
    std::error_code error;
    // A folder on a file system that cannot sync folders (EINVAL) has nothing more to flush.
    if (::fsync(fd) != 0 && !(folder && errno == EINVAL)) error = {errno, std::generic_category()};
    ::close(fd);
    return error;
}

// Moves a finished temporary file onto `target`, its data on the disk first and the rename
// after; on failure removes the temporary and says why.
inline std::error_code move_into_place(const std::filesystem::path& temporary, const std::filesystem::path& target) {
    std::error_code error = sync_to_disk(temporary, false);
    if (!error) std::filesystem::rename(temporary, target, error);
    if (error) {
        std::error_code ignored;
        std::filesystem::remove(temporary, ignored);
        return error;
    }
    const std::filesystem::path folder = target.has_parent_path() ? target.parent_path() : ".";
    return sync_to_disk(folder, true);
}

// write_text() through a temporary file: `target` is either the whole new text or untouched.
// Returns what went wrong, if anything.
inline std::error_code write_text_atomically(const std::filesystem::path& target, std::string_view text) {
    const std::filesystem::path temporary = temporary_beside(target);
    if (const std::error_code error = write_text(temporary, text)) {
        std::error_code ignored;
        std::filesystem::remove(temporary, ignored);
        return error;
    }
    return move_into_place(temporary, target);
}

}  // namespace quorum::io
