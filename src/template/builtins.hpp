// Internals shared by the built-in filters, tests, globals and methods.
//
// Every builtin is written as a plain function over a FilterEnv, so it can be called
// (and unit-tested) without a running template; register_builtin_* wrap them as the
// Library's FilterFn/TestFn, which build the FilterEnv from the CallContext.
#pragma once

#include "template/library.hpp"
#include "template/pystr.hpp"
#include "template/value.hpp"

#include <array>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quorum::tmpl {

// What a builtin may use of the running template. `call` is set when a template runs;
// without it (unit tests), filters and tests named at runtime (map('upper'),
// select('odd')) are looked up in the builtin tables instead of the Library.
struct FilterEnv {
    bool autoescape = false;
    const Library* library = nullptr;
    CallContext* call = nullptr;

    Value call_filter(std::string_view name, const Value& input, const Arguments& args) const;
    bool call_test(std::string_view name, const Value& input, const Arguments& args) const;
};

using PureFilter = Value (*)(const FilterEnv&, const Value& input, const Arguments& args);
using PureTest = bool (*)(const FilterEnv&, const Value& input, const Arguments& args);

// Builtin filters (Jinja2's and the council's) and tests by name, e.g. for unit tests:
//   builtin_filter("truncate")(env, Value("..."), args)
PureFilter builtin_filter(std::string_view name);  // nullptr when unknown
PureTest builtin_test(std::string_view name);
const std::map<std::string, PureFilter, std::less<>>& builtin_filter_table();
const std::map<std::string, PureFilter, std::less<>>& council_filter_table();
const std::map<std::string, PureTest, std::less<>>& builtin_test_table();

// The Library's entry for a builtin filter (register_builtin_filters): an undefined input
// raises unless the filter is lenient (default, select ...).
struct BuiltinFilterCall {
    PureFilter filter;
    bool lenient;
    Value operator()(CallContext& ctx, const Value& input, const Arguments& args) const;
};

// The Library's entry for a builtin test (register_builtin_tests): select/reject find the
// builtin behind a TestFn through TestFn::target<BuiltinTestCall>().
struct BuiltinTestCall {
    PureTest test;
    bool operator()(CallContext& ctx, const Value& input, const Arguments& args) const;
};

// (BoundTest, a builtin test with its arguments bound once, is in library.hpp.)
// nullopt when `test` is not a builtin whose arguments bind ahead (filter and test look at the
// environment), or when `args` are wrong for it: calling it per value then raises as Python does.
std::optional<BoundTest> bind_test(PureTest test, const Arguments& args);

// Python-style argument binding: `Bound b(args, "do_truncate", {"length", "killwords", "end",
// "leeway"})` maps positional and keyword arguments onto the named parameters, raising
// Python's TypeError wording for too many / duplicate / unknown / missing arguments.
// `counted_before` is how many leading parameters Python's message would count (the filter's
// input is 1) so "takes from 1 to 5 positional arguments" matches CPython.
class Bound {
public:
    Bound(const Arguments& args, std::string_view function, std::initializer_list<std::string_view> names,
          std::size_t required = 0, std::size_t counted_before = 1) {
        // A call without arguments to a function requiring none (most filter calls) binds nothing.
        if (!args.positional.empty() || !args.keyword.empty() || required != 0 || names.size() > max_parameters)
            bind(args, function, names, required, counted_before);
    }
    const Value* get(std::size_t i) const { return values_[i]; }  // nullptr when not passed
    bool has(std::size_t i) const { return values_[i] != nullptr; }
    Value get_or(std::size_t i, Value fallback) const { return values_[i] ? *values_[i] : std::move(fallback); }
    // Typed accessors: nullopt/default when absent; TypeError wording for wrong types.
    std::int64_t int_or(std::size_t i, std::int64_t fallback) const;
    bool bool_or(std::size_t i, bool fallback) const;  // Python truthiness of the argument
    std::string str_or(std::size_t i, std::string fallback) const;

    static constexpr std::size_t max_parameters = 8;

private:
    void bind(const Arguments& args, std::string_view function, std::initializer_list<std::string_view> names,
              std::size_t required, std::size_t counted_before);
    std::array<const Value*, max_parameters> values_{};  // no allocation: this runs per filter call
};

// A Python generator or iterator, as map/select/reject/selectattr/rejectattr/unique/batch/
// slice/items (generators) and reverse of a sequence (a reverse iterator) return. Jinja2's
// observable behaviour follows: always true in an `if`, not a sequence (no len(), no [i]),
// iterable once and lazily - items are made as they are asked for, so a loop nested in a
// loop over the same generator continues where the outer one stopped, and an error in the
// items surfaces only when iteration reaches it - and printed as
// "<generator object NAME at 0x...>" (Python shows a memory address; ours is fixed).
class Iterator : public Object {
public:
    // Produces the next item, or nullopt at the end; not called again after that.
    using Source = std::function<std::optional<Value>()>;
    // A generator's body runs at its first next(), not when the filter is called: `Start`
    // runs then (checking its input, raising its errors) and returns the items' Source.
    using Start = std::function<Source()>;

    Iterator(std::string python_type, std::string function, Start start)
        : python_type_(std::move(python_type)), function_(std::move(function)), start_(std::move(start)) {}
    std::optional<Value> attribute(std::string_view) const override { return std::nullopt; }
    std::string type_name() const override { return python_type_; }
    std::string repr() const override;
    List take();                  // the remaining items; the iterator is exhausted afterwards
    std::optional<Value> next();  // the next item, if any (next(iter(gen)))
    // Where the filter that made this generator was called. Its body runs later, wherever it
    // is iterated; an error it raises names this place too (TemplateError::filter_at).
    void set_origin(SourceLocation where) { origin_ = std::move(where); }

private:
    std::string python_type_, function_;
    std::optional<SourceLocation> origin_;
    Start start_;
    Source source_;
    bool finished_ = false;  // after the end or an error, as a Python generator
};
Value make_generator(std::string function, Iterator::Start start);
Value make_iterator(std::string python_type, List items);  // e.g. list_reverseiterator

// Python's iter(v), one item at a time: list/tuple items, dict keys, string characters,
// range numbers; a generator's own next() (so both share its position). Raises as
// iterate() for what is not iterable.
Iterator::Source items_of(const Value& v);
Iterator::Source items_in(List items);

// Python's range object, as range() returns it: a lazy sequence of ints that prints as
// "range(0, 3)", has a length and items, and is re-iterable.
class Range : public Object {
public:
    Range(std::int64_t start, std::int64_t stop, std::int64_t step, std::size_t size)
        : start_(start), stop_(stop), step_(step), size_(size) {}
    std::optional<Value> attribute(std::string_view name) const override;  // start, stop, step
    std::string type_name() const override { return "range"; }
    std::string repr() const override;
    std::size_t size() const { return size_; }
    std::int64_t at(std::size_t i) const { return start_ + static_cast<std::int64_t>(i) * step_; }
    List items() const;

private:
    std::int64_t start_, stop_, step_;
    std::size_t size_;
};
const Range* as_range(const Value& v);  // nullptr unless v is one
Iterator* as_iterator(const Value& v);  // nullptr unless v is one

// Python's operator.index(v), as range(), slicing counts and index arguments take an int: an
// int or bool; raises for an undefined value, a BigInt (too large for an index) and the rest.
std::int64_t index_value(const Value& v);

// Filters written as (named) tuples with attributes, e.g. groupby's (grouper, list).
Value make_group_tuple(Value grouper, List items);

// A Callable backed by a std::function that does not need the interpreter (bound methods,
// range(), dict(), namespace()). `repr` is how it prints.
class NativeCallable : public Callable {
public:
    using Fn = std::function<Value(const Arguments&)>;
    NativeCallable(std::string repr, Fn fn) : repr_(std::move(repr)), fn_(std::move(fn)) {}
    Value call(Interpreter&, Arguments args) const override { return fn_(args); }
    Value invoke(const Arguments& args) const { return fn_(args); }  // without an interpreter
    std::string name() const override { return repr_; }

private:
    std::string repr_;
    Fn fn_;
};

// A method bound to its value, as method_of returns it: 'a,b'.split, d.items. Made per
// attribute access, so its repr ("<built-in method split of str object>") is made only when shown.
class BoundMethod : public Callable {
public:
    BoundMethod(Value self, std::string_view method) : self_(std::move(self)), method_(method) {}
    // str.format bound to a str whose format is parsed already (literal_method_of).
    BoundMethod(Value self, py::CompiledFormat format)
        : self_(std::move(self)), method_("format"), format_(std::move(format)) {}
    Value call(Interpreter&, Arguments args) const override { return invoke(args); }
    Value invoke(const Arguments& args) const;  // without an interpreter
    std::string name() const override;

private:
    Value self_;
    std::string method_;
    std::optional<py::CompiledFormat> format_;
};

// The free functions behind the globals and methods (testable without an interpreter).
Value global_range(const Arguments& args);      // a Range; more than 1,000,000 items -> error
Value global_dict(const Arguments& args);
Value global_namespace(const Arguments& args);  // Object printing as <Namespace {...}>
// self.name(*args): TemplateError when self has no such method.
Value call_method(const Value& self, std::string_view name, const Arguments& args);

// Jinja2's make_attrgetter / make_multi_attrgetter: "a.b.0" walks getitem per part;
// integers in the path index lists.
std::vector<Value> attribute_path(const Value& attribute);  // parsed parts (strings/ints)
Value lookup_path(const Value& item, const std::vector<Value>& parts);

// Python's json.dumps(sort_keys=True, indent) as Jinja2's tojson uses it, before the
// HTML-safety replacements.
std::string python_json_dumps(const Value& v, const Value* indent);

}  // namespace quorum::tmpl
