// Parser: AST shape, precedence, node lines, and Jinja2's syntax error messages.
#include "core_test_support.hpp"
#include "template/parser.hpp"

using namespace quorum::tmpl;
using namespace quorum::tmpl::testing;

namespace {
std::unique_ptr<TemplateAst> parse(const std::string& source) {
    static Environment env;  // for the library of filters and tests
    return parse_template(source, "t.txt", false, env.symbols(), env.library());
}
const Expr& print_expr(const TemplateAst& ast, std::size_t i = 0) {
    REQUIRE(ast.body.size() > i);
    REQUIRE(ast.body[i]->kind == StmtKind::Print);
    return *static_cast<const PrintStmt&>(*ast.body[i]).expr;
}
std::string syntax_error(const std::string& source) {
    try {
        parse(source);
    } catch (const RenderError& e) {
        return e.format();
    }
    return "no error";
}
}  // namespace

TEST_CASE("parser: arithmetic precedence follows Jinja2", "[parser]") {
    auto ast = parse("{{ 1 + 2 * 3 }}");
    const auto& add = static_cast<const BinaryExpr&>(print_expr(*ast));
    REQUIRE(add.kind == ExprKind::Binary);
    CHECK(add.op == BinaryOp::Add);
    CHECK(add.right->kind == ExprKind::Binary);
    CHECK(static_cast<const BinaryExpr&>(*add.right).op == BinaryOp::Mul);
    // Jinja2 parses ** left-associatively and unary minus binds tighter: -2 ** 2 == 4.
    CHECK(render("{{ 2 ** 3 ** 2 }} {{ -2 ** 2 }} {{ 1 ~ (2 + 3) }}") == "64 4 15");
    // ~ binds tighter than +, so this is '12' + 3, a TypeError in Python too.
    CHECK_THROWS(render("{{ 1 ~ 2 + 3 }}"));
}

TEST_CASE("parser: filters, tests, calls and subscripts", "[parser]") {
    auto ast = parse("{{ x|default(1)|upper }}{{ y is divisibleby 3 }}{{ f(1, k=2).a[0] }}");
    const auto& upper = static_cast<const FilterExpr&>(print_expr(*ast, 0));
    CHECK(upper.name == "upper");
    CHECK(upper.fn != nullptr);
    REQUIRE(upper.input->kind == ExprKind::Filter);
    CHECK(static_cast<const FilterExpr&>(*upper.input).args.positional.size() == 1);
    const auto& test = static_cast<const TestExpr&>(print_expr(*ast, 1));
    CHECK(test.name == "divisibleby");
    CHECK(test.args.positional.size() == 1);
    const auto& item = static_cast<const GetitemExpr&>(print_expr(*ast, 2));
    REQUIRE(item.object->kind == ExprKind::Getattr);
    const auto& call = static_cast<const CallExpr&>(*static_cast<const GetattrExpr&>(*item.object).object);
    CHECK(call.args.positional.size() == 1);
    CHECK(call.args.keyword.size() == 1);
}

TEST_CASE("parser: statements and blocks are collected", "[parser]") {
    auto ast = parse("{% for k, v in d.items() if v %}{% else %}{% endfor %}{% block a %}{% block b %}{% endblock %}{% endblock %}");
    REQUIRE(ast->body.size() == 2);
    const auto& loop = static_cast<const ForStmt&>(*ast->body[0]);
    CHECK(loop.target.kind == Target::Kind::Tuple);
    CHECK(loop.target.items.size() == 2);
    CHECK(loop.filter != nullptr);
    CHECK(ast->blocks.count("a") == 1);
    CHECK(ast->blocks.count("b") == 1);
}

TEST_CASE("parser: macros note caller/varargs/kwargs use", "[parser]") {
    auto ast = parse("{% macro m(a, b=1) %}{{ caller() }}{{ varargs }}{% endmacro %}");
    const auto& macro = static_cast<const MacroStmt&>(*ast->body[0]);
    CHECK(macro.def->params.size() == 2);
    CHECK(macro.def->defaults.size() == 1);
    CHECK(macro.def->uses_caller);
    CHECK(macro.def->uses_varargs);
    CHECK_FALSE(macro.def->uses_kwargs);
}

TEST_CASE("parser: syntax errors carry Jinja2's message and line", "[parser]") {
    CHECK(syntax_error("{% for %}") == "t.txt:1:8: error: Expected an expression, got 'end of statement block'\n");
    CHECK(syntax_error("a\n{% if x %}\nb") ==
          "t.txt:2:11: error: Unexpected end of template. Jinja was looking for the following tags: 'elif' or 'else' "
          "or 'endif'. The innermost block that needs to be closed is 'if'.\n");
    CHECK(syntax_error("{% foo %}") == "t.txt:1:4: error: Encountered unknown tag 'foo'.\n");
    CHECK(syntax_error("{% for x in y %}{% endif %}") ==
          "t.txt:1:20: error: Encountered unknown tag 'endif'. Jinja was looking for the following tags: 'endfor' or "
          "'else'. The innermost block that needs to be closed is 'for'.\n");
    CHECK(syntax_error("{{ \"a\" ") == "t.txt:1:4: error: unexpected end of template, expected 'end of print statement'.\n");
    CHECK(syntax_error("{% set 1 = 2 %}") == "t.txt:1:8: error: can't assign to 'const'\n");
    CHECK(syntax_error("{% macro m(a=1, b) %}{% endmacro %}") ==
          "t.txt:1:18: error: non-default argument follows default argument\n");
    CHECK(syntax_error("{% block a %}{% endblock %}{% block a %}{% endblock %}") ==
          "t.txt:1:31: error: block 'a' defined twice\n");
}

TEST_CASE("parser: unknown filters and tests fail at load time, even in dead branches", "[parser]") {
    CHECK(syntax_error("{% if false %}\n{{ x|frobnicate }}{% endif %}") == "t.txt:2:6: error: No filter named 'frobnicate'.\n");
    CHECK(syntax_error("{% if false %}{{ x is frob }}{% endif %}") == "t.txt:1:23: error: No test named 'frob'.\n");
}

TEST_CASE("parser: nesting depth is bounded", "[parser]") {
    std::string deep = "{{ " + std::string(500, '(') + "1" + std::string(500, ')') + " }}";
    CHECK_THAT(syntax_error(deep), Catch::Contains("nesting too deep"));
    std::string blocks;
    for (int i = 0; i < 300; ++i) blocks += "{% if true %}";
    CHECK_THAT(syntax_error(blocks), Catch::Contains("nesting too deep"));
    std::string fine = "{{ " + std::string(50, '(') + "7" + std::string(50, ')') + " }}";
    CHECK(render(fine) == "7");
}
