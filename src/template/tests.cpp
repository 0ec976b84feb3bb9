// Jinja2 3.1's built-in tests (jinja2/tests.py), including the aliases (==, lessthan, ...).
//
// StrictUndefined subtleties kept: tests that only look at the type (none, string, number,
// sequence, mapping, boolean, true, false, integer, float, escaped, sameas) answer False for
// an undefined value, `callable` answers True (Undefined defines __call__), and the rest
// raise the undefined error, as Jinja2 does.
#include "template/builtins.hpp"
#include "template/pystr.hpp"

#include <algorithm>

namespace quorum::tmpl {

namespace {

// A test whose answer depends on the value and at most one argument: select/reject bind the
// argument once for a whole sequence (bind_test) instead of once per item.
struct SimpleTest {
    std::string_view function;   // Python's name for it, in argument errors
    std::string_view parameter;  // its one parameter; empty when it takes none
    bool (*check)(const Value& value, const Value* argument);
    bool in_operator_module = false;  // operator.eq and friends: C functions, with their own argument errors
};

// The argument errors of operator.eq(a, b) and its siblings, which take no keywords.
[[noreturn]] void fail_operator_arguments(const SimpleTest& test, const Arguments& args) {
    if (!args.keyword.empty()) fail("_operator." + std::string(test.function) + "() takes no keyword arguments");
    fail(std::string(test.function) + " expected 2 arguments, got " + std::to_string(args.positional.size() + 1));
}

// The test's argument (nullptr for one without), raising Python's TypeError for wrong arguments.
const Value* bind_argument(const SimpleTest& test, const Arguments& args) {
    // The usual calls, as Bound would bind them, without its general machinery (this runs per test).
    if (args.keyword.empty() && args.positional.size() == (test.parameter.empty() ? 0 : 1))
        return args.positional.empty() ? nullptr : &args.positional[0];
    if (test.in_operator_module) fail_operator_arguments(test, args);
    if (test.parameter.empty()) {
        Bound(args, test.function, {});
        return nullptr;
    }
    Bound b(args, test.function, {test.parameter}, 1);
    return b.get(0);
}

template <const SimpleTest& Test>
bool run_simple(const FilterEnv&, const Value& v, const Arguments& args) {
    return Test.check(v, bind_argument(Test, args));
}

bool is_one(const Value& v) { return equals(v, Value(std::int64_t{1})); }
bool is_zero(const Value& v) { return equals(v, Value(std::int64_t{0})); }

// `is` on our values: None/True/False and CPython's cached small ints are singletons;
// strings and containers are the same object when they share storage.
bool same_as(const Value& v, const Value& other) {
    if (v.kind() != other.kind()) return false;
    switch (v.kind()) {
        case Value::Kind::None: return true;
        case Value::Kind::Bool: return v.as_bool() == other.as_bool();
        case Value::Kind::Int: return v.as_int() == other.as_int() && v.as_int() >= -5 && v.as_int() <= 256;
        case Value::Kind::Undefined:
        case Value::Kind::Float: return false;
        default: return v.same_object(other);
    }
}

// equals(a, b), with str == str (what select/reject usually test) compared without the call.
bool equal_values(const Value& a, const Value& b) {
    if (a.is_string() && b.is_string()) return a.as_string() == b.as_string();
    return equals(a, b);
}

// `value in seq`, a list or tuple searched with equal_values.
bool is_in(const Value& value, const Value& seq) {
    if (!seq.is_sequence()) return contains(seq, value);
    const List& items = seq.as_list();
    return std::any_of(items.begin(), items.end(), [&](const Value& item) { return equal_values(item, value); });
}

using Arg = const Value*;  // the bound argument: non-null for the tests with a parameter

constexpr SimpleTest defined_test{"test_defined", "", [](const Value& v, Arg) { return !v.is_undefined(); }};
constexpr SimpleTest undefined_test{"test_undefined", "", [](const Value& v, Arg) { return v.is_undefined(); }};
constexpr SimpleTest none_test{"test_none", "", [](const Value& v, Arg) { return v.is_none(); }};
constexpr SimpleTest boolean_test{"test_boolean", "", [](const Value& v, Arg) { return v.is_bool(); }};
constexpr SimpleTest false_test{"test_false", "", [](const Value& v, Arg) { return v.is_bool() && !v.as_bool(); }};
constexpr SimpleTest true_test{"test_true", "", [](const Value& v, Arg) { return v.is_bool() && v.as_bool(); }};
constexpr SimpleTest integer_test{"test_integer", "", [](const Value& v, Arg) { return v.is_int() || v.is_big_int(); }};
constexpr SimpleTest float_test{"test_float", "", [](const Value& v, Arg) { return v.is_float(); }};
constexpr SimpleTest number_test{"test_number", "", [](const Value& v, Arg) { return v.is_number(); }};
constexpr SimpleTest string_test{"test_string", "", [](const Value& v, Arg) { return v.is_string(); }};
constexpr SimpleTest mapping_test{"test_mapping", "", [](const Value& v, Arg) { return v.is_dict(); }};
constexpr SimpleTest escaped_test{"test_escaped", "", [](const Value& v, Arg) { return v.is_markup(); }};

constexpr SimpleTest sequence_test{"test_sequence", "", [](const Value& v, Arg) {
    return v.is_string() || (v.is_sequence() && !v.view_type()) || v.is_dict() || as_range(v);
}};

constexpr SimpleTest iterable_test{"test_iterable", "", [](const Value& v, Arg) {
    require_defined(v);
    return v.is_string() || v.is_sequence() || v.is_dict() || as_iterator(v) || as_range(v) ||
           (v.is_object() && v.as_object().type_name() == "LoopContext");
}};

constexpr SimpleTest callable_test{"callable", "", [](const Value& v, Arg) {
    return v.is_undefined() || v.is_callable() || (v.is_object() && v.as_object().type_name() == "LoopContext");
}};

// value % 2 == 1 / == 0 as Python computes them; an int (loop.index, the usual case) directly:
// C++'s remainder differs from Python's only in sign, which is not zero either way.
constexpr SimpleTest odd_test{"test_odd", "", [](const Value& v, Arg) {
    if (v.is_int()) return v.as_int() % 2 != 0;
    return is_one(binary_op(BinaryOp::Mod, v, Value(std::int64_t{2})));
}};
constexpr SimpleTest even_test{"test_even", "", [](const Value& v, Arg) {
    if (v.is_int()) return v.as_int() % 2 == 0;
    return is_zero(binary_op(BinaryOp::Mod, v, Value(std::int64_t{2})));
}};
constexpr SimpleTest divisibleby_test{"test_divisibleby", "num", [](const Value& v, Arg num) {
    return is_zero(binary_op(BinaryOp::Mod, v, *num));
}};

constexpr SimpleTest lower_test{"test_lower", "", [](const Value& v, Arg) { return py::islower(to_str(v)); }};
constexpr SimpleTest upper_test{"test_upper", "", [](const Value& v, Arg) { return py::isupper(to_str(v)); }};
constexpr SimpleTest in_test{"test_in", "seq", [](const Value& v, Arg seq) { return is_in(v, *seq); }};
constexpr SimpleTest sameas_test{"test_sameas", "other", [](const Value& v, Arg other) { return same_as(v, *other); }};

constexpr SimpleTest eq_test{"eq", "b", [](const Value& v, Arg b) { return equal_values(v, *b); }, true};
constexpr SimpleTest ne_test{"ne", "b", [](const Value& v, Arg b) { return !equal_values(v, *b); }, true};
constexpr SimpleTest lt_test{"lt", "b", [](const Value& v, Arg b) { return compare(v, *b, "<") < 0; }, true};
constexpr SimpleTest le_test{"le", "b", [](const Value& v, Arg b) { return compare(v, *b, "<=") <= 0; }, true};
constexpr SimpleTest gt_test{"gt", "b", [](const Value& v, Arg b) { return compare(v, *b, ">") > 0; }, true};
constexpr SimpleTest ge_test{"ge", "b", [](const Value& v, Arg b) { return compare(v, *b, ">=") >= 0; }, true};

bool t_filter(const FilterEnv& env, const Value& v, const Arguments& a) {
    Bound(a, "test_filter", {});
    std::string name = to_str(v);
    if (env.library) return env.library->filter(name) != nullptr;
    return builtin_filter(name) != nullptr;
}

bool t_test(const FilterEnv& env, const Value& v, const Arguments& a) {
    Bound(a, "test_test", {});
    std::string name = to_str(v);
    if (env.library) return env.library->test(name) != nullptr;
    return builtin_test(name) != nullptr;
}

// Every builtin test by name, with its SimpleTest when it is one.
struct TestEntry {
    std::string_view name;
    PureTest test;
    const SimpleTest* simple;
};

template <const SimpleTest& Test>
constexpr TestEntry simple(std::string_view name) {
    return {name, run_simple<Test>, &Test};
}

constexpr TestEntry test_entries[] = {
    simple<odd_test>("odd"), simple<even_test>("even"), simple<divisibleby_test>("divisibleby"),
    simple<defined_test>("defined"), simple<undefined_test>("undefined"), {"filter", t_filter, nullptr},
    {"test", t_test, nullptr}, simple<none_test>("none"), simple<boolean_test>("boolean"),
    simple<false_test>("false"), simple<true_test>("true"), simple<integer_test>("integer"),
    simple<float_test>("float"), simple<number_test>("number"), simple<string_test>("string"),
    simple<mapping_test>("mapping"), simple<sequence_test>("sequence"), simple<iterable_test>("iterable"),
    simple<callable_test>("callable"), simple<sameas_test>("sameas"), simple<escaped_test>("escaped"),
    simple<in_test>("in"), simple<lower_test>("lower"), simple<upper_test>("upper"),
    simple<eq_test>("eq"), simple<eq_test>("equalto"), simple<eq_test>("=="),
    simple<ne_test>("ne"), simple<ne_test>("!="), simple<lt_test>("lt"),
    simple<lt_test>("lessthan"), simple<lt_test>("<"), simple<le_test>("le"),
    simple<le_test>("<="), simple<gt_test>("gt"), simple<gt_test>("greaterthan"),
    simple<gt_test>(">"), simple<ge_test>("ge"), simple<ge_test>(">="),
};

}  // namespace

const std::map<std::string, PureTest, std::less<>>& builtin_test_table() {
    static const std::map<std::string, PureTest, std::less<>> table = [] {
        std::map<std::string, PureTest, std::less<>> by_name;
        for (const auto& entry : test_entries) by_name.emplace(entry.name, entry.test);
        return by_name;
    }();
    return table;
}

PureTest builtin_test(std::string_view name) {
    const auto& table = builtin_test_table();
    auto it = table.find(name);
    return it == table.end() ? nullptr : it->second;
}

bool FilterEnv::call_test(std::string_view name, const Value& input, const Arguments& args) const {
    if (call && library) {
        if (const TestFn* fn = library->test(name)) return (*fn)(*call, input, args);
        fail("No test named " + py::repr_string(name) + ".");
    }
    if (PureTest fn = builtin_test(name)) return fn(*this, input, args);
    fail("No test named " + py::repr_string(name) + ".");
}

bool BuiltinTestCall::operator()(CallContext& ctx, const Value& input, const Arguments& args) const {
    FilterEnv env{ctx.autoescape, &ctx.library, &ctx};
    return test(env, input, args);
}

std::optional<BoundTest> bind_test(PureTest test, const Arguments& args) {
    auto entry = std::find_if(std::begin(test_entries), std::end(test_entries),
                              [&](const TestEntry& e) { return e.test == test; });
    if (entry == std::end(test_entries) || !entry->simple) return std::nullopt;
    try {
        return BoundTest(entry->simple->check, bind_argument(*entry->simple, args));
    } catch (const TemplateError&) {
        return std::nullopt;  // wrong arguments raise when a value is tested, if one ever is
    }
}

std::optional<BoundTest> bound_builtin_test(const TestFn& fn, const Arguments& args) {
    const auto* builtin = fn.target<BuiltinTestCall>();
    return builtin ? bind_test(builtin->test, args) : std::nullopt;
}

void register_builtin_tests(Library& lib) {
    for (const auto& [name, fn] : builtin_test_table()) lib.add_test(name, BuiltinTestCall{fn});
}

}  // namespace quorum::tmpl
