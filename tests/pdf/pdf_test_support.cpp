#include "pdf_test_support.hpp"

#include <cstdio>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace quorum::pdf::test {

namespace fs = std::filesystem;

const fonts::FontCatalogue& catalogue() {
    static const fonts::FontCatalogue fonts = fonts::FontCatalogue::load(QUORUM_SOURCE_DIR "/fonts/catalogue.json");
    return fonts;
}

layout::GlyphRun run(const fonts::Face& face, double size, double x, double baseline, const std::string& text) {
    layout::GlyphRun glyphs;
    glyphs.face = &face;
    glyphs.font_size = size;
    glyphs.x = x;
    glyphs.baseline = baseline;
    glyphs.text = text;
    // Width as layout measures it (ASCII-only estimate is enough for the tests' purposes).
    for (unsigned char c : text) glyphs.width += face.advance(c) * size / face.units_per_em();
    return glyphs;
}

layout::LaidOutDocument sample_document() {
    const auto& fonts = catalogue();
    const fonts::Face& sans = fonts.face("Arial", 400, false);
    const fonts::Face& bold = fonts.face("Arial", 700, false);
    const fonts::Face& serif = fonts.face("serif", 400, true);
    const fonts::Face& symbols = fonts.face("DejaVu Sans", 400, false);

    layout::LaidOutDocument doc;
    layout::Page first;  // A4 portrait
    first.fills.push_back({50, 60, 495, 30, {230, 236, 245, 255}});
    first.fills.push_back({50, 400, 100, 20, {0, 0, 0, 0}});  // transparent: drawn as nothing
    first.runs.push_back(run(bold, 16, 56, 80, "Cabinet – 12 March 2026"));
    first.runs.push_back(run(sans, 11, 56, 120, "Budget 2026/27: £5.2m – ‘approved’ “in full”"));
    first.runs.push_back(run(serif, 11, 56, 140, "Łódź, Caernarfon ŵ ŷ, Ελληνικά, Кириллица"));
    first.runs.push_back(run(symbols, 11, 56, 160, "▲ ▼ ↔"));
    first.runs.push_back(run(sans, 11, 56, 180, "See appendix"));
    first.runs.push_back(run(sans, 11, 56, 200, "www.example.gov.uk"));
    first.lines.push_back({50, 95, 545, 95, 1, {0, 0, 0, 255}, layout::Line::Dash::Solid});
    first.lines.push_back({50, 220, 545, 220, 0.5, {120, 120, 120, 255}, layout::Line::Dash::Dashed});
    first.lines.push_back({50, 230, 545, 230, 2, {200, 0, 0, 255}, layout::Line::Dash::Dotted});
    first.images.push_back({QUORUM_TEST_DATA "/pdf/logo.png", 480, 20, 60, 45, "Council logo"});
    first.images.push_back({QUORUM_TEST_DATA "/pdf/photo.jpg", 400, 20, 60, 45, "Photo"});
    first.images.push_back({QUORUM_TEST_DATA "/pdf/logo.png", 50, 250, 30, 22, "Council logo again"});
    first.links.push_back({56, 170, 80, 14, "", "appendix-a"});
    first.links.push_back({56, 190, 120, 14, "https://www.example.gov.uk/cabinet", ""});
    doc.pages.push_back(first);

    layout::Page second;  // A4 landscape, a named page
    second.width = 841.89;
    second.height = 595.276;
    second.name = "wide";
    second.runs.push_back(run(bold, 14, 56, 80, "Appendix A — Ελληνικά"));
    second.runs.push_back(run(sans, 11, 56, 110, "Привет, Cymru ŵ"));
    doc.pages.push_back(second);

    doc.anchors.push_back({"appendix-a", 1, 60});
    doc.bookmarks.push_back({1, "Cabinet – 12 March 2026", 0, 60});
    doc.bookmarks.push_back({2, "Budget 2026/27", 0, 110});
    doc.bookmarks.push_back({1, "Appendix A — Ελληνικά", 1, 60});
    doc.bookmarks.push_back({3, "Greek detail", 1, 100});  // h3 after h1: nests under it
    doc.metadata = {"Cabinet – 12 March 2026", "Democratic Services", "Budget papers", "budget, cabinet", "en-GB"};
    return doc;
}

CommandResult run_command(const std::string& command) {
    const fs::path err_file = scratch_folder() / ("stderr-" + std::to_string(::getpid()) + ".txt");
    CommandResult result;
    std::FILE* pipe = ::popen((command + " 2>'" + err_file.string() + "'").c_str(), "r");
    if (!pipe) return result;
    char buffer[4096];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.out.append(buffer, n);
    const int status = ::pclose(pipe);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream err(err_file);
    std::stringstream text;
    text << err.rdbuf();
    result.err = text.str();
    fs::remove(err_file);
    return result;
}

fs::path scratch_folder() {
    static const fs::path folder = [] {
        fs::path path = fs::temp_directory_path() / ("quorum-test-pdf-" + std::to_string(::getpid()));
        fs::create_directories(path);
        static struct Cleanup {
            fs::path path;
            ~Cleanup() { std::error_code ec; fs::remove_all(path, ec); }
        } cleanup{path};
        return path;
    }();
    return folder;
}

std::string reader_warnings(const std::string& err) {
    std::istringstream lines(err);
    std::string line, kept;
    while (std::getline(lines, line)) {
        if (line == "warning: ICC support is not available" || line.rfind("page ", 0) == 0) continue;
        kept += line + "\n";
    }
    return kept;
}

}  // namespace quorum::pdf::test
