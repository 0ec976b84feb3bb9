#include "pack/meeting.hpp"

#include "pack/calendar.hpp"
#include "pack/pdf_assembly.hpp"
#include "papers/paper.hpp"

#include <map>
#include <set>

namespace quorum::pack {

namespace fs = std::filesystem;
using papers::Issue;
using papers::Issues;

namespace {

// Item kinds that are nothing without their paper (the rest are standing headings).
const std::set<std::string> kKindsWithPaper = {"minutes", "members_item", "report", "work_programme"};

std::string string_field(const nlohmann::json& object, const char* key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// A path in the meeting file, relative to the meeting file's folder.
fs::path beside(const fs::path& meeting_file, const std::string& relative) {
    return (meeting_file.parent_path() / relative).lexically_normal();
}

// Loads a paper file, reporting a missing one at the meeting's JSON path (where the officer
// typed the name) and the paper's own problems in the paper's file.
nlohmann::json load_paper_context(const fs::path& paper_file, const std::string& meeting_file,
                                  const std::string& pointer, Issues& issues) {
    std::error_code ec;
    if (!fs::is_regular_file(paper_file, ec)) {
        issues.push_back({meeting_file, pointer, "the paper file " + paper_file.string() + " does not exist"});
        return nullptr;
    }
    const std::optional<nlohmann::json> paper = papers::load_paper(paper_file, issues);
    if (!paper) return nullptr;
    return papers::paper_context(*paper, paper_file.string(), issues);
}

int count_pdf_pages(const fs::path& pdf, const std::string& meeting_file, const std::string& pointer,
                    Issues& issues) {
    try {
        return pdf_page_count(pdf);
    } catch (const PdfAssemblyError& e) {
        issues.push_back({meeting_file, pointer, e.message});
        return 0;
    }
}

void check_unique_numbers(const nlohmann::json& items, const std::string& meeting_file, Issues& issues) {
    std::map<std::string, std::size_t> first_use;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string number = string_field(items[i], "number");
        if (number.empty()) continue;
        const auto [it, fresh] = first_use.emplace(number, i);
        if (!fresh)
            issues.push_back({meeting_file, "/items/" + std::to_string(i) + "/number",
                              "item number \"" + number + "\" is used twice (first at /items/" +
                                  std::to_string(it->second) + ")"});
    }
}

void check_date(const nlohmann::json& meeting, const std::string& meeting_file, Issues& issues) {
    const std::string date = string_field(meeting, "date");
    if (!parse_iso_date(date))
        issues.push_back({meeting_file, "/date", "found \"" + date + "\", expected a date YYYY-MM-DD"});
}

class MeetingLoader {
public:
    MeetingLoader(const fs::path& file, const LoadOptions& options, Issues& issues)
        : file_(file), name_(file.string()), options_(options), issues_(issues) {}

    LoadedMeeting load() {
        LoadedMeeting meeting;
        meeting.file = file_;
        meeting.inputs.push_back({file_, false});
        const std::optional<nlohmann::json> data = papers::read_json_file(file_, issues_);
        if (!data) return meeting;
        meeting.data = *data;
        papers::validate_against_schema(meeting.data, "meeting.schema.json", name_, issues_);
        if (!meeting.data.is_object()) return meeting;
        check_date(meeting.data, name_, issues_);
        const auto items = meeting.data.find("items");
        if (items == meeting.data.end() || !items->is_array()) return meeting;
        check_unique_numbers(*items, name_, issues_);
        for (std::size_t i = 0; i < items->size(); ++i) {
            if (!(*items)[i].is_object()) continue;
            if (std::optional<LoadedItem> item = load_item((*items)[i], "/items/" + std::to_string(i), meeting))
                meeting.items.push_back(std::move(*item));
        }
        if (options_.supplement && meeting.items.empty())
            issues_.push_back({name_, "/items", "--supplement: no item is marked \"to_follow\""});
        return meeting;
    }

private:
    const fs::path& file_;
    std::string name_;
    const LoadOptions& options_;
    Issues& issues_;

    // nullopt: the item is not part of this pack (a supplement holds the to-follow items only).
    std::optional<LoadedItem> load_item(const nlohmann::json& entry, const std::string& pointer, LoadedMeeting& meeting) {
        LoadedItem item;
        item.number = string_field(entry, "number");
        item.title = string_field(entry, "title");
        item.kind = string_field(entry, "kind");
        item.to_follow = entry.value("to_follow", false);
        if (options_.supplement && !item.to_follow) return std::nullopt;
        if (const auto exempt = entry.find("exempt"); exempt != entry.end() && exempt->is_object())
            item.exempt_paragraph = exempt->value("paragraph", 0);
        // A to-follow item prints a placeholder in the agenda; its paper (if already named)
        // is read only for the supplement.
        if (item.to_follow && !options_.supplement) return item;
        const bool confidential = item.exempt_paragraph.has_value();
        load_item_paper(entry, pointer, confidential, item, meeting);
        load_appendices(entry, pointer, confidential, item, meeting);
        return item;
    }

    void load_item_paper(const nlohmann::json& entry, const std::string& pointer, bool confidential, LoadedItem& item,
                         LoadedMeeting& meeting) {
        const std::string paper = string_field(entry, "paper");
        if (paper.empty()) {
            if (kKindsWithPaper.count(item.kind))
                issues_.push_back({name_, pointer, "an item of kind \"" + item.kind + "\" needs its \"paper\"" +
                                                       (item.to_follow ? " for the supplement" : "")});
            return;
        }
        item.paper_file = beside(file_, paper);
        meeting.inputs.push_back({item.paper_file, confidential});
        item.paper = load_paper_context(item.paper_file, name_, pointer + "/paper", issues_);
    }

    void load_appendices(const nlohmann::json& entry, const std::string& pointer, bool confidential, LoadedItem& item,
                         LoadedMeeting& meeting) {
        const auto appendices = entry.find("appendices");
        if (appendices == entry.end() || !appendices->is_array()) return;
        for (std::size_t j = 0; j < appendices->size(); ++j) {
            const nlohmann::json& a = (*appendices)[j];
            if (!a.is_object()) continue;
            const std::string at = pointer + "/appendices/" + std::to_string(j);
            LoadedAppendix appendix;
            appendix.title = string_field(a, "title");
            if (const std::string paper = string_field(a, "paper"); !paper.empty()) {
                appendix.paper_file = beside(file_, paper);
                meeting.inputs.push_back({appendix.paper_file, confidential});
                appendix.paper = load_paper_context(appendix.paper_file, name_, at + "/paper", issues_);
            } else if (const std::string pdf = string_field(a, "pdf"); !pdf.empty()) {
                appendix.pdf_file = beside(file_, pdf);
                meeting.inputs.push_back({appendix.pdf_file, confidential});
                appendix.pdf_pages = count_pdf_pages(appendix.pdf_file, name_, at + "/pdf", issues_);
            } else {
                continue;  // the schema has reported it
            }
            item.appendices.push_back(std::move(appendix));
        }
    }
};

}  // namespace

LoadedMeeting load_meeting(const fs::path& file, const LoadOptions& options, Issues& issues) {
    return MeetingLoader(file, options, issues).load();
}

}  // namespace quorum::pack
