#include "template/json_data.hpp"
#include "template/bigint.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cerrno>
#include <cstring>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <fstream>
#include <functional>
#include <iterator>
#include <memory>
#include <optional>
#include <vector>

namespace quorum::tmpl {
namespace {

using encoding::append_utf8;

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
        return add(bigint::from_uint64(u));  // beyond int64: exact, as Python
    }
    // nlohmann reports integers beyond uint64 as floats; Python's json keeps them exact.
    bool number_float(number_float_t d, const string_t& lexeme) override {
        if (auto big = bigint::from_decimal(lexeme)) return add(std::move(*big));
        return add(Value(d));
    }
    bool string(string_t& s) override { return add(Value(s)); }
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
            top.container.mutable_dict().set(Value(top.pending_key), std::move(v));
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

// Deeper JSON nesting than this is refused: templates never need it, and very deep values
// would exhaust the stack when they are parsed or destroyed. The fast parser stops at the
// same depth, so the bracket scan below runs only on files it could not read.
constexpr int kMaxJsonDepth = 512;

// Offset of the quote closing the string whose contents start at `from` (or the end).
// memchr finds each candidate quote; it is escaped when an odd run of backslashes precedes it.
std::size_t closing_quote(std::string_view text, std::size_t from) {
    for (std::size_t i = from; i < text.size(); ++i) {
        const void* quote = std::memchr(text.data() + i, '"', text.size() - i);
        if (!quote) return text.size();
        i = static_cast<std::size_t>(static_cast<const char*>(quote) - text.data());
        std::size_t backslashes = 0;
        while (i - backslashes > from && text[i - backslashes - 1] == '\\') ++backslashes;
        if (backslashes % 2 == 0) return i;
    }
    return text.size();
}

// Offset of the bracket that opens level kMaxJsonDepth + 1, or npos (strings skipped whole).
std::size_t too_deep_at(std::string_view text) {
    int depth = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '"') {
            i = closing_quote(text, i + 1);
        } else if (c == '[' || c == '{') {
            if (++depth > kMaxJsonDepth) return i;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return std::string_view::npos;
}

// Refuses a file nested deeper than kMaxJsonDepth, located at the offending bracket (line and
// byte column, counted only now that we fail).
void check_json_depth(std::string_view text, const std::string& file) {
    std::size_t at = too_deep_at(text);
    if (at == std::string_view::npos) return;
    std::size_t line_start = text.rfind('\n', at);
    line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
    int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
    int column = 1 + static_cast<int>(at - line_start);
    throw RenderError(RenderError::Kind::Data, "JSON nesting deeper than " + std::to_string(kMaxJsonDepth) + " levels",
                      {file, line, column});
}

// A direct recursive-descent parser for well-formed input. nlohmann's SAX lexer copies
// every string character through push_back and was ~30% of a whole 5,000-row render; this
// one copies nothing for a string without escapes: its Value points into the text, which
// the strings keep alive together (shared ownership of `owner`). It accepts exactly RFC 8259
// JSON (what nlohmann accepts) and gives up on anything else, so that nlohmann re-parses the
// text and reports the error with its own wording: errors stay identical, success is fast.
class FastJsonParser {
public:
    // `text` lies in memory that `owner` keeps alive.
    FastJsonParser(std::shared_ptr<const void> owner, std::string_view text)
        : owner_(std::move(owner)), text_(text), object_scratch_(kMaxJsonDepth + 2), array_scratch_(kMaxJsonDepth + 2),
          previous_keys_(kMaxJsonDepth + 2), recent_shapes_(kMaxJsonDepth + 2) {}

    // nullopt when the text is not valid JSON (or uses something we leave to nlohmann).
    std::optional<Value> parse() {
        Value v;
        skip_whitespace();
        if (!parse_value(0, v)) return std::nullopt;
        skip_whitespace();
        if (pos_ != text_.size()) return std::nullopt;
        return v;
    }

private:
    // Object keys up to this long are interned (shared by every row that repeats them);
    // longer ones are rarely repeated field names.
    static constexpr std::size_t max_interned_key = 64;
    std::shared_ptr<const void> owner_;
    std::string_view text_;
    std::size_t pos_ = 0;
    // Per nesting depth, the members of the object or array being read: each container is
    // then allocated once at its final size, not regrown item by item (and the freed
    // intermediate buffers no longer scatter the data rows over the heap). An object's keys
    // and values are kept apart, so that a row with a recent object's keys takes its values alone.
    struct Members {
        // keys[i] stays undefined when the key is previous_keys_[level][i]'s, as in almost every
        // row of a table: no copy and no reference counting per key (key_of reads it).
        std::vector<Value> keys, values;
    };
    std::vector<Members> object_scratch_;
    std::vector<List> array_scratch_;
    std::vector<std::pair<Value, Value>> entries_scratch_;  // an object with keys of its own, for Dict::set_all
    // Per depth, the last object's keys in order, and whether each is plain text (no escapes
    // needed: no quote, backslash or control character), so found by comparing raw bytes.
    struct KnownKey {
        Value key;
        bool plain = false;
        // A plain key of up to 15 bytes followed by its closing quote, as two 8-byte words and
        // the mask of the bytes that count: recognised with two loads, not a call to memcmp
        // (which was a twentieth of a 5,000-row render's cycles, one call per key).
        std::array<std::uint64_t, 2> quoted{}, mask{};
        bool short_enough = false;
        KnownKey() = default;
        KnownKey(Value k, bool is_plain) : key(std::move(k)), plain(is_plain) {
            const std::string_view text = key.as_string();
            short_enough = plain && text.size() < sizeof quoted;
            if (!short_enough) return;
            std::array<unsigned char, sizeof quoted> bytes{}, counted{};
            std::copy(text.begin(), text.end(), bytes.begin());
            bytes[text.size()] = '"';
            std::fill_n(counted.begin(), text.size() + 1, 0xFF);
            std::memcpy(quoted.data(), bytes.data(), sizeof quoted);
            std::memcpy(mask.data(), counted.data(), sizeof mask);
        }
        // Whether `at` holds this key's bytes and closing quote (precondition: 16 bytes there).
        bool matches(const char* at) const {
            std::array<std::uint64_t, 2> words;
            std::memcpy(words.data(), at, sizeof words);
            return (((words[0] ^ quoted[0]) & mask[0]) | ((words[1] ^ quoted[1]) & mask[1])) == 0;
        }
    };
    std::vector<std::vector<KnownKey>> previous_keys_;
    // Per depth, a few recent objects with distinct key lists: a new object with the same keys
    // as one of them shares its key list (Dict's key sharing). A few, not one, because tables
    // often have optional fields, so rows alternate between two or three key lists.
    static constexpr std::size_t shapes_per_depth = 4;
    struct RecentShapes {
        std::array<Value, shapes_per_depth> dicts;
        std::size_t next = 0;  // the slot a new key list replaces (round robin)
    };
    std::vector<RecentShapes> recent_shapes_;
    std::string string_scratch_, key_scratch_;  // strings with escapes, decoded

    bool at_end() const { return pos_ >= text_.size(); }
    char peek() const { return text_[pos_]; }

    void skip_whitespace() {
        while (!at_end()) {
            char c = peek();
            if (c > ' ' || (c != ' ' && c != '\t' && c != '\n' && c != '\r')) return;
            ++pos_;
        }
    }

    // Whitespace, `separator`, whitespace. Most writers (Python's json.dumps: ": ") put one
    // space after it and none before: that is checked first.
    bool skip_separator(char separator) {
        if (pos_ + 2 < text_.size() && text_[pos_] == separator && text_[pos_ + 1] == ' ' && text_[pos_ + 2] > ' ') {
            pos_ += 2;
            return true;
        }
        skip_whitespace();
        if (at_end() || peek() != separator) return false;
        ++pos_;
        skip_whitespace();
        return true;
    }

    bool consume_literal(std::string_view word) {
        if (text_.substr(pos_, word.size()) != word) return false;
        pos_ += word.size();
        return true;
    }

    bool parse_literal(std::string_view word, Value value, Value& out) {
        if (!consume_literal(word)) return false;
        out = std::move(value);
        return true;
    }

    // The parse functions read one JSON value into `out`; false when the text is not JSON.
    bool parse_value(int depth, Value& out) {
        if (at_end()) return false;
        switch (peek()) {
        case '{': return parse_object(depth + 1, out);
        case '[': return parse_array(depth + 1, out);
        case '"': {
            std::optional<std::string_view> s = read_string(string_scratch_);
            if (!s) return false;
            out = string_value(*s);
            return true;
        }
        case 't': return parse_literal("true", Value(true), out);
        case 'f': return parse_literal("false", Value(false), out);
        case 'n': return parse_literal("null", Value::none(), out);
        default: return parse_number(out);
        }
    }

    bool parse_object(int depth, Value& out) {
        if (depth > kMaxJsonDepth) return false;  // too_deep_at then says where
        ++pos_;  // '{'
        skip_whitespace();
        if (!at_end() && peek() == '}') {
            ++pos_;
            out = Value::dict(Dict{});
            return true;
        }
        const auto level = static_cast<std::size_t>(depth);
        Members& members = object_scratch_[level];
        members.keys.clear();
        members.values.clear();
        for (;;) {
            skip_whitespace();
            if (at_end() || peek() != '"') return false;
            const std::size_t position = members.keys.size();
            if (!read_key(level, position, members.keys.emplace_back())) return false;
            if (!skip_separator(':')) return false;
            Value& value = members.values.emplace_back();  // nested values use the next level's scratch
            if (!parse_value(depth, value)) return false;
            skip_whitespace();
            if (at_end()) return false;
            char c = text_[pos_++];
            if (c == '}') {
                out = dict_of(level, members);
                return true;
            }
            if (c != ',') return false;
        }
    }

    // The position-th key of an object at `level` (the reader is at its opening quote). Rows of
    // a table repeat their keys in one order, so it is usually the previous object's key at that
    // position: a plain one is recognised by its bytes, without reading the string. `key` is
    // left as it is (undefined) when previous_keys_[level][position] holds the key, else set.
    bool read_key(std::size_t level, std::size_t position, Value& key) {
        const std::vector<KnownKey>& previous = previous_keys_[level];
        if (position < previous.size() && previous[position].plain) {
            const KnownKey& known = previous[position];
            std::string_view expected = known.key.as_string();
            const std::size_t close = pos_ + 1 + expected.size();
            const bool found = known.short_enough && pos_ + 1 + sizeof known.quoted <= text_.size()
                                   ? known.matches(text_.data() + pos_ + 1)
                                   : close < text_.size() && text_[close] == '"' &&
                                         text_.compare(pos_ + 1, expected.size(), expected) == 0;
            if (found) {
                pos_ = close + 1;
                return true;
            }
        }
        std::optional<std::string_view> text = read_string(key_scratch_);
        if (!text) return false;
        if (std::optional<Value> own = object_key(level, position, *text)) key = std::move(*own);
        return true;
    }

    // The key Value for `key`, the position-th key of an object at `level`: the previous
    // object's key at that position when equal (cheaper than the intern pool's hash lookup,
    // which was a quarter of the parse), else interned and remembered for the next object.
    // nullopt when previous_keys_[level][position] is (now) that key.
    std::optional<Value> object_key(std::size_t level, std::size_t position, std::string_view key) {
        if (key.size() > max_interned_key) return string_value(key);
        std::vector<KnownKey>& previous = previous_keys_[level];
        if (position < previous.size() && previous[position].key.as_string() == key) return std::nullopt;
        KnownKey known{Value::interned(key), is_plain_text(key)};
        if (position < previous.size()) previous[position] = std::move(known);
        else if (position == previous.size()) previous.push_back(std::move(known));
        else return known.key;  // after a long key, which is not remembered: positions are off
        return std::nullopt;
    }

    // The i-th key of the object being read at `level` (see Members::keys).
    const Value& key_of(std::size_t level, const Members& members, std::size_t i) const {
        return members.keys[i].is_undefined() ? previous_keys_[level][i].key : members.keys[i];
    }

    // Whether `text` in quotes is a JSON string meaning `text` (no byte needs an escape).
    static bool is_plain_text(std::string_view text) {
        return std::none_of(text.begin(), text.end(), [](char c) { return c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20; });
    }

    // A finished object as a dict: with the key list of a recent object at this level when the
    // keys are the same, else in a Dict of its own (the duplicate-key rule is Dict::set's).
    Value dict_of(std::size_t level, Members& members) {
        RecentShapes& shapes = recent_shapes_[level];
        for (const Value& shape : shapes.dicts)
            if (shape.is_dict() && has_keys(shape.as_dict(), level, members))
                return Value::dict(Dict(shape.as_dict(), take_all(members.values)));
        entries_scratch_.clear();
        for (std::size_t i = 0; i < members.keys.size(); ++i)
            entries_scratch_.emplace_back(key_of(level, members, i), std::move(members.values[i]));
        Dict dict;
        dict.set_all(entries_scratch_);
        Value made = Value::dict(std::move(dict));
        shapes.dicts[shapes.next] = made;
        shapes.next = (shapes.next + 1) % shapes_per_depth;
        return made;
    }

    // Whether the object's keys are exactly `dict`'s keys in its order. Interned keys are equal
    // only when they are the same object, so addresses decide; other keys never match (and so
    // never share a key list).
    bool has_keys(const Dict& dict, std::size_t level, const Members& members) const {
        if (dict.size() != members.keys.size() || members.keys.empty()) return false;
        for (std::size_t i = 0; i < members.keys.size(); ++i) {
            const Value& key = key_of(level, members, i);
            if (!key.is_interned() || key.storage() != dict.key_at(i).storage()) return false;
        }
        return true;
    }

    // The items, moved into a vector of their exact size; `items` keeps its capacity for reuse.
    static std::vector<Value> take_all(std::vector<Value>& items) {
        std::vector<Value> taken(std::make_move_iterator(items.begin()), std::make_move_iterator(items.end()));
        items.clear();
        return taken;
    }

    bool parse_array(int depth, Value& out) {
        if (depth > kMaxJsonDepth) return false;
        ++pos_;  // '['
        skip_whitespace();
        if (!at_end() && peek() == ']') {
            ++pos_;
            out = Value::list(List{});
            return true;
        }
        List& items = array_scratch_[static_cast<std::size_t>(depth)];
        items.clear();
        for (;;) {
            skip_whitespace();
            if (!parse_value(depth, items.emplace_back())) return false;  // nested values use the next level's scratch
            skip_whitespace();
            if (at_end()) return false;
            char c = text_[pos_++];
            if (c == ']') {
                out = Value::list(take_all(items));
                return true;
            }
            if (c != ',') return false;
        }
    }

    // Plain runs (no escape, no control character, ASCII) are appended in one go; non-ASCII
    // is validated as UTF-8 because nlohmann rejects invalid UTF-8 and so must we.
    // Bytes that end a run of plain string bytes: quote, backslash, control characters and
    // UTF-8 (validated separately). One table load per byte instead of four comparisons.
    static constexpr std::array<bool, 256> string_run_stops = [] {
        std::array<bool, 256> stops{};
        for (int c = 0; c < 256; ++c) stops[static_cast<std::size_t>(c)] = c == '"' || c == '\\' || c < 0x20 || c >= 0x80;
        return stops;
    }();

    // The end of the run of plain string bytes from `from`: 16 bytes at a time where SSE2 is
    // there (every x86-64), the table for the rest.
    std::size_t plain_run_end(std::size_t from) const {
#ifdef __SSE2__
        const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'), space = _mm_set1_epi8(0x20);
        while (from + 16 <= text_.size()) {
            __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text_.data() + from));
            // Signed bytes: below 0x20 are the control characters and, negative, all of 0x80-0xFF.
            __m128i stops = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(chunk, quote), _mm_cmpeq_epi8(chunk, backslash)),
                                         _mm_cmplt_epi8(chunk, space));
            if (int mask = _mm_movemask_epi8(stops)) return from + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
            from += 16;
        }
#endif
        while (from < text_.size() && !string_run_stops[static_cast<unsigned char>(text_[from])]) ++from;
        return from;
    }

    // A str for `s`, which read_string gave: a plain string points into the text (no allocation,
    // no copy); one decoded into a scratch buffer is copied.
    Value string_value(std::string_view s) const {
        const std::less<> before;  // a total order, unlike < between unrelated pointers
        const bool in_text = !before(s.data(), text_.data()) && !before(text_.data() + text_.size(), s.data() + s.size());
        return in_text ? Value::shared_text(owner_, s) : Value(s);
    }

    // The string at the reader (its opening quote). A plain string, the usual case, is a view
    // of the text itself; one with escapes or non-ASCII is decoded into `scratch`.
    std::optional<std::string_view> read_string(std::string& scratch) {
        std::size_t start = pos_ + 1;
        std::size_t end = plain_run_end(start);
        if (end < text_.size() && text_[end] == '"') {
            pos_ = end + 1;
            return text_.substr(start, end - start);
        }
        scratch.clear();
        if (!parse_string(scratch)) return std::nullopt;
        return std::string_view(scratch);
    }

    bool parse_string(std::string& out) {
        ++pos_;  // opening quote
        for (;;) {
            std::size_t run = plain_run_end(pos_);
            out.append(text_.data() + pos_, run - pos_);
            pos_ = run;
            if (at_end()) return false;
            auto c = static_cast<unsigned char>(peek());
            if (c == '"') {
                ++pos_;
                return true;
            }
            if (c < 0x20) return false;
            if (c == '\\') {
                if (!parse_escape(out)) return false;
            } else if (!copy_utf8_sequence(out)) {
                return false;
            }
        }
    }

    bool parse_escape(std::string& out) {
        ++pos_;  // backslash
        if (at_end()) return false;
        char c = text_[pos_++];
        switch (c) {
        case '"': out += '"'; return true;
        case '\\': out += '\\'; return true;
        case '/': out += '/'; return true;
        case 'b': out += '\b'; return true;
        case 'f': out += '\f'; return true;
        case 'n': out += '\n'; return true;
        case 'r': out += '\r'; return true;
        case 't': out += '\t'; return true;
        case 'u': return parse_unicode_escape(out);
        default: return false;
        }
    }

    bool read_hex4(char32_t& unit) {
        if (text_.size() - pos_ < 4) return false;
        unit = 0;
        for (int i = 0; i < 4; ++i) {
            char c = text_[pos_++];
            unit <<= 4;
            if (c >= '0' && c <= '9') unit |= static_cast<char32_t>(c - '0');
            else if (c >= 'a' && c <= 'f') unit |= static_cast<char32_t>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F') unit |= static_cast<char32_t>(c - 'A' + 10);
            else return false;
        }
        return true;
    }

    // \uXXXX, with UTF-16 surrogate pairs joined; a lone surrogate is an error (as in nlohmann).
    bool parse_unicode_escape(std::string& out) {
        char32_t unit = 0;
        if (!read_hex4(unit)) return false;
        if (unit >= 0xDC00 && unit <= 0xDFFF) return false;
        if (unit >= 0xD800 && unit <= 0xDBFF) {
            char32_t low = 0;
            if (!consume_literal("\\u") || !read_hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
            unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
        }
        append_utf8(out, unit);
        return true;
    }


    // One well-formed UTF-8 sequence (no overlongs, no surrogates, <= U+10FFFF), copied as is.
    bool copy_utf8_sequence(std::string& out) {
        auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text_[pos_ + i]); };
        unsigned char lead = byte(0);
        std::size_t length = 0;
        unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte
        if (lead >= 0xC2 && lead <= 0xDF) length = 2;
        else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            if (lead == 0xE0) low = 0xA0;
            if (lead == 0xED) high = 0x9F;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            if (lead == 0xF0) low = 0x90;
            if (lead == 0xF4) high = 0x8F;
        } else {
            return false;
        }
        if (text_.size() - pos_ < length) return false;
        if (byte(1) < low || byte(1) > high) return false;
        for (std::size_t i = 2; i < length; ++i)
            if (byte(i) < 0x80 || byte(i) > 0xBF) return false;
        out.append(text_.data() + pos_, length);
        pos_ += length;
        return true;
    }

    // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?  Integers stay int (beyond int64 a
    // BigInt), reals become the nearest double, and reals beyond a double's range become
    // inf or 0.0, as Python's json (float('1e400')) makes them.
    bool parse_number(Value& out) {
        std::size_t start = pos_;
        bool negative = !at_end() && peek() == '-';
        if (negative) ++pos_;
        if (at_end() || !is_digit(peek())) return false;
        std::uint64_t magnitude = 0;  // the integer part; read as a number when it has at most 18 digits
        std::size_t integer_start = pos_;
        if (peek() == '0') ++pos_;
        else
            for (; !at_end() && is_digit(peek()); ++pos_) magnitude = magnitude * 10 + (peek() - '0');
        const std::size_t integer_digits = pos_ - integer_start;
        bool integral = true, exponent = false;
        std::size_t fraction_digits = 0;  // read into magnitude too, for the short decimal below
        if (!at_end() && peek() == '.') {
            integral = false;
            ++pos_;
            if (at_end() || !is_digit(peek())) return false;
            const std::size_t fraction_start = pos_;
            for (; !at_end() && is_digit(peek()); ++pos_) magnitude = magnitude * 10 + (peek() - '0');
            fraction_digits = pos_ - fraction_start;
        }
        if (!at_end() && (peek() == 'e' || peek() == 'E')) {
            integral = false;
            exponent = true;
            ++pos_;
            if (!at_end() && (peek() == '+' || peek() == '-')) ++pos_;
            if (at_end() || !is_digit(peek())) return false;
            skip_digits();
        }
        std::string_view digits = text_.substr(start, pos_ - start);
        const char* last = digits.data() + digits.size();
        // Up to 18 digits cannot overflow int64: the common integer needs no second reading.
        if (integral && pos_ - integer_start <= 18) {
            auto value = static_cast<std::int64_t>(magnitude);
            out = Value(negative ? -value : value);
            return true;
        }
        if (integral) {
            std::int64_t i = 0;
            auto [end, ec] = std::from_chars(digits.data(), last, i);
            if (ec == std::errc() && end == last) {
                out = Value(i);
                return true;
            }
            std::optional<Value> big = bigint::from_decimal(digits);
            if (!big) return false;
            out = std::move(*big);
            return true;
        }
        // A decimal of at most 15 digits without exponent (53.5, 0.042): its digits and the
        // power of ten dividing them are exact doubles, so one division is correctly rounded,
        // the same double from_chars gives (Clinger's fast path).
        if (!exponent && integer_digits + fraction_digits <= 15) {
            const double d = static_cast<double>(magnitude) / exact_powers_of_ten[fraction_digits];
            out = Value(negative ? -d : d);
            return true;
        }
        double d = 0;  // correctly rounded, as nlohmann's and Python's
        auto [end, ec] = std::from_chars(digits.data(), last, d);
        if (ec == std::errc() && end == last) out = Value(d);
        else if (ec == std::errc::result_out_of_range) out = Value(std::strtod(std::string(digits).c_str(), nullptr));
        else return false;
        return true;
    }

    static constexpr std::array<double, 16> exact_powers_of_ten = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

    static bool is_digit(char c) { return c >= '0' && c <= '9'; }
    void skip_digits() {
        while (!at_end() && is_digit(peek())) ++pos_;
    }
};

// Parses `text`, which lies in memory that `owner` keeps alive. The caller's `owner` outlives
// the call: when the fast parser gives up (and drops its share), nlohmann reads the text again.
Value parse_shared_text(const std::shared_ptr<const void>& owner, std::string_view text, const std::string& file_name) {
    if (std::optional<Value> fast = FastJsonParser(owner, text).parse()) return std::move(*fast);
    check_json_depth(text, file_name);
    ValueBuilder builder;  // invalid (or unusual) input: nlohmann says what is wrong, and where
    bool ok = json::sax_parse(text.begin(), text.end(), &builder, json::input_format_t::json, true, false);
    if (!ok) {
        throw RenderError(RenderError::Kind::Data, "invalid JSON: " + strip_nlohmann_prefix(builder.error_message),
                          location_of(text, builder.error_offset, file_name));
    }
    return std::move(builder.result);
}

}  // namespace

Value parse_json_data(std::string_view text, const std::string& file_name) {
    // Not zero-filled first: every byte is copied over.
    std::shared_ptr<char[]> copy = std::make_shared_for_overwrite<char[]>(text.size());
    std::copy(text.begin(), text.end(), copy.get());
    return parse_shared_text(copy, std::string_view(copy.get(), text.size()), file_name);
}

Value load_json_data(const std::filesystem::path& path) {
    auto unreadable = [&](const std::string& why) {
        return RenderError(RenderError::Kind::Data, "cannot read the data file: " + why, SourceLocation{path.string(), 1, 1});
    };
    // A folder opens as a stream but has no contents to read (and seeking to its end reports a
    // size of 2^63, which asked for that much memory).
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw unreadable("it is a folder, not a file");
    errno = 0;
    std::ifstream in(path, std::ios::binary);
    if (!in) throw unreadable(errno ? std::strerror(errno) : "it cannot be opened");
    // One read into a buffer of the file's size, not zero-filled first: a stringstream would
    // copy the whole file twice. The buffer is the one the parsed strings share. (A pipe has no
    // size: then it is read as a stream, into the string the parsed strings share.)
    in.seekg(0, std::ios::end);
    auto size = in.tellg();
    if (size >= 0) {
        std::shared_ptr<char[]> buffer = std::make_shared_for_overwrite<char[]>(static_cast<std::size_t>(size));
        in.seekg(0, std::ios::beg);
        in.read(buffer.get(), static_cast<std::streamsize>(size));
        // Fewer bytes than the size just measured: the file shrank while it was read (it is
        // being written); parsing the part read would report a confusing syntax error.
        if (in.gcount() != size) throw unreadable("it changed while it was being read (is it still being written?)");
        return parse_shared_text(buffer, std::string_view(buffer.get(), static_cast<std::size_t>(size)), path.string());
    }
    in.clear();
    auto text = std::make_shared<const std::string>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>{});
    return parse_shared_text(text, *text, path.string());
}

}  // namespace quorum::tmpl
