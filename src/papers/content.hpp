// CONTENT and SECTION (data/schema/README.md) -> the BLOCKs the templates receive, with
// paragraph numbers assigned by Quorum (1.1, 1.2 …, 5.3.1 …), never typed by the officer.
#pragma once

#include "papers/issues.hpp"
#include "papers/prose.hpp"

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <string>

namespace quorum::papers {

// Hands out paragraph numbers under one prefix: "1" gives 1.1, 1.2 …; "" gives 1, 2 ….
// Headings, lists and tables do not reset it: numbering continues across them.
class ParagraphNumbers {
public:
    explicit ParagraphNumbers(std::string prefix) : prefix_(std::move(prefix)) {}
    std::string next() { return (prefix_.empty() ? "" : prefix_ + ".") + std::to_string(++count_); }

private:
    std::string prefix_;
    int count_ = 0;
};

// What the structured blocks ({"budget_table"}, {"indicator_tables"}, {"risk_register"} …)
// refer to: the derived budget, indicators and risks of the paper (null when the paper has none).
struct DerivedData {
    const nlohmann::json* budget = nullptr;
    const nlohmann::json* indicators = nullptr;
    const nlohmann::json* risks = nullptr;
};

class ContentBuilder {
public:
    // Called with each block that places derived data, as it is placed: the prose inside it
    // (indicator titles, risk descriptions) then numbers its footnotes where the reader meets it.
    using PlacedHook = std::function<void(nlohmann::json& block)>;

    ContentBuilder(Footnotes& footnotes, DerivedData derived, std::string file, Issues& issues, PlacedHook placed = {})
        : footnotes_(footnotes), derived_(derived), file_(std::move(file)), issues_(issues), placed_(std::move(placed)) {}

    // CONTENT at JSON pointer `at` -> [BLOCK]. Paragraphs take numbers from `numbers` when
    // `numbered` (an explicit {"numbered": …} on a paragraph overrides it); without `numbers`
    // they are unnumbered.
    nlohmann::json blocks(const nlohmann::json& content, const std::string& at, ParagraphNumbers* numbers,
                          bool numbered);

    // A SECTION (prose, CONTENT or {"title", "content"}) -> its blocks, numbered under `numbers`.
    // `title` receives a {"title"} override, if any.
    nlohmann::json section_blocks(const nlohmann::json& section, const std::string& at, ParagraphNumbers& numbers,
                                  std::optional<std::string>& title);

    nlohmann::json runs(const nlohmann::json& prose) { return prose_runs(text_of(prose), footnotes_); }

private:
    Footnotes& footnotes_;
    DerivedData derived_;
    std::string file_;
    Issues& issues_;
    PlacedHook placed_;

    static std::string text_of(const nlohmann::json& value);
    nlohmann::json block(const nlohmann::json& block, const std::string& at, ParagraphNumbers* numbers, bool numbered);
    nlohmann::json paragraph(const nlohmann::json& prose, std::optional<bool> explicit_numbered,
                             ParagraphNumbers* numbers, bool numbered);
    nlohmann::json list_items(const nlohmann::json& items);
    nlohmann::json table(const nlohmann::json& table);
    nlohmann::json key_activities(const nlohmann::json& services, const std::string& at, ParagraphNumbers* numbers);
    nlohmann::json structured(const std::string& kind, const nlohmann::json& spec, const std::string& at);
    nlohmann::json groups_for(const nlohmann::json& groups, const nlohmann::json& spec, const std::string& at,
                              const std::string& what);
};

}  // namespace quorum::papers
