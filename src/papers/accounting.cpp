#include "papers/accounting.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string_view>

namespace quorum::papers {

namespace {

constexpr int significant_digits = 12;

// |value| = digits × 10^exponent, digits without leading or trailing zeros ("0" for zero).
struct Decimal {
    bool negative = false;
    std::string digits = "0";
    int exponent = 0;
};

// The shortest digits that read back as `value`, rounded to 12 significant digits (see
// the header: arithmetic noise must not decide a rounding at .5).
Decimal to_decimal(double value) {
    Decimal d;
    if (!std::isfinite(value) || value == 0.0) return d;
    d.negative = value < 0;
    char buf[64];
    auto shortest = std::to_chars(buf, buf + sizeof buf, std::fabs(value), std::chars_format::scientific);
    std::string_view sci(buf, static_cast<std::size_t>(shortest.ptr - buf));
    if (sci.find('e') > static_cast<std::size_t>(significant_digits + 1)) {  // more than 12 digits
        auto rounded = std::to_chars(buf, buf + sizeof buf, std::fabs(value), std::chars_format::scientific,
                                     significant_digits - 1);
        sci = std::string_view(buf, static_cast<std::size_t>(rounded.ptr - buf));
    }
    auto e = sci.find('e');
    std::string digits;
    for (char c : sci.substr(0, e))
        if (c != '.') digits += c;
    int exp10 = 0;
    std::string_view exp_text = sci.substr(e + 1);
    if (!exp_text.empty() && exp_text[0] == '+') exp_text.remove_prefix(1);
    std::from_chars(exp_text.data(), exp_text.data() + exp_text.size(), exp10);
    auto last = digits.find_last_not_of('0');
    if (last == std::string::npos) return Decimal{};
    d.exponent = exp10 - static_cast<int>(digits.size() - 1) + static_cast<int>(digits.size() - 1 - last);
    d.digits = digits.substr(0, last + 1);
    return d;
}

// Integer and fraction digits after rounding half away from zero to `places` decimals.
struct Fixed {
    bool negative = false;
    std::string integer;
    std::string fraction;
    bool is_zero() const {
        return integer == "0" && fraction.find_first_not_of('0') == std::string::npos;
    }
};

// GCC 12 reports false -Wrestrict warnings for insert(0, …) and "literal" + std::string
// (GCC bug 105329), so strings here are built by appending to a named string.
std::string zeros_then(std::size_t count, const std::string& digits) {
    std::string out(count, '0');
    out += digits;
    return out;
}

std::string wrap(char open, const std::string& text, char close) {
    std::string out;
    out.reserve(text.size() + 2);
    out += open;
    out += text;
    if (close) out += close;
    return out;
}

void increment(std::string& digits) {
    std::size_t i = digits.size();
    while (i > 0 && digits[i - 1] == '9') digits[--i] = '0';
    if (i == 0) {
        std::string carried(1, '1');
        carried += digits;
        digits = std::move(carried);
    }
    else ++digits[i - 1];
}

Fixed to_fixed(double value, int places) {
    Decimal d = to_decimal(value);
    if (d.exponent < -places) {
        auto drop = static_cast<std::size_t>(-places - d.exponent);
        if (d.digits.size() <= drop) d.digits = zeros_then(drop - d.digits.size() + 1, d.digits);
        bool round_up = d.digits[d.digits.size() - drop] >= '5';
        d.digits = d.digits.substr(0, d.digits.size() - drop);
        if (round_up) increment(d.digits);
        d.exponent = -places;
    }
    d.digits.append(static_cast<std::size_t>(d.exponent + places), '0');
    auto fraction_length = static_cast<std::size_t>(places);
    if (d.digits.size() <= fraction_length) d.digits = zeros_then(fraction_length - d.digits.size() + 1, d.digits);
    Fixed f;
    f.negative = d.negative;
    f.integer = d.digits.substr(0, d.digits.size() - fraction_length);
    f.fraction = d.digits.substr(d.digits.size() - fraction_length);
    auto first = f.integer.find_first_not_of('0');
    f.integer = first == std::string::npos ? "0" : f.integer.substr(first);
    return f;
}

std::string group_thousands(const std::string& integer) {
    std::string out;
    for (std::size_t i = 0; i < integer.size(); ++i) {
        if (i > 0 && (integer.size() - i) % 3 == 0) out += ',';
        out += integer[i];
    }
    return out;
}

// "1,234.5" without any sign.
std::string magnitude_text(const Fixed& f) {
    std::string out = group_thousands(f.integer);
    if (!f.fraction.empty()) {
        out += '.';
        out += f.fraction;
    }
    return out;
}

int clamp_places(int places) { return places < 0 ? 0 : (places > 12 ? 12 : places); }

}  // namespace

AmountUnits amount_units(const nlohmann::json& budget) {
    if (budget.is_object()) {
        auto it = budget.find("units");
        if (it != budget.end() && it->is_string() && it->get<std::string>() == "pounds") return AmountUnits::pounds;
    }
    return AmountUnits::thousands;
}

double to_thousands(double amount, AmountUnits units) {
    return units == AmountUnits::pounds ? amount / 1000.0 : amount;
}

double round_half_away(double value, int places) {
    Fixed f = to_fixed(value, clamp_places(places));
    std::string text = f.negative ? wrap('-', f.integer, 0) : f.integer;
    if (!f.fraction.empty()) {
        text += '.';
        text += f.fraction;
    }
    double out = std::strtod(text.c_str(), nullptr);
    return out == 0.0 ? 0.0 : out;  // never -0
}

std::string format_number(double value, int places) {
    Fixed f = to_fixed(value, clamp_places(places));
    return f.negative && !f.is_zero() ? wrap('-', magnitude_text(f), 0) : magnitude_text(f);
}

std::string format_number_as_written(double value) { return format_number(value, written_decimals(value)); }

int written_decimals(double value) {
    Decimal d = to_decimal(value);
    return d.exponent < 0 ? -d.exponent : 0;
}

int written_decimals(const nlohmann::json& number) {
    if (number.is_number_float()) {
        int decimals = written_decimals(number.get<double>());
        return decimals == 0 ? 1 : decimals;
    }
    return 0;
}

std::string format_accounting(double value, int places) {
    Fixed f = to_fixed(value, clamp_places(places));
    if (f.is_zero()) return "-";
    return f.negative ? wrap('(', magnitude_text(f), ')') : magnitude_text(f);
}

std::string format_percent_accounting(double percent, int places) {
    Fixed f = to_fixed(percent, clamp_places(places));
    return f.negative && !f.is_zero() ? wrap('(', magnitude_text(f), ')') : magnitude_text(f);
}

std::string format_percent_signed(double percent, int places) {
    std::string out = format_number(percent, places);
    out += '%';
    return out;
}

bool agrees_within_rounding(double stated, int stated_decimals, double derived) {
    int places = clamp_places(stated_decimals);
    return round_half_away(derived, places) == round_half_away(stated, places);
}

std::string ordinal(long long n) {
    long long last_two = std::llabs(n) % 100;
    const char* suffix = "th";
    if (last_two < 11 || last_two > 13) {
        switch (std::llabs(n) % 10) {
            case 1: suffix = "st"; break;
            case 2: suffix = "nd"; break;
            case 3: suffix = "rd"; break;
            default: break;
        }
    }
    return std::to_string(n) + suffix;
}

}  // namespace quorum::papers
