// Jinja2 3.1's built-in tests (jinja2/tests.py), including the aliases (==, lessthan, ...).
//
// StrictUndefined subtleties kept: tests that only look at the type (none, string, number,
// sequence, mapping, boolean, true, false, integer, float, escaped, sameas) answer False for
// an undefined value, `callable` answers True (Undefined defines __call__), and the rest
// raise the undefined error, as Jinja2 does.
#include "template/builtins.hpp"
#include "template/pystr.hpp"

namespace quorum::tmpl {

namespace {

[[noreturn]] void fail(std::string message) { throw TemplateError{std::move(message)}; }

void require_defined(const Value& v) {
    if (v.is_undefined()) fail(v.undefined_hint());
}

const Value& one_arg(const Arguments& args, const char* function, const char* name) {
    Bound b(args, function, {name}, 1);
    return *b.get(0);
}

void no_args(const Arguments& args, const char* function) { Bound(args, function, {}); }

bool t_defined(const FilterEnv&, const Value& v, const Arguments& a) { no_args(a, "test_defined"); return !v.is_undefined(); }
bool t_undefined(const FilterEnv&, const Value& v, const Arguments& a) { no_args(a, "test_undefined"); return v.is_undefined(); }
bool t_none(const FilterEnv&, const Value& v, const Arguments& a) { no_args(a, "test_none"); return v.is_none(); }
bool t_boolean(const FilterEnv&, const Value& v, const Arguments& a) { no_args(a, "test_boolean"); return v.is_bool(); }
bool t_false(const FilterEnv&, const Value& v, const Arguments& a) { no_args(a, "test_false"); return v.is_bool() && !v.as_bool(); }
bool t_true(const FilterEnv&, const Value& v, const Arguments& a) { no_args(a, "test_true"); return v.is_bool() && v.as_bool(); }
bool t_integer(const FilterEnv&, const Value& v, const Arguments& a) { no_args(a, "test_integer"); return v.is_int() || v.is_big_int(); }
bool t_float(const FilterEnv&, const Value& v, const Arguments& a) { no_args(a, "test_float"); return v.is_float(); }
bool t_number(const FilterEnv&, const Value& v, const Arguments& a) { no_args(a, "test_number"); return v.is_number(); }
bool t_string(const FilterEnv&, const Value& v, const Arguments& a) { no_args(a, "test_string"); return v.is_string(); }
bool t_mapping(const FilterEnv&, const Value& v, const Arguments& a) { no_args(a, "test_mapping"); return v.is_dict(); }
bool t_escaped(const FilterEnv&, const Value& v, const Arguments& a) { no_args(a, "test_escaped"); return v.is_markup(); }

bool t_sequence(const FilterEnv&, const Value& v, const Arguments& a) {
    no_args(a, "test_sequence");
    return v.is_string() || (v.is_sequence() && !v.view_type()) || v.is_dict() || as_range(v);
}

bool t_iterable(const FilterEnv&, const Value& v, const Arguments& a) {
    no_args(a, "test_iterable");
    require_defined(v);
    return v.is_string() || v.is_sequence() || v.is_dict() || as_iterator(v) || as_range(v) ||
           (v.is_object() && v.as_object().type_name() == "LoopContext");
}

bool t_callable(const FilterEnv&, const Value& v, const Arguments& a) {
    no_args(a, "callable");
    return v.is_undefined() || v.is_callable() || (v.is_object() && v.as_object().type_name() == "LoopContext");
}

bool is_one(const Value& v) { return equals(v, Value(std::int64_t{1})); }

bool t_odd(const FilterEnv&, const Value& v, const Arguments& a) {
    no_args(a, "test_odd");
    return is_one(binary_op(BinaryOp::Mod, v, Value(std::int64_t{2})));
}

bool t_even(const FilterEnv&, const Value& v, const Arguments& a) {
    no_args(a, "test_even");
    return equals(binary_op(BinaryOp::Mod, v, Value(std::int64_t{2})), Value(std::int64_t{0}));
}

bool t_divisibleby(const FilterEnv&, const Value& v, const Arguments& a) {
    const Value& num = one_arg(a, "test_divisibleby", "num");
    return equals(binary_op(BinaryOp::Mod, v, num), Value(std::int64_t{0}));
}

bool t_lower(const FilterEnv&, const Value& v, const Arguments& a) { no_args(a, "test_lower"); return py::islower(to_str(v)); }
bool t_upper(const FilterEnv&, const Value& v, const Arguments& a) { no_args(a, "test_upper"); return py::isupper(to_str(v)); }

bool t_in(const FilterEnv&, const Value& v, const Arguments& a) { return contains(one_arg(a, "test_in", "seq"), v); }

// `is` on our values: None/True/False and CPython's cached small ints are singletons;
// strings and containers are the same object when they share storage.
bool t_sameas(const FilterEnv&, const Value& v, const Arguments& a) {
    const Value& other = one_arg(a, "test_sameas", "other");
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

bool t_eq(const FilterEnv&, const Value& v, const Arguments& a) { return equals(v, one_arg(a, "eq", "b")); }
bool t_ne(const FilterEnv&, const Value& v, const Arguments& a) { return !equals(v, one_arg(a, "ne", "b")); }
bool t_lt(const FilterEnv&, const Value& v, const Arguments& a) { return compare(v, one_arg(a, "lt", "b"), "<") < 0; }
bool t_le(const FilterEnv&, const Value& v, const Arguments& a) { return compare(v, one_arg(a, "le", "b"), "<=") <= 0; }
bool t_gt(const FilterEnv&, const Value& v, const Arguments& a) { return compare(v, one_arg(a, "gt", "b"), ">") > 0; }
bool t_ge(const FilterEnv&, const Value& v, const Arguments& a) { return compare(v, one_arg(a, "ge", "b"), ">=") >= 0; }

bool t_filter(const FilterEnv& env, const Value& v, const Arguments& a) {
    no_args(a, "test_filter");
    std::string name = to_str(v);
    if (env.library) return env.library->filter(name) != nullptr;
    return builtin_filter(name) != nullptr;
}

bool t_test(const FilterEnv& env, const Value& v, const Arguments& a) {
    no_args(a, "test_test");
    std::string name = to_str(v);
    if (env.library) return env.library->test(name) != nullptr;
    return builtin_test(name) != nullptr;
}

}  // namespace

const std::map<std::string, PureTest, std::less<>>& builtin_test_table() {
    static const std::map<std::string, PureTest, std::less<>> table = {
        {"odd", t_odd},         {"even", t_even},       {"divisibleby", t_divisibleby}, {"defined", t_defined},
        {"undefined", t_undefined}, {"filter", t_filter}, {"test", t_test},           {"none", t_none},
        {"boolean", t_boolean}, {"false", t_false},     {"true", t_true},               {"integer", t_integer},
        {"float", t_float},     {"number", t_number},   {"string", t_string},           {"mapping", t_mapping},
        {"sequence", t_sequence}, {"iterable", t_iterable}, {"callable", t_callable},   {"sameas", t_sameas},
        {"escaped", t_escaped}, {"in", t_in},           {"lower", t_lower},             {"upper", t_upper},
        {"eq", t_eq},           {"equalto", t_eq},      {"==", t_eq},                   {"ne", t_ne},
        {"!=", t_ne},           {"lt", t_lt},           {"lessthan", t_lt},             {"<", t_lt},
        {"le", t_le},           {"<=", t_le},           {"gt", t_gt},                   {"greaterthan", t_gt},
        {">", t_gt},            {"ge", t_ge},           {">=", t_ge},
    };
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

void register_builtin_tests(Library& lib) {
    for (const auto& [name, fn] : builtin_test_table()) {
        PureTest pure = fn;
        lib.add_test(name, [pure](CallContext& ctx, const Value& input, const Arguments& args) {
            FilterEnv env{ctx.autoescape, &ctx.library, &ctx};
            return pure(env, input, args);
        });
    }
}

}  // namespace quorum::tmpl
