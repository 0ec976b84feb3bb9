#include "template/runtime.hpp"

#include "template/builtins.hpp"
#include "template/environment.hpp"
#include "template/pystr.hpp"

#include <algorithm>
#include <charconv>
#include <typeinfo>

namespace quorum::tmpl {

namespace {

// Deep recursion is refused well before the 8 MiB main-thread stack runs out.
constexpr std::ptrdiff_t kMaxStackBytes = 4 * 1024 * 1024;

// A macro as Jinja2's messages name it: 'name', or None (or `anonymous` in its repr) for a
// call block's caller.
std::string macro_display_name(const MacroDef& def, std::string_view anonymous = "None") {
    return def.anonymous ? std::string(anonymous) : "'" + def.name + "'";
}

// Jinja2's LoopContext for one for-loop. Over a list (or anything with a length) it indexes
// the items. Over a generator, or with an `if` filter, it pulls items one at a time as
// Jinja2 does: a nested loop over the same generator continues where this one stopped, and
// loop.last / nextitem / length / revindex read ahead (all of the rest for length) only when
// asked.
class LoopObject : public Object {
public:
    explicit LoopObject(Value sequence) : sequence_(std::move(sequence)), items_(&sequence_.as_list()) {}
    explicit LoopObject(Iterator::Source source) : source_(std::move(source)) {}

    // Moves to the next item; nullptr at the end. The item stays valid until the next call.
    const Value* advance() {
        ++index0_;
        if (items_) return index0_ < items_->size() ? &(*items_)[index0_] : nullptr;
        std::optional<Value> item = pull();
        if (!item) return nullptr;
        previous_ = std::exchange(current_, std::move(*item));
        return &current_;
    }
    // Drops the source when the loop ends: it points into the loop's frames, and a loop
    // object kept past its loop ({% set ns.l = loop %}) must not run it.
    void finish() { source_ = nullptr; }

    std::optional<Value> attribute(std::string_view name) const override {
        auto i = static_cast<std::int64_t>(index0_);
        if (name == "index") return Value(i + 1);
        if (name == "index0") return Value(i);
        if (name == "first") return Value(i == 0);
        if (name == "last") return Value(!peek());
        if (name == "length") return Value(length());
        if (name == "revindex") return Value(length() - i);
        if (name == "revindex0") return Value(length() - i - 1);
        if (name == "depth") return Value(1);
        if (name == "depth0") return Value(0);
        if (name == "previtem") return i > 0 ? previous() : Value::undefined("there is no previous item");
        if (name == "nextitem") {
            const Value* next = peek();
            return next ? *next : Value::undefined("there is no next item");
        }
        if (name == "cycle") return Value::callable(std::make_shared<CycleFn>(index0_));
        return std::nullopt;
    }
    std::string type_name() const override { return "LoopContext"; }
    std::string repr() const override {
        return "<LoopContext " + std::to_string(index0_ + 1) + "/" + std::to_string(length()) + ">";
    }

private:
    // A list's items, or a pulled sequence's: the current and previous items, and those
    // read ahead (ahead_[ahead_used_] onwards) but not yet reached.
    Value sequence_;
    const List* items_ = nullptr;
    mutable Iterator::Source source_;
    std::size_t index0_ = static_cast<std::size_t>(-1);  // before the first advance
    Value current_, previous_;
    mutable List ahead_;
    mutable std::size_t ahead_used_ = 0;
    mutable bool exhausted_ = false;

    std::optional<Value> pull() {
        if (ahead_used_ < ahead_.size()) {
            Value item = std::move(ahead_[ahead_used_++]);
            if (ahead_used_ == ahead_.size()) {
                ahead_.clear();
                ahead_used_ = 0;
            }
            return item;
        }
        return read_source();
    }
    std::optional<Value> read_source() const {
        if (exhausted_ || !source_) return std::nullopt;
        std::optional<Value> item = source_();
        if (!item) exhausted_ = true;
        return item;
    }
    const Value* peek() const {
        if (items_) return index0_ + 1 < items_->size() ? &(*items_)[index0_ + 1] : nullptr;
        if (ahead_used_ == ahead_.size()) {
            std::optional<Value> item = read_source();
            if (!item) return nullptr;
            ahead_.push_back(std::move(*item));
        }
        return &ahead_[ahead_used_];
    }
    std::int64_t length() const {
        if (items_) return static_cast<std::int64_t>(items_->size());
        while (std::optional<Value> item = read_source()) ahead_.push_back(std::move(*item));
        return static_cast<std::int64_t>(index0_ + 1 + ahead_.size() - ahead_used_);
    }
    Value previous() const { return items_ ? (*items_)[index0_ - 1] : previous_; }

    struct CycleFn : Callable {
        explicit CycleFn(std::size_t i) : index0(i) {}
        std::size_t index0;
        Value call(Interpreter&, Arguments args) const override {
            if (args.positional.empty()) tmpl::fail("no items for cycling given");
            return args.positional[index0 % args.positional.size()];
        }
        std::string name() const override { return "cycle"; }
    };
};

// A template imported with {% import %}: its exported top-level names.
class ModuleObject : public Object {
public:
    ModuleObject(std::shared_ptr<Context> ctx, const SymbolTable& symbols, std::string name, std::string body)
        : ctx_(std::move(ctx)), symbols_(symbols), name_(std::move(name)), body_(std::move(body)) {}
    std::optional<Value> attribute(std::string_view name) const override {
        for (Symbol s : ctx_->exported)
            if (symbols_.name(s) == name) return ctx_->vars.at(s);
        return std::nullopt;
    }
    std::string type_name() const override { return "jinja2.environment.TemplateModule"; }
    std::string repr() const override { return "<Template '" + name_ + "'>"; }
    const std::string& template_name() const { return name_; }

private:
    std::shared_ptr<Context> ctx_;
    const SymbolTable& symbols_;
    std::string name_;
    std::string body_;
};

// A macro (or a call block's caller) as a value.
class MacroCallable final : public Callable {
public:
    explicit MacroCallable(Interpreter::MacroBinding binding) : binding_(std::move(binding)) {}
    Value call(Interpreter& interp, Arguments args) const override { return interp.call_macro(binding_, args); }
    const Interpreter::MacroBinding& binding() const { return binding_; }
    std::string name() const override { return "<Macro " + macro_display_name(*binding_.def, "anonymous") + ">"; }
    std::string python_type() const override { return "jinja2.runtime.Macro"; }
    // jinja2.runtime.Macro's public attributes.
    std::optional<Value> attribute(std::string_view name) const override {
        const MacroDef& def = *binding_.def;
        if (name == "name") return def.anonymous ? Value::none() : Value(def.name);
        if (name == "arguments") {
            List names;
            for (const auto& param : def.params) names.emplace_back(param.first);
            return Value::tuple(std::move(names));
        }
        if (name == "catch_kwargs") return Value(def.uses_kwargs);
        if (name == "catch_varargs") return Value(def.uses_varargs);
        if (name == "caller") return Value(def.uses_caller);
        if (name == "explicit_caller") return Value(def.explicit_caller);
        return std::nullopt;
    }

private:
    Interpreter::MacroBinding binding_;
};

// self.blockname() and super().
class BlockCallable : public Callable {
public:
    BlockCallable(std::shared_ptr<RenderState> state, std::string block, std::size_t index)
        : state_(std::move(state)), block_(std::move(block)), index_(index) {}
    Value call(Interpreter& interp, Arguments) const override { return interp.render_block(state_, block_, index_); }
    std::string name() const override { return "<BlockReference '" + block_ + "'>"; }

private:
    std::shared_ptr<RenderState> state_;
    std::string block_;
    std::size_t index_;
};

class TemplateReference : public Object {
public:
    explicit TemplateReference(std::shared_ptr<RenderState> state, std::string name)
        : state_(std::move(state)), name_(std::move(name)) {}
    std::optional<Value> attribute(std::string_view name) const override {
        auto it = state_->blocks.find(std::string(name));
        if (it == state_->blocks.end()) return std::nullopt;
        return Value::callable(std::make_shared<BlockCallable>(state_, std::string(name), 0));
    }
    std::string type_name() const override { return "TemplateReference"; }
    std::string repr() const override { return "<TemplateReference '" + name_ + "'>"; }

private:
    std::shared_ptr<RenderState> state_;
    std::string name_;
};

Value as_output(std::string text, bool autoescape) {
    return autoescape ? Value::markup(text) : Value(text);
}

std::string unpack_message(std::size_t expected, std::size_t got) {
    if (got < expected)
        return "not enough values to unpack (expected " + std::to_string(expected) + ", got " + std::to_string(got) + ")";
    return "too many values to unpack (expected " + std::to_string(expected) + ")";
}

}  // namespace

// Counts nesting of macro calls, includes, imports and blocks; refuses runaway recursion.
struct CallGuard {
    Interpreter& interp;
    explicit CallGuard(Interpreter& i) : interp(i) {
        if (++interp.depth_ > Interpreter::kMaxCallDepth) {
            --interp.depth_;
            tmpl::fail("maximum recursion depth exceeded (more than " + std::to_string(Interpreter::kMaxCallDepth) +
                  " nested macro calls, includes or blocks)");
        }
        interp.check_stack();
    }
    ~CallGuard() { --interp.depth_; }
};

// Lends one of the interpreter's spare argument lists for the length of a call; empties it
// (its values released, its room kept) when the call ends. Leases nest like the calls.
class Interpreter::ArgsLease {
public:
    explicit ArgsLease(Interpreter& interp) : interp_(interp) {}
    ArgsLease(const ArgsLease&) = delete;
    ArgsLease& operator=(const ArgsLease&) = delete;
    ~ArgsLease() {
        if (!args_) return;
        args_->positional.clear();
        args_->keyword.clear();
        --interp_.spare_args_lent_;
    }
    Arguments& take() {
        auto& spares = interp_.spare_args_;
        if (interp_.spare_args_lent_ == spares.size()) spares.push_back(std::make_unique<Arguments>());
        args_ = spares[interp_.spare_args_lent_++].get();
        return *args_;
    }

private:
    Interpreter& interp_;
    Arguments* args_ = nullptr;
};

Interpreter::Interpreter(Environment& env)
    : env_(env), library_(env.library()), symbols_(env.symbols()) {
    for (const auto& [name, value] : library_.globals()) globals_[symbols_.intern(name)] = value;
    self_symbol_ = symbols_.intern("self");
    super_symbol_ = symbols_.intern("super");
    loop_symbol_ = symbols_.intern("loop");
    caller_symbol_ = symbols_.intern("caller");
    varargs_symbol_ = symbols_.intern("varargs");
    kwargs_symbol_ = symbols_.intern("kwargs");
}

Interpreter::~Interpreter() {
    module_cache_.clear();
    for (const auto& ctx : contexts_) {
        ctx->vars.clear();
        ctx->parent.reset();
    }
}

std::shared_ptr<Context> Interpreter::new_context() {
    contexts_.push_back(std::make_shared<Context>());
    return contexts_.back();
}

// ------------------------------------------------------------------ errors

SourceLocation Interpreter::here() const {
    return {act_.tmpl ? act_.tmpl->name : std::string("<template>"), act_.line, act_.column};
}

void Interpreter::fail(const std::string& message) const {
    throw RenderError(RenderError::Kind::Runtime, message, here());
}

void Interpreter::fail(const TemplateError& error, std::optional<SourceLocation> at) const {
    RenderError located(RenderError::Kind::Runtime, error.message, at ? std::move(*at) : here());
    if (error.filter_at) located.add_context("raised by the lazy filter at", *error.filter_at);
    throw located;
}

void Interpreter::check_stack() const {
    char marker = 0;
    if (stack_base_ && stack_base_ - &marker > kMaxStackBytes)
        tmpl::fail("maximum recursion depth exceeded (template nesting too deep)");
}

// ------------------------------------------------------------------ templates

std::string Interpreter::render(const TemplatePtr& tmpl, const Value& context, std::size_t reserve) {
    char marker = 0;
    stack_base_ = &marker;
    auto data = new_context();
    if (context.is_dict())
        for (const auto& [key, value] : context.as_dict().entries())
            if (key.is_string()) data->vars[symbols_.intern(key.as_string())] = value;
    auto ctx = new_context();
    ctx->parent = std::move(data);
    std::string out;
    out.reserve(std::max<std::size_t>(reserve, 64 * 1024));
    render_into(tmpl, std::move(ctx), out);
    return out;
}

void Interpreter::render_into(const TemplatePtr& tmpl, std::shared_ptr<Context> ctx, std::string& out) {
    auto state = std::make_shared<RenderState>();
    state->context = ctx;
    for (const auto& [name, block] : tmpl->blocks) state->blocks[name].emplace_back(tmpl, block);

    Activation saved = std::move(act_);
    std::string* saved_out = out_;
    act_ = Activation{};
    act_.tmpl = tmpl.get();
    act_.tmpl_owner = tmpl;
    act_.ctx = ctx;
    act_.state = state;
    act_.root = true;
    out_ = &out;
    try {
        exec(tmpl->body);
        // {% extends %}: the parent's top level renders, with the child's blocks.
        int levels = 0;
        while (state->parent) {
            if (++levels > kMaxCallDepth)
                throw RenderError(RenderError::Kind::Runtime,
                                  "maximum recursion depth exceeded (more than " + std::to_string(kMaxCallDepth) +
                                      " levels of extends)",
                                  state->extends_at);
            TemplatePtr parent = std::move(state->parent);
            state->parent = nullptr;
            SourceLocation child_at = state->extends_at;
            act_.tmpl = parent.get();
            act_.tmpl_owner = parent;
            act_.frame = nullptr;
            act_.root = true;
            try {
                exec(parent->body);
            } catch (RenderError& e) {
                e.add_context("extended by", child_at);
                throw;
            }
        }
    } catch (...) {
        act_ = std::move(saved);
        out_ = saved_out;
        throw;
    }
    act_ = std::move(saved);
    out_ = saved_out;
}

TemplatePtr Interpreter::load(const Value& name, const Stmt& at, bool ignore_missing) {
    (void)at;
    std::vector<std::string> names;
    if (name.is_string()) {
        names.emplace_back(name.as_string());
    } else if (name.is_sequence()) {
        for (const Value& n : name.as_list()) {
            require_defined(n);
            if (!n.is_string()) tmpl::fail("template name must be a string, got " + repr(n));
            names.emplace_back(n.as_string());
        }
    } else {
        require_defined(name);
        tmpl::fail("template name must be a string, got " + repr(name));
    }
    std::string refusal;
    for (const auto& n : names) {
        LoadResult result = env_.load(n);
        if (result.tmpl) return result.tmpl;
        if (refusal.empty()) refusal = result.why;
    }
    if (ignore_missing) return nullptr;
    if (names.size() == 1) fail(refusal);
    std::string list;
    for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
    fail(names.empty() ? "Tried to select from an empty list of templates." : "none of the templates given were found: " + list);
}

std::shared_ptr<Context> Interpreter::context_for_include(bool with_context) {
    auto ctx = new_context();
    if (!with_context) return ctx;
    // Jinja2 passes the includer's variables and its visible locals (a snapshot).
    auto view = new_context();
    view->parent = act_.ctx;
    // `loop` is not a variable Jinja2 passes on.
    for (const Frame* f = act_.frame; f; f = f->parent)
        for (const auto& [sym, value] : f->vars)
            if (sym != loop_symbol_) view->vars.emplace(sym, value);  // inner first wins
    ctx->parent = std::move(view);
    return ctx;
}

Value Interpreter::import_module(const Expr& name_expr, bool with_context, const Stmt& at) {
    Value name = eval(name_expr);
    TemplatePtr tmpl = load(name, at, false);
    if (!with_context) {
        auto cached = module_cache_.find(tmpl->name);
        if (cached != module_cache_.end()) return cached->second;
    }
    auto ctx = context_for_include(with_context);
    std::string body;
    {
        CallGuard guard(*this);
        try {
            render_into(tmpl, ctx, body);
        } catch (RenderError& e) {
            e.add_context("imported from", here());
            throw;
        }
    }
    Value module = Value::object(std::make_shared<ModuleObject>(ctx, symbols_, tmpl->name, std::move(body)));
    if (!with_context) module_cache_[tmpl->name] = module;
    return module;
}

// ------------------------------------------------------------------ statements

void Interpreter::exec(const Body& body) {
    for (const StmtPtr& stmt : body) {
        // Text, the commonest statement, without exec_stmt's error handling: it cannot fail.
        if (stmt->kind == StmtKind::Text) write_text(static_cast<const TextStmt&>(*stmt));
        else exec_stmt(*stmt);
    }
}

void Interpreter::write_text(const TextStmt& text) {
    if (!(act_.root && act_.state->parent)) out_->append(text.text);  // after {% extends %}: not output
}

void Interpreter::exec_stmt(const Stmt& stmt) {
    act_.line = stmt.line;
    act_.column = stmt.column;
    try {
        switch (stmt.kind) {
            case StmtKind::Text: write_text(static_cast<const TextStmt&>(stmt)); break;
            case StmtKind::Print: exec_print(static_cast<const PrintStmt&>(stmt)); break;
            case StmtKind::If: exec_if(static_cast<const IfStmt&>(stmt)); break;
            case StmtKind::For: exec_for(static_cast<const ForStmt&>(stmt)); break;
            case StmtKind::Set: exec_set(static_cast<const SetStmt&>(stmt)); break;
            case StmtKind::SetBlock: exec_set_block(static_cast<const SetBlockStmt&>(stmt)); break;
            case StmtKind::Macro: exec_macro(static_cast<const MacroStmt&>(stmt)); break;
            case StmtKind::CallBlock: exec_call_block(static_cast<const CallBlockStmt&>(stmt)); break;
            case StmtKind::Include: exec_include(static_cast<const IncludeStmt&>(stmt)); break;
            case StmtKind::Import: exec_import(static_cast<const ImportStmt&>(stmt)); break;
            case StmtKind::FromImport: exec_from_import(static_cast<const FromImportStmt&>(stmt)); break;
            case StmtKind::Extends: exec_extends(static_cast<const ExtendsStmt&>(stmt)); break;
            case StmtKind::Block: exec_block(static_cast<const BlockStmt&>(stmt)); break;
            case StmtKind::With: exec_with(static_cast<const WithStmt&>(stmt)); break;
            case StmtKind::FilterBlock: exec_filter_block(static_cast<const FilterBlockStmt&>(stmt)); break;
        }
    } catch (TemplateError& e) {
        fail(e);
    }
}

void Interpreter::write_value(const Value& v) {
    switch (v.kind()) {
        case Value::Kind::Markup: out_->append(v.as_string()); return;
        case Value::Kind::String:
            if (autoescape()) append_html_escaped(*out_, v.as_string());
            else out_->append(v.as_string());
            return;
        case Value::Kind::Int: {
            char digits[24];
            out_->append(digits, std::to_chars(digits, digits + sizeof digits, v.as_int()).ptr);
            return;
        }
        case Value::Kind::Float:
        case Value::Kind::BigInt:
        case Value::Kind::Bool:
        case Value::Kind::None:  // their text has nothing to escape: escape(v) would only copy it
            out_->append(to_str(v));
            return;
        case Value::Kind::Undefined:
            if (is_lenient_undefined(v)) return;
            tmpl::fail_undefined(v);
        default:
            if (autoescape()) {
                Value escaped = escape(v);
                out_->append(escaped.as_string());
            } else {
                out_->append(to_str(v));
            }
    }
}

void Interpreter::exec_print(const PrintStmt& stmt) {
    if (act_.root && act_.state->parent) return;  // after {% extends %}: not evaluated, as in Jinja2
    if (stmt.expr->kind == ExprKind::Call) {
        // {{ m(...) }}: a macro's result prints verbatim (Markup when this template autoescapes,
        // str when it does not), so the macro renders straight into our output, no copy.
        ArgsLease lease(*this);
        Arguments& args = lease.take();
        Value callee_value = prepare_call(static_cast<const CallExpr&>(*stmt.expr), args);
        const Callable& callee = callee_value.as_callable();
        if (typeid(callee) == typeid(MacroCallable)) {  // final: cheaper than dynamic_cast's search
            call_macro(static_cast<const MacroCallable&>(callee).binding(), args, out_);
            return;
        }
        write_value(callee.call(*this, std::move(args)));
        return;
    }
    if (print_escaped(*stmt.expr) || print_direct_text(*stmt.expr)) return;
    Value scratch;
    write_value(*eval_in_place(*stmt.expr, scratch));
}

// Printing escape(x) appends x's escaped text (a Markup's own text); for a str or Markup x
// do that without making the escaped copy first. False, having done nothing, for the rest.
bool Interpreter::print_escaped(const Expr& expr) {
    if (expr.kind != ExprKind::Filter) return false;
    const auto& filter = static_cast<const FilterExpr&>(expr);
    const CallArgs& args = filter.args;
    if (!filter.escapes || !filter.input || !args.constant || !args.constant->positional.empty() ||
        !args.constant->keyword.empty())
        return false;
    Value scratch;
    const Value* input = eval_in_place(*filter.input, scratch);
    if (input->is_markup()) out_->append(input->as_string());
    else if (input->is_string()) append_html_escaped(*out_, input->as_string());
    else write_value(escape(*input));
    return true;
}

// {{ x | lower }}, {{ "%.1f" | format(x) }}: a builtin filter with a printed form writes the
// text of its plain str result straight into the output (escaped as that str would be),
// without the result Value. False, having done nothing, for other expressions.
bool Interpreter::print_direct_text(const Expr& expr) {
    if (expr.kind != ExprKind::Filter) return false;
    const auto& filter = static_cast<const FilterExpr&>(expr);
    if (!filter.direct_text || !filter.input) return false;
    Value scratch;
    const Value* input = eval_in_place(*filter.input, scratch);
    ArgsLease lease(*this);
    const Arguments& args = filter_args(filter.args, lease);
    std::string& text = direct_text_;
    text.clear();
    if (input->kind() == Value::Kind::String && filter.direct_text(*input, args, text)) {
        if (autoescape()) append_html_escaped(*out_, text);
        else out_->append(text);
    } else {
        write_value(apply_filter(filter, *input, args));
    }
    return true;
}

void Interpreter::exec_if(const IfStmt& stmt) {
    for (const IfBranch& branch : stmt.branches) {
        act_.line = branch.line;
        act_.column = branch.column;
        if (eval_truth(*branch.test)) {
            exec(branch.body);
            return;
        }
    }
    exec(stmt.else_body);
}

void Interpreter::exec_for(const ForStmt& stmt) {
    Value iterable = eval(*stmt.iter);
    require_defined(iterable);
    Frame* outer_frame = act_.frame;
    Frame filter_frame;  // `for x in xs if cond`: cond sees x in a scope of its own, as in Jinja2
    filter_frame.parent = outer_frame;
    std::shared_ptr<LoopObject> loop;
    if (stmt.filter || as_iterator(iterable)) {
        loop = std::make_shared<LoopObject>(loop_source(stmt, iterable, filter_frame));
    } else {  // lists in place; dicts and strings listed once (their length is known, as in Python)
        loop = std::make_shared<LoopObject>(iterable.is_sequence() ? iterable : Value::list(iterate(iterable)));
    }
    Value loop_value = Value::object(loop);
    Frame loop_frame;
    loop_frame.parent = outer_frame;
    struct Restore {  // also on errors: the frames above die with this call
        Interpreter& interp;
        Frame* frame;
        LoopObject& loop;
        ~Restore() {
            interp.act_.frame = frame;
            loop.finish();
        }
    } restore{*this, outer_frame, *loop};

    bool empty = true;
    act_.frame = &loop_frame;
    for (;;) {
        // Reading the next item runs a generator's body: Jinja2 blames its errors on the for.
        act_.line = stmt.line;
        act_.column = stmt.column;
        const Value* item = loop->advance();
        if (!item) break;
        empty = false;
        loop_frame.vars.clear();
        assign(stmt.target, *item);
        loop_frame.set(loop_symbol_, loop_value);
        exec(stmt.body);
    }
    act_.frame = outer_frame;
    if (empty) exec(stmt.else_body);
}

Iterator::Source Interpreter::loop_source(const ForStmt& stmt, const Value& iterable, Frame& filter_frame) {
    if (!stmt.filter) return items_of(iterable);
    // Jinja2 runs the condition in a generator between the iterable and the loop: it is
    // evaluated when the loop (or loop.last, nextitem, length) asks for the next item.
    if (iterable.is_sequence()) {  // the usual case: items are tested in place, copied only when kept
        return [this, &stmt, &filter_frame, list = iterable, position = std::size_t{0}]() mutable -> std::optional<Value> {
            const List& items = list.as_list();
            const Value* kept = first_passing(stmt, filter_frame, [&]() -> const Value* {
                return position < items.size() ? &items[position++] : nullptr;
            });
            return kept ? std::optional<Value>(*kept) : std::nullopt;
        };
    }
    return [this, &stmt, &filter_frame, items = items_of(iterable), current = Value()]() mutable -> std::optional<Value> {
        const Value* kept = first_passing(stmt, filter_frame, [&]() -> const Value* {
            std::optional<Value> item = items();
            if (!item) return nullptr;
            current = std::move(*item);
            return &current;
        });
        return kept ? std::optional<Value>(std::move(current)) : std::nullopt;
    };
}

// The first item `next` gives for which `for ... if` condition holds (nullptr at the end),
// the condition evaluated in its own scope and blamed on its own line, as Jinja2 does.
template <typename Next>
const Value* Interpreter::first_passing(const ForStmt& stmt, Frame& filter_frame, Next next) {
    Frame* saved_frame = act_.frame;
    int saved_line = act_.line, saved_column = act_.column;
    act_.frame = &filter_frame;
    act_.line = stmt.filter->line;
    act_.column = stmt.filter->column;
    const Value* kept = nullptr;
    try {
        while (const Value* item = next()) {
            filter_frame.vars.clear();
            assign(stmt.target, *item);
            if (eval_truth(*stmt.filter)) {
                kept = item;
                break;
            }
        }
    } catch (...) {
        act_.frame = saved_frame;
        throw;
    }
    act_.frame = saved_frame;
    act_.line = saved_line;
    act_.column = saved_column;
    return kept;
}

void Interpreter::assign_name(Symbol symbol, const std::string& name, Value value) {
    if (act_.frame) {
        act_.frame->set(symbol, std::move(value));
        return;
    }
    auto& vars = act_.ctx->vars;
    bool is_new = vars.find(symbol) == vars.end();
    vars[symbol] = std::move(value);
    auto& exported = act_.ctx->exported;
    if (is_new && !name.empty() && name[0] != '_' && std::find(exported.begin(), exported.end(), symbol) == exported.end())
        exported.push_back(symbol);
}

void Interpreter::assign(const Target& target, Value value) {
    switch (target.kind) {
        case Target::Kind::Name: assign_name(target.symbol, target.name, std::move(value)); return;
        case Target::Kind::NamespaceAttr: {
            const Value* ns = nullptr;
            for (const Frame* f = act_.frame; f && !ns; f = f->parent) ns = f->find(target.symbol);
            if (!ns) ns = act_.ctx->find(target.symbol);
            // Jinja2 3.1.2 blames the {% set %} statement's own line (oracle cases 820, 873, 874).
            if (!ns || !ns->is_object() || !ns->as_object().set_attribute(target.attribute, value))
                tmpl::fail("cannot assign attribute on non-namespace object");
            return;
        }
        case Target::Kind::Tuple: {
            require_defined(value);
            List items = iterate(value);
            if (items.size() != target.items.size()) tmpl::fail(unpack_message(target.items.size(), items.size()));
            for (std::size_t i = 0; i < items.size(); ++i) assign(target.items[i], std::move(items[i]));
            return;
        }
    }
}

void Interpreter::exec_set(const SetStmt& stmt) { assign(stmt.target, eval(*stmt.value)); }

Value Interpreter::capture(const Body& body) {
    std::string buffer;
    std::string* saved_out = out_;
    Frame inner;
    inner.parent = act_.frame;
    Frame* saved_frame = act_.frame;
    bool saved_root = act_.root;
    out_ = &buffer;
    act_.frame = &inner;
    act_.root = false;
    try {
        exec(body);
    } catch (...) {
        out_ = saved_out;
        act_.frame = saved_frame;
        act_.root = saved_root;
        throw;
    }
    out_ = saved_out;
    act_.frame = saved_frame;
    act_.root = saved_root;
    return as_output(std::move(buffer), autoescape());
}

void Interpreter::exec_set_block(const SetBlockStmt& stmt) {
    Value body = capture(stmt.body);
    act_.line = stmt.line;
    act_.column = stmt.column;
    if (stmt.filter) body = eval_filter(static_cast<const FilterExpr&>(*stmt.filter), &body);
    assign(stmt.target, std::move(body));
}

void Interpreter::exec_filter_block(const FilterBlockStmt& stmt) {
    if (act_.root && act_.state->parent) return;
    Value body = capture(stmt.body);
    act_.line = stmt.line;
    act_.column = stmt.column;
    Value result = eval_filter(static_cast<const FilterExpr&>(*stmt.filter), &body);
    require_defined(result);
    out_->append(result.is_string() ? result.as_string() : to_str(result));
}

std::shared_ptr<Frame> Interpreter::snapshot_locals() const {
    if (!act_.frame) return nullptr;
    auto snapshot = std::make_shared<Frame>();
    for (const Frame* f = act_.frame; f; f = f->parent)
        for (const auto& [sym, value] : f->vars)
            if (!snapshot->find(sym)) snapshot->vars.emplace_back(sym, value);
    return snapshot;
}

Value Interpreter::make_macro(const std::shared_ptr<MacroDef>& def) {
    MacroBinding binding{def, act_.tmpl_owner, act_.ctx, act_.state, snapshot_locals()};
    return Value::callable(std::make_shared<MacroCallable>(std::move(binding)));
}

void Interpreter::exec_macro(const MacroStmt& stmt) { assign_name(stmt.symbol, stmt.def->name, make_macro(stmt.def)); }

void Interpreter::exec_call_block(const CallBlockStmt& stmt) {
    if (act_.root && act_.state->parent) return;
    const auto& call = static_cast<const CallExpr&>(*stmt.call);
    Value callee = eval(*call.callee);
    require_defined(callee);
    Arguments args = eval_args(call.args);
    args.keyword.emplace_back("caller", make_macro(stmt.caller));
    act_.line = stmt.line;
    act_.column = stmt.column;
    if (!callee.is_callable()) tmpl::fail("'" + type_name(callee) + "' object is not callable");
    Value result = callee.as_callable().call(*this, std::move(args));
    require_defined(result);
    out_->append(result.is_string() ? result.as_string() : to_str(result));
}

void Interpreter::exec_include(const IncludeStmt& stmt) {
    if (act_.root && act_.state->parent) return;
    Value name = eval(*stmt.name);
    TemplatePtr tmpl = load(name, stmt, stmt.ignore_missing);
    if (!tmpl) return;
    SourceLocation from = here();
    CallGuard guard(*this);
    try {
        render_into(tmpl, context_for_include(stmt.with_context), *out_);
    } catch (RenderError& e) {
        e.add_context("included from", from);
        throw;
    }
}

void Interpreter::exec_import(const ImportStmt& stmt) {
    Value module = import_module(*stmt.name, stmt.with_context, stmt);
    if (act_.frame) act_.frame->set(stmt.symbol, std::move(module));
    else act_.ctx->vars[stmt.symbol] = std::move(module);  // imports are not exported
}

void Interpreter::exec_from_import(const FromImportStmt& stmt) {
    Value module = import_module(*stmt.name, stmt.with_context, stmt);
    auto& mod = static_cast<ModuleObject&>(module.as_object());
    for (const ImportName& entry : stmt.names) {
        std::optional<Value> value = mod.attribute(entry.name);
        Value bound = value ? std::move(*value)
                            : Value::undefined("the template '" + mod.template_name() + "' (imported on line " +
                                               std::to_string(stmt.line) + " in '" + act_.tmpl->name +
                                               "') does not export the requested name '" + entry.name + "'");
        if (act_.frame) act_.frame->set(entry.symbol, std::move(bound));
        else act_.ctx->vars[entry.symbol] = std::move(bound);
    }
}

void Interpreter::exec_extends(const ExtendsStmt& stmt) {
    if (act_.state->parent) tmpl::fail("extended multiple times");
    Value name = eval(*stmt.name);
    TemplatePtr parent = load(name, stmt, false);
    for (const auto& [block_name, block] : parent->blocks) act_.state->blocks[block_name].emplace_back(parent, block);
    act_.state->parent = parent;
    act_.state->extends_at = here();
}

void Interpreter::exec_block(const BlockStmt& stmt) {
    if (act_.root && act_.state->parent) return;
    const auto& chain = act_.state->blocks[stmt.name];
    if (chain.empty()) return;
    SourceLocation from = here();
    Frame* scope = stmt.scoped ? act_.frame : nullptr;
    // Render the most derived definition of this block in place.
    const auto& [tmpl, block] = chain[0];
    CallGuard guard(*this);
    Activation saved = act_;
    act_.tmpl = tmpl.get();
    act_.tmpl_owner = tmpl;
    act_.ctx = act_.state->context;
    act_.root = false;
    act_.block_name = &block->name;
    act_.block_index = 0;
    Frame frame;
    frame.parent = scope;
    act_.frame = &frame;
    try {
        exec(block->body);
    } catch (RenderError& e) {
        if (tmpl.get() != saved.tmpl) e.add_context("in block '" + stmt.name + "' of", from);
        act_ = std::move(saved);
        throw;
    } catch (...) {
        act_ = std::move(saved);
        throw;
    }
    act_ = std::move(saved);
}

Value Interpreter::render_block(const std::shared_ptr<RenderState>& state, const std::string& name, std::size_t index) {
    auto it = state->blocks.find(name);
    if (it == state->blocks.end() || index >= it->second.size())
        tmpl::fail("there is no parent block called '" + name + "'.");
    const auto& [tmpl, block] = it->second[index];
    CallGuard guard(*this);
    Activation saved = act_;
    std::string* saved_out = out_;
    std::string buffer;
    bool escape_result = state->context && act_.tmpl ? act_.tmpl->autoescape : false;
    act_.tmpl = tmpl.get();
    act_.tmpl_owner = tmpl;
    act_.ctx = state->context;
    act_.state = state;
    act_.root = false;
    act_.block_name = &block->name;
    act_.block_index = index;
    Frame frame;
    act_.frame = &frame;
    out_ = &buffer;
    try {
        exec(block->body);
    } catch (...) {
        act_ = std::move(saved);
        out_ = saved_out;
        throw;
    }
    act_ = std::move(saved);
    out_ = saved_out;
    return as_output(std::move(buffer), escape_result);
}

void Interpreter::exec_with(const WithStmt& stmt) {
    Frame frame;
    frame.parent = act_.frame;
    std::vector<Value> values;
    values.reserve(stmt.values.size());
    for (const auto& v : stmt.values) values.push_back(eval(*v));  // evaluated in the outer scope
    Frame* saved = act_.frame;
    act_.frame = &frame;
    try {
        for (std::size_t i = 0; i < values.size(); ++i) assign(stmt.targets[i], std::move(values[i]));
        exec(stmt.body);
    } catch (...) {
        act_.frame = saved;
        throw;
    }
    act_.frame = saved;
}

// ------------------------------------------------------------------ macros

Value Interpreter::call_macro(const MacroBinding& macro, Arguments& args, std::string* into) {
    const MacroDef& def = *macro.def;
    const std::size_t count = def.params.size();
    const std::size_t taken = std::min(count, args.positional.size());
    // Parameters given neither positionally nor by keyword take their defaults, evaluated
    // in order inside the macro; only calls that leave some out need this list.
    std::vector<std::optional<Value>> bound;

    auto take_keyword = [&](std::string_view name) -> std::optional<Value> {
        for (auto it = args.keyword.begin(); it != args.keyword.end(); ++it)
            if (it->first == name) {
                Value v = std::move(it->second);
                args.keyword.erase(it);
                return v;
            }
        return std::nullopt;
    };

    const bool explicit_caller = def.explicit_caller;
    bool found_caller = false;
    if (taken != count) {
        bound.reserve(count);
        for (std::size_t i = 0; i < taken; ++i) bound.emplace_back(std::move(args.positional[i]));
        for (std::size_t i = taken; i < count; ++i) {
            bound.push_back(take_keyword(def.params[i].first));
            if (def.params[i].first == "caller") found_caller = true;
        }
    } else {
        found_caller = explicit_caller;
    }
    std::optional<Value> caller;
    if (def.uses_caller && !found_caller) {
        caller = take_keyword("caller");
        if (!caller) caller = Value::undefined("No caller defined");
    }
    std::optional<Value> kwargs;
    if (def.uses_kwargs) {
        Dict d;
        for (auto& [k, v] : args.keyword) d.set(Value(k), std::move(v));
        kwargs = Value::dict(std::move(d));
    } else if (!args.keyword.empty()) {
        for (const auto& kw : args.keyword)
            if (kw.first == "caller")
                tmpl::fail("macro " + macro_display_name(def) + " was invoked with two values for the special caller argument. This is most likely a bug.");
        tmpl::fail("macro " + macro_display_name(def) + " takes no keyword argument '" + args.keyword.front().first + "'");
    }
    std::optional<Value> varargs;
    if (def.uses_varargs) {
        List rest;
        for (std::size_t i = count; i < args.positional.size(); ++i) rest.push_back(args.positional[i]);
        varargs = Value::tuple(std::move(rest));
    } else if (args.positional.size() > count) {
        tmpl::fail("macro " + macro_display_name(def) + " takes not more than " + std::to_string(count) + " argument(s)");
    }

    CallGuard guard(*this);
    const TemplateAst* caller_tmpl = act_.tmpl;
    // Jinja2 marks a macro's result safe when the *calling* template autoescapes.
    const bool result_is_markup = autoescape();
    std::string* saved_out = out_;
    std::string buffer;
    Frame frame;
    frame.parent = macro.closure.get();
    // The variable list reuses the previous call's room (handed back, emptied, on the way out).
    struct ReuseRoom {
        std::vector<std::pair<Symbol, Value>>& spare;
        Frame& frame;
        ~ReuseRoom() {
            frame.vars.clear();
            if (spare.capacity() == 0) spare.swap(frame.vars);
        }
    } reuse{spare_frame_vars_, frame};
    frame.vars.swap(spare_frame_vars_);
    frame.vars.reserve(count + 3);  // the parameters, and caller, kwargs and varargs
    // Moved, not copied: half the reference counting per call. Nothing from here to the try
    // can throw, so act_ is never left moved-from.
    Activation saved = std::move(act_);
    act_.tmpl = macro.tmpl.get();
    act_.tmpl_owner = macro.tmpl;
    act_.ctx = macro.ctx;
    act_.state = macro.state;
    act_.frame = &frame;
    act_.root = false;
    act_.block_name = nullptr;
    out_ = into ? into : &buffer;
    try {
        act_.line = def.line;
        act_.column = def.column;
        const std::size_t first_default = count - def.defaults.size();
        for (std::size_t i = 0; i < count; ++i) {
            Value value;
            if (bound.empty()) value = std::move(args.positional[i]);  // every parameter given positionally
            else if (bound[i]) value = std::move(*bound[i]);
            else if (i >= first_default) value = eval(*def.defaults[i - first_default]);
            else value = Value::undefined("parameter '" + def.params[i].first + "' was not provided");
            frame.set(def.params[i].second, std::move(value));
        }
        if (caller) frame.set(caller_symbol_, std::move(*caller));
        if (kwargs) frame.set(kwargs_symbol_, std::move(*kwargs));
        if (varargs) frame.set(varargs_symbol_, std::move(*varargs));
        exec(def.body);
    } catch (TemplateError& e) {
        SourceLocation at = here();
        act_ = std::move(saved);
        out_ = saved_out;
        fail(e, std::move(at));
    } catch (RenderError& e) {
        act_ = std::move(saved);
        // The call site's location, built only on error (a string copy per call otherwise).
        if (macro.tmpl.get() != caller_tmpl) e.add_context("called from", here());
        out_ = saved_out;
        throw;
    } catch (...) {
        act_ = std::move(saved);
        out_ = saved_out;
        throw;
    }
    act_ = std::move(saved);
    out_ = saved_out;
    if (into) return Value::none();
    return as_output(std::move(buffer), result_is_markup);
}

// ------------------------------------------------------------------ expressions

Value Interpreter::getattr(const Value& obj, std::string_view name) const {
    if (obj.is_dict()) {  // hot path: row.field
        if (auto method = method_of(obj, name)) return *method;
        if (const Value* v = obj.as_dict().find(name)) return *v;
    }
    return py::getattr(obj, name);
}

Value Interpreter::getitem(const Value& obj, const Value& key) const { return py::getitem(obj, key); }

const Value* Interpreter::lookup_in_place(const NameExpr& name) {
    for (const Frame* f = act_.frame; f; f = f->parent)
        if (const Value* v = f->find(name.symbol)) return v;
    return act_.ctx->find(name.symbol);
}

const Value* Interpreter::eval_in_place(const Expr& expr, Value& scratch) {
    switch (expr.kind) {
        case ExprKind::Const: return &static_cast<const ConstExpr&>(expr).value;  // the AST outlives the render
        case ExprKind::Name:
            if (const Value* v = lookup_in_place(static_cast<const NameExpr&>(expr))) return v;
            break;
        case ExprKind::Getattr: return getattr_in_place(static_cast<const GetattrExpr&>(expr), scratch);
        case ExprKind::CondExpr: {  // {{ "%" if unit == "%" }}: the chosen operand in place too
            const auto& c = static_cast<const CondExpr&>(expr);
            if (eval_truth(*c.test)) return eval_in_place(*c.then, scratch);
            return c.otherwise ? eval_in_place(*c.otherwise, scratch) : &c.if_false;
        }
        default: break;
    }
    scratch = eval(expr);
    return &scratch;
}

const Value* Interpreter::getattr_in_place(const GetattrExpr& g, Value& scratch) {
    // The object may land in scratch, which then keeps it (and the field found in it) alive.
    const Value* obj = eval_in_place(*g.object, scratch);
    if (obj->is_dict() && !g.may_be_method)
        if (const Value* v = obj->as_dict().find(g.key, g.position_hint)) return v;
    require_defined(*obj);
    Value attribute = getattr(*obj, g.key.as_string());
    scratch = std::move(attribute);  // only now: obj may be scratch
    return &scratch;
}

Value Interpreter::lookup(const NameExpr& name) {
    if (const Value* v = lookup_in_place(name)) return *v;
    if (name.symbol == self_symbol_)
        return Value::object(std::make_shared<TemplateReference>(act_.state, act_.tmpl ? act_.tmpl->name : ""));
    if (name.symbol == super_symbol_ && act_.block_name)
        return Value::callable(std::make_shared<BlockCallable>(act_.state, *act_.block_name, act_.block_index + 1));
    auto g = globals_.find(name.symbol);
    if (g != globals_.end()) return g->second;
    return Value::undefined("'" + name.name + "' is undefined");
}

Value Interpreter::eval(const Expr& expr) {
    switch (expr.kind) {
        case ExprKind::Const: return static_cast<const ConstExpr&>(expr).value;
        case ExprKind::Name: return lookup(static_cast<const NameExpr&>(expr));
        case ExprKind::List:
        case ExprKind::Tuple: {
            const auto& seq = static_cast<const SequenceExpr&>(expr);
            List items;
            items.reserve(seq.items.size());
            for (const auto& item : seq.items) items.push_back(eval(*item));
            return expr.kind == ExprKind::List ? Value::list(std::move(items)) : Value::tuple(std::move(items));
        }
        case ExprKind::Dict: {
            const auto& d = static_cast<const DictExpr&>(expr);
            Dict dict;
            for (const auto& [k, v] : d.items) {
                Value key = eval(*k);
                require_defined(key);
                dict.set(std::move(key), eval(*v));
            }
            return Value::dict(std::move(dict));
        }
        case ExprKind::Getattr: {  // row.field: eval_in_place finds it without a copy
            Value scratch;
            const Value* v = eval_in_place(expr, scratch);
            return v == &scratch ? std::move(scratch) : *v;
        }
        case ExprKind::Getitem: {
            const auto& g = static_cast<const GetitemExpr&>(expr);
            Value obj = eval(*g.object);
            require_defined(obj);
            if (g.key->kind == ExprKind::Slice) return eval_slice(obj, static_cast<const SliceExpr&>(*g.key));
            Value key = eval(*g.key);
            require_defined(key);
            return getitem(obj, key);
        }
        case ExprKind::Slice: tmpl::fail("slice outside of a subscript");
        case ExprKind::Call: return eval_call(static_cast<const CallExpr&>(expr));
        case ExprKind::Filter: return eval_filter(static_cast<const FilterExpr&>(expr), nullptr);
        case ExprKind::Test: return Value(eval_test(static_cast<const TestExpr&>(expr)));
        case ExprKind::Not: return Value(eval_truth(expr));
        case ExprKind::Neg: return negate(eval(*static_cast<const UnaryExpr&>(expr).operand));
        case ExprKind::Pos: return positive(eval(*static_cast<const UnaryExpr&>(expr).operand));
        case ExprKind::Binary: {
            const auto& b = static_cast<const BinaryExpr&>(expr);
            Value left = eval(*b.left);
            Value right = eval(*b.right);
            require_defined(left);
            require_defined(right);
            return binary_op(b.op, left, right);
        }
        case ExprKind::And: {
            const auto& b = static_cast<const BinaryExpr&>(expr);
            Value left = eval(*b.left);
            if (!truthy(left)) return left;
            return eval(*b.right);
        }
        case ExprKind::Or: {
            const auto& b = static_cast<const BinaryExpr&>(expr);
            Value left = eval(*b.left);
            if (truthy(left)) return left;
            return eval(*b.right);
        }
        case ExprKind::Concat: return eval_concat(static_cast<const ConcatExpr&>(expr));
        case ExprKind::Compare: return Value(compare_holds(static_cast<const CompareExpr&>(expr)));
        case ExprKind::CondExpr: {
            const auto& c = static_cast<const CondExpr&>(expr);
            if (eval_truth(*c.test)) return eval(*c.then);
            if (c.otherwise) return eval(*c.otherwise);
            return c.if_false;
        }
    }
    tmpl::fail("internal error: unknown expression");
}

Value Interpreter::eval_slice(const Value& obj, const SliceExpr& slice) {
    auto bound = [&](const ExprPtr& e) -> std::optional<long long> {
        if (!e) return std::nullopt;
        Value v = eval(*e);
        require_defined(v);
        if (v.is_none()) return std::nullopt;
        if (!v.is_int() && !v.is_bool())
            tmpl::fail("slice indices must be integers or None or have an __index__ method");
        return v.as_int();
    };
    std::optional<long long> start = bound(slice.start), stop = bound(slice.stop), step = bound(slice.step);
    if (step && *step == 0) tmpl::fail("slice step cannot be zero");
    if (obj.is_string()) {
        std::string s = py::slice(obj.as_string(), start, stop, step);
        return Value::same_kind(obj, s);
    }
    if (!obj.is_sequence() || obj.view_type()) tmpl::fail("'" + type_name(obj) + "' object is not subscriptable");
    const List& items = obj.as_list();
    const py::SliceRange r = py::slice_range(static_cast<long long>(items.size()), start, stop, step);
    List out;
    for (long long i = r.begin; r.step > 0 ? i < r.end : i > r.end; i += r.step)
        out.push_back(items[static_cast<std::size_t>(i)]);
    return obj.is_tuple() ? Value::tuple(std::move(out)) : Value::list(std::move(out));
}

Arguments Interpreter::eval_args(const CallArgs& args) {
    Arguments out;
    eval_args_into(args, out);
    return out;
}

const Arguments& Interpreter::filter_args(const CallArgs& args, ArgsLease& lease) {
    if (args.constant) return *args.constant;
    Arguments& out = lease.take();
    eval_args_into(args, out);
    return out;
}

void Interpreter::eval_args_into(const CallArgs& args, Arguments& out) {
    out.positional.reserve(args.positional.size());
    for (const auto& a : args.positional) out.positional.push_back(eval(*a));
    if (args.dyn_args) {
        Value extra = eval(*args.dyn_args);
        require_defined(extra);
        for (Value& v : iterate(extra)) out.positional.push_back(std::move(v));
    }
    for (const auto& [name, e] : args.keyword) out.keyword.emplace_back(name, eval(*e));
    if (args.dyn_kwargs) {
        Value extra = eval(*args.dyn_kwargs);
        require_defined(extra);
        if (!extra.is_dict()) tmpl::fail("argument after ** must be a mapping, not " + type_name(extra));
        for (const auto& [k, v] : extra.as_dict().entries()) out.keyword.emplace_back(to_str(k), v);
    }
}

Value Interpreter::prepare_call(const CallExpr& call, Arguments& args) {
    Value callee = eval(*call.callee);
    require_defined(callee);
    eval_args_into(call.args, args);
    if (!callee.is_callable()) tmpl::fail("'" + type_name(callee) + "' object is not callable");
    check_stack();
    return callee;
}

Value Interpreter::eval_call(const CallExpr& call) {
    Arguments args;
    Value callee = prepare_call(call, args);
    return callee.as_callable().call(*this, std::move(args));
}

Value Interpreter::eval_filter(const FilterExpr& filter, const Value* block_input) {
    Value scratch;
    const Value* input = &scratch;
    if (filter.input) {
        if (filter.input->kind == ExprKind::Filter) scratch = eval_filter(static_cast<const FilterExpr&>(*filter.input), block_input);
        else input = eval_in_place(*filter.input, scratch);
    } else if (block_input) {
        input = block_input;
    }
    ArgsLease lease(*this);
    return apply_filter(filter, *input, filter_args(filter.args, lease));
}

// Calls the filter on its evaluated input and arguments; a generator it returns remembers
// where the filter was called (its late errors name that place).
Value Interpreter::apply_filter(const FilterExpr& filter, const Value& input, const Arguments& args) {
    CallContext ctx{*this, autoescape(), library_};
    Value result = (*filter.fn)(ctx, input, args);
    if (Iterator* generator = as_iterator(result)) {
        SourceLocation at = here();
        at.line = filter.line;
        at.column = filter.name_column;
        generator->set_origin(std::move(at));
    }
    return result;
}

bool Interpreter::eval_test(const TestExpr& test) {
    Value scratch;
    const Value* input = eval_in_place(*test.input, scratch);
    if (test.bound) return (*test.bound)(*input);
    ArgsLease lease(*this);
    const Arguments& args = filter_args(test.args, lease);
    CallContext ctx{*this, autoescape(), library_};
    return (*test.fn)(ctx, *input, args);
}

bool Interpreter::eval_truth(const Expr& expr) {
    switch (expr.kind) {
        case ExprKind::Test: return eval_test(static_cast<const TestExpr&>(expr));
        case ExprKind::Compare: return compare_holds(static_cast<const CompareExpr&>(expr));
        case ExprKind::Not: return !eval_truth(*static_cast<const UnaryExpr&>(expr).operand);
        // bool(a and b) is bool(a) and bool(b), bool being pure; likewise for or.
        case ExprKind::And: {
            const auto& b = static_cast<const BinaryExpr&>(expr);
            return eval_truth(*b.left) && eval_truth(*b.right);
        }
        case ExprKind::Or: {
            const auto& b = static_cast<const BinaryExpr&>(expr);
            return eval_truth(*b.left) || eval_truth(*b.right);
        }
        default: {
            Value scratch;
            return truthy(*eval_in_place(expr, scratch));
        }
    }
}

bool Interpreter::compare_holds(const CompareExpr& cmp) {
    // Operands in place; a chain's middle operand is both a right and the next left, so
    // the two scratch values alternate.
    Value scratch[2];
    std::size_t free_scratch = 1;
    const Value* left_ptr = eval_in_place(*cmp.first, scratch[0]);
    for (const auto& [op, operand] : cmp.rest) {
        const Value* right_ptr = eval_in_place(*operand, scratch[free_scratch]);
        const Value& left = *left_ptr;
        const Value& right = *right_ptr;
        require_defined(left);
        require_defined(right);
        bool ok = false;
        switch (op) {
            case CompareOp::Eq: ok = equals(left, right); break;
            case CompareOp::Ne: ok = !equals(left, right); break;
            case CompareOp::Lt: ok = compare(left, right, "<") < 0; break;
            case CompareOp::LtEq: ok = compare(left, right, "<=") <= 0; break;
            case CompareOp::Gt: ok = compare(left, right, ">") > 0; break;
            case CompareOp::GtEq: ok = compare(left, right, ">=") >= 0; break;
            case CompareOp::In: ok = contains(right, left); break;
            case CompareOp::NotIn: ok = !contains(right, left); break;
        }
        if (!ok) return false;
        left_ptr = right_ptr;
        free_scratch ^= 1;
    }
    return true;
}

Value Interpreter::eval_concat(const ConcatExpr& concat) {
    // Jinja2: markup_join in autoescaped templates (escape all if any part is Markup), else str_join.
    std::vector<Value> parts;
    parts.reserve(concat.items.size());
    bool any_markup = false;
    for (const auto& item : concat.items) {
        Value v = eval(*item);
        if (!is_lenient_undefined(v)) tmpl::require_defined(v);
        any_markup = any_markup || v.is_markup();
        parts.push_back(std::move(v));
    }
    bool markup = any_markup && autoescape();
    std::string out;
    for (const Value& v : parts) {
        if (is_lenient_undefined(v)) continue;
        if (v.is_string()) {
            if (markup && !v.is_markup()) out += html_escape(v.as_string());
            else out += v.as_string();
        } else if (markup) {
            out += escape(v).as_string();
        } else {
            out += to_str(v);
        }
    }
    return markup ? Value::markup(out) : Value(out);
}

}  // namespace quorum::tmpl
