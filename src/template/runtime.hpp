// The renderer: walks a template's AST with Jinja2's runtime semantics.
//
// Scopes: a template's variables live in a Context (the data, then what the template
// sets at top level); for loops, macros, blocks, `with` and set/filter blocks open a
// Frame of locals that vanishes when they end. Output goes into one std::string;
// macros, set blocks and filter blocks capture into their own buffer.
#pragma once

#include "template/error.hpp"
#include "template/library.hpp"
#include "template/nodes.hpp"
#include "template/value.hpp"

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace quorum::tmpl {

class Environment;
using TemplatePtr = std::shared_ptr<const TemplateAst>;

// Local variables of one scope. Small: a linear scan over interned symbols.
struct Frame {
    const Frame* parent = nullptr;  // enclosing scope in the same function, or a closure snapshot
    std::vector<std::pair<Symbol, Value>> vars;

    const Value* find(Symbol s) const {
        for (const auto& [sym, value] : vars)
            if (sym == s) return &value;
        return nullptr;
    }
    void set(Symbol s, Value v) {
        for (auto& [sym, value] : vars)
            if (sym == s) {
                value = std::move(v);
                return;
            }
        vars.emplace_back(s, std::move(v));
    }
};

// A template's variables (Jinja2's Context): what it sets at top level, over its parent
// (the data for the entry template, a snapshot of the includer's variables for an include).
struct Context {
    std::shared_ptr<const Context> parent;
    std::unordered_map<Symbol, Value> vars;
    std::vector<Symbol> exported;  // top-level macros and sets, in definition order (for import)

    const Value* find(Symbol s) const {
        for (const Context* c = this; c; c = c->parent.get()) {
            auto it = c->vars.find(s);
            if (it != c->vars.end()) return &it->second;
        }
        return nullptr;
    }
};

// Per render of one template (and the templates it extends): the block overrides.
struct RenderState {
    std::shared_ptr<Context> context;
    // blocks[name][0] is the most derived definition; super() walks the vector.
    std::unordered_map<std::string, std::vector<std::pair<TemplatePtr, const BlockStmt*>>> blocks;
    TemplatePtr parent;  // set by {% extends %}
    SourceLocation extends_at;
};

class Interpreter {
public:
    explicit Interpreter(Environment& env);
    ~Interpreter();  // breaks the macro <-> context reference cycles of this render
    Interpreter(const Interpreter&) = delete;
    Interpreter& operator=(const Interpreter&) = delete;

    // Renders `tmpl` with `context` (a dict Value: the data file's top-level object), into a
    // string with at least `reserve` bytes of room.
    std::string render(const TemplatePtr& tmpl, const Value& context, std::size_t reserve = 0);

    Environment& environment() { return env_; }
    bool autoescape() const { return act_.tmpl && act_.tmpl->autoescape; }

    // Jinja2's environment.getattr / getitem (methods first for attributes, items first for [..]).
    Value getattr(const Value& obj, std::string_view name) const;
    Value getitem(const Value& obj, const Value& key) const;

    // ---- used by the runtime's callables (macros, blocks); not for filters ----
    struct MacroBinding;
    // Renders the macro into `into` when given (its output then prints verbatim, see
    // exec_print), else returns it as a Markup/str value.
    // `args` is consumed (its values are moved into the macro's frame).
    Value call_macro(const MacroBinding& macro, Arguments& args, std::string* into = nullptr);
    Value render_block(const std::shared_ptr<RenderState>& state, const std::string& name, std::size_t index);

    static constexpr int kMaxCallDepth = 100;  // macro / include / import / extends / block nesting

private:
    // What is executing: the template (for autoescape and error locations), its variables,
    // the innermost local frame (null at top level), and the block being rendered.
    struct Activation {
        const TemplateAst* tmpl = nullptr;
        TemplatePtr tmpl_owner;
        std::shared_ptr<Context> ctx;
        std::shared_ptr<RenderState> state;
        Frame* frame = nullptr;
        bool root = false;  // in the template's top-level code (output stops after extends)
        const std::string* block_name = nullptr;
        std::size_t block_index = 0;
        int line = 1, column = 1;  // statement being executed
    };

    Environment& env_;
    const Library& library_;
    SymbolTable& symbols_;
    std::unordered_map<Symbol, Value> globals_;
    Symbol self_symbol_, super_symbol_, loop_symbol_, caller_symbol_, varargs_symbol_, kwargs_symbol_;
    Activation act_;
    std::string* out_ = nullptr;
    int depth_ = 0;
    const char* stack_base_ = nullptr;
    std::unordered_map<std::string, Value> module_cache_;  // imports without context
    // Argument lists lent to filter, test and macro calls, one per nesting level (an argument
    // may call a filter too): reused, so a call allocates nothing once they have grown.
    std::vector<std::unique_ptr<Arguments>> spare_args_;
    std::size_t spare_args_lent_ = 0;
    std::vector<std::pair<Symbol, Value>> spare_frame_vars_;  // a macro call's frame's room, for the next call
    // A printed filter's text (print_direct_text), kept so that its capacity is reused; the
    // filters writing it are builtins that never render, so one is enough.
    std::string direct_text_;
    class ArgsLease;
    // Every context this render created: macros stored in a context point back at it,
    // so the destructor empties them to free the cycle.
    std::vector<std::shared_ptr<Context>> contexts_;
    std::shared_ptr<Context> new_context();

    friend struct CallGuard;

    // templates
    void render_into(const TemplatePtr& tmpl, std::shared_ptr<Context> ctx, std::string& out);
    TemplatePtr load(const Value& name, const Stmt& at, bool ignore_missing);
    Value import_module(const Expr& name_expr, bool with_context, const Stmt& at);
    std::shared_ptr<Context> context_for_include(bool with_context);

    // statements
    void exec(const Body& body);
    void exec_stmt(const Stmt& stmt);
    void write_text(const TextStmt& text);
    void exec_print(const PrintStmt& stmt);
    void exec_if(const IfStmt& stmt);
    void exec_for(const ForStmt& stmt);
    std::function<std::optional<Value>()> loop_source(const ForStmt& stmt, const Value& iterable, Frame& filter_frame);
    template <typename Next>
    const Value* first_passing(const ForStmt& stmt, Frame& filter_frame, Next next);
    void exec_set(const SetStmt& stmt);
    void exec_set_block(const SetBlockStmt& stmt);
    void exec_macro(const MacroStmt& stmt);
    void exec_call_block(const CallBlockStmt& stmt);
    void exec_include(const IncludeStmt& stmt);
    void exec_import(const ImportStmt& stmt);
    void exec_from_import(const FromImportStmt& stmt);
    void exec_extends(const ExtendsStmt& stmt);
    void exec_block(const BlockStmt& stmt);
    void exec_with(const WithStmt& stmt);
    void exec_filter_block(const FilterBlockStmt& stmt);
    Value capture(const Body& body);  // renders into a buffer -> Markup/str per autoescape
    void assign(const Target& target, Value value);
    void assign_name(Symbol symbol, const std::string& name, Value value);
    Value make_macro(const std::shared_ptr<MacroDef>& def);
    std::shared_ptr<Frame> snapshot_locals() const;

    // expressions
    Value eval(const Expr& expr);
    // eval without a copy for a variable or a dict field of one (row.field): a pointer into
    // the frames or the data, valid while the caller uses it (expressions cannot assign);
    // anything else is evaluated into `scratch`.
    const Value* eval_in_place(const Expr& expr, Value& scratch);
    const Value* getattr_in_place(const GetattrExpr& g, Value& scratch);
    const Value* lookup_in_place(const NameExpr& name);  // nullptr: not a stored variable
    Value lookup(const NameExpr& name);
    Value eval_call(const CallExpr& call);
    // Evaluates the callee (returned, checked callable) and the arguments (into `args`).
    Value prepare_call(const CallExpr& call, Arguments& args);
    Arguments eval_args(const CallArgs& args);
    void eval_args_into(const CallArgs& args, Arguments& out);
    // What a filter or test receives: the parser's constant arguments, else `lease`'s list
    // with the arguments evaluated into it.
    const Arguments& filter_args(const CallArgs& args, ArgsLease& lease);
    Value eval_filter(const FilterExpr& filter, const Value* block_input);
    Value apply_filter(const FilterExpr& filter, const Value& input, const Arguments& args);
    bool eval_test(const TestExpr& test);
    bool eval_truth(const Expr& expr);  // truthy(eval(expr)), without a Value for tests and comparisons
    bool compare_holds(const CompareExpr& cmp);
    Value eval_concat(const ConcatExpr& concat);
    Value eval_slice(const Value& obj, const SliceExpr& slice);
    void write_value(const Value& v);
    bool print_escaped(const Expr& expr);  // {{ x | e }} for a str x, straight into the output
    bool print_direct_text(const Expr& expr);  // {{ x | lower }} for a str x, likewise
    void check_stack() const;

    [[noreturn]] void fail(const std::string& message) const;
    // A TemplateError raised while executing, as a RenderError located at the statement (and
    // `at` when given, else here), naming the lazy filter it came from if any.
    [[noreturn]] void fail(const TemplateError& error, std::optional<SourceLocation> at = std::nullopt) const;
    SourceLocation here() const;
};

// The Object behind a macro value (so `m.name` etc. work and it prints like Jinja2's).
struct Interpreter::MacroBinding {
    std::shared_ptr<const MacroDef> def;
    TemplatePtr tmpl;
    std::shared_ptr<Context> ctx;
    std::shared_ptr<RenderState> state;
    std::shared_ptr<const Frame> closure;  // locals visible where the macro was defined
};

}  // namespace quorum::tmpl
