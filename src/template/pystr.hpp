// Python's str behaviour for the template runtime: UTF-8 code points, case mapping,
// whitespace, split/strip, repr quoting, printf-style `%` and str.format().
//
// Templates see Python str objects, which index and measure by code point; our strings
// are UTF-8, so everything that counts, slices or changes case goes through here.
// Case mapping and character classes cover ASCII, Latin-1, Latin Extended-A and
// Greek/Cyrillic basics - what council papers contain - not the whole Unicode database;
// printability (repr) and the final sigma's Cased/Case_Ignorable classes are exact, from
// tables generated out of the oracle's Python (unicode_tables.inc).
#pragma once

#include "template/value.hpp"
#include "text/utf8.hpp"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quorum::tmpl::py {

// ---- UTF-8 ----
// Decodes the code point at s[i] and advances i. A byte that does not start a valid
// sequence decodes as itself (Latin-1), so no input makes us loop or throw.
char32_t next_code_point(std::string_view s, std::size_t& i);
using encoding::append_utf8;
std::u32string to_u32(std::string_view s);
std::string to_utf8(std::u32string_view s);
std::size_t length(std::string_view s);  // len(s) in code points
// Byte offset of code point `index` (clamped to s.size()).
std::size_t byte_offset(std::string_view s, std::size_t index);

// ---- character classes (str.isspace, isalpha, ...) ----
bool is_space(char32_t c);
bool is_alpha(char32_t c);
inline bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }  // inline: per character of number texts
bool is_alnum(char32_t c);
bool is_word_char(char32_t c);  // regex \w
bool is_lower(char32_t c);
bool is_upper(char32_t c);
bool is_printable(char32_t c);  // str.isprintable, for repr
char32_t to_upper(char32_t c);
char32_t to_lower(char32_t c);
bool is_ascii(std::string_view s);  // every byte below 0x80: no decoding needed

// ---- str methods ----
std::string upper(std::string_view s);  // str.upper ('ß' -> 'SS')
std::string lower(std::string_view s);
std::string title(std::string_view s);       // str.title(): "they're" -> "They'Re"
std::string capitalize(std::string_view s);  // str.capitalize()
// The same into `out` (replacing what it held): reusing its capacity, a printed filter
// allocates nothing per row.
void upper(std::string_view s, std::string& out);
void lower(std::string_view s, std::string& out);
void capitalize(std::string_view s, std::string& out);
bool islower(std::string_view s);            // str.islower(): has cased chars, none upper
bool isupper(std::string_view s);
enum class StripSide { Both, Left, Right };
// str.strip(chars): chars == nullptr strips Unicode whitespace.
std::string strip(std::string_view s, const std::string* chars, StripSide side = StripSide::Both);
// str.split(): whitespace runs when sep is null; maxsplit < 0 means no limit.
std::vector<std::string> split(std::string_view s, const std::string* sep, long long maxsplit = -1);
std::vector<std::string> rsplit(std::string_view s, const std::string* sep, long long maxsplit = -1);
std::vector<std::string> splitlines(std::string_view s);  // str.splitlines() (keepends=False)
std::string replace(std::string_view s, std::string_view old, std::string_view replacement, long long count = -1);
std::size_t count(std::string_view s, std::string_view sub);  // non-overlapping, as str.count
long long find(std::string_view s, std::string_view sub);     // code point index or -1
std::string center(std::string_view s, long long width, std::string_view fill = " ");
std::string reversed(std::string_view s);  // s[::-1] by code point
// The indices a Python slice visits in a sequence of length n: begin, end (exclusive)
// and step (non-zero), as slice.indices() computes them; nullopt = omitted.
struct SliceRange {
    long long begin, end, step;
};
SliceRange slice_range(long long n, std::optional<long long> start, std::optional<long long> stop,
                       std::optional<long long> step);
// s[start:stop:step] with Python's slice rules on code points (nullopt = omitted).
std::string slice(std::string_view s, std::optional<long long> start, std::optional<long long> stop,
                  std::optional<long long> step);

// repr(str): single quotes unless the text has ' and no ", escapes as Python does.
std::string repr_string(std::string_view s);

// ---- formatting ----
// `fmt % args` (printf-style). args: a tuple spreads, a dict feeds %(name)s, anything
// else is the single argument. When `markup` is set (Markup % x) arguments are escaped.
std::string percent_format(std::string_view fmt, const Value& args, bool markup = false);
// int(d) for a finite float: truncated toward zero, exact however large (a BigInt beyond int64).
Value truncated_integral(double d);
// fmt.format(*positional, **keyword): {} {0} {name} {0.attr} {name[key]}, !r !s,
// and the format-spec mini-language ([[fill]align][sign][#][0][width][,_][.prec][type]).
std::string str_format(std::string_view fmt, const Arguments& args);
// format(value, spec) for one value, as format() / f-strings do.
std::string format_value(const Value& v, std::string_view spec);
// A str.format template parsed once, so that a template's literal "{:,}".format(x) only
// formats its arguments on each call. Only automatic fields ({} and {:spec} with a spec
// that parses) compile; other formats (numbered or named fields, !r, nested specs, a
// spec Python would reject) do not, and str_format handles them, errors included.
class CompiledFormat {
public:
    static std::optional<CompiledFormat> compile(std::string_view fmt);
    // fmt.format(*args) appended to `out`, exactly as str_format; false, having appended
    // nothing, when there are fewer positional arguments than fields (str_format then
    // raises Python's error).
    bool format_into(std::string& out, const Arguments& args) const;

private:
    struct Piece;  // literal text, or one field's parsed spec
    std::shared_ptr<const std::vector<Piece>> pieces_;
    std::size_t fields_ = 0;
};

// Python's float formatting with a precision, exactly as '%.{p}f' etc. (correctly rounded).
std::string format_fixed(double d, int precision);
std::string format_exponent(double d, int precision, bool upper = false);
std::string format_general(double d, int precision, bool upper = false, bool alternate = false);
// Inserts `sep` between groups of three digits in the integer part of a plain number text.
std::string group_thousands(std::string_view digits, char sep = ',');

// ---- Jinja2's attribute/item access used by filters (environment.getitem/getattr) ----
// "dict object", "None", "jinja2.utils.Namespace object": Jinja2's object_type_repr.
std::string object_type_repr(const Value& v);
// obj[key], falling back to the attribute; missing -> an undefined value carrying Jinja2's hint.
Value getitem(const Value& obj, const Value& key);
// obj.name, falling back to obj['name']; missing -> undefined with Jinja2's hint.
Value getattr(const Value& obj, std::string_view name);
// Undefined hints exactly as Jinja2 words them.
std::string no_attribute_hint(const Value& obj, std::string_view name);
std::string no_element_hint(const Value& obj, const Value& key);

}  // namespace quorum::tmpl::py
