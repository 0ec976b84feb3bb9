// Jinja2's default globals this subset needs: range(), dict(), namespace().
//
// range() returns a Range object (builtins.hpp) that prints, measures, indexes and
// iterates as Python's. Its size is bounded: more than 1,000,000 items is an error, so a template cannot
// exhaust memory (Jinja2's sandbox has the same idea with a smaller limit).
#include "template/builtins.hpp"
#include "template/pystr.hpp"

namespace quorum::tmpl {

namespace {

constexpr std::int64_t max_range_items = 1'000'000;

// jinja2.utils.Namespace: attributes assignable with {% set ns.attr = ... %}.
class Namespace : public Object {
public:
    explicit Namespace(Dict attrs) : attrs_(std::move(attrs)) {}
    std::optional<Value> attribute(std::string_view name) const override {
        if (const Value* v = attrs_.find(name)) return *v;
        return std::nullopt;
    }
    bool set_attribute(std::string_view name, Value v) override {
        attrs_.set(Value(std::string(name)), std::move(v));
        return true;
    }
    std::string type_name() const override { return "Namespace"; }
    std::string repr() const override { return "<Namespace " + tmpl::repr(Value::dict(attrs_)) + ">"; }

private:
    Dict attrs_;
};

// dict(*args, **kwargs) as Python builds it.
Dict build_dict(const Arguments& args, const char* function) {
    if (args.positional.size() > 1)
        fail(std::string(function) + " expected at most 1 argument, got " + std::to_string(args.positional.size()));
    Dict d;
    if (!args.positional.empty()) {
        const Value& source = args.positional[0];
        require_defined(source);
        if (source.is_dict()) {
            d = source.as_dict();
        } else {
            List items = iterate(source);
            for (std::size_t i = 0; i < items.size(); ++i) {
                if (!(items[i].is_sequence() || items[i].is_string() || items[i].is_dict()))
                    fail("cannot convert dictionary update sequence element #" + std::to_string(i) + " to a sequence");
                List pair = iterate(items[i]);
                if (pair.size() != 2)
                    fail("dictionary update sequence element #" + std::to_string(i) + " has length " +
                         std::to_string(pair.size()) + "; 2 is required");
                d.set(pair[0], pair[1]);
            }
        }
    }
    for (const auto& [k, v] : args.keyword) d.set(Value(k), v);
    return d;
}

}  // namespace

Value global_range(const Arguments& args) {
    if (!args.keyword.empty()) fail("range() takes no keyword arguments");
    const auto& p = args.positional;
    if (p.empty()) fail("range expected at least 1 argument, got 0");
    if (p.size() > 3) fail("range expected at most 3 arguments, got " + std::to_string(p.size()));
    std::int64_t start = 0, stop = 0, step = 1;
    if (p.size() == 1) {
        stop = index_value(p[0]);
    } else {
        start = index_value(p[0]);
        stop = index_value(p[1]);
        if (p.size() == 3) step = index_value(p[2]);
    }
    if (step == 0) fail("range() arg 3 must not be zero");
    // Count in unsigned arithmetic: stop - start can exceed int64 without overflowing here.
    bool empty = step > 0 ? stop <= start : stop >= start;
    std::uint64_t span = empty ? 0
                         : step > 0 ? static_cast<std::uint64_t>(stop) - static_cast<std::uint64_t>(start)
                                    : static_cast<std::uint64_t>(start) - static_cast<std::uint64_t>(stop);
    std::uint64_t magnitude = step > 0 ? static_cast<std::uint64_t>(step) : 0 - static_cast<std::uint64_t>(step);
    std::uint64_t count = empty ? 0 : (span - 1) / magnitude + 1;
    if (count > static_cast<std::uint64_t>(max_range_items))
        fail("range() is too large: " + std::to_string(count) + " items (the limit is " + std::to_string(max_range_items) + ")");
    return Value::object(std::make_shared<Range>(start, stop, step, static_cast<std::size_t>(count)));
}

std::optional<Value> Range::attribute(std::string_view name) const {
    if (name == "start") return Value(start_);
    if (name == "stop") return Value(stop_);
    if (name == "step") return Value(step_);
    return std::nullopt;
}

std::string Range::repr() const {
    std::string text = "range(" + std::to_string(start_) + ", " + std::to_string(stop_);
    if (step_ != 1) text += ", " + std::to_string(step_);
    return text + ")";
}

List Range::items() const {
    List out;
    out.reserve(size_);
    for (std::size_t i = 0; i < size_; ++i) out.emplace_back(at(i));  // at() stays within [start, stop)
    return out;
}

const Range* as_range(const Value& v) { return v.is_object() ? dynamic_cast<const Range*>(&v.as_object()) : nullptr; }

Value global_dict(const Arguments& args) { return Value::dict(build_dict(args, "dict")); }

Value global_namespace(const Arguments& args) {
    return Value::object(std::make_shared<Namespace>(build_dict(args, "dict")));
}

void register_builtin_globals(Library& lib) {
    lib.add_global("range", Value::callable(std::make_shared<NativeCallable>("<class 'range'>", global_range)));
    lib.add_global("dict", Value::callable(std::make_shared<NativeCallable>("<class 'dict'>", global_dict)));
    lib.add_global("namespace",
                   Value::callable(std::make_shared<NativeCallable>("<class 'jinja2.utils.Namespace'>", global_namespace)));
}

}  // namespace quorum::tmpl
