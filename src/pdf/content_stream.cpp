#include "pdf/content_stream.hpp"

#include <cmath>

namespace quorum::pdf {

namespace {

constexpr std::int64_t powers_of_ten[] = {1, 10, 100, 1000, 10000};

void append_unsigned(std::string& out, std::uint64_t value) {
    char digits[24];
    int count = 0;
    do {
        digits[count++] = static_cast<char>('0' + value % 10);
        value /= 10;
    } while (value);
    while (count) out.push_back(digits[--count]);
}

}  // namespace

ContentStream& ContentStream::number(double value, int decimals) {
    if (!(std::fabs(value) < 1e15)) value = 0;  // NaN, infinities and absurd sizes draw at 0
    const std::int64_t scale = powers_of_ten[decimals < 0 ? 0 : decimals > 4 ? 4 : decimals];
    // Round half away from zero without a libm call (this runs several times per word);
    // coordinates are far inside int64 range once scaled.
    const double scaled_value = value * static_cast<double>(scale);
    std::int64_t scaled = static_cast<std::int64_t>(scaled_value + (scaled_value < 0 ? -0.5 : 0.5));
    if (scaled < 0) {
        bytes_.push_back('-');
        scaled = -scaled;
    }
    append_unsigned(bytes_, static_cast<std::uint64_t>(scaled / scale));
    std::int64_t fraction = scaled % scale;
    if (fraction == 0) return *this;
    bytes_.push_back('.');
    for (std::int64_t digit = scale / 10; digit > 0 && fraction > 0; digit /= 10) {
        bytes_.push_back(static_cast<char>('0' + fraction / digit));
        fraction %= digit;
    }
    return *this;
}

ContentStream& ContentStream::rgb(std::uint8_t r, std::uint8_t g, std::uint8_t b, std::string_view op_name) {
    number(r / 255.0, 3).space().number(g / 255.0, 3).space().number(b / 255.0, 3).space();
    return op(op_name);
}

// PDF 32000-1 §7.3.4.2: in a literal string, unbalanced parentheses and backslashes must
// be escaped, and a bare CR or LF would be read back as LF, so those are escaped too.
void ContentStream::byte(std::uint8_t value) {
    if (value > ')' && value != '\\') {  // the common case: nothing to escape
        bytes_.push_back(static_cast<char>(value));
        return;
    }
    switch (value) {
        case '(': bytes_.append("\\("); break;
        case ')': bytes_.append("\\)"); break;
        case '\\': bytes_.append("\\\\"); break;
        case '\r': bytes_.append("\\r"); break;
        case '\n': bytes_.append("\\n"); break;
        default: bytes_.push_back(static_cast<char>(value));
    }
}

}  // namespace quorum::pdf
