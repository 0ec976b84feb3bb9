#include "template/json_data.hpp"

#include <fstream>
#include <sstream>
#include <vector>

namespace quorum::tmpl {
namespace {

using json = nlohmann::json;

// Builds Values as nlohmann reports events. Containers under construction live on a
// stack; a finished value is attached to its parent (list item or dict entry).
class ValueBuilder final : public nlohmann::json_sax<json> {
public:
    Value result;
    std::size_t error_offset = 0;
    std::string error_message;

    bool null() override { return add(Value::none()); }
    bool boolean(bool b) override { return add(Value(b)); }
    bool number_integer(number_integer_t i) override { return add(Value(static_cast<std::int64_t>(i))); }
    bool number_unsigned(number_unsigned_t u) override {
        // Beyond int64 Python would keep an exact int; we keep the nearest float and say so nowhere
        // else, because council data never holds such numbers.
        if (u > static_cast<number_unsigned_t>(INT64_MAX)) return add(Value(static_cast<double>(u)));
        return add(Value(static_cast<std::int64_t>(u)));
    }
    bool number_float(number_float_t d, const string_t&) override { return add(Value(d)); }
    bool string(string_t& s) override { return add(Value(std::move(s))); }
    bool binary(binary_t&) override { return false; }  // not produced by the text parser

    bool start_object(std::size_t) override {
        stack_.push_back({Value::dict(Dict{}), {}});
        return true;
    }
    bool key(string_t& k) override {
        stack_.back().pending_key = std::move(k);
        return true;
    }
    bool end_object() override { return finish_container(); }
    bool start_array(std::size_t) override {
        stack_.push_back({Value::list(List{}), {}});
        return true;
    }
    bool end_array() override { return finish_container(); }

    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) override {
        error_offset = position;
        error_message = ex.what();
        return false;
    }

private:
    struct Open {
        Value container;
        std::string pending_key;
    };
    std::vector<Open> stack_;

    bool add(Value v) {
        if (stack_.empty()) {
            result = std::move(v);
            return true;
        }
        Open& top = stack_.back();
        if (top.container.is_dict()) {
            top.container.mutable_dict().set(Value(std::move(top.pending_key)), std::move(v));
            top.pending_key.clear();
        } else {
            top.container.mutable_list().push_back(std::move(v));
        }
        return true;
    }

    bool finish_container() {
        Value done = std::move(stack_.back().container);
        stack_.pop_back();
        return add(std::move(done));
    }
};

// nlohmann's messages start with "[json.exception.parse_error.101] parse error at line 3,
// column 5: "; we give the position ourselves, so keep only what went wrong.
std::string strip_nlohmann_prefix(const std::string& what) {
    auto colon = what.find(": ");
    return colon == std::string::npos ? what : what.substr(colon + 2);
}

SourceLocation location_of(std::string_view text, std::size_t offset, const std::string& file) {
    // nlohmann reports the position one past the offending character.
    offset = std::min(offset == 0 ? 0 : offset - 1, text.size());
    SourceLocation where{file, 1, 1};
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++where.line;
            where.column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {  // count characters, not UTF-8 bytes
            ++where.column;
        }
    }
    return where;
}

}  // namespace

Value parse_json_data(std::string_view text, const std::string& file_name) {
    ValueBuilder builder;
    bool ok = json::sax_parse(text.begin(), text.end(), &builder, json::input_format_t::json, true, false);
    if (!ok) {
        throw RenderError(RenderError::Kind::Data, "invalid JSON: " + strip_nlohmann_prefix(builder.error_message),
                          location_of(text, builder.error_offset, file_name));
    }
    return std::move(builder.result);
}

Value load_json_data(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw RenderError(RenderError::Kind::Data, "cannot read the data file", SourceLocation{path.string(), 1, 1});
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return parse_json_data(buffer.str(), path.string());
}

}  // namespace quorum::tmpl
