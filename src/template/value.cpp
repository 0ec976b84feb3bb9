// Value and the Python semantics of values (see value.hpp).
//
// Deliberate differences from Python, all of which raise a TemplateError instead of
// producing output Jinja2 could produce:
//   * integers are exact as Python's (int64, promoted to a GMP BigInt on overflow), but a
//     result beyond 2^22 bits raises "integer too large" (bigint.cpp);
//   * str/list repetition larger than 64 MiB raises "repetition result too large";
//   * a negative float to a fractional power (a complex number in Python) raises.
#include "template/value.hpp"

#include "template/bigint.hpp"
#include "template/builtins.hpp"
#include "template/pystr.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <optional>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace quorum::tmpl {

namespace {

// Python's hash equality for dict keys: 1, 1.0 and True are the same key.
bool same_key(const Value& a, const Value& b) {
    if (a.is_string() && b.is_string()) return a.as_string() == b.as_string();
    if (a.is_number() && b.is_number()) return equals(a, b);
    if (a.is_none() && b.is_none()) return true;
    if (a.kind() != b.kind()) return false;
    if (a.is_tuple()) return equals(a, b);
    return false;
}

}  // namespace

// ---------------------------------------------------------------- Dict

namespace {
// Row keys mostly differ in length or first letter: test those before comparing bytes.
bool same_string_key(std::string_view k, std::string_view key) {
    return k.size() == key.size() && (key.empty() || (k[0] == key[0] && std::memcmp(k.data(), key.data(), key.size()) == 0));
}
}  // namespace

void Dict::Keys::index_strings() {
    string_index.clear();
    for (std::size_t i = 0; i < list.size(); ++i)
        if (list[i].is_string()) string_index.emplace(list[i].as_string(), i);
}

void Dict::Keys::push_back(Value key) {
    all_interned = all_interned && key.is_interned();
    list.push_back(std::move(key));
    if (list.size() == index_threshold) index_strings();
    else if (list.size() > index_threshold && list.back().is_string())
        string_index.emplace(list.back().as_string(), list.size() - 1);
}

void Dict::Keys::erase(std::size_t i) {
    list.erase(list.begin() + static_cast<std::ptrdiff_t>(i));
    recent_hits = {};  // positions moved
    // Positions after the erased key moved: rebuild the index.
    if (list.size() >= index_threshold) index_strings();
    else string_index.clear();
}

Dict::Dict(const Dict& same_keys_as, std::vector<Value> values)
    : keys_(same_keys_as.keys_), values_(std::move(values)) {}

Dict::Keys& Dict::own_keys() {
    if (!keys_) keys_ = std::make_shared<Keys>();
    else if (keys_.use_count() > 1) keys_ = std::make_shared<Keys>(*keys_);
    return *keys_;
}

const Value* Dict::find(std::string_view key) const {
    if (!keys_) return nullptr;
    const std::vector<Value>& keys = keys_->list;
    if (keys.size() < index_threshold) {
        for (std::size_t i = 0; i < keys.size(); ++i)
            if (keys[i].is_string() && same_string_key(keys[i].as_string(), key)) return &values_[i];
        return nullptr;
    }
    auto it = keys_->string_index.find(key);
    return it == keys_->string_index.end() ? nullptr : &values_[it->second];
}

const Value* Dict::find_by_scan(const Value& key) const {
    if (!keys_) return nullptr;
    const std::vector<Value>& keys = keys_->list;
    if (key.is_interned() && keys.size() < index_threshold) {
        // Data rows' keys and template attribute names are interned: one address per key.
        const void* id = key.storage();
        Keys::Hit& hit = keys_->hit_slot(id);
        for (std::size_t i = 0; i < keys.size(); ++i) {
            if (keys[i].storage() == id) {
                hit = {id, i};
                return &values_[i];
            }
        }
        if (keys_->all_interned) return nullptr;
    }
    if (key.is_string()) return find(key.as_string());
    for (std::size_t i = 0; i < keys.size(); ++i)
        if (!keys[i].is_string() && same_key(keys[i], key)) return &values_[i];
    return nullptr;
}

void Dict::set(Value key, Value value) {
    if (const Value* existing = find(key)) {
        values_[static_cast<std::size_t>(existing - values_.data())] = std::move(value);
        return;
    }
    append(std::move(key), std::move(value));
}

void Dict::set_all(std::vector<std::pair<Value, Value>>& entries) {
    // The usual JSON object: a few interned keys, all distinct (by address) - taken whole.
    bool simple = values_.empty() && entries.size() < index_threshold;
    for (std::size_t i = 0; simple && i < entries.size(); ++i) {
        simple = entries[i].first.is_interned();
        for (std::size_t j = 0; simple && j < i; ++j) simple = entries[j].first.storage() != entries[i].first.storage();
    }
    if (!simple) {
        reserve(values_.size() + entries.size());
        for (auto& [key, value] : entries) set(std::move(key), std::move(value));
        return;
    }
    Keys& keys = own_keys();
    keys.list.reserve(entries.size());
    values_.reserve(entries.size());
    for (auto& [key, value] : entries) {
        keys.list.push_back(std::move(key));
        values_.push_back(std::move(value));
    }
}

void Dict::reserve(std::size_t n) {
    own_keys().list.reserve(n);
    values_.reserve(n);
}

void Dict::append(Value key, Value value) {
    own_keys().push_back(std::move(key));
    values_.push_back(std::move(value));
}

bool Dict::erase(const Value& key) {
    const Value* found = find(key);
    if (!found) return false;
    auto i = static_cast<std::size_t>(found - values_.data());
    own_keys().erase(i);
    values_.erase(values_.begin() + static_cast<std::ptrdiff_t>(i));
    return true;
}

bool Object::set_attribute(std::string_view /*name*/, Value /*v*/) { return false; }

std::optional<Value> Callable::attribute(std::string_view /*name*/) const { return std::nullopt; }

const Value* Arguments::keyword_arg(std::string_view name) const {
    for (const auto& [k, v] : keyword)
        if (k == name) return &v;
    return nullptr;
}

// ---------------------------------------------------------------- Value

namespace {
// A copy of `s` in a block that holds the reference counts too: one allocation whatever its
// length. The pointer is to the characters.
std::shared_ptr<void> copy_of_text(std::string_view s) {
    std::shared_ptr<char[]> block = std::make_shared_for_overwrite<char[]>(s.size());
    char* chars = block.get();
    std::copy(s.begin(), s.end(), chars);
    return {std::move(block), chars};
}
}  // namespace

void Value::set_text(std::shared_ptr<void> chars, std::size_t size) {
    ptr_ = std::move(chars);
    int_ = static_cast<std::int64_t>(size);
}

Value Value::undefined(std::string_view hint) {
    Value v;
    v.set_text(copy_of_text(hint), hint.size());
    return v;
}

Value::Value(std::string_view s) : kind_(Kind::String), int_(0) { set_text(copy_of_text(s), s.size()); }

Value Value::shared_text(const std::shared_ptr<const void>& owner, std::string_view text) {
    Value v;
    v.kind_ = Kind::String;
    v.set_text(std::shared_ptr<void>(owner, const_cast<char*>(text.data())), text.size());
    return v;
}

Value Value::interned(std::string_view s) {
    // Lives as long as the thread and never shrinks: it holds each distinct JSON object key of
    // up to 64 bytes (json_data.cpp) and each attribute name of the templates. That is bounded by
    // the data's schema, not its size, so one process rendering many packs keeps a few
    // hundred entries; a data file with unbounded distinct keys would grow it for the run.
    thread_local std::unordered_map<std::string_view, Value> pool;
    if (auto it = pool.find(s); it != pool.end()) return it->second;
    Value v(s);
    v.interned_ = true;
    std::string_view stable = v.as_string();  // the pooled string's own bytes
    pool.emplace(stable, v);
    return v;
}

Value Value::markup(std::string_view s) {
    Value v(s);
    v.kind_ = Kind::Markup;
    return v;
}

Value Value::big_int(std::shared_ptr<const BigInt> b) {
    Value v;
    v.kind_ = Kind::BigInt;
    v.ptr_ = std::const_pointer_cast<BigInt>(std::move(b));
    return v;
}

Value Value::list(List items) {
    Value v;
    v.kind_ = Kind::List;
    v.ptr_ = std::make_shared<Sequence>(Sequence{std::move(items), nullptr});
    return v;
}

Value Value::tuple(List items) {
    Value v = list(std::move(items));
    v.kind_ = Kind::Tuple;
    return v;
}

Value Value::dict_view(List items, const char* python_type) {
    Value v;
    v.kind_ = Kind::List;
    v.ptr_ = std::make_shared<Sequence>(Sequence{std::move(items), nullptr, python_type});
    return v;
}

Value Value::named_tuple(List items, std::shared_ptr<Object> fields) {
    Value v;
    v.kind_ = Kind::Tuple;
    v.ptr_ = std::make_shared<Sequence>(Sequence{std::move(items), std::move(fields)});
    return v;
}

Value Value::dict(Dict d) {
    Value v;
    v.kind_ = Kind::Dict;
    v.ptr_ = std::make_shared<Dict>(std::move(d));
    return v;
}

Value Value::callable(std::shared_ptr<const Callable> c) {
    Value v;
    v.kind_ = Kind::Callable;
    v.ptr_ = std::const_pointer_cast<Callable>(std::move(c));
    return v;
}

Value Value::object(std::shared_ptr<Object> o) {
    Value v;
    v.kind_ = Kind::Object;
    v.ptr_ = std::move(o);
    return v;
}

double Value::float_of_big_int() const { return bigint::to_double(*this); }
// The void pointers were converted from Callable*/Object* (not from the derived types), so
// converting back to the same base is exact.
const Callable& Value::as_callable() const { return *static_cast<const Callable*>(ptr_.get()); }
Object& Value::as_object() const { return *static_cast<Object*>(ptr_.get()); }
const Object* Value::tuple_fields() const {
    return kind_ == Kind::Tuple ? static_cast<const Sequence*>(ptr_.get())->fields.get() : nullptr;
}
const char* Value::view_type() const {
    return kind_ == Kind::List ? static_cast<const Sequence*>(ptr_.get())->view : nullptr;
}
const void* Value::identity() const {
    switch (kind_) {
        case Kind::String:
        case Kind::Markup:
        case Kind::List:
        case Kind::Tuple:
        case Kind::Dict:
        case Kind::Callable:
        case Kind::Object: return ptr_.get();
        default: return nullptr;
    }
}

Value Value::from_json(const nlohmann::ordered_json& j) {
    using T = nlohmann::ordered_json::value_t;
    switch (j.type()) {
        case T::null: return none();
        case T::boolean: return Value(j.get<bool>());
        case T::number_integer: return Value(j.get<std::int64_t>());
        case T::number_unsigned: return bigint::from_uint64(j.get<std::uint64_t>());
        case T::number_float: return Value(j.get<double>());
        case T::string: return Value(j.get<std::string>());
        case T::array: {
            List items;
            items.reserve(j.size());
            for (const auto& item : j) items.push_back(from_json(item));
            return list(std::move(items));
        }
        case T::object: {
            Dict d;
            for (const auto& [k, item] : j.items()) d.set(Value(k), from_json(item));
            return dict(std::move(d));
        }
        default: return none();  // binary / discarded: not produced by the JSON parser
    }
}

nlohmann::ordered_json Value::to_json() const {
    switch (kind_) {
        case Kind::Undefined: fail_undefined(*this);
        case Kind::None: return nullptr;
        case Kind::Bool: return bool_;
        case Kind::Int: return int_;
        case Kind::BigInt: {  // nlohmann holds up to uint64; beyond, the nearest float
            const mpz_class& z = as_big_int().z;
            if (mpz_fits_ulong_p(z.get_mpz_t())) return static_cast<std::uint64_t>(z.get_ui());
            return as_float();
        }
        case Kind::Float: return float_;
        case Kind::String:
        case Kind::Markup: return as_string();
        case Kind::List:
        case Kind::Tuple: {
            auto arr = nlohmann::ordered_json::array();
            for (const auto& item : as_list()) arr.push_back(item.to_json());
            return arr;
        }
        case Kind::Dict: {
            auto obj = nlohmann::ordered_json::object();
            for (const auto& [k, v] : as_dict().entries()) obj[k.is_string() ? k.as_string() : to_str(k)] = v.to_json();
            return obj;
        }
        default: fail("Object of type " + type_name(*this) + " is not JSON serializable");
    }
}

// ---------------------------------------------------------------- str / repr

namespace {

// repr(d) when d has at most three decimals ("45.3", "-7.25", "12.0"), the usual measure,
// without to_chars' general shortest search; nullopt otherwise. With |d| < 2^32, d's spacing
// is below 10^-6, so at most one number of k <= 3 decimals rounds to d, and rounding d * 10^k
// finds it; its division back by 10^k is correctly rounded, so equality means it round-trips.
// Trying k upwards gives the fewest digits, which is what repr prints. (Checked against
// to_chars on 24 million doubles: every m / 10^k for |m| <= 300,000 and k <= 4 with its
// neighbours, random bit patterns and random scaled integers.)
std::optional<std::string> few_decimals_repr(double d) {
    static constexpr double scales[] = {1.0, 10.0, 100.0, 1000.0};
    const double magnitude = std::fabs(d);
    if (!(magnitude >= 1e-3 && magnitude < 0x1p32)) return std::nullopt;
    for (int decimals = 0; decimals <= 3; ++decimals) {
        double scaled = std::nearbyint(magnitude * scales[decimals]);
        if (scaled / scales[decimals] != magnitude) continue;
        auto digits = static_cast<std::uint64_t>(scaled);
        char buf[24];  // written backwards from the end: at most a sign, 10 + 3 digits and a point
        char* const end = buf + sizeof buf;
        char* p = end;
        for (int i = 0; i < decimals; ++i, digits /= 10) *--p = static_cast<char>('0' + digits % 10);
        if (decimals == 0) *--p = '0';  // repr's ".0" of an integral float
        *--p = '.';
        do {
            *--p = static_cast<char>('0' + digits % 10);
            digits /= 10;
        } while (digits);
        if (std::signbit(d)) *--p = '-';
        return std::string(p, end);
    }
    return std::nullopt;
}

}  // namespace

std::string python_float_repr(double d) {
    if (std::isnan(d)) return "nan";
    if (std::isinf(d)) return d > 0 ? "inf" : "-inf";
    if (auto text = few_decimals_repr(d)) return std::move(*text);
    // repr's fixed-point range: the shortest round-trip digits have a decimal exponent in
    // [-4, 16) exactly when 1e-4 <= |d| < 1e16 (both bounds are doubles whose shortest form is
    // the bound itself), and to_chars' shortest fixed form is then repr, less a final ".0".
    if (double magnitude = std::fabs(d); magnitude >= 1e-4 && magnitude < 1e16) {
        char buf[32];
        auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::fixed);
        std::string out(buf, res.ptr);
        if (out.find('.') == std::string::npos) out += ".0";
        return out;
    }
    // Outside that range repr is scientific: the shortest round-trip digits as "d.ddde±XX"
    // (to_chars writes the exponent with at least two digits too). Zero is the one value left.
    if (d == 0) return std::signbit(d) ? "-0.0" : "0.0";
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
    return std::string(buf, res.ptr);
}

namespace {

std::string callable_repr(const Callable& c) {
    std::string name = c.name();
    if (!name.empty() && name.front() == '<') return name;  // the callable chose its repr
    return "<function " + name + ">";
}

void append_repr(std::string& out, const Value& v);

void append_items(std::string& out, const List& items) {
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) out += ", ";
        append_repr(out, items[i]);
    }
}

void append_repr(std::string& out, const Value& v) {
    switch (v.kind()) {
        case Value::Kind::String: out += py::repr_string(v.as_string()); return;
        case Value::Kind::Markup:
            out += "Markup(";
            out += py::repr_string(v.as_string());
            out += ')';
            return;
        case Value::Kind::List:
            if (v.view_type()) out += v.view_type(), out += '(';
            out += '[';
            append_items(out, v.as_list());
            out += ']';
            if (v.view_type()) out += ')';
            return;
        case Value::Kind::Tuple:
            out += '(';
            append_items(out, v.as_list());
            if (v.as_list().size() == 1) out += ',';
            out += ')';
            return;
        case Value::Kind::Dict: {
            out += '{';
            bool first = true;
            for (const auto& [k, item] : v.as_dict().entries()) {
                if (!first) out += ", ";
                first = false;
                append_repr(out, k);
                out += ": ";
                append_repr(out, item);
            }
            out += '}';
            return;
        }
        case Value::Kind::Undefined: out += "Undefined"; return;  // Undefined.__repr__ does not raise
        default: out += to_str(v);
    }
}

}  // namespace

std::string to_str(const Value& v) {
    switch (v.kind()) {
        case Value::Kind::Undefined: fail_undefined(v);
        case Value::Kind::None: return "None";
        case Value::Kind::Bool: return v.as_bool() ? "True" : "False";
        case Value::Kind::Int: {
            char buf[24];
            auto res = std::to_chars(buf, buf + sizeof buf, v.as_int());
            return std::string(buf, res.ptr);
        }
        case Value::Kind::Float: return python_float_repr(v.as_float());
        case Value::Kind::BigInt: return (bigint::is_negative(v) ? "-" : "") + bigint::magnitude_digits(v, 10);
        case Value::Kind::String:
        case Value::Kind::Markup: return std::string(v.as_string());
        case Value::Kind::Callable: return callable_repr(v.as_callable());
        case Value::Kind::Object: return v.as_object().repr();
        default: {
            std::string out;
            append_repr(out, v);
            return out;
        }
    }
}

namespace {
constexpr std::string_view kLenientHintPrefix = "the inline if-expression on line ";
}

bool is_lenient_undefined(const Value& v) {
    return v.is_undefined() && v.undefined_hint().rfind(kLenientHintPrefix, 0) == 0;
}

Value lenient_undefined(int line, const std::string& template_name) {
    return Value::undefined(std::string(kLenientHintPrefix) + std::to_string(line) + " in " +
                            repr(Value(template_name)) + " evaluated to false and no else section was defined.");
}

std::string repr(const Value& v) {
    std::string out;
    append_repr(out, v);
    return out;
}

bool truthy(const Value& v) {
    switch (v.kind()) {
        case Value::Kind::Undefined: fail_undefined(v);
        case Value::Kind::None: return false;
        case Value::Kind::Bool: return v.as_bool();
        case Value::Kind::Int: return v.as_int() != 0;
        case Value::Kind::BigInt: return true;  // never zero: zero is an Int
        case Value::Kind::Float: return v.as_float() != 0.0;
        case Value::Kind::String:
        case Value::Kind::Markup: return !v.as_string().empty();
        case Value::Kind::List:
        case Value::Kind::Tuple: return !v.as_list().empty();
        case Value::Kind::Dict: return v.as_dict().size() != 0;
        default:
            if (const Range* r = as_range(v)) return r->size() != 0;
            return true;
    }
}

std::string type_name(const Value& v) {
    switch (v.kind()) {
        case Value::Kind::Undefined: return "StrictUndefined";
        case Value::Kind::None: return "NoneType";
        case Value::Kind::Bool: return "bool";
        case Value::Kind::Int:
        case Value::Kind::BigInt: return "int";
        case Value::Kind::Float: return "float";
        case Value::Kind::String: return "str";
        case Value::Kind::Markup: return "Markup";
        case Value::Kind::List: return v.view_type() ? v.view_type() : "list";
        case Value::Kind::Tuple: return "tuple";
        case Value::Kind::Dict: return "dict";
        case Value::Kind::Callable: return "function";
        case Value::Kind::Object: return v.as_object().type_name();
    }
    return "object";
}

// ---------------------------------------------------------------- comparison

namespace {

// Dict views: keys and items compare as sets (only with views of their own type);
// a values view equals nothing but itself, and each .values() call makes a new one.
bool equal_views(const Value& a, const Value& b) {
    if (a.view_type() != b.view_type() || std::string_view(a.view_type()) == "dict_values") return false;
    const List& x = a.as_list();
    const List& y = b.as_list();
    return x.size() == y.size() && std::all_of(x.begin(), x.end(), [&](const Value& item) { return contains(b, item); });
}

bool is_nan(const Value& v) { return v.is_float() && std::isnan(v.as_float()); }

// Numbers where one is a BigInt, compared exactly as Python compares int with int or float
// (not via float, which would round the BigInt). NaN compares as the float comparisons do.
int compare_numbers(const Value& a, const Value& b) {
    if (is_nan(a) || is_nan(b)) return 0;
    if (a.is_float()) return -bigint::compare_with_double(b, a.as_float());
    if (b.is_float()) return bigint::compare_with_double(a, b.as_float());
    return bigint::compare(a, b);
}

}  // namespace

bool equals(const Value& a, const Value& b) {
    require_defined(a);
    require_defined(b);
    if (a.is_number() && b.is_number()) {
        if (a.is_big_int() || b.is_big_int()) return !is_nan(a) && !is_nan(b) && compare_numbers(a, b) == 0;
        if (a.is_float() || b.is_float()) return a.as_float() == b.as_float();
        return a.as_int() == b.as_int();
    }
    if (a.is_string() && b.is_string()) {
        const std::string_view x = a.as_string(), y = b.as_string();
        return x.size() == y.size() && (x.data() == y.data() || x == y);  // a copy of one str: no byte read
    }
    if (a.kind() != b.kind()) return false;
    if (a.view_type() || b.view_type()) return equal_views(a, b);
    switch (a.kind()) {
        case Value::Kind::None: return true;
        case Value::Kind::List:
        case Value::Kind::Tuple: {
            const auto& x = a.as_list();
            const auto& y = b.as_list();
            if (x.size() != y.size()) return false;
            for (std::size_t i = 0; i < x.size(); ++i)
                if (!equals(x[i], y[i])) return false;
            return true;
        }
        case Value::Kind::Dict: {  // order-insensitive, as Python's dict ==
            const auto& x = a.as_dict();
            const auto& y = b.as_dict();
            if (x.size() != y.size()) return false;
            for (const auto& [k, v] : x.entries()) {
                const Value* other = y.find(k);
                if (!other || !equals(v, *other)) return false;
            }
            return true;
        }
        default: return a.same_object(b);
    }
}

int compare(const Value& a, const Value& b, std::string_view op) {
    require_defined(a);
    require_defined(b);
    if (a.is_number() && b.is_number()) {
        if (a.is_big_int() || b.is_big_int()) return compare_numbers(a, b);
        if (a.is_float() || b.is_float()) {
            double x = a.as_float(), y = b.as_float();
            return x < y ? -1 : (x > y ? 1 : 0);
        }
        auto x = a.as_int(), y = b.as_int();
        return x < y ? -1 : (x > y ? 1 : 0);
    }
    if (a.is_string() && b.is_string()) {  // UTF-8 byte order is code point order
        int c = a.as_string().compare(b.as_string());
        return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    if (a.kind() == b.kind() && a.is_sequence()) {  // lexicographic, as Python
        const auto& x = a.as_list();
        const auto& y = b.as_list();
        for (std::size_t i = 0; i < x.size() && i < y.size(); ++i) {
            if (equals(x[i], y[i])) continue;
            return compare(x[i], y[i], op);
        }
        return x.size() < y.size() ? -1 : (x.size() > y.size() ? 1 : 0);
    }
    fail("'" + std::string(op) + "' not supported between instances of '" + type_name(a) + "' and '" + type_name(b) + "'");
}

// ---------------------------------------------------------------- arithmetic

namespace {

std::string op_symbol(BinaryOp op) {
    switch (op) {
        case BinaryOp::Add: return "+";
        case BinaryOp::Sub: return "-";
        case BinaryOp::Mul: return "*";
        case BinaryOp::Div: return "/";
        case BinaryOp::FloorDiv: return "//";
        case BinaryOp::Mod: return "%";
        case BinaryOp::Pow: return "** or pow()";
        case BinaryOp::Concat: return "~";
    }
    return "?";
}

[[noreturn]] void unsupported(BinaryOp op, const Value& a, const Value& b) {
    fail("unsupported operand type(s) for " + op_symbol(op) + ": '" + type_name(a) + "' and '" + type_name(b) + "'");
}

bool is_integral(const Value& v) { return v.is_int() || v.is_bool() || v.is_big_int(); }

// Sequence repetition counts: a BigInt count does not fit an index, as in Python.
std::int64_t repeat_count(const Value& v) {
    if (v.is_big_int()) fail("cannot fit 'int' into an index-sized integer");
    return v.as_int();
}

constexpr std::size_t max_repeat_bytes = 64u << 20;

Value repeat(const Value& seq, std::int64_t times) {
    if (seq.is_string()) {
        std::string_view s = seq.as_string();
        std::string out;
        if (times > 0 && !s.empty()) {
            if (static_cast<std::uint64_t>(times) > max_repeat_bytes / s.size()) fail("repetition result too large");
            out.reserve(s.size() * static_cast<std::size_t>(times));
            for (std::int64_t i = 0; i < times; ++i) out += s;
        }
        return Value::same_kind(seq, out);
    }
    const auto& items = seq.as_list();
    List out;
    if (times > 0 && !items.empty()) {
        if (static_cast<std::uint64_t>(times) > max_repeat_bytes / (items.size() * sizeof(Value)))
            fail("repetition result too large");
        out.reserve(items.size() * static_cast<std::size_t>(times));
        for (std::int64_t i = 0; i < times; ++i) out.insert(out.end(), items.begin(), items.end());
    }
    return seq.is_tuple() ? Value::tuple(std::move(out)) : Value::list(std::move(out));
}

Value concat_sequences(const Value& a, const Value& b) {
    if (a.is_string() && b.is_string()) {
        // Markup on either side escapes the plain str (Markup.__add__/__radd__).
        if (a.is_markup() && !b.is_markup()) return Value::markup(std::string(a.as_string()) + html_escape(b.as_string()));
        if (b.is_markup() && !a.is_markup()) return Value::markup(html_escape(a.as_string()).append(b.as_string()));
        std::string out;
        out.reserve(a.as_string().size() + b.as_string().size());
        out += a.as_string();
        out += b.as_string();
        return Value::same_kind(a, out);
    }
    if (a.view_type() || b.view_type()) unsupported(BinaryOp::Add, a, b);
    if (a.kind() == b.kind() && a.is_sequence()) {
        List out;
        out.reserve(a.as_list().size() + b.as_list().size());
        out.insert(out.end(), a.as_list().begin(), a.as_list().end());
        out.insert(out.end(), b.as_list().begin(), b.as_list().end());
        return a.is_tuple() ? Value::tuple(std::move(out)) : Value::list(std::move(out));
    }
    if ((a.kind() == Value::Kind::String || a.is_sequence()) && !a.is_markup())
        fail("can only concatenate " + type_name(a) + " (not \"" + type_name(b) + "\") to " + type_name(a));
    unsupported(BinaryOp::Add, a, b);
}

double float_floor_div(double a, double b) {
    if (b == 0) fail("float floor division by zero");
    // CPython's float_divmod: keeps floor division consistent with %.
    double mod = std::fmod(a, b);
    double div = (a - mod) / b;
    if (mod != 0 && ((b < 0) != (mod < 0))) div -= 1.0;
    if (div == 0) return std::copysign(0.0, a / b);
    double floordiv = std::floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
    return floordiv;
}

double float_mod(double a, double b) {
    if (b == 0) fail("float modulo");
    double mod = std::fmod(a, b);
    if (mod != 0) {
        if ((b < 0) != (mod < 0)) mod += b;
    } else {
        mod = std::copysign(0.0, b);
    }
    return mod;
}

// base ** exp in int64, or nullopt when the result does not fit.
std::optional<std::int64_t> int_pow(std::int64_t base, std::int64_t exp) {
    std::int64_t result = 1;
    while (exp > 0) {
        if (exp & 1) {
            if (__builtin_mul_overflow(result, base, &result)) return std::nullopt;
        }
        exp >>= 1;
        if (exp && __builtin_mul_overflow(base, base, &base)) return std::nullopt;
    }
    return result;
}

// Integers up to 2^53 are exact doubles, so hardware division rounds their quotient
// correctly; larger ones take GMP's exact path (Python's int / int is correctly rounded).
double int_true_divide(const Value& a, const Value& b) {
    constexpr std::int64_t exact = std::int64_t{1} << 53;
    if (!a.is_big_int() && !b.is_big_int()) {
        std::int64_t x = a.as_int(), y = b.as_int();
        if (y == 0) fail("division by zero");
        if (x >= -exact && x <= exact && y >= -exact && y <= exact) return static_cast<double>(x) / static_cast<double>(y);
    }
    return bigint::true_divide(a, b);
}

// Python's int arithmetic: int64 with overflow checks, exact (GMP) when a result or an
// operand is beyond int64.
Value int_arithmetic(BinaryOp op, const Value& a, const Value& b) {
    if (op == BinaryOp::Div) return Value(int_true_divide(a, b));
    if (a.is_big_int() || b.is_big_int()) return bigint::arithmetic(op, a, b);
    std::int64_t x = a.as_int(), y = b.as_int(), r = 0;
    switch (op) {
        case BinaryOp::Add:
            if (__builtin_add_overflow(x, y, &r)) return bigint::arithmetic(op, a, b);
            return Value(r);
        case BinaryOp::Sub:
            if (__builtin_sub_overflow(x, y, &r)) return bigint::arithmetic(op, a, b);
            return Value(r);
        case BinaryOp::Mul:
            if (__builtin_mul_overflow(x, y, &r)) return bigint::arithmetic(op, a, b);
            return Value(r);
        case BinaryOp::FloorDiv: {
            if (y == 0) fail("integer division or modulo by zero");
            if (x == std::numeric_limits<std::int64_t>::min() && y == -1) return bigint::arithmetic(op, a, b);
            std::int64_t q = x / y;
            if ((x % y != 0) && ((x < 0) != (y < 0))) --q;
            return Value(q);
        }
        case BinaryOp::Mod: {
            if (y == 0) fail("integer modulo by zero");
            if (y == -1) return Value(std::int64_t{0});
            std::int64_t m = x % y;
            if (m != 0 && ((m < 0) != (y < 0))) m += y;
            return Value(m);
        }
        case BinaryOp::Pow:
            if (y >= 0) {
                if (auto p = int_pow(x, y)) return Value(*p);
                return bigint::arithmetic(op, a, b);
            }
            if (x == 0) fail("0.0 cannot be raised to a negative power");
            return Value(std::pow(static_cast<double>(x), static_cast<double>(y)));
        default: break;
    }
    unsupported(op, a, b);
}

Value arithmetic(BinaryOp op, const Value& a, const Value& b) {
    if (!a.is_float() && !b.is_float()) return int_arithmetic(op, a, b);
    double x = a.as_float(), y = b.as_float();
    switch (op) {
        case BinaryOp::Add: return Value(x + y);
        case BinaryOp::Sub: return Value(x - y);
        case BinaryOp::Mul: return Value(x * y);
        case BinaryOp::Div:
            if (y == 0) fail("float division by zero");
            return Value(x / y);
        case BinaryOp::FloorDiv: return Value(float_floor_div(x, y));
        case BinaryOp::Mod: return Value(float_mod(x, y));
        case BinaryOp::Pow:
            if (x == 0 && y < 0) fail("0.0 cannot be raised to a negative power");
            if (x < 0 && y != std::floor(y)) fail("negative number cannot be raised to a fractional power");
            return Value(std::pow(x, y));
        default: break;
    }
    unsupported(op, a, b);
}

}  // namespace

Value binary_op(BinaryOp op, const Value& a, const Value& b) {
    require_defined(a);
    require_defined(b);
    if (op == BinaryOp::Concat) return Value(to_str(a) + to_str(b));
    if (a.is_number() && b.is_number()) return arithmetic(op, a, b);
    switch (op) {
        case BinaryOp::Add: return concat_sequences(a, b);
        case BinaryOp::Mul:
            if (a.view_type() || b.view_type()) break;
            if ((a.is_string() || a.is_sequence()) && is_integral(b)) return repeat(a, repeat_count(b));
            if ((b.is_string() || b.is_sequence()) && is_integral(a)) return repeat(b, repeat_count(a));
            if (a.is_string() || a.is_sequence())
                fail("can't multiply sequence by non-int of type '" + type_name(b) + "'");
            if (b.is_string() || b.is_sequence())
                fail("can't multiply sequence by non-int of type '" + type_name(a) + "'");
            break;
        case BinaryOp::Mod:
            if (a.is_string()) {
                std::string out = py::percent_format(a.as_string(), b, a.is_markup());
                return Value::same_kind(a, out);
            }
            break;
        default: break;
    }
    unsupported(op, a, b);
}

Value negate(const Value& v) {
    require_defined(v);
    if (v.is_float()) return Value(-v.as_float());
    if (is_integral(v)) {
        if (v.is_big_int() || v.as_int() == std::numeric_limits<std::int64_t>::min()) return bigint::negate(v);
        return Value(-v.as_int());
    }
    fail("bad operand type for unary -: '" + type_name(v) + "'");
}

Value positive(const Value& v) {
    require_defined(v);
    if (v.is_float() || v.is_big_int()) return v;
    if (is_integral(v)) return Value(v.as_int());
    fail("bad operand type for unary +: '" + type_name(v) + "'");
}

bool contains(const Value& container, const Value& item) {
    require_defined(container);
    switch (container.kind()) {
        case Value::Kind::String:
        case Value::Kind::Markup:
            require_defined(item);
            if (!item.is_string())
                fail("'in <string>' requires string as left operand, not " + type_name(item));
            return container.as_string().find(item.as_string()) != std::string::npos;
        case Value::Kind::List:
        case Value::Kind::Tuple:
            for (const auto& x : container.as_list())
                if (equals(x, item)) return true;
            return false;
        case Value::Kind::Dict:
            require_defined(item);
            if (item.is_list() || item.is_dict()) fail("unhashable type: '" + type_name(item) + "'");
            return container.as_dict().find(item) != nullptr;
        default:
            if (const Range* r = as_range(container)) {
                for (std::size_t i = 0; i < r->size(); ++i)
                    if (equals(Value(r->at(i)), item)) return true;
                return false;
            }
            if (Iterator* it = as_iterator(container)) {  // `in` consumes a generator up to the match
                while (auto x = it->next())
                    if (equals(*x, item)) return true;
                return false;
            }
            fail("argument of type '" + type_name(container) + "' is not iterable");
    }
}

// ---------------------------------------------------------------- escaping, iteration

namespace {
// Bytes HTML escaping replaces: & < > " '.
constexpr std::array<bool, 256> html_specials = [] {
    std::array<bool, 256> specials{};
    for (unsigned char c : {'&', '<', '>', '"', '\''}) specials[c] = true;
    return specials;
}();

// The position of the first byte of `s` from `from` that HTML escaping replaces, or s.size():
// 16 bytes at a time where SSE2 is there (every x86-64); the table for the rest.
std::size_t next_html_special(std::string_view s, std::size_t from) {
#ifdef __SSE2__
    const __m128i amp = _mm_set1_epi8('&'), lt = _mm_set1_epi8('<'), gt = _mm_set1_epi8('>');
    const __m128i quot = _mm_set1_epi8('"'), apos = _mm_set1_epi8('\'');
    for (; from + 16 <= s.size(); from += 16) {
        __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + from));
        __m128i hits = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(chunk, amp), _mm_cmpeq_epi8(chunk, lt)),
                                    _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(chunk, gt), _mm_cmpeq_epi8(chunk, quot)),
                                                 _mm_cmpeq_epi8(chunk, apos)));
        if (int mask = _mm_movemask_epi8(hits)) return from + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
    }
#endif
    while (from < s.size() && !html_specials[static_cast<unsigned char>(s[from])]) ++from;
    return from;
}

std::string_view html_entity(char c) {
    switch (c) {
        case '&': return "&amp;";
        case '<': return "&lt;";
        case '>': return "&gt;";
        case '"': return "&#34;";
        default: return "&#39;";
    }
}
}  // namespace

void append_html_escaped(std::string& out, std::string_view s) {
    // Text is mostly plain: copy the runs between special characters in one append each.
    std::size_t run_start = 0;
    for (std::size_t i = next_html_special(s, 0); i < s.size(); i = next_html_special(s, i + 1)) {
        out.append(s.data() + run_start, i - run_start);
        out.append(html_entity(s[i]));
        run_start = i + 1;
    }
    out.append(s.data() + run_start, s.size() - run_start);
}

std::string html_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    append_html_escaped(out, s);
    return out;
}

Value escape(const Value& v) {
    if (v.is_markup()) return v;
    if (v.kind() == Value::Kind::String) return Value::markup(html_escape(v.as_string()));
    return Value::markup(html_escape(to_str(v)));
}

List iterate(const Value& v) {
    switch (v.kind()) {
        case Value::Kind::Undefined: fail_undefined(v);
        case Value::Kind::List:
        case Value::Kind::Tuple: return v.as_list();
        case Value::Kind::Dict: {
            List keys;
            keys.reserve(v.as_dict().size());
            for (const auto& entry : v.as_dict().entries()) keys.push_back(entry.first);
            return keys;
        }
        case Value::Kind::String:
        case Value::Kind::Markup: {  // characters are plain str, even of a Markup
            List chars;
            std::string_view s = v.as_string();
            chars.reserve(s.size());
            for (std::size_t i = 0; i < s.size();) {
                std::size_t start = i;
                py::next_code_point(s, i);
                chars.emplace_back(s.substr(start, i - start));
            }
            return chars;
        }
        default:
            if (Iterator* it = as_iterator(v)) return it->take();  // generators iterate once
            if (const Range* r = as_range(v)) return r->items();
            fail("'" + type_name(v) + "' object is not iterable");
    }
}

}  // namespace quorum::tmpl
