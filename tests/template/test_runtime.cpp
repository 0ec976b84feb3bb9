// The interpreter, statement by statement. Every expected string was produced by
// Python's Jinja2 3.1 with the configuration of issue 2.
#include "core_test_support.hpp"

using namespace quorum::tmpl;
using namespace quorum::tmpl::testing;

TEST_CASE("runtime: printing values as Python's str", "[runtime]") {
    CHECK(render("{{ x }} {{ f }} {{ b }} {{ n }} {{ l }} {{ d }}",
                 R"({"x": "a", "f": 1.0, "b": true, "n": null, "l": [1, "b"], "d": {"k": 0.5}})") ==
          "a 1.0 True None [1, 'b'] {'k': 0.5}");
    CHECK(render("{{ 1e3 }} {{ 0.1 + 0.2 }} {{ 7 / 2 }} {{ 7 // 2 }} {{ -7 % 3 }}") ==
          "1000.0 0.30000000000000004 3.5 3 2");
}

TEST_CASE("runtime: whitespace control and trailing newline", "[runtime]") {
    CHECK(render("  {{- 1 -}}  \n {{ 2 }}  {%- if true -%}  x  {%- endif -%}  y {#- c -#} z") == "12xyz");
    CHECK(render("{% if true %}\n  yes\n{% endif %}\n") == "\n  yes\n");
    CHECK(render("a {%- raw -%} {{ x }} {%- endraw -%} b") == "a{{ x }}b");
}

TEST_CASE("runtime: expressions", "[runtime]") {
    CHECK(render("{{ [1, 2, 3][1:] }} {{ 'hello'[::-1] }} {{ [1,2,3][-1] }} {{ (1,) }} {{ {'a': 1, 'b': [1, 'x']} }}") ==
          "[2, 3] olleh 3 (1,) {'a': 1, 'b': [1, 'x']}");
    CHECK(render("{{ 1 < 2 < 3 }} {{ 1 < 3 < 2 }} {{ 1 in [1] }} {{ 2 not in [1] }} {{ not 1 == 2 }}") ==
          "True False True True True");
    CHECK(render("{{ true and 0 }} {{ 0 or 'x' }} {{ 1 if false else 2 }} [{{ 1 if false }}]") == "0 x 2 []");
    CHECK(render("{{ 'a' ~ 1 ~ none ~ true }}") == "a1NoneTrue");
    CHECK(render("{{ 'h\xC3\xA9llo'[1] }}|{{ 'h\xC3\xA9llo'[1:3] }}") == "\xC3\xA9|\xC3\xA9l");
}

TEST_CASE("runtime: attribute lookup prefers methods, subscripts prefer items", "[runtime]") {
    CHECK(render("{% for k in x %}{{ k }}{% endfor %} {{ x['items'] }} {{ x.b }}", R"({"x": {"b": 1, "a": 2, "items": 3}})") ==
          "baitems 3 1");
    CHECK(render("{% set a = {'k': [1, {'z': 2}]} %}{{ a.k.1.z }}{{ a['k'][0] }}") == "21");
}

TEST_CASE("runtime: for loops, loop object and else", "[runtime]") {
    CHECK(render("{% for x in 'abc' %}{{ loop.cycle('o','e') }}{{ x }}{{ loop.revindex }}{{ loop.revindex0 }}"
                 "{{ loop.first }}{{ loop.depth }}{% endfor %}") ==
          "oa32True1eb21False1oc10False1");
    CHECK(render("{% for x in [1,2,3,4] if x is odd %}{{ loop.index }}/{{ loop.length }}{{ x }} {% endfor %}") ==
          "1/21 2/23 ");
    CHECK(render("{% for x in [1,2,3] if x > 5 %}a{% else %}none{% endfor %}") == "none");
    CHECK(render("{% for k, v in {'a': 1, 'b': 2}.items() %}{{ k }}={{ v }};{% endfor %}") == "a=1;b=2;");
    CHECK(render("{% for x in [1,2] %}{{ loop.nextitem|default('N') }}{{ loop.previtem is defined }}{% endfor %}") ==
          "2FalseNTrue");
    CHECK(render("{% for a in [1,2] %}{% for b in [3,4] %}{{ loop.index }}{{ a }}{{ b }} {% endfor %}{{ loop.index }};{% endfor %}") ==
          "113 214 1;123 224 2;");
}

TEST_CASE("runtime: scoping of set in loops, if, with, macros; namespace persists", "[runtime]") {
    CHECK(render("{% set x = 1 %}{% for i in [1,2] %}{{ x }}{% set x = i * 10 %}{{ x }}{% endfor %}{{ x }}") == "1101201");
    CHECK(render("{% set x = 1 %}{% if true %}{% set x = 2 %}{% endif %}{{ x }}{% with %}{% set x = 3 %}{{ x }}{% endwith %}{{ x }}") ==
          "232");
    CHECK(render("{% set ns = namespace(c=0) %}{% for i in [1,2,3] %}{% set ns.c = ns.c + i %}{% endfor %}{{ ns.c }}") == "6");
    CHECK(render("{% macro m() %}{% set x = 5 %}{{ x }}{% endmacro %}{{ m() }}{{ x is defined }}") == "5False");
    CHECK(render("{% with a = 1, b = 2 %}{{ a + b }}{% endwith %}{{ a is defined }}") == "3False");
    CHECK(render("{% set a, b = 1, 2 %}{{ a }}{{ b }}") == "12");
}

TEST_CASE("runtime: set blocks and filter blocks", "[runtime]") {
    CHECK(render("{% set x %}a{{ 1 }}b{% endset %}{{ x }}|{% set y | upper %}abc{% endset %}{{ y }}") == "a1b|ABC");
    CHECK(render("{% filter upper %}hello {{ 'x' }}{% endfilter %}") == "HELLO X");
}

TEST_CASE("runtime: macros, defaults at call time, varargs, kwargs, caller", "[runtime]") {
    CHECK(render("{% macro m(a, b=a*2) %}{{ a }}-{{ b }}{% endmacro %}{{ m(1) }} {{ m(1, 5) }} {{ m(b=3, a=2) }}") ==
          "1-2 1-5 2-3");
    CHECK(render("{% macro m() %}{{ varargs }}{{ kwargs }}{% endmacro %}{{ m(1, 2, x=3) }}") == "(1, 2){'x': 3}");
    CHECK(render("{% macro m(x) %}[{{ caller(x) }}]{% endmacro %}{% call(y) m(5) %}got {{ y }}{% endcall %}") == "[got 5]");
    CHECK(render("{% macro r(n) %}{{ n }}{% if n > 0 %}{{ r(n - 1) }}{% endif %}{% endmacro %}{{ r(5) }}") == "543210");
    CHECK(render("{% for i in [1, 2] %}{% macro show() %}<{{ i }}>{% endmacro %}{{ show() }}{% endfor %}") == "<1><2>");
}

TEST_CASE("runtime: autoescape by template name", "[runtime]") {
    CHECK(render("{{ '<a>' }}{{ '<a>'|safe }}{% set x %}<b>{% endset %}{{ x }}{{ x ~ '<' }}{{ '<' ~ x }}", "{}", "p.html") ==
          "&lt;a&gt;<a><b><b>&lt;&lt;<b>");
    CHECK(render("{{ '<a>' }}", "{}", "p.txt") == "<a>");
    CHECK(render("{{ '<&\"\\'>' }}", "{}", "p.xhtml.j2") == "&lt;&amp;&#34;&#39;&gt;");
    CHECK(render("{% macro m() %}<i>{{ '<' }}</i>{% endmacro %}{{ m() }}", "{}", "p.html") == "<i>&lt;</i>");
    CHECK(render("{% macro m() %}[{{ caller() }}]{% endmacro %}{% call m() %}<b>{{ '&' }}</b>{% endcall %}", "{}", "p.html") ==
          "[<b>&amp;</b>]");
    CHECK(Environment::autoescape_for("report.xhtml.j2"));
    CHECK_FALSE(Environment::autoescape_for("notes.txt.j2"));
}

TEST_CASE("runtime: include with and without context, ignore missing, lists", "[runtime]") {
    Sources s{{"main.txt", "{% include 'inc.txt' %}|{{ y is defined }}"}, {"inc.txt", "{% set y = 1 %}{{ x }}"}};
    CHECK(render(s, "main.txt", R"({"x": 5})") == "5|False");
    CHECK_THROWS(render(Sources{{"main.txt", "{% include 'inc.txt' without context %}"}, {"inc.txt", "{{ x }}"}}, "main.txt",
                        R"({"x": 5})"));
    CHECK(render(Sources{{"main.txt", "a{% include 'missing.txt' ignore missing %}b"}}, "main.txt") == "ab");
    CHECK(render(Sources{{"main.txt", "{% include ['missing.txt', 'inc.txt'] %}"}, {"inc.txt", "I"}}, "main.txt") == "I");
    // An included .txt keeps its own (off) autoescaping inside an .html page.
    CHECK(render(Sources{{"main.html", "{% include 'p.txt' %}|{{ '<' }}"}, {"p.txt", "{{ '<' }}"}}, "main.html") == "<|&lt;");
}

TEST_CASE("runtime: import and from-import", "[runtime]") {
    Sources s{{"m.txt", "{% macro f(x) %}f{{ x }}{% endmacro %}{% set v = 7 %}{% set _p = 1 %}"}};
    s["main.txt"] = "{% import 'm.txt' as m %}{{ m.f(2) }}{{ m.v }}{{ m._p is defined }}";
    CHECK(render(s, "main.txt") == "f27False");
    s["main.txt"] = "{% from 'm.txt' import f as g, v %}{{ g(1) }}{{ v }}";
    CHECK(render(s, "main.txt") == "f17");
    Sources ctx{{"m.txt", "{% macro f() %}{{ x }}{% endmacro %}"},
                {"main.txt", "{% import 'm.txt' as m with context %}{{ m.f() }}"}};
    CHECK(render(ctx, "main.txt", R"({"x": 1})") == "1");
}

TEST_CASE("runtime: extends, blocks, super and self", "[runtime]") {
    const std::string base =
        "<html>{% block head %}<h>{{ title }}</h>{% endblock %}|{% block body %}base body{% endblock %}|"
        "{% block foot %}F{% block inner %}I{% endblock %}{% endblock %}</html>";
    Sources s{{"base.html", base}};
    s["main.html"] = "{% extends 'base.html' %}{% block body %}child {{ super() }} {{ self.head() }}{% endblock %}";
    CHECK(render(s, "main.html", R"({"title": "<T>"})") ==
          "<html><h>&lt;T&gt;</h>|child base body <h>&lt;T&gt;</h>|FI</html>");
    s["main.html"] = "before{% extends 'base.html' %}after{% set title = 'set in child' %}{% block head %}{{ title }}{% endblock %}";
    CHECK(render(s, "main.html") == "before<html>set in child|base body|FI</html>");
    s["mid.html"] = "{% extends 'base.html' %}{% block body %}M[{{ super() }}]{% endblock %}";
    s["main.html"] = "{% extends 'mid.html' %}{% block body %}C[{{ super() }}]{% endblock %}";
    CHECK(render(s, "main.html", R"({"title": "t"})") == "<html><h>t</h>|C[M[base body]]|FI</html>");
    CHECK(render("{% for i in [1,2] %}{% block a scoped %}[{{ i }}]{% endblock %}{% endfor %}", "{}", "x.html") == "[1][2]");
}

TEST_CASE("runtime: JSON context keeps key order and types", "[runtime]") {
    CHECK(render("{% for k, v in d.items() %}{{ k }}:{{ v }} {% endfor %}", R"({"d": {"z": 1, "a": 2.0, "m": null}})") ==
          "z:1 a:2.0 m:None ");
}

TEST_CASE("runtime: templates load only from the template folders", "[runtime][safety]") {
    auto e = render_error(Sources{{"main.txt", "{% include '../../etc/passwd' %}"}}, "main.txt");
    CHECK_THAT(e.message(), Catch::Contains("'..' may not leave the template folders"));
    auto abs = render_error(Sources{{"main.txt", "{% include '/etc/passwd' %}"}}, "main.txt");
    CHECK_THAT(abs.message(), Catch::Contains("absolute paths are not allowed"));
}

TEST_CASE("runtime: recursion is bounded, never a stack overflow", "[runtime][safety]") {
    auto macro = render_error("{% macro r(n) %}{{ r(n + 1) }}{% endmacro %}{{ r(0) }}");
    CHECK_THAT(macro.message(), Catch::Contains("maximum recursion depth exceeded"));
    auto include = render_error(Sources{{"main.txt", "{% include 'main.txt' %}"}}, "main.txt");
    CHECK_THAT(include.message(), Catch::Contains("maximum recursion depth exceeded"));
    auto extends = render_error(Sources{{"a.txt", "{% extends 'b.txt' %}"}, {"b.txt", "{% extends 'a.txt' %}"}}, "a.txt");
    CHECK_THAT(extends.message(), Catch::Contains("maximum recursion depth exceeded"));
}

TEST_CASE("runtime: printed case and format filters write str results straight out", "[runtime]") {
    // Expected strings from Jinja2 3.1 (autoescape for .html).
    const std::string data = R"({"s": "<A&b> Mixed", "x": -3.25, "n": 42})";
    CHECK(render("{{ s|lower }}|{{ s|upper }}|{{ s|capitalize }}|{{ '%.1f'|format(x) }}|{{ '<%s>'|format(s) }}", data,
                 "main.html") ==
          "&lt;a&amp;b&gt; mixed|&lt;A&amp;B&gt; MIXED|&lt;a&amp;b&gt; mixed|-3.2|&lt;&lt;A&amp;b&gt; Mixed&gt;");
    CHECK(render("{{ s|lower }}|{{ '%.1f'|format(x) }}", data) == "<a&b> mixed|-3.2");
    // Markup in, Markup out; other inputs and argument shapes take the filter itself.
    CHECK(render("{{ s|safe|lower }}|{{ n|lower }}|{{ '%s-%s'|format(s, n) }}|{{ '%(a)s'|format(a=n) }}", data,
                 "main.html") == "<a&b> mixed|42|&lt;A&amp;b&gt; Mixed-42|42");
    CHECK_THAT(render_error("{{ s|lower(1) }}", data).message(),
               Catch::Contains("do_lower() takes 1 positional argument but 2 were given"));
}

TEST_CASE("runtime: a filter registered under a builtin's name is not printed as the builtin", "[runtime]") {
    Environment env;
    env.library().add_filter("lower", [](CallContext&, const Value&, const Arguments&) { return Value("mine"); });
    env.add_template("main.txt", "{{ 'ABC'|lower }}");
    CHECK(env.render("main.txt", data_from("{}")) == "mine");
}

TEST_CASE("runtime: a filter registered as e is called when printed, not taken for the builtin escape", "[runtime]") {
    Environment env;
    env.library().add_filter("e", [](CallContext&, const Value& in, const Arguments&) {
        std::string bracketed = "[";
        bracketed.append(to_str(in)).push_back(']');
        return Value(bracketed);
    });
    env.add_template("main.html", "{{ 'a<b'|e }}|{{ 'a<b'|escape }}");
    CHECK(env.render("main.html", data_from("{}")) == "[a&lt;b]|a&lt;b");
}

TEST_CASE("runtime: printed title and wordwrap write their str results straight out", "[runtime]") {
    // Expected strings from Jinja2 3.1 (autoescape for .html).
    const std::string data = R"({"s": "<a&b> one two-three four five", "n": 7})";
    CHECK(render("{{ s|title }}|{{ s|wordwrap(9) }}|{{ n|title }}", data, "main.html") ==
          "&lt;A&amp;b&gt; One Two-Three Four Five|&lt;a&amp;b&gt; one\ntwo-three\nfour five|7");
    CHECK(render("{{ s|wordwrap(9, wrapstring='<br>') }}", data) == "<a&b> one<br>two-three<br>four five");
}
