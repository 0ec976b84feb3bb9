// Tables of filters, tests and globals. The environment owns one Library; the
// built-in sets are registered by the functions below, and later stages (the
// council's domain) register their own the same way.
#pragma once

#include "template/value.hpp"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace quorum::tmpl {

// What a filter or test may need from the running template.
struct CallContext {
    Interpreter& interp;
    bool autoescape;           // the template's autoescape setting (escape, join, xmlattr, ...)
    const class Library& library;  // map('upper') and select('odd') look filters/tests up by name
};

// `args` is lent for the call only (the interpreter reuses argument lists): a filter or test
// that keeps arguments past its return, as a lazy filter's generator does, must copy them.
using FilterFn = std::function<Value(CallContext&, const Value& input, const Arguments& args)>;
using TestFn = std::function<bool(CallContext&, const Value& input, const Arguments& args)>;
// A builtin filter's printed form: given a plain str input (not Markup) and the filter's
// arguments, sets `text` to the text of the filter's result, itself a plain str, so a print
// writes it without making a Value; raises as the filter would. False, having done nothing,
// when the filter itself must run.
using DirectTextFn = bool (*)(const Value& input, const Arguments& args, std::string& text);

// A builtin test with its arguments bound once, to test values without binding them per
// value or calling through TestFn: select/reject over a list, and `x is none` with literal
// arguments. Points into the Arguments it was bound from.
class BoundTest {
public:
    using Check = bool (*)(const Value& value, const Value* argument);
    BoundTest(Check check, const Value* argument) : check_(check), argument_(argument) {}
    bool operator()(const Value& v) const { return check_(v, argument_); }

private:
    Check check_;
    const Value* argument_;
};

class Library {
public:
    void add_filter(std::string name, FilterFn fn) { filters_[std::move(name)] = std::move(fn); }
    void add_test(std::string name, TestFn fn) { tests_[std::move(name)] = std::move(fn); }
    void add_global(std::string name, Value v) { globals_[std::move(name)] = std::move(v); }

    const FilterFn* filter(std::string_view name) const { return find(filters_, name); }
    const TestFn* test(std::string_view name) const { return find(tests_, name); }
    const Value* global(std::string_view name) const { return find(globals_, name); }
    const std::map<std::string, Value, std::less<>>& globals() const { return globals_; }

private:
    template <class Map>
    static auto find(const Map& m, std::string_view name) -> const typename Map::mapped_type* {
        auto it = m.find(name);
        return it == m.end() ? nullptr : &it->second;
    }
    std::map<std::string, FilterFn, std::less<>> filters_;
    std::map<std::string, TestFn, std::less<>> tests_;
    std::map<std::string, Value, std::less<>> globals_;
};

void register_builtin_filters(Library& lib);   // filters.cpp: Jinja2's filters
void register_builtin_tests(Library& lib);     // tests.cpp: Jinja2's tests
void register_builtin_globals(Library& lib);   // globals.cpp: range, dict, namespace
void register_council_filters(Library& lib);   // council_filters.cpp: money, percent, number, date, ordinal
// filters.cpp: the printed form of the builtin behind `fn` (lower, upper, capitalize, title,
// format, wordwrap), or nullptr; a filter registered under a builtin's name is not the builtin.
DirectTextFn direct_text_of(const FilterFn& fn);
bool is_builtin_escape(const FilterFn& fn);  // filters.cpp: the builtin e/escape, not a filter registered as it
// tests.cpp: the builtin behind `fn` with `args` bound, or nullopt: `fn` is not a builtin (a test
// registered under a builtin's name is not), needs the environment, or `args` are wrong for it
// (calling it then raises as Jinja2 does).
std::optional<BoundTest> bound_builtin_test(const TestFn& fn, const Arguments& args);

// Methods on values ('a b'.split(), d.items(), xs.index(3)): returns a bound method,
// or nullopt when the type has no such method (the interpreter then looks for an item/attribute).
std::optional<Value> method_of(const Value& self, std::string_view name);
// method_of for a string literal's method, bound once when the template loads: a literal
// "{:,}".format also parses its format then, not on every call.
std::optional<Value> literal_method_of(const Value& literal, std::string_view name);
bool is_dict_method_name(std::string_view name);  // items, keys, values, get

}  // namespace quorum::tmpl
