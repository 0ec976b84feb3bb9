// Shared machinery of the builtins: argument binding and groupby's named tuple.
#include "template/builtins.hpp"

#include "template/pystr.hpp"

#include <algorithm>

namespace quorum::tmpl {

namespace {

std::string plural(std::size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

}  // namespace

void Bound::bind(const Arguments& args, std::string_view function, std::initializer_list<std::string_view> names,
                 std::size_t required, std::size_t counted_before) {
    const std::string_view* name = names.begin();
    std::size_t count = names.size();
    if (count > max_parameters) fail("internal error: too many parameters for " + std::string(function));
    if (args.positional.size() > count) {
        std::size_t lo = counted_before + required, hi = counted_before + count;
        std::string takes = lo == hi ? std::to_string(hi) : "from " + std::to_string(lo) + " to " + std::to_string(hi);
        std::size_t given = counted_before + args.positional.size();
        fail(std::string(function) + "() takes " + takes + " positional argument" + (hi == 1 ? "" : "s") + " but " +
             std::to_string(given) + (given == 1 ? " was" : " were") + " given");
    }
    for (std::size_t i = 0; i < args.positional.size(); ++i) values_[i] = &args.positional[i];
    for (const auto& [key, value] : args.keyword) {
        std::size_t index = 0;
        while (index < count && name[index] != key) ++index;
        if (index == count) fail(std::string(function) + "() got an unexpected keyword argument " + py::repr_string(key));
        if (values_[index]) fail(std::string(function) + "() got multiple values for argument " + py::repr_string(key));
        values_[index] = &value;
    }
    std::vector<std::string_view> missing;
    for (std::size_t i = 0; i < required; ++i)
        if (!values_[i]) missing.push_back(name[i]);
    if (!missing.empty()) {
        std::string list;
        for (std::size_t i = 0; i < missing.size(); ++i) {
            if (i) list += missing.size() == 2 ? " and " : (i + 1 == missing.size() ? ", and " : ", ");
            list += py::repr_string(missing[i]);
        }
        fail(std::string(function) + "() missing " + plural(missing.size(), "required positional argument") + ": " + list);
    }
}

std::int64_t Bound::int_or(std::size_t i, std::int64_t fallback) const {
    const Value* v = values_[i];
    if (!v) return fallback;
    require_defined(*v);
    if (v->is_int() || v->is_bool()) return v->as_int();
    fail("'" + type_name(*v) + "' object cannot be interpreted as an integer");
}

bool Bound::bool_or(std::size_t i, bool fallback) const {
    const Value* v = values_[i];
    return v ? truthy(*v) : fallback;
}

std::string Bound::str_or(std::size_t i, std::string fallback) const {
    const Value* v = values_[i];
    return v ? to_str(*v) : std::move(fallback);
}

namespace {

// The names of groupby's _GroupTuple(grouper, list) fields.
class GroupFields : public Object {
public:
    GroupFields(Value grouper, Value list) : grouper_(std::move(grouper)), list_(std::move(list)) {}
    std::optional<Value> attribute(std::string_view name) const override {
        if (name == "grouper") return grouper_;
        if (name == "list") return list_;
        return std::nullopt;
    }
    std::string type_name() const override { return "_GroupTuple"; }
    std::string repr() const override { return "(" + tmpl::repr(grouper_) + ", " + tmpl::repr(list_) + ")"; }

private:
    Value grouper_, list_;
};

}  // namespace

std::string Iterator::repr() const {
    if (function_.empty()) return "<" + python_type_ + " object at 0x7f0000000000>";
    return "<" + python_type_ + " object " + function_ + " at 0x7f0000000000>";
}

List Iterator::take() {
    List rest;
    while (auto item = next()) rest.push_back(std::move(*item));
    return rest;
}

std::optional<Value> Iterator::next() {
    if (finished_) return std::nullopt;
    try {
        if (start_) {
            Start start = std::move(start_);
            start_ = nullptr;
            source_ = start();
        }
        std::optional<Value> item = source_();
        if (!item) {
            finished_ = true;
            source_ = nullptr;  // frees what the items were made from
        }
        return item;
    } catch (TemplateError& e) {  // a generator that raised is finished
        finished_ = true;
        source_ = nullptr;
        if (!e.filter_at) e.filter_at = origin_;  // the innermost generator raised it
        throw;
    } catch (...) {
        finished_ = true;
        source_ = nullptr;
        throw;
    }
}

Value make_generator(std::string function, Iterator::Start start) {
    return Value::object(std::make_shared<Iterator>("generator", std::move(function), std::move(start)));
}

Value make_iterator(std::string python_type, List items) {
    return Value::object(std::make_shared<Iterator>(std::move(python_type), "",
                                                    [items = std::move(items)]() mutable { return items_in(std::move(items)); }));
}

Iterator::Source items_in(List items) {
    return [items = std::move(items), position = std::size_t{0}]() mutable -> std::optional<Value> {
        if (position >= items.size()) return std::nullopt;
        return std::move(items[position++]);
    };
}

Iterator::Source items_of(const Value& v) {
    if (v.is_sequence()) {  // the list is shared, not copied: templates cannot change it
        return [list = v, position = std::size_t{0}]() mutable -> std::optional<Value> {
            const List& items = list.as_list();
            if (position >= items.size()) return std::nullopt;
            return items[position++];
        };
    }
    if (v.is_dict()) {
        return [dict = v, position = std::size_t{0}]() mutable -> std::optional<Value> {
            const auto& entries = dict.as_dict().entries();
            if (position >= entries.size()) return std::nullopt;
            return entries[position++].first;
        };
    }
    if (as_iterator(v)) return [generator = v] { return static_cast<Iterator&>(generator.as_object()).next(); };
    return items_in(iterate(v));  // strings, ranges; raises for what is not iterable
}

Iterator* as_iterator(const Value& v) { return v.is_object() ? dynamic_cast<Iterator*>(&v.as_object()) : nullptr; }

std::int64_t index_value(const Value& v) {
    require_defined(v);
    if (v.is_int() || v.is_bool()) return v.as_int();
    if (v.is_big_int()) fail("Python int too large to convert to C ssize_t");
    fail("'" + type_name(v) + "' object cannot be interpreted as an integer");
}

Value make_group_tuple(Value grouper, List items) {
    Value list = Value::list(std::move(items));
    auto fields = std::make_shared<GroupFields>(grouper, list);
    return Value::named_tuple({std::move(grouper), std::move(list)}, std::move(fields));
}

}  // namespace quorum::tmpl
