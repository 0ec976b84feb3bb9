// paper_context(): a valid paper as written plus everything derived, for the templates
// (data/schema/README.md, "What the templates receive").
#include "papers/paper.hpp"

#include "papers/content.hpp"
#include "papers/dates.hpp"
#include "papers/prose.hpp"
#include "papers/references.hpp"
#include "papers/report_context.hpp"
#include "papers/schema.hpp"
#include "papers/validation.hpp"

#include "papers/budget.hpp"
#include "papers/indicators.hpp"
#include "papers/risks.hpp"

#include <map>

namespace quorum::papers {

using nlohmann::json;

namespace {

// Everything one paper's context is built with: its file, the issues, one footnote sequence.
struct PaperBuild {
    const json& paper;
    const json& figures;  // derive_figures(paper): derived once, read by references and templates
    const std::string& file;
    Issues& issues;
    Footnotes footnotes;
    DerivedData derived;

    json runs(const json& prose) { return prose_runs(prose.is_string() ? prose.get<std::string>() : "", footnotes); }

    // `date_key` of `object` (at pointer `at`) as "6 June 2018" in `text_key`, if present.
    void add_date_text(json& object, const std::string& date_key, const std::string& text_key, const std::string& at) {
        if (!object.contains(date_key) || !object[date_key].is_string()) return;
        const std::string& iso = object[date_key].get_ref<const std::string&>();
        if (auto date = parse_iso_date(iso)) {
            object[text_key] = date_text(*date);
        } else {
            issues.push_back({file, json_pointer_append(at, date_key),
                              "found " + json(iso).dump() + ", expected a real date (YYYY-MM-DD)"});
            object[text_key] = iso;
        }
    }
};

// --- derived data: rules from budget.hpp, indicators.hpp, risks.hpp, plus the runs of their prose

// The prose fields of derived items get runs. The same item is copied into several lists
// (indicators.items, groups, not_met, the blocks that place them), so runs are made once per
// item and field, the first time the reader meets it: footnotes number in reading order.
class DerivedRuns {
public:
    explicit DerivedRuns(PaperBuild& build) : build_(build) {}

    // Adds `<field>_runs` for each of `fields` present in every item object under `node`
    // (items are objects with a "ref"; budget lines are objects with a "service").
    void annotate(json& node, const std::vector<std::string>& fields, const char* identity) {
        if (node.is_array()) {
            for (auto& element : node) annotate(element, fields, identity);
            return;
        }
        if (!node.is_object()) return;
        if (node.contains(identity)) annotate_item(node, fields, identity);
        for (auto& [key, value] : node.items())
            if (value.is_structured() && key.find("_runs") == std::string::npos) annotate(value, fields, identity);
    }

private:
    PaperBuild& build_;
    std::map<std::string, json> made_;

    void annotate_item(json& item, const std::vector<std::string>& fields, const char* identity) {
        for (const auto& field : fields) {
            if (!item.contains(field) || !item[field].is_string()) continue;
            // The text is part of the key: two lines of one service in different budget tables
            // (or two items sharing a ref) must not share runs unless they say the same.
            const std::string key = std::string(identity) + "\x1f" + item[identity].dump() + "\x1f" + field + "\x1f" +
                                    item[field].get<std::string>();
            auto found = made_.find(key);
            if (found == made_.end()) found = made_.emplace(key, build_.runs(item[field])).first;
            item[field + "_runs"] = found->second;
        }
    }
};

const std::vector<std::string> kIndicatorProse = {"title", "benchmark", "commentary"};
const std::vector<std::string> kRiskProse = {"title", "description", "controls"};
const std::vector<std::string> kBudgetProse = {"comment"};

// A block that places derived data gives the prose in it runs as it is placed (reading order).
void annotate_placed(DerivedRuns& runs, json& block, json& context) {
    const std::string kind = block.value("kind", "");
    if (kind == "indicator_tables" || kind == "indicators_not_met") runs.annotate(block["groups"], kIndicatorProse, "ref");
    if (kind == "risk_register" && context["risks"].is_object()) runs.annotate(context["risks"]["items"], kRiskProse, "ref");
    if (kind == "high_risks" && context["risks"].is_object()) runs.annotate(context["risks"]["high"], kRiskProse, "ref");
    if (kind == "budget_table" && context["budget"].is_object())
        runs.annotate(context["budget"][block.value("which", "")], kBudgetProse, "service");
}

// Once all blocks are built: every copy of a derived item gets the runs made for it (and what
// no block placed gets runs too, numbered last, in case a template prints it).
void annotate_derived(DerivedRuns& runs, json& context) {
    if (context["indicators"].is_object()) runs.annotate(context["indicators"], kIndicatorProse, "ref");
    if (context["risks"].is_object()) runs.annotate(context["risks"], kRiskProse, "ref");
    if (context["budget"].is_object()) runs.annotate(context["budget"], kBudgetProse, "service");
}

ContentBuilder content_builder(PaperBuild& b, DerivedRuns& runs, json& context) {
    return ContentBuilder(b.footnotes, b.derived, b.file, b.issues,
                          [&runs, &context](json& block) { annotate_placed(runs, block, context); });
}

// --- a report

json cover_context(PaperBuild& b, const json& cover) {
    json out = cover;
    if (cover.contains("wards")) out["wards_text"] = wards_text(cover["wards"]);
    const std::string status = cover.value("status", "public");
    out["status"] = status;
    if (status == "exempt" && !cover.contains("exempt_paragraph"))
        b.issues.push_back({b.file, "/cover", "found \"status\": \"exempt\" without \"exempt_paragraph\", expected the "
                                              "paragraph of Schedule 12A (1–7)"});
    out["status_text"] = status_text(status, cover.value("exempt_paragraph", 0));
    if (cover.contains("urgent")) out["urgent_text"] = yes_no(cover["urgent"]);
    if (cover.contains("key_decision")) out["key_decision_text"] = yes_no(cover["key_decision"]);
    json enclosures = json::array();
    for (const auto& e : cover.value("enclosures", json::array())) enclosures.push_back(b.runs(e));
    out["enclosures"] = enclosures;
    out["officer_contacts"] = cover.value("officer_contacts", json::array());
    return out;
}

json recommendations_context(PaperBuild& b, const json& recommendations) {
    json out = json::array();
    int number = 0;
    for (const auto& r : recommendations) out.push_back({{"number", ++number}, {"runs", b.runs(r)}});
    return out;
}

json one_section(ContentBuilder& content, const ReportSection& def, const json& value, const std::string& at,
                 const std::string& number) {
    ParagraphNumbers numbers(number);
    std::optional<std::string> title;
    json blocks = content.section_blocks(value, at, numbers, title);
    return {{"number", number}, {"key", def.key}, {"title", title.value_or(def.title)}, {"blocks", blocks},
            {"subsections", json::array()}};
}

json sections_context(ContentBuilder& content, const json& sections) {
    json out = json::array();
    int number = 0;
    for (const ReportSection& def : report_sections()) {
        if (!sections.contains(def.key)) continue;
        const std::string at = std::string("/sections/") + def.key;
        const std::string section_number = std::to_string(++number);
        if (std::string(def.key) != "implications") {
            out.push_back(one_section(content, def, sections[def.key], at, section_number));
            continue;
        }
        json section = {{"number", section_number}, {"key", def.key}, {"title", def.title}, {"blocks", json::array()},
                        {"subsections", json::array()}};
        int sub = 0;
        for (const ReportSection& implication : implication_sections()) {
            if (!sections[def.key].contains(implication.key)) continue;
            const std::string sub_number = section_number + "." + std::to_string(++sub);
            section["subsections"].push_back(one_section(content, implication, sections[def.key][implication.key],
                                                         at + "/" + implication.key, sub_number));
        }
        out.push_back(std::move(section));
    }
    return out;
}

// The budget, indicators and risks a report or document holds, derived by the council's rules.
void derive_all(PaperBuild& b, json& out) {
    for (const char* key : {"budget", "indicators", "risks"}) out[key] = b.figures[key];
    b.derived = {&out["budget"], &out["indicators"], &out["risks"]};
}

json report_context(PaperBuild& b) {
    const json& paper = b.paper;
    json out = paper;
    out.erase("$schema");
    out["kind"] = "report";
    b.add_date_text(out, "meeting_date", "meeting_date_text", "");
    derive_all(b, out);
    DerivedRuns runs(b);
    ContentBuilder content = content_builder(b, runs, out);
    out["cover"] = cover_context(b, paper.value("cover", json::object()));
    out["summary"] = content.blocks(paper.value("summary", json::array()), "/summary", nullptr, false);
    out["recommendations"] = recommendations_context(b, paper.value("recommendations", json::array()));
    out["sections"] = sections_context(content, paper.value("sections", json::object()));
    annotate_derived(runs, out);
    return out;
}

// --- minutes

json votes_context(const json& votes) {
    json out = votes;
    if (!out.contains("abstentions")) out["abstentions"] = 0;
    out["outcome"] = vote_outcome(votes.value("for", 0), votes.value("against", 0));
    return out;
}

json resolutions_context(PaperBuild& b, const json& items) {
    json out = json::array();
    for (const auto& item : items) {
        if (item.is_object())
            out.push_back({{"runs", b.runs(item.value("text", json("")))},
                           {"items", resolutions_context(b, item.value("list", json::array()))}});
        else
            out.push_back({{"runs", b.runs(item)}, {"items", json::array()}});
    }
    return out;
}

json minute_item_context(PaperBuild& b, ContentBuilder& content, const json& item, const std::string& at) {
    json out = item;
    out["title_runs"] = b.runs(item.value("title", json("")));
    out["blocks"] = content.blocks(item.value("content", json::array()), at + "/content", nullptr, false);
    if (item.contains("declarations"))
        for (auto& d : out["declarations"]) d["declaration_runs"] = b.runs(d.value("declaration", json("")));
    if (item.contains("resolved")) {
        out["resolved"]["unanimous"] = item["resolved"].value("unanimous", false);
        out["resolved"]["resolutions"] = resolutions_context(b, item["resolved"].value("resolutions", json::array()));
    }
    if (item.contains("votes")) out["votes"] = votes_context(item["votes"]);
    json subitems = json::array();
    const json& written = item.value("subitems", json::array());
    for (std::size_t i = 0; i < written.size(); ++i)
        subitems.push_back(minute_item_context(b, content, written[i], at + "/subitems/" + std::to_string(i)));
    out["subitems"] = subitems;
    return out;
}

json minutes_context(PaperBuild& b) {
    json out = b.paper;
    out.erase("$schema");
    b.add_date_text(out, "meeting_date", "meeting_date_text", "");
    if (!out.contains("title")) out["title"] = "Decisions of the " + out.value("committee", std::string());
    ContentBuilder content(b.footnotes, b.derived, b.file, b.issues);
    json items = json::array();
    const json& written = b.paper.value("items", json::array());
    for (std::size_t i = 0; i < written.size(); ++i)
        items.push_back(minute_item_context(b, content, written[i], "/items/" + std::to_string(i)));
    out["items"] = items;
    return out;
}

// --- work programme: one group per meeting date, in date order

json work_programme_context(PaperBuild& b) {
    json out = b.paper;
    out.erase("$schema");
    std::map<std::string, json> by_date;  // ISO dates sort as dates
    const json& meetings = b.paper.value("meetings", json::array());
    for (std::size_t i = 0; i < meetings.size(); ++i) {
        const json& meeting = meetings[i];
        const std::string date = meeting.value("date", "");
        auto [slot, fresh] = by_date.try_emplace(date, json{{"date", date}, {"items", json::array()}});
        if (fresh) b.add_date_text(slot->second, "date", "date_text", "/meetings/" + std::to_string(i));
        for (const auto& item : meeting.value("items", json::array())) {
            json entry = item;
            entry["title_runs"] = b.runs(item.value("title", json("")));
            entry["overview_runs"] = b.runs(item.value("overview", json("")));
            entry["issue_type_text"] = issue_type_text(item.value("issue_type", "tbc"));
            slot->second["items"].push_back(std::move(entry));
        }
    }
    out["meetings"] = json::array();
    for (auto& [date, group] : by_date) out["meetings"].push_back(std::move(group));
    return out;
}

// --- any other document

json document_context(PaperBuild& b) {
    json out = b.paper;
    out.erase("$schema");
    b.add_date_text(out, "date", "date_text", "");
    b.add_date_text(out, "meeting_date", "meeting_date_text", "");
    derive_all(b, out);
    const bool numbered = b.paper.value("numbered", false);
    ParagraphNumbers numbers("");
    DerivedRuns runs(b);
    ContentBuilder content = content_builder(b, runs, out);
    out["blocks"] = content.blocks(b.paper.value("content", json::array()), "/content", &numbers, numbered);
    annotate_derived(runs, out);
    return out;
}

}  // namespace

json paper_context(const json& paper, const std::string& file, Issues& issues) {
    if (!paper.is_object()) {
        issues.push_back({file, "", "found " + describe_found(paper) + ", expected a paper (a JSON object)"});
        return json::object();
    }
    const json figures = derive_figures(paper, file, issues);
    const json resolved = resolve_figure_references(paper, figures, file, issues);  // {=...} figures in the text
    PaperBuild build{resolved, figures, file, issues, {}, {}};
    const std::string kind = paper.value("kind", "report");
    json context;
    if (kind == "minutes") context = minutes_context(build);
    else if (kind == "work_programme") context = work_programme_context(build);
    else if (kind == "document") context = document_context(build);
    else context = report_context(build);
    context["kind"] = kind;
    context["footnotes"] = build.footnotes.notes();
    return context;
}

}  // namespace quorum::papers
