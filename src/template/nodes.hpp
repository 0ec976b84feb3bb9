// The template AST, as produced by the parser and walked by the interpreter.
//
// Node kinds are resolved at parse time (an enum per node, names interned to
// symbols, filters and tests bound to their functions) so rendering never compares
// strings to decide what to do. Lines follow Jinja2's `lineno` rules so errors
// report the line Jinja2 reports; columns point at the start of the construct.
#pragma once

#include "template/library.hpp"
#include "template/value.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace quorum::tmpl {

using Symbol = std::uint32_t;

// Interns variable names so scopes compare integers, not strings.
class SymbolTable {
public:
    Symbol intern(std::string_view name) {
        auto it = ids_.find(std::string(name));
        if (it != ids_.end()) return it->second;
        Symbol id = static_cast<Symbol>(names_.size());
        names_.emplace_back(name);
        ids_.emplace(names_.back(), id);
        return id;
    }
    const std::string& name(Symbol id) const { return names_[id]; }

private:
    std::unordered_map<std::string, Symbol> ids_;
    std::vector<std::string> names_;
};

// ---------------------------------------------------------------- expressions

enum class ExprKind : std::uint8_t {
    Const, Name, List, Tuple, Dict, Getattr, Getitem, Slice, Call, Filter, Test,
    Not, Neg, Pos, Binary, And, Or, Concat, Compare, CondExpr
};

struct Expr {
    Expr(ExprKind k, int l, int c) : kind(k), line(l), column(c) {}
    virtual ~Expr() = default;
    ExprKind kind;
    int line;    // Jinja2's lineno for this node
    int column;  // where the expression starts
};
using ExprPtr = std::unique_ptr<Expr>;

struct ConstExpr : Expr {
    ConstExpr(int l, int c, Value v) : Expr(ExprKind::Const, l, c), value(std::move(v)) {}
    Value value;
};

struct NameExpr : Expr {
    NameExpr(int l, int c, std::string n, Symbol s) : Expr(ExprKind::Name, l, c), name(std::move(n)), symbol(s) {}
    std::string name;
    Symbol symbol;
};

struct SequenceExpr : Expr {  // List or Tuple literal
    using Expr::Expr;
    std::vector<ExprPtr> items;
};

struct DictExpr : Expr {
    DictExpr(int l, int c) : Expr(ExprKind::Dict, l, c) {}
    std::vector<std::pair<ExprPtr, ExprPtr>> items;
};

struct GetattrExpr : Expr {
    GetattrExpr(int l, int c) : Expr(ExprKind::Getattr, l, c) {}
    ExprPtr object;
    Value key;  // the attribute's name, interned: a data row's field is found by pointer
    bool may_be_method = false;  // a dict method's name (items, keys, values, get)
    // Where `key` was last found in a dict (Dict::find's hint). Written while rendering: a
    // template renders on one thread at a time.
    mutable std::size_t position_hint = 0;
};

struct GetitemExpr : Expr {
    GetitemExpr(int l, int c) : Expr(ExprKind::Getitem, l, c) {}
    ExprPtr object;
    ExprPtr key;  // a SliceExpr for a[1:2]
};

struct SliceExpr : Expr {
    SliceExpr(int l, int c) : Expr(ExprKind::Slice, l, c) {}
    ExprPtr start, stop, step;  // each may be null
};

struct CallArgs {
    std::vector<ExprPtr> positional;
    std::vector<std::pair<std::string, ExprPtr>> keyword;
    ExprPtr dyn_args;    // *xs
    ExprPtr dyn_kwargs;  // **d
    // Every argument a literal (and no *xs / **d): the arguments built once by the parser,
    // which a filter or test then receives with nothing evaluated or allocated per call.
    std::optional<Arguments> constant;
};

struct CallExpr : Expr {
    CallExpr(int l, int c) : Expr(ExprKind::Call, l, c) {}
    ExprPtr callee;
    CallArgs args;
};

struct FilterExpr : Expr {
    FilterExpr(int l, int c) : Expr(ExprKind::Filter, l, c) {}
    ExprPtr input;  // null inside {% filter %} / {% set x | f %}: the block's output is the input
    std::string name;
    int name_column = 1;  // the name's own column: a lazy filter's late errors point there
    const FilterFn* fn = nullptr;  // bound when the template is loaded
    DirectTextFn direct_text = nullptr;  // fn's printed form, if it is a builtin that has one
    bool escapes = false;                // fn is the builtin e/escape
    CallArgs args;
};

struct TestExpr : Expr {
    TestExpr(int l, int c) : Expr(ExprKind::Test, l, c) {}
    ExprPtr input;
    std::string name;
    const TestFn* fn = nullptr;
    CallArgs args;
    // A builtin with literal arguments (`x is none`, `n is divisibleby(3)`), bound when parsed.
    std::optional<BoundTest> bound;
};

struct UnaryExpr : Expr {  // Not, Neg, Pos
    using Expr::Expr;
    ExprPtr operand;
};

struct BinaryExpr : Expr {  // Binary (arithmetic), And, Or
    using Expr::Expr;
    BinaryOp op = BinaryOp::Add;
    ExprPtr left, right;
};

struct ConcatExpr : Expr {
    ConcatExpr(int l, int c) : Expr(ExprKind::Concat, l, c) {}
    std::vector<ExprPtr> items;
};

enum class CompareOp : std::uint8_t { Eq, Ne, Lt, LtEq, Gt, GtEq, In, NotIn };

struct CompareExpr : Expr {
    CompareExpr(int l, int c) : Expr(ExprKind::Compare, l, c) {}
    ExprPtr first;
    std::vector<std::pair<CompareOp, ExprPtr>> rest;
};

struct CondExpr : Expr {
    CondExpr(int l, int c) : Expr(ExprKind::CondExpr, l, c) {}
    ExprPtr test, then, otherwise;  // otherwise may be null
    // Without otherwise: the lenient undefined a false test gives (see is_lenient_undefined),
    // made once by the parser rather than its message formatted on every false test.
    Value if_false;
};

// ---------------------------------------------------------------- statements

// An assignment target: a name, a tuple of targets, or namespace attribute ns.attr.
struct Target {
    enum class Kind : std::uint8_t { Name, Tuple, NamespaceAttr } kind = Kind::Name;
    std::string name;  // Name / NamespaceAttr: the variable
    Symbol symbol = 0;
    std::string attribute;  // NamespaceAttr
    std::vector<Target> items;  // Tuple
    int line = 1, column = 1;
};

enum class StmtKind : std::uint8_t {
    Text, Print, If, For, Set, SetBlock, Macro, CallBlock, Include, Import, FromImport,
    Extends, Block, With, FilterBlock
};

struct Stmt {
    Stmt(StmtKind k, int l, int c) : kind(k), line(l), column(c) {}
    virtual ~Stmt() = default;
    StmtKind kind;
    int line;    // Jinja2's lineno (where runtime errors in the statement are reported)
    int column;
};
using StmtPtr = std::unique_ptr<Stmt>;
using Body = std::vector<StmtPtr>;

struct TextStmt : Stmt {
    TextStmt(int l, int c, std::string t) : Stmt(StmtKind::Text, l, c), text(std::move(t)) {}
    std::string text;
};

struct PrintStmt : Stmt {  // {{ expr }}; line/column are the expression's
    PrintStmt(int l, int c) : Stmt(StmtKind::Print, l, c) {}
    ExprPtr expr;
};

struct IfBranch {
    ExprPtr test;
    Body body;
    int line = 1, column = 1;  // of the test, for errors
};

struct IfStmt : Stmt {
    IfStmt(int l, int c) : Stmt(StmtKind::If, l, c) {}
    std::vector<IfBranch> branches;  // if, elif...
    Body else_body;
};

struct ForStmt : Stmt {
    ForStmt(int l, int c) : Stmt(StmtKind::For, l, c) {}
    Target target;
    ExprPtr iter;
    ExprPtr filter;  // `for x in xs if cond`
    Body body;
    Body else_body;
    bool recursive = false;
};

struct SetStmt : Stmt {
    SetStmt(int l, int c) : Stmt(StmtKind::Set, l, c) {}
    Target target;
    ExprPtr value;
};

struct SetBlockStmt : Stmt {
    SetBlockStmt(int l, int c) : Stmt(StmtKind::SetBlock, l, c) {}
    Target target;
    ExprPtr filter;  // chain of FilterExpr whose innermost input is null, or null
    Body body;
};

// A macro's definition; also used for the anonymous `caller` of a call block.
struct MacroDef {
    std::string name;
    std::vector<std::pair<std::string, Symbol>> params;
    std::vector<ExprPtr> defaults;  // for the last defaults.size() params
    Body body;
    bool uses_caller = false, uses_varargs = false, uses_kwargs = false;  // the body reads these names
    bool explicit_caller = false;  // one of params is named caller
    bool anonymous = false;  // a call block's caller, which Jinja2 names None
    int line = 1, column = 1;
};

struct MacroStmt : Stmt {
    MacroStmt(int l, int c) : Stmt(StmtKind::Macro, l, c) {}
    Symbol symbol = 0;
    std::shared_ptr<MacroDef> def;
};

struct CallBlockStmt : Stmt {
    CallBlockStmt(int l, int c) : Stmt(StmtKind::CallBlock, l, c) {}
    std::shared_ptr<MacroDef> caller;
    ExprPtr call;  // a CallExpr
};

struct IncludeStmt : Stmt {
    IncludeStmt(int l, int c) : Stmt(StmtKind::Include, l, c) {}
    ExprPtr name;
    bool ignore_missing = false;
    bool with_context = true;
};

struct ImportStmt : Stmt {
    ImportStmt(int l, int c) : Stmt(StmtKind::Import, l, c) {}
    ExprPtr name;
    std::string target;
    Symbol symbol = 0;
    bool with_context = false;
};

struct ImportName {
    std::string name;   // exported by the template
    std::string alias;  // bound here
    Symbol symbol = 0;  // of alias
};

struct FromImportStmt : Stmt {
    FromImportStmt(int l, int c) : Stmt(StmtKind::FromImport, l, c) {}
    ExprPtr name;
    std::vector<ImportName> names;
    bool with_context = false;
};

struct ExtendsStmt : Stmt {
    ExtendsStmt(int l, int c) : Stmt(StmtKind::Extends, l, c) {}
    ExprPtr name;
};

struct BlockStmt : Stmt {
    BlockStmt(int l, int c) : Stmt(StmtKind::Block, l, c) {}
    std::string name;
    Body body;
    bool scoped = false;
};

struct WithStmt : Stmt {
    WithStmt(int l, int c) : Stmt(StmtKind::With, l, c) {}
    std::vector<Target> targets;
    std::vector<ExprPtr> values;
    Body body;
};

struct FilterBlockStmt : Stmt {
    FilterBlockStmt(int l, int c) : Stmt(StmtKind::FilterBlock, l, c) {}
    ExprPtr filter;  // chain of FilterExpr whose innermost input is null
    Body body;
};

// A parsed template: its body and every block it defines (nested ones too).
struct TemplateAst {
    std::string name;
    bool autoescape = false;
    Body body;
    std::unordered_map<std::string, const BlockStmt*> blocks;
};

}  // namespace quorum::tmpl
