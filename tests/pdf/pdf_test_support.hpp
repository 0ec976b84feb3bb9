// Shared helpers for the PDF tests: a sample laid-out document built by hand from real
// catalogue faces, and running the real PDF readers.
#pragma once

#include "fonts/fonts.hpp"
#include "layout/pages.hpp"

#include <filesystem>
#include <string>

namespace quorum::pdf::test {

const fonts::FontCatalogue& catalogue();

// Two pages (A4 portrait, A4 landscape): Latin/Greek/Cyrillic/symbol text, fills, all
// three line styles, a PNG and a JPEG, an external and an internal link, nested bookmarks,
// metadata with non-ASCII characters.
layout::LaidOutDocument sample_document();

// A run in `face` whose width is measured from the face, like layout does.
layout::GlyphRun run(const fonts::Face& face, double size, double x, double baseline, const std::string& text);

struct CommandResult {
    int exit_code = -1;
    std::string out, err;
};
// Runs a shell command, capturing stdout and stderr separately.
CommandResult run_command(const std::string& command);

// A fresh folder under the system temp folder, removed at exit.
std::filesystem::path scratch_folder();

// Readers' stderr without the lines that mupdf prints for every file on Debian
// ("warning: ICC support is not available", "page FILE N").
std::string reader_warnings(const std::string& err);

}  // namespace quorum::pdf::test
