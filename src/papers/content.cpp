#include "papers/content.hpp"

#include "papers/schema.hpp"
#include "papers/validation.hpp"

namespace quorum::papers {

using nlohmann::json;

namespace {

// The block kinds that place derived data, with the paper key each needs.
struct StructuredKind {
    const char* kind;
    const char* needs;  // "budget", "indicators", "risks"
};
constexpr StructuredKind kStructured[] = {
    {"budget_table", "budget"},         {"indicator_summary", "indicators"}, {"indicator_tables", "indicators"},
    {"indicators_not_met", "indicators"}, {"risk_register", "risks"},         {"high_risks", "risks"},
    {"risk_matrix", "risks"},
};

bool is_true(const json& object, const char* key) {
    return object.contains(key) && object[key].is_boolean() && object[key].get<bool>();
}

}  // namespace

std::string ContentBuilder::text_of(const json& value) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_number()) return value.dump();  // table cells may be numbers, printed as written
    return "";
}

json ContentBuilder::blocks(const json& content, const std::string& at, ParagraphNumbers* numbers, bool numbered) {
    json out = json::array();
    if (!content.is_array()) return out;
    for (std::size_t i = 0; i < content.size(); ++i) {
        json converted = block(content[i], json_pointer_append(at, std::to_string(i)), numbers, numbered);
        if (!converted.is_null()) out.push_back(std::move(converted));
    }
    return out;
}

json ContentBuilder::section_blocks(const json& section, const std::string& at, ParagraphNumbers& numbers,
                                    std::optional<std::string>& title) {
    if (section.is_string()) return json::array({paragraph(section, std::nullopt, &numbers, true)});
    if (section.is_object()) {
        if (section.contains("title") && section["title"].is_string()) title = section["title"].get<std::string>();
        return blocks(section.value("content", json::array()), at + "/content", &numbers, true);
    }
    return blocks(section, at, &numbers, true);
}

json ContentBuilder::paragraph(const json& prose, std::optional<bool> explicit_numbered, ParagraphNumbers* numbers,
                               bool numbered) {
    const bool takes_number = explicit_numbered.value_or(numbered) && numbers != nullptr;
    json out = {{"kind", "paragraph"}, {"number", takes_number ? json(numbers->next()) : json(nullptr)}};
    if (explicit_numbered) out["numbered"] = *explicit_numbered;
    out["runs"] = runs(prose);
    return out;
}

json ContentBuilder::block(const json& b, const std::string& at, ParagraphNumbers* numbers, bool numbered) {
    if (b.is_string()) return paragraph(b, std::nullopt, numbers, numbered);
    if (!b.is_object()) return nullptr;  // the schema has said so already
    if (b.contains("paragraph")) {
        std::optional<bool> explicit_numbered;
        if (b.contains("numbered") && b["numbered"].is_boolean()) explicit_numbered = b["numbered"].get<bool>();
        return paragraph(b["paragraph"], explicit_numbered, numbers, numbered);
    }
    if (b.contains("heading")) return {{"kind", "heading"}, {"text", text_of(b["heading"])}};
    if (b.contains("list")) {
        const bool ordered = is_true(b, "ordered");
        return {{"kind", "list"},
                {"ordered", ordered},
                {"style", b.value("style", ordered ? "decimal" : "disc")},
                {"items", list_items(b["list"])}};
    }
    if (b.contains("table")) return table(b["table"]);
    if (b.contains("note")) return {{"kind", "note"}, {"runs", runs(b["note"])}};
    if (b.contains("key_activities")) return key_activities(b["key_activities"], at + "/key_activities", numbers);
    if (b.contains("section")) {
        // A document's numbered part ("2. Budget"): its paragraphs continue the paper's numbering.
        return {{"kind", "section"},
                {"title", text_of(b["section"])},
                {"blocks", blocks(b.value("content", json::array()), at + "/content", numbers, numbered)}};
    }
    for (const auto& s : kStructured)
        if (b.contains(s.kind)) return structured(s.kind, b[s.kind], at + "/" + s.kind);
    return nullptr;
}

json ContentBuilder::list_items(const json& items) {
    json out = json::array();
    if (!items.is_array()) return out;
    for (const auto& item : items) {
        if (item.is_object())
            out.push_back({{"runs", runs(item.value("text", json(""))) }, {"items", list_items(item.value("list", json::array()))}});
        else
            out.push_back({{"runs", runs(item)}, {"items", json::array()}});
    }
    return out;
}

json ContentBuilder::table(const json& t) {
    auto cells = [this](const json& rows) {
        json out = json::array();
        if (!rows.is_array()) return out;
        for (const auto& row : rows) {
            json converted = json::array();
            if (row.is_array())
                for (const auto& cell : row) converted.push_back(runs(cell));
            out.push_back(std::move(converted));
        }
        return out;
    };
    json out = {{"kind", "table"}};
    // The caption prints as plain text (a <caption>); its runs are there for richer templates.
    out["caption"] = t.contains("caption") ? json(text_of(t["caption"])) : json(nullptr);
    if (t.contains("caption")) out["caption_runs"] = runs(t["caption"]);
    out["head"] = cells(t.value("head", json::array()));
    out["rows"] = cells(t.value("rows", json::array()));
    out["widths"] = t.value("widths", json::array());
    return out;
}

json ContentBuilder::key_activities(const json& services, const std::string& at, ParagraphNumbers* numbers) {
    json out = {{"kind", "key_activities"}, {"services", json::array()}};
    if (!services.is_array()) return out;
    for (std::size_t i = 0; i < services.size(); ++i) {
        const json& service = services[i];
        if (!service.is_object()) continue;
        // Progress updates print as unnumbered bullets unless a paragraph says "numbered": true.
        out["services"].push_back(
            {{"service", text_of(service.value("service", json("")))},
             {"blocks", blocks(service.value("content", json::array()),
                               json_pointer_append(at, std::to_string(i)) + "/content", numbers, false)}});
    }
    return out;
}

json ContentBuilder::groups_for(const json& groups, const json& spec, const std::string& at, const std::string& what) {
    if (!groups.is_array()) return json::array();
    if (!spec.is_object() || !spec.contains("service")) return groups;
    const json& wanted = spec["service"];
    json chosen = json::array();
    std::vector<std::string> services;
    for (const auto& group : groups) {
        if (!group.is_object()) continue;
        if (group.value("service", json()) == wanted) chosen.push_back(group);
        services.push_back(group.value("service", std::string()));
    }
    if (chosen.empty() && what == "indicator tables") {
        std::string known;
        for (const auto& s : services) known += (known.empty() ? "" : ", ") + json(s).dump();
        issues_.push_back({file_, at + "/service",
                           "found " + describe_found(wanted) + ", expected a service of the paper's indicators" +
                               (known.empty() ? std::string(" (it has none)") : " (" + known + ")")});
    }
    return chosen;
}

json ContentBuilder::structured(const std::string& kind, const json& spec, const std::string& at) {
    const char* needs = "";
    for (const auto& s : kStructured)
        if (kind == s.kind) needs = s.needs;
    const json* data = std::string(needs) == "budget" ? derived_.budget
                       : std::string(needs) == "indicators" ? derived_.indicators
                                                            : derived_.risks;
    if (data == nullptr || data->is_null()) {
        issues_.push_back({file_, at, "found a {\"" + kind + "\"} block, expected the paper to have \"" + needs + "\""});
        return nullptr;
    }
    json out = {{"kind", kind}};
    if (kind == "budget_table") {
        const std::string which = text_of(spec);
        if (!data->contains(which) || (*data)[which].is_null()) {
            issues_.push_back({file_, at, "found \"" + which + "\", expected a table the paper's budget has (\"budget/" + which + "\" is absent)"});
            return nullptr;
        }
        out["which"] = which;
    } else if (kind == "risk_matrix") {
        out["which"] = spec.is_object() ? spec.value("which", "residual") : "residual";
    } else if (kind == "indicator_summary") {
        out["label"] = spec.is_object() ? spec.value("label", json("")) : json("");
        out["caption"] = spec.is_object() && spec.contains("caption") ? json(text_of(spec["caption"])) : json(nullptr);
    } else if (kind == "indicator_tables") {
        if (spec.is_object() && spec.contains("service")) out["service"] = spec["service"];
        out["groups"] = groups_for(data->value("groups", json::array()), spec, at, "indicator tables");
    } else if (kind == "indicators_not_met") {
        if (spec.is_object() && spec.contains("service")) out["service"] = spec["service"];
        out["groups"] = groups_for(data->value("not_met", json::array()), spec, at, "not met");
    }
    if (placed_) placed_(out);
    return out;
}

}  // namespace quorum::papers
