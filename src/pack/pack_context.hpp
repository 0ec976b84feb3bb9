// The template context of templates/pack/pack.xhtml.j2: the meeting, the derived dates, and
// each item with its anchors, paper context and appendices — already filtered for the
// audience, so that no exempt content ever reaches a public template.
#pragma once

#include "pack/calendar.hpp"
#include "pack/meeting.hpp"

#include <nlohmann/json.hpp>

#include <set>
#include <string>

namespace quorum::pack {

enum class Medium { Print, Web };

struct PackSettings {
    Audience audience = Audience::Public;
    bool supplement = false;
    // Items the order of business gives one page number ("7", not "7 - 7"): known only
    // after a first layout, so the pack is typeset again when there are any.
    std::set<std::string> single_page_items;
};

// Where the rendered document will live, for its relative links.
struct LinkBase {
    std::string style;  // folder of papers.css and pack.css, e.g. "style/" or "html/style/"
    std::string items;  // folder of the per-item PDFs, e.g. "items/" or "../items/"
};

// The dates a meeting's papers depend on.
struct MeetingDates {
    Date meeting;
    Deadline questions;
    std::string questions_rule;  // "10AM on the third working day before the date of the committee meeting"
    Date publication;            // statutory publication date (s100B)
};

// Derives the dates from the meeting file (`public_questions` as configured, else 10am on
// the third working day before). The meeting's date must be valid (load_meeting checked it).
MeetingDates meeting_dates(const nlohmann::json& meeting);

// Names each item's anchors: "item-6a" (start), "item-6a-end", "item-6a-appendix-2",
// "item-6a-appendix-2-page-3" (the n-th page reserved for a PDF appendix).
std::string item_anchor(const std::string& number);
std::string item_end_anchor(const std::string& number);
std::string pdf_page_anchor(const std::string& number, std::size_t appendix_index, int page);

// The whole context. Exempt items in the public pack carry their number, title and
// paragraph only: no paper, no appendices.
nlohmann::json pack_context(const LoadedMeeting& meeting, const PackSettings& settings, Medium medium,
                            const LinkBase& links);

// "19:00" -> "7.00 pm" (as committee papers print times); "10:00" -> "10am" for deadlines.
std::string meeting_time_text(const std::string& hhmm);
std::string deadline_time_text(const std::string& hhmm);

}  // namespace quorum::pack
