// Quorum's own filters for council papers (Jinja2 has no equivalents).
//
// money(value, currency=false, places=0, thousands=false)
//     UK accounting style.  2371 -> 2,371   -134 -> (134)   0 -> -
//     currency=true adds the pound sign inside the brackets: £2,371  (£134).
//     places=N shows N decimals: 2371.5|money(places=2) -> 2,371.50.
//     thousands=true shows £000s from pounds: 1500 -> 2, -1500 -> (2), 2371000 -> 2,371.
//     Rounding is half away from zero on the decimal value as written (an accountant's
//     rounding, 2.675 -> 2.68, 0.5 -> 1), never banker's rounding. A value that rounds to
//     zero shows "-" (also with currency=true).
// percent(value, precision=1, already_percent=false, brackets=false)
//     0.042 -> 4.2%   0.5 -> 50.0%   4.2|percent(already_percent=true) -> 4.2%
//     Negatives: -4.2%, or (4.2%) with brackets=true. Same rounding as money.
// number(value, precision=none)
//     Thousands separators: 1234567 -> 1,234,567   -1234.5 -> -1,234.5
//     Integers print without decimals, floats with their own digits (1234.50 -> 1,234.5),
//     precision=N rounds (half away from zero) to N decimals: 1234.5|number(precision=2) -> 1,234.50.
// date(value, format='%-d %B %Y')
//     From ISO 'YYYY-MM-DD' (optionally 'YYYY-MM-DDTHH:MM[:SS]'): '2018-03-07' -> 7 March 2018.
//     Codes: %d 07  %-d 7  %e ' 7'  %o 7th  %B March  %b Mar  %A Wednesday  %a Wed
//            %Y 2018  %y 18  %m 03  %-m 3  %H 19  %M 05  %I 07  %-I 7  %p pm  %%
//     '%A %o %B, %Y' -> Wednesday 7th March, 2018;  '%d/%m/%Y' -> 07/03/2018;
//     '%-I.%M %p' -> 7.00 pm. %p is lower-case am/pm, as UK committee papers print times.
//     A date without a time is midnight for %H/%M/%I/%p. Invalid dates are errors:
//     '2018-02-30'|date -> date: '2018-02-30' is not a valid ISO date (YYYY-MM-DD).
// ordinal(value)
//     1 -> 1st, 2 -> 2nd, 3 -> 3rd, 4 -> 4th, 11 -> 11th, 12 -> 12th, 13 -> 13th, 21 -> 21st,
//     112 -> 112th, -1 -> -1st.
// All of them raise an error naming the filter for a value of the wrong type (an undefined
// value raises its usual "'x' is undefined").
#include "template/bigint.hpp"
#include "template/builtins.hpp"
#include "template/pystr.hpp"

#include <charconv>
#include <cmath>

namespace quorum::tmpl {

namespace {

// A number as exact decimal digits: |value| = digits * 10^exponent.
struct Decimal {
    bool negative = false;
    std::string digits;
    int exponent = 0;
};

Decimal to_decimal(const Value& v, const char* filter) {
    require_defined(v);
    if (!v.is_number() || v.is_bool()) fail(std::string(filter) + ": expected a number, got " + type_name(v));
    Decimal d;
    if (v.is_big_int()) {
        d.negative = bigint::is_negative(v);
        d.digits = bigint::magnitude_digits(v, 10);
        return d;
    }
    if (!v.is_float()) {
        std::int64_t i = v.as_int();
        d.negative = i < 0;
        std::uint64_t magnitude = d.negative ? 0 - static_cast<std::uint64_t>(i) : static_cast<std::uint64_t>(i);
        d.digits = std::to_string(magnitude);
        return d;
    }
    double x = v.as_float();
    if (!std::isfinite(x)) fail(std::string(filter) + ": cannot format " + python_float_repr(x));
    d.negative = std::signbit(x);
    // The shortest decimal that round-trips: what the data file said (2.675, not 2.67499...).
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, std::fabs(x), std::chars_format::scientific);
    std::string_view sci(buf, static_cast<std::size_t>(res.ptr - buf));
    auto e = sci.find('e');
    for (char c : sci.substr(0, e))
        if (c != '.') d.digits += c;
    int exp10 = 0;
    std::string_view exp_text = sci.substr(e + 1);
    if (!exp_text.empty() && exp_text[0] == '+') exp_text.remove_prefix(1);
    std::from_chars(exp_text.data(), exp_text.data() + exp_text.size(), exp10);
    d.exponent = exp10 - static_cast<int>(d.digits.size() - 1);
    return d;
}

// Rounds half away from zero to `places` decimals; returns (integer part, fraction part).
std::pair<std::string, std::string> fixed_digits(Decimal d, int places) {
    if (d.exponent < -places) {
        auto drop = static_cast<std::size_t>(-places - d.exponent);
        if (d.digits.size() <= drop) d.digits.insert(0, drop - d.digits.size() + 1, '0');
        bool round_up = d.digits[d.digits.size() - drop] >= '5';
        d.digits.resize(d.digits.size() - drop);
        if (round_up) {
            std::size_t i = d.digits.size();
            while (i > 0 && d.digits[i - 1] == '9') d.digits[--i] = '0';
            if (i == 0) d.digits.insert(0, "1");
            else ++d.digits[i - 1];
        }
        d.exponent = -places;
    }
    d.digits.append(static_cast<std::size_t>(d.exponent + places), '0');
    auto frac_len = static_cast<std::size_t>(places);
    if (d.digits.size() <= frac_len) d.digits.insert(0, frac_len - d.digits.size() + 1, '0');
    std::string int_part = d.digits.substr(0, d.digits.size() - frac_len);
    std::string frac_part = d.digits.substr(d.digits.size() - frac_len);
    auto first = int_part.find_first_not_of('0');
    int_part = first == std::string::npos ? "0" : int_part.substr(first);
    return {int_part, frac_part};
}

bool all_zero(const std::pair<std::string, std::string>& parts) {
    return parts.first == "0" && parts.second.find_first_not_of('0') == std::string::npos;
}

std::string join_number(const std::pair<std::string, std::string>& parts) {
    std::string out = py::group_thousands(parts.first);
    if (!parts.second.empty()) out += "." + parts.second;
    return out;
}

int places_arg(const Bound& b, std::size_t i, int fallback, const char* filter, const char* option) {
    std::int64_t p = b.int_or(i, fallback);
    if (p < 0 || p > 20)
        fail(std::string(filter) + ": " + option + " must be between 0 and 20, got " + std::to_string(p));
    return static_cast<int>(p);
}

Value f_money(const FilterEnv&, const Value& in, const Arguments& args) {
    Bound b(args, "money", {"currency", "places", "thousands"});
    bool currency = b.bool_or(0, false);
    int places = places_arg(b, 1, 0, "money", "places");
    Decimal d = to_decimal(in, "money");
    if (b.bool_or(2, false)) d.exponent -= 3;  // pounds -> £000s
    auto parts = fixed_digits(d, places);
    if (all_zero(parts)) return Value("-");
    std::string text = (currency ? "\xC2\xA3" : "") + join_number(parts);
    return Value(d.negative ? "(" + text + ")" : text);
}

Value f_percent(const FilterEnv&, const Value& in, const Arguments& args) {
    Bound b(args, "percent", {"precision", "already_percent", "brackets"});
    int places = places_arg(b, 0, 1, "percent", "precision");
    Decimal d = to_decimal(in, "percent");
    if (!b.bool_or(1, false)) d.exponent += 2;  // a ratio: x100, exactly, on the decimal digits
    auto parts = fixed_digits(d, places);
    std::string text = join_number(parts) + "%";
    if (!d.negative || all_zero(parts)) return Value(text);
    return Value(b.bool_or(2, false) ? "(" + text + ")" : "-" + text);
}

Value f_number(const FilterEnv&, const Value& in, const Arguments& args) {
    Bound b(args, "number", {"precision"});
    Decimal d = to_decimal(in, "number");
    int places = 0;
    if (b.has(0) && !b.get(0)->is_none()) places = places_arg(b, 0, 0, "number", "precision");
    else if (in.is_float()) places = std::max(1, -d.exponent);  // the float's own digits, at least "x.0"
    auto parts = fixed_digits(d, places);
    std::string text = join_number(parts);
    return Value(d.negative && !all_zero(parts) ? "-" + text : text);
}

// ---------------------------------------------------------------- dates

struct DateTime {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0;
};

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : days[m - 1];
}

// 0 = Monday, as Python's date.weekday().
int weekday(int y, int m, int d) {
    // days_from_civil (Howard Hinnant), 1970-01-01 was a Thursday.
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    long days = static_cast<long>(era) * 146097 + doe - 719468;
    return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

bool read_int(std::string_view s, std::size_t pos, std::size_t len, int& out) {
    if (pos + len > s.size()) return false;
    out = 0;
    for (std::size_t i = pos; i < pos + len; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        out = out * 10 + (s[i] - '0');
    }
    return true;
}

DateTime parse_iso(const Value& in) {
    require_defined(in);
    if (!in.is_string()) fail("date: expected an ISO date string (YYYY-MM-DD), got " + type_name(in));
    std::string_view s = in.as_string();
    auto invalid = [&]() -> DateTime { fail("date: " + py::repr_string(s) + " is not a valid ISO date (YYYY-MM-DD)"); };
    DateTime t;
    if (s.size() < 10 || s[4] != '-' || s[7] != '-' || !read_int(s, 0, 4, t.year) || !read_int(s, 5, 2, t.month) ||
        !read_int(s, 8, 2, t.day))
        return invalid();
    if (t.year < 1 || t.month < 1 || t.month > 12 || t.day < 1 || t.day > days_in_month(t.year, t.month)) return invalid();
    if (s.size() == 10) return t;
    int seconds = 0;
    bool time_ok = (s[10] == 'T' || s[10] == ' ') && s.size() >= 16 && s[13] == ':' && read_int(s, 11, 2, t.hour) &&
                   read_int(s, 14, 2, t.minute) && t.hour < 24 && t.minute < 60;
    if (time_ok && s.size() > 16) time_ok = s.size() == 19 && s[16] == ':' && read_int(s, 17, 2, seconds) && seconds < 60;
    if (!time_ok) return invalid();
    return t;
}

const char* const month_names[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};
const char* const day_names[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

std::string two_digits(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

std::string ordinal_text(std::int64_t n) {
    std::uint64_t magnitude = n < 0 ? 0 - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n);
    const char* suffix = "th";
    if (magnitude % 100 < 11 || magnitude % 100 > 13) {
        switch (magnitude % 10) {
            case 1: suffix = "st"; break;
            case 2: suffix = "nd"; break;
            case 3: suffix = "rd"; break;
            default: break;
        }
    }
    return std::to_string(n) + suffix;
}

Value f_date(const FilterEnv&, const Value& in, const Arguments& args) {
    Bound b(args, "date", {"format"});
    DateTime t = parse_iso(in);
    std::string format = b.str_or(0, "%-d %B %Y");
    std::string out;
    int hour12 = t.hour % 12 == 0 ? 12 : t.hour % 12;
    for (std::size_t i = 0; i < format.size(); ++i) {
        if (format[i] != '%') {
            out += format[i];
            continue;
        }
        if (++i >= format.size()) fail("date: format ends with a lone '%'");
        bool no_pad = format[i] == '-';
        if (no_pad && ++i >= format.size()) fail("date: format ends with '%-'");
        char code = format[i];
        switch (code) {
            case 'd': out += no_pad ? std::to_string(t.day) : two_digits(t.day); break;
            case 'e': out += (t.day < 10 ? " " : "") + std::to_string(t.day); break;
            case 'o': out += ordinal_text(t.day); break;
            case 'B': out += month_names[t.month - 1]; break;
            case 'b': out += std::string(month_names[t.month - 1]).substr(0, 3); break;
            case 'A': out += day_names[weekday(t.year, t.month, t.day)]; break;
            case 'a': out += std::string(day_names[weekday(t.year, t.month, t.day)]).substr(0, 3); break;
            case 'Y': out += std::to_string(t.year); break;
            case 'y': out += two_digits(t.year % 100); break;
            case 'm': out += no_pad ? std::to_string(t.month) : two_digits(t.month); break;
            case 'H': out += no_pad ? std::to_string(t.hour) : two_digits(t.hour); break;
            case 'M': out += two_digits(t.minute); break;
            case 'I': out += no_pad ? std::to_string(hour12) : two_digits(hour12); break;
            case 'p': out += t.hour < 12 ? "am" : "pm"; break;
            case '%': out += '%'; break;
            default:
                fail(std::string("date: unknown format code '%") + (no_pad ? "-" : "") + code + "'");
        }
    }
    return Value(out);
}

Value f_ordinal(const FilterEnv&, const Value& in, const Arguments& args) {
    Bound(args, "ordinal", {});
    require_defined(in);
    if (in.is_int()) return Value(ordinal_text(in.as_int()));
    if (in.is_float() && std::isfinite(in.as_float()) && in.as_float() == std::trunc(in.as_float()) &&
        std::fabs(in.as_float()) < 9e15)
        return Value(ordinal_text(static_cast<std::int64_t>(in.as_float())));
    fail("ordinal: expected a whole number, got " + (in.is_float() ? python_float_repr(in.as_float()) : type_name(in)));
}

}  // namespace

const std::map<std::string, PureFilter, std::less<>>& council_filter_table() {
    static const std::map<std::string, PureFilter, std::less<>> table = {
        {"money", f_money}, {"percent", f_percent}, {"number", f_number}, {"date", f_date}, {"ordinal", f_ordinal},
    };
    return table;
}

void register_council_filters(Library& lib) {
    for (const auto& [name, fn] : council_filter_table()) {
        PureFilter pure = fn;
        lib.add_filter(name, [pure](CallContext& ctx, const Value& input, const Arguments& args) {
            FilterEnv env{ctx.autoescape, &ctx.library, &ctx};
            return pure(env, input, args);
        });
    }
}

}  // namespace quorum::tmpl
