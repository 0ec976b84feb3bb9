// Methods on values: 'a b'.split(), d.items(), xs.index(3) ... as Python's str, dict and
// list methods behave. method_of() returns a bound method (a Callable); the interpreter
// calls it like any other callable. Methods of a Markup return Markup; those markupsafe
// wraps with escaping (strip, replace, center, format, join) escape their str arguments,
// while split/count/find/startswith take them as they are.
//
// method_of() also answers the field names of named tuples (groupby's .grouper/.list):
// for those it returns the field's value itself, which is what `x.grouper` means.
#include "template/builtins.hpp"
#include "template/pystr.hpp"

#include <algorithm>

namespace quorum::tmpl {

namespace {

// Python's wording for the positional-only builtin methods, which varies with how CPython
// declares each one: METH_NOARGS / METH_O ("str.upper() takes no arguments (1 given)"),
// argument-clinic ranges ("replace expected at least 2 arguments, got 1") and the
// start/end searchers ("find() takes at least 1 argument (0 given)").
enum class Style { Clinic, Searcher };

void arity(const Arguments& args, std::string_view name, std::size_t min, std::size_t max, const Value* self = nullptr,
           Style style = Style::Clinic) {
    if (!args.keyword.empty()) fail(std::string(name) + "() takes no keyword arguments");
    std::size_t n = args.positional.size();
    std::string given = " (" + std::to_string(n) + " given)";
    std::string qualified = (self ? type_name(*self) + "." : std::string()) + std::string(name) + "()";
    if (max == 0 && n > 0) fail(qualified + " takes no arguments" + given);
    if (min == 1 && max == 1 && n != 1 && style == Style::Clinic) fail(qualified + " takes exactly one argument" + given);
    if (style == Style::Searcher) {
        if (n < min) fail(std::string(name) + "() takes at least 1 argument" + given);
        if (n > max) fail(std::string(name) + "() takes at most " + std::to_string(max) + " arguments" + given);
        return;
    }
    if (n < min)
        fail(std::string(name) + " expected at least " + std::to_string(min) + " argument" + (min == 1 ? "" : "s") +
             ", got " + std::to_string(n));
    if (n > max)
        fail(std::string(name) + " expected at most " + std::to_string(max) + " argument" + (max == 1 ? "" : "s") +
             ", got " + std::to_string(n));
}

std::string_view str_arg(const Value& v, std::string_view what) {
    require_defined(v);
    if (!v.is_string()) fail((what.empty() ? "" : std::string(what) + " ") + "must be str, not " + type_name(v));
    return v.as_string();
}

// An argument as a Markup method sees it: plain str escaped.
std::string markup_arg(const Value& self, const Value& arg, std::string_view what) {
    std::string_view s = str_arg(arg, what);
    return self.is_markup() && !arg.is_markup() ? html_escape(s) : std::string(s);
}

Value list_of(const Value& self, std::vector<std::string> parts) {
    List items;
    items.reserve(parts.size());
    for (auto& p : parts) items.push_back(Value::same_kind(self, std::move(p)));
    return Value::list(std::move(items));
}

// Keyword-capable split(sep=None, maxsplit=-1).
Value str_split(const Value& self, const Arguments& args, bool from_right) {
    const char* name = from_right ? "rsplit" : "split";
    Bound b(args, name, {"sep", "maxsplit"}, 0, 0);
    std::string sep;
    const std::string* sep_ptr = nullptr;
    if (b.has(0) && !b.get(0)->is_none()) {
        if (!b.get(0)->is_string()) fail("must be str or None, not " + type_name(*b.get(0)));
        sep = b.get(0)->as_string();  // Markup.split does not escape its separator
        sep_ptr = &sep;
    }
    long long maxsplit = b.has(1) ? index_value(*b.get(1)) : -1;
    std::string_view s = self.as_string();
    return list_of(self, from_right ? py::rsplit(s, sep_ptr, maxsplit) : py::split(s, sep_ptr, maxsplit));
}

bool affix_match(const Value& self, const Value& arg, bool prefix, std::string_view name) {
    auto test = [&](std::string_view affix) {
        std::string_view s = self.as_string();
        if (affix.size() > s.size()) return false;
        return prefix ? s.compare(0, affix.size(), affix) == 0 : s.compare(s.size() - affix.size(), affix.size(), affix) == 0;
    };
    require_defined(arg);
    if (arg.is_string()) return test(arg.as_string());
    if (arg.is_tuple()) {
        for (const auto& item : arg.as_list()) {
            if (!item.is_string())
                fail("tuple for " + std::string(name) + " must only contain str, not " + type_name(item));
            if (test(item.as_string())) return true;
        }
        return false;
    }
    fail(std::string(name) + " first arg must be str or a tuple of str, not " + type_name(arg));
}

Value str_join(const Value& self, const Arguments& args) {
    arity(args, "join", 1, 1, &self);
    List items = iterate(args.positional[0]);
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (!items[i].is_string())
            fail("sequence item " + std::to_string(i) + ": expected str instance, " + type_name(items[i]) + " found");
        if (i) out += self.as_string();
        out += self.is_markup() ? escape(items[i]).as_string() : items[i].as_string();
    }
    return Value::same_kind(self, std::move(out));
}

Value str_format_method(const Value& self, const Arguments& args) {
    if (!self.is_markup()) return Value(py::str_format(self.as_string(), args));
    Arguments escaped = args;  // Markup.format escapes each argument
    for (auto& v : escaped.positional) v = escape(v);
    for (auto& [k, v] : escaped.keyword) v = escape(v);
    return Value::markup(py::str_format(self.as_string(), escaped));
}

// s[start:end] for the searchers' optional start/end (code points; None = omitted), and the
// code point offset of that slice (-1: past the end, where nothing can match). Without start
// and end, the window is s itself, not a copy.
struct SearchWindow {
    std::string_view whole;  // s, when there is no start or end
    std::optional<std::string> sliced;
    long long offset = 0;
    std::string_view text() const { return sliced ? std::string_view(*sliced) : whole; }
};

SearchWindow search_window(std::string_view s, const Arguments& args) {
    auto bound = [&](std::size_t i) -> std::optional<long long> {
        if (args.positional.size() <= i || args.positional[i].is_none()) return std::nullopt;
        return index_value(args.positional[i]);
    };
    auto start = bound(1), end = bound(2);
    if (!start && !end) return {s, std::nullopt, 0};
    auto n = static_cast<long long>(py::length(s));
    long long from = start.value_or(0);
    if (from < 0) from = std::max(0LL, from + n);
    if (from > n) return {{}, std::nullopt, -1};  // Python: nothing can match past the end
    return {{}, py::slice(s, start, end, std::nullopt), from};
}

Value call_str_method(const Value& self, std::string_view name, const Arguments& args) {
    std::string_view s = self.as_string();
    auto strip_with = [&](py::StripSide side) {
        arity(args, name, 0, 1);
        std::string chars;
        const std::string* chars_ptr = nullptr;
        if (!args.positional.empty() && !args.positional[0].is_none()) {
            if (!args.positional[0].is_string()) fail(std::string(name) + " arg must be None or str");
            chars = markup_arg(self, args.positional[0], "");
            chars_ptr = &chars;
        }
        return Value::same_kind(self, py::strip(s, chars_ptr, side));
    };
    if (name == "upper") return arity(args, name, 0, 0, &self), Value::same_kind(self, py::upper(s));
    if (name == "lower") return arity(args, name, 0, 0, &self), Value::same_kind(self, py::lower(s));
    if (name == "title") return arity(args, name, 0, 0, &self), Value::same_kind(self, py::title(s));
    if (name == "capitalize") return arity(args, name, 0, 0, &self), Value::same_kind(self, py::capitalize(s));
    if (name == "strip") return strip_with(py::StripSide::Both);
    if (name == "lstrip") return strip_with(py::StripSide::Left);
    if (name == "rstrip") return strip_with(py::StripSide::Right);
    if (name == "startswith" || name == "endswith") {
        arity(args, name, 1, 3, &self, Style::Searcher);
        const SearchWindow window = search_window(s, args);
        if (window.offset < 0) return Value(false);
        return Value(affix_match(Value::same_kind(self, window.text()), args.positional[0], name == "startswith", name));
    }
    if (name == "split") return str_split(self, args, false);
    if (name == "rsplit") return str_split(self, args, true);
    if (name == "splitlines") return arity(args, name, 0, 0, &self), list_of(self, py::splitlines(s));
    if (name == "replace") {
        arity(args, name, 2, 3);
        long long count = args.positional.size() == 3 ? index_value(args.positional[2]) : -1;
        return Value::same_kind(self, py::replace(s, markup_arg(self, args.positional[0], "replace() argument 1"),
                                      markup_arg(self, args.positional[1], "replace() argument 2"), count));
    }
    if (name == "format") return str_format_method(self, args);
    if (name == "join") return str_join(self, args);
    if (name == "count") {
        arity(args, name, 1, 3, &self, Style::Searcher);
        std::string_view sub = str_arg(args.positional[0], "");
        const SearchWindow window = search_window(s, args);
        if (window.offset < 0) return Value(std::int64_t{0});
        return Value(static_cast<std::int64_t>(py::count(window.text(), sub)));
    }
    if (name == "find" || name == "index") {
        arity(args, name, 1, 3, &self, Style::Searcher);
        std::string_view sub = str_arg(args.positional[0], "");
        const SearchWindow window = search_window(s, args);
        long long at = window.offset < 0 ? -1 : py::find(window.text(), sub);
        if (at >= 0) at += window.offset;
        if (at < 0 && name == "index") fail("substring not found");
        return Value(static_cast<std::int64_t>(at));
    }
    if (name == "isdigit" || name == "isalpha" || name == "isspace" || name == "isalnum") {
        arity(args, name, 0, 0, &self);
        if (s.empty()) return Value(false);
        auto u = py::to_u32(s);
        auto pred = name == "isdigit" ? py::is_digit : name == "isalpha" ? py::is_alpha : name == "isspace" ? py::is_space : py::is_alnum;
        return Value(std::all_of(u.begin(), u.end(), pred));
    }
    if (name == "islower") return arity(args, name, 0, 0, &self), Value(py::islower(s));
    if (name == "isupper") return arity(args, name, 0, 0, &self), Value(py::isupper(s));
    if (name == "center") {
        arity(args, name, 1, 2);
        std::string_view fill = args.positional.size() == 2 ? str_arg(args.positional[1], "fill character") : " ";
        return Value::same_kind(self, py::center(s, index_value(args.positional[0]), fill));
    }
    fail("'" + type_name(self) + "' object has no attribute " + py::repr_string(name));
}

Value call_dict_method(const Value& self, std::string_view name, const Arguments& args) {
    const Dict& d = self.as_dict();
    if (name == "items" || name == "keys" || name == "values") {
        arity(args, name, 0, 0, &self);
        List out;
        out.reserve(d.size());
        for (const auto& [k, v] : d.entries()) {
            if (name == "items") out.push_back(Value::tuple({k, v}));
            else out.push_back(name == "keys" ? k : v);
        }
        return Value::dict_view(std::move(out), name == "items" ? "dict_items" : name == "keys" ? "dict_keys" : "dict_values");
    }
    if (name == "get") {
        arity(args, name, 1, 2);
        const Value& key = args.positional[0];
        require_defined(key);
        if (const Value* v = d.find(key)) return *v;
        return args.positional.size() == 2 ? args.positional[1] : Value::none();
    }
    fail("'dict' object has no attribute " + py::repr_string(name));
}

Value call_list_method(const Value& self, std::string_view name, const Arguments& args) {
    const List& items = self.as_list();
    if (name == "index") {
        arity(args, name, 1, 1, nullptr, Style::Searcher);
        for (std::size_t i = 0; i < items.size(); ++i)
            if (equals(items[i], args.positional[0])) return Value(static_cast<std::int64_t>(i));
        fail(self.is_tuple() ? "tuple.index(x): x not in tuple" : repr(args.positional[0]) + " is not in list");
    }
    if (name == "count") {
        arity(args, name, 1, 1, &self);
        std::int64_t n = 0;
        for (const auto& item : items) n += equals(item, args.positional[0]) ? 1 : 0;
        return Value(n);
    }
    fail("'" + type_name(self) + "' object has no attribute " + py::repr_string(name));
}

constexpr std::string_view dict_methods[] = {"items", "keys", "values", "get"};

bool has_method(const Value& self, std::string_view name) {
    static constexpr std::string_view str_methods[] = {
        "upper", "lower", "title", "capitalize", "strip", "lstrip", "rstrip", "startswith", "endswith", "split",
        "rsplit", "splitlines", "replace", "format", "join", "count", "find", "index", "isdigit", "isalpha",
        "isspace", "isalnum", "islower", "isupper", "center"};
    static constexpr std::string_view list_methods[] = {"index", "count"};
    auto in = [&](const auto& table) { return std::find(std::begin(table), std::end(table), name) != std::end(table); };
    if (self.is_string()) return in(str_methods);
    if (self.is_dict()) return in(dict_methods);
    if (self.is_sequence()) return in(list_methods);
    return false;
}

}  // namespace

Value call_method(const Value& self, std::string_view name, const Arguments& args) {
    require_defined(self);
    if (self.is_string()) return call_str_method(self, name, args);
    if (self.is_dict()) return call_dict_method(self, name, args);
    if (self.is_sequence()) return call_list_method(self, name, args);
    fail("'" + type_name(self) + "' object has no attribute " + py::repr_string(name));
}

bool is_dict_method_name(std::string_view name) {
    return std::find(std::begin(dict_methods), std::end(dict_methods), name) != std::end(dict_methods);
}

Value BoundMethod::invoke(const Arguments& args) const {
    if (format_) {
        std::string out;
        if (format_->format_into(out, args)) return Value(out);
    }
    return call_method(self_, method_, args);
}

std::string BoundMethod::name() const { return "<built-in method " + method_ + " of " + type_name(self_) + " object>"; }

std::optional<Value> method_of(const Value& self, std::string_view name) {
    if (const Object* fields = self.tuple_fields())
        if (auto v = fields->attribute(name)) return v;
    if (!has_method(self, name)) return std::nullopt;
    return Value::callable(std::make_shared<BoundMethod>(self, name));
}

std::optional<Value> literal_method_of(const Value& literal, std::string_view name) {
    // Markup.format escapes its arguments: left to call_str_method.
    if (name == "format" && literal.kind() == Value::Kind::String)
        if (std::optional<py::CompiledFormat> format = py::CompiledFormat::compile(literal.as_string()))
            return Value::callable(std::make_shared<BoundMethod>(literal, std::move(*format)));
    return method_of(literal, name);
}

}  // namespace quorum::tmpl
