// Jinja2 3.1's built-in filters, with its signatures, defaults, edge cases and messages
// (jinja2/filters.py is the reference; each function names its Python counterpart).
//
// Where Jinja2 returns a generator or iterator (map, select*, reject*, unique, batch, slice,
// items, reverse of a sequence) we return an Iterator (builtins.hpp) that behaves as one:
// always truthy, no len(), lazy (its body runs, and its input is read, only as it is
// iterated), consumed by the first loop; only its printed address differs.
#include "template/bigint.hpp"
#include "template/builtins.hpp"
#include "template/pystr.hpp"

#include <algorithm>
#include <iterator>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <string_view>
#include <type_traits>
#include <unordered_map>

namespace quorum::tmpl {

namespace {

// soft_str: a Markup stays Markup, anything else becomes str(value).
Value soft_str(const Value& v) {
    if (v.is_string()) return v;
    return Value(to_str(v));
}

// soft_str(v) where it is only read: a str or Markup (the usual input) is referred to, not
// copied; anything else is converted and held.
class SoftStr {
public:
    explicit SoftStr(const Value& v) : made_(v.is_string() ? Value() : Value(to_str(v))), value_(v.is_string() ? v : made_) {}
    SoftStr(const SoftStr&) = delete;  // a copy would refer to the original's made_
    SoftStr& operator=(const SoftStr&) = delete;
    const Value& operator*() const { return value_; }
    const Value* operator->() const { return &value_; }

private:
    Value made_;
    const Value& value_;
};

// Markup methods escape their plain-str arguments.
std::string arg_for(const Value& s, const Value& arg) {
    if (s.is_markup() && !arg.is_markup()) return html_escape(to_str(arg));
    return to_str(arg);
}

// Python's ignore_case postprocess: str values compare lower-cased.
Value ignore_case(const Value& v) {
    if (v.is_string()) return Value::same_kind(v, py::lower(v.as_string()));
    return v;
}

// -------------------------------------------------------------- attribute getters

// ignore_case over a column of keys: a value repeated down the column (a group's name) is
// lowered once. Direct-mapped and fixed in size: it forgets, it never grows. The folded keys
// are only compared, never shown, so equal ones sharing storage is unobservable.
class CaseFolder {
public:
    Value fold(const Value& v) {
        if (!v.is_string()) return v;
        Slot& slot = slots_[std::hash<std::string_view>{}(v.as_string()) % slots_.size()];
        if (slot.original.kind() != v.kind() || slot.original.as_string() != v.as_string())
            slot = {v, ignore_case(v)};
        return slot.folded;
    }

private:
    struct Slot {
        Value original = Value::none();
        Value folded;
    };
    std::array<Slot, 64> slots_{};
};

struct AttrGetter {
    std::vector<Value> parts;
    const Value* default_value = nullptr;
    std::shared_ptr<CaseFolder> folder;  // set when keys compare case-insensitively
    bool one_str_part = false;           // parts is one str and there is no folder: the usual getter

    // The item's attribute without copying it when it is part of the item (the common case);
    // otherwise it is made in `scratch`.
    const Value& lookup(const Value& item, Value& scratch) const {
        // The usual case, a data row's field: short enough to inline where items are looped over.
        if (one_str_part && item.is_dict())
            if (const Value* found = item.as_dict().find(parts.front())) return *found;
        return walk(item, scratch);
    }
    Value operator()(const Value& item) const {
        Value scratch;
        return lookup(item, scratch);
    }

private:
    const Value& walk(const Value& item, Value& scratch) const {
        const Value* current = &item;  // walks the item's own tree without copying
        for (const auto& part : parts) {
            // Hot path (selectattr/groupby/sort over data rows): a dict's string key needs no
            // getitem machinery; a missing key still goes the general way for its message.
            if (current->is_dict() && part.is_string())
                if (const Value* found = current->as_dict().find(part)) {
                    current = found;
                    continue;
                }
            Value looked_up = py::getitem(*current, part);
            if (default_value && !default_value->is_none() && looked_up.is_undefined()) looked_up = *default_value;
            scratch = std::move(looked_up);
            current = &scratch;
        }
        if (!folder) return *current;
        scratch = folder->fold(*current);
        return scratch;
    }
};

// What a lazy generator keeps of the filter call that made it. Its body runs when it is
// iterated, after the call returned: the input and arguments are copied, and the FilterEnv
// points at a copy of the caller's CallContext (the interpreter outlives the render's values).
struct GeneratorCall {
    Value input;
    Arguments args;
    std::optional<CallContext> call;
    FilterEnv env;
};

std::shared_ptr<const GeneratorCall> keep_call(const FilterEnv& env, const Value& in, const Arguments& args) {
    auto kept = std::make_shared<GeneratorCall>(GeneratorCall{in, args, std::nullopt, env});
    if (env.call) {
        kept->call.emplace(*env.call);
        kept->env.call = &*kept->call;
    }
    return kept;
}

AttrGetter make_attrgetter(const Value* attribute, bool case_insensitive = false, const Value* default_value = nullptr) {
    AttrGetter g;
    if (attribute && !attribute->is_none()) g.parts = attribute_path(*attribute);
    if (case_insensitive) g.folder = std::make_shared<CaseFolder>();
    g.default_value = default_value;
    g.one_str_part = g.parts.size() == 1 && g.parts.front().is_string() && !g.folder;
    return g;
}

// make_multi_attrgetter: "a,b.c" gives a key of several values, compared as a list.
std::vector<AttrGetter> make_multi_attrgetter(const Value* attribute) {
    std::vector<AttrGetter> getters;
    if (attribute && attribute->is_string()) {
        std::string sep = ",";
        for (const auto& piece : py::split(attribute->as_string(), &sep)) {
            Value part(piece);
            getters.push_back(make_attrgetter(&part));
        }
    } else {
        getters.push_back(make_attrgetter(attribute));
    }
    return getters;
}

// How sort keys compare: as they are, or with str keys case-folded. Folding compares ASCII
// letters as lower case; keys with other letters are lowered beforehand (fold_sort_key), whose
// result has no ASCII capitals, so both sides compare as lower(a) < lower(b) - Python's
// ignore_case - without lowering the (usual) ASCII keys.
enum class KeyCase { AsIs, Folded };

unsigned char ascii_folded(char c) {
    auto u = static_cast<unsigned char>(c);
    return u >= 'A' && u <= 'Z' ? static_cast<unsigned char>(u - 'A' + 'a') : u;
}

// Three-way comparison of two str keys by code point (UTF-8 byte order is code point order).
int compare_text(std::string_view a, std::string_view b, KeyCase key_case) {
    if (key_case == KeyCase::AsIs) return a.compare(b);
    std::size_t common = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < common; ++i) {
        unsigned char x = ascii_folded(a[i]), y = ascii_folded(b[i]);
        if (x != y) return x < y ? -1 : 1;
    }
    return a.size() < b.size() ? -1 : (a.size() > b.size() ? 1 : 0);
}

// A key as KeyCase::Folded compares it: str keys with non-ASCII letters lowered.
Value fold_sort_key(Value key) {
    if (!key.is_string()) return key;
    return py::is_ascii(key.as_string()) ? key : ignore_case(key);
}

// Python's a < b for one key as a three-way answer: negative, zero (equal) or positive (not
// less). str against str (the usual sort key) and int against int compare in place; the rest
// as Python's == and <, raising for types that do not compare.
int compare_keys(const Value& a, const Value& b, KeyCase key_case) {
    if (a.is_string() && b.is_string()) return compare_text(a.as_string(), b.as_string(), key_case);
    if (a.is_int() && b.is_int()) return a.as_int() < b.as_int() ? -1 : (a.as_int() > b.as_int() ? 1 : 0);
    if (equals(a, b)) return 0;
    return compare(a, b, "<") < 0 ? -1 : 1;
}

bool value_less(const Value& a, const Value& b) { return compare_keys(a, b, KeyCase::AsIs) < 0; }

// Python's list comparison on sort keys of `width` values each (a multi-attribute key compares
// as a list of that length): the first unequal element decides.
bool key_less(const Value* a, const Value* b, std::size_t width, KeyCase key_case) {
    for (std::size_t i = 0; i < width; ++i)
        if (int c = compare_keys(a[i], b[i], key_case); c != 0) return c < 0;
    return false;
}

// Item indices 0..n-1 stably sorted by less(x, y) (reversed: by less(y, x), which keeps equal
// items in their order as Python's reverse=True does), then the items in that order.
template <typename Less>
List stably_sorted(const List& items, bool reverse, Less less) {
    std::vector<std::size_t> order(items.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t x, std::size_t y) { return reverse ? less(y, x) : less(x, y); });
    List out;
    out.reserve(items.size());
    for (auto i : order) out.push_back(items[i]);
    return out;
}

// str keys' bytes as compare_text compares them (folded or not), end to end in one buffer.
class PackedTextKeys {
public:
    PackedTextKeys(const List& keys, KeyCase key_case) {
        std::size_t total = 0;
        for (const auto& k : keys) total += k.as_string().size();
        bytes_.reserve(total);
        ends_.reserve(keys.size());
        for (const auto& k : keys) {
            std::string_view text = k.as_string();
            if (key_case == KeyCase::AsIs) bytes_ += text;
            else std::transform(text.begin(), text.end(), std::back_inserter(bytes_), ascii_folded);
            ends_.push_back(bytes_.size());
        }
    }
    std::string_view operator[](std::size_t i) const {
        std::size_t begin = i ? ends_[i - 1] : 0;
        return std::string_view(bytes_).substr(begin, ends_[i] - begin);
    }

private:
    std::string bytes_;
    std::vector<std::size_t> ends_;
};

// Single keys that are all ints, or all strs, compared without Values: ints as numbers, strs
// as bytes (folded once). Both orders are total and never raise, so the stable result is the
// one compare_keys gives. nullopt for other keys.
std::optional<List> sorted_by_plain_keys(const List& items, const List& keys, bool reverse, KeyCase key_case) {
    auto all = [&](bool (Value::*is_kind)() const) {
        return std::all_of(keys.begin(), keys.end(), [&](const Value& k) { return (k.*is_kind)(); });
    };
    if (all(&Value::is_int)) {
        std::vector<std::int64_t> numbers;
        numbers.reserve(keys.size());
        for (const auto& k : keys) numbers.push_back(k.as_int());
        return stably_sorted(items, reverse, [&](std::size_t x, std::size_t y) { return numbers[x] < numbers[y]; });
    }
    if (!all(&Value::is_string)) return std::nullopt;
    PackedTextKeys texts(keys, key_case);
    return stably_sorted(items, reverse, [&](std::size_t x, std::size_t y) { return texts[x] < texts[y]; });
}

// sorted(items, key=..., reverse=...): stable in both directions, as Python's. Item i's key is
// keys[i * width] .. keys[i * width + width - 1], computed once per item as Python does.
List sorted_by(const List& items, const List& keys, std::size_t width, bool reverse, KeyCase key_case = KeyCase::AsIs) {
    if (width == 1)
        if (auto sorted = sorted_by_plain_keys(items, keys, reverse, key_case)) return std::move(*sorted);
    return stably_sorted(items, reverse, [&](std::size_t x, std::size_t y) {
        return key_less(keys.data() + x * width, keys.data() + y * width, width, key_case);
    });
}

// The items of `in` as iterate() lists them, without copying a list's or tuple's items
// (anything else is listed into `storage`).
const List& items_or_listed(const Value& in, List& storage) {
    if (in.is_sequence()) return in.as_list();
    storage = iterate(in);
    return storage;
}

// -------------------------------------------------------------- string filters

Value f_upper(const FilterEnv&, const Value& in, const Arguments& args) {
    Bound(args, "do_upper", {});
    SoftStr s(in);
    return Value::same_kind(*s, py::upper(s->as_string()));
}

Value f_lower(const FilterEnv&, const Value& in, const Arguments& args) {
    Bound(args, "do_lower", {});
    SoftStr s(in);
    return Value::same_kind(*s, py::lower(s->as_string()));
}

Value f_capitalize(const FilterEnv&, const Value& in, const Arguments& args) {
    Bound(args, "do_capitalize", {});
    SoftStr s(in);
    return Value::same_kind(*s, py::capitalize(s->as_string()));
}

// The printed forms (DirectTextFn) of the case filters above: a plain str in, its text out.
template <void (*Map)(std::string_view, std::string&)>
bool case_mapped_text(const char* python_name, const Value& in, const Arguments& args, std::string& text) {
    Bound(args, python_name, {});
    Map(in.as_string(), text);
    return true;
}
bool upper_text(const Value& in, const Arguments& args, std::string& text) {
    return case_mapped_text<py::upper>("do_upper", in, args, text);
}
bool lower_text(const Value& in, const Arguments& args, std::string& text) {
    return case_mapped_text<py::lower>("do_lower", in, args, text);
}
bool capitalize_text(const Value& in, const Arguments& args, std::string& text) {
    return case_mapped_text<py::capitalize>("do_capitalize", in, args, text);
}

// do_title's separators, [-\s({[<].
bool is_title_separator(char32_t c) {
    if (c == '-' || c == '(' || c == '{' || c == '[' || c == '<') return true;
    return (c <= ' ' || c >= 0x80) && py::is_space(c);  // no other ASCII character is a space
}

// Jinja2's pieces of do_title over non-ASCII text: separators as they are, each word
// item[0].upper() + item[1:].lower() - the whole rest lowered at once, as its final sigma
// ('ΟΔΟΣ' -> 'Οδος' but 'ΑΣ' -> 'Ασ': a lone rest has nothing cased before it) depends on it.
void append_title_pieces(std::string& out, std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        std::size_t start = i;
        char32_t c = py::next_code_point(s, i);
        if (is_title_separator(c)) {
            out += s.substr(start, i - start);
            continue;
        }
        out += py::upper(s.substr(start, i - start));  // 'ß' becomes 'SS'
        std::size_t rest = i, next = i;
        while (i < s.size() && !is_title_separator(py::next_code_point(s, next))) i = next;
        out += py::lower(s.substr(rest, i - rest));
    }
}

// do_title: split on runs of [-\s({[<], then item[0].upper() + item[1:].lower() per piece.
// The result is a plain str even for Markup input (re.split drops the subclass).
std::string titled(const Value& in, const Arguments& args) {
    Bound(args, "do_title", {});
    SoftStr text(in);
    std::string_view s = text->as_string();
    std::string out;
    out.reserve(s.size());
    bool at_piece_start = true;
    for (std::size_t i = 0; i < s.size(); ++i) {
        auto byte = static_cast<unsigned char>(s[i]);
        if (byte >= 0x80) {  // the rest from this word on as Jinja2 splits it (so far out is s's bytes, cased)
            std::size_t word = i;
            while (word > 0 && !is_title_separator(static_cast<unsigned char>(s[word - 1]))) --word;
            out.resize(word);
            append_title_pieces(out, std::string_view(s).substr(word));
            break;
        }
        // ASCII: no decoding, and its cases are a shift
        bool separator = is_title_separator(byte);
        if (separator) out += static_cast<char>(byte);
        else if (at_piece_start) out += static_cast<char>(byte >= 'a' && byte <= 'z' ? byte - 32 : byte);
        else out += static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte + 32 : byte);
        at_piece_start = separator;
    }
    return out;
}

Value f_title(const FilterEnv&, const Value& in, const Arguments& args) { return Value(titled(in, args)); }
bool title_text(const Value& in, const Arguments& args, std::string& text) {  // its printed form
    text = titled(in, args);
    return true;
}

Value f_trim(const FilterEnv&, const Value& in, const Arguments& args) {
    Bound b(args, "do_trim", {"chars"});
    SoftStr s(in);
    std::string chars;
    const std::string* chars_ptr = nullptr;
    if (b.has(0) && !b.get(0)->is_none()) {
        chars = to_str(*b.get(0));
        chars_ptr = &chars;
    }
    return Value::same_kind(*s, py::strip(s->as_string(), chars_ptr));
}

Value f_center(const FilterEnv&, const Value& in, const Arguments& args) {
    Bound b(args, "do_center", {"width"});
    SoftStr s(in);
    return Value::same_kind(*s, py::center(s->as_string(), b.int_or(0, 80)));
}

Value f_replace(const FilterEnv& env, const Value& in, const Arguments& args) {
    Bound b(args, "do_replace", {"old", "new", "count"}, 2, 2);
    long long count = b.has(2) && !b.get(2)->is_none() ? index_value(*b.get(2)) : -1;
    const Value& old_v = *b.get(0);
    const Value& new_v = *b.get(1);
    if (!env.autoescape) return Value(py::replace(to_str(in), to_str(old_v), to_str(new_v), count));
    Value s = (old_v.is_markup() || new_v.is_markup()) && !in.is_markup() ? escape(in) : soft_str(in);
    return Value::same_kind(s, py::replace(s.as_string(), arg_for(s, old_v), arg_for(s, new_v), count));
}

Value f_truncate(const FilterEnv&, const Value& in, const Arguments& args) {
    Bound b(args, "do_truncate", {"length", "killwords", "end", "leeway"}, 0, 2);
    std::string_view s = in.as_string();
    std::int64_t length = b.int_or(0, 255);
    bool killwords = b.bool_or(1, false);
    std::string end = b.str_or(2, "...");
    std::int64_t leeway = b.has(3) && !b.get(3)->is_none() ? index_value(*b.get(3)) : 5;
    auto end_len = static_cast<std::int64_t>(py::length(end));
    if (length < end_len) fail("expected length >= " + std::to_string(end_len) + ", got " + std::to_string(length));
    if (leeway < 0) fail("expected leeway >= 0, got " + std::to_string(leeway));
    require_defined(in);
    if (!in.is_string()) {  // len() and slicing happen on the value itself
        std::size_t n = 0;
        if (in.is_sequence()) n = in.as_list().size();
        else if (in.is_dict()) n = in.as_dict().size();
        else fail("object of type '" + type_name(in) + "' has no len()");
        if (static_cast<std::int64_t>(n) <= length + leeway) return in;
        fail("'" + type_name(in) + "' object has no attribute 'rsplit'");
    }
    // A str has at least as many bytes as code points: one short in bytes needs no counting.
    if (static_cast<std::int64_t>(s.size()) <= length + leeway) return in;
    auto len = static_cast<std::int64_t>(py::length(s));
    if (len <= length + leeway) return in;
    // Slicing a Markup gives Markup, and Markup + end escapes end.
    if (in.is_markup()) end = html_escape(end);
    std::string head = py::slice(s, std::nullopt, length - end_len, std::nullopt);
    if (!killwords) {
        auto space = head.rfind(' ');
        if (space != std::string::npos) head.resize(space);
    }
    return Value::same_kind(in, head + end);
}

// A piece of the line being wrapped: [start, start + size) of its code points. Chunks are
// spans, not strings, so wrapping a line allocates only its output.
struct Span {
    std::size_t start = 0, size = 0;
};

// Chunking's view of a character: most are word characters, and only spaces and hyphens end a run.
enum class WrapClass : std::uint8_t { Word, Space, Hyphen };

// By byte: the bytes of non-ASCII UTF-8 (0x80 and up) are word characters too.
constexpr std::array<WrapClass, 256> wrap_classes = [] {
    std::array<WrapClass, 256> classes{};
    for (char space : {' ', '\t', '\n', '\v', '\f', '\r'}) classes[static_cast<std::size_t>(space)] = WrapClass::Space;
    classes['-'] = WrapClass::Hyphen;
    return classes;
}();

WrapClass wrap_class(char c) { return wrap_classes[static_cast<unsigned char>(c)]; }
WrapClass wrap_class(char32_t c) { return c < 128 ? wrap_classes[c] : WrapClass::Word; }

// Whether the hyphen at text[h] ends a chunk: wordsep_re's letters before and after it.
template <typename Text>
bool breaks_after_hyphen(const Text& text, std::size_t h) {
    auto letter = [&](std::size_t at) { return py::is_alpha(static_cast<char32_t>(text[at])); };
    bool before = (h >= 2 && letter(h - 1) && letter(h - 2)) || (h >= 3 && letter(h - 1) && text[h - 2] == '-' && letter(h - 3));
    bool after = h + 1 < text.size() && letter(h + 1) &&
                 ((h + 2 < text.size() && letter(h + 2)) || (h + 3 < text.size() && text[h + 2] == '-' && letter(h + 3)));
    return before && after;
}

// textwrap.TextWrapper's chunking: whitespace runs, and words split after hyphens between
// letters when break_on_hyphens (a simplification of its wordsep_re without em-dash rules).
// Fills `chunks` (cleared first).
template <typename Text>
void wrap_chunks(const Text& text, bool break_on_hyphens, std::vector<Span>& chunks) {
    chunks.clear();
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        std::size_t start = i;
        if (wrap_class(text[i]) == WrapClass::Space) {
            while (i < n && wrap_class(text[i]) == WrapClass::Space) ++i;
            chunks.push_back({start, i - start});
            continue;
        }
        for (; i < n; ++i) {
            WrapClass kind = wrap_class(text[i]);
            if (kind == WrapClass::Word) continue;  // the usual character: one test
            if (kind == WrapClass::Space) break;
            // The piece before the hyphen must itself be more than the hyphen.
            if (break_on_hyphens && i > start && breaks_after_hyphen(text, i)) {
                chunks.push_back({start, i + 1 - start});
                start = i + 1;
            }
        }
        if (i > start) chunks.push_back({start, i - start});
    }
}

template <typename Text>
bool all_space(const Text& text, Span span) {
    return std::all_of(text.begin() + static_cast<std::ptrdiff_t>(span.start),
                       text.begin() + static_cast<std::ptrdiff_t>(span.start + span.size),
                       [](auto c) { return py::is_space(static_cast<char32_t>(c)); });
}

// Most lines already fit: an ASCII line no longer than `width` that does not end in
// whitespace comes back whole from textwrap (every chunk fits on the first line, and only
// a trailing whitespace chunk would be dropped), so skip the UTF-32 chunking.
bool fits_unwrapped(std::string_view line, bool ascii, std::int64_t width) {
    if (!ascii || line.empty() || line.size() > static_cast<std::size_t>(width)) return false;
    return wrap_class(line.back()) != WrapClass::Space;
}

// textwrap's _handle_long_word: the part of `chunk` that goes on the current line.
template <typename Text>
Span split_long_word(const Text& text, Span& chunk, std::size_t space_left, bool break_on_hyphens) {
    std::size_t end = space_left;
    if (break_on_hyphens && chunk.size > space_left) {
        Text word = text.substr(chunk.start, chunk.size);
        auto hyphen = word.rfind('-', space_left == 0 ? 0 : space_left - 1);
        if (hyphen != Text::npos && hyphen < space_left && hyphen > 0 &&
            std::any_of(word.begin(), word.begin() + static_cast<std::ptrdiff_t>(hyphen), [](auto c) { return c != '-'; }))
            end = hyphen + 1;
    }
    end = std::min(end, chunk.size);
    Span head{chunk.start, end};
    chunk = {chunk.start + end, chunk.size - end};
    return head;
}

// textwrap.wrap's line filling over `text` (a view of bytes when the line is ASCII, where
// bytes are code points, else of code points); the lines are appended to `out` as UTF-8,
// `separator` between them.
template <typename Text>
void fill_lines(Text text, std::size_t w, bool break_long_words, bool break_on_hyphens, std::string_view separator,
                std::string& out) {
    // Scratch kept between calls: wrapping a column of titles allocates only its output.
    thread_local std::vector<Span> chunks, current;
    wrap_chunks(text, break_on_hyphens, chunks);
    std::reverse(chunks.begin(), chunks.end());
    bool first_line = true;
    while (!chunks.empty()) {
        current.clear();
        std::size_t current_len = 0;
        if (all_space(text, chunks.back()) && !first_line) chunks.pop_back();
        while (!chunks.empty()) {
            std::size_t l = chunks.back().size;
            if (current_len + l > w) break;
            current.push_back(chunks.back());
            chunks.pop_back();
            current_len += l;
        }
        if (!chunks.empty() && chunks.back().size > w) {  // _handle_long_word
            // Python's width - cur_len, 0 when leading whitespace filled the first line: the
            // word then starts the next line and the whitespace stays a line of its own.
            std::size_t space_left = w - current_len;
            if (break_long_words) {
                current.push_back(split_long_word(text, chunks.back(), space_left, break_on_hyphens));
            } else if (current.empty()) {
                current.push_back(chunks.back());
                chunks.pop_back();
            }
        }
        if (!current.empty() && all_space(text, current.back())) current.pop_back();
        if (!current.empty()) {
            // The current line's chunks are consecutive in the text: one piece.
            std::size_t from = current.front().start, to = current.back().start + current.back().size;
            Text piece = text.substr(from, to - from);
            if (!first_line) out += separator;
            first_line = false;
            if constexpr (std::is_same_v<Text, std::string_view>) out += piece;
            else out += py::to_utf8(piece);
        }
    }
}

// Whether `line` has a hyphen or whitespace other than ' ' (which change textwrap's chunks).
// Of textwrap's whitespace, only the tab can be in a line: the others (\n \v \f \r) are
// line boundaries, where the callers split. Two memchr scans are ~10x cheaper than a loop.
bool has_hyphen_or_tab(std::string_view line) {
    return std::memchr(line.data(), '-', line.size()) || std::memchr(line.data(), '\t', line.size());
}

// The usual line, words without hyphens separated by single spaces, none longer than `w`,
// and no space at either end: textwrap's chunks then alternate word and space, and its
// filling comes down to putting as many whole words on each line as fit, the space at each
// break dropped. Done word by word with no chunk list (the chunked filling cost ~2,300
// instructions per 77-byte title). False, with `out` as it was, when the line is not of that form.
bool wrap_plain_words(std::string_view line, std::size_t w, std::string_view separator, std::string& out) {
    if (line.empty() || line.front() == ' ' || line.back() == ' ' || has_hyphen_or_tab(line)) return false;
    const std::size_t restore = out.size();
    std::size_t line_start = 0, word_start = 0;
    for (;;) {
        std::size_t word_end = line.find(' ', word_start);
        if (word_end == std::string_view::npos) word_end = line.size();
        if (word_end == word_start || word_end - word_start > w) break;  // two spaces in a row, or a long word
        if (word_end - line_start > w) {                                // the word starts the next line
            out.append(line.substr(line_start, word_start - 1 - line_start));
            out.append(separator);
            line_start = word_start;
        }
        if (word_end == line.size()) {
            out.append(line.substr(line_start));
            return true;
        }
        word_start = word_end + 1;
    }
    out.resize(restore);
    return false;
}

// separator.join(textwrap.wrap(line, width, expand_tabs=False, replace_whitespace=False, ...)), for a line
// (no str.splitlines() boundary in it) the caller knows to be ASCII or not, appended to `out`.
void append_wrapped(std::string& out, std::string_view line, bool ascii, std::int64_t width, bool break_long_words,
                    bool break_on_hyphens, std::string_view separator) {
    if (width <= 0) fail("invalid width " + std::to_string(width) + " (must be > 0)");
    if (fits_unwrapped(line, ascii, width)) {
        out += line;
        return;
    }
    auto w = static_cast<std::size_t>(width);
    if (ascii && wrap_plain_words(line, w, separator, out)) return;
    if (ascii) return fill_lines(std::string_view(line), w, break_long_words, break_on_hyphens, separator, out);
    const std::u32string text = py::to_u32(line);
    fill_lines(std::u32string_view(text), w, break_long_words, break_on_hyphens, separator, out);
}

// Whether s is one line of ASCII text (no str.splitlines() boundary), the usual case.
bool is_one_ascii_line(std::string_view s) {
    if (s.empty()) return false;
    // Bytes from ' ' to '~' are neither boundaries nor non-ASCII. A min/max reduction without
    // early exit, which the compiler vectorises.
    unsigned char lowest = 0xFF, highest = 0;
    for (char c : s) {
        auto u = static_cast<unsigned char>(c);
        lowest = std::min(lowest, u);
        highest = std::max(highest, u);
    }
    if (lowest >= 0x20 && highest <= 0x7E) return true;
    // Python's ASCII line boundaries: \n \r \v \f \x1c \x1d \x1e (the rest are non-ASCII).
    auto plain = [](char c) {
        auto u = static_cast<unsigned char>(c);
        return u < 0x80 && !(u >= '\n' && u <= '\r') && !(u >= 0x1c && u <= 0x1e);
    };
    return std::all_of(s.begin(), s.end(), plain);
}

// do_wordwrap's text, a plain str whatever the input, into `out` (replacing what it held).
void wrap_into(const Value& in, const Arguments& args, std::string& out) {
    Bound b(args, "do_wordwrap", {"width", "break_long_words", "wrapstring", "break_on_hyphens"}, 0, 2);
    require_defined(in);
    if (!in.is_string()) fail("'" + type_name(in) + "' object has no attribute 'splitlines'");
    std::string_view s = in.as_string();
    std::int64_t width = b.int_or(0, 79);
    bool break_long = b.bool_or(1, true);
    std::string wrapstring = b.has(2) && !b.get(2)->is_none() ? to_str(*b.get(2)) : "\n";
    bool hyphens = b.bool_or(3, true);
    out.clear();
    out.reserve(s.size() + s.size() / 8 * wrapstring.size());  // a break every 8 characters at most, usually
    if (is_one_ascii_line(s)) return append_wrapped(out, s, true, width, break_long, hyphens, wrapstring);
    bool first_line = true;
    for (const auto& line : py::splitlines(s)) {
        if (!first_line) out += wrapstring;
        first_line = false;
        append_wrapped(out, line, py::is_ascii(line), width, break_long, hyphens, wrapstring);
    }
}

Value f_wordwrap(const FilterEnv&, const Value& in, const Arguments& args) {
    std::string text;
    wrap_into(in, args, text);
    return Value(text);
}
bool wordwrap_text(const Value& in, const Arguments& args, std::string& text) {  // its printed form
    wrap_into(in, args, text);
    return true;
}

Value f_wordcount(const FilterEnv&, const Value& in, const Arguments& args) {
    Bound(args, "do_wordcount", {});
    SoftStr text(in);
    std::string_view s = text->as_string();
    std::int64_t words = 0;
    bool in_word = false;
    for (std::size_t i = 0; i < s.size();) {
        bool w = py::is_word_char(py::next_code_point(s, i));
        if (w && !in_word) ++words;
        in_word = w;
    }
    return Value(words);
}

Value f_indent(const FilterEnv&, const Value& in, const Arguments& args) {
    Bound b(args, "do_indent", {"width", "first", "blank"});
    require_defined(in);
    // s += "\n" extends a list (then .splitlines() is missing) and fails for anything else.
    if (in.is_list()) fail("'list' object has no attribute 'splitlines'");
    if (in.is_tuple()) fail("can only concatenate tuple (not \"str\") to tuple");
    if (!in.is_string()) fail("unsupported operand type(s) for +=: '" + type_name(in) + "' and 'str'");
    std::string indention;
    if (b.has(0) && b.get(0)->is_string()) indention = b.get(0)->as_string();
    else indention = std::string(static_cast<std::size_t>(std::max<std::int64_t>(0, b.int_or(0, 4))), ' ');
    bool first = b.bool_or(1, false);
    bool blank = b.bool_or(2, false);
    auto lines = py::splitlines(std::string(in.as_string()) + "\n");
    std::string rv;
    if (blank) {
        for (std::size_t i = 0; i < lines.size(); ++i) {
            if (i) rv += "\n" + indention;
            rv += lines[i];
        }
    } else {
        rv = lines.empty() ? std::string() : lines[0];
        if (lines.size() > 1) {
            rv += "\n";
            for (std::size_t i = 1; i < lines.size(); ++i) {
                if (i > 1) rv += "\n";
                if (!lines[i].empty()) rv += indention;
                rv += lines[i];
            }
        }
    }
    if (first) rv = indention + rv;
    return Value::same_kind(in, std::move(rv));
}

// s % (x,) formats as s % x, without making the tuple, unless x is one of the values %
// treats apart: a tuple (its items are the arguments), a mapping-like dict or list (never "not
// all arguments converted") or undefined (which raises first). That x, or nullptr.
const Value* lone_percent_operand(const Arguments& args) {
    if (!args.keyword.empty() || args.positional.size() != 1) return nullptr;
    const Value& only = args.positional[0];
    return only.is_sequence() || only.is_dict() || only.is_undefined() ? nullptr : &only;
}

Value f_format(const FilterEnv&, const Value& in, const Arguments& args) {
    SoftStr s(in);
    if (!args.positional.empty() && !args.keyword.empty())
        fail("can't handle positional and keyword arguments at the same time");
    if (const Value* only = lone_percent_operand(args))
        return Value::same_kind(*s, py::percent_format(s->as_string(), *only, s->is_markup()));
    Value operand;
    if (!args.keyword.empty()) {
        Dict d;
        for (const auto& [k, v] : args.keyword) d.set(Value(k), v);
        operand = Value::dict(std::move(d));
    } else {
        operand = Value::tuple(args.positional);
    }
    return binary_op(BinaryOp::Mod, *s, operand);
}

// format's printed form (DirectTextFn): "%.1f" | format(x), the usual case.
bool format_text(const Value& in, const Arguments& args, std::string& text) {
    const Value* only = lone_percent_operand(args);
    if (!only) return false;
    text = py::percent_format(in.as_string(), *only, false);
    return true;
}

// -------------------------------------------------------------- HTML

Value f_escape(const FilterEnv&, const Value& in, const Arguments& args) {
    Bound(args, "escape", {}, 0);
    return escape(in);
}

Value f_forceescape(const FilterEnv&, const Value& in, const Arguments& args) {
    Bound(args, "do_forceescape", {});
    return Value::markup(html_escape(to_str(in)));
}

Value f_safe(const FilterEnv&, const Value& in, const Arguments& args) {
    Bound(args, "do_mark_safe", {});
    return in.is_markup() ? in : Value::markup(to_str(in));
}

std::string html_unescape(std::string_view s);

Value f_striptags(const FilterEnv&, const Value& in, const Arguments& args) {
    Bound(args, "do_striptags", {});
    std::string value = to_str(in);
    // _strip_comments_re then _strip_tags_re (both non-greedy, across newlines).
    for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"<!--", "-->"}, {"<", ">"}}) {
        std::string out;
        out.reserve(value.size());
        std::size_t i = 0;
        while (i < value.size()) {
            auto start = value.find(open, i);
            if (start == std::string::npos) break;
            auto end = value.find(close, start + open.size());
            if (end == std::string::npos) break;
            out.append(value, i, start - i);
            i = end + close.size();
        }
        out.append(value, std::min(i, value.size()));
        value = std::move(out);
    }
    std::string collapsed;
    bool first = true;
    for (const auto& word : py::split(value, nullptr)) {
        if (!first) collapsed += ' ';
        first = false;
        collapsed += word;
    }
    return Value(html_unescape(collapsed));
}

Value f_xmlattr(const FilterEnv& env, const Value& in, const Arguments& args) {
    Bound b(args, "do_xmlattr", {"autospace"}, 0, 2);
    require_defined(in);
    if (!in.is_dict()) fail("'" + type_name(in) + "' object has no attribute 'items'");
    std::string rv;
    for (const auto& [k, v] : in.as_dict().entries()) {
        if (v.is_none() || v.is_undefined()) continue;
        std::string key = to_str(k);
        if (key.find_first_of(" \t\n\r\f\v/>=") != std::string::npos)
            fail("Invalid character in attribute name: " + repr(k));
        if (!rv.empty()) rv += ' ';
        rv.append(escape(k).as_string()).append("=\"").append(escape(v).as_string()).append("\"");
    }
    if (b.bool_or(0, true) && !rv.empty()) rv.insert(0, " ");
    return env.autoescape ? Value::markup(rv) : Value(rv);
}

std::string url_quote(const Value& v, bool for_qs) {
    std::string s = to_str(v);
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '_' || c == '.' || c == '-' || c == '~' || (!for_qs && c == '/')) {
            out += static_cast<char>(c);
        } else if (for_qs && c == ' ') {
            out += '+';
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

Value f_urlencode(const FilterEnv&, const Value& in, const Arguments& args) {
    Bound(args, "do_urlencode", {});
    require_defined(in);
    if (in.is_string() || !(in.is_sequence() || in.is_dict())) return Value(url_quote(in, false));
    std::string out;
    auto add = [&](const Value& k, const Value& v) {
        if (!out.empty()) out += '&';
        out += url_quote(k, true) + "=" + url_quote(v, true);
    };
    if (in.is_dict()) {
        for (const auto& [k, v] : in.as_dict().entries()) add(k, v);
    } else {
        for (const auto& item : in.as_list()) {
            if (!(item.is_string() || item.is_sequence() || item.is_dict() || as_iterator(item)))
                fail("cannot unpack non-iterable " + type_name(item) + " object");
            List pair = iterate(item);
            if (pair.size() != 2)
                fail(pair.size() > 2 ? "too many values to unpack (expected 2)"
                                     : "not enough values to unpack (expected 2, got " + std::to_string(pair.size()) + ")");
            add(pair[0], pair[1]);
        }
    }
    return Value(out);
}

void json_string(std::string& out, std::string_view s) {
    static const char* hex = "0123456789abcdef";
    auto u4 = [&](unsigned v) {
        out += "\\u";
        for (int shift = 12; shift >= 0; shift -= 4) out += hex[(v >> shift) & 0xF];
    };
    out += '"';
    for (std::size_t i = 0; i < s.size();) {
        char32_t c = py::next_code_point(s, i);
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            default:
                if (c < 0x20 || c >= 0x7F) {  // ensure_ascii
                    if (c >= 0x10000) {
                        char32_t v = c - 0x10000;
                        u4(0xD800 | (v >> 10));
                        u4(0xDC00 | (v & 0x3FF));
                    } else {
                        u4(c);
                    }
                } else {
                    out += static_cast<char>(c);
                }
        }
    }
    out += '"';
}

void json_dump(std::string& out, const Value& v, const std::string* indent, int level) {
    switch (v.kind()) {
        case Value::Kind::None: out += "null"; return;
        case Value::Kind::Bool: out += v.as_bool() ? "true" : "false"; return;
        case Value::Kind::Int:
        case Value::Kind::BigInt: out += to_str(v); return;
        case Value::Kind::Float: {
            double d = v.as_float();
            if (std::isnan(d)) out += "NaN";
            else if (std::isinf(d)) out += d > 0 ? "Infinity" : "-Infinity";
            else out += python_float_repr(d);
            return;
        }
        case Value::Kind::String:
        case Value::Kind::Markup: json_string(out, v.as_string()); return;
        default: break;
    }
    auto newline = [&](int lvl) {
        if (!indent) return;
        out += '\n';
        for (int i = 0; i < lvl; ++i) out += *indent;
    };
    const char* item_sep = indent ? "," : ", ";
    if (v.is_sequence() && !v.view_type()) {
        const auto& items = v.as_list();
        if (items.empty()) {
            out += "[]";
            return;
        }
        out += '[';
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (i) out += item_sep;
            newline(level + 1);
            json_dump(out, items[i], indent, level + 1);
        }
        newline(level);
        out += ']';
        return;
    }
    if (v.is_dict()) {
        const auto entries = v.as_dict().entries();
        if (entries.empty()) {
            out += "{}";
            return;
        }
        std::vector<std::size_t> sorted(entries.size());
        for (std::size_t i = 0; i < sorted.size(); ++i) sorted[i] = i;
        std::stable_sort(sorted.begin(), sorted.end(), [&](std::size_t a, std::size_t b) {
            return compare(entries[a].first, entries[b].first, "<") < 0;
        });
        out += '{';
        bool first = true;
        for (std::size_t i : sorted) {
            const Dict::Entry e = entries[i];
            if (!first) out += item_sep;
            first = false;
            newline(level + 1);
            const Value& k = e.first;
            if (k.is_string()) json_string(out, k.as_string());
            else if (k.is_bool()) out += k.as_bool() ? "\"true\"" : "\"false\"";
            else if (k.is_none()) out += "\"null\"";
            else if (k.is_number()) out += "\"" + to_str(k) + "\"";
            else fail("keys must be str, int, float, bool or None, not " + type_name(k));
            out += ": ";
            json_dump(out, e.second, indent, level + 1);
        }
        newline(level);
        out += '}';
        return;
    }
    fail("Object of type " + type_name(v) + " is not JSON serializable");
}

Value f_tojson(const FilterEnv&, const Value& in, const Arguments& args) {
    Bound b(args, "do_tojson", {"indent"}, 0, 2);
    std::string json = python_json_dumps(in, b.get(0));
    std::string out;
    out.reserve(json.size());
    for (char c : json) {
        switch (c) {
            case '<': out += "\\u003c"; break;
            case '>': out += "\\u003e"; break;
            case '&': out += "\\u0026"; break;
            case '\'': out += "\\u0027"; break;
            default: out += c;
        }
    }
    return Value::markup(out);
}

// -------------------------------------------------------------- numbers

Value f_abs(const FilterEnv&, const Value& in, const Arguments& args) {
    Bound(args, "abs", {}, 0);
    if (in.is_float()) return Value(std::fabs(in.as_float()));
    if (in.is_int() || in.is_bool() || in.is_big_int()) return bigint::is_negative(in) ? negate(in) : positive(in);
    fail("bad operand type for abs(): '" + type_name(in) + "'");
}

// Python's round(x, n) for floats: correctly rounded through the shortest decimal that
// the exact binary value rounds to (half-even on exact ties), as CPython's double_round.
double python_round(double x, std::int64_t ndigits) {
    if (!std::isfinite(x) || x == 0) return x;
    if (ndigits > 323) return x;
    if (ndigits < -308) return std::copysign(0.0, x);
    if (ndigits >= 0) {
        std::string text = py::format_fixed(x, static_cast<int>(ndigits));
        double r = 0;
        std::from_chars(text.data(), text.data() + text.size(), r);
        if (r == 0) return std::copysign(0.0, x);
        return r;
    }
    // Negative ndigits: round to tens/hundreds... with half-even on the scaled exact value.
    double pow10 = std::pow(10.0, static_cast<double>(-ndigits));
    double y = x / pow10;
    double z = std::nearbyint(y);  // default rounding mode: half-even
    if (std::fabs(y - std::trunc(y)) == 0.5) z = 2.0 * std::nearbyint(y / 2.0);
    double r = z * pow10;
    if (!std::isfinite(r)) fail("rounded value too large to represent");
    return r == 0 ? std::copysign(0.0, x) : r;
}

// round(int, n): unchanged for n >= 0, else to a multiple of 10^-n, ties to even.
Value round_integral(const Value& v, std::int64_t precision) {
    if (precision >= 0) return v;
    constexpr std::int64_t more_digits_than_any_int = 2'000'000;  // bigint.cpp caps ints at 2^22 bits
    if (precision < -more_digits_than_any_int) return Value(std::int64_t{0});
    Value unit = binary_op(BinaryOp::Pow, Value(std::int64_t{10}), Value(-precision));
    Value quotient = binary_op(BinaryOp::FloorDiv, v, unit);
    Value twice_rest = binary_op(BinaryOp::Mul, binary_op(BinaryOp::Mod, v, unit), Value(std::int64_t{2}));
    int c = compare(twice_rest, unit, ">");
    bool odd = !equals(binary_op(BinaryOp::Mod, quotient, Value(std::int64_t{2})), Value(std::int64_t{0}));
    if (c > 0 || (c == 0 && odd)) quotient = binary_op(BinaryOp::Add, quotient, Value(std::int64_t{1}));
    return binary_op(BinaryOp::Mul, quotient, unit);
}

Value f_round(const FilterEnv&, const Value& in, const Arguments& args) {
    Bound b(args, "do_round", {"precision", "method"});
    std::int64_t precision = b.int_or(0, 0);
    std::string method = b.str_or(1, "common");
    if (method != "common" && method != "ceil" && method != "floor") fail("method must be common, ceil or floor");
    if (!in.is_number()) {
        if (method == "common") fail("type " + type_name(in) + " doesn't define __round__ method");
        // value * 10**precision, then math.ceil/floor of whatever that gave.
        if (in.is_string() || in.is_sequence()) {
            if (precision < 0) fail("can't multiply sequence by non-int of type 'float'");
            fail("must be real number, not " + type_name(in));
        }
        require_defined(in);
        fail("unsupported operand type(s) for *: '" + type_name(in) + "' and '" + (precision < 0 ? "float" : "int") + "'");
    }
    if (method == "common") {
        if (in.is_float()) return Value(python_round(in.as_float(), precision));
        // round(int, n) stays an int (round(True) is 1).
        return round_integral(in.is_bool() ? Value(in.as_int()) : in, precision);
    }
    // func(value * 10**precision) / 10**precision; math.ceil/floor return ints, so the
    // division is true division of two ints (or an int by a float for negative precision).
    double scale = std::pow(10.0, static_cast<double>(precision));
    double scaled = in.as_float() * scale;
    if (!in.is_float() && precision >= 0) scaled = static_cast<double>(in.as_int()) * scale;
    if (!std::isfinite(scaled)) fail(std::isnan(scaled) ? "cannot convert float NaN to integer" : "cannot convert float infinity to integer");
    // math.ceil/floor return ints, so there is no negative zero: -0.0 + 0.0 is +0.0.
    double rounded = (method == "ceil" ? std::ceil(scaled) : std::floor(scaled)) + 0.0;
    return Value(rounded / scale);
}

// int(str, base) as Python parses it: optional sign, whitespace around, '_' between digits,
// and a 0x/0o/0b prefix matching the base (or any prefix for base 0).
std::optional<Value> parse_python_int(std::string_view text, std::int64_t base) {
    std::string s = py::strip(text, nullptr);
    std::string_view t = s;
    bool negative = false;
    if (!t.empty() && (t[0] == '+' || t[0] == '-')) {
        negative = t[0] == '-';
        t.remove_prefix(1);
    }
    auto has_prefix = [&](char c) { return t.size() >= 2 && t[0] == '0' && (t[1] | 0x20) == c; };
    if (base == 0) {
        if (has_prefix('x')) base = 16;
        else if (has_prefix('o')) base = 8;
        else if (has_prefix('b')) base = 2;
        else if (t.size() > 1 && t[0] == '0' && t.find_first_not_of("0_") != std::string_view::npos) return std::nullopt;
        else base = 10;
    }
    // A prefix matching the base, and one '_' after it ("0x_ff"), as Python allows.
    if ((base == 16 && has_prefix('x')) || (base == 8 && has_prefix('o')) || (base == 2 && has_prefix('b'))) {
        t.remove_prefix(2);
        if (!t.empty() && t[0] == '_') t.remove_prefix(1);
    }
    if (base < 2 || base > 36) return std::nullopt;  // Python's ValueError, caught by do_int
    if (t.empty() || t.front() == '_' || t.back() == '_') return std::nullopt;
    std::uint64_t value = 0;
    bool beyond_uint64 = false;
    char prev = 0;
    for (char c : t) {
        if (c == '_') {
            if (prev == '_') return std::nullopt;
            prev = c;
            continue;
        }
        prev = c;
        int digit = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                    : std::isalpha(static_cast<unsigned char>(c)) ? (c | 0x20) - 'a' + 10 : 99;
        if (digit >= base) return std::nullopt;
        if (value > (std::numeric_limits<std::uint64_t>::max() - static_cast<std::uint64_t>(digit)) / static_cast<std::uint64_t>(base))
            beyond_uint64 = true;
        value = value * static_cast<std::uint64_t>(base) + static_cast<std::uint64_t>(digit);
    }
    if (beyond_uint64 || value > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
        std::string digits;  // for GMP, without the '_' separators (copied only on this rare path)
        std::remove_copy(t.begin(), t.end(), std::back_inserter(digits), '_');
        mpz_class z(digits, static_cast<int>(base));
        return bigint::make(negative ? mpz_class(-z) : z);
    }
    auto magnitude = static_cast<std::int64_t>(value);
    return Value(negative ? -magnitude : magnitude);
}

// float(str): Python accepts whitespace, '_' between digits, inf/nan spellings.
std::optional<double> parse_python_float(std::string_view text) {
    std::string s = py::strip(text, nullptr);
    std::string clean;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '_') {
            bool ok = i > 0 && i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i - 1])) &&
                      std::isdigit(static_cast<unsigned char>(s[i + 1]));
            if (!ok) return std::nullopt;
            continue;
        }
        clean += s[i];
    }
    std::string_view t = clean;
    bool negative = false;
    if (!t.empty() && (t[0] == '+' || t[0] == '-')) {
        negative = t[0] == '-';
        t.remove_prefix(1);
    }
    std::string lowered = py::lower(t);
    if (lowered == "inf" || lowered == "infinity") return negative ? -HUGE_VAL : HUGE_VAL;
    if (lowered == "nan") return std::numeric_limits<double>::quiet_NaN();
    if (t.empty() || !(std::isdigit(static_cast<unsigned char>(t[0])) || t[0] == '.')) return std::nullopt;
    double d = 0;
    auto res = std::from_chars(t.data(), t.data() + t.size(), d);
    if (res.ec == std::errc::result_out_of_range) d = HUGE_VAL;  // Python: overflow -> inf
    else if (res.ec != std::errc() || res.ptr != t.data() + t.size()) return std::nullopt;
    return negative ? -d : d;
}

Value f_int(const FilterEnv&, const Value& in, const Arguments& args) {
    Bound b(args, "do_int", {"default", "base"});
    require_defined(in);
    Value fallback = b.get_or(0, Value(std::int64_t{0}));
    std::int64_t base = b.int_or(1, 10);
    if (in.is_int() || in.is_bool()) return Value(in.as_int());
    if (in.is_big_int()) return in;
    if (in.is_string()) {
        if (auto v = parse_python_int(in.as_string(), base)) return *v;
    }
    // "42.23"|int gives 42: the fallback goes through float().
    std::optional<double> d;
    if (in.is_float()) d = in.as_float();
    else if (in.is_string()) d = parse_python_float(in.as_string());
    if (!d || !std::isfinite(*d)) return fallback;
    return py::truncated_integral(*d);
}

Value f_float(const FilterEnv&, const Value& in, const Arguments& args) {
    Bound b(args, "do_float", {"default"});
    require_defined(in);
    if (in.is_number()) return Value(in.as_float());
    if (in.is_string())
        if (auto d = parse_python_float(in.as_string())) return Value(*d);
    return b.get_or(0, Value(0.0));
}

// -------------------------------------------------------------- sequences

Value f_length(const FilterEnv&, const Value& in, const Arguments& args) {
    Bound(args, "len", {}, 0);
    require_defined(in);
    if (in.is_string()) return Value(static_cast<std::int64_t>(py::length(in.as_string())));
    if (in.is_sequence()) return Value(static_cast<std::int64_t>(in.as_list().size()));
    if (in.is_dict()) return Value(static_cast<std::int64_t>(in.as_dict().size()));
    if (const Range* r = as_range(in)) return Value(static_cast<std::int64_t>(r->size()));
    fail("object of type '" + type_name(in) + "' has no len()");
}

Value f_list(const FilterEnv&, const Value& in, const Arguments& args) {
    Bound(args, "do_list", {});
    return Value::list(iterate(in));
}

Value f_string(const FilterEnv&, const Value& in, const Arguments& args) {
    Bound(args, "soft_str", {});
    return soft_str(in);
}

Value f_first(const FilterEnv&, const Value& in, const Arguments& args) {
    Bound(args, "do_first", {}, 0, 2);
    require_defined(in);
    if (in.is_sequence()) {
        if (in.as_list().empty()) return Value::undefined("No first item, sequence was empty.");
        return in.as_list().front();
    }
    if (Iterator* it = as_iterator(in)) {  // next(iter(gen)) takes one item only
        if (auto v = it->next()) return *v;
        return Value::undefined("No first item, sequence was empty.");
    }
    List items = iterate(in);
    if (items.empty()) return Value::undefined("No first item, sequence was empty.");
    return items.front();
}

Value f_last(const FilterEnv&, const Value& in, const Arguments& args) {
    Bound(args, "do_last", {}, 0, 2);
    require_defined(in);
    if (in.is_sequence()) {
        if (in.as_list().empty()) return Value::undefined("No last item, sequence was empty.");
        return in.as_list().back();
    }
    if (!in.is_string() && !in.is_dict() && !as_range(in)) fail("'" + type_name(in) + "' object is not reversible");
    List items = iterate(in);
    if (items.empty()) return Value::undefined("No last item, sequence was empty.");
    // reversed() indexes the Markup, and Markup.__getitem__ returns Markup (first() iterates: str).
    if (in.is_markup()) return Value::markup(items.back().as_string());
    return items.back();
}

Value f_reverse(const FilterEnv&, const Value& in, const Arguments& args) {
    Bound(args, "do_reverse", {});
    require_defined(in);
    if (in.is_string()) return Value::same_kind(in, py::reversed(in.as_string()));  // value[::-1]: Markup stays Markup
    // reversed(value) for a list/tuple/dict is an iterator; anything else iterable is listed.
    bool reversible = in.is_sequence() || in.is_dict() || as_range(in);
    if (!reversible && !as_iterator(in)) fail("argument must be iterable");
    List items = iterate(in);
    std::reverse(items.begin(), items.end());
    if (!reversible) return Value::list(std::move(items));
    std::string kind = in.is_list() ? "list_reverseiterator" : in.is_tuple() ? "reversed"
                       : in.is_dict()  ? "dict_reversekeyiterator" : "range_iterator";
    return make_iterator(kind, std::move(items));
}

Value f_join(const FilterEnv& env, const Value& in, const Arguments& args) {
    Bound b(args, "sync_do_join", {"d", "attribute"}, 0, 2);
    Value d = b.get_or(0, Value(""));
    List items = iterate(in);
    if (b.has(1) && !b.get(1)->is_none()) {
        AttrGetter g = make_attrgetter(b.get(1));
        for (auto& item : items) item = g(item);
    }
    auto join_with = [&](std::string_view sep, auto&& piece) {
        std::string out;
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (i) out += sep;
            out += piece(items[i]);
        }
        return out;
    };
    if (!env.autoescape) return Value(join_with(to_str(d), [](const Value& v) { return to_str(v); }));
    if (!d.is_markup()) {
        bool any_markup = std::any_of(items.begin(), items.end(), [](const Value& v) { return v.is_markup(); });
        if (!any_markup) return Value(join_with(to_str(d), [](const Value& v) { return to_str(v); }));
        // Markup(escape(d)).join(items): plain items are escaped.
        return Value::markup(join_with(escape(d).as_string(), [](const Value& v) { return std::string(escape(v).as_string()); }));
    }
    return Value::markup(join_with(d.as_string(), [](const Value& v) { return std::string(escape(v).as_string()); }));
}

Value f_batch(const FilterEnv&, const Value& in, const Arguments& args) {
    Bound b(args, "do_batch", {"linecount", "fill_with"}, 1);
    Value linecount = *b.get(0);
    std::optional<Value> fill;
    if (b.has(1) && !b.get(1)->is_none()) fill = *b.get(1);
    return make_generator("do_batch", [in, linecount, fill]() -> Iterator::Source {
        std::int64_t size = index_value(linecount);
        // do_batch's loop: a batch is yielded when the item after it arrives (or at the end).
        return [items = items_of(in), size, fill, batch = List{}, done = false]() mutable -> std::optional<Value> {
            if (done) return std::nullopt;
            while (std::optional<Value> item = items()) {
                bool full = static_cast<std::int64_t>(batch.size()) == size;
                List finished = full ? std::exchange(batch, List{}) : List{};
                batch.push_back(std::move(*item));
                if (full) return Value::list(std::move(finished));
            }
            done = true;
            if (batch.empty()) return std::nullopt;
            if (fill)
                while (static_cast<std::int64_t>(batch.size()) < size) batch.push_back(*fill);
            return Value::list(std::move(batch));
        };
    });
}

// sync_do_slice's body: the input listed, cut into `slices_arg` columns.
List slice_columns(const Value& in, const Value& slices_arg, const std::optional<Value>& fill) {
    std::int64_t slices = index_value(slices_arg);
    List seq = iterate(in);
    if (slices == 0) fail("integer division or modulo by zero");
    auto length = static_cast<std::int64_t>(seq.size());
    std::int64_t per = length / slices, extra = length % slices;
    if (length % slices != 0 && ((length < 0) != (slices < 0))) --per;
    if (extra != 0 && ((extra < 0) != (slices < 0))) extra += slices;
    List out;
    std::int64_t offset = 0;
    for (std::int64_t n = 0; n < slices; ++n) {
        std::int64_t start = offset + n * per;
        if (n < extra) ++offset;
        std::int64_t end = offset + (n + 1) * per;
        List part;
        start = std::clamp<std::int64_t>(start, 0, length);
        end = std::clamp<std::int64_t>(end, 0, length);
        for (std::int64_t i = start; i < end; ++i) part.push_back(seq[static_cast<std::size_t>(i)]);
        if (fill && n >= extra) part.push_back(*fill);
        out.push_back(Value::list(std::move(part)));
    }
    return out;
}

Value f_slice(const FilterEnv&, const Value& in, const Arguments& args) {
    Bound b(args, "sync_do_slice", {"slices", "fill_with"}, 1);
    Value slices = *b.get(0);
    std::optional<Value> fill;
    if (b.has(1) && !b.get(1)->is_none()) fill = *b.get(1);
    return make_generator("sync_do_slice", [in, slices, fill] { return items_in(slice_columns(in, slices, fill)); });
}

Value f_sort(const FilterEnv&, const Value& in, const Arguments& args) {
    Bound b(args, "do_sort", {"reverse", "case_sensitive", "attribute"}, 0, 2);
    bool reverse = b.bool_or(0, false);
    bool case_sensitive = b.bool_or(1, false);
    List storage;
    const List& items = items_or_listed(in, storage);
    auto getters = make_multi_attrgetter(b.get(2));
    List keys;
    keys.reserve(items.size() * getters.size());
    for (const auto& item : items)
        for (const auto& g : getters) keys.push_back(case_sensitive ? g(item) : fold_sort_key(g(item)));
    return Value::list(sorted_by(items, keys, getters.size(), reverse, case_sensitive ? KeyCase::AsIs : KeyCase::Folded));
}

Value f_dictsort(const FilterEnv&, const Value& in, const Arguments& args) {
    Bound b(args, "do_dictsort", {"case_sensitive", "by", "reverse"});
    require_defined(in);
    bool case_sensitive = b.bool_or(0, false);
    std::string by = b.has(1) ? to_str(*b.get(1)) : "key";
    bool reverse = b.bool_or(2, false);
    std::size_t pos = 0;
    if (by == "key") pos = 0;
    else if (by == "value") pos = 1;
    else fail("You can only sort by either \"key\" or \"value\"");
    if (!in.is_dict()) fail("'" + type_name(in) + "' object has no attribute 'items'");
    List items, keys;
    for (const auto& [k, v] : in.as_dict().entries()) {
        items.push_back(Value::tuple({k, v}));
        const Value& key = pos == 0 ? k : v;
        keys.push_back(case_sensitive ? key : ignore_case(key));
    }
    return Value::list(sorted_by(items, keys, 1, reverse));
}

Value f_items(const FilterEnv&, const Value& in, const Arguments& args) {
    Bound(args, "do_items", {});
    return make_generator("do_items", [in]() -> Iterator::Source {
        if (in.is_undefined()) return items_in({});
        if (!in.is_dict()) fail("Can only get item pairs from a mapping.");
        return [dict = in, position = std::size_t{0}]() mutable -> std::optional<Value> {
            const auto& entries = dict.as_dict().entries();
            if (position >= entries.size()) return std::nullopt;
            const auto& [key, value] = entries[position++];
            return Value::tuple({key, value});
        };
    });
}

// do_unique's seen set: string keys indexed, others compared one by one (as Python's hash
// equality: 1 == 1.0 == True).
class SeenKeys {
public:
    bool insert(const Value& key) {  // false when already seen
        require_defined(key);
        if (key.is_string()) {
            if (strings_.find(std::string_view(key.as_string()))) return false;
            strings_.set(key, Value(true));
            return true;
        }
        if (std::any_of(others_.begin(), others_.end(), [&](const Value& s) { return equals(s, key); })) return false;
        if (key.is_list() || key.is_dict()) fail("unhashable type: '" + type_name(key) + "'");
        others_.push_back(key);
        return true;
    }

private:
    Dict strings_;
    List others_;
};

Value f_unique(const FilterEnv& env, const Value& in, const Arguments& args) {
    Bound(args, "do_unique", {"case_sensitive", "attribute"}, 0, 2);
    return make_generator("do_unique", [call = keep_call(env, in, args)]() -> Iterator::Source {
        Bound b(call->args, "do_unique", {"case_sensitive", "attribute"}, 0, 2);
        AttrGetter key_of = make_attrgetter(b.get(1), !b.bool_or(0, false));
        return [call, items = items_of(call->input), key_of, seen = SeenKeys{}]() mutable -> std::optional<Value> {
            while (std::optional<Value> item = items())
                if (seen.insert(key_of(*item))) return item;
            return std::nullopt;
        };
    });
}

Value min_or_max(const Value& in, const Arguments& args, bool want_max) {
    Bound b(args, want_max ? "do_max" : "do_min", {"case_sensitive", "attribute"}, 0, 2);
    List items = iterate(in);
    if (items.empty()) return Value::undefined("No aggregated item, sequence was empty.");
    AttrGetter g = make_attrgetter(b.get(1), !b.bool_or(0, false));
    std::size_t best = 0;
    Value best_key = g(items[0]);
    for (std::size_t i = 1; i < items.size(); ++i) {
        Value key = g(items[i]);
        bool better = want_max ? compare(key, best_key, ">") > 0 : compare(key, best_key, "<") < 0;
        if (better) {
            best = i;
            best_key = std::move(key);
        }
    }
    return items[best];
}

Value f_min(const FilterEnv&, const Value& in, const Arguments& args) { return min_or_max(in, args, false); }
Value f_max(const FilterEnv&, const Value& in, const Arguments& args) { return min_or_max(in, args, true); }

Value f_sum(const FilterEnv&, const Value& in, const Arguments& args) {
    Bound b(args, "sync_do_sum", {"attribute", "start"}, 0, 2);
    List items = iterate(in);
    Value total = b.get_or(1, Value(std::int64_t{0}));
    if (total.is_string()) fail("sum() can't sum strings [use ''.join(seq) instead]");
    AttrGetter g = make_attrgetter(b.get(0));
    bool plain = !b.has(0) || b.get(0)->is_none();
    for (const auto& item : items) total = binary_op(BinaryOp::Add, total, plain ? item : g(item));
    return total;
}

// groupby's groups when every key is a str (the usual case): one bucket per key, the buckets
// then put in key order. That gives the groups, members and order of a stable sort by key
// followed by itertools.groupby, in linear time: str keys are totally ordered (UTF-8 byte order
// is code point order) and compare without raising, so which comparisons a sort would make is
// unobservable.
class StringKeyGroups {
public:
    struct Group {
        Value key;  // the (folded) key of its first member, as itertools.groupby yields it
        List members;
    };

    explicit StringKeyGroups(bool case_sensitive) : case_sensitive_(case_sensitive) {}
    // precondition: raw_key.is_string()
    void add(const Value& raw_key, const Value& item) { groups_[group_for(raw_key)].members.push_back(item); }
    std::vector<Group> take_sorted() {
        std::sort(groups_.begin(), groups_.end(),
                  [](const Group& a, const Group& b) { return a.key.as_string() < b.key.as_string(); });
        return std::move(groups_);
    }

private:
    // Keys repeat down a column: a raw text seen before finds its group without folding.
    std::size_t group_for(const Value& raw_key) {
        if (auto seen = group_of_raw_.find(raw_key.as_string()); seen != group_of_raw_.end()) return seen->second;
        const Value& kept = raw_keys_.emplace_back(raw_key);
        Value folded = case_sensitive_ ? kept : ignore_case(kept);
        auto [at, added] = group_of_folded_.try_emplace(folded.as_string(), groups_.size());
        if (added) groups_.push_back({std::move(folded), {}});
        group_of_raw_.emplace(kept.as_string(), at->second);
        return at->second;
    }

    bool case_sensitive_;
    std::vector<Group> groups_;
    List raw_keys_;  // owns the texts group_of_raw_ views (string storage does not move with a Value)
    // Views of raw_keys_ and of the groups' keys: a (folded) text to its group's index.
    std::unordered_map<std::string_view, std::size_t> group_of_raw_, group_of_folded_;
};

// The general groupby: sort by key (stable), then group runs of equal keys, as
// itertools.groupby. Keys of mixed types compare (and raise) as Python's would.
List groups_by_sorting(const List& items, const AttrGetter& key_of, const AttrGetter& output_of, bool case_sensitive) {
    List keys;
    keys.reserve(items.size());
    for (const auto& item : items) keys.push_back(key_of(item));
    std::vector<std::size_t> order(items.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return value_less(keys[x], keys[y]); });
    List out;
    std::size_t i = 0;
    while (i < order.size()) {
        const Value& key = keys[order[i]];
        List group;
        std::size_t j = i;
        while (j < order.size() && equals(keys[order[j]], key)) group.push_back(items[order[j++]]);
        Value grouper = case_sensitive ? key : output_of(group.front());
        out.push_back(make_group_tuple(std::move(grouper), std::move(group)));
        i = j;
    }
    return out;
}

// groupby over str keys, or nullopt as soon as a key is something else.
std::optional<List> groups_by_string_key(const List& items, const AttrGetter& output_of, bool case_sensitive) {
    StringKeyGroups groups(case_sensitive);
    for (const auto& item : items) {
        Value scratch;
        const Value& key = output_of.lookup(item, scratch);
        if (!key.is_string()) return std::nullopt;
        groups.add(key, item);
    }
    List out;
    for (auto& group : groups.take_sorted()) {
        Value grouper = case_sensitive ? std::move(group.key) : output_of(group.members.front());
        out.push_back(make_group_tuple(std::move(grouper), std::move(group.members)));
    }
    return out;
}

Value f_groupby(const FilterEnv&, const Value& in, const Arguments& args) {
    Bound b(args, "sync_do_groupby", {"attribute", "default", "case_sensitive"}, 1, 2);
    bool case_sensitive = b.bool_or(2, false);
    const Value* dflt = b.has(1) ? b.get(1) : nullptr;
    AttrGetter output_of = make_attrgetter(b.get(0), false, dflt);
    List storage;
    const List& items = items_or_listed(in, storage);
    if (auto groups = groups_by_string_key(items, output_of, case_sensitive)) return Value::list(std::move(*groups));
    AttrGetter key_of = make_attrgetter(b.get(0), !case_sensitive, dflt);
    return Value::list(groups_by_sorting(items, key_of, output_of, case_sensitive));
}

Value f_default(const FilterEnv&, const Value& in, const Arguments& args) {
    Bound b(args, "do_default", {"default_value", "boolean"});
    bool boolean = b.bool_or(1, false);
    if (in.is_undefined() || (boolean && !truthy(in))) return b.get_or(0, Value(""));
    return in;
}

Value f_attr(const FilterEnv&, const Value& in, const Arguments& args) {
    Bound b(args, "do_attr", {"name"}, 1, 2);
    require_defined(in);
    std::string name = to_str(*b.get(0));
    // Python getattr only: a dict's keys are not attributes.
    if (in.is_object())
        if (auto v = in.as_object().attribute(name)) return *v;
    if (const Object* fields = in.tuple_fields())
        if (auto v = fields->attribute(name)) return *v;
    if (!in.is_object())
        if (auto m = method_of(in, name)) return *m;
    return Value::undefined(py::no_attribute_hint(in, name));
}

// -------------------------------------------------------------- map / select

// The map function of sync_do_map/prepare_map: an attribute getter or a filter by name.
std::function<Value(const Value&)> map_function(const std::shared_ptr<const GeneratorCall>& call) {
    const Arguments& args = call->args;
    if (args.positional.empty() && args.keyword_arg("attribute")) {
        const Value* dflt = nullptr;
        for (const auto& [k, v] : args.keyword) {
            if (k == "default") dflt = &v;
            else if (k != "attribute") fail("Unexpected keyword argument " + py::repr_string(k));
        }
        // The getter points into call->args: the lambda keeps `call` alive with it.
        AttrGetter g = make_attrgetter(args.keyword_arg("attribute"), false, dflt);
        return [call, g](const Value& item) { return g(item); };
    }
    if (args.positional.empty()) fail("map requires a filter argument");
    auto rest = std::make_shared<Arguments>();
    rest->positional.assign(args.positional.begin() + 1, args.positional.end());
    rest->keyword = args.keyword;
    return [call, name = to_str(args.positional[0]), rest](const Value& item) {
        return call->env.call_filter(name, item, *rest);
    };
}

Value f_map(const FilterEnv& env, const Value& in, const Arguments& args) {
    return make_generator("sync_do_map", [call = keep_call(env, in, args)]() -> Iterator::Source {
        if (!truthy(call->input)) return items_in({});
        return [items = items_of(call->input), func = map_function(call)]() -> std::optional<Value> {
            std::optional<Value> item = items();
            if (item) item = func(*item);
            return item;
        };
    });
}

// prepare_select_or_reject's predicate: whether an item passes (before select/reject's
// negation). A plain struct rather than a std::function: it runs once per item.
struct Selector {
    std::shared_ptr<const GeneratorCall> call;
    bool lookup_attr = false;
    AttrGetter transform;             // the attribute, for selectattr/rejectattr
    std::shared_ptr<Arguments> rest;  // the test's own arguments; null: no test (truthiness)
    std::string test;
    const TestFn* library_test = nullptr;  // looked up once for the whole sequence
    std::optional<BoundTest> bound_test;   // a builtin with `rest` bound once (points into it)
    mutable Value scratch;  // an attribute made rather than found in the item; reused item to item

    bool operator()(const Value& item) const {
        const Value& subject = lookup_attr ? transform.lookup(item, scratch) : item;
        if (!rest) return truthy(subject);
        if (bound_test) return (*bound_test)(subject);
        return library_test ? (*library_test)(*call->env.call, subject, *rest) : call->env.call_test(test, subject, *rest);
    }
};

Selector make_selector(const std::shared_ptr<const GeneratorCall>& call, bool lookup_attr) {
    const Arguments& args = call->args;
    Selector selector{call, lookup_attr, {}, nullptr, {}, nullptr, std::nullopt, Value()};
    std::size_t off = 0;
    if (lookup_attr) {
        if (args.positional.empty()) fail("Missing parameter for attribute name");
        selector.transform = make_attrgetter(&args.positional[0]);
        off = 1;
    }
    if (args.positional.size() <= off) return selector;
    selector.rest = std::make_shared<Arguments>();
    selector.rest->positional.assign(args.positional.begin() + static_cast<std::ptrdiff_t>(off) + 1, args.positional.end());
    selector.rest->keyword = args.keyword;
    selector.test = to_str(args.positional[off]);
    // The test bound once for the whole sequence when it is a builtin: in a template, the one the
    // environment's Library has under that name (a Library may register its own instead).
    if (call->env.call && call->env.library) {
        selector.library_test = call->env.library->test(selector.test);
        if (selector.library_test) selector.bound_test = bound_builtin_test(*selector.library_test, *selector.rest);
    } else if (PureTest builtin = builtin_test(selector.test)) {
        selector.bound_test = bind_test(builtin, *selector.rest);
    }
    return selector;
}

Value select_or_reject(const FilterEnv& env, const Value& in, const Arguments& args, bool select, bool lookup_attr) {
    return make_generator("select_or_reject", [call = keep_call(env, in, args), select, lookup_attr]() -> Iterator::Source {
        if (!truthy(call->input)) return items_in({});
        Selector passes = make_selector(call, lookup_attr);
        if (call->input.is_sequence()) {  // the common case, indexed directly
            return [passes = std::move(passes), select, position = std::size_t{0}]() mutable -> std::optional<Value> {
                const List& items = passes.call->input.as_list();
                while (position < items.size()) {
                    const Value& item = items[position++];
                    if (passes(item) == select) return item;
                }
                return std::nullopt;
            };
        }
        return [items = items_of(call->input), passes = std::move(passes), select]() -> std::optional<Value> {
            while (std::optional<Value> item = items())
                if (passes(*item) == select) return item;
            return std::nullopt;
        };
    });
}

Value f_select(const FilterEnv& env, const Value& in, const Arguments& args) { return select_or_reject(env, in, args, true, false); }
Value f_reject(const FilterEnv& env, const Value& in, const Arguments& args) { return select_or_reject(env, in, args, false, false); }
Value f_selectattr(const FilterEnv& env, const Value& in, const Arguments& args) { return select_or_reject(env, in, args, true, true); }
Value f_rejectattr(const FilterEnv& env, const Value& in, const Arguments& args) { return select_or_reject(env, in, args, false, true); }

// -------------------------------------------------------------- entities (html.unescape)

struct Entity {
    const char* name;
    char32_t cp;
};

// The named references council text uses; html.unescape knows all of HTML5's.
constexpr Entity entities[] = {
    {"amp", '&'},      {"lt", '<'},        {"gt", '>'},        {"quot", '"'},      {"apos", '\''},
    {"nbsp", 0xA0},    {"copy", 0xA9},     {"reg", 0xAE},      {"pound", 0xA3},    {"euro", 0x20AC},
    {"yen", 0xA5},     {"cent", 0xA2},     {"sect", 0xA7},     {"deg", 0xB0},      {"plusmn", 0xB1},
    {"times", 0xD7},   {"divide", 0xF7},   {"frac12", 0xBD},   {"frac14", 0xBC},   {"frac34", 0xBE},
    {"middot", 0xB7},  {"para", 0xB6},     {"laquo", 0xAB},    {"raquo", 0xBB},    {"ndash", 0x2013},
    {"mdash", 0x2014}, {"lsquo", 0x2018},  {"rsquo", 0x2019},  {"ldquo", 0x201C},  {"rdquo", 0x201D},
    {"bull", 0x2022},  {"hellip", 0x2026}, {"trade", 0x2122},  {"shy", 0xAD},      {"eacute", 0xE9},
    {"egrave", 0xE8},  {"aacute", 0xE1},   {"agrave", 0xE0},   {"ouml", 0xF6},     {"uuml", 0xFC},
    {"auml", 0xE4},    {"ccedil", 0xE7},   {"iacute", 0xED},   {"oacute", 0xF3},   {"uacute", 0xFA},
    {"ntilde", 0xF1},  {"szlig", 0xDF},    {"Eacute", 0xC9},   {"rarr", 0x2192},   {"larr", 0x2190},
    {"le", 0x2264},    {"ge", 0x2265},     {"ne", 0x2260},     {"minus", 0x2212},  {"thinsp", 0x2009},
    {"ensp", 0x2002},  {"emsp", 0x2003},   {"zwj", 0x200D},    {"zwnj", 0x200C},   {"micro", 0xB5},
};
// Entities html.unescape accepts without the trailing ';' (the HTML4 set), as browsers do.
bool semicolon_optional(std::string_view name) {
    static constexpr std::string_view legacy[] = {"amp", "lt", "gt", "quot", "nbsp", "copy", "reg", "pound", "yen",
                                                   "cent", "sect", "deg", "plusmn", "times", "divide", "frac12",
                                                   "frac14", "frac34", "middot", "para", "laquo", "raquo", "shy",
                                                   "eacute", "egrave", "aacute", "agrave", "ouml", "uuml", "auml",
                                                   "ccedil", "iacute", "oacute", "uacute", "ntilde", "szlig", "Eacute", "micro"};
    return std::find(std::begin(legacy), std::end(legacy), name) != std::end(legacy);
}

char32_t numeric_reference(char32_t cp) {
    // html.unescape's replacements for invalid code points (the Windows-1252 mapping, etc.).
    static constexpr std::pair<char32_t, char32_t> cp1252[] = {
        {0x80, 0x20AC}, {0x82, 0x201A}, {0x83, 0x0192}, {0x84, 0x201E}, {0x85, 0x2026}, {0x86, 0x2020},
        {0x87, 0x2021}, {0x88, 0x02C6}, {0x89, 0x2030}, {0x8A, 0x0160}, {0x8B, 0x2039}, {0x8C, 0x0152},
        {0x8E, 0x017D}, {0x91, 0x2018}, {0x92, 0x2019}, {0x93, 0x201C}, {0x94, 0x201D}, {0x95, 0x2022},
        {0x96, 0x2013}, {0x97, 0x2014}, {0x98, 0x02DC}, {0x99, 0x2122}, {0x9A, 0x0161}, {0x9B, 0x203A},
        {0x9C, 0x0153}, {0x9E, 0x017E}, {0x9F, 0x0178}, {0x00, 0xFFFD}, {0x0D, 0x0D}};
    for (auto [from, to] : cp1252)
        if (from == cp) return to;
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return 0xFFFD;
    return cp;
}

std::string html_unescape(std::string_view s) {
    if (s.find('&') == std::string_view::npos) return std::string(s);
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        if (s[i] != '&') {
            out += s[i++];
            continue;
        }
        std::size_t j = i + 1;
        if (j < s.size() && s[j] == '#') {
            ++j;
            bool hex = j < s.size() && (s[j] == 'x' || s[j] == 'X');
            if (hex) ++j;
            std::size_t digits_start = j;
            while (j < s.size() && (hex ? std::isxdigit(static_cast<unsigned char>(s[j])) : std::isdigit(static_cast<unsigned char>(s[j])))) ++j;
            if (j > digits_start) {
                std::uint64_t cp = 0;
                for (std::size_t k = digits_start; k < j && cp <= 0x10FFFF; ++k) {
                    char c = s[k];
                    cp = cp * (hex ? 16 : 10) + static_cast<std::uint64_t>(std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : (c | 0x20) - 'a' + 10);
                }
                py::append_utf8(out, numeric_reference(cp > 0x10FFFF ? 0x110000 : static_cast<char32_t>(cp)));
                if (j < s.size() && s[j] == ';') ++j;
                i = j;
                continue;
            }
        } else {
            while (j < s.size() && std::isalnum(static_cast<unsigned char>(s[j]))) ++j;
            std::string_view name = s.substr(i + 1, j - i - 1);
            bool semicolon = j < s.size() && s[j] == ';';
            bool matched = false;
            for (const auto& e : entities) {
                if (name == e.name && (semicolon || semicolon_optional(name))) {
                    py::append_utf8(out, e.cp);
                    i = j + (semicolon ? 1 : 0);
                    matched = true;
                    break;
                }
            }
            if (matched) continue;
        }
        out += s[i++];
    }
    return out;
}

}  // namespace

// -------------------------------------------------------------- shared helpers

std::vector<Value> attribute_path(const Value& attribute) {
    if (attribute.is_int() || attribute.is_bool()) return {attribute};
    std::vector<Value> parts;
    std::string sep = ".";
    for (auto& piece : py::split(to_str(attribute), &sep)) {
        bool digits = !piece.empty() && std::all_of(piece.begin(), piece.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (digits && piece.size() < 19) parts.emplace_back(static_cast<std::int64_t>(std::stoll(piece)));
        else parts.push_back(Value::interned(piece));  // row keys are interned: found by pointer
    }
    return parts;
}

Value lookup_path(const Value& item, const std::vector<Value>& parts) {
    Value current = item;
    for (const auto& part : parts) current = py::getitem(current, part);
    return current;
}

std::string python_json_dumps(const Value& v, const Value* indent) {
    std::string indent_text;
    const std::string* indent_ptr = nullptr;
    if (indent && !indent->is_none()) {
        if (indent->is_string()) indent_text = indent->as_string();
        else indent_text = std::string(static_cast<std::size_t>(std::max<std::int64_t>(0, index_value(*indent))), ' ');
        indent_ptr = &indent_text;
    }
    std::string out;
    json_dump(out, v, indent_ptr, 0);
    return out;
}

const std::map<std::string, PureFilter, std::less<>>& builtin_filter_table() {
    static const std::map<std::string, PureFilter, std::less<>> table = {
        {"abs", f_abs},
        {"attr", f_attr},
        {"batch", f_batch},
        {"capitalize", f_capitalize},
        {"center", f_center},
        {"count", f_length},
        {"d", f_default},
        {"default", f_default},
        {"dictsort", f_dictsort},
        {"e", f_escape},
        {"escape", f_escape},
        {"first", f_first},
        {"float", f_float},
        {"forceescape", f_forceescape},
        {"format", f_format},
        {"groupby", f_groupby},
        {"indent", f_indent},
        {"int", f_int},
        {"items", f_items},
        {"join", f_join},
        {"last", f_last},
        {"length", f_length},
        {"list", f_list},
        {"lower", f_lower},
        {"map", f_map},
        {"max", f_max},
        {"min", f_min},
        {"reject", f_reject},
        {"rejectattr", f_rejectattr},
        {"replace", f_replace},
        {"reverse", f_reverse},
        {"round", f_round},
        {"safe", f_safe},
        {"select", f_select},
        {"selectattr", f_selectattr},
        {"slice", f_slice},
        {"sort", f_sort},
        {"string", f_string},
        {"striptags", f_striptags},
        {"sum", f_sum},
        {"title", f_title},
        {"tojson", f_tojson},
        {"trim", f_trim},
        {"truncate", f_truncate},
        {"unique", f_unique},
        {"upper", f_upper},
        {"urlencode", f_urlencode},
        {"wordcount", f_wordcount},
        {"wordwrap", f_wordwrap},
        {"xmlattr", f_xmlattr},
    };
    return table;
}

namespace {

// Jinja2's filters that run on an undefined input (StrictUndefined raises in all others).
bool accepts_undefined(std::string_view name) {
    // Generators do not look at their input until iterated (Jinja2 renders
    // `{% set g = missing|map('upper') %}` without error).
    static constexpr std::string_view lenient[] = {"default", "d", "items", "tojson", "abs", "round", "map", "select",
                                                  "reject", "selectattr", "rejectattr", "unique", "batch", "slice"};
    return std::find(std::begin(lenient), std::end(lenient), name) != std::end(lenient);
}

}  // namespace

PureFilter builtin_filter(std::string_view name) {
    const auto& builtins = builtin_filter_table();
    if (auto it = builtins.find(name); it != builtins.end()) return it->second;
    const auto& council = council_filter_table();
    if (auto it = council.find(name); it != council.end()) return it->second;
    return nullptr;
}

Value FilterEnv::call_filter(std::string_view name, const Value& input, const Arguments& args) const {
    if (call && library) {
        if (const FilterFn* fn = library->filter(name)) return (*fn)(*call, input, args);
        fail("No filter named " + py::repr_string(name) + ".");
    }
    if (PureFilter fn = builtin_filter(name)) {
        // Outside a template the same undefined rule as the registered wrappers applies.
        if (input.is_undefined() && !accepts_undefined(name)) fail_undefined(input);
        return fn(*this, input, args);
    }
    fail("No filter named " + py::repr_string(name) + ".");
}

Value BuiltinFilterCall::operator()(CallContext& ctx, const Value& input, const Arguments& args) const {
    if (!lenient) require_defined(input);
    FilterEnv env{ctx.autoescape, &ctx.library, &ctx};
    return filter(env, input, args);
}

DirectTextFn direct_text_of(const FilterFn& fn) {
    static constexpr std::pair<PureFilter, DirectTextFn> printed_forms[] = {
        {f_upper, upper_text}, {f_lower, lower_text},   {f_capitalize, capitalize_text},
        {f_title, title_text}, {f_format, format_text}, {f_wordwrap, wordwrap_text}};
    const auto* builtin = fn.target<BuiltinFilterCall>();
    if (!builtin) return nullptr;
    for (const auto& [filter, printed] : printed_forms)
        if (builtin->filter == filter) return printed;
    return nullptr;
}

bool is_builtin_escape(const FilterFn& fn) {
    const auto* builtin = fn.target<BuiltinFilterCall>();
    return builtin && builtin->filter == f_escape;
}

void register_builtin_filters(Library& lib) {
    for (const auto& [name, fn] : builtin_filter_table()) lib.add_filter(name, BuiltinFilterCall{fn, accepts_undefined(name)});
}

}  // namespace quorum::tmpl
