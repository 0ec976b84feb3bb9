// Python's unbounded int beyond 64 bits, backed by GMP.
//
// Integers are int64 (Value::Kind::Int) on the common path; an operation whose exact
// result does not fit promotes to Value::Kind::BigInt, and a big result that fits again
// is demoted, so a BigInt is always outside int64's range. Only value.cpp's slow paths,
// the JSON loader, the lexer and a few builtins reach this header; the int64 fast paths
// never touch GMP.
#pragma once

#include "template/value.hpp"

#include <gmpxx.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace quorum::tmpl {

// The heap part of a Kind::BigInt value (immutable once built, shared between copies).
struct BigInt {
    mpz_class z;
};

namespace bigint {

// An integer Value for z: Int when it fits int64, else BigInt.
Value make(const mpz_class& z);
// A JSON unsigned integer: Int (no GMP) when it fits int64, else BigInt.
Value from_uint64(std::uint64_t u);
// Int, Bool or BigInt as an mpz (precondition: integral).
mpz_class to_mpz(const Value& v);
// Optional sign then decimal digits, as in JSON and template literals; nullopt otherwise.
std::optional<Value> from_decimal(std::string_view text);

// Digits of |v| in `base` (2..36), and the sign: for printing and str.format.
std::string magnitude_digits(const Value& v, int base, bool upper_case = false);
bool is_negative(const Value& v);

// Python's int arithmetic on integral operands for + - * // % ** (not /): exact.
// Raises TemplateError with Python's wording for division by zero.
Value arithmetic(BinaryOp op, const Value& a, const Value& b);
Value negate(const Value& v);

// float(int) and int / int, correctly rounded as Python's; OverflowError's wording when the
// result is beyond the largest float.
double to_double(const Value& v);
double true_divide(const Value& a, const Value& b);

// Exact comparisons (-1, 0, 1): integral with integral, integral with a non-NaN float.
int compare(const Value& a, const Value& b);
int compare_with_double(const Value& a, double d);

}  // namespace bigint
}  // namespace quorum::tmpl
