// Runtime values of the template language, with Python's semantics.
//
// Jinja2 templates run on Python objects; to produce the same bytes we model the
// subset of Python's object model templates can observe: None, bool, int, float,
// str (and Markup, a str marked safe for autoescaping), list, tuple, dict (insertion
// ordered), callables (macros, globals, bound methods) and a few runtime objects
// (loop, namespace, undefined). Values are cheap to copy: containers are shared.
#pragma once

#include <array>
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
//
// The keys live apart from the values, in a key list that dicts with the same keys in the
// same order share: every row of a JSON table points at one list. A lookup then scans
// keys that stay in the cache whichever row asks, and touches the row only for the value
// (a 5,000-row table's lookups were mostly cache misses on per-row key copies). A dict
// copies its key list before it adds or removes a key (copy on write).
class Dict {
public:
    // One entry, as entries() gives it: references to the key and the value.
    struct Entry {
        const Value& first;
        const Value& second;
    };
    // The entries in order; `for (const auto& [k, v] : d.entries())`, size(), [i].
    class Entries;

    Dict() = default;
    // A dict with `same_keys_as`'s keys (shared, not copied) and these values, one per key in
    // the same order: how the JSON reader makes the rows of a table.
    Dict(const Dict& same_keys_as, std::vector<Value> values);

    const Value* find(const Value& key) const;  // inline: the hot case is a remembered hit
    // find(key), first trying position `hint`, which it then sets to where the key was found.
    // A template's `row.field` keeps its own hint: rows sharing a key list are then answered
    // at once, whatever other fields are looked up in between. The hint is only a guess: a
    // key that is not the same interned str at that position is searched for as usual.
    const Value* find(const Value& key, std::size_t& hint) const;
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
    Entries entries() const;
    // Whether `other` shares this dict's key list (so has the same keys in the same order).
    bool shares_keys_with(const Dict& other) const { return keys_ && keys_ == other.keys_; }
    const Value& key_at(std::size_t i) const;  // precondition: i < size()

private:
    // Below this many entries a linear scan beats hashing (and saves an index per key list).
    static constexpr std::size_t index_threshold = 12;

    struct Keys;  // defined after Value (it holds Values)
    std::shared_ptr<Keys> keys_;  // null while the dict is empty
    std::vector<Value> values_;   // values_[i] belongs to keys_->list[i]

    const Value* find_by_scan(const Value& key) const;  // find() when no remembered hit answers
    Keys& own_keys();  // keys_, copied first if another dict shares it
    void append(Value key, Value value);
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

    Value() : kind_(Kind::Undefined), int_(0) {}  // Undefined with an empty hint
    static Value undefined(std::string_view hint);
    static Value none() {
        Value v;
        v.kind_ = Kind::None;
        return v;
    }
    Value(bool b) : kind_(Kind::Bool), int_(0) { bool_ = b; }
    Value(std::int64_t i) : kind_(Kind::Int), int_(i) {}
    Value(int i) : Value(static_cast<std::int64_t>(i)) {}
    Value(double d) : kind_(Kind::Float), float_(d) {}
    // A str holding a copy of `s`, in one allocation (reference counts and characters).
    explicit Value(std::string_view s);
    Value(const std::string& s) : Value(std::string_view(s)) {}
    Value(const char* s) : Value(std::string_view(s)) {}
    // A str of `text`, which lies in memory that `owner` keeps alive (the JSON reader's copy of
    // the data file): it points there and shares the ownership, so it costs no allocation or copy.
    static Value shared_text(const std::shared_ptr<const void>& owner, std::string_view text);
    // A str whose storage every equal interned string on this thread shares: JSON object keys
    // and template attribute names, so a Dict lookup compares pointers, not bytes.
    static Value interned(std::string_view s);
    static Value markup(std::string_view s);  // str already safe for HTML (Markup)
    // A str of `text` of the same kind as `s`: Markup when `s` is (markupsafe: Markup's methods,
    // slices, concatenation and % formatting give Markup), else a plain str.
    static Value same_kind(const Value& s, std::string_view text) { return s.is_markup() ? markup(text) : Value(text); }
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

    // The accessors are inline (defined below): they are on every hot path of the renderer.
    bool as_bool() const { return bool_; }  // precondition: is_bool
    std::int64_t as_int() const { return kind_ == Kind::Bool ? (bool_ ? 1 : 0) : int_; }  // precondition: is_int or is_bool
    double as_float() const;               // any number (a BigInt too large for a float raises)
    const BigInt& as_big_int() const { return *static_cast<const BigInt*>(ptr_.get()); }  // precondition: is_big_int
    std::string_view as_string() const;    // precondition: is_string (an undefined value: its hint)
    const List& as_list() const;           // precondition: is_sequence
    List& mutable_list();                  // precondition: is_sequence (copy-on-write not needed: lists are built, then read)
    const Dict& as_dict() const { return *static_cast<const Dict*>(ptr_.get()); }
    Dict& mutable_dict() { return *static_cast<Dict*>(ptr_.get()); }
    const Callable& as_callable() const;
    Object& as_object() const;
    std::string_view undefined_hint() const { return as_string(); }  // precondition: is_undefined
    const Object* tuple_fields() const;  // named_tuple's field names, else nullptr  [additive]
    const char* view_type() const;       // "dict_items", "dict_keys", "dict_values", else nullptr
    // The shared container/string behind the value; nullptr for scalars.  [additive]
    const void* identity() const;
    // Python's `a is b` for values with an identity (str, containers, callables, objects): the
    // same storage. Two strings read from JSON are two views at different places of its text.
    bool same_object(const Value& other) const { return identity() && identity() == other.identity(); }

private:
    // 32 bytes: a kind, a scalar, and one shared pointer to the heap part (a Sequence for
    // list/tuple, a Dict, a Callable or an Object). Copying a Value is one reference-count increment.
    // Text (str, Markup, an undefined value's hint) is not a std::string: ptr_ points at the
    // characters and int_ holds their length. The characters are either a block of their own
    // (reference counts and characters in one allocation) or lie inside a larger buffer that
    // ptr_ shares ownership of (an aliasing shared_ptr: the JSON data file's text).
    struct Sequence;
    double float_of_big_int() const;  // bigint.cpp's conversion, out of line
    void set_text(std::shared_ptr<void> chars, std::size_t size);  // ptr_ and int_ for a text value
    Kind kind_;
    bool interned_ = false;  // a str from Value::interned (fits in the padding after kind_)
    union {
        bool bool_;
        std::int64_t int_;  // also a text's length in bytes
        double float_;
    };
    std::shared_ptr<void> ptr_;
};

// Defined here, not in Dict: they hold Values, which must be complete first.
// What a list or tuple points to: the items, and a named tuple's field names.
struct Value::Sequence {
    List items;
    std::shared_ptr<Object> fields;
    const char* view = nullptr;  // a dict view's type name
};

inline double Value::as_float() const {
    if (kind_ == Kind::Float) return float_;
    if (kind_ == Kind::BigInt) return float_of_big_int();
    return static_cast<double>(as_int());
}
// An undefined value without a hint has no characters (a null ptr_ and length 0).
inline std::string_view Value::as_string() const {
    if (!is_string() && !is_undefined()) return {};
    return {static_cast<const char*>(ptr_.get()), static_cast<std::size_t>(int_)};
}
inline const List& Value::as_list() const { return static_cast<const Sequence*>(ptr_.get())->items; }
inline List& Value::mutable_list() { return static_cast<Sequence*>(ptr_.get())->items; }

struct Dict::Keys {
    // Transparent hashing: find(string_view) looks up without building a std::string.
    struct StringHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::vector<Value> list;
    // While every key is an interned str, an interned key absent by address is absent.
    bool all_interned = true;
    // Built only once the list outgrows a linear scan; shared with the list.
    std::unordered_map<std::string, std::size_t, StringHash, std::equal_to<>> string_index;
    // Where recently asked interned keys were found, by their address: every row of a table
    // asks this one list, so a template's few attribute names are answered without a scan.
    struct Hit {
        const void* key = nullptr;
        std::size_t index = 0;
    };
    mutable std::array<Hit, 16> recent_hits;
    // Interned strings are 64-byte heap blocks, mostly made one after another: their addresses
    // step by 64, which this spreads over consecutive slots.
    Hit& hit_slot(const void* key) const { return recent_hits[(reinterpret_cast<std::uintptr_t>(key) >> 6) % recent_hits.size()]; }

    void push_back(Value key);
    void erase(std::size_t i);
    void index_strings();
};

class Dict::Entries {
public:
    class iterator {
    public:
        using difference_type = std::ptrdiff_t;
        using value_type = Entry;
        iterator(const Dict* d, std::size_t i) : dict_(d), i_(i) {}
        Entry operator*() const { return {dict_->keys_->list[i_], dict_->values_[i_]}; }
        iterator& operator++() { ++i_; return *this; }
        bool operator==(const iterator& o) const { return i_ == o.i_; }
    private:
        const Dict* dict_;
        std::size_t i_;
    };
    explicit Entries(const Dict& d) : dict_(&d) {}
    iterator begin() const { return {dict_, 0}; }
    iterator end() const { return {dict_, dict_->size()}; }
    std::size_t size() const { return dict_->size(); }
    bool empty() const { return dict_->size() == 0; }
    Entry operator[](std::size_t i) const { return {dict_->keys_->list[i], dict_->values_[i]}; }
private:
    const Dict* dict_;
};

// Defined after Value, not in Dict: they need Value complete (GCC defers that to the end of
// the file; clang does not).
inline std::size_t Dict::size() const { return values_.size(); }
inline Dict::Entries Dict::entries() const { return Entries(*this); }
inline const Value* Dict::find(const Value& key) const {
    if (keys_ && key.is_interned()) {
        // Indices stay valid while keys are only appended; Keys::erase forgets the hits.
        const Keys::Hit& hit = keys_->hit_slot(key.storage());
        if (hit.key == key.storage()) return &values_[hit.index];
    }
    return find_by_scan(key);
}
inline const Value* Dict::find(const Value& key, std::size_t& hint) const {
    if (hint < values_.size() && key.is_interned() && keys_->list[hint].storage() == key.storage()) return &values_[hint];
    const Value* found = find(key);
    if (found) hint = static_cast<std::size_t>(found - values_.data());
    return found;
}
inline const Value& Dict::key_at(std::size_t i) const { return keys_->list[i]; }

// Raised by value operations and builtins; the interpreter adds file, line and column.
// `message` is Jinja2's wording where Jinja2 has one, e.g. "'foo' is undefined".
struct TemplateError {
    std::string message;
    // Raised in a lazy filter's body (map, select...): where that filter was called. The error
    // is located where the generator was read, as Jinja2 does; this says where it was made.
    std::optional<SourceLocation> filter_at = std::nullopt;
};

// The one way value operations, filters, tests and the interpreter raise a template error.
[[noreturn]] inline void fail(std::string message) { throw TemplateError{std::move(message)}; }
// Using an undefined value (printing, comparing, arithmetic...) is an error: its hint says why.
[[noreturn]] inline void fail_undefined(const Value& v) { fail(std::string(v.undefined_hint())); }
inline void require_defined(const Value& v) {
    if (v.is_undefined()) fail_undefined(v);
}

// ---- Python semantics used by the interpreter and by filters (value.cpp) ----

std::string to_str(const Value& v);   // str(v); undefined -> throws TemplateError(hint)
std::string repr(const Value& v);     // repr(v): 'a', [1, 'b'], {'k': 1.5}, None, Markup('x')
// True for the undefined value of an inline `x if cond` without else that was false:
// Jinja2 makes it a lenient Undefined (prints as empty) even under StrictUndefined.
bool is_lenient_undefined(const Value& v);
// That value, for the inline if on line `line` of template `template_name` (Jinja2 names both);
// the parser makes it once per such expression.
Value lenient_undefined(int line, const std::string& template_name);
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
