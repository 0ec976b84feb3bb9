// Python ints beyond int64 (see bigint.hpp).
#include "template/bigint.hpp"

#include <cmath>
#include <limits>
#include <memory>

namespace quorum::tmpl::bigint {

namespace {

// A deliberate limit Python does not have: 2 ** 100000000 would take memory and time no
// template needs. Results beyond this many bits raise instead.
constexpr std::size_t max_result_bits = 1u << 22;

bool fits_int64(const mpz_class& z) {
    static_assert(sizeof(long) == sizeof(std::int64_t));
    return mpz_fits_slong_p(z.get_mpz_t()) != 0;
}

std::int64_t to_int64(const mpz_class& z) {
    // mpz_get_si takes a long, which is 64 bits on the LP64 platforms we build for.
    static_assert(sizeof(long) == sizeof(std::int64_t));
    return static_cast<std::int64_t>(mpz_get_si(z.get_mpz_t()));
}

void check_size(const mpz_class& z) {
    if (mpz_sizeinbase(z.get_mpz_t(), 2) > max_result_bits)
        fail("integer too large (templates support integers up to " + std::to_string(max_result_bits) + " bits)");
}

// The nearest double to magnitude * 2^exponent2, ties to even; `inexact_below` says whether
// nonzero bits were already dropped below `magnitude` (a division's remainder). Infinity
// when out of range; the callers turn that into their own OverflowError message.
double round_to_double(const mpz_class& magnitude, long exponent2, bool inexact_below) {
    std::size_t bits = mpz_sizeinbase(magnitude.get_mpz_t(), 2);
    long shift = bits > 64 ? static_cast<long>(bits - 64) : 0;
    mpz_class top;
    mpz_fdiv_q_2exp(top.get_mpz_t(), magnitude.get_mpz_t(), static_cast<mp_bitcnt_t>(shift));
    bool dropped = inexact_below || (shift > 0 && mpz_scan1(magnitude.get_mpz_t(), 0) < static_cast<mp_bitcnt_t>(shift));
    auto word = static_cast<std::uint64_t>(mpz_get_ui(top.get_mpz_t()));
    // 64 bits round to 53 in the conversion below: a 1 in the lowest bit stands for every
    // dropped bit, so ties and near-ties round exactly as the full value would.
    if (dropped) word |= 1;
    return std::ldexp(static_cast<double>(word), static_cast<int>(shift + exponent2));
}

std::string op_name(BinaryOp op) {
    return op == BinaryOp::FloorDiv ? "integer division or modulo by zero" : "integer modulo by zero";
}

Value power(const mpz_class& base, const mpz_class& exponent) {
    if (exponent < 0) {  // a float, as Python's int ** negative int
        if (base == 0) fail("0.0 cannot be raised to a negative power");
        return Value(std::pow(to_double(make(base)), to_double(make(exponent))));
    }
    if (base == 0 || base == 1) return make(exponent == 0 ? mpz_class(1) : base);
    if (base == -1) return Value(std::int64_t{mpz_odd_p(exponent.get_mpz_t()) ? -1 : 1});
    std::size_t base_bits = mpz_sizeinbase(base.get_mpz_t(), 2);
    if (!mpz_fits_ulong_p(exponent.get_mpz_t()) || (base_bits - 1) * exponent.get_ui() > max_result_bits)
        check_size(mpz_class(1) << (max_result_bits + 1));  // raises the size error
    mpz_class result;
    mpz_pow_ui(result.get_mpz_t(), base.get_mpz_t(), exponent.get_ui());
    check_size(result);
    return make(result);
}

}  // namespace

Value make(const mpz_class& z) {
    if (fits_int64(z)) return Value(to_int64(z));
    return Value::big_int(std::make_shared<const BigInt>(BigInt{z}));
}

Value from_uint64(std::uint64_t u) {
    if (u <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) return Value(static_cast<std::int64_t>(u));
    static_assert(sizeof(unsigned long) == sizeof(std::uint64_t));
    return make(mpz_class(static_cast<unsigned long>(u)));
}

mpz_class to_mpz(const Value& v) {
    if (v.kind() == Value::Kind::BigInt) return v.as_big_int().z;
    static_assert(sizeof(long) == sizeof(std::int64_t));
    return mpz_class(static_cast<long>(v.as_int()));
}

std::optional<Value> from_decimal(std::string_view text) {
    std::string_view digits = text;
    if (!digits.empty() && (digits.front() == '-' || digits.front() == '+')) digits.remove_prefix(1);
    if (digits.empty() || digits.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
    mpz_class z;
    if (z.set_str(std::string(text.front() == '+' ? text.substr(1) : text), 10) != 0) return std::nullopt;
    return make(z);
}

std::string magnitude_digits(const Value& v, int base, bool upper_case) {
    mpz_class magnitude = abs(to_mpz(v));
    std::string digits = magnitude.get_str(base);
    if (upper_case)
        for (char& c : digits) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    return digits;
}

bool is_negative(const Value& v) {
    return v.kind() == Value::Kind::BigInt ? sgn(v.as_big_int().z) < 0 : v.as_int() < 0;  // no GMP for int64
}

Value arithmetic(BinaryOp op, const Value& a, const Value& b) {
    mpz_class x = to_mpz(a), y = to_mpz(b), r;
    switch (op) {
        case BinaryOp::Add: r = x + y; break;
        case BinaryOp::Sub: r = x - y; break;
        case BinaryOp::Mul:
            if (mpz_sizeinbase(x.get_mpz_t(), 2) + mpz_sizeinbase(y.get_mpz_t(), 2) > max_result_bits + 1)
                check_size(mpz_class(1) << (max_result_bits + 1));
            r = x * y;
            break;
        case BinaryOp::FloorDiv:
        case BinaryOp::Mod:
            if (y == 0) fail(op_name(op));
            if (op == BinaryOp::FloorDiv) mpz_fdiv_q(r.get_mpz_t(), x.get_mpz_t(), y.get_mpz_t());
            else mpz_fdiv_r(r.get_mpz_t(), x.get_mpz_t(), y.get_mpz_t());  // floor: the sign of y, as Python
            break;
        case BinaryOp::Pow: return power(x, y);
        default: fail("internal error: not an integer operation");
    }
    check_size(r);
    return make(r);
}

Value negate(const Value& v) { return make(-to_mpz(v)); }

double to_double(const Value& v) {
    if (v.kind() != Value::Kind::BigInt) return static_cast<double>(v.as_int());
    const mpz_class& z = v.as_big_int().z;
    double d = round_to_double(abs(z), 0, false);
    if (std::isinf(d)) fail("int too large to convert to float");
    return sgn(z) < 0 ? -d : d;
}

double true_divide(const Value& a, const Value& b) {
    mpz_class x = to_mpz(a), y = to_mpz(b);
    if (y == 0) fail("division by zero");
    bool negative = (sgn(x) < 0) != (sgn(y) < 0);
    x = abs(x);
    y = abs(y);
    // Scale so the quotient has at least 66 bits: 53 kept, the rest and the remainder round.
    long scale = 66 - (static_cast<long>(mpz_sizeinbase(x.get_mpz_t(), 2)) - static_cast<long>(mpz_sizeinbase(y.get_mpz_t(), 2)));
    if (scale > 0) x <<= static_cast<mp_bitcnt_t>(scale);
    else y <<= static_cast<mp_bitcnt_t>(-scale);
    mpz_class q, r;
    mpz_fdiv_qr(q.get_mpz_t(), r.get_mpz_t(), x.get_mpz_t(), y.get_mpz_t());
    double d = round_to_double(q, -scale, r != 0);
    if (std::isinf(d)) fail("integer division result too large for a float");
    return negative ? -d : d;  // 0 / -5 is -0.0 in Python too
}

int compare(const Value& a, const Value& b) {
    int c = cmp(to_mpz(a), to_mpz(b));
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

int compare_with_double(const Value& a, double d) {
    if (std::isinf(d)) return d > 0 ? -1 : 1;
    int c = mpz_cmp_d(to_mpz(a).get_mpz_t(), d);  // exact, as Python compares int with float
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

}  // namespace quorum::tmpl::bigint
