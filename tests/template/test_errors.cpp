// Error messages and locations: the line Jinja2 reports, our column, and the chain.
#include "core_test_support.hpp"

using namespace quorum::tmpl;
using namespace quorum::tmpl::testing;

TEST_CASE("errors: undefined values are reported where they are used", "[errors]") {
    CHECK(render_error("a\n\n{{ foo }}").format() == "main.txt:3:4: error: 'foo' is undefined\n");
    CHECK(render_error("{{ none.x }}").message() == "'None' has no attribute 'x'");
    CHECK(render_error("{{ {}.x }}").message() == "'dict object' has no attribute 'x'");
    CHECK(render_error("{{ [1][5] }}").message() == "list object has no element 5");
    CHECK(render_error("{% for x in [1] %}{{ loop.previtem }}{% endfor %}").message() == "there is no previous item");
    CHECK(render_error("{% if x %}{% endif %}").message() == "'x' is undefined");
    CHECK(render_error("{{ x == 1 }}").message() == "'x' is undefined");
    CHECK(render_error("{{ x + 1 }}").message() == "'x' is undefined");
    CHECK(render_error("\n{{ ('x' if false).y }}").message() ==
          "the inline if-expression on line 2 in 'main.txt' evaluated to false and no else section was defined.");
    CHECK(render_error("{% for i in x %}{% endfor %}").message() == "'x' is undefined");
    CHECK(render_error("a\n{% for x in [1] %}\n{{ x.nope.deeper }}\n{% endfor %}").where().line == 3);
}

TEST_CASE("errors: macro calls", "[errors]") {
    CHECK(render_error("{% macro m(a) %}{% endmacro %}{{ m(1,2) }}").message() == "macro 'm' takes not more than 1 argument(s)");
    CHECK(render_error("{% macro m(a) %}{% endmacro %}{{ m(1,b=2) }}").message() == "macro 'm' takes no keyword argument 'b'");
    CHECK(render_error("{% macro m(a) %}{{a}}{% endmacro %}{{ m() }}").message() == "parameter 'a' was not provided");
    CHECK(render_error("{% macro m() %}{{ caller() }}{% endmacro %}{{ m() }}").message() == "No caller defined");
}

TEST_CASE("errors: unpacking and namespaces", "[errors]") {
    CHECK(render_error("{% set a, b = [1] %}").message() == "not enough values to unpack (expected 2, got 1)");
    CHECK(render_error("{% set a, b = [1,2,3] %}").message() == "too many values to unpack (expected 2)");
    CHECK(render_error("{% set x = 1 %}{% set x.a = 2 %}").message() == "cannot assign attribute on non-namespace object");
}

TEST_CASE("errors: includes, imports and extends name the chain", "[errors]") {
    auto e = render_error(Sources{{"main.txt", "a\n  {% include 'inc.txt' %}"}, {"inc.txt", "line1\n{{ nope }}"}}, "main.txt");
    CHECK(e.format() == "inc.txt:2:4: error: 'nope' is undefined\n  included from main.txt:2:6\n");
    auto missing = render_error(Sources{{"main.txt", "x\n{% include 'nope.txt' %}"}}, "main.txt");
    CHECK(missing.format() == "main.txt:2:4: error: template not found: nope.txt\n");
    auto imported = render_error(
        Sources{{"main.txt", "x\n{% from 'm.txt' import f %}\n{{ f() }}"}, {"m.txt", "{% macro f() %}\n{{ undefined_y }}{% endmacro %}"}},
        "main.txt");
    CHECK(imported.format() == "m.txt:2:4: error: 'undefined_y' is undefined\n  called from main.txt:3:4\n");
    auto parent = render_error(Sources{{"main.txt", "{% extends 'base.txt' %}"}, {"base.txt", "x\n{{ nope }}"}}, "main.txt");
    CHECK(parent.format() == "base.txt:2:4: error: 'nope' is undefined\n  extended by main.txt:1:4\n");
    auto not_exported = render_error(Sources{{"main.txt", "{% from 'm.txt' import zz %}{{ zz }}"}, {"m.txt", ""}}, "main.txt");
    CHECK(not_exported.message() ==
          "the template 'm.txt' (imported on line 1 in 'main.txt') does not export the requested name 'zz'");
}

TEST_CASE("errors: syntax errors in included templates name that template", "[errors]") {
    auto e = render_error(Sources{{"main.txt", "{% include 'bad.txt' %}"}, {"bad.txt", "ok\n{% if %}"}}, "main.txt");
    CHECK(e.where().file == "bad.txt");
    CHECK(e.where().line == 2);
    CHECK(e.kind() == RenderError::Kind::Syntax);
}

TEST_CASE("errors: messages stay on one line", "[errors]") {
    RenderError e(RenderError::Kind::Runtime, "two\nlines", {"f.txt", 1, 2});
    CHECK(e.format() == "f.txt:1:2: error: two lines\n");
}

TEST_CASE("errors: a missing entry template", "[errors]") {
    Environment env;
    try {
        env.render("nothing.txt", data_from("{}"));
        FAIL("expected an error");
    } catch (const RenderError& e) {
        CHECK(e.kind() == RenderError::Kind::NotFound);
        CHECK(e.message() == "template not found: nothing.txt");
    }
}

// map/select/... are generators: their body runs when a loop (or list, first...) reads them,
// possibly far from the filter. As in Jinja2 the error is located where the generator is read
// (the for statement, not the last statement of its body); a second line names the filter.
TEST_CASE("errors: a lazy filter's error is located where it is read and names the filter", "[errors]") {
    CHECK(render_error("{% set xs = [[1], 2] | map('first') %}\nA\n{% for x in xs %}\n{{ x }}\n{% endfor %}").format() ==
          "main.txt:3:4: error: 'int' object is not iterable\n  raised by the lazy filter at main.txt:1:24\n");
    CHECK(render_error("{{ [1, 0] | select('divisibleby', 0) | list }}").format() ==
          "main.txt:1:4: error: integer modulo by zero\n  raised by the lazy filter at main.txt:1:13\n");
    // Made in an imported template, read in the importer.
    auto imported = render_error(
        Sources{{"main.txt", "{% from 'm.txt' import xs %}\n{% for x in xs %}{{ x }}{% endfor %}"},
                {"m.txt", "\n{% set xs = [[1], 2] | map('first') %}"}},
        "main.txt");
    CHECK(imported.format() == "main.txt:2:4: error: 'int' object is not iterable\n  raised by the lazy filter at m.txt:2:24\n");
}

TEST_CASE("errors: format widths and precisions too big to pad are refused, never attempted", "[errors]") {
    // Found by fuzz_template: 20 digits overflowed the width (undefined behaviour), and a
    // width in the billions asked for gigabytes. Python's words where Python refuses too.
    CHECK(render_error("{{ '%99999999999999999999s' | format('x') }}").message() == "width too big");
    CHECK(render_error("{{ '%.99999999999999999999f' | format(1.5) }}").message() == "precision too big");
    CHECK(render_error("{{ '%5000000000s' | format('x') }}").message() == "width too big");
    CHECK(render_error("{{ '%*s' | format(5000000000, 'x') }}").message() == "width too big");
    CHECK(render_error("{{ '{:99999999999999999999}'.format('x') }}").message() ==
          "Too many decimal digits in format string");
    CHECK(render_error("{{ '{:.5000000000f}'.format(1.5) }}").message() == "Too many decimal digits in format string");
    // Widths a paper might use still work, exactly as Python pads them.
    CHECK(render("{{ '%8s|' | format('ab') }}{{ '{:>6}|'.format('cd') }}{{ '%-4d|' | format(7) }}") ==
          "      ab|    cd|7   |");
}
