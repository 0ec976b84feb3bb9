// The small texts a paper's context derives (cover sheet, dates, votes, work programme) and
// the fixed order and titles of a report's sections. Each is a pure function, tested alone.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace quorum::papers {

// "All" -> "All"; ["Burnt Oak", "Colindale"] -> "Burnt Oak; Colindale".
std::string wards_text(const nlohmann::json& wards);

// "public" -> "Public"; "exempt", 3 -> "Exempt – paragraph 3 of Schedule 12A".
std::string status_text(const std::string& status, int exempt_paragraph);

// true -> "Yes", false -> "No".
std::string yes_no(const nlohmann::json& flag);

// More for than against: "carried"; otherwise (a tie included: no majority) "lost".
std::string vote_outcome(int votes_for, int votes_against);

// "non-key" -> "Non-key", "key" -> "Key", "urgent" -> "Urgent", "tbc" -> "TBC".
std::string issue_type_text(const std::string& issue_type);

// A report's section: its key in "sections" (or "sections/implications") and standard title.
struct ReportSection {
    const char* key;
    const char* title;
};

// 1 Why this report is needed … 6 Background papers, in Barnet's order.
const std::vector<ReportSection>& report_sections();
// 5.1 Corporate Priorities and Performance … 5.9 Insight.
const std::vector<ReportSection>& implication_sections();

}  // namespace quorum::papers
