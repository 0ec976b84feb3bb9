// What layout produces and the PDF stage draws: pages of positioned marks.
//
// Coordinates are in points from the page's TOP-LEFT corner, y growing downwards
// (as CSS thinks); the PDF stage flips them. Nothing here knows about PDF or CSS.
#pragma once

#include "fonts/fonts.hpp"
#include "style/computed_style.hpp"  // Color only

#include <string>
#include <vector>

namespace quorum::layout {

using style::Color;

// A run of text in one face, size and colour, drawn from (x, baseline).
// Justified lines are emitted as one run per word, so the PDF stage never stretches.
struct GlyphRun {
    const fonts::Face* face = nullptr;
    double font_size = 12;  // pt
    double x = 0, baseline = 0;
    double width = 0;       // advance width of the run, pt
    Color color;
    std::string text;       // UTF-8; every codepoint is covered by `face`
};

struct FilledRect {
    double x = 0, y = 0, width = 0, height = 0;
    Color color;
};

// A straight stroke (borders, rules, underlines).
struct Line {
    enum class Dash { Solid, Dashed, Dotted };
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    double thickness = 1;
    Color color;
    Dash dash = Dash::Solid;
};

struct Image {
    std::string path;  // absolute path of the PNG or JPEG
    double x = 0, y = 0, width = 0, height = 0;
    std::string alt;
};

// A clickable area: an external URI, or an internal target by element id.
struct Link {
    double x = 0, y = 0, width = 0, height = 0;
    std::string uri;        // external, e.g. https://...
    std::string target_id;  // internal, the id after '#'
};

struct Page {
    double width = 595.276, height = 841.89;  // pt
    std::string name;   // the CSS page name ("" for default)
    bool blank = false; // inserted to make the next page a right/left page
    std::vector<FilledRect> fills;   // drawn first (backgrounds)
    std::vector<Image> images;
    std::vector<Line> lines;         // borders and rules
    std::vector<GlyphRun> runs;      // text, drawn last
    std::vector<Link> links;
};

// Where an element with an id ended up (internal links, target-counter).
struct Anchor {
    std::string id;
    int page = 0;     // 0-based page index
    double y = 0;     // top of the element on that page
};

// PDF outline entry, from h1-h4.
struct Bookmark {
    int level = 1;    // 1 = h1
    std::string title;
    int page = 0;
    double y = 0;
};

struct Metadata {
    std::string title, author, subject, keywords, lang;
};

struct LaidOutDocument {
    std::vector<Page> pages;
    std::vector<Anchor> anchors;
    std::vector<Bookmark> bookmarks;  // in document order
    Metadata metadata;
    std::vector<std::string> warnings;  // "file:line:col: warning: ..." once each
};

}  // namespace quorum::layout
