// Timing harness (not a test): how many text-heavy pages per second the PDF stage draws.
//
//   build-pdf/tests/pdf_bench [PAGES] [justified|ragged|table] [SEED.txt]
//
// Builds PAGES A4 pages by hand the way layout emits them, from the words of a real
// council paper, then times render_pdf() alone:
//   justified  40 lines of justified prose (one run per word) and a 10-row ruled table
//   ragged     the same prose ragged-right (one run per line)
//   table      a 30-row, 5-column table: a run per cell, every cell ruled
#include "fonts/fonts.hpp"
#include "layout/pages.hpp"
#include "pdf/pdf_writer.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace quorum;

namespace {

std::vector<std::string> words_of(const std::string& file) {
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    std::vector<std::string> words;
    std::string word;
    bool in_tag = false;
    for (char c : text.str()) {  // drop the seed's <p> markup, keep the words
        if (c == '<') in_tag = true;
        else if (c == '>') in_tag = false;
        else if (!in_tag && (c == ' ' || c == '\n' || c == '\t')) { if (!word.empty()) words.push_back(word); word.clear(); }
        else if (!in_tag) word += c;
    }
    if (words.empty()) words = {"Budget", "£5.2m", "–", "approved", "“in", "full”"};
    return words;
}

double width_of(const fonts::Face& face, double size, const std::string& text) {
    double units = 0;
    for (unsigned char c : text) units += face.advance(c);  // close enough for a timing harness
    return units * size / face.units_per_em();
}

layout::GlyphRun run(const fonts::Face& face, double size, double x, double baseline, std::string text) {
    layout::GlyphRun glyphs;
    glyphs.face = &face;
    glyphs.font_size = size;
    glyphs.x = x;
    glyphs.baseline = baseline;
    glyphs.width = width_of(face, size, text);
    glyphs.text = std::move(text);
    return glyphs;
}

enum class Mode { Justified, Ragged, Table };

void running_header(layout::Page& page, const fonts::Face& body, const fonts::Face& bold, int number) {
    page.runs.push_back(run(bold, 9, 56, 36, "Cabinet – 12 March 2026"));
    page.runs.push_back(run(body, 9, 500, 820, "Page " + std::to_string(number)));
    page.lines.push_back({56, 42, 539, 42, 0.5, {0, 0, 0, 255}, layout::Line::Dash::Solid});
}

double prose(layout::Page& page, const fonts::Face& body, const std::vector<std::string>& words, std::size_t& next,
             bool justified) {
    double baseline = 70;
    for (int line = 0; line < 40; ++line, baseline += 14) {
        double x = 56;
        std::string text;
        while (true) {
            const std::string& word = words[next % words.size()];
            const double w = width_of(body, 11, word);
            if (x + w > 539) break;
            if (justified) page.runs.push_back(run(body, 11, x, baseline, word));  // one run per word
            else text += (text.empty() ? "" : " ") + word;
            x += w + 3.2;
            ++next;
        }
        if (!justified) page.runs.push_back(run(body, 11, 56, baseline, text));
    }
    return baseline;
}

void table(layout::Page& page, const fonts::Face& body, const fonts::Face& bold, const std::vector<std::string>& words,
           std::size_t& next, double baseline, int rows, int columns) {
    const double column_width = 483.0 / columns;
    for (int row = 0; row < rows; ++row, baseline += 16) {
        if (row == 0) page.fills.push_back({56, baseline - 12, 483, 16, {220, 230, 241, 255}});
        for (int col = 0; col < columns; ++col) {
            const fonts::Face& face = row == 0 ? bold : body;
            page.runs.push_back(run(face, 10, 60 + col * column_width, baseline, words[next++ % words.size()]));
            page.lines.push_back({56 + col * column_width, baseline - 12, 56 + col * column_width, baseline + 4, 0.5,
                                  {0, 0, 0, 255}, layout::Line::Dash::Solid});
        }
        page.lines.push_back({56, baseline + 4, 539, baseline + 4, 0.5, {0, 0, 0, 255}, layout::Line::Dash::Solid});
    }
}

layout::Page make_page(const fonts::FontCatalogue& fonts, const std::vector<std::string>& words, std::size_t& next,
                       int number, Mode mode) {
    const fonts::Face& body = fonts.face("Arial", 400, false);
    const fonts::Face& bold = fonts.face("Arial", 700, false);
    layout::Page page;
    running_header(page, body, bold, number);
    if (mode == Mode::Table) {
        table(page, body, bold, words, next, 70, 45, 5);
    } else {
        const double below = prose(page, body, words, next, mode == Mode::Justified);
        table(page, body, bold, words, next, below, 10, 4);
    }
    return page;
}

}  // namespace

int main(int argc, char** argv) {
    const int pages = argc > 1 ? std::max(1, std::atoi(argv[1])) : 500;
    const std::string mode_name = argc > 2 ? argv[2] : "justified";
    const Mode mode = mode_name == "table" ? Mode::Table : mode_name == "ragged" ? Mode::Ragged : Mode::Justified;
    const std::string seed = argc > 3 ? argv[3] : "/work/shared/seeds/002_8777fa5ea46eda67.txt";
    const fonts::FontCatalogue fonts = fonts::FontCatalogue::load(QUORUM_SOURCE_DIR "/fonts/catalogue.json");
    const std::vector<std::string> words = words_of(seed);

    layout::LaidOutDocument doc;
    std::size_t next = 0, runs = 0;
    for (int i = 0; i < pages; ++i) {
        doc.pages.push_back(make_page(fonts, words, next, i + 1, mode));
        runs += doc.pages.back().runs.size();
        if (i % 10 == 0) doc.bookmarks.push_back({1, "Item " + std::to_string(i / 10 + 1), i, 60});
    }
    std::vector<double> seconds, cpu_seconds;
    std::size_t bytes = 0;
    for (int repeat = 0; repeat < 5; ++repeat) {
        // Wall time, and CPU time of all threads: on a shared machine the second is the
        // steadier measure of the work done.
        const auto start = std::chrono::steady_clock::now();
        const std::clock_t cpu_start = std::clock();
        bytes = pdf::render_pdf(doc, {1773316800, true}).size();
        cpu_seconds.push_back(static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC);
        seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(cpu_seconds.begin(), cpu_seconds.end());
    std::sort(seconds.begin(), seconds.end());
    const double median = seconds[seconds.size() / 2];
    std::printf("%s: pages %d, runs %zu, PDF %.1f KiB (%.2f KiB/page)\n", mode_name.c_str(), pages, runs, bytes / 1024.0, bytes / 1024.0 / pages);
    std::printf("render_pdf median %.3f s (min %.3f s): %.0f pages/s; CPU (all threads) median %.3f s: %.0f pages per CPU-second\n",
                median, seconds.front(), pages / median, cpu_seconds[2], pages / cpu_seconds[2]);
    return 0;
}
