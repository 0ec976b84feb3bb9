// One call from an XHTML file to a PDF: document -> style -> layout -> pdf.
//
// Used by `quorum render` and by anything that typesets documents (agenda packs).
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace quorum::typeset {

struct RenderOptions {
    // The font catalogue; empty: $QUORUM_FONTS/catalogue.json if set, else the built-in fonts/ folder.
    std::filesystem::path font_catalogue;
    int max_layout_passes = 4;
    std::optional<long long> creation_time;  // unset: SOURCE_DATE_EPOCH or now
};

struct RenderResult {
    int page_count = 0;
    // Where each element with an id landed: id -> 1-based page number. Agenda packs read
    // the item ranges from it (manifest, per-item PDFs) instead of guessing.
    std::map<std::string, int> anchor_pages;
    std::vector<std::string> warnings;  // "FILE:LINE[:COL]: warning: ...", once each
};

// A problem the user can fix (bad XHTML, unreadable stylesheet, missing font, unwritable
// output), already formatted as "FILE:LINE:COL: error: WHAT".
struct RenderError {
    std::string message;
};

// Renders `xhtml` (with the stylesheets it links and `<style>`s, then `extra_stylesheets`
// in order) to `pdf_path`, written atomically: on any error no file is left behind.
// Throws RenderError for user errors; anything else escaping is an internal error.
RenderResult render_document(const std::filesystem::path& xhtml,
                             const std::vector<std::filesystem::path>& extra_stylesheets,
                             const std::filesystem::path& pdf_path, const RenderOptions& options = {});

// The catalogue render_document() uses when options.font_catalogue is empty.
std::filesystem::path default_font_catalogue();

}  // namespace quorum::typeset
