// Python str behaviour on UTF-8 strings (see pystr.hpp).
#include "template/pystr.hpp"

#include "template/bigint.hpp"
#include "template/builtins.hpp"
#include "template/library.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <optional>

namespace quorum::tmpl::py {

// ---------------------------------------------------------------- UTF-8

char32_t next_code_point(std::string_view s, std::size_t& i) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char b0 = byte(i);
    int extra = b0 < 0x80 ? 0 : (b0 >> 5) == 0x6 ? 1 : (b0 >> 4) == 0xE ? 2 : (b0 >> 3) == 0x1E ? 3 : -1;
    if (extra <= 0 || i + static_cast<std::size_t>(extra) >= s.size()) {
        ++i;
        return b0;  // ASCII, or a stray/truncated byte decoded as Latin-1
    }
    char32_t cp = b0 & (0x3F >> extra);
    for (int k = 1; k <= extra; ++k) {
        unsigned char b = byte(i + static_cast<std::size_t>(k));
        if ((b & 0xC0) != 0x80) {
            ++i;
            return b0;
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    i += static_cast<std::size_t>(extra) + 1;
    return cp;
}

std::u32string to_u32(std::string_view s) {
    std::u32string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) out += next_code_point(s, i);
    return out;
}

std::string to_utf8(std::u32string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char32_t c : s) append_utf8(out, c);
    return out;
}

std::size_t length(std::string_view s) {
    std::size_t n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

std::size_t byte_offset(std::string_view s, std::size_t index) {
    std::size_t i = 0;
    for (std::size_t n = 0; n < index && i < s.size(); ++n) next_code_point(s, i);
    return i;
}

// ---------------------------------------------------------------- character classes

bool is_space(char32_t c) {
    return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F) || c == 0x85 || c == 0xA0 ||
           c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
           c == 0x205F || c == 0x3000;
}

bool is_alpha(char32_t c) {
    if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    if (c < 0x100) return c == 0xAA || c == 0xB5 || c == 0xBA || (c >= 0xC0 && c != 0xD7 && c != 0xF7);
    if (c >= 0x300 && c <= 0x36F) return false;  // combining marks
    if (c >= 0x2000 && c <= 0x2BFF) return false;  // punctuation, symbols, arrows, currency
    if (c >= 0x3000 && c <= 0x303F) return false;  // CJK punctuation
    if (c >= 0xFE00 && c <= 0xFE6F) return false;
    if (c >= 0xFF00 && c <= 0xFF20) return false;
    if (c >= 0xD800 && c <= 0xF8FF) return false;  // surrogates, private use
    return c != 0x37E && c != 0x387 && c != 0x589 && c != 0x5BE && c != 0x60C && c != 0x61B && c != 0x61F;
}

bool is_alnum(char32_t c) { return is_alpha(c) || is_digit(c) || c == 0xB2 || c == 0xB3 || c == 0xB9 || (c >= 0xBC && c <= 0xBE); }
bool is_word_char(char32_t c) { return c == '_' || is_alnum(c); }

namespace {
// The Latin digraphs DŽ/Dž/dž, LJ, NJ, DZ come in (upper, title, lower) triples.
char32_t digraph_base(char32_t c) {
    if (c >= 0x1C4 && c <= 0x1CC) return 0x1C4 + (c - 0x1C4) / 3 * 3;
    if (c >= 0x1F1 && c <= 0x1F3) return 0x1F1;
    return 0;
}
}  // namespace

char32_t to_upper(char32_t c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') ? c - 32 : c;
    if (char32_t base = digraph_base(c)) return base;
    if (c < 0x100) {
        if (c == 0xB5) return 0x39C;
        if (c == 0xFF) return 0x178;
        if (c >= 0xE0 && c != 0xF7) return c - 32;
        return c;
    }
    if (c < 0x180) {
        if (c == 0x131) return 'I';
        if (c == 0x17F) return 'S';
        if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) return (c & 1) ? c - 1 : c;
        if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return (c & 1) ? c : c - 1;
        return c;
    }
    if (c >= 0x3B1 && c <= 0x3C9 && c != 0x3C2) return c - 32;
    if (c == 0x3C2) return 0x3A3;
    if (c >= 0x3AC && c <= 0x3AF) return c == 0x3AC ? 0x386 : c - 37;
    if (c >= 0x430 && c <= 0x44F) return c - 32;
    if (c >= 0x450 && c <= 0x45F) return c - 80;
    return c;
}

char32_t to_lower(char32_t c) {
    if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    if (char32_t base = digraph_base(c)) return base + 2;
    if (c < 0x100) return (c >= 0xC0 && c <= 0xDE && c != 0xD7) ? c + 32 : c;
    if (c < 0x180) {
        if (c == 0x130) return 'i';
        if (c == 0x178) return 0xFF;
        if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) return (c & 1) ? c : c + 1;
        if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return (c & 1) ? c + 1 : c;
        return c;
    }
    if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return c + 32;
    if (c == 0x386) return 0x3AC;
    if (c >= 0x388 && c <= 0x38A) return c + 37;
    if (c >= 0x410 && c <= 0x42F) return c + 32;
    if (c >= 0x400 && c <= 0x40F) return c + 80;
    return c;
}

bool is_upper(char32_t c) { return to_lower(c) != c && !(digraph_base(c) && digraph_base(c) + 1 == c); }
bool is_lower(char32_t c) { return (to_upper(c) != c && !(digraph_base(c) && digraph_base(c) + 1 == c)) || c == 0xDF || c == 0x138 || c == 0x149; }

namespace {

struct CodePointRange {
    char32_t first, last;
};

#include "template/unicode_tables.inc"

template <std::size_t N>
bool in_ranges(const CodePointRange (&ranges)[N], char32_t c) {
    auto after = std::upper_bound(std::begin(ranges), std::end(ranges), c,
                                  [](char32_t x, const CodePointRange& r) { return x < r.first; });
    return after != std::begin(ranges) && c <= std::prev(after)->last;
}

// Unicode's Cased and Case_Ignorable, as CPython's final sigma rule reads them.
bool is_cased(char32_t c) {
    if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    return in_ranges(kCased, c);
}
bool is_case_ignorable(char32_t c) { return in_ranges(kCaseIgnorable, c); }

}  // namespace

bool is_printable(char32_t c) {
    if (c < 0x80) return c >= 0x20 && c != 0x7F;
    return !in_ranges(kNotPrintable, c);  // Python's unicodedata: unassigned, format, space...
}

bool is_ascii(std::string_view s) {
    unsigned high = 0;  // no early exit: the compiler vectorises the loop
    for (char c : s) high |= static_cast<unsigned char>(c) & 0x80u;
    return high == 0;
}

// ---------------------------------------------------------------- case methods

namespace {

// Full upper-case mapping: the few characters that grow ('ß' -> 'SS') are handled here.
void append_upper(std::string& out, char32_t c) {
    if (c == 0xDF) {
        out += "SS";
        return;
    }
    if (c == 0x149) {
        out += "\xCA\xBCN";
        return;
    }
    if (c >= 0xFB00 && c <= 0xFB04) {  // ligatures: ﬀ ﬁ ﬂ ﬃ ﬄ
        static constexpr const char* expanded[] = {"FF", "FI", "FL", "FFI", "FFL"};
        out += expanded[c - 0xFB00];
        return;
    }
    append_utf8(out, to_upper(c));
}

void append_title(std::string& out, char32_t c) {
    if (c == 0xDF) {
        out += "Ss";
        return;
    }
    if (char32_t base = digraph_base(c)) {
        append_utf8(out, base + 1);
        return;
    }
    if (c >= 0xFB00 && c <= 0xFB04) {
        static constexpr const char* expanded[] = {"Ff", "Fi", "Fl", "Ffi", "Ffl"};
        out += expanded[c - 0xFB00];
        return;
    }
    append_utf8(out, to_upper(c));
}

template <class Fn>
std::string map_chars(std::string_view s, Fn fn) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        auto byte = static_cast<unsigned char>(s[i]);
        if (byte < 0x80) {  // ASCII fast path: no decoding
            ++i;
            fn(out, static_cast<char32_t>(byte));
        } else {
            fn(out, next_code_point(s, i));
        }
    }
    return out;
}

// `out` becomes ASCII text `s` (the usual case: no decoding) with the letters in [first, last]
// moved by `shift`. Into the caller's string, whose capacity a printed filter reuses row to row.
void ascii_cased(std::string_view s, char first, char last, int shift, std::string& out) {
    out.assign(s);
    for (char& ch : out)
        if (ch >= first && ch <= last) ch = static_cast<char>(ch + shift);
}

// The returning form of a case mapping that writes into a string.
template <void (*Map)(std::string_view, std::string&)>
std::string returned(std::string_view s) {
    std::string out;
    Map(s, out);
    return out;
}

}  // namespace

void upper(std::string_view s, std::string& out) {
    if (is_ascii(s)) return ascii_cased(s, 'a', 'z', 'A' - 'a', out);
    out = map_chars(s, [](std::string& text, char32_t c) { append_upper(text, c); });
}
std::string upper(std::string_view s) { return returned<upper>(s); }

namespace {

// CPython's handle_capital_sigma: 'Σ' at u[i] is final ('ς') after a cased letter and not
// before one, case-ignorable characters (apostrophes, combining marks ...) skipped both ways.
char32_t lowered_sigma(std::u32string_view u, std::size_t i) {
    std::size_t j = i;
    while (j > 0 && is_case_ignorable(u[j - 1])) --j;
    if (j == 0 || !is_cased(u[j - 1])) return 0x3C3;
    std::size_t k = i + 1;
    while (k < u.size() && is_case_ignorable(u[k])) ++k;
    return k < u.size() && is_cased(u[k]) ? 0x3C3 : 0x3C2;
}

// The full lower case of u[i] in its context: 'İ' -> 'i̇' (two code points), the final sigma.
void append_lower_at(std::string& out, std::u32string_view u, std::size_t i) {
    if (u[i] == 0x130) out += "i\xCC\x87";
    else if (u[i] == 0x3A3) append_utf8(out, lowered_sigma(u, i));
    else append_utf8(out, to_lower(u[i]));
}

// s with each code point appended by first(out, u, 0) and then rest(out, u, i) - for the
// non-ASCII text of lower, title and capitalize, whose lowering needs the context.
template <class First, class Rest>
std::string map_in_context(std::string_view s, First first, Rest rest) {
    const std::u32string u = to_u32(s);
    std::string out;
    out.reserve(s.size() + 2);
    for (std::size_t i = 0; i < u.size(); ++i) {
        if (i == 0) first(out, u, i);
        else rest(out, u, i);
    }
    return out;
}

}  // namespace

void lower(std::string_view s, std::string& out) {
    if (is_ascii(s)) return ascii_cased(s, 'A', 'Z', 'a' - 'A', out);
    out = map_in_context(s, append_lower_at, append_lower_at);
}
std::string lower(std::string_view s) { return returned<lower>(s); }

std::string title(std::string_view s) {
    if (is_ascii(s)) {  // ASCII letters are the only cased bytes, and their title case is upper case
        std::string out(s);
        bool previous_is_cased = false;
        for (char& ch : out) {
            bool is_upper_letter = ch >= 'A' && ch <= 'Z', is_lower_letter = ch >= 'a' && ch <= 'z';
            if (previous_is_cased && is_upper_letter) ch = static_cast<char>(ch - 'A' + 'a');
            else if (!previous_is_cased && is_lower_letter) ch = static_cast<char>(ch - 'a' + 'A');
            previous_is_cased = is_upper_letter || is_lower_letter;
        }
        return out;
    }
    auto title_or_lower = [](std::string& out, std::u32string_view u, std::size_t i) {
        if (i > 0 && is_cased(u[i - 1])) append_lower_at(out, u, i);
        else append_title(out, u[i]);
    };
    return map_in_context(s, title_or_lower, title_or_lower);
}

void capitalize(std::string_view s, std::string& out) {
    if (is_ascii(s)) {  // an ASCII letter's title case is its upper case
        ascii_cased(s, 'A', 'Z', 'a' - 'A', out);
        if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
        return;
    }
    auto title_first = [](std::string& text, std::u32string_view u, std::size_t i) { append_title(text, u[i]); };
    out = map_in_context(s, title_first, append_lower_at);
}
std::string capitalize(std::string_view s) { return returned<capitalize>(s); }

bool islower(std::string_view s) {
    bool cased = false;
    for (std::size_t i = 0; i < s.size();) {
        char32_t c = next_code_point(s, i);
        if (is_upper(c)) return false;
        if (is_lower(c)) cased = true;
    }
    return cased;
}

bool isupper(std::string_view s) {
    bool cased = false;
    for (std::size_t i = 0; i < s.size();) {
        char32_t c = next_code_point(s, i);
        if (is_lower(c)) return false;
        if (is_upper(c)) cased = true;
    }
    return cased;
}

// ---------------------------------------------------------------- strip / split

std::string strip(std::string_view s, const std::string* chars, StripSide side) {
    std::u32string set = chars ? to_u32(*chars) : std::u32string();
    auto strippable = [&](char32_t c) { return chars ? set.find(c) != std::u32string::npos : is_space(c); };
    std::size_t begin = 0, end = s.size();
    if (side != StripSide::Right) {
        while (begin < end) {
            std::size_t next = begin;
            if (!strippable(next_code_point(s, next))) break;
            begin = next;
        }
    }
    if (side != StripSide::Left) {
        while (end > begin) {
            std::size_t start = end - 1;
            while (start > begin && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
            std::size_t probe = start;
            if (!strippable(next_code_point(s, probe))) break;
            end = start;
        }
    }
    return std::string(s.substr(begin, end - begin));
}

std::vector<std::string> split(std::string_view s, const std::string* sep, long long maxsplit) {
    std::vector<std::string> parts;
    if (sep) {
        if (sep->empty()) fail("empty separator");
        std::size_t start = 0;
        while (maxsplit < 0 || static_cast<long long>(parts.size()) < maxsplit) {
            auto pos = s.find(*sep, start);
            if (pos == std::string_view::npos) break;
            parts.emplace_back(s.substr(start, pos - start));
            start = pos + sep->size();
        }
        parts.emplace_back(s.substr(start));
        return parts;
    }
    std::size_t i = 0;
    auto skip_space = [&] {
        while (i < s.size()) {
            std::size_t next = i;
            if (!is_space(next_code_point(s, next))) break;
            i = next;
        }
    };
    while (true) {
        skip_space();
        if (i >= s.size()) break;
        if (maxsplit >= 0 && static_cast<long long>(parts.size()) >= maxsplit) {
            parts.emplace_back(s.substr(i));  // the remainder keeps inner and trailing whitespace
            break;
        }
        std::size_t start = i;
        while (i < s.size()) {
            std::size_t next = i;
            if (is_space(next_code_point(s, next))) break;
            i = next;
        }
        parts.emplace_back(s.substr(start, i - start));
    }
    return parts;
}

std::vector<std::string> rsplit(std::string_view s, const std::string* sep, long long maxsplit) {
    if (maxsplit < 0) return split(s, sep, maxsplit);
    std::vector<std::string> parts;
    if (sep) {
        if (sep->empty()) fail("empty separator");
        std::size_t end = s.size();
        while (static_cast<long long>(parts.size()) < maxsplit) {
            if (end < sep->size()) break;
            auto pos = s.rfind(*sep, end - sep->size());
            if (pos == std::string_view::npos) break;
            parts.emplace_back(s.substr(pos + sep->size(), end - pos - sep->size()));
            end = pos;
        }
        parts.emplace_back(s.substr(0, end));
        std::reverse(parts.begin(), parts.end());
        return parts;
    }
    // Whitespace rsplit with a limit: split fully, then re-join the leading words.
    auto words = split(s, nullptr, -1);
    if (static_cast<long long>(words.size()) <= maxsplit + 1) return words;
    std::size_t keep = words.size() - static_cast<std::size_t>(maxsplit);
    // Find where word number `keep` (0-based, from the left) ends in the original text.
    std::string stripped = strip(s, nullptr, StripSide::Left);
    std::size_t i = 0, seen = 0;
    std::string_view t = stripped;
    while (i < t.size() && seen < keep) {
        while (i < t.size()) {
            std::size_t next = i;
            if (is_space(next_code_point(t, next))) break;
            i = next;
        }
        ++seen;
        if (seen == keep) break;
        while (i < t.size()) {
            std::size_t next = i;
            if (!is_space(next_code_point(t, next))) break;
            i = next;
        }
    }
    parts.emplace_back(t.substr(0, i));
    parts.insert(parts.end(), words.end() - maxsplit, words.end());
    return parts;
}

std::vector<std::string> splitlines(std::string_view s) {
    std::vector<std::string> lines;
    std::size_t start = 0, i = 0;
    while (i < s.size()) {
        std::size_t at = i;
        char32_t c = next_code_point(s, i);
        bool boundary = c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || (c >= 0x1C && c <= 0x1E) || c == 0x85 ||
                        c == 0x2028 || c == 0x2029;
        if (!boundary) continue;
        lines.emplace_back(s.substr(start, at - start));
        if (c == '\r' && i < s.size() && s[i] == '\n') ++i;
        start = i;
    }
    if (start < s.size()) lines.emplace_back(s.substr(start));
    return lines;
}

std::string replace(std::string_view s, std::string_view old, std::string_view replacement, long long count) {
    std::string out;
    if (old.empty()) {  // Python inserts the replacement between every character
        long long done = 0;
        std::size_t i = 0;
        while (true) {
            if (count >= 0 && done >= count) {
                out += s.substr(i);
                break;
            }
            out += replacement;
            ++done;
            if (i >= s.size()) break;
            std::size_t start = i;
            next_code_point(s, i);
            out += s.substr(start, i - start);
        }
        return out;
    }
    std::size_t start = 0;
    long long done = 0;
    while (count < 0 || done < count) {
        auto pos = s.find(old, start);
        if (pos == std::string_view::npos) break;
        out += s.substr(start, pos - start);
        out += replacement;
        start = pos + old.size();
        ++done;
    }
    out += s.substr(start);
    return out;
}

std::size_t count(std::string_view s, std::string_view sub) {
    if (sub.empty()) return length(s) + 1;
    std::size_t n = 0;
    for (auto pos = s.find(sub); pos != std::string_view::npos; pos = s.find(sub, pos + sub.size())) ++n;
    return n;
}

long long find(std::string_view s, std::string_view sub) {
    auto pos = s.find(sub);
    if (pos == std::string_view::npos) return -1;
    return static_cast<long long>(length(s.substr(0, pos)));
}

std::string center(std::string_view s, long long width, std::string_view fill) {
    long long len = static_cast<long long>(length(s));
    if (width <= len) return std::string(s);
    long long marg = width - len;
    long long left = marg / 2 + (marg & width & 1);  // CPython's pad split
    std::string out;
    for (long long i = 0; i < left; ++i) out += fill;
    out += s;
    for (long long i = 0; i < marg - left; ++i) out += fill;
    return out;
}

std::string reversed(std::string_view s) {
    auto u = to_u32(s);
    std::reverse(u.begin(), u.end());
    return to_utf8(u);
}

SliceRange slice_range(long long n, std::optional<long long> start, std::optional<long long> stop,
                       std::optional<long long> step) {
    const long long st = step.value_or(1);
    if (st == 0) fail("slice step cannot be zero");
    auto clamp = [&](std::optional<long long> v, long long dflt) {
        if (!v) return dflt;
        long long x = *v;
        if (x < 0) x += n;
        if (st > 0) return std::clamp(x, 0LL, n);
        return std::clamp(x, -1LL, n - 1);
    };
    return {clamp(start, st > 0 ? 0 : n - 1), clamp(stop, st > 0 ? n : -1), st};
}

std::string slice(std::string_view s, std::optional<long long> start, std::optional<long long> stop,
                  std::optional<long long> step) {
    const auto u = to_u32(s);
    const SliceRange r = slice_range(static_cast<long long>(u.size()), start, stop, step);
    std::u32string out;
    for (long long i = r.begin; r.step > 0 ? i < r.end : i > r.end; i += r.step) out += u[static_cast<std::size_t>(i)];
    return to_utf8(out);
}

std::string repr_string(std::string_view s) {
    bool has_single = s.find('\'') != std::string_view::npos;
    bool has_double = s.find('"') != std::string_view::npos;
    char quote = (has_single && !has_double) ? '"' : '\'';
    std::string out;
    out.reserve(s.size() + 2);
    out += quote;
    static const char* hex = "0123456789abcdef";
    auto hex_escape = [&](char32_t c, char kind, int digits) {
        out += '\\';
        out += kind;
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) out += hex[(c >> shift) & 0xF];
    };
    for (std::size_t i = 0; i < s.size();) {
        auto byte = static_cast<unsigned char>(s[i]);
        if (byte >= 0x20 && byte < 0x7F && byte != quote && byte != '\\') {  // printable ASCII: as it is
            out += static_cast<char>(byte);
            ++i;
            continue;
        }
        std::size_t start = i;
        char32_t c = next_code_point(s, i);
        if (c == static_cast<char32_t>(quote) || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (is_printable(c)) {
            out += s.substr(start, i - start);
        } else if (c <= 0xFF) {
            hex_escape(c, 'x', 2);
        } else if (c <= 0xFFFF) {
            hex_escape(c, 'u', 4);
        } else {
            hex_escape(c, 'U', 8);
        }
    }
    out += quote;
    return out;
}

// ---------------------------------------------------------------- number formatting

namespace {

// d (finite, not negative) rounded to `precision` decimals and scaled to an integer, exactly as
// correct rounding gives it (ties to even on d's exact binary value), in 64-bit integer
// arithmetic: d = m / 2^shift exactly, so the scaled value is m * 10^precision / 2^shift.
// nullopt when that does not fit 64 bits (long precisions, large or tiny d): to_chars then.
std::optional<std::uint64_t> scaled_fixed(double d, int precision) {
    static constexpr std::uint64_t powers_of_ten[] = {1, 10, 100, 1000};
    if (precision < 0 || precision > 3 || !(d < 0x1p52)) return std::nullopt;  // m * 10^3 < 2^63
    auto bits = std::bit_cast<std::uint64_t>(d);
    auto biased_exponent = static_cast<int>(bits >> 52);  // d is not negative: no sign bit
    std::uint64_t m = bits & ((std::uint64_t{1} << 52) - 1);
    if (biased_exponent == 0) {  // zero, or subnormal (tiny: left to to_chars)
        if (m == 0) return 0;
        return std::nullopt;
    }
    m |= std::uint64_t{1} << 52;  // d = m * 2^(biased_exponent - 1075)
    int shift = 1075 - biased_exponent;
    if (shift < 1 || shift > 63) return std::nullopt;
    std::uint64_t scaled = m * powers_of_ten[precision];
    std::uint64_t whole = scaled >> shift;
    std::uint64_t rest = scaled - (whole << shift), half = std::uint64_t{1} << (shift - 1);
    if (rest > half || (rest == half && (whole & 1))) ++whole;
    return whole;
}

// The digits of `scaled` with a point before the last `precision` of them ("45.3", "-0.05").
std::string with_decimal_point(bool negative, std::uint64_t scaled, int precision) {
    char digits[24];
    auto count = static_cast<std::size_t>(std::to_chars(digits, digits + sizeof digits, scaled).ptr - digits);
    auto decimals = static_cast<std::size_t>(precision);
    std::size_t integral = count > decimals ? count - decimals : 0;
    char out[48];
    std::size_t n = 0;
    if (negative) out[n++] = '-';
    if (integral == 0) out[n++] = '0';
    for (std::size_t i = 0; i < integral; ++i) out[n++] = digits[i];
    if (decimals) {
        out[n++] = '.';
        for (std::size_t i = count - integral; i < decimals; ++i) out[n++] = '0';  // leading zeros of the fraction
        for (std::size_t i = integral; i < count; ++i) out[n++] = digits[i];
    }
    return std::string(out, n);
}

}  // namespace

std::string format_fixed(double d, int precision) {
    if (std::isnan(d)) return "nan";
    if (std::isinf(d)) return d > 0 ? "inf" : "-inf";
    if (auto scaled = scaled_fixed(std::fabs(d), precision))  // the usual '%.1f': no general printing
        return with_decimal_point(std::signbit(d), *scaled, precision);
    // At most 309 integer digits, a point and the decimals: the usual precisions fit on the stack.
    constexpr int stack_precision = 32;
    if (precision <= stack_precision) {
        std::array<char, 320 + stack_precision> buf;
        auto res = std::to_chars(buf.data(), buf.data() + buf.size(), d, std::chars_format::fixed, precision);
        return std::string(buf.data(), res.ptr);
    }
    std::string buf(static_cast<std::size_t>(precision) + 340, '\0');
    auto res = std::to_chars(buf.data(), buf.data() + buf.size(), d, std::chars_format::fixed, precision);
    buf.resize(static_cast<std::size_t>(res.ptr - buf.data()));
    return buf;
}

std::string format_exponent(double d, int precision, bool upper_case) {
    if (std::isnan(d)) return upper_case ? "NAN" : "nan";
    if (std::isinf(d)) return d > 0 ? (upper_case ? "INF" : "inf") : (upper_case ? "-INF" : "-inf");
    std::string buf(static_cast<std::size_t>(precision) + 32, '\0');
    auto res = std::to_chars(buf.data(), buf.data() + buf.size(), d, std::chars_format::scientific, precision);
    buf.resize(static_cast<std::size_t>(res.ptr - buf.data()));
    if (upper_case)
        for (auto& c : buf)
            if (c == 'e') c = 'E';
    return buf;
}

std::string format_general(double d, int precision, bool upper_case, bool alternate) {
    if (std::isnan(d)) return upper_case ? "NAN" : "nan";
    if (std::isinf(d)) return d > 0 ? (upper_case ? "INF" : "inf") : (upper_case ? "-INF" : "-inf");
    if (precision == 0) precision = 1;
    if (alternate) {  // '#': keep trailing zeros; decide the style as %g does
        std::string e = format_exponent(d, precision - 1);
        int exp = std::stoi(e.substr(e.find('e') + 1));
        if (exp < -4 || exp >= precision) return upper_case ? format_exponent(d, precision - 1, true) : e;
        return format_fixed(d, precision - 1 - exp);
    }
    std::string buf(static_cast<std::size_t>(precision) + 340, '\0');
    auto res = std::to_chars(buf.data(), buf.data() + buf.size(), d, std::chars_format::general, precision);
    buf.resize(static_cast<std::size_t>(res.ptr - buf.data()));
    if (upper_case)
        for (auto& c : buf)
            if (c == 'e') c = 'E';
    return buf;
}

namespace {

// Python's digit grouping (_PyUnicode_InsertThousandsGrouping): `sep` every `size` digits from
// the right, the digits first zero-filled until the grouped text is at least min_width long -
// how '0' fill with '=' alignment pads a grouped number ('{:08,}'.format(1) is '0,000,001',
// a leading separator being made a digit). No digits (inf, nan) stay none.
std::string group_digits(std::string_view digits, char sep, std::size_t size, long long min_width) {
    if (digits.empty()) return {};
    auto grouped_length = [size](std::size_t n) { return static_cast<long long>(n + (n - 1) / size); };
    std::size_t n = digits.size();
    while (grouped_length(n) < min_width) ++n;
    std::size_t zeros = n - digits.size();
    std::string out;
    out.reserve(static_cast<std::size_t>(grouped_length(n)));
    for (std::size_t k = 0; k < n; ++k) {
        if (k && (n - k) % size == 0) out += sep;
        out += k < zeros ? '0' : digits[k - zeros];
    }
    return out;
}

}  // namespace

std::string group_thousands(std::string_view text, char sep) {
    std::size_t begin = 0;
    while (begin < text.size() && !is_digit(static_cast<unsigned char>(text[begin]))) ++begin;
    std::size_t end = begin;
    while (end < text.size() && is_digit(static_cast<unsigned char>(text[end]))) ++end;
    return std::string(text.substr(0, begin)) + group_digits(text.substr(begin, end - begin), sep, 3, 0) +
           std::string(text.substr(end));
}

// ---------------------------------------------------------------- printf-style %

// int(d) for a finite float (Python's int(float), the int filter too), exact however large (a BigInt beyond int64).
Value truncated_integral(double d) {
    constexpr double int64_bound = 9.2233720368547758e18;  // 2^63
    double t = std::trunc(d);
    if (t > -int64_bound && t < int64_bound) return Value(static_cast<std::int64_t>(t));
    return bigint::make(mpz_class(t));
}

namespace {

std::string unsigned_in_base(std::uint64_t v, int base, bool upper_case) {
    char buf[72];
    auto res = std::to_chars(buf, buf + sizeof buf, v, base);
    std::string s(buf, res.ptr);
    if (upper_case)
        for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

// An integral Value's (Int, Bool or BigInt) digits of its magnitude; bigint::is_negative has its sign.
std::string integral_digits(const Value& v, int base, bool upper_case) {
    if (v.is_big_int()) return bigint::magnitude_digits(v, base, upper_case);
    std::int64_t i = v.as_int();
    return unsigned_in_base(i < 0 ? 0 - static_cast<std::uint64_t>(i) : static_cast<std::uint64_t>(i), base, upper_case);
}

// The largest width or precision a format may ask for. Python allows up to its index type
// and then runs out of memory; no paper pads a field to a million characters, so more is
// refused with Python's words for a number too big, never attempted.
constexpr long long kMaxFormatField = 1'000'000;

// Reads the digits at text[i] (i moves past them) into `out`; false when they exceed
// kMaxFormatField (reading on without overflowing).
bool read_field_digits(std::string_view text, std::size_t& i, long long& out) {
    out = 0;
    bool fits = true;
    for (; i < text.size() && is_digit(static_cast<unsigned char>(text[i])); ++i) {
        if (fits) out = out * 10 + (text[i] - '0');
        fits = fits && out <= kMaxFormatField;
    }
    return fits;
}

struct Spec {
    bool left = false, plus = false, space = false, alt = false, zero = false;
    long long width = -1;
    long long precision = -1;
};

// Appends a formatted number padded to the width, zero padding between the sign/prefix and the digits.
void append_padded_number(std::string& out, std::string_view sign, std::string_view prefix, std::string_view body,
                          const Spec& spec) {
    // Counting code points only matters when there is a width to fill.
    long long len = spec.width < 0 ? 0 : static_cast<long long>(sign.size() + prefix.size() + length(body));
    auto fill = static_cast<std::size_t>(spec.width > len ? spec.width - len : 0);
    if (fill && !spec.left && !spec.zero) out.append(fill, ' ');
    out += sign;
    out += prefix;
    if (fill && !spec.left && spec.zero) out.append(fill, '0');
    out += body;
    if (fill && spec.left) out.append(fill, ' ');
}

void append_padded_text(std::string& out, std::string_view body, const Spec& spec) {
    append_padded_number(out, "", "", body, Spec{spec.left, false, false, false, false, spec.width, -1});
}

std::string_view sign_of(bool negative, const Spec& spec) {
    if (negative) return "-";
    if (spec.plus) return "+";
    if (spec.space) return " ";
    return "";
}

// Appends one conversion (%s, %d, %.2f ...) of `arg` to `out`.
void append_percent_one(std::string& out, char conv, const Value& arg, const Spec& spec, bool markup) {
    switch (conv) {
        case 's':
        case 'r':
        case 'a': {
            std::string text = conv == 's' ? to_str(arg) : repr(arg);
            if (markup && !(conv == 's' && arg.is_markup())) text = html_escape(text);
            if (spec.precision >= 0) text = text.substr(0, byte_offset(text, static_cast<std::size_t>(spec.precision)));
            append_padded_text(out, text, spec);
            return;
        }
        case 'd':
        case 'i':
        case 'u': {
            if (!arg.is_number())
                fail(std::string("%") + conv + " format: a real number is required, not " + type_name(arg));
            Value v = arg;
            if (arg.is_float()) {
                double d = arg.as_float();
                if (std::isnan(d)) fail("cannot convert float NaN to integer");
                if (std::isinf(d)) fail("cannot convert float infinity to integer");
                v = truncated_integral(d);
            }
            std::string digits = integral_digits(v, 10, false);
            if (spec.precision > static_cast<long long>(digits.size()))
                digits.insert(0, static_cast<std::size_t>(spec.precision) - digits.size(), '0');
            append_padded_number(out, sign_of(bigint::is_negative(v), spec), "", digits, spec);
            return;
        }
        case 'x':
        case 'X':
        case 'o': {
            if (!arg.is_int() && !arg.is_bool() && !arg.is_big_int())
                fail(std::string("%") + conv + " format: an integer is required, not " + type_name(arg));
            std::string digits = integral_digits(arg, conv == 'o' ? 8 : 16, conv == 'X');
            if (spec.precision > static_cast<long long>(digits.size()))
                digits.insert(0, static_cast<std::size_t>(spec.precision) - digits.size(), '0');
            std::string prefix = spec.alt ? (conv == 'o' ? "0o" : conv == 'x' ? "0x" : "0X") : "";
            append_padded_number(out, sign_of(bigint::is_negative(arg), spec), prefix, digits, spec);
            return;
        }
        case 'e':
        case 'E':
        case 'f':
        case 'F':
        case 'g':
        case 'G': {
            if (!arg.is_number()) fail("must be real number, not " + type_name(arg));
            double d = arg.as_float();
            int precision = spec.precision < 0 ? 6 : static_cast<int>(spec.precision);
            bool upper_case = conv == 'E' || conv == 'F' || conv == 'G';
            std::string text;
            if (conv == 'e' || conv == 'E') text = format_exponent(std::fabs(d), precision, upper_case);
            else if (conv == 'f' || conv == 'F') text = format_fixed(std::fabs(d), precision);
            else text = format_general(std::fabs(d), precision, upper_case, spec.alt);
            if (conv == 'F') text = upper(text);
            bool negative = std::signbit(d) && !std::isnan(d);
            Spec s = spec;
            if (!std::isfinite(d)) s.zero = false;
            append_padded_number(out, sign_of(negative, s), "", text, s);
            return;
        }
        case 'c': {
            std::string ch;
            if (arg.is_int() || arg.is_bool()) {
                auto v = arg.as_int();
                if (v < 0 || v > 0x10FFFF) fail("%c arg not in range(0x110000)");
                append_utf8(ch, static_cast<char32_t>(v));
            } else if (arg.is_string() && length(arg.as_string()) == 1) {
                ch = arg.as_string();
            } else {
                fail("%c requires int or char");
            }
            append_padded_text(out, ch, spec);
            return;
        }
        default: return;
    }
}

// Room for a format's result, for long formats only: a short one's result ("45.3", "12,345")
// usually fits the string's inline buffer, where reserving would allocate.
void reserve_for_format(std::string& out, std::string_view fmt) {
    constexpr std::size_t inline_capacity = 15;
    if (fmt.size() > inline_capacity / 2) out.reserve(fmt.size() + 16);
}

// The N of a format that is '%.Nf' and nothing else, the usual way a template prints a
// measure ("%.1f" | format(x)); nullopt for any other format.
std::optional<int> lone_fixed_precision(std::string_view fmt) {
    if (fmt.size() != 4 || fmt[0] != '%' || fmt[1] != '.' || fmt[3] != 'f') return std::nullopt;
    if (!is_digit(static_cast<unsigned char>(fmt[2]))) return std::nullopt;
    return fmt[2] - '0';
}

}  // namespace

std::string percent_format(std::string_view fmt, const Value& args, bool markup) {
    require_defined(args);
    // '%.Nf' % x: no flags nor width, so the result is format_fixed's text, which carries the
    // sign itself ("-0.0", "-inf", and "nan" for either sign) exactly as '%' writes it.
    if (auto precision = lone_fixed_precision(fmt); precision && (args.is_float() || args.is_int()))
        return format_fixed(args.as_float(), *precision);
    const List* tuple = args.is_tuple() ? &args.as_list() : nullptr;
    // CPython treats any mapping-like right operand (dict, and also list) as a mapping, which
    // silences the "not all arguments converted" check.
    bool mapping_like = args.is_dict() || args.is_list();
    std::size_t next_arg = 0;
    bool used_single = false;
    auto take_arg = [&]() -> const Value& {
        if (tuple) {
            if (next_arg >= tuple->size()) fail("not enough arguments for format string");
            return (*tuple)[next_arg++];
        }
        if (used_single) fail("not enough arguments for format string");
        used_single = true;
        return args;
    };
    std::string out;
    reserve_for_format(out, fmt);
    std::size_t i = 0;
    while (i < fmt.size()) {
        auto pct = fmt.find('%', i);
        if (pct == std::string_view::npos) {
            out += fmt.substr(i);
            break;
        }
        out += fmt.substr(i, pct - i);
        std::size_t p = pct + 1;
        if (p >= fmt.size()) fail("incomplete format");
        const Value* keyed = nullptr;
        if (fmt[p] == '(') {
            if (!args.is_dict()) fail("format requires a mapping");
            auto close = fmt.find(')', p);
            if (close == std::string_view::npos) fail("incomplete format key");
            std::string key(fmt.substr(p + 1, close - p - 1));
            keyed = args.as_dict().find(std::string_view(key));
            if (!keyed) fail(repr_string(key));
            p = close + 1;
        }
        Spec spec;
        for (; p < fmt.size(); ++p) {
            char c = fmt[p];
            if (c == '-') spec.left = true;
            else if (c == '+') spec.plus = true;
            else if (c == ' ') spec.space = true;
            else if (c == '#') spec.alt = true;
            else if (c == '0') spec.zero = true;
            else break;
        }
        auto read_number = [&](long long& target, const char* too_big) {
            if (p < fmt.size() && fmt[p] == '*') {
                const Value& w = take_arg();
                if (!w.is_int()) fail("* wants int");
                target = w.as_int();
                if (target > kMaxFormatField || target < -kMaxFormatField) fail(too_big);
                ++p;
                return;
            }
            if (p < fmt.size() && is_digit(static_cast<unsigned char>(fmt[p])) && !read_field_digits(fmt, p, target))
                fail(too_big);
        };
        read_number(spec.width, "width too big");
        if (spec.width < -1) {
            spec.left = true;
            spec.width = -spec.width;
        }
        if (p < fmt.size() && fmt[p] == '.') {
            ++p;
            spec.precision = 0;
            read_number(spec.precision, "precision too big");
        }
        while (p < fmt.size() && (fmt[p] == 'h' || fmt[p] == 'l' || fmt[p] == 'L')) ++p;
        if (p >= fmt.size()) fail("incomplete format");
        char conv = fmt[p];
        if (conv == '%') {
            out += '%';
            i = p + 1;
            continue;
        }
        if (std::string_view("sradiuxXoeEfFgGc").find(conv) == std::string_view::npos) {
            std::size_t cp_index = length(fmt.substr(0, p));
            std::size_t at = p;
            char32_t bad = next_code_point(fmt, at);
            std::string shown;
            append_utf8(shown, bad);
            char hexbuf[16];
            auto res = std::to_chars(hexbuf, hexbuf + sizeof hexbuf, static_cast<unsigned>(bad), 16);
            fail("unsupported format character '" + shown + "' (0x" + std::string(hexbuf, res.ptr) + ") at index " +
                 std::to_string(cp_index));
        }
        const Value& arg = keyed ? *keyed : take_arg();
        require_defined(arg);
        append_percent_one(out, conv, arg, spec, markup);
        i = p + 1;
    }
    bool leftover = tuple ? next_arg < tuple->size() : (!used_single && !mapping_like);
    if (leftover) fail("not all arguments converted during string formatting");
    return out;
}

// ---------------------------------------------------------------- str.format

namespace {

struct FormatSpec {
    std::string fill = " ";
    char align = 0;
    bool zero_flag = false;  // '0' before the width, no alignment given: numbers align '='
    char sign = 0;
    bool alt = false;
    long long width = -1;
    char grouping = 0;
    long long precision = -1;
    char type = 0;
};

FormatSpec parse_format_spec(std::string_view spec) {
    FormatSpec f;
    std::size_t i = 0;
    bool fill_given = false;
    auto is_align = [](char c) { return c == '<' || c == '>' || c == '=' || c == '^'; };
    if (!spec.empty()) {
        std::size_t after_first = 0;
        next_code_point(spec, after_first);
        if (after_first < spec.size() && is_align(spec[after_first])) {
            fill_given = true;
            f.fill = std::string(spec.substr(0, after_first));
            f.align = spec[after_first];
            i = after_first + 1;
        } else if (is_align(spec[0])) {
            f.align = spec[0];
            i = 1;
        }
    }
    if (i < spec.size() && (spec[i] == '+' || spec[i] == '-' || spec[i] == ' ')) f.sign = spec[i++];
    if (i < spec.size() && spec[i] == '#') {
        f.alt = true;
        ++i;
    }
    if (i < spec.size() && spec[i] == '0') {  // zero padding, unless a fill character was given
        if (!fill_given) {
            f.fill = "0";
            f.zero_flag = !f.align;
        }
        ++i;
    }
    if (i < spec.size() && is_digit(static_cast<unsigned char>(spec[i])) && !read_field_digits(spec, i, f.width))
        fail("Too many decimal digits in format string");
    if (i < spec.size() && (spec[i] == ',' || spec[i] == '_')) f.grouping = spec[i++];
    if (f.grouping && i < spec.size() && (spec[i] == ',' || spec[i] == '_') && spec[i] != f.grouping)
        fail("Cannot specify both ',' and '_'.");
    if (i < spec.size() && spec[i] == '.') {
        ++i;
        if (i >= spec.size() || !is_digit(static_cast<unsigned char>(spec[i]))) fail("Format specifier missing precision");
        if (!read_field_digits(spec, i, f.precision)) fail("Too many decimal digits in format string");
    }
    if (i < spec.size()) f.type = spec[i++];
    if (i < spec.size()) fail("Invalid format specifier");
    return f;
}

// The alignment in effect: the '0' flag makes a number's default '>' into '='.
char alignment(const FormatSpec& f, char default_align) {
    if (f.align) return f.align;
    return f.zero_flag && default_align == '>' ? '=' : default_align;
}

// Python's check of a grouping option against the presentation type (`default_type` when the
// spec names none): ',' and '_' for decimal and float types, '_' alone for b, o, x and X.
void check_grouping(const FormatSpec& f, char default_type) {
    char type = f.type ? f.type : default_type;
    bool allowed = std::string_view("defgEGF%").find(type) != std::string_view::npos ||
                   (f.grouping == '_' && std::string_view("boxX").find(type) != std::string_view::npos);
    if (type && !allowed) fail(std::string("Cannot specify '") + f.grouping + "' with '" + type + "'.");
}

// The number's grouped `body` (its leading `digits` grouped, the rest - decimals, exponent,
// '%' - kept), zero-filled into the field when the fill is '0' with '=' alignment.
std::string grouped_number(const std::string& body, std::size_t digits, std::size_t sign_and_prefix,
                           const FormatSpec& f, std::size_t group_size) {
    long long min_width = 0;
    if (f.fill == "0" && alignment(f, '>') == '=')
        min_width = f.width - static_cast<long long>(sign_and_prefix + body.size() - digits);
    std::string_view text(body);
    return group_digits(text.substr(0, digits), f.grouping, group_size, min_width) + std::string(text.substr(digits));
}

std::string align_text(const std::string& sign_prefix, const std::string& body, const FormatSpec& f, char default_align) {
    if (f.width < 0) return sign_prefix + body;  // no width (the usual spec): nothing to count
    char align = alignment(f, default_align);
    long long len = static_cast<long long>(length(sign_prefix) + length(body));
    if (f.width <= len) return sign_prefix + body;
    auto n = static_cast<std::size_t>(f.width - len);
    auto fill = [&](std::size_t k) {
        std::string s;
        for (std::size_t j = 0; j < k; ++j) s += f.fill;
        return s;
    };
    switch (align) {
        case '<': return sign_prefix + body + fill(n);
        case '^': return fill(n / 2) + sign_prefix + body + fill(n - n / 2);
        case '=': return sign_prefix + fill(n) + body;
        default: return fill(n) + sign_prefix + body;
    }
}

// An int in decimal without a width ('{:,}', '{:d}', '{:+_}'), the usual number spec: sign,
// digits and grouping written straight out, as format_number would assemble them.
std::string format_plain_int(std::int64_t i, const FormatSpec& f) {
    char digits[20];
    std::uint64_t magnitude = i < 0 ? 0 - static_cast<std::uint64_t>(i) : static_cast<std::uint64_t>(i);
    auto count = static_cast<std::size_t>(std::to_chars(digits, digits + sizeof digits, magnitude).ptr - digits);
    std::string out;
    if (i < 0) out += '-';
    else if (f.sign == '+' || f.sign == ' ') out += f.sign;
    const std::string_view text(digits, count);
    if (f.grouping) out += group_digits(text, f.grouping, 3, 0);
    else out += text;
    return out;
}

std::string format_number(const Value& v, const FormatSpec& f) {
    if (v.is_int() && (f.type == 0 || f.type == 'd') && f.width < 0) return format_plain_int(v.as_int(), f);
    char type = f.type;
    bool as_float = v.is_float() || std::string_view("eEfFgG%").find(type ? type : '?') != std::string_view::npos;
    std::string body;
    std::string prefix;
    bool negative = false;
    std::size_t digits = 0;      // body's leading digits, which grouping separates
    std::size_t group_size = 3;  // digits per group: 4 in bases 2, 8 and 16
    if (!as_float) {
        if (std::string_view("dnbcoxX").find(type ? type : 'd') == std::string_view::npos)
            fail(std::string("Unknown format code '") + type + "' for object of type '" + type_name(v) + "'");
        negative = bigint::is_negative(v);
        if (type == 'c') {
            if (v.is_big_int()) fail("%c arg not in range(0x110000)");
            std::int64_t i = v.as_int();
            append_utf8(body, static_cast<char32_t>(negative ? 0 - static_cast<std::uint64_t>(i) : static_cast<std::uint64_t>(i)));
            negative = false;
        } else {
            int base = type == 'b' ? 2 : type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
            body = integral_digits(v, base, type == 'X');
            digits = body.size();
            if (f.alt && base != 10) prefix = base == 2 ? "0b" : base == 8 ? "0o" : type == 'X' ? "0X" : "0x";
            if (base != 10) group_size = 4;
        }
    } else {
        double d = v.as_float();
        negative = std::signbit(d) && !std::isnan(d);
        double a = std::fabs(d);
        int precision = f.precision < 0 ? 6 : static_cast<int>(f.precision);
        switch (type) {
            case 'e':
            case 'E': body = format_exponent(a, precision, type == 'E'); break;
            case 'f':
            case 'F': body = format_fixed(a, precision); if (type == 'F') body = upper(body); break;
            case 'g':
            case 'G': body = format_general(a, precision, type == 'G', f.alt); break;
            case '%': body = format_fixed(a * 100, precision) + "%"; break;
            case 'n':
            case 0:
                if (f.precision < 0) {
                    body = python_float_repr(a);
                } else {
                    body = format_general(a, precision);
                    if (body.find_first_of(".en") == std::string::npos) body += ".0";
                }
                break;
            default:
                fail(std::string("Unknown format code '") + type + "' for object of type '" + type_name(v) + "'");
        }
        if (f.grouping) digits = std::min(body.find_first_not_of("0123456789"), body.size());
    }
    std::string sign = negative ? "-" : (f.sign == '+' ? "+" : f.sign == ' ' ? " " : "");
    if (f.grouping) body = grouped_number(body, digits, sign.size() + prefix.size(), f, group_size);
    return align_text(sign + prefix, body, f, '>');
}

// format(v, spec) for a non-empty spec already parsed into `f`.
std::string format_with_spec(const Value& v, const FormatSpec& f) {
    require_defined(v);
    // A number without a type ('{:,}', the usual grouped spec) always allows grouping.
    if (f.grouping && (v.is_string() || (f.type && v.is_number()))) check_grouping(f, v.is_string() ? 's' : 'd');
    if (v.is_number()) return format_number(v, f);
    if (v.is_string()) {
        if (f.type && f.type != 's')
            fail(std::string("Unknown format code '") + f.type + "' for object of type 'str'");
        if (f.sign) fail("Sign not allowed in string format specifier");
        if (f.align == '=') fail("'=' alignment not allowed in string format specifier");
        std::string body(v.as_string());
        if (f.precision >= 0) body = body.substr(0, byte_offset(body, static_cast<std::size_t>(f.precision)));
        return align_text("", body, f, '<');
    }
    fail("unsupported format string passed to " + type_name(v) + ".__format__");
}

}  // namespace

std::string format_value(const Value& v, std::string_view spec) {
    require_defined(v);
    if (spec.empty()) return to_str(v);
    return format_with_spec(v, parse_format_spec(spec));
}

struct CompiledFormat::Piece {
    std::string literal;              // text before the field, braces unescaped
    std::optional<FormatSpec> spec;   // the field's spec; nullopt for a bare {} (str(v))
    bool is_field = false;            // false only for the text after the last field
};

std::optional<CompiledFormat> CompiledFormat::compile(std::string_view fmt) {
    std::vector<Piece> pieces(1);
    std::size_t fields = 0;
    for (std::size_t i = 0; i < fmt.size();) {
        char c = fmt[i];
        if ((c == '{' || c == '}') && i + 1 < fmt.size() && fmt[i + 1] == c) {  // {{ or }}
            pieces.back().literal += c;
            i += 2;
            continue;
        }
        if (c == '}') return std::nullopt;  // a lone '}': str_format's error
        if (c != '{') {
            pieces.back().literal += c;
            ++i;
            continue;
        }
        std::size_t close = fmt.find('}', i + 1);
        if (close == std::string_view::npos) return std::nullopt;
        std::string_view field = fmt.substr(i + 1, close - i - 1);
        if (field.find_first_of("{!") != std::string_view::npos) return std::nullopt;
        if (!field.empty() && field[0] != ':') return std::nullopt;  // numbered or named
        Piece& piece = pieces.back();
        piece.is_field = true;
        if (field.size() > 1) {
            try {
                piece.spec = parse_format_spec(field.substr(1));
            } catch (const TemplateError&) {
                return std::nullopt;  // raised when called, as Python does
            }
        }
        ++fields;
        pieces.emplace_back();
        i = close + 1;
    }
    CompiledFormat compiled;
    compiled.pieces_ = std::make_shared<const std::vector<Piece>>(std::move(pieces));
    compiled.fields_ = fields;
    return compiled;
}

bool CompiledFormat::format_into(std::string& out, const Arguments& args) const {
    if (args.positional.size() < fields_) return false;
    std::size_t next_arg = 0;
    for (const Piece& piece : *pieces_) {
        out += piece.literal;
        if (!piece.is_field) continue;
        const Value& arg = args.positional[next_arg++];
        out += piece.spec ? format_with_spec(arg, *piece.spec) : format_value(arg, {});
    }
    return true;
}

std::string str_format(std::string_view fmt, const Arguments& args) {
    std::string out;
    reserve_for_format(out, fmt);
    int auto_index = 0;
    bool used_auto = false, used_manual = false;
    std::size_t i = 0;
    while (i < fmt.size()) {
        char c = fmt[i];
        if (c == '}') {
            if (i + 1 < fmt.size() && fmt[i + 1] == '}') {
                out += '}';
                i += 2;
                continue;
            }
            fail("Single '}' encountered in format string");
        }
        if (c != '{') {
            out += c;
            ++i;
            continue;
        }
        if (i + 1 < fmt.size() && fmt[i + 1] == '{') {
            out += '{';
            i += 2;
            continue;
        }
        // Find the matching '}' (one level of nesting in the spec is skipped over).
        std::size_t j = i + 1;
        int depth = 1;
        while (j < fmt.size() && depth) {
            if (fmt[j] == '{') ++depth;
            else if (fmt[j] == '}') --depth;
            if (depth) ++j;
        }
        if (j >= fmt.size()) fail(i + 1 >= fmt.size() ? "Single '{' encountered in format string" : "expected '}' before end of string");
        std::string_view field = fmt.substr(i + 1, j - i - 1);
        i = j + 1;
        std::string_view spec, conversion;
        if (auto colon = field.find(':'); colon != std::string_view::npos) {
            spec = field.substr(colon + 1);
            field = field.substr(0, colon);
        }
        if (auto bang = field.find('!'); bang != std::string_view::npos) {
            conversion = field.substr(bang + 1);
            field = field.substr(0, bang);
            if (conversion.size() != 1) fail("expected ':' after conversion specifier");
        }
        std::size_t name_end = field.find_first_of(".[");
        std::string_view name = field.substr(0, name_end);
        Value current;
        if (name.empty()) {
            if (used_manual) fail("cannot switch from manual field specification to automatic field numbering");
            used_auto = true;
            std::size_t index = static_cast<std::size_t>(auto_index++);
            if (index >= args.positional.size())
                fail("Replacement index " + std::to_string(index) + " out of range for positional args tuple");
            current = args.positional[index];
        } else if (std::all_of(name.begin(), name.end(), [](char ch) { return is_digit(static_cast<unsigned char>(ch)); })) {
            if (used_auto) fail("cannot switch from automatic field numbering to manual field specification");
            used_manual = true;
            std::size_t index = std::stoul(std::string(name));
            if (index >= args.positional.size())
                fail("Replacement index " + std::to_string(index) + " out of range for positional args tuple");
            current = args.positional[index];
        } else {
            const Value* kw = args.keyword_arg(name);
            if (!kw) fail(repr_string(name));
            current = *kw;
        }
        // Attribute and index lookups: .name and [key].
        std::string_view rest = name_end == std::string_view::npos ? std::string_view() : field.substr(name_end);
        while (!rest.empty()) {
            if (rest[0] == '.') {
                auto end = rest.find_first_of(".[", 1);
                std::string attr(rest.substr(1, end == std::string_view::npos ? std::string_view::npos : end - 1));
                Value next = getattr(current, attr);
                if (next.is_undefined()) fail("'" + type_name(current) + "' object has no attribute " + repr_string(attr));
                current = next;
                rest = end == std::string_view::npos ? std::string_view() : rest.substr(end);
            } else if (rest[0] == '[') {
                auto end = rest.find(']');
                if (end == std::string_view::npos) fail("Missing ']' in format string");
                std::string key(rest.substr(1, end - 1));
                bool numeric = !key.empty() && std::all_of(key.begin(), key.end(), [](char ch) { return is_digit(static_cast<unsigned char>(ch)); });
                Value k = numeric ? Value(static_cast<std::int64_t>(std::stoll(key))) : Value(key);
                Value next = getitem(current, k);
                if (next.is_undefined()) fail(numeric ? key : repr_string(key));
                current = next;
                rest = rest.substr(end + 1);
            } else {
                fail("Only '.' or '[' may follow ']' in format field specifier");
            }
        }
        if (!conversion.empty()) {
            if (conversion == "r" || conversion == "a") current = Value(repr(current));
            else if (conversion == "s") current = Value(to_str(current));
            else fail("Unknown conversion specifier " + std::string(conversion));
        }
        // A nested {} in the spec ("{:{width}}") is formatted first.
        std::string spec_text(spec);
        if (spec_text.find('{') != std::string::npos) spec_text = str_format(spec_text, args);
        out += format_value(current, spec_text);
    }
    return out;
}

// ---------------------------------------------------------------- attribute access

std::string object_type_repr(const Value& v) {
    switch (v.kind()) {
        case Value::Kind::None: return "None";
        case Value::Kind::Markup: return "markupsafe.Markup object";
        case Value::Kind::Callable: return v.as_callable().python_type() + " object";
        case Value::Kind::Undefined: return "jinja2.runtime.StrictUndefined object";
        case Value::Kind::Tuple:
            if (v.tuple_fields()) return v.tuple_fields()->type_name() == "_GroupTuple" ? "jinja2.filters._GroupTuple object" : "tuple object";
            return "tuple object";
        case Value::Kind::Object: {
            std::string name = v.as_object().type_name();
            if (name == "Namespace") return "jinja2.utils.Namespace object";
            if (name == "generator" || name == "range" || name.find("iterator") != std::string::npos) return name + " object";
            if (name == "LoopContext" || name == "Macro" || name == "Cycler") return "jinja2.runtime." + name + " object";
            if (name.find('.') != std::string::npos) return name + " object";
            return "jinja2.runtime." + name + " object";
        }
        default: return type_name(v) + " object";
    }
}

std::string no_attribute_hint(const Value& obj, std::string_view name) {
    return repr_string(object_type_repr(obj)) + " has no attribute " + repr_string(name);
}

std::string no_element_hint(const Value& obj, const Value& key) {
    return object_type_repr(obj) + " has no element " + repr(key);
}

namespace {

std::optional<Value> python_getattr(const Value& obj, std::string_view name) {
    require_defined(obj);
    if (obj.is_object()) return obj.as_object().attribute(name);
    if (obj.is_callable()) return obj.as_callable().attribute(name);
    if (const Object* fields = obj.tuple_fields())
        if (auto v = fields->attribute(name)) return v;
    return method_of(obj, name);
}

std::optional<Value> python_getitem(const Value& obj, const Value& key) {
    require_defined(obj);
    require_defined(key);
    if (obj.is_dict()) {
        const Value* v = obj.as_dict().find(key);
        return v ? std::optional<Value>(*v) : std::nullopt;
    }
    if (const Range* r = as_range(obj); r && (key.is_int() || key.is_bool())) {
        std::int64_t index = key.as_int();
        auto n = static_cast<std::int64_t>(r->size());
        if (index < 0) index += n;
        if (index < 0 || index >= n) return std::nullopt;
        return Value(r->at(static_cast<std::size_t>(index)));
    }
    if (obj.view_type()) return std::nullopt;  // dict views are not subscriptable
    if ((obj.is_sequence() || obj.is_string()) && (key.is_int() || key.is_bool())) {
        std::int64_t index = key.as_int();
        if (obj.is_sequence()) {
            const auto& items = obj.as_list();
            auto n = static_cast<std::int64_t>(items.size());
            if (index < 0) index += n;
            if (index < 0 || index >= n) return std::nullopt;
            return items[static_cast<std::size_t>(index)];
        }
        std::string_view s = obj.as_string();
        auto n = static_cast<std::int64_t>(length(s));
        if (index < 0) index += n;
        if (index < 0 || index >= n) return std::nullopt;
        std::size_t at = byte_offset(s, static_cast<std::size_t>(index));
        std::size_t end = at;
        next_code_point(s, end);
        std::string_view ch = s.substr(at, end - at);
        return Value::same_kind(obj, ch);  // Markup.__getitem__
    }
    return std::nullopt;
}

}  // namespace

Value getitem(const Value& obj, const Value& key) {
    if (auto v = python_getitem(obj, key)) return std::move(*v);
    if (key.is_string())
        if (auto v = python_getattr(obj, key.as_string())) return std::move(*v);
    if (key.is_string()) return Value::undefined(no_attribute_hint(obj, key.as_string()));
    return Value::undefined(no_element_hint(obj, key));
}

Value getattr(const Value& obj, std::string_view name) {
    if (auto v = python_getattr(obj, name)) return std::move(*v);
    if (auto v = python_getitem(obj, Value(std::string(name)))) return std::move(*v);
    return Value::undefined(no_attribute_hint(obj, name));
}

}  // namespace quorum::tmpl::py
