// Prose: the light inline markup officers type (data/schema/README.md, "Prose") -> runs.
//
//   **bold**  *italic*  [text](https://…)  bare https://… or www.… links  ^[footnote]
//   \* \[ \] \^ \\ for the literal characters
//
// A run is {"text", "bold"?, "italic"?, "href"?, "footnote"?}: optional keys appear only when
// set. A footnote becomes a run with empty text and the note's number; its own text goes to
// the paper's Footnotes. Markup that does not close (a lone "*", "[x]" without "(url)", "^["
// without "]") is literal text: prose is never an error and no character is ever dropped.
#pragma once

#include <nlohmann/json.hpp>

#include <string_view>

namespace quorum::papers {

// The footnotes of one paper, numbered 1, 2, … in reading order: [{number, runs}].
class Footnotes {
public:
    // Adds a note and returns its number.
    int add(nlohmann::json runs);
    const nlohmann::json& notes() const { return notes_; }

private:
    nlohmann::json notes_ = nlohmann::json::array();
};

// The runs of `text`; footnotes are appended to `footnotes`.
nlohmann::json prose_runs(std::string_view text, Footnotes& footnotes);

// The plain text of runs (footnote markers left out): for bookmarks and titles.
std::string plain_text(const nlohmann::json& runs);

}  // namespace quorum::papers
