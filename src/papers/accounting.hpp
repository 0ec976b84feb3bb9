// The council's number formats: UK accounting style for amounts in £000, percentages,
// indicator values, and the "does a stated figure agree with the derived one" test.
//
// Rounding is always half away from zero on the decimal digits of the value (2.5 -> 3,
// -2.5 -> -3, 1955.5 -> 1,956), never banker's rounding. A double is first read as its
// decimal digits rounded to 12 significant digits, so that arithmetic noise such as
// 2370.4999999999995 (from 57409.5 - 55039.0000000001) rounds as the 2370.5 it stands for.
// Council amounts never need more than 12 significant digits (£999,999,999.999 in pounds).
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace quorum::papers {

// The unit the data's amounts are written in (BUDGET.units).
enum class AmountUnits { thousands, pounds };

// "pounds" -> pounds; anything else (absent, "thousands") -> thousands.
AmountUnits amount_units(const nlohmann::json& budget);

// An amount in the data's units as £000: pounds are divided by 1000, £000 stay as they are.
double to_thousands(double amount, AmountUnits units);

// Half away from zero at `places` decimals (places may be 0): 2.5 -> 3, -0.05 @1 -> -0.1.
double round_half_away(double value, int places);

// The value with exactly `places` decimals, rounded half away from zero, thousands
// separated, with a leading '-' when negative and not zero after rounding:
// 1234.5 @1 -> "1,234.5", -0.79 @2 -> "-0.79", -0.04 @1 -> "0.0".
std::string format_number(double value, int places);

// The value with the decimals it is written with (the shortest form that reads back as
// the same double, at most 12 significant digits), thousands separated: 56.3 -> "56.3",
// 33813 -> "33,813", -0.79 -> "-0.79", 58 -> "58".
std::string format_number_as_written(double value);

// How many decimals a JSON number is written with: 4.2 -> 1, 2371 -> 0, 0.05 -> 2. A JSON
// float with no fraction (4.0) counts as 1: the writer chose to write a decimal point.
// Non-numbers -> 0.
int written_decimals(const nlohmann::json& number);
int written_decimals(double value);

// UK accounting style: thousands separators, negatives in brackets, "-" for a value that
// is zero after rounding. 2371 -> "2,371", -134 -> "(134)", 0 -> "-", -0.4 -> "-".
std::string format_accounting(double value, int places = 0);

// A percentage in accounting style, as budget tables print it (no % sign, the column
// says %): 4.2352 -> "4.2", -41.32 -> "(41.3)", 0 -> "0.0", -0.04 -> "0.0".
std::string format_percent_accounting(double percent, int places = 1);

// A signed percentage with its sign and a % sign, as the 2010/11 tables print it:
// -49.098 -> "-49.1%", 3.06 -> "3.1%", -73.35 @0 -> "-73%", -0.04 -> "0.0%".
std::string format_percent_signed(double percent, int places = 1);

// A stated figure agrees with a derived one when the derived figure, rounded (half away
// from zero) to the decimals the stated figure is printed with, equals the stated figure.
// stated 2371 agrees with 2370.6 and 2371.4, not with 2370.4; stated 4.2 agrees with 4.2352.
bool agrees_within_rounding(double stated, int stated_decimals, double derived);

// 1 -> "1st", 2 -> "2nd", 3 -> "3rd", 11 -> "11th", 12 -> "12th", 13 -> "13th", 21 -> "21st", 112 -> "112th".
std::string ordinal(long long n);

}  // namespace quorum::papers
