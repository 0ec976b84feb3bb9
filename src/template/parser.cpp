#include "template/parser.hpp"

#include "template/bigint.hpp"
#include "template/error.hpp"
#include "template/lexer.hpp"

#include <algorithm>
#include <initializer_list>

namespace quorum::tmpl {

namespace {

// An expected token: a type, or a name with a given value ("name:endfor").
struct Want {
    TokenType type;
    std::string_view name;  // when type == Name and non-empty

    bool matches(const Token& t) const { return t.type == type && (name.empty() || t.text == name); }
    std::string describe() const { return name.empty() ? describe_token_type(type) : std::string(name); }
};

Want tag(std::string_view name) { return {TokenType::Name, name}; }

// An Integer token's value: the lexer keeps the digits of one beyond int64 for a BigInt.
Value integer_value(const Token& token) {
    if (token.text.empty()) return Value(token.integer);
    return *bigint::from_decimal(token.text);
}

using EndTags = std::vector<std::string_view>;

class Parser {
public:
    Parser(std::vector<Token> tokens, const std::string& name, SymbolTable& symbols, const Library& library,
           TemplateAst& ast)
        : tokens_(std::move(tokens)), name_(name), symbols_(symbols), library_(library), ast_(ast) {}

    Body parse_all() {
        Body body = subparse(nullptr);
        return body;
    }

private:
    std::vector<Token> tokens_;
    std::size_t at_ = 0;
    const std::string& name_;
    SymbolTable& symbols_;
    const Library& library_;
    TemplateAst& ast_;
    std::vector<std::string> tag_stack_;       // statements being parsed, for "innermost block" messages
    std::vector<const EndTags*> end_tags_;     // what enclosing statements wait for
    std::vector<MacroDef*> macros_;            // macro/caller bodies being parsed
    int depth_ = 0;

    // ------------------------------------------------------------ token stream
    const Token& current() const { return tokens_[at_]; }
    const Token& look() const { return tokens_[at_ + 1 < tokens_.size() ? at_ + 1 : at_]; }
    const Token& next() {
        const Token& t = tokens_[at_];
        if (at_ + 1 < tokens_.size()) ++at_;
        return t;
    }
    bool at(TokenType type) const { return current().type == type; }
    bool at_name(std::string_view n) const { return current().is_name(n); }
    bool skip_if(TokenType type) {
        if (!at(type)) return false;
        next();
        return true;
    }
    bool skip_if_name(std::string_view n) {
        if (!at_name(n)) return false;
        next();
        return true;
    }

    [[noreturn]] void fail(const std::string& message, int line, int column) const {
        throw RenderError(RenderError::Kind::Syntax, message, {name_, line, column});
    }
    [[noreturn]] void fail_here(const std::string& message) const {
        fail(message, current().line, current().column);
    }

    const Token& expect(Want want) {
        if (!want.matches(current())) {
            if (at(TokenType::Eof))
                fail_here("unexpected end of template, expected '" + want.describe() + "'.");
            fail_here("expected token '" + want.describe() + "', got '" + describe_token(current()) + "'");
        }
        return next();
    }
    const Token& expect(TokenType type) { return expect(Want{type, {}}); }

    struct DepthGuard {
        Parser& p;
        explicit DepthGuard(Parser& parser) : p(parser) {
            if (++p.depth_ > kMaxNestingDepth) p.fail_here("template nesting too deep (more than " + std::to_string(kMaxNestingDepth) + " levels)");
        }
        ~DepthGuard() { --p.depth_; }
    };

    // Left-nested chains (a + b + c, x|f|g, a.b.c) nest AST nodes without recursing in
    // the parser; each link counts as a level so rendering and freeing stay bounded too.
    struct ChainDepth {
        Parser& p;
        int added = 0;
        explicit ChainDepth(Parser& parser) : p(parser) {}
        void step() {
            ++added;
            if (++p.depth_ > kMaxNestingDepth)
                p.fail_here("template nesting too deep (more than " + std::to_string(kMaxNestingDepth) + " levels)");
        }
        ~ChainDepth() { p.depth_ -= added; }
    };

    // ------------------------------------------------------------ template structure
    Body subparse(const EndTags* end_tags) {
        Body body;
        if (end_tags) end_tags_.push_back(end_tags);
        struct Pop {
            Parser& p;
            bool active;
            ~Pop() {
                if (active) p.end_tags_.pop_back();
            }
        } pop{*this, end_tags != nullptr};
        while (!at(TokenType::Eof)) {
            const Token& token = current();
            if (token.type == TokenType::Data) {
                body.push_back(std::make_unique<TextStmt>(token.line, token.column, token.text));
                next();
            } else if (token.type == TokenType::VariableBegin) {
                next();
                ExprPtr expr = parse_tuple(TupleMode::Full, {}, false);
                auto stmt = std::make_unique<PrintStmt>(expr->line, expr->column);
                stmt->expr = std::move(expr);
                body.push_back(std::move(stmt));
                expect(TokenType::VariableEnd);
            } else if (token.type == TokenType::BlockBegin) {
                next();
                if (end_tags && current().type == TokenType::Name) {
                    for (auto t : *end_tags)
                        if (current().text == t) return body;
                }
                body.push_back(parse_statement());
                expect(TokenType::BlockEnd);
            } else {
                fail_here("internal parsing error");
            }
        }
        return body;
    }

    static std::string quote_list(const EndTags& tags) {
        std::string out;
        for (std::size_t i = 0; i < tags.size(); ++i) {
            if (i) out += " or ";
            out += "'" + std::string(tags[i]) + "'";
        }
        return out;
    }

    // Jinja2's _fail_ut_eof: unknown tag (name given) or unexpected end of template.
    [[noreturn]] void fail_unknown_tag(const std::string* name, int line, int column,
                                       const EndTags* extra = nullptr) const {
        std::vector<const EndTags*> stack = end_tags_;
        if (extra) stack.push_back(extra);
        bool expected = false;
        if (name)
            for (auto* tags : stack)
                for (auto t : *tags)
                    if (t == *name) expected = true;
        std::string message = name ? "Encountered unknown tag '" + *name + "'." : "Unexpected end of template.";
        if (!stack.empty()) {
            std::string looking = quote_list(*stack.back());
            if (name && expected)
                message += " You probably made a nesting mistake. Jinja is expecting this tag, but currently looking for " + looking + ".";
            else
                message += " Jinja was looking for the following tags: " + looking + ".";
        }
        if (!tag_stack_.empty()) message += " The innermost block that needs to be closed is '" + tag_stack_.back() + "'.";
        fail(message, line, column);
    }

    // Jinja2's parse_statements: optional colon, block end, body up to one of `end_tags`.
    Body parse_statements(const EndTags& end_tags, bool drop_needle) {
        skip_if(TokenType::Colon);
        expect(TokenType::BlockEnd);
        DepthGuard guard(*this);
        Body body = subparse(&end_tags);
        if (at(TokenType::Eof)) fail_unknown_tag(nullptr, current().line, current().column, &end_tags);
        if (drop_needle) next();
        return body;
    }

    StmtPtr parse_statement() {
        const Token& token = current();
        if (token.type != TokenType::Name) fail_here("tag name expected");
        static const std::vector<std::string_view> known = {
            "for", "if", "block", "extends", "print", "macro", "include", "from", "import", "set", "with",
            "call", "filter"};
        bool is_known = false;
        for (auto k : known)
            if (token.text == k) is_known = true;
        if (!is_known) fail_unknown_tag(&token.text, token.line, token.column);
        tag_stack_.push_back(token.text);
        StmtPtr stmt = dispatch(token.text);
        tag_stack_.pop_back();
        return stmt;
    }

    StmtPtr dispatch(const std::string& keyword) {
        if (keyword == "for") return parse_for();
        if (keyword == "if") return parse_if();
        if (keyword == "block") return parse_block();
        if (keyword == "extends") return parse_extends();
        if (keyword == "print") return parse_print();
        if (keyword == "macro") return parse_macro();
        if (keyword == "include") return parse_include();
        if (keyword == "from") return parse_from();
        if (keyword == "import") return parse_import();
        if (keyword == "set") return parse_set();
        if (keyword == "with") return parse_with();
        if (keyword == "call") return parse_call_block();
        return parse_filter_block();
    }

    // ------------------------------------------------------------ statements
    StmtPtr parse_for() {
        const Token& kw = expect(tag("for"));
        auto node = std::make_unique<ForStmt>(kw.line, kw.column);
        static const EndTags in_tag = {"in"};
        node->target = parse_assign_target(true, false, &in_tag, false);
        expect(tag("in"));
        static const EndTags recursive_tag = {"recursive"};
        node->iter = parse_tuple(TupleMode::NoCondExpr, &recursive_tag, false);
        if (skip_if_name("if")) node->filter = parse_expression(true);
        node->recursive = skip_if_name("recursive");
        static const EndTags body_end = {"endfor", "else"};
        node->body = parse_statements(body_end, false);
        if (next().text == "endfor") return node;
        static const EndTags else_end = {"endfor"};
        node->else_body = parse_statements(else_end, true);
        return node;
    }

    StmtPtr parse_if() {
        const Token& kw = expect(tag("if"));
        auto node = std::make_unique<IfStmt>(kw.line, kw.column);
        static const EndTags branch_end = {"elif", "else", "endif"};
        static const EndTags else_end = {"endif"};
        int line = kw.line;
        for (;;) {
            IfBranch branch;
            branch.line = line;
            branch.column = current().column;
            branch.test = parse_tuple(TupleMode::NoCondExpr, nullptr, false);
            branch.body = parse_statements(branch_end, false);
            node->branches.push_back(std::move(branch));
            const Token& token = next();
            if (token.is_name("elif")) {
                line = current().line;
                continue;
            }
            if (token.is_name("else")) node->else_body = parse_statements(else_end, true);
            break;
        }
        return node;
    }

    StmtPtr parse_block() {
        const Token& kw = next();
        auto node = std::make_unique<BlockStmt>(kw.line, kw.column);
        const Token& name = expect(TokenType::Name);
        node->name = name.text;
        node->scoped = skip_if_name("scoped");
        skip_if_name("required");
        if (at(TokenType::Sub))
            fail_here("Block names in Jinja have to be valid Python identifiers and may not contain hyphens, use an underscore instead.");
        static const EndTags end = {"endblock"};
        node->body = parse_statements(end, true);
        skip_if_name(node->name);
        if (ast_.blocks.count(node->name))
            fail("block '" + node->name + "' defined twice", node->line, node->column);
        ast_.blocks[node->name] = node.get();
        return node;
    }

    StmtPtr parse_extends() {
        const Token& kw = next();
        auto node = std::make_unique<ExtendsStmt>(kw.line, kw.column);
        node->name = parse_expression(true);
        return node;
    }

    StmtPtr parse_print() {
        const Token& kw = next();
        // {% print a, b %} prints each expression; we model it as a Print per item.
        auto node = std::make_unique<PrintStmt>(kw.line, kw.column);
        ExprPtr first = parse_expression(true);
        if (at(TokenType::Comma)) {
            auto concat = std::make_unique<ConcatExpr>(first->line, first->column);
            concat->items.push_back(std::move(first));
            while (skip_if(TokenType::Comma)) concat->items.push_back(parse_expression(true));
            first = std::move(concat);
        }
        node->expr = std::move(first);
        return node;
    }

    void parse_signature(MacroDef& def) {
        expect(TokenType::LParen);
        while (!at(TokenType::RParen)) {
            if (!def.params.empty()) expect(TokenType::Comma);
            const Token& name = expect(TokenType::Name);
            if (skip_if(TokenType::Assign)) {
                def.defaults.push_back(parse_expression(true));
            } else if (!def.defaults.empty()) {
                fail_here("non-default argument follows default argument");
            }
            def.params.emplace_back(name.text, symbols_.intern(name.text));
            if (name.text == "caller") def.explicit_caller = true;
        }
        expect(TokenType::RParen);
    }

    StmtPtr parse_macro() {
        const Token& kw = next();
        auto node = std::make_unique<MacroStmt>(kw.line, kw.column);
        auto def = std::make_shared<MacroDef>();
        const Token& name = expect(TokenType::Name);
        def->name = name.text;
        def->line = kw.line;
        def->column = kw.column;
        node->symbol = symbols_.intern(name.text);
        parse_signature(*def);
        static const EndTags end = {"endmacro"};
        macros_.push_back(def.get());
        def->body = parse_statements(end, true);
        macros_.pop_back();
        node->def = std::move(def);
        return node;
    }

    StmtPtr parse_call_block() {
        const Token& kw = next();
        auto node = std::make_unique<CallBlockStmt>(kw.line, kw.column);
        auto def = std::make_shared<MacroDef>();
        def->name = "caller";
        def->anonymous = true;
        def->line = kw.line;
        def->column = kw.column;
        if (at(TokenType::LParen)) parse_signature(*def);
        ExprPtr call = parse_expression(true);
        if (call->kind != ExprKind::Call) fail("expected call", kw.line, kw.column);
        node->call = std::move(call);
        static const EndTags end = {"endcall"};
        macros_.push_back(def.get());
        def->body = parse_statements(end, true);
        macros_.pop_back();
        node->caller = std::move(def);
        return node;
    }

    StmtPtr parse_filter_block() {
        const Token& kw = next();
        auto node = std::make_unique<FilterBlockStmt>(kw.line, kw.column);
        node->filter = parse_filter(nullptr, true);
        static const EndTags end = {"endfilter"};
        node->body = parse_statements(end, true);
        return node;
    }

    // `with context` / `without context`; returns whether it was there.
    bool parse_context(bool& with_context) {
        if ((at_name("with") || at_name("without")) && look().is_name("context")) {
            with_context = next().text == "with";
            next();
            return true;
        }
        return false;
    }

    StmtPtr parse_include() {
        const Token& kw = next();
        auto node = std::make_unique<IncludeStmt>(kw.line, kw.column);
        node->name = parse_expression(true);
        if (at_name("ignore") && look().is_name("missing")) {
            node->ignore_missing = true;
            next();
            next();
        }
        parse_context(node->with_context);
        return node;
    }

    StmtPtr parse_import() {
        const Token& kw = next();
        auto node = std::make_unique<ImportStmt>(kw.line, kw.column);
        node->name = parse_expression(true);
        expect(tag("as"));
        const Token& target = expect(TokenType::Name);
        node->target = target.text;
        node->symbol = symbols_.intern(target.text);
        parse_context(node->with_context);
        return node;
    }

    StmtPtr parse_from() {
        const Token& kw = next();
        auto node = std::make_unique<FromImportStmt>(kw.line, kw.column);
        node->name = parse_expression(true);
        expect(tag("import"));
        for (;;) {
            if (!node->names.empty()) expect(TokenType::Comma);
            if (!at(TokenType::Name)) {
                expect(TokenType::Name);
            }
            if (parse_context(node->with_context)) break;
            const Token& name = next();
            if (!name.text.empty() && name.text[0] == '_')
                fail("names starting with an underline can not be imported", name.line, name.column);
            ImportName entry{name.text, name.text, 0};
            if (skip_if_name("as")) entry.alias = expect(TokenType::Name).text;
            entry.symbol = symbols_.intern(entry.alias);
            node->names.push_back(std::move(entry));
            if (parse_context(node->with_context) || !at(TokenType::Comma)) break;
        }
        return node;
    }

    StmtPtr parse_set() {
        const Token& kw = next();
        Target target = parse_assign_target(true, false, nullptr, true);
        if (skip_if(TokenType::Assign)) {
            auto node = std::make_unique<SetStmt>(kw.line, kw.column);
            node->target = std::move(target);
            node->value = parse_tuple(TupleMode::Full, nullptr, false);
            return node;
        }
        auto node = std::make_unique<SetBlockStmt>(kw.line, kw.column);
        node->target = std::move(target);
        node->filter = parse_filter(nullptr, false);
        static const EndTags end = {"endset"};
        node->body = parse_statements(end, true);
        return node;
    }

    StmtPtr parse_with() {
        const Token& kw = next();
        auto node = std::make_unique<WithStmt>(kw.line, kw.column);
        while (!at(TokenType::BlockEnd)) {
            if (!node->targets.empty()) expect(TokenType::Comma);
            node->targets.push_back(parse_assign_target(true, false, nullptr, false));
            expect(TokenType::Assign);
            node->values.push_back(parse_expression(true));
        }
        static const EndTags end = {"endwith"};
        node->body = parse_statements(end, true);
        return node;
    }

    // Jinja2's parse_assign_target.
    Target parse_assign_target(bool with_tuple, bool name_only, const EndTags* extra_end, bool with_namespace) {
        Target target;
        target.line = current().line;
        target.column = current().column;
        // Jinja2 3.1.2 (the oracle) takes `ns.attr` only as the whole target: in
        // {% set ns.a, b = ... %} the comma is a syntax error (cases 878, 1140).
        if (with_namespace && look().type == TokenType::Dot) return parse_namespace_or_primary_target();
        if (name_only) {
            const Token& name = expect(TokenType::Name);
            target.name = name.text;
            target.symbol = symbols_.intern(name.text);
            return target;
        }
        ExprPtr expr = with_tuple ? parse_tuple(TupleMode::Simplified, extra_end, false) : parse_primary();
        return to_target(*expr);
    }

    // One assignment target: ns.attr, or a name/tuple written as a primary expression.
    Target parse_namespace_or_primary_target() {
        if (at(TokenType::Name) && look().type == TokenType::Dot) {
            Target target;
            target.line = current().line;
            target.column = current().column;
            const Token& name = next();
            next();
            const Token& attr = expect(TokenType::Name);
            target.kind = Target::Kind::NamespaceAttr;
            target.name = name.text;
            target.symbol = symbols_.intern(name.text);
            target.attribute = attr.text;
            return target;
        }
        ExprPtr expr = parse_primary();
        return to_target(*expr);
    }

    Target to_target(const Expr& expr) {
        Target target;
        target.line = expr.line;
        target.column = expr.column;
        if (expr.kind == ExprKind::Name) {
            const auto& name = static_cast<const NameExpr&>(expr);
            static const char* reserved[] = {"true", "false", "none", "True", "False", "None"};
            for (const char* r : reserved)
                if (name.name == r) fail("can't assign to 'const'", expr.line, expr.column);
            target.name = name.name;
            target.symbol = name.symbol;
            return target;
        }
        if (expr.kind == ExprKind::Tuple) {
            target.kind = Target::Kind::Tuple;
            for (const auto& item : static_cast<const SequenceExpr&>(expr).items) target.items.push_back(to_target(*item));
            return target;
        }
        fail("can't assign to '" + node_type_name(expr.kind) + "'", expr.line, expr.column);
    }

    static std::string node_type_name(ExprKind kind) {
        switch (kind) {
            case ExprKind::Const: return "const";
            case ExprKind::List: return "list";
            case ExprKind::Dict: return "dict";
            case ExprKind::Getattr: return "getattr";
            case ExprKind::Getitem: return "getitem";
            case ExprKind::Call: return "call";
            default: return "expression";
        }
    }

    // ------------------------------------------------------------ expressions
    enum class TupleMode { Full, NoCondExpr, Simplified };

    ExprPtr parse_expression(bool with_condexpr) {
        DepthGuard guard(*this);
        return with_condexpr ? parse_condexpr() : parse_or();
    }

    ExprPtr parse_condexpr() {
        ChainDepth chain(*this);
        int line = current().line;
        int column = current().column;
        ExprPtr expr1 = parse_or();
        while (skip_if_name("if")) {
            chain.step();
            ExprPtr expr2 = parse_or();
            ExprPtr expr3;
            if (skip_if_name("else")) expr3 = parse_condexpr();
            auto node = std::make_unique<CondExpr>(line, column);
            node->then = std::move(expr1);
            node->test = std::move(expr2);
            node->otherwise = std::move(expr3);
            if (!node->otherwise) node->if_false = lenient_undefined(line, name_);
            expr1 = std::move(node);
            line = current().line;
        }
        return expr1;
    }

    ExprPtr make_binary(ExprKind kind, BinaryOp op, ExprPtr left, ExprPtr right, int line) {
        int column = left->column;
        auto node = std::make_unique<BinaryExpr>(kind, line, column);
        node->op = op;
        node->left = std::move(left);
        node->right = std::move(right);
        return node;
    }

    ExprPtr parse_or() {
        ChainDepth chain(*this);
        int line = current().line;
        ExprPtr left = parse_and();
        while (skip_if_name("or")) {
            chain.step();
            ExprPtr right = parse_and();
            left = make_binary(ExprKind::Or, BinaryOp::Add, std::move(left), std::move(right), line);
            line = current().line;
        }
        return left;
    }

    ExprPtr parse_and() {
        ChainDepth chain(*this);
        int line = current().line;
        ExprPtr left = parse_not();
        while (skip_if_name("and")) {
            chain.step();
            ExprPtr right = parse_not();
            left = make_binary(ExprKind::And, BinaryOp::Add, std::move(left), std::move(right), line);
            line = current().line;
        }
        return left;
    }

    ExprPtr parse_not() {
        if (at_name("not")) {
            const Token& kw = next();
            DepthGuard guard(*this);
            auto node = std::make_unique<UnaryExpr>(ExprKind::Not, kw.line, kw.column);
            node->operand = parse_not();
            return node;
        }
        return parse_compare();
    }

    ExprPtr parse_compare() {
        int line = current().line;
        int column = current().column;
        ExprPtr expr = parse_math1();
        std::vector<std::pair<CompareOp, ExprPtr>> ops;
        for (;;) {
            TokenType type = current().type;
            CompareOp op;
            if (type == TokenType::Eq) op = CompareOp::Eq;
            else if (type == TokenType::Ne) op = CompareOp::Ne;
            else if (type == TokenType::Lt) op = CompareOp::Lt;
            else if (type == TokenType::LtEq) op = CompareOp::LtEq;
            else if (type == TokenType::Gt) op = CompareOp::Gt;
            else if (type == TokenType::GtEq) op = CompareOp::GtEq;
            else if (at_name("in")) op = CompareOp::In;
            else if (at_name("not") && look().is_name("in")) {
                next();
                op = CompareOp::NotIn;
            } else {
                break;
            }
            next();
            ops.emplace_back(op, parse_math1());
            line = current().line;
        }
        if (ops.empty()) return expr;
        auto node = std::make_unique<CompareExpr>(line, column);
        node->first = std::move(expr);
        node->rest = std::move(ops);
        return node;
    }

    ExprPtr parse_math1() {
        ChainDepth chain(*this);
        int line = current().line;
        ExprPtr left = parse_concat();
        while (at(TokenType::Add) || at(TokenType::Sub)) {
            chain.step();
            BinaryOp op = next().type == TokenType::Add ? BinaryOp::Add : BinaryOp::Sub;
            ExprPtr right = parse_concat();
            left = make_binary(ExprKind::Binary, op, std::move(left), std::move(right), line);
            line = current().line;
        }
        return left;
    }

    ExprPtr parse_concat() {
        int line = current().line;
        int column = current().column;
        ExprPtr first = parse_math2();
        if (!at(TokenType::Tilde)) return first;
        auto node = std::make_unique<ConcatExpr>(line, column);
        node->items.push_back(std::move(first));
        while (skip_if(TokenType::Tilde)) node->items.push_back(parse_math2());
        return node;
    }

    ExprPtr parse_math2() {
        ChainDepth chain(*this);
        int line = current().line;
        ExprPtr left = parse_pow();
        for (;;) {
            BinaryOp op;
            switch (current().type) {
                case TokenType::Mul: op = BinaryOp::Mul; break;
                case TokenType::Div: op = BinaryOp::Div; break;
                case TokenType::FloorDiv: op = BinaryOp::FloorDiv; break;
                case TokenType::Mod: op = BinaryOp::Mod; break;
                default: return left;
            }
            next();
            chain.step();
            ExprPtr right = parse_pow();
            left = make_binary(ExprKind::Binary, op, std::move(left), std::move(right), line);
            line = current().line;
        }
    }

    ExprPtr parse_pow() {
        ChainDepth chain(*this);
        int line = current().line;
        ExprPtr left = parse_unary(true);
        while (skip_if(TokenType::Pow)) {
            chain.step();
            ExprPtr right = parse_unary(true);
            left = make_binary(ExprKind::Binary, BinaryOp::Pow, std::move(left), std::move(right), line);
            line = current().line;
        }
        return left;
    }

    ExprPtr parse_unary(bool with_filter) {
        DepthGuard guard(*this);
        ExprPtr node;
        if (at(TokenType::Sub) || at(TokenType::Add)) {
            const Token& sign = next();
            auto unary = std::make_unique<UnaryExpr>(sign.type == TokenType::Sub ? ExprKind::Neg : ExprKind::Pos,
                                                     sign.line, sign.column);
            unary->operand = parse_unary(false);
            node = std::move(unary);
        } else {
            node = parse_primary();
        }
        node = parse_postfix(std::move(node));
        if (with_filter) node = parse_filter_expr(std::move(node));
        return node;
    }

    ExprPtr parse_primary() {
        const Token& token = current();
        switch (token.type) {
            case TokenType::Name: {
                next();
                const std::string& n = token.text;
                if (n == "true" || n == "True") return std::make_unique<ConstExpr>(token.line, token.column, Value(true));
                if (n == "false" || n == "False") return std::make_unique<ConstExpr>(token.line, token.column, Value(false));
                if (n == "none" || n == "None") return std::make_unique<ConstExpr>(token.line, token.column, Value::none());
                note_name_use(n);
                return std::make_unique<NameExpr>(token.line, token.column, n, symbols_.intern(n));
            }
            case TokenType::String: {
                std::string text = token.text;
                int line = token.line, column = token.column;
                next();
                while (at(TokenType::String)) text += next().text;  // adjacent literals concatenate
                return std::make_unique<ConstExpr>(line, column, Value(text));
            }
            case TokenType::Integer:
                next();
                return std::make_unique<ConstExpr>(token.line, token.column, integer_value(token));
            case TokenType::Float:
                next();
                return std::make_unique<ConstExpr>(token.line, token.column, Value(token.real));
            case TokenType::LParen: {
                next();
                ExprPtr node = parse_tuple(TupleMode::Full, nullptr, true);
                expect(TokenType::RParen);
                return node;
            }
            case TokenType::LBracket: return parse_list();
            case TokenType::LBrace: return parse_dict();
            default: fail_here("unexpected '" + describe_token(token) + "'");
        }
    }

    // The body of the macro being parsed reads `caller`, `varargs` or `kwargs`.
    void note_name_use(const std::string& n) {
        for (MacroDef* def : macros_) {
            if (n == "caller") def->uses_caller = true;
            else if (n == "varargs") def->uses_varargs = true;
            else if (n == "kwargs") def->uses_kwargs = true;
        }
    }

    bool is_tuple_end(const EndTags* extra_end) const {
        TokenType t = current().type;
        if (t == TokenType::VariableEnd || t == TokenType::BlockEnd || t == TokenType::RParen) return true;
        if (extra_end && t == TokenType::Name)
            for (auto e : *extra_end)
                if (current().text == e) return true;
        return false;
    }

    ExprPtr parse_tuple(TupleMode mode, const EndTags* extra_end, bool explicit_parentheses) {
        int line = current().line;
        int column = current().column;
        std::vector<ExprPtr> args;
        bool is_tuple = false;
        for (;;) {
            if (!args.empty()) expect(TokenType::Comma);
            if (is_tuple_end(extra_end)) break;
            if (mode == TupleMode::Simplified) args.push_back(parse_primary());
            else args.push_back(parse_expression(mode == TupleMode::Full));
            if (at(TokenType::Comma)) is_tuple = true;
            else break;
            line = current().line;
        }
        if (!is_tuple) {
            if (!args.empty()) return std::move(args[0]);
            if (!explicit_parentheses)
                fail_here("Expected an expression, got '" + describe_token(current()) + "'");
        }
        auto node = std::make_unique<SequenceExpr>(ExprKind::Tuple, line, column);
        node->items = std::move(args);
        return node;
    }

    ExprPtr parse_list() {
        const Token& open = expect(TokenType::LBracket);
        auto node = std::make_unique<SequenceExpr>(ExprKind::List, open.line, open.column);
        while (!at(TokenType::RBracket)) {
            if (!node->items.empty()) expect(TokenType::Comma);
            if (at(TokenType::RBracket)) break;
            node->items.push_back(parse_expression(true));
        }
        expect(TokenType::RBracket);
        return node;
    }

    ExprPtr parse_dict() {
        const Token& open = expect(TokenType::LBrace);
        auto node = std::make_unique<DictExpr>(open.line, open.column);
        while (!at(TokenType::RBrace)) {
            if (!node->items.empty()) expect(TokenType::Comma);
            if (at(TokenType::RBrace)) break;
            ExprPtr key = parse_expression(true);
            expect(TokenType::Colon);
            ExprPtr value = parse_expression(true);
            node->items.emplace_back(std::move(key), std::move(value));
        }
        expect(TokenType::RBrace);
        return node;
    }

    ExprPtr parse_postfix(ExprPtr node) {
        ChainDepth chain(*this);
        for (;;) {
            if (at(TokenType::Dot) || at(TokenType::LBracket)) node = parse_subscript(std::move(node));
            else if (at(TokenType::LParen)) node = parse_call(std::move(node));
            else return node;
            chain.step();
        }
    }

    ExprPtr parse_filter_expr(ExprPtr node) {
        ChainDepth chain(*this);
        for (;;) {
            if (at(TokenType::Pipe)) node = parse_filter(std::move(node), false);
            else if (at_name("is")) node = parse_test(std::move(node));
            else if (at(TokenType::LParen)) node = parse_call(std::move(node));
            else return node;
            chain.step();
        }
    }

    // "{:,}".format: a string literal's method, bound once here rather than on every evaluation
    // (getattr would bind the same method of the same str each time). Null when not a method.
    static ExprPtr literal_method(const Expr& object, std::string_view name, int line, int column) {
        if (object.kind != ExprKind::Const) return nullptr;
        const Value& literal = static_cast<const ConstExpr&>(object).value;
        if (!literal.is_string()) return nullptr;
        std::optional<Value> method = literal_method_of(literal, name);
        return method ? std::make_unique<ConstExpr>(line, column, std::move(*method)) : nullptr;
    }

    ExprPtr parse_subscript(ExprPtr node) {
        DepthGuard guard(*this);
        const Token& token = next();
        int column = node->column;
        if (token.type == TokenType::Dot) {
            const Token& attr = next();
            if (attr.type == TokenType::Name) {
                if (ExprPtr method = literal_method(*node, attr.text, token.line, column)) return method;
                auto get = std::make_unique<GetattrExpr>(token.line, column);
                get->object = std::move(node);
                get->key = Value::interned(attr.text);
                get->may_be_method = is_dict_method_name(attr.text);
                return get;
            }
            if (attr.type != TokenType::Integer) fail("expected name or number", attr.line, attr.column);
            auto get = std::make_unique<GetitemExpr>(token.line, column);
            get->object = std::move(node);
            get->key = std::make_unique<ConstExpr>(attr.line, attr.column, integer_value(attr));
            return get;
        }
        std::vector<ExprPtr> args;
        while (!at(TokenType::RBracket)) {
            if (!args.empty()) expect(TokenType::Comma);
            args.push_back(parse_subscribed());
        }
        expect(TokenType::RBracket);
        auto get = std::make_unique<GetitemExpr>(token.line, column);
        get->object = std::move(node);
        if (args.size() == 1) {
            get->key = std::move(args[0]);
        } else {
            auto tuple = std::make_unique<SequenceExpr>(ExprKind::Tuple, token.line, token.column);
            tuple->items = std::move(args);
            get->key = std::move(tuple);
        }
        return get;
    }

    ExprPtr parse_subscribed() {
        int line = current().line;
        int column = current().column;
        ExprPtr start;
        if (at(TokenType::Colon)) {
            next();
        } else {
            ExprPtr node = parse_expression(true);
            if (!at(TokenType::Colon)) return node;
            next();
            start = std::move(node);
        }
        auto slice = std::make_unique<SliceExpr>(line, column);
        slice->start = std::move(start);
        if (at(TokenType::Colon)) {
            // a[::x]: no stop
        } else if (!at(TokenType::RBracket) && !at(TokenType::Comma)) {
            slice->stop = parse_expression(true);
        }
        if (skip_if(TokenType::Colon)) {
            if (!at(TokenType::RBracket) && !at(TokenType::Comma)) slice->step = parse_expression(true);
        }
        return slice;
    }

    // Fills args.constant when every argument is a literal.
    static void bind_constant_args(CallArgs& args) {
        auto literal = [](const ExprPtr& e) { return e->kind == ExprKind::Const; };
        if (args.dyn_args || args.dyn_kwargs || !std::all_of(args.positional.begin(), args.positional.end(), literal) ||
            !std::all_of(args.keyword.begin(), args.keyword.end(), [&](const auto& kw) { return literal(kw.second); }))
            return;
        Arguments& constant = args.constant.emplace();
        for (const ExprPtr& e : args.positional) constant.positional.push_back(static_cast<const ConstExpr&>(*e).value);
        for (const auto& [name, e] : args.keyword)
            constant.keyword.emplace_back(name, static_cast<const ConstExpr&>(*e).value);
    }

    CallArgs parse_call_args() {
        const Token& open = expect(TokenType::LParen);
        CallArgs args;
        bool require_comma = false;
        auto ensure = [&](bool ok) {
            if (!ok) fail("invalid syntax for function call expression", open.line, open.column);
        };
        while (!at(TokenType::RParen)) {
            if (require_comma) {
                expect(TokenType::Comma);
                if (at(TokenType::RParen)) break;
            }
            if (at(TokenType::Mul)) {
                ensure(!args.dyn_args && !args.dyn_kwargs);
                next();
                args.dyn_args = parse_expression(true);
            } else if (at(TokenType::Pow)) {
                ensure(!args.dyn_kwargs);
                next();
                args.dyn_kwargs = parse_expression(true);
            } else if (at(TokenType::Name) && look().type == TokenType::Assign) {
                ensure(!args.dyn_kwargs);
                std::string key = current().text;
                next();
                next();
                args.keyword.emplace_back(std::move(key), parse_expression(true));
            } else {
                ensure(!args.dyn_args && !args.dyn_kwargs && args.keyword.empty());
                args.positional.push_back(parse_expression(true));
            }
            require_comma = true;
        }
        expect(TokenType::RParen);
        bind_constant_args(args);
        return args;
    }

    ExprPtr parse_call(ExprPtr node) {
        DepthGuard guard(*this);
        const Token& open = current();
        auto call = std::make_unique<CallExpr>(open.line, node->column);
        call->args = parse_call_args();
        call->callee = std::move(node);
        return call;
    }

    // Filters: `x|a|b(1)`; with start_inline the first name needs no pipe (filter blocks).
    ExprPtr parse_filter(ExprPtr node, bool start_inline) {
        ChainDepth chain(*this);
        while (at(TokenType::Pipe) || start_inline) {
            chain.step();
            DepthGuard guard(*this);
            if (!start_inline) next();
            const Token& name = expect(TokenType::Name);
            std::string full = name.text;
            while (skip_if(TokenType::Dot)) full += "." + expect(TokenType::Name).text;
            auto filter = std::make_unique<FilterExpr>(name.line, node ? node->column : name.column);
            filter->name = full;
            filter->name_column = name.column;
            filter->fn = library_.filter(full);
            if (!filter->fn) fail("No filter named '" + full + "'.", name.line, name.column);
            filter->direct_text = direct_text_of(*filter->fn);
            filter->escapes = is_builtin_escape(*filter->fn);
            if (at(TokenType::LParen)) filter->args = parse_call_args();
            else bind_constant_args(filter->args);  // no arguments: constant, lent by nobody
            filter->input = std::move(node);
            node = std::move(filter);
            start_inline = false;
        }
        return node;
    }

    ExprPtr parse_test(ExprPtr node) {
        DepthGuard guard(*this);
        const Token& is = next();
        bool negated = skip_if_name("not");
        const Token& name = expect(TokenType::Name);
        std::string full = name.text;
        while (skip_if(TokenType::Dot)) full += "." + expect(TokenType::Name).text;
        auto test = std::make_unique<TestExpr>(is.line, node->column);
        test->name = full;
        test->fn = library_.test(full);
        if (!test->fn) fail("No test named '" + full + "'.", name.line, name.column);
        TokenType t = current().type;
        if (t == TokenType::LParen) {
            test->args = parse_call_args();
        } else if ((t == TokenType::Name || t == TokenType::String || t == TokenType::Integer ||
                    t == TokenType::Float || t == TokenType::LBracket || t == TokenType::LBrace) &&
                   !at_name("else") && !at_name("or") && !at_name("and")) {
            if (at_name("is")) fail_here("You cannot chain multiple tests with is");
            ExprPtr arg = parse_primary();
            arg = parse_postfix(std::move(arg));
            test->args.positional.push_back(std::move(arg));
        }
        bind_constant_args(test->args);
        if (test->args.constant) test->bound = bound_builtin_test(*test->fn, *test->args.constant);
        test->input = std::move(node);
        if (!negated) return test;
        auto negation = std::make_unique<UnaryExpr>(ExprKind::Not, is.line, test->column);
        negation->operand = std::move(test);
        return negation;
    }
};

}  // namespace

std::unique_ptr<TemplateAst> parse_template(std::string_view source, const std::string& name, bool autoescape,
                                            SymbolTable& symbols, const Library& library) {
    auto ast = std::make_unique<TemplateAst>();
    ast->name = name;
    ast->autoescape = autoescape;
    std::vector<Token> tokens = tokenize(normalize_source(source), name);
    Parser parser(std::move(tokens), name, symbols, library, *ast);
    ast->body = parser.parse_all();
    return ast;
}

}  // namespace quorum::tmpl
