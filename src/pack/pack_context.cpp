#include "pack/pack_context.hpp"

#include "pack/naming.hpp"

#include <cstdlib>

namespace quorum::pack {

namespace {

using nlohmann::json;

std::string text_field(const json& object, const char* key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string ordinal_word(int n) {
    static const char* const words[] = {"",        "first",   "second", "third", "fourth", "fifth",
                                        "sixth",   "seventh", "eighth", "ninth", "tenth"};
    if (n >= 1 && n <= 10) return words[n];
    const int last = n % 10, tens = n % 100;
    const char* suffix = (tens >= 11 && tens <= 13) ? "th" : last == 1 ? "st" : last == 2 ? "nd" : last == 3 ? "rd" : "th";
    return std::to_string(n) + suffix;
}

std::string upper(std::string text) {
    for (char& c : text)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return text;
}

// The house text of seed 002, with this meeting's venue and contact.
json default_notes(const json& meeting) {
    const std::string venue = text_field(meeting, "venue");
    const std::string building = venue.substr(0, venue.find(','));
    const json contact = meeting.value("governance_contact", json::object());
    const std::string who = text_field(contact, "name") + " " + text_field(contact, "phone") + " " +
                            text_field(contact, "email");
    return {
        {"facilities",
         {building + " has access for wheelchair users including lifts and toilets. If you wish to let us know in "
                     "advance that you will be attending the meeting, please telephone " +
              who +
              ". People with hearing difficulties who have a text phone, may telephone our minicom number on 020 "
              "8203 8942. All of our Committee Rooms also have induction loops."}},
        {"fire_procedure",
         {"If the fire alarm sounds continuously, or if you are instructed to do so, you must leave the building by "
          "the nearest available exit. You will be directed to the nearest exit by uniformed custodians. It is vital "
          "you follow their instructions.",
          "You should proceed calmly; do not run and do not use the lifts.",
          "Do not stop to collect personal belongings.",
          "Once you are outside, please do not wait immediately next to the building, but move some distance away "
          "and await further instructions.",
          "Do not re-enter the building until told to do so."}},
    };
}

// The meeting's own notes where given, the house text for the rest.
json notes_part(const json& meeting) {
    json notes = default_notes(meeting);
    if (const auto given = meeting.find("notes"); given != meeting.end() && given->is_object())
        for (const auto& [key, value] : given->items()) notes[key] = value;
    return notes;
}

json meeting_part(const json& meeting) {
    json out = json::object();
    for (const char* key : {"council", "committee", "date", "time", "venue", "chairman", "vice_chairman",
                            "head_of_governance"})
        out[key] = text_field(meeting, key);
    out["quorum"] = meeting.value("quorum", json(nullptr));
    for (const char* key : {"members", "substitutes", "co_opted"}) out[key] = meeting.value(key, json::array());
    out["governance_contact"] = meeting.value("governance_contact", json::object());
    out["media_contact"] = meeting.value("media_contact", json(nullptr));
    out["time_text"] = meeting_time_text(text_field(meeting, "time"));
    return out;
}

json appendix_part(const LoadedItem& item, std::size_t index, const LoadedAppendix& appendix) {
    const std::string anchor = item_anchor(item.number) + "-appendix-" + std::to_string(index + 1);
    json page_ids = json::array();
    for (int page = 1; page <= appendix.pdf_pages; ++page) page_ids.push_back(pdf_page_anchor(item.number, index, page));
    const std::string label = "Appendix " + std::to_string(index + 1);
    // Officers often number the title themselves ("Appendix A: Summary …"): keep theirs.
    const bool numbered = appendix.title.rfind("Appendix", 0) == 0;
    return {{"title", appendix.title},
            {"label", label},
            {"heading", numbered ? appendix.title : label + ": " + appendix.title},
            {"anchor", anchor},
            {"id_prefix", "i" + slugify(item.number) + "-a" + std::to_string(index + 1) + "-"},
            {"paper", appendix.paper},
            {"is_pdf", !appendix.pdf_file.empty()},
            {"pdf_page_ids", page_ids}};
}

json item_part(const LoadedItem& item, const PackSettings& settings, const LinkBase& links) {
    const bool members = settings.audience == Audience::Members;
    const bool exempt = item.exempt_paragraph.has_value();
    // The one place that decides what of an exempt item a public template may see.
    const bool content_shown = !exempt || members;
    const std::string stem = item_file_stem(item.number, item.title);
    json appendices = json::array();
    if (content_shown && !item.to_follow)
        for (std::size_t i = 0; i < item.appendices.size(); ++i)
            appendices.push_back(appendix_part(item, i, item.appendices[i]));
    return {{"number", item.number},
            {"title", item.title},
            {"kind", item.kind},
            {"has_section", item.has_section()},
            {"single_page", settings.single_page_items.count(item.number) > 0},
            {"anchor", item_anchor(item.number)},
            {"end_anchor", item_end_anchor(item.number)},
            {"href", "#" + item_anchor(item.number)},
            {"id_prefix", "i" + slugify(item.number) + "-"},
            {"file_stem", stem},
            {"pdf_href", links.items + stem + ".pdf"},
            {"to_follow", item.to_follow && !settings.supplement},
            {"exempt", exempt ? json{{"paragraph", *item.exempt_paragraph}} : json(nullptr)},
            {"exempt_marked", exempt && members},
            {"content_shown", content_shown},
            {"paper", content_shown && !(item.to_follow && !settings.supplement) ? item.paper : json(nullptr)},
            {"appendices", appendices}};
}

json questions_part(const MeetingDates& dates) {
    return {{"date", to_iso(dates.questions.date)},
            {"time", dates.questions.time},
            {"time_text", deadline_time_text(dates.questions.time)},
            {"rule_text", dates.questions_rule}};
}

}  // namespace

std::string meeting_time_text(const std::string& hhmm) {
    if (hhmm.size() != 5 || hhmm[2] != ':') return hhmm;
    const int hour = std::atoi(hhmm.substr(0, 2).c_str());
    const int twelve = hour % 12 == 0 ? 12 : hour % 12;
    return std::to_string(twelve) + "." + hhmm.substr(3, 2) + (hour < 12 ? " am" : " pm");
}

std::string deadline_time_text(const std::string& hhmm) {
    if (hhmm.size() != 5 || hhmm[2] != ':') return hhmm;
    const int hour = std::atoi(hhmm.substr(0, 2).c_str());
    const int twelve = hour % 12 == 0 ? 12 : hour % 12;
    const std::string minutes = hhmm.substr(3, 2) == "00" ? "" : "." + hhmm.substr(3, 2);
    return std::to_string(twelve) + minutes + (hour < 12 ? "am" : "pm");
}

std::string item_anchor(const std::string& number) { return "item-" + slugify(number); }
std::string item_end_anchor(const std::string& number) { return item_anchor(number) + "-end"; }
std::string pdf_page_anchor(const std::string& number, std::size_t appendix_index, int page) {
    return item_anchor(number) + "-appendix-" + std::to_string(appendix_index + 1) + "-page-" + std::to_string(page);
}

MeetingDates meeting_dates(const json& meeting) {
    MeetingDates dates;
    dates.meeting = parse_iso_date(text_field(meeting, "date")).value();
    const json questions = meeting.value("public_questions", json::object());
    const int days = questions.value("working_days_before", 3);
    const std::string time = questions.value("time", std::string("10:00"));
    dates.questions = public_questions_deadline(dates.meeting, days, time);
    dates.questions_rule = upper(deadline_time_text(time)) + " on the " + ordinal_word(days) +
                           " working day before the date of the committee meeting";
    // A deadline fixed in the meeting file wins; the cover states the rule only when the
    // fixed date is the one the rule gives (seed 002 fixes exactly that).
    const std::string fixed = text_field(questions, "deadline");
    if (const auto day = parse_iso_date(fixed.substr(0, 10)); day && fixed.size() == 16) {
        const Deadline given{*day, fixed.substr(11)};
        if (given.date != dates.questions.date || given.time != dates.questions.time)
            dates.questions_rule = "the deadline set for this meeting";
        dates.questions = given;
    }
    dates.publication = statutory_publication_date(dates.meeting);
    return dates;
}

json pack_context(const LoadedMeeting& meeting, const PackSettings& settings, Medium medium, const LinkBase& links) {
    const MeetingDates dates = meeting_dates(meeting.data);
    const bool members = settings.audience == Audience::Members;
    json items = json::array();
    for (const LoadedItem& item : meeting.items) items.push_back(item_part(item, settings, links));
    return {{"meeting", meeting_part(meeting.data)},
            {"pack",
             {{"audience", members ? "members" : "public"},
              {"audience_text", members ? "members' pack (contains exempt information)" : "public pack"},
              {"supplement", settings.supplement},
              {"title", settings.supplement ? "Supplementary agenda" : "Agenda"},
              {"medium", medium == Medium::Print ? "print" : "web"},
              {"style_base", links.style}}},
            {"questions", questions_part(dates)},
            {"publication", {{"date", to_iso(dates.publication)}}},
            {"notes", notes_part(meeting.data)},
            {"items", items}};
}

}  // namespace quorum::pack
