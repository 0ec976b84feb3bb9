// Loading papers and meetings: reading, JSON syntax, schema validation.
#include "papers/paper.hpp"

#include "papers/schema.hpp"

#include <fstream>
#include <set>
#include <sstream>

namespace quorum::papers {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// Papers nest a few levels (content in sections in implications); far deeper input is a
// mistake or an attack, and nlohmann's recursive parser and destructor would exhaust the stack.
constexpr int kMaxDepth = 100;

struct Location {
    int line = 1;
    int column = 1;
};

// Line and column (in characters, 1-based) of byte `offset` of `text`.
Location location_of(const std::string& text, std::size_t offset) {
    Location at;
    offset = std::min(offset, text.size());
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++at.line;
            at.column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {  // not a UTF-8 continuation byte
            ++at.column;
        }
    }
    return at;
}

std::string located(const fs::path& file, Location at) {
    return file.string() + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
}

// Offset of the bracket opening nesting level kMaxDepth + 1, or npos (strings skipped).
std::size_t too_deep_at(const std::string& text) {
    int depth = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > kMaxDepth) return i;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return std::string::npos;
}

// nlohmann says "[json.exception.parse_error.101] parse error at line 2, column 11: syntax
// error while parsing value - unexpected ','; …": keep what follows the location.
std::string syntax_message(const std::string& what) {
    const auto column = what.find("column ");
    const auto colon = column == std::string::npos ? what.find("] ") : what.find(": ", column);
    if (colon == std::string::npos) return what;
    return what.substr(colon + 2);
}

// Finds keys written twice in one object, which nlohmann's parser would silently resolve to
// the last: an officer who pasted a second "summary" must hear about the first. A SAX pass
// over the (already well-formed) text, keeping only the path and each object's keys.
class DuplicateKeyFinder : public nlohmann::json_sax<json> {
public:
    std::vector<std::pair<std::string, std::string>> duplicates;  // (pointer of the key, key)

    bool null() override { return value(); }
    bool boolean(bool) override { return value(); }
    bool number_integer(number_integer_t) override { return value(); }
    bool number_unsigned(number_unsigned_t) override { return value(); }
    bool number_float(number_float_t, const string_t&) override { return value(); }
    bool string(string_t&) override { return value(); }
    bool binary(binary_t&) override { return value(); }
    bool start_object(std::size_t) override { return open(true); }
    bool start_array(std::size_t) override { return open(false); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }
    bool key(string_t& key) override {
        Frame& frame = frames_.back();
        frame.member = key;
        if (!frame.keys.insert(key).second) duplicates.emplace_back(pointer(), key);
        return true;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

private:
    struct Frame {
        bool is_object;
        std::set<std::string> keys;
        std::string member;   // the current key, in an object
        std::size_t index = 0;  // the next element's index, in an array
    };
    std::vector<Frame> frames_;

    std::string pointer() const {
        std::string out;
        for (const Frame& f : frames_)
            out = json_pointer_append(out, f.is_object ? f.member : std::to_string(f.index));
        return out;
    }
    bool value() {
        if (!frames_.empty() && !frames_.back().is_object) ++frames_.back().index;
        return true;
    }
    bool open(bool is_object) {
        frames_.push_back({is_object, {}, {}, 0});
        return true;
    }
    bool close() {
        frames_.pop_back();
        return value();
    }
};

void report_duplicate_keys(const std::string& text, const fs::path& file, Issues& issues) {
    DuplicateKeyFinder finder;
    json::sax_parse(text, &finder);
    for (const auto& [pointer, key] : finder.duplicates)
        issues.push_back({file.string(), pointer,
                          "found the key " + json(key).dump() + " twice in one object, expected each key once "
                          "(only the last would be used)"});
}

}  // namespace

std::optional<json> read_json_file(const fs::path& file, Issues& issues) {
    std::ifstream in(file, std::ios::binary);
    if (!in || fs::is_directory(file)) {
        std::error_code ec;
        const bool exists = fs::exists(file, ec);
        issues.push_back({file.string(), "", exists ? "cannot read the file" : "no such file"});
        return std::nullopt;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    if (const auto deep = too_deep_at(text); deep != std::string::npos) {
        issues.push_back({located(file, location_of(text, deep)), "",
                          "invalid JSON: nested deeper than " + std::to_string(kMaxDepth) + " levels"});
        return std::nullopt;
    }
    try {
        json document = json::parse(text);
        const std::size_t before = issues.size();
        report_duplicate_keys(text, file, issues);
        if (issues.size() != before) return std::nullopt;
        return document;
    } catch (const json::parse_error& e) {
        const std::size_t offset = e.byte > 0 ? e.byte - 1 : 0;  // e.byte: 1-based index of the last byte read
        issues.push_back({located(file, location_of(text, offset)), "", "invalid JSON: " + syntax_message(e.what())});
        return std::nullopt;
    }
}

std::string schema_for(const json& document) {
    if (document.is_object() && document.contains("$schema") && document["$schema"].is_string()) {
        const std::string& hint = document["$schema"].get_ref<const std::string&>();
        if (hint.find("meeting.schema.json") != std::string::npos) return "meeting.schema.json";
        if (hint.find("report.schema.json") != std::string::npos) return "report.schema.json";
    }
    const bool meeting_shape = document.is_object() && !document.contains("kind") && document.contains("date") &&
                               document.contains("items");
    return meeting_shape ? "meeting.schema.json" : "report.schema.json";
}

namespace {

std::optional<json> load_and_validate(const fs::path& file, const std::string& schema, Issues& issues) {
    std::optional<json> document = read_json_file(file, issues);
    if (!document) return std::nullopt;
    const std::size_t before = issues.size();
    validate_against_schema(*document, schema, file.string(), issues);
    if (issues.size() != before) return std::nullopt;
    return document;
}

}  // namespace

std::optional<json> load_paper(const fs::path& file, Issues& issues) {
    return load_and_validate(file, "report.schema.json", issues);
}

std::optional<json> load_meeting(const fs::path& file, Issues& issues) {
    return load_and_validate(file, "meeting.schema.json", issues);
}

std::string format_line(const Issue& issue) {
    return issue.file + ": " + (issue.path.empty() ? "" : issue.path + ": ") + issue.message;
}

}  // namespace quorum::papers
