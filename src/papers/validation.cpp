#include "papers/validation.hpp"

#include "papers/paper.hpp"
#include "papers/schema.hpp"

#include <algorithm>
#include <regex>
#include <set>

namespace quorum::papers {

using nlohmann::json;

namespace {

// A schema node and the schema file it lives in (for "#/definitions/…" references).
struct Node {
    const json* schema;
    std::string file;
};

constexpr int kMaxRefChain = 32;
constexpr std::size_t kMaxFoundLength = 40;

std::string quoted(const std::string& text) { return json(text).dump(); }

// "a, b, or c"; "a or b"; "a".
std::string join_alternatives(const std::vector<std::string>& parts) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) out += parts.size() == 2 ? " or " : (i + 1 == parts.size() ? ", or " : ", ");
        out += parts[i];
    }
    return out;
}

std::string join_quoted(const std::vector<std::string>& keys) {
    std::string out;
    for (std::size_t i = 0; i < keys.size(); ++i) out += (i ? ", " : "") + quoted(keys[i]);
    return out;
}

// Officers' typos: "titel" for "title". Levenshtein distance, for short keys only.
std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::string closest_key(const std::string& key, const std::vector<std::string>& candidates) {
    std::string best;
    std::size_t best_distance = std::max<std::size_t>(2, key.size() / 4) + 1;
    for (const auto& candidate : candidates) {
        const std::size_t d = edit_distance(key, candidate);
        if (d < best_distance) best_distance = d, best = candidate;
    }
    return best;
}

// As valijson judges "integer" (strict types): 3.0 is a number written as a decimal, not a
// whole number. The explainer must agree with valijson, or an officer would get valijson's
// raw words instead of ours.
bool is_whole_number(const json& value) { return value.is_number_integer(); }

bool has_type(const json& value, const std::string& type) {
    if (type == "string") return value.is_string();
    if (type == "number") return value.is_number();
    if (type == "integer") return is_whole_number(value);
    if (type == "boolean") return value.is_boolean();
    if (type == "object") return value.is_object();
    if (type == "array") return value.is_array();
    if (type == "null") return value.is_null();
    return false;
}

std::string number_text(const json& n) { return n.dump(); }

// Our schemas' patterns, said in words.
std::string pattern_label(const std::string& pattern) {
    if (pattern.find("T([01]") != std::string::npos) return "a date and time YYYY-MM-DDTHH:MM";
    if (pattern.rfind("^[0-9]{4}-", 0) == 0) return "a date YYYY-MM-DD";
    if (pattern.rfind("^([01][0-9]|2[0-3])", 0) == 0) return "a time HH:MM (24-hour)";
    if (pattern == "\\.json$") return "a file name ending in .json";
    if (pattern.find("[pP][dD][fF]") != std::string::npos) return "a file name ending in .pdf";
    if (pattern.find('@') != std::string::npos) return "an email address";
    if (pattern.find("(%|mm") != std::string::npos) return "a width such as \"25%\" or \"30mm\"";
    if (pattern == "^[0-9]+[a-z]?$") return "an item number such as \"6\" or \"6a\"";
    return "text matching " + pattern;
}

std::string range_text(const json& schema) {
    const bool low = schema.contains("minimum"), high = schema.contains("maximum");
    if (low && high) return " from " + number_text(schema["minimum"]) + " to " + number_text(schema["maximum"]);
    if (low) return " of at least " + number_text(schema["minimum"]);
    if (high) return " of at most " + number_text(schema["maximum"]);
    return "";
}

class Explainer {
public:
    std::vector<SchemaFinding> check(Node node, const json& value, const std::string& pointer);
    std::string expected(Node node);

private:
    Node resolve(Node node);
    std::vector<Node> alternatives(const Node& node);
    bool accepts_type(Node node, const json& value);
    std::vector<SchemaFinding> check_alternatives(const Node& node, const json& value, const std::string& pointer);
    std::vector<SchemaFinding> check_scalar(const Node& node, const json& value, const std::string& pointer);
    std::vector<SchemaFinding> check_array(const Node& node, const json& value, const std::string& pointer);
    std::vector<SchemaFinding> check_object(const Node& node, const json& value, const std::string& pointer);
    std::string expected_of_type(const json& schema, const std::string& type);
    std::optional<std::size_t> pick_object_branch(const std::vector<Node>& branches, const json& value,
                                                  std::string& discriminator);
};

// Follows $ref ("#/definitions/x" in the same file, "common.schema.json#/definitions/x" in another).
Node Explainer::resolve(Node node) {
    for (int hops = 0; hops < kMaxRefChain && node.schema->is_object() && node.schema->contains("$ref"); ++hops) {
        const std::string ref = (*node.schema)["$ref"].get<std::string>();
        const auto hash = ref.find('#');
        const std::string file = hash == 0 ? node.file : ref.substr(0, hash);
        const std::string fragment = hash == std::string::npos ? "" : ref.substr(hash + 1);
        const json& document = schema_document(file);
        node = {&document.at(json::json_pointer(fragment)), file};
    }
    return node;
}

std::vector<Node> Explainer::alternatives(const Node& node) {
    std::vector<Node> branches;
    for (const char* keyword : {"oneOf", "anyOf"})
        if (node.schema->contains(keyword))
            for (const auto& branch : (*node.schema)[keyword]) branches.push_back(resolve({&branch, node.file}));
    return branches;
}

bool Explainer::accepts_type(Node node, const json& value) {
    node = resolve(node);
    const json& s = *node.schema;
    if (!s.is_object()) return s == true;
    if (s.contains("oneOf") || s.contains("anyOf")) {
        for (const Node& branch : alternatives(node))
            if (accepts_type(branch, value)) return true;
        return false;
    }
    if (s.contains("type")) {
        const json& type = s["type"];
        if (type.is_string()) return has_type(value, type.get<std::string>());
        return std::any_of(type.begin(), type.end(), [&](const json& t) { return has_type(value, t.get<std::string>()); });
    }
    if (s.contains("const")) return s["const"].type() == value.type() || (s["const"].is_number() && value.is_number());
    return true;
}

std::string Explainer::expected_of_type(const json& schema, const std::string& type) {
    if (type == "string") {
        if (schema.contains("pattern")) return pattern_label(schema["pattern"].get<std::string>());
        return schema.value("minLength", 0) > 0 ? "non-empty text" : "text";
    }
    if (type == "integer") return "a whole number" + range_text(schema);
    if (type == "number") return "a number" + range_text(schema);
    if (type == "boolean") return "true or false";
    if (type == "null") return "null";
    if (type == "array") {
        const int at_least = schema.value("minItems", 0);
        const int at_most = schema.value("maxItems", -1);
        if (at_most >= 0) return "a list of " + std::to_string(at_least) + " to " + std::to_string(at_most) + " items";
        return at_least > 0 ? "a list of at least " + std::to_string(at_least) + (at_least == 1 ? " item" : " items")
                            : "a list";
    }
    if (type == "object" && schema.contains("required")) {
        std::vector<std::string> keys = schema["required"].get<std::vector<std::string>>();
        return "{" + join_quoted(keys) + "}";
    }
    return "an object";
}

// What a schema node accepts, in words: "a number, "Monitor", {"text", "value"}, or null".
std::string Explainer::expected(Node node) {
    node = resolve(node);
    const json& s = *node.schema;
    if (!s.is_object()) return s == true ? "any value" : "nothing";
    if (s.contains("oneOf") || s.contains("anyOf")) {
        std::vector<std::string> parts;
        for (const Node& branch : alternatives(node)) {
            std::string part = expected(branch);
            if (std::find(parts.begin(), parts.end(), part) == parts.end()) parts.push_back(part);
        }
        return join_alternatives(parts);
    }
    if (s.contains("const")) return s["const"].dump();
    if (s.contains("enum")) {
        std::vector<std::string> values;
        for (const auto& v : s["enum"]) values.push_back(v.dump());
        return values.size() <= 2 ? join_alternatives(values) : "one of " + join_alternatives(values);
    }
    if (!s.contains("type")) return "any value";
    if (s["type"].is_string()) return expected_of_type(s, s["type"].get<std::string>());
    std::vector<std::string> parts;
    for (const auto& type : s["type"]) parts.push_back(expected_of_type(s, type.get<std::string>()));
    return join_alternatives(parts);
}

SchemaFinding mismatch(const std::string& pointer, const json& value, const std::string& expected) {
    return {pointer, "found " + describe_found(value) + ", expected " + expected};
}

std::vector<SchemaFinding> Explainer::check(Node node, const json& value, const std::string& pointer) {
    node = resolve(node);
    const json& s = *node.schema;
    if (!s.is_object()) {
        if (s == false) return {mismatch(pointer, value, "nothing here")};
        return {};
    }
    if (s.contains("oneOf") || s.contains("anyOf")) return check_alternatives(node, value, pointer);
    if (!accepts_type(node, value)) return {mismatch(pointer, value, expected(node))};
    if (s.contains("const") && s["const"] != value) return {mismatch(pointer, value, expected(node))};
    if (s.contains("enum") && std::find(s["enum"].begin(), s["enum"].end(), value) == s["enum"].end())
        return {mismatch(pointer, value, expected(node))};
    if (value.is_array()) return check_array(node, value, pointer);
    if (value.is_object()) return check_object(node, value, pointer);
    return check_scalar(node, value, pointer);
}

std::vector<SchemaFinding> Explainer::check_scalar(const Node& node, const json& value, const std::string& pointer) {
    const json& s = *node.schema;
    bool ok = true;
    if (value.is_string()) {
        const auto& text = value.get_ref<const std::string&>();
        if (s.contains("minLength") && text.size() < s["minLength"].get<std::size_t>()) ok = false;
        if (ok && s.contains("pattern")) ok = std::regex_search(text, std::regex(s["pattern"].get<std::string>()));
    }
    if (value.is_number()) {
        const double n = value.get<double>();
        if (s.contains("minimum") && n < s["minimum"].get<double>()) ok = false;
        if (s.contains("maximum") && n > s["maximum"].get<double>()) ok = false;
    }
    if (ok) return {};
    return {mismatch(pointer, value, expected(node))};
}

std::vector<SchemaFinding> Explainer::check_array(const Node& node, const json& value, const std::string& pointer) {
    const json& s = *node.schema;
    std::vector<SchemaFinding> findings;
    const bool too_few = s.contains("minItems") && value.size() < s["minItems"].get<std::size_t>();
    const bool too_many = s.contains("maxItems") && value.size() > s["maxItems"].get<std::size_t>();
    if (too_few || too_many)
        findings.push_back({pointer, "found a list of " + std::to_string(value.size()) + (value.size() == 1 ? " item" : " items") +
                                         ", expected " + expected(node)});
    if (s.contains("items") && s["items"].is_object())
        for (std::size_t i = 0; i < value.size(); ++i) {
            auto inner = check({&s["items"], node.file}, value[i], json_pointer_append(pointer, std::to_string(i)));
            findings.insert(findings.end(), inner.begin(), inner.end());
        }
    return findings;
}

std::vector<std::string> property_names(const json& schema) {
    std::vector<std::string> names;
    if (schema.is_object() && schema.contains("properties"))
        for (const auto& [key, _] : schema["properties"].items()) names.push_back(key);
    return names;
}

std::vector<SchemaFinding> Explainer::check_object(const Node& node, const json& value, const std::string& pointer) {
    const json& s = *node.schema;
    std::vector<SchemaFinding> findings;
    const json* properties = s.contains("properties") ? &s["properties"] : nullptr;
    if (s.contains("required"))
        for (const auto& key : s["required"]) {
            const std::string& name = key.get_ref<const std::string&>();
            if (value.contains(name)) continue;
            // Say what the missing key should hold, as a mismatch says what was expected.
            std::string message = "missing required key " + key.dump();
            if (properties && properties->contains(name))
                message += ", expected " + expected({&(*properties)[name], node.file});
            findings.push_back({pointer, std::move(message)});
        }
    const bool closed = s.contains("additionalProperties") && s["additionalProperties"] == false;
    for (const auto& [key, member] : value.items()) {
        const std::string at = json_pointer_append(pointer, key);
        if (properties && properties->contains(key)) {
            auto inner = check({&(*properties)[key], node.file}, member, at);
            findings.insert(findings.end(), inner.begin(), inner.end());
        } else if (s.contains("additionalProperties") && s["additionalProperties"].is_object()) {
            auto inner = check({&s["additionalProperties"], node.file}, member, at);
            // "unit": "pounds" is more likely "units" misspelt than a malformed extra member.
            const std::string suggestion = inner.empty() ? "" : closest_key(key, property_names(s));
            if (!suggestion.empty())
                inner = {{at, "found unknown key " + quoted(key) + ", expected " + quoted(suggestion) + " (a typing slip?)"}};
            findings.insert(findings.end(), inner.begin(), inner.end());
        } else if (closed) {
            const std::vector<std::string> known = property_names(s);
            const std::string suggestion = closest_key(key, known);
            findings.push_back({at, "found unknown key " + quoted(key) + ", expected " +
                                        (suggestion.empty() ? (known.empty() ? std::string("no keys here")
                                                                             : "one of " + join_quoted(known))
                                                            : quoted(suggestion) + " (a typing slip?)")});
        }
    }
    return findings;
}

// Which object branch of a oneOf a value was meant to be: branches whose constant ("kind":
// "minutes") disagrees with the value, or that require a constant the value lacks, are out;
// of the rest, the one that knows most of the value's keys (required keys count double).
std::optional<std::size_t> Explainer::pick_object_branch(const std::vector<Node>& branches, const json& value,
                                                         std::string& discriminator) {
    std::vector<int> scores(branches.size(), -1);
    for (std::size_t i = 0; i < branches.size(); ++i) {
        const json& s = *branches[i].schema;
        if (!accepts_type(branches[i], value) || !s.is_object() || !s.contains("properties")) continue;
        bool excluded = false;
        for (const auto& [key, property] : s["properties"].items()) {
            const json& p = *resolve({&property, branches[i].file}).schema;
            if (!p.is_object() || !p.contains("const")) continue;
            const bool required = s.contains("required") &&
                                  std::find(s["required"].begin(), s["required"].end(), key) != s["required"].end();
            if (value.contains(key) && value[key] != p["const"]) excluded = true, discriminator = key;
            if (!value.contains(key) && required) excluded = true;
        }
        if (excluded) continue;
        int score = 0;
        for (const auto& [key, _] : value.items()) {
            if (!s["properties"].contains(key)) continue;
            const bool required = s.contains("required") &&
                                  std::find(s["required"].begin(), s["required"].end(), key) != s["required"].end();
            score += required ? 2 : 1;
        }
        scores[i] = score;
    }
    const int best = *std::max_element(scores.begin(), scores.end());
    const auto count = std::count(scores.begin(), scores.end(), best);
    const std::size_t candidates = static_cast<std::size_t>(std::count_if(scores.begin(), scores.end(), [](int v) { return v >= 0; }));
    if (best < 0 || count != 1 || (best == 0 && candidates > 1)) return std::nullopt;
    return static_cast<std::size_t>(std::find(scores.begin(), scores.end(), best) - scores.begin());
}

// " ("headng": "heading"?)" when a key of the value is known to no branch but close to one.
std::string typo_hint(const std::vector<Node>& branches, const json& value) {
    std::vector<std::string> known;
    for (const Node& branch : branches)
        for (const auto& name : property_names(*branch.schema)) known.push_back(name);
    for (const auto& [key, _] : value.items()) {
        if (std::find(known.begin(), known.end(), key) != known.end()) continue;
        const std::string suggestion = closest_key(key, known);
        if (!suggestion.empty()) return " (" + quoted(key) + ": a typing slip for " + quoted(suggestion) + "?)";
    }
    return "";
}

std::vector<SchemaFinding> Explainer::check_alternatives(const Node& node, const json& value, const std::string& pointer) {
    const std::vector<Node> branches = alternatives(node);
    std::vector<std::vector<SchemaFinding>> results;
    for (const Node& branch : branches) {
        results.push_back(check(branch, value, pointer));
        if (results.back().empty()) return {};
    }
    if (value.is_object()) {
        std::string discriminator;
        if (auto chosen = pick_object_branch(branches, value, discriminator)) return results[*chosen];
        if (!discriminator.empty()) {  // e.g. "kind": "minute" matches no branch: say so at /kind
            std::vector<std::string> allowed;
            for (const Node& branch : branches) {
                const json& p = (*branch.schema)["properties"];
                if (p.contains(discriminator)) allowed.push_back(expected({&p[discriminator], branch.file}));
            }
            return {mismatch(json_pointer_append(pointer, discriminator), value[discriminator], join_alternatives(allowed))};
        }
    } else if (value.is_array()) {
        std::vector<std::size_t> fitting;
        for (std::size_t i = 0; i < branches.size(); ++i)
            if (accepts_type(branches[i], value)) fitting.push_back(i);
        if (fitting.size() == 1) return results[fitting[0]];
    }
    SchemaFinding finding = mismatch(pointer, value, expected(node));
    if (value.is_object()) finding.message += typo_hint(branches, value);
    return {finding};
}

}  // namespace

std::string describe_found(const json& value) {
    if (value.is_string()) {
        const auto& text = value.get_ref<const std::string&>();
        if (text.size() <= kMaxFoundLength) return quoted(text);
        std::size_t cut = kMaxFoundLength;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 character
        return quoted(text.substr(0, cut) + "…");
    }
    if (value.is_array()) return value.empty() ? "an empty list" : "a list";
    if (value.is_object()) {
        std::vector<std::string> keys;
        for (const auto& [key, _] : value.items()) keys.push_back(key);
        if (keys.size() > 4) keys.resize(4), keys.push_back("…");
        return keys.empty() ? "{}" : "{" + join_quoted(keys) + "}";
    }
    return value.dump();
}

std::vector<SchemaFinding> explain_schema_mismatch(const json& document, const std::string& schema_name) {
    Explainer explainer;
    return explainer.check({&schema_document(schema_name), schema_name}, document, "");
}

void validate_against_schema(const json& document, const std::string& schema_name, const std::string& file,
                             Issues& issues) {
    const std::vector<RawSchemaError> raw = valijson_errors(document, schema_name);
    if (raw.empty()) return;
    const std::vector<SchemaFinding> findings = explain_schema_mismatch(document, schema_name);
    for (const auto& f : findings) issues.push_back({file, f.pointer, f.message});
    if (!findings.empty()) return;
    // A keyword our explainer does not know: valijson's own words are better than silence.
    // Its errors at the deepest paths are the causes; those above only say "a child failed".
    std::size_t deepest = 0;
    for (const auto& e : raw) deepest = std::max(deepest, static_cast<std::size_t>(std::count(e.pointer.begin(), e.pointer.end(), '/')));
    std::set<std::pair<std::string, std::string>> seen;
    for (const auto& e : raw)
        if (static_cast<std::size_t>(std::count(e.pointer.begin(), e.pointer.end(), '/')) == deepest &&
            seen.insert({e.pointer, e.description}).second)
            issues.push_back({file, e.pointer, e.description});
}

}  // namespace quorum::papers
