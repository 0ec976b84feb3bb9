#include "papers/references.hpp"

#include "papers/budget.hpp"
#include "papers/indicators.hpp"
#include "papers/risks.hpp"
#include "papers/schema.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <optional>

namespace quorum::papers {

using nlohmann::json;

namespace {

constexpr std::array<const char*, 21> kNumberWords = {
    "zero",  "one",   "two",    "three",    "four",     "five",    "six",     "seven",     "eight",    "nine",    "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};

std::vector<std::string> split(const std::string& text, char separator) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t at = text.find(separator); at != std::string::npos; at = text.find(separator, start)) {
        parts.push_back(text.substr(start, at - start));
        start = at + 1;
    }
    parts.push_back(text.substr(start));
    return parts;
}

bool is_index(const std::string& segment) {
    return !segment.empty() && segment.size() < 6 &&
           std::all_of(segment.begin(), segment.end(), [](unsigned char c) { return std::isdigit(c); });
}

// The element of a list named by `segment`: its position, or the one whose service or ref it is.
const json* list_element(const json& list, const std::string& segment) {
    if (is_index(segment)) {
        const std::size_t index = std::stoul(segment);
        return index < list.size() ? &list[index] : nullptr;
    }
    for (const auto& element : list)
        if (element.is_object() && (element.value("service", "") == segment || element.value("ref", "") == segment))
            return &element;
    return nullptr;
}

// Follows `path` from `figures`; on failure, `why` says which segment found nothing.
const json* follow(const json& figures, const std::string& path, std::string& why) {
    const json* node = &figures;
    std::string walked;
    for (const std::string& segment : split(path, '.')) {
        const json* next = nullptr;
        if (node->is_object() && node->contains(segment)) next = &(*node)[segment];
        if (node->is_array()) next = list_element(*node, segment);
        if (!next || next->is_null()) {
            why = walked.empty() ? "there is no \"" + segment + "\" (budget, indicators or risks)"
                                 : "\"" + walked + "\" has no \"" + segment + "\"";
            return nullptr;
        }
        walked += (walked.empty() ? "" : ".") + segment;
        node = next;
    }
    return node;
}

std::optional<std::string> as_text(const json& value, const std::string& format) {
    if (value.is_string()) return value.get<std::string>();
    if (!value.is_number()) return std::nullopt;
    const double number = value.get<double>();
    const bool whole = std::floor(number) == number;
    if ((format == "words" || format == "Words") && whole && number >= 0 && number <= 20) {
        std::string word = kNumberWords[static_cast<std::size_t>(number)];
        if (format == "Words") word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
        return word;
    }
    if (whole && std::fabs(number) < 1e15) return std::to_string(static_cast<long long>(number));
    return value.dump();
}

// The text of one reference body ("path|format"), or nullopt with `why` set.
std::optional<std::string> resolve(const json& figures, const std::string& body, std::string& why) {
    const auto bar = body.find('|');
    const std::string path = body.substr(0, bar);
    const std::string format = bar == std::string::npos ? "" : body.substr(bar + 1);
    if (!format.empty() && format != "words" && format != "Words") {
        why = "unknown format \"" + format + "\", expected words or Words";
        return std::nullopt;
    }
    const json* value = follow(figures, path, why);
    if (!value) return std::nullopt;
    auto text = as_text(*value, format);
    if (!text) why = "\"" + path + "\" is " + (value->is_array() ? "a list" : "a group of figures") + ", not a figure";
    return text;
}

const json kNoSettings = json::object();

const char* const kSkipped[] = {"budget", "indicators", "risks", "settings"};

void substitute_all(json& node, const json& figures, const std::string& file, const std::string& at, Issues& issues) {
    if (node.is_string()) {
        const std::string& text = node.get_ref<const std::string&>();
        if (text.find("{=") != std::string::npos) node = substitute_references(text, figures, file, at, issues);
    } else if (node.is_array()) {
        for (std::size_t i = 0; i < node.size(); ++i)
            substitute_all(node[i], figures, file, at + "/" + std::to_string(i), issues);
    } else if (node.is_object()) {
        for (auto& [key, value] : node.items())
            substitute_all(value, figures, file, json_pointer_append(at, key), issues);
    }
}

bool is_skipped(const std::string& key) {
    return std::find(std::begin(kSkipped), std::end(kSkipped), key) != std::end(kSkipped);
}

// Whether any text under `node` holds "{=": stops at the first, and copies nothing.
bool has_reference(const json& node) {
    if (node.is_string()) return node.get_ref<const std::string&>().find("{=") != std::string::npos;
    if (node.is_structured())
        for (const auto& element : node)
            if (has_reference(element)) return true;
    return false;
}


}  // namespace

std::string substitute_references(const std::string& text, const json& figures, const std::string& file,
                                  const std::string& at, Issues& issues) {
    std::string out;
    std::size_t from = 0;
    for (std::size_t open = text.find("{=", from); open != std::string::npos; open = text.find("{=", from)) {
        const std::size_t close = text.find('}', open);
        if (close == std::string::npos) break;  // not a reference: left as text
        out.append(text, from, open - from);
        const std::string body = text.substr(open + 2, close - open - 2);
        std::string why;
        if (auto value = resolve(figures, body, why)) {
            out += *value;
        } else {
            issues.push_back({file, at, "the figure reference {=" + body + "} names no figure: " + why});
            out.append(text, open, close + 1 - open);
        }
        from = close + 1;
    }
    out.append(text, from, std::string::npos);
    return out;
}

json derive_figures(const json& paper, const std::string& file, Issues& issues) {
    json figures = {{"budget", nullptr}, {"indicators", nullptr}, {"risks", nullptr}};
    if (!paper.is_object()) return figures;
    const json& settings = paper.contains("settings") ? paper["settings"] : kNoSettings;
    if (paper.contains("budget")) figures["budget"] = derive_budget(paper["budget"], file, "/budget", issues);
    if (paper.contains("indicators"))
        figures["indicators"] = derive_indicators(paper["indicators"], settings, file, "/indicators", issues);
    if (paper.contains("risks")) figures["risks"] = derive_risks(paper["risks"], settings, file, "/risks", issues);
    return figures;
}

json resolve_figure_references(const json& paper, const json& figures, const std::string& file, Issues& issues) {
    if (!paper.is_object()) return paper;
    // Only the text outside the figures can hold references.
    const bool any = std::any_of(paper.items().begin(), paper.items().end(),
                                 [](const auto& item) { return !is_skipped(item.key()) && has_reference(item.value()); });
    if (!any) return paper;
    json resolved = paper;
    for (auto& [key, value] : resolved.items())
        if (!is_skipped(key)) substitute_all(value, figures, file, json_pointer_append("", key), issues);
    return resolved;
}

}  // namespace quorum::papers
