// Runtime values of the template language, with Python's semantics.
//
// Jinja2 templates run on Python objects; to produce the same bytes we model the
// subset of Python's object model templates can observe: None, bool, int, float,
// str (and Markup, a str marked safe for autoescaping), list, tuple, dict (insertion
// ordered), callables (macros, globals, bound methods) and a few runtime objects
// (loop, namespace, undefined). Values are cheap to copy: containers are shared.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include "template/error.hpp"
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace quorum::tmpl {

class Value;
struct BigInt;      // bigint.hpp: an int beyond 64 bits (GMP)
class Interpreter;  // the renderer (runtime.hpp); builtins receive it to call back into templates

using List = std::vector<Value>;

// Insertion-ordered dict. Keys are Values (usually strings); string keys are indexed.
class Dict {
public:
    const Value* find(const Value& key) const;
    const Value* find(std::string_view key) const;
    // [additive] string keys without the Value/string_view ambiguity: find("name").
    const Value* find(const char* key) const { return find(std::string_view(key)); }
    const Value* find(const std::string& key) const { return find(std::string_view(key)); }
    void set(Value key, Value value);  // replaces in place when the key exists (order kept)
    // A new dict's entries in one go, as set() one by one would make them (moved from `entries`).
    void set_all(std::vector<std::pair<Value, Value>>& entries);
    bool erase(const Value& key);
    void reserve(std::size_t n);
    std::size_t size() const;
    const std::vector<std::pair<Value, Value>>& entries() const { return entries_; }

private:
    // Transparent hashing: find(string_view) looks up without building a std::string.
    struct StringHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    // Below this many entries a linear scan beats hashing (and saves an index per data row).
    static constexpr std::size_t index_threshold = 12;

    std::vector<std::pair<Value, Value>> entries_;
    // While every key is an interned str, an interned key absent by address is absent.
    bool all_keys_interned_ = true;
    // Built only once a dict outgrows a linear scan.
    std::unordered_map<std::string, std::size_t, StringHash, std::equal_to<>> string_index_;
    void append(Value key, Value value);
    void index_strings();
};

// Arguments of a call: positional then keyword, as written at the call site.
struct Arguments {
    List positional;
    std::vector<std::pair<std::string, Value>> keyword;

    const Value* keyword_arg(std::string_view name) const;
};

// Anything callable from a template: a macro, a global such as range(), a bound method.
class Callable {
public:
    virtual ~Callable() = default;
    virtual Value call(Interpreter& interp, Arguments args) const = 0;
    virtual std::string name() const = 0;  // for error messages and repr
    // Attributes Jinja2 exposes on it (a macro's name, arguments...); nullopt when it has none.
    // (Defined in value.cpp: Value is incomplete here.)
    virtual std::optional<Value> attribute(std::string_view name) const;
    // Its Python type, as "'X object' has no attribute ..." names it.
    virtual std::string python_type() const { return "builtin_function_or_method"; }
};

// Objects with attributes (loop, namespace, group tuples, macro's caller...).
// `attribute` returns nullopt when the attribute does not exist (-> undefined).
class Object {
public:
    virtual ~Object() = default;
    virtual std::optional<Value> attribute(std::string_view name) const = 0;
    // Namespace only; the default refuses. (Defined in value.cpp: Value is incomplete here.)
    virtual bool set_attribute(std::string_view name, Value v);
    virtual std::string type_name() const = 0;   // as Python names it: 'LoopContext', 'Namespace'
    virtual std::string repr() const = 0;
};

// Why a value is undefined, so using it can say so the way Jinja2 does:
//   'foo' is undefined  /  'dict object' has no attribute 'x'  /  'list object' has no element 5
struct UndefinedInfo {
    std::string hint;  // the full Jinja2-style message, e.g. "'foo' is undefined"
};

class Value {
public:
    enum class Kind : std::uint8_t {
        Undefined, None, Bool, Int, Float, String, Markup, List, Tuple, Dict, Callable, Object,
        BigInt  // a Python int outside int64's range (smaller results are always Int)
    };

    Value();  // Undefined with an empty hint
    static Value undefined(std::string hint);
    static Value none();
    Value(bool b);
    Value(std::int64_t i);
    Value(int i) : Value(static_cast<std::int64_t>(i)) {}
    Value(double d);
    Value(std::string s);              // str
    Value(const char* s) : Value(std::string(s)) {}
    // A str whose storage every equal interned string on this thread shares: JSON object keys
    // and template attribute names, so a Dict lookup compares pointers, not bytes.
    static Value interned(std::string_view s);
    static Value markup(std::string s);  // str already safe for HTML (Markup)
    static Value list(List items);
    static Value tuple(List items);
    static Value dict(Dict d);
    static Value callable(std::shared_ptr<const Callable> c);
    static Value object(std::shared_ptr<Object> o);
    // Use bigint::make, which demotes values that fit int64.
    static Value big_int(std::shared_ptr<const BigInt> b);
    // A tuple whose fields also have names (Python's NamedTuple, e.g. groupby's
    // (grouper, list)): it prints, compares and unpacks as a tuple; method_of() answers
    // the field names through `fields`.  [additive, value.cpp]
    static Value named_tuple(List items, std::shared_ptr<Object> fields);
    // dict.items()/keys()/values(): a list that prints, compares and names its type as Python's
    // view ("dict_items([('a', 1)])"), is no `sequence` and has no [i] or slices.  [value.cpp]
    static Value dict_view(List items, const char* python_type);

    // JSON -> Value: objects keep file order; integers stay int, reals float.
    static Value from_json(const nlohmann::ordered_json& j);
    // Value -> JSON (for tojson); Markup/str both become strings.
    nlohmann::ordered_json to_json() const;

    Kind kind() const { return kind_; }
    bool is_undefined() const { return kind_ == Kind::Undefined; }
    bool is_none() const { return kind_ == Kind::None; }
    bool is_bool() const { return kind_ == Kind::Bool; }
    bool is_int() const { return kind_ == Kind::Int; }    // bool is NOT int here; Python's isinstance(True, int) is handled by ops
    bool is_float() const { return kind_ == Kind::Float; }
    bool is_big_int() const { return kind_ == Kind::BigInt; }
    bool is_number() const {
        return kind_ == Kind::Int || kind_ == Kind::Float || kind_ == Kind::Bool || kind_ == Kind::BigInt;
    }
    bool is_string() const { return kind_ == Kind::String || kind_ == Kind::Markup; }  // str or Markup
    bool is_markup() const { return kind_ == Kind::Markup; }
    bool is_list() const { return kind_ == Kind::List; }
    bool is_tuple() const { return kind_ == Kind::Tuple; }
    bool is_sequence() const { return kind_ == Kind::List || kind_ == Kind::Tuple; }
    bool is_dict() const { return kind_ == Kind::Dict; }
    bool is_callable() const { return kind_ == Kind::Callable; }
    bool is_interned() const { return interned_; }
    // The heap part's address (string storage etc.): equal for values that share it.
    const void* storage() const { return ptr_.get(); }
    bool is_object() const { return kind_ == Kind::Object; }

    bool as_bool() const;                  // precondition: is_bool
    std::int64_t as_int() const;           // precondition: is_int or is_bool
    double as_float() const;               // any number (a BigInt too large for a float raises)
    const BigInt& as_big_int() const;      // precondition: is_big_int
    const std::string& as_string() const;  // precondition: is_string
    const List& as_list() const;           // precondition: is_sequence
    List& mutable_list();                  // precondition: is_sequence (copy-on-write not needed: lists are built, then read)
    const Dict& as_dict() const;
    Dict& mutable_dict();
    const Callable& as_callable() const;
    Object& as_object() const;
    const std::string& undefined_hint() const;  // precondition: is_undefined
    const Object* tuple_fields() const;  // named_tuple's field names, else nullptr  [additive]
    const char* view_type() const;       // "dict_items", "dict_keys", "dict_values", else nullptr
    // The shared container/string behind the value (Python's `is` for the sameas test);
    // nullptr for scalars.  [additive]
    const void* identity() const;

private:
    // 32 bytes: a kind, a scalar, and one shared pointer to the heap part (a std::string for
    // str/Markup/undefined hints, a Sequence for list/tuple, a Dict, a Callable or an Object).
    // Copying a Value is one reference-count increment.
    struct Sequence;
    Kind kind_;
    bool interned_ = false;  // a str from Value::interned (fits in the padding after kind_)
    union {
        bool bool_;
        std::int64_t int_;
        double float_;
    };
    std::shared_ptr<void> ptr_;
};

// Defined here, not in Dict: they instantiate std::pair<Value, Value>, which needs Value
// complete (GCC defers that to the end of the file; clang does not).
inline void Dict::reserve(std::size_t n) { entries_.reserve(n); }
inline std::size_t Dict::size() const { return entries_.size(); }

// Raised by value operations and builtins; the interpreter adds file, line and column.
// `message` is Jinja2's wording where Jinja2 has one, e.g. "'foo' is undefined".
struct TemplateError {
    std::string message;
    // Raised in a lazy filter's body (map, select...): where that filter was called. The error
    // is located where the generator was read, as Jinja2 does; this says where it was made.
    std::optional<SourceLocation> filter_at = std::nullopt;
};

// ---- Python semantics used by the interpreter and by filters (value.cpp) ----

std::string to_str(const Value& v);   // str(v); undefined -> throws TemplateError(hint)
std::string repr(const Value& v);     // repr(v): 'a', [1, 'b'], {'k': 1.5}, None, Markup('x')
std::string python_float_repr(double d);  // 1.0, 0.30000000000000004, 1e-05, 1e+16, inf, nan
bool truthy(const Value& v);          // bool(v); undefined -> throws
std::string type_name(const Value& v);  // 'str', 'int', 'dict', ... as in Jinja2's messages

bool equals(const Value& a, const Value& b);   // a == b (1 == 1.0 == True)
// a < b etc. Throws TemplateError "'<' not supported between instances of 'str' and 'int'".
int compare(const Value& a, const Value& b, std::string_view op_for_error);

enum class BinaryOp { Add, Sub, Mul, Div, FloorDiv, Mod, Pow, Concat /* ~ */ };
Value binary_op(BinaryOp op, const Value& a, const Value& b);  // throws TemplateError
Value negate(const Value& v);   // unary -
Value positive(const Value& v); // unary +
bool contains(const Value& container, const Value& item);  // `item in container`

// Autoescaping: escape(str) -> Markup with & < > " ' replaced; Markup passes through.
std::string html_escape(std::string_view s);
void append_html_escaped(std::string& out, std::string_view s);  // html_escape without a temporary
Value escape(const Value& v);

// Iteration as Python's iter(): list/tuple items, dict keys, string characters.
List iterate(const Value& v);  // throws TemplateError "'int' object is not iterable"

}  // namespace quorum::tmpl
