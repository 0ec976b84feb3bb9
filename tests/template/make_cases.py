#!/usr/bin/python3
"""Generates the differential test corpus tests/template/cases/ (issue 2, section 3).

Each case becomes a folder NNN-category-name/ holding main.<ext> (the entry
template; its name decides autoescape), any other templates it uses, and
data.json (the context).  The folders are what is reviewed and run; this script
is just the convenient way to write them.  After changing it:

    /usr/bin/python3 tests/template/make_cases.py        # rewrites cases/ (and checks intent with Jinja2)
    /usr/bin/python3 tests/template/regen_expected.py    # golden files from Jinja2; review the diff

Each case declares whether it is meant to render or to fail; the generator
checks that Jinja2 agrees (a case that silently tests nothing is a bug).
Quorum's own filters (money, percent, number, date, ordinal) are not used:
Jinja2 lacks them.
"""
import json
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "cases")

CASES = []
_cat = ["misc"]


def category(name):
    _cat[0] = name


def case(name, main, data=None, ext="txt.j2", files=None, error=False, deviation=None, empty_ok=False):
    """One case.  main: entry template text; data: dict (or raw JSON text);
    ext: entry extension (main.<ext>); files: other templates {name: text};
    error: the case must fail under Jinja2; deviation: (file, line, why) where
    Quorum must fail although Jinja2 renders (issue 2: stricter)."""
    CASES.append(dict(cat=_cat[0], name=name, main=main, data={} if data is None else data, ext=ext,
                      files=files or {}, error=error, deviation=deviation, empty_ok=empty_ok))


def err(name, main, data=None, ext="txt.j2", files=None):
    case(name, main, data, ext, files, error=True)


# ---------------------------------------------------------------- fixtures
MEMBERS = [
    {"name": "Cllr Sarah O\u2019Neill", "party": "Labour", "ward": "Castle", "role": "Chair", "attended": True, "since": 2017},
    {"name": "Cllr Dafydd ap Gwilym", "party": "Plaid Cymru", "ward": "Penylan", "role": "Vice-Chair", "attended": True, "since": 2012},
    {"name": "Cllr Angharad Pr\u0175s", "party": "Labour", "ward": "Grangetown", "role": "Member", "attended": False, "since": 2022},
    {"name": "Cllr Tom Hughes-Smith", "party": "Conservative", "ward": "Llandaff", "role": "Member", "attended": True, "since": 2008},
    {"name": "Cllr Priya Patel", "party": "Liberal Democrat", "ward": "Cathays", "role": "Member", "attended": False, "since": 2022},
    {"name": "Cllr Ed <Eddie> Jones & Co", "party": "Independent", "ward": "Fairwater", "role": "Member", "attended": True, "since": 2019},
]
INDICATORS = [
    {"code": "HS01", "title": "Households in temporary accommodation", "target": 120, "result": 134, "unit": "households", "higher_is_better": False, "trend": "\u25b2"},
    {"code": "EN03", "title": "Household waste recycled", "target": 0.64, "result": 0.584, "unit": "%", "higher_is_better": True, "trend": "\u25bc"},
    {"code": "CS12", "title": "Calls answered within 60 seconds", "target": 0.8, "result": 0.82, "unit": "%", "higher_is_better": True, "trend": "\u25b2"},
    {"code": "PL02", "title": "Major planning applications determined in time", "target": 0.65, "result": 0.65, "unit": "%", "higher_is_better": True, "trend": "\u2013"},
    {"code": "SC07", "title": "Delayed transfers of care (rate per 1,000)", "target": 4.5, "result": 5.1, "unit": "rate", "higher_is_better": False, "trend": "\u25bc"},
    {"code": "ED01", "title": "Pupils attaining Level 2+ in Welsh", "target": 55, "result": None, "unit": "%", "higher_is_better": True, "trend": None},
]
BUDGET = [
    {"service": "Adult Social Care", "directorate": "People", "budget": 48213, "actual": 49102},
    {"service": "Children\u2019s Services", "directorate": "People", "budget": 61877, "actual": 63010},
    {"service": "Highways & Transport", "directorate": "Place", "budget": 14220, "actual": 13986},
    {"service": "Waste Management", "directorate": "Place", "budget": 22450, "actual": 22450},
    {"service": "Libraries", "directorate": "Place", "budget": 3120, "actual": 2894},
    {"service": "Corporate Services", "directorate": "Resources", "budget": 9875, "actual": 10021},
]
AGENDA = [
    {"number": 1, "title": "Apologies for absence", "exempt": False, "papers": []},
    {"number": 2, "title": "Declarations of interest", "exempt": False, "papers": []},
    {"number": 3, "title": "Minutes of the meeting held on 7 March 2026", "exempt": False, "papers": ["Minutes"]},
    {"number": 4, "title": "Budget monitoring \u2013 Month 9", "exempt": False, "papers": ["Report", "Appendix A", "Appendix B"]},
    {"number": 5, "title": "Disposal of land at Heol y Ffynnon", "exempt": True, "papers": ["Report (exempt)"]},
]
COUNCIL = {
    "council": "Cyngor Sir Caerdydd / Cardiff Council",
    "committee": {"name": "Cabinet", "date": "2026-03-07", "time": "14:00", "venue": "Committee Room 4, County Hall", "chair": "Cllr Sarah O\u2019Neill"},
    "members": MEMBERS,
    "indicators": INDICATORS,
    "budget": BUDGET,
    "agenda": AGENDA,
}
NUMS = {"xs": [3, 1, 4, 1, 5, 9, 2, 6], "words": ["pear", "Apple", "fig", "banana", "apple"], "n": 7, "m": -3, "f": 2.5, "s": "Hello World", "e": "", "z": 0, "nothing": None, "yes": True, "no": False}


# ================================================================ syntax
category("syntax")
case("plain-text", "Agenda for the meeting of Cabinet.\nAll members are invited.\n")
case("text-with-single-braces", "Set {a, b} and {x} and } and { and %} alone.\n")
case("print-variable", "Committee: {{ committee.name }}\n", COUNCIL)
case("print-no-spaces", "{{committee.name}}|{{   committee.venue   }}", COUNCIL)
case("print-spanning-lines", "Chair: {{\n  committee.chair\n}} presides.", COUNCIL)
case("comment-single-line", "before{# a comment #}after\n")
case("comment-multi-line", "A\n{# this comment\n spans {{ lines }} and {% tags %}\n#}B\n")
case("comment-with-braces", "x{# {{ not printed }} {% if %} #}y")
case("string-with-delimiters", "{{ '{{' }} and {{ \"}}\" }} and {{ '{%' }} and {{ '%}' }} and {{ '{#' }}")
case("trailing-newline-stripped", "one line\n")
case("trailing-two-newlines-one-stripped", "two newlines\n\n")
case("no-trailing-newline", "no newline at end")
case("crlf-line-endings", "line one\r\nline {{ n }}\r\nline three\r\n", {"n": 2})
case("only-expression", "{{ n }}", {"n": 42})
case("empty-template-with-comment", "{# nothing but a comment #}", empty_ok=True)
case("blank-lines-kept", "a\n\n\n{{ 'b' }}\n\n\nc\n")
case("tabs-and-spaces-kept", "\tindented\n    {{ 'four' }}\t\n")
case("text-heavy-unicode", "Pwyllgor Craffu \u2013 Cyngor Sir Caerdydd \u2019 \u00a3 \u25b2 \u0175\u0177\n")
case("many-expressions-one-line", "{{ a }}{{ b }}{{ c }} {{ a }}-{{ b }}-{{ c }}", {"a": 1, "b": "two", "c": 3.0})
case("expression-in-middle-of-word", "pre{{ x }}post", {"x": "MID"})

# ================================================================ whitespace control
category("ws")
case("print-strip-both", "A   \n  {{- x -}}  \n   B", {"x": "x"})
case("print-strip-left", "A   \n  {{- x }}  \n   B", {"x": "x"})
case("print-strip-right", "A   \n  {{ x -}}  \n   B", {"x": "x"})
case("if-strip-both", "Items:\n  {%- if true -%}\n   yes\n  {%- endif -%}\n  end")
case("if-strip-left-only", "a\n   {%- if true %}\nb\n   {%- endif %}\nc")
case("if-strip-right-only", "a\n   {% if true -%}\n\n   b\n   {% endif -%}\n   c")
case("for-strip", "<ul>\n{%- for x in xs %}\n  <li>{{ x }}</li>\n{%- endfor %}\n</ul>", {"xs": [1, 2, 3]}, ext="html.j2")
case("for-strip-all", "[\n{%- for x in xs -%}\n  {{ x }},\n{%- endfor -%}\n]", {"xs": ["a", "b"]})
case("comment-strip", "a  \n  {#- comment -#}  \n  b")
case("comment-strip-left", "a  \n  {#- comment #}  \n  b")
case("set-strip", "a\n{%- set x = 1 -%}\n  b{{ x }}")
case("macro-strip", "{%- macro m(x) -%}\n  [{{ x }}]\n{%- endmacro -%}\n{{ m(1) }}\n{{- m(2) }}")
case("raw-strip", "a  {%- raw -%}  {{ kept }}  {%- endraw -%}  b")
case("include-strip", "a\n  {%- include 'part.txt.j2' -%}\n  b", files={"part.txt.j2": "PART"})
case("block-strip", "{% extends 'base.txt.j2' %}{% block body -%}\n   child\n   {%- endblock %}",
     files={"base.txt.j2": "<\n  {%- block body %}{% endblock -%}\n>"})
case("call-strip", "{% macro box() %}[{{ caller() }}]{% endmacro %}{%- call box() -%}\n  inside\n{%- endcall -%}\n!")
case("filter-strip", "x\n  {%- filter upper -%}\n  shout\n  {%- endfilter -%}\n  y")
case("with-strip", "x\n  {%- with a = 5 -%}\n  {{ a }}\n  {%- endwith -%}\n  y")
case("elif-else-strip", "{% for n in [1, 2, 3] %}\n  {%- if n == 1 -%}\n    one\n  {%- elif n == 2 -%}\n    two\n  {%- else -%}\n    many\n  {%- endif -%}\n{% endfor %}")
case("strip-crosses-many-newlines", "top\n\n\n\t  \n{{- 'joined' -}}\n\n\n  \tbottom")
case("no-strip-by-default", "<p>\n  {% if true %}\n    kept\n  {% endif %}\n</p>\n", ext="html.j2")
case("trim-blocks-off", "{% for x in xs %}\n{{ x }}\n{% endfor %}\n", {"xs": [1, 2]})
case("strip-only-whitespace", "a.{{- 'b' -}}.c {{- ' d ' -}} e")
case("set-block-strip", "{%- set body -%}\n   content {{ 1 }}\n{%- endset -%}\n[{{ body }}]")

# ================================================================ literals
category("literal")
case("string-single-and-double", "{{ 'single' }} {{ \"double\" }} {{ \"it's\" }} {{ 'say \"hi\"' }}")
case("string-escapes", r"{{ 'a\nb' }}|{{ 'tab\there' }}|{{ 'back\\slash' }}|{{ 'it\'s' }}|{{ " + '"q\\"q"' + " }}")
case("string-unicode-escape", r"{{ '\u00a3' }}{{ '\u2013' }}{{ 'caf\u00e9' }}")
case("string-literal-unicode", "{{ '\u00a3100 \u2013 \u0175' }}")
case("integers", "{{ 0 }} {{ 42 }} {{ -7 }} {{ 1000000 }}")
case("floats", "{{ 3.14 }} {{ 1.0 }} {{ 0.5 }} {{ -2.25 }} {{ 10.0 }} {{ 1.50 }}")
case("float-exponent", "{{ 1e3 }} {{ 2.5e-3 }} {{ 1.5E2 }} {{ 1e-7 }} {{ 3e20 }}")
case("booleans-lower", "{{ true }} {{ false }} {{ none }}")
case("booleans-title", "{{ True }} {{ False }} {{ None }}")
case("list-literal", "{{ [1, 'two', 3.0, none, true] }}")
case("list-nested-and-empty", "{{ [[1, 2], [], [[3]]] }} {{ [] }}")
case("list-trailing-comma", "{{ [1, 2,] }} {{ {'a': 1,} }} {{ (1, 2,) }}")
case("dict-literal", "{{ {'b': 1, 'a': 'x', 'c': [1]} }}")
case("dict-empty-and-nested", "{{ {} }} {{ {'outer': {'inner': none}} }}")
case("dict-literal-lookup", "{{ {'a': 1, 'b': 2}['b'] }} {{ {'a': 1, 'b': 2}.a }}")
case("tuple-literal", "{{ (1, 2) }} {{ (1,) }} {{ () }} {{ ('a', ('b', 'c')) }}")
case("tuple-without-parens-in-set", "{% set t = 1, 'x' %}{{ t }} {{ t[1] }}")
case("parenthesised-expression", "{{ (1) }} {{ ('a') }} {{ ((2 + 3)) }}")
case("list-index-literal", "{{ ['a', 'b', 'c'][1] }} {{ 'xyz'[0] }} {{ (4, 5)[-1] }}")
case("dict-int-keys-from-literal", "{{ {1: 'one', 2: 'two'}[2] }} {{ {1: 'one'} }}")
case("string-concatenation-of-literals", "{{ 'Item ' ~ 4 ~ ': ' ~ 'Budget' }}")
case("none-and-bools-in-containers", "{{ [none, true, false] }} {{ {'x': none} }}")
case("string-repr-quotes", "{{ ['plain', \"it's\", 'say \"hi\"', 'both \\' and \"'] }}")
case("string-repr-escapes", r"{{ ['a\nb', 'tab\t', 'back\\slash', '\u00a3\u2013\u2019'] }}")


# ================================================================ operators
category("op")
case("add-sub-mul", "{{ 2 + 3 }} {{ 10 - 4 }} {{ 6 * 7 }} {{ 1 + 1.0 }} {{ 2.5 * 2 }} {{ 0.1 + 0.2 }}")
case("true-division", "{{ 10 / 4 }} {{ 10 / 5 }} {{ 1 / 3 }} {{ -7 / 2 }} {{ 7.5 / 2.5 }}")
case("floor-division-negatives", "{{ 7 // 2 }} {{ -7 // 2 }} {{ 7 // -2 }} {{ -7 // -2 }} {{ 7.5 // 2 }} {{ -7.5 // 2 }}")
case("modulo-negatives", "{{ 7 % 3 }} {{ -7 % 3 }} {{ 7 % -3 }} {{ -7 % -3 }} {{ 7.5 % 2 }} {{ -7.5 % 2 }} {{ 0 % 5 }}")
case("power", "{{ 2 ** 10 }} {{ 2 ** 0 }} {{ 2 ** -1 }} {{ 2 ** 0.5 }} {{ 2.0 ** 3 }} {{ (-2) ** 3 }} {{ 10 ** 15 }}")
case("power-associativity", "{{ 2 ** 3 ** 2 }} {{ 2 ** (3 ** 2) }}")
case("unary-minus-and-power", "{{ -2 ** 2 }} {{ (-2) ** 2 }} {{ - 3 }} {{ -(-3) }} {{ +4 }} {{ -n }}", {"n": 5})
case("tilde-concat", "{{ 'a' ~ 1 ~ 2.0 ~ none ~ true }} {{ n ~ '' }}", {"n": 7})
case("tilde-vs-plus-precedence", "{{ 2 * 3 ~ 4 * 5 }} {{ 'a' ~ 'b' + 'c' }} {{ ('1' ~ 2) + '3' }}")
case("precedence-mul-over-add", "{{ 2 + 3 * 4 }} {{ (2 + 3) * 4 }} {{ 2 * 3 + 4 }} {{ 20 - 2 * 3 - 1 }} {{ 100 / 10 / 5 }} {{ 2 * 3 % 4 }} {{ 7 - 3 - 2 }}")
case("precedence-pow-over-mul", "{{ 2 * 3 ** 2 }} {{ (2 * 3) ** 2 }} {{ 2 ** 2 * 3 }} {{ 18 // 2 ** 2 }}")
case("string-plus-and-times", "{{ 'ab' + 'cd' }} {{ 'ab' * 3 }} {{ 3 * '-' }} {{ [1] + [2, 3] }} {{ [0] * 3 }}")
case("comparisons", "{{ 1 < 2 }} {{ 2 <= 2 }} {{ 3 > 4 }} {{ 4 >= 5 }} {{ 1 == 1.0 }} {{ 1 != 1 }} {{ 'a' < 'b' }} {{ 'B' < 'a' }}")
case("comparison-chained", "{{ 1 < 2 < 3 }} {{ 1 < 3 < 2 }} {{ 3 > 2 > 1 }} {{ 1 == 1 == 1 }} {{ 1 < 2 > 0 }}")
case("equality-across-types", "{{ 1 == '1' }} {{ none == none }} {{ [1, 2] == [1, 2] }} {{ {'a': 1} == {'a': 1} }} {{ true == 1 }} {{ 0 == false }} {{ 'x' != none }}")
case("and-or-return-operands", "[{{ 0 or 'x' }}] [{{ '' and 1 }}] [{{ 'a' and 'b' }}] [{{ none or [] }}] [{{ 0 or 0.0 }}] [{{ 3 or 4 }}]")
case("not-operator", "{{ not 0 }} {{ not 1 }} {{ not '' }} {{ not [] }} {{ not not 'x' }} {{ not none }}")
case("and-or-precedence", "{{ true or false and false }} {{ (true or false) and false }} {{ not true or true }} {{ not (true or true) }} {{ false and true or 'z' }}")
case("in-operator", "{{ 1 in [1, 2] }} {{ 'b' in 'abc' }} {{ 'a' in {'a': 1} }} {{ 1 in {'a': 1} }} {{ 'x' not in 'abc' }} {{ 3 not in [1, 2] }} {{ '' in 'abc' }}")
case("not-in-precedence", "{{ not 1 in [1] }} {{ not (1 in [1]) }} {{ 1 in [1] and 2 in [2] }} {{ 1 + 1 in [2] }}")
case("is-and-is-not", "{{ n is odd }} {{ n is not odd }} {{ not n is odd }} {{ nothing is none }} {{ nothing is not none }}", NUMS)
case("is-precedence-with-arith", "{{ 1 + 1 is even }} {{ 3 * 3 is divisibleby 3 }} {{ -1 is number }}")
case("inline-if", "{{ 'yes' if n > 5 else 'no' }} {{ 'yes' if n > 50 else 'no' }} {{ 'a' if false else 'b' if true else 'c' }}", {"n": 7})
case("inline-if-without-else-defined-test", "{{ ('x' if false) is defined }} {{ ('x' if true) is defined }} [{{ ('x' if false)|default('dflt') }}]")
case("inline-if-precedence", "{{ 1 + 2 if true else 3 }} {{ 1 + (2 if false else 3) }} {{ 'a' ~ 'b' if false else 'c' }}")
case("attribute-and-subscript", "{{ c.name }} {{ c['name'] }} {{ c.members[0] }} {{ c['members'][-1] }} {{ c.members.1 }}", {"c": {"name": "Audit", "members": ["Ann", "Bob", "Cy"]}})
case("negative-index", "{{ xs[-1] }} {{ xs[-2] }} {{ 'word'[-1] }}", NUMS)
case("slices", "{{ xs[1:3] }} {{ xs[:2] }} {{ xs[-2:] }} {{ xs[::2] }} {{ xs[::-1] }} {{ xs[5:1:-2] }} {{ xs[10:] }}", NUMS)
case("string-slices", "{{ s[1:4] }}|{{ s[::-1] }}|{{ s[:-6] }}|{{ s[-5:] }}|{{ s[::3] }}", NUMS)
case("subscript-with-expression", "{% set k = 'na' ~ 'me' %}{{ d[k] }} {{ xs[1 + 1] }} {{ xs[n - 5] }}", {"d": {"name": "Z"}, "xs": [10, 20, 30], "n": 6})
case("attribute-on-list-item-chain", "{{ members[1].name }} {{ members[1]['ward'] }} {{ members[-1].name|length }}", COUNCIL)
case("call-with-kwargs", "{{ range(2, 10, 3)|list }} {{ dict(a=1, b='two') }} {{ 'a-b-c'.split('-', 1) }} {{ '{x}/{y}'.format(x=1, y=2) }}")
case("filter-chain", "{{ s|lower|replace('o', '0')|title }} {{ xs|sort|first }} {{ s|length * 2 }}", NUMS)
case("filter-binds-tighter-than-unary-minus", "{{ -3|abs }} {{ -(3|abs) }} {{ (-3)|abs }} {{ -n|abs }} {{ -n|string }}", NUMS)
case("filter-on-parenthesised", "{{ (1 + 2)|string ~ '!' }} {{ (xs|length + 1)|string|length }}", NUMS)
case("filter-in-condition", "{% if xs|length > 5 and s|lower is lower %}ok{% endif %}", NUMS)
case("int-float-mixing", "{{ 3 + 0.0 }} {{ 6 / 3 }} {{ 2 * 0.5 }} {{ 9 // 2.0 }} {{ 1e2 }} {{ 10 ** -2 }} {{ 4 ** 0.5 }}")
case("big-integers", "{{ 2 ** 62 }} {{ 9007199254740993 }} {{ 123456789 * 1000 }} {{ -9223372036854775807 - 1 }} {{ 9223372036854775807 }}")
case("big-integer-beyond-int64", "{{ 2 ** 64 }} {{ 9223372036854775807 + 1 }} {{ 10 ** 20 }}")
case("float-printing-arith", "{{ 0.1 * 3 }} {{ 1 / 10 }} {{ 2 / 3 }} {{ 1e16 }} {{ 1e15 }} {{ 1e-4 }} {{ 1e-5 }} {{ 123456789.0 * 10 }} {{ 0.1 + 0.7 }}")
case("negative-zero", "{{ -0.0 }} {{ 0.0 * -1 }} {{ -0.0 == 0.0 }} {{ -0 }}")
case("string-percent-format", "{{ '%d items' % 3 }}|{{ '%s and %s' % ('a', 'b') }}|{{ '%.1f%%' % 42.15 }}|{{ '%05.2f' % 3.14159 }}|{{ '%x' % 255 }}|{{ '%-6s|' % 'ab' }}|{{ '%6s' % 'ab' }}")
case("string-percent-format-more", "{{ '%s' % none }}|{{ '%s' % [1, 2] }}|{{ '%r' % 'q' }}|{{ '%i' % 3.9 }}|{{ '%+d' % 5 }}|{{ '%(name)s/%(n)d' % d }}|{{ '%e' % 12345.678 }}|{{ '%g' % 0.0001 }}", {"d": {"name": "Cabinet", "n": 4}})
case("string-percent-with-data", "{% for i in indicators %}{{ '%-5s %6.1f' % (i.code, i.target) }}\n{% endfor %}", COUNCIL)
case("comparison-of-strings-and-lists", "{{ 'abc' < 'abd' }} {{ [1, 2] < [1, 3] }} {{ 'Z' < 'a' }} {{ '10' < '9' }} {{ (1, 2) == (1, 2) }}")
case("arith-with-data", "{% for b in budget %}{{ b.service }}: {{ b.actual - b.budget }} ({{ ((b.actual - b.budget) / b.budget * 100)|round(1) }}%)\n{% endfor %}", COUNCIL)
case("bool-arith", "{{ true + 1 }} {{ true + true }} {{ false * 5 }} {{ true / 2 }}")
case("long-expression", "{{ ((n * 3 + 4) // 5 - (n % 4) ** 2 + 10 / 4) * -1 }}", {"n": 17})


# ================================================================ if
category("if")
case("if-true-false", "{% if yes %}A{% endif %}{% if no %}B{% endif %}{% if yes %}C{% else %}D{% endif %}{% if no %}E{% else %}F{% endif %}", NUMS)
case("if-elif-chain", "{% for n in [-5, 0, 3, 50, 500] %}{% if n < 0 %}neg{% elif n == 0 %}zero{% elif n < 10 %}small{% elif n < 100 %}medium{% else %}large{% endif %} {% endfor %}")
case("if-elif-without-else", "{% for n in [1, 2, 3] %}{% if n == 1 %}one{% elif n == 2 %}two{% endif %};{% endfor %}")
case("if-nested", "{% for m in members %}{% if m.attended %}{% if m.role == 'Chair' %}[chair] {% else %}[present] {% endif %}{% else %}[apologies] {% endif %}{{ m.name }}\n{% endfor %}", COUNCIL)
case("truthiness", "{% for v in [0, 0.0, '', [], {}, none, false, '0', ' ', [0], {'a': 0}, 1, -1, 0.1, true] %}{{ 'T' if v else 'F' }}{% endfor %}")
case("truthiness-of-data", "{% if e %}e{% endif %}{% if z %}z{% endif %}{% if nothing %}n{% endif %}{% if s %}s{% endif %}{% if xs %}xs{% endif %}", NUMS)
case("if-with-defined-guard", "{% if missing is defined %}has{% else %}none{% endif %} {% if s is defined and s %}s={{ s }}{% endif %}", NUMS)
case("if-with-complex-condition", "{% for i in indicators %}{% if i.result is not none and ((i.higher_is_better and i.result >= i.target) or (not i.higher_is_better and i.result <= i.target)) %}G{% elif i.result is none %}-{% else %}R{% endif %}{% endfor %}", COUNCIL)
case("if-short-circuit-avoids-undefined", "{% if missing is defined and missing > 3 %}x{% else %}safe{% endif %} {{ false and missing }} {{ true or missing }}")
case("if-sets-leak-to-outer-scope", "{% if true %}{% set y = 'leaked' %}{% endif %}{{ y }}")
case("if-in-html", "<p class=\"{% if n > 5 %}big{% else %}small{% endif %}\">{{ n }}</p>", {"n": 9}, ext="html.j2")

# ================================================================ for
category("for")
case("for-list", "{% for m in members %}{{ m.name }};{% endfor %}", COUNCIL)
case("for-else-empty", "{% for x in [] %}{{ x }}{% else %}No items.{% endfor %}")
case("for-else-not-run", "{% for x in [1, 2] %}{{ x }}{% else %}No items.{% endfor %}")
case("for-dict-keys-in-order", "{% for k in d %}{{ k }} {% endfor %}", '{"d": {"zeta": 1, "alpha": 2, "mu": 3, "beta": 4}}')
case("for-items-unpacking", "{% for k, v in d.items() %}{{ k }}={{ v }};{% endfor %}", '{"d": {"zeta": 1, "alpha": 2.5, "mu": null, "beta": "b"}}')
case("for-tuple-unpacking-lists", "{% for a, b in [[1, 2], [3, 4]] %}{{ a }}+{{ b }}={{ a + b }} {% endfor %}{% for a, (b, c) in [[1, [2, 3]]] %}{{ a }}{{ b }}{{ c }}{% endfor %}")
case("for-string-chars", "{% for ch in 'Cymru' %}[{{ ch }}]{% endfor %}")
case("for-range", "{% for i in range(3) %}{{ i }}{% endfor %} {% for i in range(1, 4) %}{{ i }}{% endfor %} {% for i in range(10, 0, -3) %}{{ i }},{% endfor %}")
case("for-inline-filter", "{% for m in members if m.attended %}{{ m.name }}\n{% endfor %}", COUNCIL)
case("for-inline-filter-loop-vars", "{% for x in xs if x > 2 %}{{ loop.index }}/{{ loop.length }}:{{ x }}{{ '' if loop.last else ', ' }}{% endfor %}", NUMS)
case("for-inline-filter-else", "{% for x in xs if x > 100 %}{{ x }}{% else %}none over 100{% endfor %}", NUMS)
case("for-nested", "{% for a in agenda %}{{ a.number }}. {{ a.title }}\n{% for p in a.papers %}   - {{ p }}\n{% endfor %}{% endfor %}", COUNCIL)
case("for-var-does-not-leak", "{% for x in [1, 2] %}{% endfor %}{{ x is defined }}")
case("for-set-does-not-leak", "{% set total = 0 %}{% for x in [1, 2, 3] %}{% set total = total + x %}{% endfor %}{{ total }}")
case("for-set-inside-iteration", "{% for x in [1, 2, 3] %}{% set sq = x * x %}{{ sq }} {% endfor %}")
case("for-shadowing-outer", "{% set x = 'outer' %}{% for x in ['inner'] %}{{ x }} {% endfor %}{{ x }}")
case("for-over-dictsort", "{% for k, v in d|dictsort %}{{ k }}:{{ v }} {% endfor %}", '{"d": {"b": 2, "C": 3, "a": 1}}')
case("for-over-items-filter", "{% for k, v in committee|items %}{{ k }}={{ v }}\n{% endfor %}", COUNCIL)
case("for-loop-over-values", "{% for v in d.values() %}{{ v }},{% endfor %} {% for k in d.keys() %}{{ k }},{% endfor %}", '{"d": {"x": 10, "a": 20}}')
case("for-nested-same-var-names", "{% for row in [[1, 2], [3]] %}{% for x in row %}{{ x }}{% endfor %}|{% endfor %}")
case("for-over-tuple-and-string-list", "{% for x in (3, 2, 1) %}{{ x }}{% endfor %}-{% for x in 'a,b,c'.split(',') %}{{ x }}{% endfor %}")
case("for-large-range", "{% for i in range(200) %}{{ i % 10 }}{% endfor %}")
case("for-table-html", "<table>\n{% for b in budget %}  <tr><td>{{ b.service }}</td><td>{{ b.budget }}</td></tr>\n{% endfor %}</table>", COUNCIL, ext="html.j2")

# ================================================================ loop.*
category("loop")
case("loop-index-family", "{% for x in 'abcd' %}{{ x }}:{{ loop.index }},{{ loop.index0 }},{{ loop.revindex }},{{ loop.revindex0 }},{{ loop.length }} {% endfor %}")
case("loop-first-last", "{% for x in [1, 2, 3] %}{% if loop.first %}[{% endif %}{{ x }}{% if not loop.last %}, {% else %}]{% endif %}{% endfor %}")
case("loop-single-item", "{% for x in [1] %}{{ loop.first }} {{ loop.last }} {{ loop.length }} {{ loop.revindex }}{% endfor %}")
case("loop-cycle", "{% for m in members %}<tr class=\"{{ loop.cycle('odd', 'even') }}\">{{ m.ward }}</tr>\n{% endfor %}", COUNCIL, ext="html.j2")
case("loop-cycle-three", "{% for i in range(7) %}{{ loop.cycle('a', 'b', 'c') }}{% endfor %}")
case("loop-previtem-nextitem", "{% for x in [1, 5, 3] %}{% if loop.previtem is defined %}{{ loop.previtem }}{% else %}_{% endif %}<{{ x }}>{% if loop.nextitem is defined %}{{ loop.nextitem }}{% else %}_{% endif %} {% endfor %}")
case("loop-previtem-compare", "{% for i in indicators %}{{ i.code }}{% if not loop.first and i.unit == loop.previtem.unit %} (same unit){% endif %}\n{% endfor %}", COUNCIL)
case("loop-depth-nested", "{% for a in [1, 2] %}{{ loop.depth }}{% for b in [3] %}{{ loop.depth }}{{ loop.depth0 }}{% endfor %}{% endfor %}")
case("loop-outer-via-set", "{% for row in [['a', 'b'], ['c']] %}{% set outer = loop %}{% for x in row %}{{ outer.index }}.{{ loop.index }}={{ x }} {% endfor %}{% endfor %}")
case("loop-length-of-dict", "{% for k in d %}{{ loop.index }}/{{ loop.length }} {% endfor %}", '{"d": {"a": 1, "b": 2, "c": 3}}')
case("loop-in-unpacking", "{% for k, v in d.items() %}{{ loop.index }}.{{ k }}={{ v }}{{ ',' if not loop.last }}{% endfor %}", '{"d": {"x": 1, "y": 2}}')
case("loop-revindex-countdown", "{% for a in agenda %}{{ a.number }} ({{ loop.revindex0 }} after this){% if not loop.last %}; {% endif %}{% endfor %}", COUNCIL)
case("loop-cycle-with-variables", "{% set a, b = 'x', 'y' %}{% for i in range(4) %}{{ loop.cycle(a, b) }}{% endfor %}")
case("loop-nextitem-group-heading", "{% for m in members|sort(attribute='party') %}{% if loop.first or m.party != loop.previtem.party %}## {{ m.party }}\n{% endif %}- {{ m.name }}\n{% endfor %}", COUNCIL)


category("op")
case("inline-if-without-else-prints-empty", "[{{ 'x' if false }}] [{{ 'x' if true }}] {% for x in [1, 2] %}{{ x }}{{ ',' if not loop.last }}{% endfor %} [{{ ('y' if false) ~ 'z' }}]")

# ================================================================ set
category("set")
case("set-expression", "{% set title = committee.name ~ ' \u2013 ' ~ committee.date %}{{ title }}", COUNCIL)
case("set-multiple-targets", "{% set a, b = 1, 2 %}{{ a }}{{ b }} {% set x, y = [3, 4] %}{{ x + y }} {% set p, q = 'pq' %}{{ q }}{{ p }}")
case("set-reassign", "{% set x = 1 %}{{ x }}{% set x = x + 1 %}{{ x }}{% set x = 'str' %}{{ x }}")
case("set-block", "{% set intro %}The {{ committee.name }} will meet at {{ committee.time }}.{% endset %}[{{ intro }}] {{ intro|length }}", COUNCIL)
case("set-block-multiline", "{% set body %}\nLine 1\n{% for i in range(2) %}Line {{ i + 2 }}\n{% endfor %}{% endset %}{{ body|upper }}")
case("set-block-html-is-markup", "{% set cell %}<td>{{ v }}</td>{% endset %}<tr>{{ cell }}{{ cell }}</tr>", {"v": "a<b"}, ext="html.j2")
case("set-block-txt-not-escaped", "{% set cell %}<b>{% endset %}{{ cell }}", ext="txt.j2")
case("set-list-and-dict", "{% set cols = ['Code', 'Title'] %}{% set opts = {'sep': ' | '} %}{{ cols|join(opts.sep) }}")
case("set-in-macro-local", "{% set x = 'global' %}{% macro m() %}{% set x = 'local' %}{{ x }}{% endmacro %}{{ m() }} {{ x }}")
case("set-top-level-visible-in-macro", "{% set unit = '\u00a3000' %}{% macro amount(v) %}{{ v }} {{ unit }}{% endmacro %}{{ amount(5) }}")
case("set-uses-earlier-set", "{% set a = 2 %}{% set b = a * 3 %}{% set c = [a, b] %}{{ c }}")

# ================================================================ namespace
category("global")
case("namespace-counter-in-loop", "{% set ns = namespace(total=0, count=0) %}{% for b in budget %}{% set ns.total = ns.total + b.budget %}{% set ns.count = ns.count + 1 %}{% endfor %}{{ ns.count }} lines, total {{ ns.total }}", COUNCIL)
case("namespace-flag-in-nested-loop", "{% set ns = namespace(found=false, where='') %}{% for a in agenda %}{% for p in a.papers %}{% if 'exempt' in p %}{% set ns.found = true %}{% set ns.where = a.number %}{% endif %}{% endfor %}{% endfor %}{{ ns.found }} at {{ ns.where }}", COUNCIL)
case("namespace-empty-then-set", "{% set ns = namespace() %}{% set ns.items = [] %}{% for x in [1, 2] %}{% set ns.items = ns.items + [x * 10] %}{% endfor %}{{ ns.items }}")
case("namespace-attr-read-default", "{% set ns = namespace(a=1) %}{{ ns.a }} {{ ns.b is defined }} {{ ns.b|default('nob') }}")
case("namespace-previous-value", "{% set ns = namespace(prev=none) %}{% for x in [3, 3, 4, 4, 4, 5] %}{% if x != ns.prev %}{{ x }}{% endif %}{% set ns.prev = x %}{% endfor %}")
case("range-forms", "{{ range(5)|list }} {{ range(2, 5)|list }} {{ range(0, 10, 3)|list }} {{ range(5, 0, -2)|list }} {{ range(0)|list }} {{ range(3, 1)|list }}")
case("range-repr", "{{ range(3) }} {{ range(1, 9, 2) }}")
case("range-length-and-index", "{{ range(10)|length }} {{ range(10)[3] }} {{ range(10)|sum }} {{ range(1, 4)|join('-') }}")
case("dict-global", "{{ dict(a=1, b=[2], c='x') }} {{ dict() }} {{ dict(z=1, a=2)|list }}")
case("dict-global-in-loop", "{% set row = dict(code='X1', value=3) %}{% for k, v in row.items() %}{{ k }}:{{ v }} {% endfor %}")

# ================================================================ macro
category("macro")
case("macro-basic", "{% macro hello(name) %}Hello, {{ name }}!{% endmacro %}{{ hello('Chair') }} {{ hello(committee.chair) }}", COUNCIL)
case("macro-defaults", "{% macro row(label, value=0, unit='\u00a3000', sep=': ') %}{{ label }}{{ sep }}{{ value }} {{ unit }}{% endmacro %}{{ row('A') }}\n{{ row('B', 5) }}\n{{ row('C', 6, 'items') }}\n{{ row('D', unit='%', value=4) }}\n{{ row(label='E', sep=' = ') }}")
case("macro-keyword-args", "{% macro f(a, b, c) %}{{ a }}{{ b }}{{ c }}{% endmacro %}{{ f(1, 2, 3) }} {{ f(c=3, b=2, a=1) }} {{ f(1, c=3, b=2) }}")
case("macro-output-whitespace", "{% macro item(x) %}\n  <li>{{ x }}</li>\n{% endmacro %}<ul>{% for x in ['a', 'b'] %}{{ item(x) }}{% endfor %}</ul>", ext="html.j2")
case("macro-html-not-double-escaped", "{% macro link(url, text) %}<a href=\"{{ url }}\">{{ text }}</a>{% endmacro %}<p>{{ link('/a?x=1&y=2', 'Tom & Jerry <3') }}</p>", ext="html.j2")
case("macro-result-filtered", "{% macro name(m) %}{{ m.name }}{% endmacro %}{{ name(members[0])|upper }} {{ name(members[1])|length }}", COUNCIL)
case("macro-result-in-set", "{% macro sq(x) %}{{ x * x }}{% endmacro %}{% set r = sq(4) %}{{ r }} {{ r ~ '!' }}")
case("macro-recursive-bounded", "{% macro tree(items, depth=0) %}{% for it in items %}{{ '  ' * depth }}- {{ it.name }}\n{% if it.children %}{{ tree(it.children, depth + 1) }}{% endif %}{% endfor %}{% endmacro %}{{ tree(nodes) }}",
     {"nodes": [{"name": "Council", "children": [{"name": "Cabinet", "children": [{"name": "Housing", "children": []}]}, {"name": "Scrutiny", "children": []}]}]})
case("macro-sees-template-globals", "{% macro title() %}{{ committee.name }} ({{ members|length }}){% endmacro %}{{ title() }}", COUNCIL)
case("macro-missing-arg-default-test", "{% macro m(a, b) %}{{ a }}{% if b is defined %}{{ b }}{% else %}-nob{% endif %}{% endmacro %}{{ m(1) }} {{ m(1, 2) }}")
case("macro-is-callable-test", "{% macro m() %}{% endmacro %}{{ m is callable }} {{ m is defined }}")
case("macro-calling-macro", "{% macro cell(v) %}<td>{{ v }}</td>{% endmacro %}{% macro row(b) %}<tr>{{ cell(b.service) }}{{ cell(b.budget) }}</tr>{% endmacro %}{% for b in budget[:2] %}{{ row(b) }}\n{% endfor %}", COUNCIL, ext="html.j2")
case("macro-txt-escaping-off", "{% macro m(x) %}<{{ x }}>{% endmacro %}{{ m('&') }}")
case("macro-default-uses-expression", "{% macro m(x, y=2 * 3, z=['a']) %}{{ x }},{{ y }},{{ z }}{% endmacro %}{{ m(1) }}")
case("macro-in-loop-with-loop-var", "{% macro num(i, n) %}{{ i }} of {{ n }}{% endmacro %}{% for a in agenda %}{{ num(loop.index, loop.length) }}; {% endfor %}", COUNCIL)

# ================================================================ call blocks
category("call")
case("call-basic", "{% macro panel(title) %}<div class=\"panel\"><h2>{{ title }}</h2>{{ caller() }}</div>{% endmacro %}{% call panel('Members & Officers') %}<p>{{ n }} present</p>{% endcall %}", {"n": 4}, ext="html.j2")
case("call-with-args", "{% macro each(items) %}{% for it in items %}{{ caller(it, loop.index) }}{% endfor %}{% endmacro %}{% call(m, i) each(members) %}{{ i }}. {{ m.name }} ({{ m.party }})\n{% endcall %}", COUNCIL)
case("call-caller-twice", "{% macro twice() %}{{ caller() }}|{{ caller() }}{% endmacro %}{% call twice() %}x{% endcall %}")
case("call-nested", "{% macro wrap(tag) %}<{{ tag }}>{{ caller() }}</{{ tag }}>{% endmacro %}{% call wrap('div') %}{% call wrap('p') %}text & more{% endcall %}{% endcall %}", ext="html.j2")
case("call-caller-markup-not-escaped", "{% macro box() %}[{{ caller() }}]{% endmacro %}{% call box() %}<b>{{ '<i>' }}</b>{% endcall %}", ext="html.j2")
case("call-sees-outer-vars", "{% macro box() %}({{ caller() }}){% endmacro %}{% set who = 'Chair' %}{% for x in [1, 2] %}{% call box() %}{{ who }}{{ x }}{% endcall %}{% endfor %}")
case("call-caller-filtered", "{% macro shout() %}{{ caller()|upper }}{% endmacro %}{% call shout() %}quiet please{% endcall %}")
case("call-macro-with-defaults", "{% macro section(title, level=2) %}{{ '#' * level }} {{ title }}\n{{ caller() }}{% endmacro %}{% call section('Budget') %}Overspend of {{ 889 }}{% endcall %}\n{% call section('Risks', level=3) %}None{% endcall %}")
case("call-caller-defined-test", "{% macro m() %}{% if caller is defined %}[{{ caller() }}]{% else %}plain{% endif %}{% endmacro %}{{ m() }} {% call m() %}called{% endcall %}")

# ================================================================ with
category("with")
case("with-basic", "{% with total = budget|sum(attribute='budget') %}Total: {{ total }}{% endwith %}", COUNCIL)
case("with-multiple-and-scope", "{% set a = 'outer' %}{% with a = 'inner', b = 2 %}{{ a }}{{ b }}{% endwith %} {{ a }} {{ b is defined }}")
case("with-refers-outer", "{% set n = 5 %}{% with m = n * 2 %}{% with k = m + 1 %}{{ n }} {{ m }} {{ k }}{% endwith %}{% endwith %}")
case("with-set-inside-does-not-leak", "{% with %}{% set x = 1 %}{{ x }}{% endwith %} {{ x is defined }}")
case("with-in-loop", "{% for b in budget %}{% with v = b.actual - b.budget %}{{ b.service }}: {{ 'over' if v > 0 else 'under' if v < 0 else 'on budget' }}\n{% endwith %}{% endfor %}", COUNCIL)

# ================================================================ filter blocks
category("filterblock")
case("filter-block-upper", "{% filter upper %}Cabinet meeting: {{ committee.venue }}{% endfilter %}", COUNCIL)
case("filter-block-with-args", "{% filter replace('Council', 'Cyngor') %}Council and Council{% endfilter %} {% filter truncate(12) %}A long sentence here to cut{% endfilter %}")
case("filter-block-chain", "[{% filter trim|title %}   minutes of the meeting   {% endfilter %}]")
case("filter-block-nested", "{% filter upper %}a{% filter replace('b', 'x') %}bcb{% endfilter %}d{% endfilter %}")
case("filter-block-indent", "Notes:\n  {% filter indent(2) %}line one\nline two\nline three{% endfilter %}")
case("filter-block-html-escaping", "{% filter upper %}<b>{{ v }}</b>{% endfilter %}", {"v": "x&y"}, ext="html.j2")
case("filter-block-with-loop", "{% filter wordcount|string %}{% for m in members %}{{ m.name }} {% endfor %}{% endfilter %}", COUNCIL)

# ================================================================ raw
category("raw")
case("raw-basic", "{% raw %}{{ not_a_variable }} {% if %} {# no #}{% endraw %}")
case("raw-multiline", "before\n{% raw %}\n  {% for x in y %}\n    {{ x }}\n  {% endfor %}\n{% endraw %}\nafter")
case("raw-in-html-not-escaped", "{% raw %}<b>{{ x }}</b> & {% endraw %}{{ '<' }}", ext="html.j2")
case("raw-whitespace-control-inside", "{% raw %}{{- x -}} {%- y -%}{% endraw %}")


# ================================================================ include
category("include")
HEADER = "<header>{{ committee.name }} \u2013 {{ committee.date }}</header>"
case("include-basic", "{% include 'header.html.j2' %}\n<main>body</main>", COUNCIL, ext="html.j2", files={"header.html.j2": HEADER})
case("include-sees-context-and-locals", "{% set local = 'L' %}{% for m in members[:2] %}{% include 'row.txt.j2' %}{% endfor %}", COUNCIL,
     files={"row.txt.j2": "{{ local }} {{ loop is defined }}: {{ m.name }} / {{ committee.name }}\n"})
case("include-with-context-explicit", "{% set who = 'Clerk' %}{% include 'p.txt.j2' with context %}", files={"p.txt.j2": "[{{ who }}]"})
case("include-without-context-sees-nothing", "{% set who = 'Clerk' %}{% include 'p.txt.j2' without context %}", {"n": 1},
     files={"p.txt.j2": "[{{ who is defined }} {{ n is defined }}]"})
case("include-ignore-missing", "a{% include 'nope.txt.j2' ignore missing %}b")
case("include-ignore-missing-present", "a{% include 'yes.txt.j2' ignore missing %}b", files={"yes.txt.j2": "-YES-"})
case("include-list-first-found", "{% include ['missing1.txt.j2', 'second.txt.j2', 'third.txt.j2'] %}", files={"second.txt.j2": "second", "third.txt.j2": "third"})
case("include-list-ignore-missing", "[{% include ['m1.txt.j2', 'm2.txt.j2'] ignore missing %}]")
case("include-variable-name", "{% for t in parts %}{% include t %}|{% endfor %}", {"parts": ["a.txt.j2", "b.txt.j2"]}, files={"a.txt.j2": "A", "b.txt.j2": "B"})
case("include-expression-name", "{% include kind ~ '.txt.j2' %}", {"kind": "summary"}, files={"summary.txt.j2": "Summary of {{ kind }}"})
case("include-nested", "1{% include 'two.txt.j2' %}4", files={"two.txt.j2": "2{% include 'three.txt.j2' %}", "three.txt.j2": "3"})
case("include-trailing-newline-stripped", "[{% include 'nl.txt.j2' %}]", files={"nl.txt.j2": "text with newline\n"})
case("include-html-from-txt-autoescape", "txt: {% include 'frag.html.j2' %}", {"v": "<&>"}, files={"frag.html.j2": "html: {{ v }}"})
case("include-txt-from-html-no-escape", "html: {{ v }} {% include 'frag.txt.j2' %}", {"v": "<&>"}, ext="html.j2", files={"frag.txt.j2": "txt: {{ v }}"})
case("include-subfolder", "{% include 'partials/footer.html.j2' %}", {"year": 2026}, ext="html.j2", files={"partials/footer.html.j2": "<footer>&copy; {{ year }}</footer>"})
case("include-in-macro", "{% macro section(name) %}[{% include 'sec.txt.j2' %}]{% endmacro %}{{ section('Risks') }}", files={"sec.txt.j2": "section {{ name }}"})
case("include-set-does-not-leak-back", "{% include 'setter.txt.j2' %}{{ x is defined }}", files={"setter.txt.j2": "{% set x = 1 %}set"})
case("include-sees-macro-defined-before", "{% macro m() %}M{% endmacro %}{% include 'usem.txt.j2' %}", files={"usem.txt.j2": "uses {{ m() }}"})
case("include-whitespace-around", "A\n{% include 'p.txt.j2' %}\nB", files={"p.txt.j2": "\n  P  \n"})

# ================================================================ import
category("import")
MACROS = ("{% macro rag(result, target, higher=true) %}{% if result is none %}grey{% elif (result >= target) == higher or result == target %}green{% else %}red{% endif %}{% endmacro %}"
          "{% macro badge(text) %}<span class=\"badge\">{{ text }}</span>{% endmacro %}"
          "{% set version = '2.1' %}")
case("import-as", "{% import 'macros.html.j2' as ui %}{% for i in indicators %}{{ i.code }}: {{ ui.rag(i.result, i.target, i.higher_is_better) }}\n{% endfor %}v{{ ui.version }}", COUNCIL, ext="html.j2", files={"macros.html.j2": MACROS})
case("from-import", "{% from 'macros.html.j2' import badge, rag %}{{ badge('New & improved') }} {{ rag(5, 4) }}", ext="html.j2", files={"macros.html.j2": MACROS})
case("from-import-as", "{% from 'macros.html.j2' import badge as b, rag as status %}{{ b('x') }}{{ status(1, 2) }}", ext="html.j2", files={"macros.html.j2": MACROS})
case("import-html-macros-into-txt", "{% import 'macros.html.j2' as ui %}{{ ui.badge('A & B') }}", files={"macros.html.j2": MACROS})
case("import-txt-macros-into-html", "{% import 'm.txt.j2' as t %}{{ t.bold('x') }}", ext="html.j2", files={"m.txt.j2": "{% macro bold(s) %}<b>{{ s }}</b>{% endmacro %}"})
case("import-module-variable", "{% import 'consts.txt.j2' as c %}{{ c.unit }} {{ c.rate * 2 }} {{ c.names|join(',') }}",
     files={"consts.txt.j2": "{% set unit = '\u00a3000' %}{% set rate = 1.5 %}{% set names = ['a', 'b'] %}ignored output"})
case("import-no-output", "a{% import 'm.txt.j2' as m %}b{% from 'm.txt.j2' import f %}c{{ f() }}", files={"m.txt.j2": "TEXT{% macro f() %}F{% endmacro %}TEXT"})
case("import-macro-uses-own-helpers", "{% from 'lib.txt.j2' import outer %}{{ outer('z') }}", files={"lib.txt.j2": "{% macro inner(x) %}<{{ x }}>{% endmacro %}{% macro outer(x) %}[{{ inner(x) }}]{% endmacro %}"})
case("import-macro-caller", "{% import 'lib.html.j2' as lib %}{% call lib.card('Budget') %}Over by {{ 889 }} &amp;{% endcall %}", ext="html.j2",
     files={"lib.html.j2": "{% macro card(t) %}<div><h3>{{ t }}</h3>{{ caller() }}</div>{% endmacro %}"})
case("import-twice-same-file", "{% import 'm.txt.j2' as a %}{% import 'm.txt.j2' as b %}{{ a.f() }}{{ b.f() }}", files={"m.txt.j2": "{% macro f() %}F{% endmacro %}"})
case("import-in-loop-body", "{% for x in [1, 2] %}{% from 'm.txt.j2' import f %}{{ f(x) }}{% endfor %}", files={"m.txt.j2": "{% macro f(v) %}({{ v }}){% endmacro %}"})
case("import-defined-test", "{% import 'm.txt.j2' as m %}{{ m.f is defined }} {{ m.nothere is defined }}", files={"m.txt.j2": "{% macro f() %}{% endmacro %}"})

# ================================================================ extends
category("extends")
BASE = ("<!DOCTYPE html>\n<html>\n<head><title>{% block title %}Quorum{% endblock %}</title></head>\n<body>\n"
        "{% block header %}<h1>{{ committee.name }}</h1>{% endblock %}\n{% block content %}{% endblock %}\n"
        "<footer>{% block footer %}Cardiff Council{% endblock %}</footer>\n</body>\n</html>\n")
case("extends-basic", "{% extends 'base.html.j2' %}{% block content %}<p>Agenda</p>{% endblock %}", COUNCIL, ext="html.j2", files={"base.html.j2": BASE})
case("extends-override-several", "{% extends 'base.html.j2' %}{% block title %}{{ committee.name }} \u2013 agenda{% endblock %}{% block footer %}Printed & published{% endblock %}{% block content %}{% for a in agenda %}<li>{{ a.title }}</li>{% endfor %}{% endblock %}", COUNCIL, ext="html.j2", files={"base.html.j2": BASE})
case("extends-super", "{% extends 'base.html.j2' %}{% block title %}Agenda | {{ super() }}{% endblock %}{% block footer %}{{ super() }} &middot; 2026{% endblock %}", COUNCIL, ext="html.j2", files={"base.html.j2": BASE})
case("extends-three-levels", "{% extends 'mid.txt.j2' %}{% block b %}child({{ super() }}){% endblock %}",
     files={"base.txt.j2": "[{% block a %}A{% endblock %}|{% block b %}B{% endblock %}]", "mid.txt.j2": "{% extends 'base.txt.j2' %}{% block a %}mid-A{% endblock %}{% block b %}mid({{ super() }}){% endblock %}"})
case("extends-nested-blocks", "{% extends 'base.txt.j2' %}{% block inner %}new inner{% endblock %}",
     files={"base.txt.j2": "{% block outer %}<outer {% block inner %}old inner{% endblock %} outer>{% endblock %}"})
case("extends-nested-blocks-override-outer", "{% extends 'base.txt.j2' %}{% block outer %}replaced [{% block inner %}child inner{% endblock %}]{% endblock %}",
     files={"base.txt.j2": "{% block outer %}<outer {% block inner %}old inner{% endblock %} outer>{% endblock %}"})
case("extends-self-block", "{% extends 'base.txt.j2' %}{% block title %}Minutes{% endblock %}",
     files={"base.txt.j2": "<title>{% block title %}{% endblock %}</title>\n<h1>{{ self.title() }}</h1>\n{{ self.title()|upper }}"})
case("extends-self-block-in-same-template", "{% block heading %}Budget 2026/27{% endblock %}\n=={{ self.heading() }}==")
case("extends-content-outside-blocks-ignored", "{% extends 'base.txt.j2' %}ignored text {{ 1 }}\n{% block a %}X{% endblock %}more ignored", files={"base.txt.j2": "<{% block a %}{% endblock %}>"})
case("extends-text-before-extends-is-output", "preface\n{% extends 'base.txt.j2' %}{% block a %}X{% endblock %}", files={"base.txt.j2": "<{% block a %}{% endblock %}>"})
case("extends-set-in-child-visible-in-block", "{% extends 'base.txt.j2' %}{% set label = 'from child' %}{% block a %}{{ label }}{% endblock %}", files={"base.txt.j2": "<{% block a %}{% endblock %}>"})
case("extends-block-sees-context", "{% extends 'base.txt.j2' %}{% block a %}{% for m in members if m.role != 'Member' %}{{ m.role }}: {{ m.name }}; {% endfor %}{% endblock %}", COUNCIL, files={"base.txt.j2": "Officers: {% block a %}{% endblock %}"})
case("extends-variable-parent", "{% extends layout %}{% block a %}child{% endblock %}", {"layout": "wide.txt.j2"}, files={"wide.txt.j2": "WIDE[{% block a %}{% endblock %}]", "narrow.txt.j2": "N"})
case("extends-unoverridden-block-uses-parent", "{% extends 'base.txt.j2' %}", files={"base.txt.j2": "{% block a %}default A{% endblock %} {% block b %}default B{% endblock %}"})
case("extends-block-not-in-parent-ignored", "{% extends 'base.txt.j2' %}{% block zzz %}never shown{% endblock %}{% block a %}shown{% endblock %}", files={"base.txt.j2": "[{% block a %}{% endblock %}]"})
case("extends-parent-includes", "{% extends 'base.txt.j2' %}{% block a %}body{% endblock %}", files={"base.txt.j2": "{% include 'hdr.txt.j2' %}|{% block a %}{% endblock %}", "hdr.txt.j2": "HEADER"})
case("extends-child-imports-macro", "{% extends 'base.txt.j2' %}{% from 'm.txt.j2' import f %}{% block a %}{{ f() }}{% endblock %}", files={"base.txt.j2": "[{% block a %}{% endblock %}]", "m.txt.j2": "{% macro f() %}macro!{% endmacro %}"})
case("extends-block-in-loop-of-parent", "{% extends 'base.txt.j2' %}{% block item %}*{% endblock %}", files={"base.txt.j2": "{% for i in range(3) %}{% block item %}-{% endblock %}{% endfor %}"})
case("extends-super-in-three-levels-with-self", "{% extends 'mid.txt.j2' %}{% block t %}C>{{ super() }}{% endblock %}",
     files={"base.txt.j2": "{% block t %}B{% endblock %}/{{ self.t() }}", "mid.txt.j2": "{% extends 'base.txt.j2' %}{% block t %}M>{{ super() }}{% endblock %}"})
case("extends-html-child-txt-parent", "{% extends 'base.txt.j2' %}{% block a %}{{ v }}{% endblock %}", {"v": "<&>"}, ext="html.j2", files={"base.txt.j2": "{{ v }} [{% block a %}{% endblock %}]"})
case("extends-block-names-with-underscores", "{% extends 'base.txt.j2' %}{% block main_content %}X{% endblock main_content %}", files={"base.txt.j2": "({% block main_content %}{% endblock %})"})


# ================================================================ methods
category("method")
case("str-case-methods", "{{ s.upper() }}|{{ s.lower() }}|{{ 'the council of X'.title() }}|{{ 'hELLO wORLD'.capitalize() }}|{{ \"o'neill's report\".title() }}", NUMS)
case("str-strip-methods", "[{{ '  pad  '.strip() }}][{{ '  pad  '.lstrip() }}][{{ '  pad  '.rstrip() }}][{{ 'xxpadxx'.strip('x') }}][{{ '--a--'.lstrip('-') }}][{{ '\\n\\t a \\n'.strip() }}]")
case("str-startswith-endswith", "{{ code.startswith('HS') }} {{ code.endswith('01') }} {{ code.startswith('X') }} {{ code.startswith(('A', 'H')) }} {{ code.endswith('') }}", {"code": "HS01"})
case("str-split", "{{ 'a b  c'.split() }} {{ 'a,b,,c'.split(',') }} {{ 'a-b-c-d'.split('-', 2) }} {{ ' x '.split() }} {{ ''.split(',') }} {{ 'one'.split(',') }}")
case("str-replace", "{{ 'a-b-c'.replace('-', '+') }} {{ 'aaaa'.replace('a', 'b', 2) }} {{ 'abc'.replace('', '.') }} {{ 'x'.replace('y', 'z') }}")
case("str-format", "{{ '{} of {}'.format(1, 5) }}|{{ '{0}{1}{0}'.format('a', 'b') }}|{{ '{name}: {n}'.format(name='Cabinet', n=7) }}|{{ '{:.2f}'.format(3.14159) }}|{{ '{:>6}|{:<6}|{:^6}'.format('r', 'l', 'c') }}|{{ '{:,}'.format(1234567) }}|{{ '{:05d}'.format(42) }}|{{ '{:.1%}'.format(0.042) }}")
case("str-format-with-data", "{% for b in budget %}{{ '{:<24}{:>8,}{:>+8,}'.format(b.service, b.budget, b.actual - b.budget) }}\n{% endfor %}", COUNCIL)
case("str-join-method", "{{ ', '.join(['a', 'b', 'c']) }} {{ '-'.join('xyz') }} {{ ''.join(words) }}", NUMS)
case("str-count-find", "{{ 'banana'.count('a') }} {{ 'banana'.count('an') }} {{ 'banana'.find('n') }} {{ 'banana'.find('z') }} {{ 'banana'.find('a', 2) }} {{ 'banana'.count('') }}")
case("str-methods-unicode", "{{ 'ŵyn'.upper() }} {{ 'ŴYN'.lower() }} {{ 'caf\u00e9 \u00e0 la carte'.title() }} {{ '\u00a3100'.startswith('\u00a3') }} {{ 'pr\u0175s'.capitalize() }}")
case("dict-methods", "{{ d.items()|list }} {{ d.keys()|list }} {{ d.values()|list }} {{ d.get('b') }} {{ d.get('zz') }} {{ d.get('zz', 'dflt') }} {{ d.get('a', 'dflt') }}", '{"d": {"b": 2, "a": 1}}')
case("dict-get-on-data", "{% for i in indicators %}{{ i.get('target') }}/{{ i.get('missing', '-') }} {% endfor %}", COUNCIL)
case("list-index-count", "{{ xs.index(5) }} {{ xs.count(1) }} {{ xs.count(42) }} {{ words.index('fig') }}", NUMS)
case("methods-chained", "{{ ' Housing, Waste ,Planning '.strip().lower().split(',')|map('trim')|join('/') }}")

# ================================================================ filters
category("filter")
case("abs", "{{ -5|abs }} {{ (-5)|abs }} {{ m|abs }} {{ -2.5|abs }} {{ 3|abs }} {{ (-0.0)|abs }}", NUMS)
case("attr", "{{ (d|attr('name')) is defined }} {{ (d|attr('items')) is callable }} {{ d|attr('items') is defined }}", {"d": {"name": "x"}})
case("batch", "{% for row in xs|batch(3) %}{{ row }}\n{% endfor %}{% for row in xs|batch(3, '-') %}{{ row|join(' ') }}|{% endfor %}", NUMS)
case("batch-table", "<table>{% for row in members|batch(4, '') %}<tr>{% for m in row %}<td>{{ m.ward if m else '&nbsp;' }}</td>{% endfor %}</tr>{% endfor %}</table>", COUNCIL, ext="html.j2")
case("capitalize", "{{ 'hELLO wORLD'|capitalize }} {{ ''|capitalize }}| {{ 'ŵ'|capitalize }}")
case("center", "[{{ 'mid'|center(11) }}][{{ 'mid'|center(10) }}][{{ 'toolong'|center(3) }}][{{ 'x'|center }}]")
case("count-and-length", "{{ xs|count }} {{ xs|length }} {{ s|length }} {{ {'a': 1, 'b': 2}|length }} {{ ''|length }} {{ '\u00a3\u0175'|length }}", NUMS)
case("default", "{{ missing|default('fallback') }} {{ s|default('fallback') }} [{{ e|default('fallback') }}] {{ nothing|default('fb') }} {{ missing|d('d-alias') }}", NUMS)
case("default-boolean", "{{ e|default('empty', true) }} {{ nothing|default('none', true) }} {{ z|default('zero', boolean=true) }} {{ s|d('x', true) }} {{ missing|default('m', true) }}", NUMS)
case("default-nested-dict", "{{ committee.clerk|default('TBC') }} {{ committee['minute_taker']|default('TBC') }} {{ (committee.chair|default('x'))[:4] }}", COUNCIL)
case("default-no-arg", "[{{ missing|default }}] [{{ missing|default|length }}]")
case("dictsort", "{{ d|dictsort }}\n{{ d|dictsort(true) }}\n{{ d|dictsort(by='value') }}\n{{ d|dictsort(reverse=true) }}\n{{ d|dictsort(false, 'value', true) }}", '{"d": {"beta": 2, "Alpha": 3, "alpha": 1, "Gamma": 0}}')
case("escape-in-txt", "{{ '<a href=\"x\">Tom & Jerry\\'s</a>'|escape }} {{ '<b>'|e }}")
case("escape-double-not-escaped", "{{ '<b>'|e|e }} {{ '&amp;'|e }} {{ '<'|e|safe|e }}", ext="html.j2")
case("first-last", "{{ xs|first }} {{ xs|last }} {{ 'word'|first }} {{ 'word'|last }} {{ members|first|attr('keys') is callable }}", dict(NUMS, **COUNCIL))
case("float", "{{ '3.5'|float }} {{ 3|float }} {{ 'abc'|float }} {{ 'abc'|float(1.5) }} {{ '1e3'|float }} {{ ' 2.5 '|float }} {{ none|float }} {{ true|float }}")
case("forceescape", "{{ '<b>'|forceescape }} {{ '<b>'|safe|forceescape }} {{ '&amp;'|e|forceescape }}", ext="html.j2")
case("format", "{{ '%s - %d'|format('Item', 4) }}|{{ '%.2f'|format(2.345) }}|{{ '%5.1f%%'|format(42.25) }}|{{ '%(a)s=%(b)s'|format(a=1, b='x') }}|{{ '%s'|format([1]) }}")
case("groupby", "{% for g in members|groupby('party') %}{{ g.grouper }}: {{ g.list|map(attribute='name')|join(', ') }}\n{% endfor %}", COUNCIL)
case("groupby-unpack", "{% for party, ms in members|groupby('party') %}{{ party }} ({{ ms|length }})\n{% endfor %}", COUNCIL)
case("groupby-dotted-and-int", "{% for g in rows|groupby('meta.year') %}{{ g.grouper }}={{ g.list|map(attribute='v')|list }} {% endfor %}",
     {"rows": [{"v": 1, "meta": {"year": 2025}}, {"v": 2, "meta": {"year": 2024}}, {"v": 3, "meta": {"year": 2025}}]})
case("groupby-case-and-default", "{% for g in rows|groupby('k') %}{{ g.grouper }}:{{ g.list|length }} {% endfor %}| {% for g in rows|groupby('k', case_sensitive=true) %}{{ g.grouper }} {% endfor %}| {% for g in rows|groupby('x', default=0) %}{{ g.grouper }} {% endfor %}",
     {"rows": [{"k": "b", "x": 1}, {"k": "A"}, {"k": "a"}, {"k": "B"}]})
case("groupby-directorate-totals", "{% for d, lines in budget|groupby('directorate') %}{{ d }}: {{ lines|sum(attribute='budget') }} ({{ lines|map(attribute='service')|join('; ') }})\n{% endfor %}", COUNCIL)
case("indent", "{{ text|indent }}\n--\n{{ text|indent(2) }}\n--\n{{ text|indent(2, true) }}\n--\n{{ text|indent(2, first=true, blank=true) }}\n--\n{{ text|indent('> ') }}", {"text": "first\nsecond\n\nfourth"})
case("int", "{{ '42'|int }} {{ '4.7'|int }} {{ 3.9|int }} {{ -3.9|int }} {{ 'abc'|int }} {{ 'abc'|int(-1) }} {{ '1A'|int(base=16) }} {{ '0x1A'|int(0, 16) }} {{ ' 12 '|int }} {{ true|int }} {{ none|int }}")
case("items", "{% for k, v in d|items %}{{ k }}:{{ v }} {% endfor %}{{ d|items|list }}", '{"d": {"z": 1, "a": [2]}}')
case("join", "{{ words|join }} {{ words|join(', ') }} {{ xs|join('+') }} {{ members|join(', ', attribute='ward') }} {{ [1, none, true]|join('/') }}", dict(NUMS, **COUNCIL))
case("join-html-escapes-items", "{{ ['<a>', '&', 'ok']|join('<br>') }} | {{ ['<i>'|safe, '<b>']|join('|'|safe) }}", ext="html.j2")
case("last-of-range-and-list", "{{ range(5)|list|last }} {{ agenda|last|attr('keys') is defined }} {{ (agenda|last).title }}", COUNCIL)
case("list", "{{ 'abc'|list }} {{ {'x': 1, 'a': 2}|list }} {{ range(3)|list }} {{ (1, 2)|list }} {{ xs|list == xs }}", NUMS)
case("lower-upper", "{{ 'MiXeD'|lower }} {{ 'MiXeD'|upper }} {{ '\u0174\u00c9'|lower }} {{ '\u0175\u00e9'|upper }}")
case("map-attribute", "{{ members|map(attribute='ward')|join(', ') }} | {{ budget|map(attribute='budget')|sum }}", COUNCIL)
case("map-attribute-default", "{{ rows|map(attribute='v', default=0)|list }}", {"rows": [{"v": 3}, {}, {"v": 5}]})
case("map-filter-name", "{{ words|map('upper')|join(',') }} {{ ['1', '2', 'x']|map('int')|list }} {{ words|map('replace', 'a', '4')|list }} {{ [' a ', 'b ']|map('trim')|list }} {{ [1.26, 2.5]|map('round', 1)|list }}", NUMS)
case("max-min", "{{ xs|max }} {{ xs|min }} {{ words|max }} {{ words|min }} {{ words|max(case_sensitive=true) }} {{ words|min(case_sensitive=true) }} {{ budget|max(attribute='budget') }} {{ (budget|min(attribute='actual')).service }}", dict(NUMS, **COUNCIL))
case("reject-select", "{{ xs|select('odd')|list }} {{ xs|reject('odd')|list }} {{ xs|select('divisibleby', 3)|list }} {{ xs|select('gt', 3)|list }} {{ [0, 1, '', 'a', none, [], [0]]|select|list }} {{ [0, 1, '', 'a']|reject|list }}", NUMS)
case("select-more-tests", "{{ words|select('equalto', 'fig')|list }} {{ xs|select('in', [1, 9])|list }} {{ words|select('lower')|list }} {{ [1, 'a', 2.5, none]|select('number')|list }} {{ [1, 'a', 2.5, none]|reject('none')|list }} {{ xs|select('le', 2)|list }}", NUMS)
case("selectattr-rejectattr", "{{ members|selectattr('attended')|map(attribute='ward')|join(',') }} | {{ members|rejectattr('attended')|map(attribute='ward')|join(',') }} | {{ members|selectattr('party', 'equalto', 'Labour')|list|length }} | {{ budget|selectattr('budget', 'gt', 20000)|map(attribute='service')|join(', ') }}", COUNCIL)
case("selectattr-dotted-and-none", "{{ rows|selectattr('m.ok')|map(attribute='n')|list }} {{ indicators|selectattr('result', 'none')|map(attribute='code')|list }} {{ indicators|rejectattr('result', 'none')|map(attribute='code')|list }}",
     dict(COUNCIL, rows=[{"n": 1, "m": {"ok": True}}, {"n": 2, "m": {"ok": False}}, {"n": 3, "m": {"ok": 1}}]))
case("replace", "{{ 'Cabinet Cabinet'|replace('Cabinet', 'Council') }} {{ 'aaaa'|replace('a', 'b', 2) }} {{ 'x'|replace('', '-') }} {{ 2025|replace('5', '6') }}")
case("replace-html-markup", "{{ '<b>x</b>'|safe|replace('x', '<i>') }} {{ 'a&b'|replace('&', '&amp;') }}", ext="html.j2")
case("reverse", "{{ xs|reverse|list }} {{ 'abc'|reverse }} {{ '\u00a3\u0175x'|reverse }} {{ (1, 2)|reverse|list }}", NUMS)
case("round", "{{ 2.5|round }} {{ 3.5|round }} {{ 2.675|round(2) }} {{ 1234.5678|round(2) }} {{ 3|round }} {{ 3.14159|round(3) }} {{ -2.5|round }} {{ 0.5|round }} {{ 1.5|round }} {{ 12345|round(-2) }}")
case("round-methods", "{{ 2.1|round(method='ceil') }} {{ 2.9|round(method='floor') }} {{ 2.123|round(2, 'ceil') }} {{ -2.5|round(0, 'floor') }} {{ 2.5|round(0, 'common') }} {{ 7|round(method='ceil') }} {{ -0.4|round }}")
case("round-percentages", "{% for i in indicators if i.unit == '%' and i.result is not none %}{{ i.code }}: {{ (i.result * 100)|round(1) }}% vs {{ (i.target * 100)|round|int }}%\n{% endfor %}", COUNCIL)
case("safe", "{{ '<b>bold</b>'|safe }} {{ '<b>bold</b>' }} {{ v|safe }}", {"v": "<i>&nbsp;</i>"}, ext="html.j2")
case("slice", "{% for col in xs|slice(3) %}{{ col }} {% endfor %}| {% for col in xs|slice(3, 0) %}{{ col }} {% endfor %}| {{ [1, 2]|slice(4)|list }}", NUMS)
case("sort", "{{ xs|sort }} {{ xs|sort(reverse=true) }} {{ words|sort }} {{ words|sort(case_sensitive=true) }} {{ words|sort(true) }} {{ [2.5, 1, -3, 2]|sort }}", NUMS)
case("sort-attribute", "{{ budget|sort(attribute='budget')|map(attribute='service')|join(', ') }}\n{{ members|sort(attribute='name', reverse=true)|map(attribute='ward')|join(', ') }}", COUNCIL)
case("sort-attribute-dotted-and-list", "{{ rows|sort(attribute='m.y')|map(attribute='n')|list }} {{ rows|sort(attribute='g,n')|map(attribute='n')|list }} {{ rows|sort(attribute='g,m.y', reverse=true)|map(attribute='n')|list }}",
     {"rows": [{"n": "a", "g": 2, "m": {"y": 30}}, {"n": "b", "g": 1, "m": {"y": 10}}, {"n": "c", "g": 2, "m": {"y": 20}}, {"n": "d", "g": 1, "m": {"y": 40}}]})
case("sort-stable-case-insensitive", "{{ ['b', 'B', 'a', 'A', 'b']|sort }} {{ ['b', 'B', 'a', 'A']|sort(case_sensitive=true) }}")
case("string", "{{ 1|string }} {{ 1.0|string }} {{ [1, 'a']|string }} {{ none|string }} {{ (1|string ~ 2|string)|int + 1 }} {{ true|string|lower }}")
case("striptags", "[{{ '<p>Hello <b>there</b>,\\n   world</p>  '|striptags }}] [{{ 'a &amp; b &lt; c'|striptags }}] [{{ '<!-- c -->x<br/>y'|striptags }}]")
case("sum", "{{ xs|sum }} {{ [0.1, 0.2, 0.3]|sum }} {{ budget|sum(attribute='budget') }} {{ xs|sum(start=100) }} {{ []|sum }} {{ [1.5, 2]|sum }} {{ budget|sum(attribute='actual', start=-1) }}", dict(NUMS, **COUNCIL))
case("title", "{{ 'the council of the city'|title }} {{ \"o'neill-smith\"|title }} {{ 'HELLO'|title }} {{ '3rd floor'|title }} {{ 'ŵyn a\u2019r defaid'|title }}")
case("tojson", "{{ d|tojson }} {{ [1, 'a', none, true, 2.5]|tojson }} {{ 'x'|tojson }}", '{"d": {"b": 1, "a": [null, false], "c": "q"}}')
case("tojson-html-escaping", "<script>var d = {{ d|tojson }};</script> <div data-x='{{ s|tojson }}'></div>", {"d": {"t": "</script><b>&'"}, "s": "it's"}, ext="html.j2")
case("tojson-indent-unicode", "{{ d|tojson(indent=2) }}", {"d": {"name": "Pr\u0175s \u2013 \u00a3", "n": [1, 2]}})
case("trim", "[{{ '  x  '|trim }}] [{{ '..x..'|trim('.') }}] [{{ '\\t\\n x \\n'|trim }}] [{{ 'xx'|trim('x') }}]")
case("truncate", "{{ text|truncate(20) }}|{{ text|truncate(20, true) }}|{{ text|truncate(20, end='\u2026') }}|{{ text|truncate(20, false, '...', 0) }}|{{ text|truncate }}|{{ 'short'|truncate(10) }}|{{ text|truncate(21, killwords=true, end='') }}", {"text": "Disposal of land at Heol y Ffynnon to the housing partnership"})
case("truncate-leeway", "{{ 'abcdefghijklmnopqrst'|truncate(15) }}|{{ 'abcdefghijklmnopqrstu'|truncate(15) }}|{{ 'abcdefghijklmnopqrstu'|truncate(15, leeway=0) }}|{{ 'one two three four five six'|truncate(14) }}|{{ 'one two three four five six'|truncate(14, true) }}")
case("unique", "{{ xs|unique|list }} {{ words|unique|list }} {{ words|unique(case_sensitive=true)|list }} {{ members|unique(attribute='party')|map(attribute='party')|list }}", dict(NUMS, **COUNCIL))
case("urlencode", "{{ 'a b&c=d/e?f'|urlencode }} {{ '\u00a3100 \u2013 \u0175'|urlencode }} {{ {'q': 'council tax', 'page': 2}|urlencode }} {{ [('a', 1), ('b', 'x y')]|urlencode }}")
case("wordcount", "{{ 'one two  three'|wordcount }} {{ ''|wordcount }} {{ text|wordcount }} {{ \"o'neill-smith a.b\"|wordcount }}", {"text": "Disposal of land at Heol y Ffynnon \u2013 report"})
case("wordwrap", "{{ text|wordwrap(20) }}\n--\n{{ text|wordwrap(12, wrapstring='<br>') }}\n--\n{{ 'Supercalifragilistic word'|wordwrap(8) }}\n--\n{{ 'Supercalifragilistic word'|wordwrap(8, false) }}", {"text": "The committee is asked to note the budget monitoring position at month nine."})
case("xmlattr", "<div{{ {'class': 'rag red', 'id': 'HS01', 'title': 'a<b & \"c\"', 'hidden': none, 'n': 3}|xmlattr }}></div> <p{{ {'a': 1}|xmlattr(false) }}>", ext="html.j2")
case("xmlattr-in-txt", "<td{{ {'data-value': v, 'class': 'num'}|xmlattr }}>", {"v": "1 < 2"})
case("filters-with-data-pipeline", "{{ indicators|selectattr('result', 'ne', none)|selectattr('higher_is_better')|map(attribute='code')|sort|join(' ') }}", COUNCIL)
case("filter-kwargs-and-positional", "{{ 'abc'|center(width=7) }}|{{ text|truncate(length=9, killwords=true) }}|{{ xs|join(d=',') }}", {"text": "a long sentence", "xs": [1, 2]})


# ================================================================ tests
category("test")
case("boolean", "{{ true is boolean }} {{ 1 is boolean }} {{ none is boolean }} {{ yes is boolean }}", NUMS)
case("callable", "{% macro m() %}{% endmacro %}{{ m is callable }} {{ 'x' is callable }} {{ range is callable }} {{ 'x'.upper is callable }} {{ d.items is callable }} {{ d is callable }}", {"d": {}})
case("defined-undefined", "{{ n is defined }} {{ missing is defined }} {{ n is undefined }} {{ missing is undefined }} {{ d.k is defined }} {{ d.z is undefined }} {{ xs[99] is defined }} {{ nothing is defined }}", dict(NUMS, d={"k": 1}))
case("divisibleby", "{{ 9 is divisibleby 3 }} {{ 10 is divisibleby(3) }} {{ 0 is divisibleby 5 }} {{ -6 is divisibleby 3 }} {{ 7.5 is divisibleby 2.5 }}")
case("eq-equalto", "{{ 1 is eq 1 }} {{ 1 is equalto 2 }} {{ 'a' is equalto 'a' }} {{ words|select('==', 'fig')|list }} {{ words|reject('eq', 'fig')|list }} {{ n is eq(7) }} {{ 1 is eq 1.0 }} {{ n is ne 7 }}", NUMS)
case("escaped", "{{ 'x' is escaped }} {{ 'x'|e is escaped }} {{ 'x'|safe is escaped }} {% macro m() %}{% endmacro %}{{ m() is escaped }}")
case("escaped-in-html", "{% macro m() %}<b>{% endmacro %}{{ m() is escaped }} {% set blk %}x{% endset %}{{ blk is escaped }} {{ 'x' is escaped }}", ext="html.j2")
case("even-odd", "{% for i in range(-2, 4) %}{{ i }}:{{ 'E' if i is even else '' }}{{ 'O' if i is odd else '' }} {% endfor %}")
case("false-true", "{{ false is false }} {{ 0 is false }} {{ none is false }} {{ true is true }} {{ 1 is true }} {{ yes is true }} {{ no is false }}", NUMS)
case("float-integer-number", "{{ 1.0 is float }} {{ 1 is float }} {{ 1 is integer }} {{ 1.0 is integer }} {{ true is integer }} {{ true is number }} {{ 'a' is number }} {{ 2.5 is number }} {{ f is float }} {{ n is integer }} {{ none is number }}", NUMS)
case("comparison-tests", "{{ 3 is gt 2 }} {{ 3 is ge 3 }} {{ 3 is lt 2 }} {{ 2 is le 2 }} {{ 3 is ne 3 }} {{ 3 is ne 4 }} {{ 'b' is gt 'a' }} {{ n is greaterthan 5 }} {{ n is lessthan 5 }}", NUMS)
case("in-test", "{{ 1 is in [1, 2] }} {{ 'a' is in 'cat' }} {{ 'k' is in {'k': 1} }} {{ 5 is not in [1] }}")
case("iterable-mapping-sequence", "{{ [] is iterable }} {{ 'a' is iterable }} {{ {} is iterable }} {{ 1 is iterable }} | {{ {} is mapping }} {{ [] is mapping }} {{ d is mapping }} | {{ [] is sequence }} {{ 'a' is sequence }} {{ {} is sequence }} {{ 1 is sequence }} {{ none is iterable }}", {"d": {"a": 1}})
case("lower-upper-tests", "{{ 'abc' is lower }} {{ 'aBc' is lower }} {{ 'ABC' is upper }} {{ 'AB1' is upper }} {{ '123' is lower }} {{ 'ŵ' is lower }} {{ 'Ŵ' is upper }}")
case("none-test", "{{ none is none }} {{ nothing is none }} {{ 0 is none }} {{ '' is none }} {{ indicators[-1].result is none }}", dict(NUMS, **COUNCIL))
case("sameas", "{{ none is sameas none }} {{ true is sameas true }} {{ 1 is sameas true }} {{ false is sameas false }} {{ nothing is sameas none }}", NUMS)
case("string-test", "{{ 'a' is string }} {{ 1 is string }} {{ s is string }} {{ none is string }} {{ ['a'] is string }} {{ 'a'|e is string }}", NUMS)
case("tests-in-conditions", "{% for v in [0, 1, 2.5, 'x', none, [1], {'a': 1}, true] %}{% if v is none %}N{% elif v is boolean %}B{% elif v is integer %}I{% elif v is float %}F{% elif v is string %}S{% elif v is mapping %}M{% elif v is sequence %}L{% endif %}{% endfor %}")
case("test-with-not-and-filters", "{{ xs|select('odd')|list is not none }} {{ (xs|length) is even }} {{ not xs is none }}", NUMS)

# ================================================================ autoescape
category("escape")
ESC = {"v": "<b>Tom & Jerry's \"show\"</b>", "n": 5, "x": None}
case("html-j2-escapes", "{{ v }} {{ n }} {{ x }}", ESC, ext="html.j2")
case("htm-escapes", "{{ v }}", ESC, ext="htm")
case("htm-j2-escapes", "{{ v }}", ESC, ext="htm.j2")
case("html-escapes", "{{ v }}", ESC, ext="html")
case("xhtml-j2-escapes", "{{ v }}", ESC, ext="xhtml.j2")
case("xml-j2-escapes", "<item>{{ v }}</item>", ESC, ext="xml.j2")
case("xml-escapes", "<item>{{ v }}</item>", ESC, ext="xml")
case("txt-j2-raw", "{{ v }}", ESC, ext="txt.j2")
case("md-j2-raw", "{{ v }}", ESC, ext="md.j2")
case("bare-j2-raw", "{{ v }}", ESC, ext="j2")
case("txt-no-j2-raw", "{{ v }}", ESC, ext="txt")
case("html-then-txt-suffix-raw", "{{ v }}", ESC, ext="html.txt")
case("escape-all-five-chars", "{{ '& < > \" \\'' }}", ext="html.j2")
case("escape-in-attribute", "<a title=\"{{ v }}\" href=\"?a=1&amp;b={{ q }}\">x</a>", {"v": "say \"hi\"", "q": "x&y"}, ext="html.j2")
case("markup-concat-tilde", "{{ a|safe ~ b }} {{ b ~ a|safe }} {{ a ~ b }} {{ 'x' ~ n }}", {"a": "<a>", "b": "<b>", "n": 1}, ext="html.j2")
case("markup-concat-tilde-txt", "{{ '<a>'|e ~ '<b>' }}")
case("markup-plus", "{{ a|safe + b }} {{ (a|safe) * 2 }} {{ a + b }}", {"a": "<a>", "b": "<b>"}, ext="html.j2")
case("markup-format-filter", "{{ '<b>%s</b>'|safe|format('<i>') }} {{ '%s & %s'|format('<', '>') }}", ext="html.j2")
case("markup-through-filters", "{{ '<b>x</b>'|safe|upper }} {{ '<b>x</b>'|safe|length }} {{ '<b> x </b>'|safe|trim }} {{ ('<b>a</b>'|safe)[0:3] }}", ext="html.j2")
case("markup-striptags-in-html", "{{ '<p>a &amp; b</p>'|safe|striptags }} | {{ '<p>a &amp; b</p>'|striptags }}", ext="html.j2")
case("escaped-data-numbers-none", "{{ 1.5 }} {{ none }} {{ true }} {{ [1, '<'] }} {{ {'k': '&'} }}", ext="html.j2")
case("html-list-repr-escaped", "{{ ['<a>', \"it's\"] }}", ext="html.j2")
case("html-include-txt-macro-output", "{% from 'm.txt.j2' import tag %}{{ tag('p') }} {% include 'm.txt.j2' %}", ext="html.j2", files={"m.txt.j2": "{% macro tag(t) %}<{{ t }}>{% endmacro %}<raw & txt>"})
case("xml-report", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<indicators>\n{% for i in indicators %}  <indicator code=\"{{ i.code }}\">{{ i.title }} &amp; {{ i.result }}</indicator>\n{% endfor %}</indicators>", COUNCIL, ext="xml.j2")
case("html-escape-unicode-untouched", "{{ '\u00a3 \u2013 \u2019 \u25b2 \u0175 & <' }}", ext="html.j2")
case("html-set-markup-in-loop", "{% set sep %} &middot; {% endset %}{% for m in members[:3] %}{{ m.ward }}{% if not loop.last %}{{ sep }}{% endif %}{% endfor %}", COUNCIL, ext="html.j2")
case("html-filter-e-on-markup-noop", "{% macro b(x) %}<b>{{ x }}</b>{% endmacro %}{{ b('&')|e }} {{ b('&')|escape|safe }}", ext="html.j2")
case("html-caller-escaped-once", "{% macro quote() %}<q>{{ caller()|e }}</q>{% endmacro %}{% call quote() %}{{ '<&>' }}&amp;{% endcall %}", ext="html.j2")
case("html-string-methods-on-markup", "{{ ('<b>a</b>'|safe).upper() }} {{ '<x>'.upper() }}", ext="html.j2")


# ================================================================ JSON data: key order, numbers, literals
category("json")
case("key-order-preserved-iteration", "{% for k, v in d.items() %}{{ k }} {% endfor %}| {{ d|list }} | {{ d }}", '{"d": {"z": 1, "b": 2, "y": 3, "a": 4, "10": 5, "2": 6}}')
case("key-order-nested-repr", "{{ report }}", '{"report": {"title": "Q3", "rows": [{"z": 1, "a": null}], "meta": {"by": "Clerk", "approved": true}}}')
case("key-order-top-level-unaffected", "{{ second }} {{ first }}", '{"second": 2, "first": 1}')
case("int-float-printing", "{{ i }} {{ f1 }} {{ f2 }} {{ f3 }} {{ f4 }} {{ f5 }} {{ f6 }} {{ f7 }} {{ f8 }}",
     '{"i": 10, "f1": 1.0, "f2": 10.0, "f3": 0.1, "f4": 2.50, "f5": 100.0, "f6": 1234567.0, "f7": 0.30000000000000004, "f8": 3.0e0}')
case("float-exponent-printing", "{{ a }} {{ b }} {{ c }} {{ d }} {{ e }} {{ f }} {{ g }} {{ h }}",
     '{"a": 1e-05, "b": 0.0001, "c": 1e16, "d": 1e15, "e": 1.5e300, "f": 1E2, "g": 1e-7, "h": 123456789012345678901234.0}')
case("float-shortest-repr", "{{ a }} {{ b }} {{ c }} {{ d }} {{ a + b }} {{ c * 3 }}", '{"a": 0.1, "b": 0.2, "c": 1.1, "d": 2.675}')
case("big-ints-from-json", "{{ a }} {{ b }} {{ c }} {{ a + 1 }} {{ b // 10 }}", '{"a": 9007199254740993, "b": 9223372036854775807, "c": -9223372036854775808}')
case("big-uint64-from-json", "{{ a }}", '{"a": 12345678901234567890}')
case("negative-zero-from-json", "{{ a }} {{ b }} {{ a == 0 }} {{ -a }}", '{"a": -0.0, "b": 0.0}')
case("true-false-null", "{{ t }} {{ f }} {{ n }} [{{ t }}] {{ [t, f, n] }} {{ {'k': n} }}", '{"t": true, "f": false, "n": null}')
case("null-in-list-and-is-none", "{% for v in vs %}{{ 'none' if v is none else v }},{% endfor %}", '{"vs": [1, null, "x", null]}')
case("json-string-escapes", "{{ s1 }}|{{ s2 }}|{{ s3 }}|{{ s4|length }}|{{ [s3] }}", r'{"s1": "quote \" and backslash \\", "s2": "tab\there", "s3": "line1\nline2", "s4": "\u00a3\u2013"}')
case("json-unicode-keys", "{% for k, v in d.items() %}{{ k }}={{ v }};{% endfor %} {{ d['ŵyn'] }}", '{"d": {"ŵyn": 1, "£": 2, "–": 3}}')
case("integer-arith-stays-int", "{{ a + b }} {{ a * b }} {{ a - b }} {{ a // b }} {{ a % b }} {{ a / b }} {{ a ** 2 }}", '{"a": 48213, "b": 1000}')
case("float-arith-from-json", "{{ t * 100 }} {{ r - t }} {{ (r - t) * 100 }} {{ r / t }}", '{"t": 0.64, "r": 0.584}')
case("float-equal-int", "{{ a == b }} {{ a }} {{ b }} {{ [a, b] }} {{ a|int }} {{ b|float }}", '{"a": 5.0, "b": 5}')
case("empty-containers", "{{ l }} {{ d }} {{ l|length }} {{ d|length }} [{% for x in l %}{% else %}empty{% endfor %}]", '{"l": [], "d": {}}')
case("deep-nesting", "{{ a.b.c.d[0].e }} {{ a['b']['c']['d'][-1]['e'] }}", '{"a": {"b": {"c": {"d": [{"e": "first"}, {"e": "last"}]}}}}')
case("numbers-sum-and-format", "{{ vals|sum }} {{ (vals|sum / vals|length)|round(2) }} {{ '%.2f'|format(vals|sum) }}", '{"vals": [0.1, 0.2, 0.3, 1, 2]}')
case("large-and-small-floats", "{{ a }} {{ b }} {{ c }} {{ d }} {{ a * 10 }}", '{"a": 99999999999999.99, "b": 0.000001, "c": 1.7976931348623157e308, "d": 5e-324}')

# ================================================================ unicode
category("unicode")
case("pound-dash-quote-triangle-welsh", "{{ s }}|{{ s|upper }}|{{ s|lower }}|{{ s|length }}|{{ s[0] }}{{ s[-1] }}", {"s": "\u00a3100 \u2013 it\u2019s \u25b2 \u0175"})
case("welsh-case", "{{ 'pwllheli ŵyn ŷd'|title }} {{ 'ŵŷ'|upper }} {{ 'ŴŶ'|lower }} {{ 'Ŵ' < 'ŵ' }}")
case("unicode-slice-reverse", "{{ s[2:6] }} {{ s[::-1] }} {{ s|reverse }}", {"s": "Caerdydd \u0175 \u00a3"})
case("unicode-center-truncate", "[{{ '\u00a3\u0175'|center(6) }}] [{{ 'Pr\u0175s \u2013 ad-hoc committee on the estate'|truncate(16) }}]")
case("unicode-sort-and-compare", "{{ ['\u0175', 'z', 'a', '\u00e9', 'E']|sort }} {{ 'a' < '\u00e9' }}")
case("unicode-wordwrap-wordcount", "{{ 'Adroddiad ar gyllideb y Cyngor \u2013 ŵyn'|wordwrap(12) }} {{ 'Adroddiad ar gyllideb y Cyngor \u2013 ŵyn'|wordcount }}")
case("unicode-in-html", "<td>{{ s }}</td>", {"s": "\u00a3 & \u2013 < \u0175"}, ext="html.j2")
case("unicode-replace-split", "{{ s.replace('\u2013', '-') }} {{ s.split('\u2013') }}", {"s": "Budget \u2013 Month 9"})
case("unicode-repr", "{{ ['\u00a3', '\u2019', \"\u0175's\"] }} {{ {'\u00a3': '\u25b2'} }}")
case("unicode-format", "{{ '{:>6}|{:<6}|'.format('\u00a3', '\u0175') }} {{ '%-4s|' % '\u2013' }}")
case("sharp-s-upper", "{{ 'stra\u00dfe'|upper }} {{ 'stra\u00dfe'.upper() }}")
case("unicode-escape-filter-untouched", "{{ '\u2019<'|e }} {{ '\u00a3'|urlencode }}")
case("emoji-and-astral", "{{ s }} {{ s|length }} {{ s[0] }}", {"s": "\U0001F3DB\ufe0f Council"})


# ================================================================ realistic council papers
category("council")
LAYOUT = """<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>{% block title %}{{ committee.name }}{% endblock %} | {{ council }}</title>
</head>
<body>
  <header>{% include 'header.html.j2' %}</header>
  <main>
{% block main %}{% endblock %}
  </main>
  <footer>{% block footer %}Published by Democratic Services{% endblock %}</footer>
</body>
</html>
"""
HEADER2 = """<h1>{{ committee.name }}</h1>
<p class="meta">{{ committee.date }} at {{ committee.time }}, {{ committee.venue }}</p>"""
UI = """{% macro rag_class(i) -%}
{%- if i.result is none -%}grey
{%- elif (i.higher_is_better and i.result >= i.target) or (not i.higher_is_better and i.result <= i.target) -%}green
{%- else -%}red
{%- endif -%}
{%- endmacro %}
{% macro fmt(v, unit) -%}
{%- if v is none -%}n/a
{%- elif unit == '%' -%}{{ '%.1f'|format(v * 100 if v < 1 else v) }}%
{%- else -%}{{ v }}
{%- endif -%}
{%- endmacro %}
{% macro money(v) -%}
{%- if v < 0 -%}({{ '{:,}'.format(-v) }}){%- elif v == 0 -%}-{%- else -%}{{ '{:,}'.format(v) }}{%- endif -%}
{%- endmacro %}
"""
case("agenda-page", """{% extends 'layout.html.j2' %}
{% block title %}Agenda \u2013 {{ super() }}{% endblock %}
{% block main %}
    <h2>Agenda</h2>
    <ol>
{% for item in agenda %}      <li{% if item.exempt %} class="exempt"{% endif %}>{{ item.title }}
{%- if item.papers %} <small>({{ item.papers|join(', ') }})</small>{% endif %}</li>
{% endfor %}    </ol>
    <h2>Membership</h2>
    <p>{% for m in members|sort(attribute='name') %}{{ m.name }}{% if m.role != 'Member' %} ({{ m.role }}){% endif %}{{ ', ' if not loop.last else '.' }}{% endfor %}</p>
{% endblock %}
""", COUNCIL, ext="html.j2", files={"layout.html.j2": LAYOUT, "header.html.j2": HEADER2})
case("performance-table", """{% import 'ui.html.j2' as ui %}<table class="kpi">
  <thead><tr><th>Code</th><th>Indicator</th><th>Target</th><th>Result</th><th></th></tr></thead>
  <tbody>
{%- for i in indicators %}
    <tr class="{{ loop.cycle('odd', 'even') }} {{ ui.rag_class(i) }}">
      <td>{{ i.code }}</td><td>{{ i.title }}</td><td>{{ ui.fmt(i.target, i.unit) }}</td><td>{{ ui.fmt(i.result, i.unit) }}</td><td>{{ i.trend or '' }}</td>
    </tr>
{%- endfor %}
  </tbody>
</table>
{% set ns = namespace(green=0, red=0) %}{% for i in indicators %}{% if ui.rag_class(i) == 'green' %}{% set ns.green = ns.green + 1 %}{% elif ui.rag_class(i) == 'red' %}{% set ns.red = ns.red + 1 %}{% endif %}{% endfor %}
<p>{{ ns.green }} on target, {{ ns.red }} off target, {{ indicators|length - ns.green - ns.red }} not reported.</p>
""", COUNCIL, ext="html.j2", files={"ui.html.j2": UI})
case("budget-monitoring-text", """BUDGET MONITORING \u2013 MONTH 9 (\u00a3000)
{{ '%-28s %10s %10s %10s'|format('Service', 'Budget', 'Forecast', 'Variance') }}
{{ '-' * 61 }}
{% for d, lines in budget|groupby('directorate') -%}
{{ d|upper }}
{% for b in lines -%}
{{ '%-28s %10s %10s %10s'|format(b.service, '{:,}'.format(b.budget), '{:,}'.format(b.actual), '{:+,}'.format(b.actual - b.budget) if b.actual != b.budget else '-') }}
{% endfor -%}
{% endfor -%}
{{ '-' * 61 }}
{% set tb = budget|sum(attribute='budget') %}{% set ta = budget|sum(attribute='actual') -%}
{{ '%-28s %10s %10s %10s'|format('Total', '{:,}'.format(tb), '{:,}'.format(ta), '{:+,}'.format(ta - tb)) }}
Net position: {{ 'overspend' if ta > tb else 'underspend' }} of \u00a3{{ '{:,}'.format((ta - tb)|abs) }}k ({{ '%.2f'|format((ta - tb) / tb * 100) }}%).
""", COUNCIL)
case("budget-html-with-macros", """{% from 'ui.html.j2' import money %}<table>
{% for b in budget %}<tr><th>{{ b.service }}</th><td>{{ money(b.budget) }}</td><td>{{ money(b.actual - b.budget) }}</td></tr>
{% endfor %}<tr><th>Total</th><td>{{ money(budget|sum(attribute='budget')) }}</td><td>{{ money(budget|sum(attribute='actual') - budget|sum(attribute='budget')) }}</td></tr>
</table>""", COUNCIL, ext="html.j2", files={"ui.html.j2": UI})
case("attendance-minutes", """MINUTES of the meeting of {{ committee.name|upper }} held on {{ committee.date }}.

PRESENT: {{ members|selectattr('attended')|map(attribute='name')|join(', ') }}.
APOLOGIES: {{ members|rejectattr('attended')|map(attribute='name')|join(', ') or 'None' }}.

{% for party, ms in members|groupby('party') -%}
{{ party }}: {{ ms|selectattr('attended')|list|length }} of {{ ms|length }} present
{% endfor %}
Quorum {{ 'was' if members|selectattr('attended')|list|length >= (members|length / 2)|round(0, 'ceil') else 'was not' }} present.
""", COUNCIL)
case("report-cover-with-call", """{% macro section(num, title) -%}
<section id="s{{ num }}">
  <h2>{{ num }}. {{ title }}</h2>
  {{ caller() }}
</section>
{%- endmacro %}
{% call section(1, 'Reason for this report') -%}
<p>To update {{ committee.name }} on the {{ agenda[3].title|lower }}.</p>
{%- endcall %}
{% call section(2, 'Recommendations') -%}
<ol>{% for r in recs %}<li>{{ r }}</li>{% endfor %}</ol>
{%- endcall %}""", dict(COUNCIL, recs=["Note the forecast overspend of \u00a31.5m", "Approve the virement of \u00a3250k & the <revised> plan"]), ext="html.j2")
case("indicator-summary-text", """{% for i in indicators|sort(attribute='code') -%}
{{ loop.index }}. [{{ i.code }}] {{ i.title|truncate(40) }}
   target {{ i.target }}, result {{ i.result if i.result is not none else 'not yet reported' }}
   {%- if i.result is not none and i.target %} ({{ '%+.1f'|format((i.result - i.target) / i.target * 100) }}% vs target){% endif %}
{% endfor -%}""", COUNCIL)
case("declarations-register", """{% set ns = namespace(count=0) -%}
{% for m in members -%}
{% set decls = declarations.get(m.name, []) -%}
{% if decls -%}
{% set ns.count = ns.count + decls|length -%}
{{ m.name }} ({{ m.ward }}):
{% for d in decls %}  - Item {{ d.item }}: {{ d.nature }}{{ ' (prejudicial \u2013 left the room)' if d.prejudicial }}
{% endfor -%}
{% endif -%}
{% endfor -%}
{{ ns.count }} declaration{{ 's' if ns.count != 1 }} recorded.""",
     dict(COUNCIL, declarations={"Cllr Tom Hughes-Smith": [{"item": 5, "nature": "Owns land adjoining the site", "prejudicial": True}],
                                 "Cllr Priya Patel": [{"item": 4, "nature": "Employed by a care provider", "prejudicial": False}, {"item": 5, "nature": "Member of housing association board", "prejudicial": False}]}))
case("forward-plan-batches", """{% for quarter in items|batch(3) -%}
Q{{ loop.index }}: {% for it in quarter %}{{ it.title }}{{ ' [key decision]' if it.key }}{{ '; ' if not loop.last }}{% endfor %}
{% endfor %}""", {"items": [{"title": "Budget strategy", "key": True}, {"title": "Libraries review", "key": False}, {"title": "Waste contract", "key": True}, {"title": "Local Development Plan", "key": True}, {"title": "Fees and charges", "key": False}]})
case("wards-xml-export", """<?xml version="1.0"?>
<members count="{{ members|length }}">
{%- for m in members %}
  <member ward="{{ m.ward }}" party="{{ m.party }}"{{ {'role': m.role if m.role != 'Member' else none}|xmlattr }}>{{ m.name }}</member>
{%- endfor %}
</members>""", COUNCIL, ext="xml.j2")
case("notice-of-meeting-txt-include", "{% include 'notice.txt.j2' %}\n\n{% include 'signature.txt.j2' %}", COUNCIL,
     files={"notice.txt.j2": "NOTICE is hereby given that a meeting of {{ committee.name }} will be held in {{ committee.venue }} on {{ committee.date }} at {{ committee.time }}.\n",
            "signature.txt.j2": "{% set officer = {'name': 'Davina Fiore', 'title': 'Director of Governance & Legal Services'} %}{{ officer.name }}\n{{ officer.title }}"})
case("full-pack-three-levels", "{% extends 'report.html.j2' %}{% block body %}<p>{{ summary }}</p>{{ super() }}{% endblock %}",
     dict(COUNCIL, summary="This report sets out the position at Month 9 & seeks approval."), ext="html.j2",
     files={"layout.html.j2": LAYOUT, "header.html.j2": HEADER2,
            "report.html.j2": "{% extends 'layout.html.j2' %}{% block main %}<article>{% block body %}<p>Appendices: {{ agenda[3].papers|join(', ') }}</p>{% endblock %}</article>{% endblock %}{% block footer %}{{ super() }} \u2013 {{ committee.date }}{% endblock %}"})


# ================================================================ syntax errors (Jinja2's TemplateSyntaxError / TemplateAssertionError)
category("errsyntax")
err("unclosed-if", "Title\n{% if true %}\nbody\n")
err("unclosed-for", "{% for x in xs %}\n{{ x }}\n\nend", NUMS)
err("unclosed-block", "{% block a %}\nx\n")
err("unclosed-macro", "{% macro m() %}\nx\n")
err("unclosed-set-block", "{% set x %}\nx\n")
err("unclosed-raw", "a\n{% raw %}\n{{ x }}\n")
err("unclosed-comment", "a\n{# never closed\n\nb")
err("unclosed-print", "a\n{{ x\nb", {"x": 1})
err("unclosed-string", "line1\n{{ 'abc }}\nline3")
err("unclosed-paren", "{{ (1 + 2 }}")
err("unclosed-list", "x\n{{ [1, 2 }}")
err("endif-without-if", "a\n{% endif %}")
err("endfor-closes-if", "{% if true %}\nx\n{% endfor %}")
err("mismatched-end-tag", "{% for x in [1] %}\n{% if x %}\n{% endfor %}\n{% endif %}")
err("unknown-tag", "ok\n{% frobnicate x %}")
err("unknown-tag-endfoo", "{% endfoo %}")
err("elif-after-else", "{% if a %}1{% else %}2\n{% elif b %}3{% endif %}", {"a": 1, "b": 2})
err("else-twice", "{% if a %}1{% else %}2{% else %}3{% endif %}", {"a": 1})
err("else-outside", "text\n\n{% else %}")
err("bad-expression-trailing-operator", "{{ 1 + }}")
err("empty-print", "before\n{{ }}\nafter")
err("two-names", "{{ a b }}", {"a": 1, "b": 2})
err("double-operator", "{{ 1 +* 2 }}")
err("bad-token-in-expression", "line\n{{ 1 $ 2 }}")
err("assign-in-print", "{{ x = 1 }}")
err("set-without-value", "{% set x %}{% set y = %}{% endset %}")
err("set-to-literal", "{% set 1 = 2 %}")
err("for-without-in", "{% for x %}{% endfor %}")
err("for-missing-iterable", "{% for x in %}{% endfor %}")
err("for-literal-target", "{% for 1 in [1] %}{% endfor %}")
err("macro-non-default-after-default", "{% macro m(a=1, b) %}{% endmacro %}")
err("macro-missing-name", "{% macro %}{% endmacro %}")
err("block-duplicate-name", "{% block a %}1{% endblock %}\n{% block a %}2{% endblock %}")
err("block-without-name", "{% block %}x{% endblock %}")
err("endblock-wrong-name", "{% block a %}x{% endblock b %}")
err("extends-without-template", "{% extends %}")
err("include-without-template", "x\n{% include %}")
err("filter-missing-name", "{{ x| }}", {"x": 1})
err("test-missing-name", "{{ x is }}", {"x": 1})
err("inline-if-missing-condition", "{{ 1 if }}")
err("unexpected-close-paren", "{{ 1) }}")
err("dot-without-attribute", "{{ x. }}", {"x": {}})
err("subscript-unclosed", "{{ x[ }}", {"x": []})
err("call-without-expression", "{% call %}x{% endcall %}")
err("with-bad-assignment", "{% with 1 = 2 %}{% endwith %}")
err("stray-endmacro", "a\n{% endmacro %}")
err("stray-endraw", "{% endraw %}")
err("stray-endblock", "x\n{% endblock %}")
err("import-missing-as", "{% import 'm.txt.j2' %}", files={"m.txt.j2": ""})
err("from-import-missing-names", "{% from 'm.txt.j2' import %}", files={"m.txt.j2": ""})
err("triple-slash", "{{ 1 /// 2 }}")
err("error-on-later-line", "line 1\nline 2\nline 3 {{ ok }}\nline 4\nline 5 {{ 1 + + }}\nline 6", {"ok": 1})
err("error-after-multiline-comment", "{# one\ntwo\nthree #}\n{% if %}")
err("error-after-raw", "{% raw %}\n{% if %}\n{% endraw %}\n{% for %}")
err("unknown-filter", "ok\n{{ x|nosuchfilter }}", {"x": 1})
err("unknown-filter-with-args", "{{ 'a'|frobnicate(1, 2) }}")
err("unknown-filter-in-macro", "{% macro m() %}\n  {{ 1|nosuch }}\n{% endmacro %}never called")
err("unknown-filter-in-for", "{% for x in [1] %}\n{{ x|nosuch }}\n{% endfor %}")
err("unknown-filter-in-filter-block", "a\n{% filter nosuch %}x{% endfilter %}")
err("unknown-test", "a\n{{ 1 is nosuchtest }}")
err("unknown-test-in-select-is-runtime", "{{ [1]|select('nosuchtest')|list }}")
err("unknown-quorum-only-filter-money-not-in-jinja", "{{ 1|nosuch_money }}")
err("syntax-error-in-included-file", "header\n{% include 'bad.txt.j2' %}", files={"bad.txt.j2": "line 1\nline 2\n{% if %}\n"})
err("syntax-error-in-imported-file", "{% import 'bad.html.j2' as b %}{{ b.m() }}", ext="html.j2", files={"bad.html.j2": "{% macro m() %}\n{{ 1 + }}\n{% endmacro %}"})
err("syntax-error-in-parent", "{% extends 'base.txt.j2' %}{% block a %}x{% endblock %}", files={"base.txt.j2": "a\nb\n{% block a %}{% endblock %}\n{% endfor %}"})
err("unknown-filter-in-included-file", "{% include 'p.txt.j2' %}", files={"p.txt.j2": "\n\n{{ 'x'|nosuch }}"})
err("bad-escape-in-string-is-fine-but-unclosed", "{{ 'it\\'s }}")
err("multiline-tag-error-line", "{% if\n   x ==\n   %}yes{% endif %}", {"x": 1})
err("unexpected-end-inside-block-in-child", "{% extends 'base.txt.j2' %}\n{% block a %}\n{% if true %}\nx\n{% endblock %}", files={"base.txt.j2": "{% block a %}{% endblock %}"})
err("crlf-line-numbers", "one\r\ntwo\r\n{{ 1 + }}\r\nfour")
err("print-with-statement-syntax", "{{ if x }}", {"x": 1})
err("keyword-for-as-name-is-undefined", "{% if for %}x{% endif %}")

# Deviations: Jinja2 only fails at run time for unknown filters/tests inside an {% if %}
# branch (and not at all if the branch never runs); issue 2 makes Quorum stricter.
case("unknown-filter-in-untaken-branch", "a\n{% if false %}\n{{ 1|nosuchfilter }}\n{% endif %}\nb",
     deviation=("main.txt.j2", 3, "Unknown filter in a branch that never runs: Jinja2 renders, Quorum must report it at load time (issue 2: 'stricter than Jinja2')."))
case("unknown-test-in-untaken-branch", "a\n{% if false %}{% if 1 is nosuchtest %}x{% endif %}{% endif %}\nb",
     deviation=("main.txt.j2", 2, "Unknown test in a branch that never runs: Jinja2 renders, Quorum must report it at load time (issue 2: 'stricter than Jinja2')."))
case("unknown-filter-in-untaken-elif", "{% if true %}ok{% elif x %}\n\n{{ x|nosuch }}{% endif %}", {"x": 1},
     deviation=("main.txt.j2", 3, "Unknown filter in an elif branch that never runs: Quorum must report it at load time (issue 2)."))
err("unknown-filter-in-uncalled-macro-in-if", "{% if false %}{% macro m() %}\n{{ 1|nosuch }}{% endmacro %}{% endif %}text")
err("unknown-filter-in-taken-branch", "a\n{% if true %}\n{{ 1|nosuchfilter }}\n{% endif %}")
err("unknown-test-in-taken-branch", "{% if true %}\n\n{{ 1 is nosuchtest }}{% endif %}")


# ================================================================ runtime errors
category("errrun")
err("undefined-printed", "Dear {{ committee.chair }},\n{{ salutation }}", COUNCIL)
err("undefined-printed-in-html", "<p>\n  {{ missing }}\n</p>", ext="html.j2")
err("undefined-iterated", "a\n{% for x in missing %}{{ x }}{% endfor %}")
err("undefined-compared", "{% if missing == 1 %}x{% endif %}")
err("undefined-compared-lt", "{{ 1 < missing }}")
err("undefined-in-arithmetic", "total:\n{{ missing + 1 }}")
err("undefined-in-arithmetic-right", "{{ 10 * missing }}")
err("undefined-attribute-of-undefined", "{{ missing.name }}")
err("undefined-attribute-of-undefined-with-default", "{{ missing.name|default('x') }}")
err("undefined-subscript-of-undefined", "{{ missing[0] }}")
err("undefined-in-if-condition", "ok\n\n{% if missing %}x{% endif %}")
err("undefined-truthiness-not", "{{ not missing }}")
err("undefined-dict-key-printed", "{{ committee.name }}\n{{ committee.clerk }}", COUNCIL)
err("undefined-dict-subscript-printed", "{{ committee['clerk'] }}", COUNCIL)
err("undefined-list-index-printed", "{{ xs[99] }}", NUMS)
err("undefined-concat", "{{ 'a' ~ missing }}")
err("undefined-filter-upper", "{{ missing|upper }}")
err("undefined-filter-length", "{{ missing|length }}")
err("undefined-in", "{{ 1 in missing }}")
err("undefined-called", "{{ missing() }}")
err("undefined-macro-called", "{% macro m() %}{% endmacro %}{{ mm() }}")
err("undefined-in-join", "{{ [a, b]|join(',') }}", {"a": 1})
err("undefined-in-range", "{% for i in range(n) %}{{ i }}{% endfor %}")
err("undefined-attribute-of-none", "{{ nothing.x }}", NUMS)
err("undefined-in-macro-body", "{% macro m(x) %}\n{{ x }} {{ y }}\n{% endmacro %}\n{{ m(1) }}")
err("undefined-macro-arg-not-passed", "{% macro m(a, b) %}{{ a }}\n{{ b }}{% endmacro %}{{ m(1) }}")
err("undefined-in-included-file", "header\n{% include 'p.txt.j2' %}", files={"p.txt.j2": "line 1\nline 2 {{ nope }}"})
err("undefined-in-include-without-context", "{% set x = 1 %}{% include 'p.txt.j2' without context %}", files={"p.txt.j2": "\n{{ x }}"})
err("undefined-data-in-include-without-context", "{% include 'p.txt.j2' without context %}", COUNCIL, files={"p.txt.j2": "{{ committee.name }}"})
err("undefined-in-imported-macro", "{% import 'm.html.j2' as m %}\n{{ m.f() }}", ext="html.j2", files={"m.html.j2": "{% macro f() %}\n\n  {{ undefined_thing }}\n{% endmacro %}"})
err("imported-macro-cannot-see-data", "{% from 'm.txt.j2' import title %}{{ title() }}", COUNCIL, files={"m.txt.j2": "{% macro title() %}{{ committee.name }}{% endmacro %}"})
err("undefined-in-parent-template", "{% extends 'base.txt.j2' %}{% block a %}ok{% endblock %}", files={"base.txt.j2": "[{% block a %}{% endblock %}]\n{{ footer_text }}"})
err("undefined-in-child-block", "{% extends 'base.txt.j2' %}\n{% block a %}\n{{ nope }}{% endblock %}", files={"base.txt.j2": "x{% block a %}{% endblock %}"})
err("undefined-in-call-body", "{% macro box() %}[{{ caller() }}]{% endmacro %}{% call box() %}\n{{ nope }}{% endcall %}")
err("undefined-in-filter-block", "{% filter upper %}\nx\n{{ nope }}{% endfilter %}")
err("undefined-in-set-block", "{% set x %}\n{{ nope }}{% endset %}")
err("undefined-in-with", "{% with a = nope %}{{ a }}{% endwith %}")
err("undefined-loop-previtem-printed", "{% for x in [1, 2] %}\n{{ loop.previtem }}{% endfor %}")
err("undefined-loop-outside-loop", "{{ loop.index }}")
err("undefined-namespace-attr", "{% set ns = namespace() %}{{ ns.total }}")
err("undefined-first-of-empty", "{{ []|first }}")
err("undefined-inline-if-variable", "{{ 'a' if missing else 'b' }}")
err("undefined-in-for-inline-filter", "{% for x in [1] if x > limit %}{{ x }}{% endfor %}")
err("undefined-after-lots-of-output", "{% for i in range(100) %}line {{ i }}\n{% endfor %}{{ nope }}")
err("undefined-in-multiline-expression", "{{ 'a' ~\n   'b' ~\n   nope }}")
err("undefined-self-block", "{{ self.nosuchblock() }}")
err("undefined-extends-variable", "{% extends layout %}")
err("missing-include", "top\n{% include 'missing.txt.j2' %}")
err("missing-include-list", "{% include ['m1.txt.j2', 'm2.txt.j2'] %}")
err("missing-include-in-included", "{% include 'a.txt.j2' %}", files={"a.txt.j2": "A\n{% include 'gone.txt.j2' %}"})
err("missing-include-variable", "{% include name %}", {"name": "nope.html.j2"})
err("missing-import", "{% import 'nope.txt.j2' as n %}")
err("missing-from-import", "\n{% from 'nope.txt.j2' import a %}")
err("from-import-unknown-name", "{% from 'm.txt.j2' import nothere %}{{ nothere() }}", files={"m.txt.j2": "{% macro f() %}{% endmacro %}"})
err("missing-extends", "{% extends 'nobase.txt.j2' %}")
err("include-parent-directory-refused", "{% include '../../jinja_oracle.py' %}")
err("division-by-zero", "{{ 1 / 0 }}")
err("division-by-zero-data", "{% for b in budget %}{{ b.service }}: {{ b.actual / zero }}\n{% endfor %}", dict(COUNCIL, zero=0))
err("floor-division-by-zero", "{{ 7 // z }}", NUMS)
err("modulo-by-zero", "{{ 7 % z }}", NUMS)
err("float-division-by-zero", "{{ 1.5 / 0.0 }}")
err("call-non-callable-int", "{{ n() }}", NUMS)
err("call-non-callable-string", "{{ s() }}", NUMS)
err("call-dict-value", "{{ committee.name() }}", COUNCIL)
err("too-many-macro-args", "{% macro m(a) %}{{ a }}{% endmacro %}\n{{ m(1, 2) }}")
err("unknown-macro-kwarg", "{% macro m(a) %}{{ a }}{% endmacro %}{{ m(a=1, b=2) }}")
err("macro-arg-twice", "{% macro m(a) %}{{ a }}{% endmacro %}{{ m(1, a=2) }}")
err("caller-without-call", "{% macro m() %}{{ caller() }}{% endmacro %}{{ m() }}")
err("type-add-int-str", "{{ 1 + 'a' }}")
err("type-add-str-int-data", "{{ s + n }}", NUMS)
err("type-sub-str", "{{ 'a' - 1 }}")
err("type-list-plus-int", "{{ xs + 1 }}", NUMS)
err("type-none-arith", "{{ nothing + 1 }}", NUMS)
err("type-unary-minus-string", "{{ -s }}", NUMS)
err("type-unary-minus-before-filter", "{{ - xs|length }}", NUMS)
err("type-tilde-binds-tighter-than-minus", "{{ 10 - 4 ~ '' }}")
err("type-compare-int-str", "{{ 1 < 'a' }}")
err("type-mul-str-str", "{{ 'a' * 'b' }}")
err("type-iterate-int", "{% for x in n %}{{ x }}{% endfor %}", NUMS)
err("type-iterate-none", "{% for x in nothing %}{{ x }}{% endfor %}", NUMS)
err("type-unpack-mismatch", "{% for a, b in [[1, 2, 3]] %}{{ a }}{% endfor %}")
err("type-unpack-set-mismatch", "{% set a, b = [1] %}")
err("type-in-int", "{{ 1 in 5 }}")
err("filter-join-int", "{{ 5|join(',') }}")
err("filter-round-string", "{{ 'abc'|round }}")
err("filter-sum-strings", "{{ ['a', 'b']|sum }}")
err("filter-sort-mixed-types", "{{ [1, 'a']|sort }}")
err("filter-length-of-none", "{{ nothing|length }}", NUMS)
err("filter-length-of-int", "{{ 5|length }}")
err("filter-first-of-int", "{{ 5|first }}")
err("filter-abs-string", "{{ 'x'|abs }}")
err("filter-format-bad-type", "{{ '%d'|format('x') }}")
err("filter-map-unknown-filter", "{{ [1]|map('nosuchfilter')|list }}")
err("filter-sum-attribute-missing", "{{ budget|sum(attribute='nope') }}", COUNCIL)
err("filter-sort-attribute-missing", "{{ budget|sort(attribute='nope')|list }}", COUNCIL)
err("filter-dictsort-list", "{{ [1, 2]|dictsort }}")
err("filter-max-empty-printed", "{{ []|max }}")
err("method-format-missing-arg", "{{ '{} {}'.format(1) }}")
err("method-list-index-not-found", "{{ xs.index(42) }}", NUMS)
err("method-on-undefined-attr", "{{ s.nosuchmethod() }}", NUMS)
err("string-percent-too-few", "{{ '%s %s' % 'a' }}")
err("string-percent-bad-type", "{{ '%d' % 'x' }}")
err("range-zero-step", "{{ range(1, 5, 0)|list }}")
err("subscript-int", "{{ n[0] }}", NUMS)
err("super-without-parent-block", "{% block a %}{{ super() }}{% endblock %}")
err("error-in-second-level-include", "{% include 'a.txt.j2' %}", files={"a.txt.j2": "A {% include 'b.txt.j2' %}", "b.txt.j2": "B\n\nC {{ 1 // 0 }}"})
err("error-in-macro-from-parent-block", "{% extends 'base.html.j2' %}{% import 'm.html.j2' as m %}{% block a %}{{ m.f() }}{% endblock %}", ext="html.j2",
    files={"base.html.j2": "<{% block a %}{% endblock %}>", "m.html.j2": "{% macro f() %}\n{{ 1 + none }}{% endmacro %}"})
err("error-inside-for-else", "{% for x in [] %}{% else %}\n{{ nope }}{% endfor %}")
err("error-in-elif-condition", "{% if false %}a\n{% elif nope > 1 %}b{% endif %}")
err("error-in-loop-at-third-item", "{% for r in rows %}\n{{ r.name }}: {{ r.value * 2 }}\n{% endfor %}", {"rows": [{"name": "a", "value": 1}, {"name": "b", "value": 2}, {"name": "c"}]})
err("error-in-namespace-update", "{% set ns = namespace(t=0) %}{% for b in budget %}\n{% set ns.t = ns.t + b.nope %}{% endfor %}", COUNCIL)


# ================================================================ more edge cases (second pass)
category("ws")
case("import-and-from-strip", "a\n{%- import 'm.txt.j2' as m -%}\n{%- from 'm.txt.j2' import f -%}\n[{{ f() }}]", files={"m.txt.j2": "{% macro f() %}F{% endmacro %}"})
case("extends-and-endblock-strip", "{%- extends 'base.txt.j2' -%}\n{%- block a -%}\n   A   \n{%- endblock -%}", files={"base.txt.j2": "<\n{%- block a %}{% endblock -%}\n>"})
case("else-strip", "{% for x in [] %}x{%- else -%}\n   empty   \n{%- endfor %}|{% if false %}a{%- else -%}\n  b\n{%- endif %}")
case("strip-keeps-line-numbers", "a\n\n{%- if true -%}\n\n{{ 'x' }}{% endif %}")
case("multiline-tags", "{% for m in\n     members\n     if m.attended %}{{\n  m.ward\n  |upper\n}} {% endfor %}", COUNCIL)
case("print-empty-string-strips", "x   {{- '' -}}   y")

category("filter")
case("round-ints-and-precision", "{{ 5|round(1) }} {{ 5|round }} {{ 5.0|round }} {{ -1.25|round(1) }} {{ 1.005|round(2) }} {{ 0.125|round(2) }} {{ 1e-7|round(3) }}")
case("int-from-float-strings", "{{ '1e3'|int }} {{ '-2.9'|int }} {{ '3.0'|int }} {{ ''|int }} {{ '1,000'|int }} {{ 1e16|int }}")
case("float-odd-inputs", "{{ '1,000'|float }} {{ '-0'|float }} {{ '.5'|float }} {{ '5.'|float }}")
case("default-false-is-defined", "{{ no|default('x') }} {{ no|default('x', true) }} {{ 0|default(1) }} {{ []|default('empty', true) }}", NUMS)
case("tojson-numbers", "{{ [1.0, 0.1, 1e16, -0.0, 12345678901234567890, 0.30000000000000004, true, none]|tojson }}")
case("urlencode-numbers-and-unicode-dict", "{{ 5|urlencode }} {{ {'ward': 'Ystum Taf', 'q': '\u00a3&\u0175'}|urlencode }}")
case("wordwrap-paragraphs", "{{ text|wordwrap(18) }}", {"text": "First paragraph of the report text.\n\nSecond paragraph, somewhat longer than the first."})
case("items-of-undefined-is-empty", "{% for k, v in missing|items %}{{ k }}{% else %}no items{% endfor %}")
case("map-dotted-attribute", "{{ rows|map(attribute='meta.year')|list }} {{ rows|max(attribute='meta.year') == rows[0] }}", {"rows": [{"meta": {"year": 2025}}, {"meta": {"year": 2024}}]})
case("batch-exact-multiple-with-fill", "{{ [1, 2, 3, 4]|batch(2, 'x')|list }} {{ []|batch(3)|list }}")
case("escape-numbers-and-markup-string", "{{ 5|e }} {{ (5|e) is escaped }} {{ ('<b>'|safe|string) is escaped }} {{ '<b>'|safe|length }}", ext="html.j2")
case("replace-in-html-with-count", "{{ v|replace('&', 'and', 1) }}", {"v": "A & B & <C>"}, ext="html.j2")
case("center-odd-even-padding", "[{{ 'ab'|center(5) }}][{{ 'abc'|center(6) }}][{{ 'abc'|center(4) }}]")
case("join-markup-in-txt", "{{ ['<a>'|e, '<b>']|join(', ') }}")

category("method")
case("str-format-council-specs", "{{ '{:,.0f}'.format(1234567.891) }} {{ '{:,.2f}'.format(-1234.5) }} {{ '{:.0%}'.format(0.875) }} {{ '{:+.1f}'.format(2) }} {{ '{:>10.2f}|'.format(3.14159) }} {{ '{0:<8}|{1:^8}|'.format('ab', 'cd') }} {{ '{:x}'.format(255) }} {{ '{:08.3f}'.format(-3.5) }}")
case("str-methods-on-data", "{% for m in members %}{{ m.name.replace('Cllr ', '').split(' ')[-1].upper() }}{{ ',' if not loop.last }}{% endfor %}", COUNCIL)
case("str-startswith-in-filter-loop", "{% for i in indicators if i.code.startswith('S') or i.code.endswith('01') %}{{ i.code }} {% endfor %}", COUNCIL)

category("op")
case("float-repr-thresholds", "{{ 9999999999999998.0 }} {{ 1e16 }} {{ 1e21 }} {{ 1e22 }} {{ 0.0001 }} {{ 0.00001 }} {{ 1.5e-10 }} {{ 12345.678 }} {{ 100 / 3 }} {{ 0.1 * 0.1 }} {{ 7 / 7 }} {{ 2 ** 53 * 1.0 }}")
case("float-floor-and-mod", "{{ 10 // 3.0 }} {{ -0.0 // 1 }} {{ 5 % 2.5 }} {{ -1 % 0.3 }} {{ 5.5 % -2 }} {{ -7 // 2.5 }}")
case("string-repetition-edges", "[{{ 'ab' * 0 }}] [{{ 'ab' * -1 }}] [{{ [1] * 0 }}] {{ '=' * 3 ~ '>' }}")
case("string-comparisons", "{{ 'a' < 'B' }} {{ 'abc' in ['abc'] }} {{ 'Abc' == 'abc' }} {{ 'abc' < 'abcd' }} {{ '' < 'a' }}")
case("membership-in-data", "{% for m in members %}{{ m.ward in ['Castle', 'Cathays'] }}{{ 'Cllr' in m.name }} {% endfor %}", COUNCIL)
case("nested-inline-if-and-filters", "{% for i in indicators %}{{ (i.result * 100)|round(1) ~ '%' if i.unit == '%' and i.result is not none else i.result if i.result is not none else 'n/a' }}; {% endfor %}", COUNCIL)
case("literal-string-with-real-newline", "{{ 'line one\nline two'|upper }}\n{{ 'x' }}")

category("extends")
case("super-called-twice", "{% extends 'base.txt.j2' %}{% block a %}{{ super() }}+{{ super() }}{% endblock %}", files={"base.txt.j2": "[{% block a %}P{% endblock %}]"})
case("self-nested-block", "{% block outer %}O[{% block inner %}I{% endblock %}]{% endblock %} {{ self.inner() }} {{ self.outer() }}")
case("include-inside-with-sees-with-vars", "{% with title = 'Scrutiny' %}{% include 'h.txt.j2' %}{% endwith %}", files={"h.txt.j2": "== {{ title }} =="})
case("include-absolute-path-refused-is-missing", "{% include '/etc/passwd' ignore missing %}ok")

category("errrun")
err("block-in-loop-does-not-see-loop-var", "{% for x in [1, 2] %}\n{% block b %}{{ x }}{% endblock %}{% endfor %}")
err("include-absolute-path-refused", "{% include '/etc/passwd' %}")
err("divisibleby-zero", "{{ 5 is divisibleby 0 }}")
err("error-line-after-stripped-newlines", "a\n\n{%- if true -%}\n\n{{ nope }}{% endif %}")
err("error-line-after-multiline-string", "{{ 'one\ntwo\nthree' }}\n{{ nope }}")
err("error-line-after-multiline-raw", "{% raw %}\n\n\n{% endraw %}{{ nope }}")
err("error-line-after-include", "{% include 'p.txt.j2' %}\n{{ nope }}", files={"p.txt.j2": "1\n2\n3\n4\n5"})
err("error-multiline-for-header", "x\n{% for y in\n   missing %}{% endfor %}")
err("error-multiline-print-filter", "{{ name\n   |upper\n   ~ nope }}", {"name": "a"})
err("error-multiline-if-condition", "{% if true and\n     nope %}x{% endif %}")
err("error-in-super-block", "{% extends 'base.txt.j2' %}{% block a %}\n{{ super() }}{% endblock %}", files={"base.txt.j2": "{% block a %}\n\n{{ nope }}{% endblock %}"})
err("sort-none-values", "{{ [3, none, 1]|sort }}")
err("list-of-undefined", "{{ missing|list }}")
err("format-method-on-none", "{{ nothing.upper() }}", NUMS)
err("getattr-on-int", "{{ n.real.nope }}", NUMS)
err("html-error-deep-in-layout", "{% extends 'layout.html.j2' %}{% block main %}<p>{{ committee.name }}</p>{% endblock %}", COUNCIL, ext="html.j2",
    files={"layout.html.j2": "<html>\n<head>\n<title>{{ committee.name }}</title>\n</head>\n<body>\n{% block main %}{% endblock %}\n<footer>{{ committee.clerk }}</footer>\n</body>\n</html>"})


# ================================================================ third pass: more semantics the engine must share
category("literal")
case("repr-nonprintable-and-nbsp", "{{ [s1, s2, s3, s4] }}", {"s1": "a\u00a0b", "s2": "bell\u0007", "s3": "cr\rlf", "s4": "zw\u200bsp"})
case("repr-backslash-and-quotes-mix", "{{ [a, b, c] }} {{ {'k': b} }}", {"a": "C:\\temp", "b": "it's \"quoted\"", "c": "\"only double\""})
case("repr-floats-in-containers", "{{ [1.0, 0.1, 1e-05, 1e16, -0.0, 2.5e-300] }} {{ {'x': 100.0} }} {{ (0.5,) }}")

category("op")
case("infinity-and-nan", "{{ 1e308 * 10 }} {{ -1e308 * 10 }} {{ (1e308 * 10) - (1e308 * 10) }} {{ 1e308 * 10 > 5 }}")
case("string-percent-more-specs", "{{ '%s' % 1.0 }}|{{ '%d' % 3.7 }}|{{ '%.3s' % 'abcdef' }}|{{ '%5.1f' % -0.05 }}|{{ '%s' % (1,) }}|{{ '%c' % 65 }}|{{ '100%%' % () }}|{{ '%s' % true }}|{{ '%3d|%-3d|' % (5, 5) }}")
case("str-format-value-kinds", "{{ '{}'.format(1.0) }}|{{ '{}'.format(none) }}|{{ '{}'.format(true) }}|{{ '{}'.format([1, 'a']) }}|{{ '{:.2f}'.format(1) }}|{{ '{!r}'.format('a') }}|{{ '{0[0]}-{0[1]}'.format(['x', 'y']) }}|{{ '{d[name]}'.format(d={'name': 'N'}) }}")
case("tilde-with-floats-and-none", "{{ 1e16 ~ '' }} {{ 0.1 ~ 0.2 }} {{ none ~ '' }} {{ [1] ~ '' }} {{ {'a': 1} ~ '!' }}")

category("filter")
case("unique-mixed-types", "{{ [1, 1.0, '1', true, 'A', 'a']|unique|list }}")
case("sum-bools-and-floats", "{{ [true, true, false]|sum }} {{ [1, 2.5]|sum }} {{ [0.1]|sum(start=0.2) }}")
case("join-floats-and-string-of-float", "{{ [1.0, 2.5, 1e-05]|join(',') }} {{ 1e-05|string }} {{ 1e16|string }} {{ 10|float|string }}")
case("round-negative-precision", "{{ 1234.5|round(-2) }} {{ 1250|round(-2) }} {{ 1350.0|round(-2) }} {{ 999.9|round(-3, 'floor') }}")
case("wordwrap-hyphens-and-long-words", "{{ 'Cllr Tom Hughes-Smith and Cllr Dafydd ap Gwilym'|wordwrap(14) }}\n--\n{{ 'Cllr Tom Hughes-Smith'|wordwrap(14, break_on_hyphens=false) }}\n--\n{{ 'abcdefghijklmnop qr'|wordwrap(5) }}")
case("indent-trailing-newline", "[{{ 'a\nb\n'|indent }}] [{{ 'a\n\nb'|indent(2, blank=true) }}] [{{ ''|indent }}] [{{ 'x'|indent(first=true) }}]")
case("urlencode-safe-chars", "{{ 'a~b-c_d.e/f g+h'|urlencode }} {{ {'a/b': 'c/d'}|urlencode }}")
case("select-with-more-tests", "{{ indicators|selectattr('trend', 'string')|map(attribute='code')|list }} {{ [1, none, 'x']|reject('sameas', none)|list }} {{ [1, 2, 3]|select('ne', 2)|list }} {{ ['a', 1, [2]]|select('sequence')|list }}", COUNCIL)
case("map-more-filters", "{{ [1, 2]|map('string')|join }} {{ [none, 'x']|map('default', 'd')|list }} {{ ['a', 'b']|map('upper')|map('center', 3)|list }} {{ [-1.5, 2]|map('abs')|list }}")
case("escape-list-in-txt", "{{ ['<', \"'\"]|e }} {{ none|e }} {{ 1.5|e }}")
case("sort-bools-and-numbers", "{{ [true, 0, 2, false, 1.5]|sort }} {{ ['b', 'A', 'c']|sort(reverse=true) }}")
case("max-min-mixed-numbers", "{{ [1, 2.5, 2]|max }} {{ [1, 0.5, true]|min }} {{ ['a', 'B']|max }}")
case("dictsort-numbers-values", "{{ {'a': 3, 'b': 1, 'c': 2}|dictsort(by='value', reverse=true) }}")
case("length-of-markup-and-unicode", "{{ ('<b>\u00a3</b>'|safe)|length }} {{ '\u0175\u00a3\u2013'|count }}", ext="html.j2")
case("truncate-edge-lengths", "{{ 'abcdefghij'|truncate(5, true, '...', 0) }}|{{ 'abcdefghij'|truncate(3, true, '...', 0) }}|{{ 'ab cd ef gh ij kl'|truncate(9, false, '..', 0) }}|{{ 'word'|truncate(2, end='', leeway=0) }}")

category("scope")
case("macro-default-refers-to-other-param", "{% macro m(a, b=a * 2) %}{{ a }},{{ b }}{% endmacro %}{{ m(3) }} {{ m(3, 1) }}")
case("macro-modifies-namespace", "{% macro inc(ns, by=1) %}{% set ns.n = ns.n + by %}{% endmacro %}{% set ns = namespace(n=0) %}{{ inc(ns) }}{{ inc(ns, 5) }}{{ ns.n }}")
case("namespace-modified-in-include", "{% set ns = namespace(seen=[]) %}{% for a in agenda %}{% include 'item.txt.j2' %}{% endfor %}{{ ns.seen|length }} items: {{ ns.seen|join(',') }}", COUNCIL,
     files={"item.txt.j2": "{% set ns.seen = ns.seen + [a.number] %}"})
case("caller-with-kwargs", "{% macro each(xs) %}{% for x in xs %}{{ caller(item=x, n=loop.index) }}{% endfor %}{% endmacro %}{% call(item, n) each(['a', 'b']) %}{{ n }}={{ item }};{% endcall %}")
case("with-containing-macro", "{% with unit = '\u00a3000' %}{% macro show(v) %}{{ v }} {{ unit }}{% endmacro %}{{ show(5) }}{% endwith %}")
case("filter-block-containing-include-and-call", "{% macro b() %}[{{ caller() }}]{% endmacro %}{% filter upper %}{% include 'p.txt.j2' %} {% call b() %}inner{% endcall %}{% endfilter %}", files={"p.txt.j2": "part"})
case("set-block-containing-call", "{% macro b() %}<{{ caller() }}>{% endmacro %}{% set out %}{% call b() %}x{% endcall %}!{% endset %}{{ out }}{{ out }}")
case("include-template-that-extends", "A {% include 'page.txt.j2' %} Z", files={"page.txt.j2": "{% extends 'base.txt.j2' %}{% block b %}page{% endblock %}", "base.txt.j2": "(base {% block b %}{% endblock %})"})
case("for-nested-cycle-and-revindex", "{% for g in [[1, 2], [3, 4, 5]] %}{% for x in g if x != 4 %}{{ loop.cycle('a', 'b') }}{{ loop.revindex }}{% endfor %};{% endfor %}")
case("for-over-sorted-keys", "{% for k in d.keys()|sort %}{{ k }}={{ d[k] }} {% endfor %}", '{"d": {"b": 1, "a": 2, "C": 3}}')
case("set-inside-if-inside-for", "{% for x in [1, 2, 3] %}{% if x > 1 %}{% set label = 'big' %}{% else %}{% set label = 'small' %}{% endif %}{{ label }} {% endfor %}")
case("extends-middle-has-content-outside-blocks", "{% extends 'mid.txt.j2' %}{% block a %}C{% endblock %}", files={"mid.txt.j2": "{% extends 'base.txt.j2' %}MIDDLE TEXT{% block a %}M{% endblock %}", "base.txt.j2": "<{% block a %}B{% endblock %}>"})
case("block-scoping-top-level-set-in-same-template", "{% set v = 'top' %}{% block a %}[{{ v }}]{% endblock %}")
case("loop-variable-after-nested-loop", "{% for a in [1, 2] %}{% for b in [3] %}{% endfor %}{{ loop.index }}{{ a }} {% endfor %}")

category("errrun")
err("error-in-imported-template-top-level", "{% import 'm.txt.j2' as m %}{{ m.x }}", files={"m.txt.j2": "{% set x = 1 %}\n{{ 1 // 0 }}"})
err("error-in-filter-argument", "{{ 'abc'|truncate(nope) }}")
err("call-block-on-macro-without-caller", "{% macro m(a) %}{{ a }}{% endmacro %}\n{% call m(1) %}x{% endcall %}")
err("error-in-call-arguments", "{% macro m(a) %}{{ caller() }}{% endmacro %}\n{% call m(nope + 1) %}x{% endcall %}")
err("error-in-for-else-of-include", "{% include 'p.txt.j2' %}", files={"p.txt.j2": "{% for x in [] %}{% else %}\n{{ x.y }}{% endfor %}"})
err("string-percent-list-is-one-arg", "{{ '%s %s' % [1, 2] }}")
err("format-spec-d-on-float", "{{ '{:d}'.format(3.0) }}")
err("macro-too-many-args-in-imported", "{% from 'm.txt.j2' import f %}\n\n{{ f(1, 2, 3) }}", files={"m.txt.j2": "{% macro f(a, b) %}{% endmacro %}"})
err("html-undefined-in-attribute", "<a href=\"{{ link.url }}\">\n{{ link.text }}</a>", {"link": {"text": "x"}}, ext="html.j2")
err("undefined-in-include-inside-loop", "{% for m in members %}{% include 'row.txt.j2' %}{% endfor %}", COUNCIL, files={"row.txt.j2": "{{ m.name }}\n{{ m.email }}"})


# ================================================================ generators: Jinja2's map/select/reject/unique/batch/slice/items/reverse
# return one-shot iterators, not lists.  Templates can tell: truthiness, len(), reuse, last.
category("generator")
case("select-result-always-truthy", "{% if [2, 4]|select('odd') %}yes{% else %}no{% endif %} {% if [2, 4]|select('odd')|list %}yes{% else %}no{% endif %} {{ not xs|select('odd') }}", NUMS)
case("reverse-of-empty-list-truthy", "{% if []|reverse %}T{% else %}F{% endif %} {% if []|reverse|list %}T{% else %}F{% endif %}")
case("generator-exhausted-on-reuse", "{% set odd = xs|select('odd') %}[{{ odd|join(',') }}][{{ odd|join(',') }}] {% set l = xs|select('odd')|list %}[{{ l|join(',') }}][{{ l|join(',') }}]", NUMS)
case("generator-tests", "{{ xs|select('odd') is sequence }} {{ xs|select('odd') is iterable }} {{ xs|map('string') is string }} {{ xs|select('odd')|list is sequence }}", NUMS)
case("generator-first-min-reverse-ok", "{{ xs|select('odd')|first }} {{ xs|select('odd')|min }} {{ xs|select('odd')|reverse|list }} {{ xs|map('string')|sort|join }} {{ xs|unique|sum }}", NUMS)
case("loop-over-generator-length", "{% for m in members|selectattr('attended') %}{{ loop.index }}/{{ loop.length }}{{ '.' if loop.last else ', ' }}{% endfor %}", COUNCIL)
case("map-then-list-length", "{{ members|map(attribute='party')|unique|list|length }} parties, {{ members|selectattr('attended')|list|length }} present", COUNCIL)
err("length-of-select", "{{ members|selectattr('attended')|length }} present", COUNCIL)
err("count-of-map", "{{ xs|map('string')|count }}", NUMS)
err("length-of-unique", "{{ xs|unique|length }}", NUMS)
err("length-of-reverse", "{{ xs|reverse|length }}", NUMS)
err("length-of-batch", "{{ xs|batch(2)|length }}", NUMS)
err("length-of-items", "{{ committee|items|length }}", COUNCIL)
err("last-of-map", "{{ members|map(attribute='name')|last }}", COUNCIL)
err("subscript-of-select", "{{ (xs|select('odd'))[0] }}", NUMS)

# ================================================================ attribute lookup: obj.name tries Python attributes first
category("attrlookup")
ITEMS = {"agenda": {"items": ["Apologies", "Minutes"], "keys": "K", "title": "Cabinet agenda", "count": 2, "values": [1], "1": "one"}}
case("dict-key-shadowed-by-method", "{{ agenda['items'] }} {{ agenda.items is callable }} {{ agenda.get('items') }} {{ agenda['keys'] }} {{ agenda.title }} {{ agenda.count }}", ITEMS)
case("dict-int-vs-str-key", "{{ agenda[1] is defined }} {{ agenda['1'] }} {{ agenda.values is callable }}", ITEMS)
err("iterate-dict-method-not-key", "{% for i in agenda.items %}{{ i }}{% endfor %}", ITEMS)
err("length-of-dict-method", "{{ agenda.values|length }}", ITEMS)
case("attr-filter-only-attributes", "{{ ('x'|attr('upper')) is callable }} {{ (agenda|attr('title')) is defined }} {{ (agenda|attr('items')) is callable }}", ITEMS)
case("underscore-and-digit-names", "{{ _private }} {{ x1 }} {{ snake_case_name }}", {"_private": 1, "x1": 2, "snake_case_name": 3})
case("unary-chains", "{{ --3 }} {{ 1 - -1 }} {{ +-+1 }} {{ not not not 0 }} {{ - - n }}", {"n": 4})

# ================================================================ lexer corners
category("syntax")
case("nested-dict-closing-braces", "{{ {'a': {'b': 1}} }} {{ {'a': 1}}} {{ [{'x': [1]}][0].x }}")
case("strip-unicode-whitespace", "a\u00a0\u2003{{- 'b' -}}\u00a0c")
case("tag-delimiters-inside-strings-in-tags", "{% set s = '%}' ~ \"{{\" ~ '}}' ~ '{%' %}{{ s }} {% if '%}' in s %}ok{% endif %}")
case("comment-inside-for-and-if", "{% for x in [1, 2] %}{# per item #}{{ x }}{# {{ x }} #}{% endfor %}{% if true %}{# c #}!{% endif %}")
case("operators-without-spaces", "{{1+2*3}} {{'a'~'b'}} {{10//3}} {{2**3}} {{[1,2]|join('-')}} {{x.y}}", {"x": {"y": "Y"}})

# ================================================================ more filters on real-world strings
category("filter")
case("striptags-entities", "[{{ 'a&nbsp;b &pound;5 &hellip; &#39;x&#39; &amp;amp;'|striptags }}] [{{ '<p>Para&nbsp;one</p>\n\n<p>Para two</p>'|striptags }}]")
case("reverse-and-first-of-dict", "{{ d|reverse|list }} {{ d|first }} {{ d|last if false else d|list|last }}", '{"d": {"x": 1, "y": 2, "z": 3}}')
case("combining-characters", "{{ s|length }} {{ s|upper }} {{ s|reverse|length }} {{ s[0] }}", {"s": "w\u0302yn"})
case("unicode-case-special", "{{ 'ΟΔΟΣ'|lower }} {{ 'ﬁle'|upper }} {{ 'ǆemal'|title }} {{ 'ǆemal'.title() }} {{ 'İ'|lower|length }}")

category("json")
case("json-number-forms", "{{ a }} {{ b }} {{ c }} {{ d }} {{ e }} {{ f }}", '{"a": -0, "b": 1E+2, "c": 0.1e1, "d": 123e-2, "e": 1.0E-10, "f": 10E0}')
case("json-surrogate-pair", "{{ s }} {{ s|length }}", '{"s": "\\ud83c\\udfdb Neuadd"}')
case("json-duplicate-keys", "{{ d }} {% for k, v in d.items() %}{{ k }}={{ v }} {% endfor %}", '{"d": {"a": 1, "b": 2, "a": 3}}')


# ================================================================ number formatting sweeps (seeded, so the data is stable)
import random as _random
category("numsweep")
_rng = _random.Random(20260307)


def _floats(n, lo, hi):
    out = []
    for _ in range(n):
        e = _rng.randint(lo, hi)
        m = _rng.choice([_rng.random(), _rng.randint(1, 999) / 8, _rng.randint(1, 99999) / 100])
        out.append((-1 if _rng.random() < 0.3 else 1) * m * 10.0 ** e)
    return out


_FMT_ROW = ("{{ x }} | {{ x * 3 }} | {{ x / 7 }} | {{ x + 0.1 }} | {{ x|round(2) }} | {{ x|round(1, 'floor') }} | {{ x|round(0, 'ceil') }}"
            " | {{ '%.3f'|format(x) }} | {{ '%g'|format(x) }} | {{ '{:.2e}'.format(x) }} | {{ '{:,.2f}'.format(x) }} | {{ x|string|length }}")
for _i, (_lo, _hi) in enumerate([(-9, -3), (-3, 3), (3, 9), (9, 15), (-2, 6), (0, 4)], 1):
    case(f"float-sweep-{_i}", "{% for x in xs %}" + _FMT_ROW + " | {{ x|int if x|abs < 1e15 else 'big' }}\n{% endfor %}", {"xs": _floats(40, _lo, _hi)})
_ints = [_rng.randint(-10 ** _rng.randint(1, 12), 10 ** _rng.randint(1, 12)) for _ in range(60)]
_pairs = [[a, _rng.choice([-1, 1]) * _rng.randint(1, 997)] for a in _ints]
case("int-divmod-sweep", "{% for a, b in pairs %}{{ a }} {{ b }}: {{ a // b }} {{ a % b }} {{ a / b }} {{ a * b }} {{ -a // b }} {{ '%d|%5d|%-8d|%+d' % (a, b, b, a) }} {{ '{:,}'.format(a) }} {{ (a / b)|round(3) }}\n{% endfor %}", {"pairs": _pairs})
_halves = [k / 2 for k in range(-7, 8)] + [k / 1000 for k in range(1000, 1030, 5)] + [0.125, 0.375, 0.625, 0.875, 2.675, 1.005, 0.045, 1.115, 8.345, 1234.5678, 0.285, 1.4999999999999998]
case("round-halves-sweep", "{% for x in xs %}{{ x }}: {{ x|round }} {{ x|round(1) }} {{ x|round(2) }} {{ x|round(2, 'ceil') }} {{ x|round(2, 'floor') }} {{ '%.2f'|format(x) }} {{ '{:.1f}'.format(x) }}\n{% endfor %}", {"xs": _halves})
_money = [round(_rng.uniform(-50000, 250000), 2) for _ in range(40)]
case("money-like-sums", "{% for x in xs %}{{ '{:>14,.2f}'.format(x) }} {{ '%12.2f' % x }} {{ (x / 1000)|round(1) }}k\n{% endfor %}total {{ xs|sum }} / {{ '{:,.2f}'.format(xs|sum) }} / mean {{ (xs|sum / xs|length)|round(4) }} / max {{ xs|max }} / min {{ xs|min }}", {"xs": _money})
_pcts = [round(_rng.random(), _rng.randint(1, 5)) for _ in range(40)]
case("percent-like", "{% for p in ps %}{{ p }} {{ p * 100 }} {{ (p * 100)|round(1) }}% {{ '{:.1%}'.format(p) }} {{ '%.0f%%' % (p * 100) }}\n{% endfor %}", {"ps": _pcts})
case("float-from-computation-chain", "{% set ns = namespace(x=0.0) %}{% for i in range(1, 31) %}{% set ns.x = ns.x + 1 / i %}{{ ns.x }} {% endfor %}")

# ================================================================ string method sweeps over council phrases
category("strsweep")
_PHRASES = ["budget monitoring \u2013 month 9", "o'neill's report (draft)", "HOUSING & regeneration", "  leading and trailing  ",
            "cllr tom hughes-smith", "ŵyn a\u2019r defaid", "3rd-quarter review", "item 4(a): land at heol-y-ffynnon",
            "UPPER lower MiXeD", "x", "", "tab\tand\nnewline", "don't stop-believing", "e.g. i.e. etc.", "[bracketed] {braced} <angled>"]
case("title-capitalize-sweep", "{% for s in ss %}[{{ s|title }}] [{{ s.title() }}] [{{ s|capitalize }}] [{{ s.capitalize() }}]\n{% endfor %}", {"ss": _PHRASES})
case("case-and-strip-sweep", "{% for s in ss %}[{{ s|upper }}] [{{ s|lower }}] [{{ s|trim }}] [{{ s.strip('x ') }}] {{ s is lower }} {{ s is upper }}\n{% endfor %}", {"ss": _PHRASES})
case("split-count-sweep", "{% for s in ss %}{{ s.split() }} {{ s.split(' ') }} {{ s|wordcount }} {{ s.count('e') }} {{ s.find('e') }} {{ s|length }}\n{% endfor %}", {"ss": _PHRASES})
case("escape-and-urlencode-sweep", "{% for s in ss %}{{ s|e }} | {{ s|urlencode }} | {{ s|center(30) }}|\n{% endfor %}", {"ss": _PHRASES})
case("truncate-wordwrap-sweep", "{% for s in ss %}{{ s|truncate(12) }} | {{ s|truncate(12, true) }} | {{ s|wordwrap(8)|replace('\n', '/') }}\n{% endfor %}", {"ss": _PHRASES})
case("repr-sweep", "{{ ss }}", {"ss": _PHRASES})


# ================================================================ fourth pass
category("errsyntax")
_STRICT = "Unknown filter/test in an expression branch Jinja2 never evaluates: Jinja2 renders, Quorum must report it at load time (issue 2: 'stricter than Jinja2')."
case("unknown-filter-in-untaken-inline-if", "ok\n{{ 1|nosuch if false else 2 }}", deviation=("main.txt.j2", 2, _STRICT))
case("unknown-filter-in-short-circuit-and", "{{ false and 1|nosuch }}\n", deviation=("main.txt.j2", 1, _STRICT))
case("unknown-filter-in-set-inline-if", "\n\n{% set x = 1 if true else 2|nosuch %}{{ x }}", deviation=("main.txt.j2", 3, _STRICT))
case("unknown-test-in-untaken-for-loop-if", "{% for x in [1] %}{{ x }}\n{% if false %}{{ x is nosuch }}{% endif %}{% endfor %}", deviation=("main.txt.j2", 2, _STRICT))
err("unknown-test-in-inline-if-condition", "a\n{{ 2 if 1 is nosuch else 3 }}")

category("errrun")
err("deep-chain-block-include-macro", "{% extends 'base.txt.j2' %}{% block body %}\n{% include 'part.txt.j2' %}{% endblock %}",
    files={"base.txt.j2": "<{% block body %}{% endblock %}>", "part.txt.j2": "{% from 'lib.txt.j2' import cell %}\n{{ cell(none) }}",
           "lib.txt.j2": "{% macro cell(v) %}\n\n[{{ v.missing_attr ~ 1 }}]{% endmacro %}"})
err("error-in-caller-body-from-imported-macro", "{% import 'lib.txt.j2' as lib %}{% call lib.box() %}\n\n{{ 1 + 'x' }}{% endcall %}", files={"lib.txt.j2": "{% macro box() %}[{{ caller() }}]{% endmacro %}"})

category("extends")
case("conditional-extends", "{% if wide %}{% extends 'wide.txt.j2' %}{% else %}{% extends 'narrow.txt.j2' %}{% endif %}{% block b %}body{% endblock %}", {"wide": False},
     files={"wide.txt.j2": "WIDE[{% block b %}{% endblock %}]", "narrow.txt.j2": "NARROW[{% block b %}{% endblock %}]"})

category("filter")
case("max-min-ties-first-wins", "{{ (rows|max(attribute='v')).n }} {{ (rows|min(attribute='v')).n }} {{ rows|sort(attribute='v', reverse=true)|map(attribute='n')|join }} {{ rows|sort(attribute='v')|map(attribute='n')|join }}",
     {"rows": [{"v": 1, "n": "a"}, {"v": 2, "n": "b"}, {"v": 1, "n": "c"}, {"v": 2, "n": "d"}]})
case("groupby-int-float-equal", "{% for g in rows|groupby('v') %}{{ g.grouper }}:{{ g.list|map(attribute='n')|join }} {% endfor %}", {"rows": [{"v": 1, "n": "a"}, {"v": 1.0, "n": "b"}, {"v": 2, "n": "c"}]})
case("xmlattr-bool-and-list-values", "<input{{ {'checked': true, 'disabled': false, 'data-ids': [1, 2], 'value': 0}|xmlattr }}>", ext="html.j2")
case("replace-count-zero-and-abs-bool", "{{ 'aaa'|replace('a', 'b', 0) }} {{ true|abs }} {{ 'inf'|float }} {{ '-inf'|float }}")
case("tojson-sorts-keys-by-codepoint", "{{ d|tojson }}", '{"d": {"b": 1, "B": 2, "a": 3, "_": 4, "\u00e9": 5, "10": 6, "9": 7}}')

category("loop")
case("loop-passed-to-macro", "{% macro pos(l) %}{{ l.index }}/{{ l.length }}{{ '!' if l.last }}{% endmacro %}{% for x in 'abc' %}{{ pos(loop) }} {% endfor %}")
case("loop-index-divisibleby", "{% for m in members %}{{ m.ward }}{% if loop.index is divisibleby 2 %}\n{% else %}, {% endif %}{% endfor %}", COUNCIL)
case("loop-nested-first-last-table", "{% for row in [[1, 2, 3], [4, 5, 6]] %}{% if loop.first %}<table>{% endif %}<tr>{% for c in row %}<td{% if loop.last %} class=\"last\"{% endif %}>{{ c }}</td>{% endfor %}</tr>{% if loop.last %}</table>{% endif %}{% endfor %}", ext="html.j2")
category("filter")
case("round-ceil-small-negative-is-positive-zero", "{{ -0.5|round(0, 'ceil') }} {{ -0.04|round(1, 'ceil') }} {{ -0.0|round(0, 'ceil') }} {{ -0.0|round }} {{ -0.4|round(0, 'floor') }} {{ -0.001|round(2, 'ceil') }}")


# ================================================================ fifth pass: Markup through filters, lexer newlines, assignment errors
category("escape")
MK = {"b": "<b>", "long": "<b>long text here</b>", "para": "<p>one two three four five six</p>", "x": "<i>"}
case("markup-first-last-index", "{{ b|safe|first }} {{ b|safe|last }} {{ (b|safe)[0] }} {{ (b|safe)[1:] }} {{ b|safe|reverse }}", MK, ext="html.j2")
case("markup-truncate-title-center", "{{ long|safe|truncate(10) }} | {{ long|safe|title }} | [{{ b|safe|center(7) }}] | {{ long|safe|upper }}", MK, ext="html.j2")
case("markup-wordwrap-and-indent", "{{ para|safe|wordwrap(12) }}\n--\n{{ ('<b>x</b>\n<i>y</i>'|safe)|indent(2, true) }}", MK, ext="html.j2")
case("format-str-with-markup-arg", "{{ '%s<'|format(b|safe) }} {{ (b|safe)|format() }} {{ '{}<'.format(b|safe) }}", MK, ext="html.j2")
case("set-literal-vs-safe", "{% set p = '<b>' %}{% set q = '<b>'|safe %}{{ p }} {{ q }} {{ p ~ q }} {{ q ~ p }}", ext="html.j2")
case("concat-with-macro-output", "{% macro tag(t) %}<{{ t }}>{% endmacro %}{{ x ~ tag('p') }} {{ tag('p') ~ x }} {{ tag('p') + x }}", MK, ext="html.j2")
case("markup-in-string-methods", "{{ (b|safe).replace('b', 'i') }} {{ (b|safe).strip('<>') }} {{ ', '.join([b|safe, x]) }}", MK, ext="html.j2")

category("syntax")
case("cr-only-line-endings", "one\r{{ n }}\rthree\r", {"n": 2})
case("mixed-line-endings-in-data", "a\r\nb\rc\nd{{ '\r\n' }}e", {})
case("string-hex-escape", "{{ '\\x41\\x42' }} {{ 'caf\\xe9' }}")

category("scope")
case("for-unpack-string-keys", "{% for a, b in {'xy': 1, 'zw': 2} %}{{ a }}-{{ b }} {% endfor %}")
case("call-block-args-with-defaults", "{% macro each(xs) %}{% for x in xs %}{{ caller(x) }}{% endfor %}{% endmacro %}{% call(x, sep='; ') each([1, 2]) %}{{ x }}{{ sep }}{% endcall %}")

category("errrun")
err("set-attribute-on-dict", "{% set d = {} %}\n{% set d.x = 1 %}")
err("range-float-argument", "{{ range(2.5)|list }}")
err("uppercase-true-is-a-name", "{{ TRUE }}")
err("error-in-inline-for-filter-multiline", "{% for m in members\n   if m.nope %}{{ m }}{% endfor %}", COUNCIL)


# ================================================================ sixth pass: text pasted from Word (no-break spaces, curly quotes)
category("unicode")
WORD = {"t": "\u00a0Budget\u00a0monitoring \u2013 Month\u00a09\u2003", "q": "a\u2019r ŵyn\u2019s \u201cquoted\u201d"}
case("nbsp-split-trim", "{{ t.split() }} [{{ t|trim }}] [{{ t.strip() }}] {{ t|wordcount }} [{{ t|striptags }}]", WORD)
case("curly-quotes-words", "{{ q|wordcount }} {{ q|title }} {{ q.title() }} {{ q|capitalize }} {{ q.split('\u2019') }}", WORD)
case("nbsp-in-html-and-repr", "<td>{{ t }}</td> {{ [t] }}", WORD, ext="html.j2")
case("unicode-whitespace-is-space", "{{ '\u00a0' is string }} {{ '\u00a0x\u00a0'|length }} {{ ('\u00a0x\u00a0'|trim)|length }} {{ '\u2028'.strip()|length }} {{ 'a\u3000b'.split() }}")

category("literal")
case("dict-repr-mixed-keys", "{{ {1: 'a', 2.5: 'b', none: 'c', true: 'd', 'k': [1, (2, 3)]} }} {{ {1: 'x', 1.0: 'y'} }}")


# ================================================================ more realistic council papers (multi-file)
category("council")
PACK_MACROS = """{# Shared helpers for agenda packs #}
{%- macro status(i) -%}
  {%- if i.result is none -%}<span class="rag grey">Not reported</span>
  {%- else -%}
    {%- set good = (i.result >= i.target) if i.higher_is_better else (i.result <= i.target) -%}
    <span class="rag {{ 'green' if good else 'red' }}">{{ 'On target' if good else 'Off target' }}</span>
  {%- endif -%}
{%- endmacro -%}
{%- macro pct(v, dp=1) -%}{{ ('%.' ~ dp ~ 'f')|format(v * 100) }}%{%- endmacro -%}
{%- macro value(i) -%}
  {%- if i.result is none -%}&ndash;
  {%- elif i.unit == '%' -%}{{ pct(i.result) }}
  {%- else -%}{{ i.result }}
  {%- endif -%}
{%- endmacro -%}
{%- macro member_list(ms, with_party=true) -%}
  {%- for m in ms -%}
    {{ m.name }}{% if with_party %} ({{ m.party }}){% endif %}{{ ', ' if not loop.last }}
  {%- endfor -%}
{%- endmacro -%}
"""
PACK_BASE = """<!DOCTYPE html>
<html lang="{{ lang|default('en-GB') }}">
<head><meta charset="utf-8"><title>{% block title %}{{ committee.name }} \u2013 {{ committee.date }}{% endblock %}</title></head>
<body class="{% block body_class %}pack{% endblock %}">
{% block cover %}
<section class="cover">
  <h1>{{ council }}</h1>
  <h2>{{ committee.name }}</h2>
  <p>{{ committee.date }} {{ committee.time }} \u00b7 {{ committee.venue }}</p>
</section>
{% endblock %}
{% block content %}{% endblock %}
{% include 'partials/colophon.html.j2' %}
</body>
</html>
"""
COLOPHON = """<footer class="colophon">
  {%- set clerk = contact|default({'name': 'Democratic Services', 'email': 'democracy@example.gov.uk'}) %}
  Contact: {{ clerk.name }} &lt;{{ clerk.email }}&gt;
</footer>"""
case("agenda-pack-full", """{% extends 'pack_base.html.j2' %}
{% import 'pack_macros.html.j2' as pm %}
{% block body_class %}{{ super() }} cabinet{% endblock %}
{% block content %}
<section class="membership">
  <h3>Membership</h3>
  <p><strong>Chair:</strong> {{ pm.member_list(members|selectattr('role', 'equalto', 'Chair')) }}</p>
  <p><strong>Members:</strong> {{ pm.member_list(members|rejectattr('role', 'equalto', 'Chair')|sort(attribute='name'), with_party=false) }}</p>
</section>
<section class="agenda">
  <h3>Agenda</h3>
  <table>
  {%- for item in agenda %}
    <tr{% if item.exempt %} class="exempt"{% endif %}>
      <td class="num">{{ item.number }}.</td>
      <td>{{ item.title }}{% if item.exempt %} <em>(exempt \u2013 paragraph 14)</em>{% endif %}</td>
      <td>{{ item.papers|length }} paper{{ 's' if item.papers|length != 1 }}</td>
    </tr>
  {%- else %}
    <tr><td colspan="3">No business.</td></tr>
  {%- endfor %}
  </table>
</section>
<section class="performance">
  <h3>Performance</h3>
  <ul>
  {%- for i in indicators %}
    <li id="{{ i.code|lower }}">{{ i.code }} {{ i.title }}: {{ pm.value(i) }} (target {{ pm.pct(i.target) if i.unit == '%' else i.target }}) {{ pm.status(i) }}</li>
  {%- endfor %}
  </ul>
</section>
{% endblock %}
""", dict(COUNCIL, contact={"name": "Siân Evans", "email": "sian.evans@example.gov.uk"}), ext="html.j2",
     files={"pack_base.html.j2": PACK_BASE, "pack_macros.html.j2": PACK_MACROS, "partials/colophon.html.j2": COLOPHON})
case("agenda-pack-welsh-default-contact", "{% extends 'pack_base.html.j2' %}{% block title %}Pwyllgor {{ committee.name }}{% endblock %}{% block cover %}{% endblock %}{% block content %}<p>Dim busnes.</p>{% endblock %}",
     dict(COUNCIL, lang="cy"), ext="html.j2", files={"pack_base.html.j2": PACK_BASE, "partials/colophon.html.j2": COLOPHON})
case("minutes-plain-text", """{%- set present = members|selectattr('attended')|list -%}
{%- set absent = members|rejectattr('attended')|list -%}
{{ committee.name|upper }}
{{ '=' * committee.name|length }}

Minutes of the meeting held at {{ committee.venue }} on {{ committee.date }}.

Present:   {{ present|map(attribute='name')|join(', ')|wordwrap(60)|indent(11) }}
Apologies: {{ absent|map(attribute='name')|join(', ') if absent else 'none' }}

{% for item in agenda -%}
{{ item.number }}. {{ item.title|upper }}
{% if item.exempt -%}
   RESOLVED: that under section 100A(4) of the Local Government Act 1972 the public be excluded.
{% elif decisions[item.number|string] is defined -%}
   {{ decisions[item.number|string]|wordwrap(72)|indent(3) }}
{% else -%}
   Noted.
{% endif %}
{% endfor -%}
Signed ........................ (Chair)      Dated ................""",
     dict(COUNCIL, decisions={"2": "Cllr Tom Hughes-Smith declared a personal and prejudicial interest in item 5 and left the room for its consideration.", "4": "RESOLVED: that the forecast overspend of \u00a31.708m at Month 9 be noted, and that directors bring forward recovery plans to the next meeting of the Cabinet."}))
case("budget-xhtml-appendix", """<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml">
<body>
<table>
<caption>Appendix A \u2013 revenue budget monitoring (\u00a3000)</caption>
{%- for directorate, lines in budget|groupby('directorate') %}
{%- set dt = namespace(budget=0, actual=0) %}
<tbody>
<tr><th colspan="4">{{ directorate }}</th></tr>
{%- for b in lines|sort(attribute='service') %}
{%- set dt.budget = dt.budget + b.budget %}{% set dt.actual = dt.actual + b.actual %}
<tr><td>{{ b.service }}</td><td>{{ '{:,}'.format(b.budget) }}</td><td>{{ '{:,}'.format(b.actual) }}</td><td class="{{ 'adverse' if b.actual > b.budget else 'favourable' }}">{{ '{:+,}'.format(b.actual - b.budget) }}</td></tr>
{%- endfor %}
<tr class="subtotal"><td>Total {{ directorate }}</td><td>{{ '{:,}'.format(dt.budget) }}</td><td>{{ '{:,}'.format(dt.actual) }}</td><td>{{ '{:+,}'.format(dt.actual - dt.budget) }}</td></tr>
</tbody>
{%- endfor %}
</table>
</body>
</html>""", COUNCIL, ext="xhtml.j2")
case("indicator-json-export-txt", """{
  "committee": {{ committee.name|tojson }},
  "generated_for": {{ committee.date|tojson }},
  "indicators": [
{%- for i in indicators %}
    {"code": {{ i.code|tojson }}, "title": {{ i.title|tojson }}, "target": {{ i.target|tojson }}, "result": {{ i.result|tojson }}, "met": {{ (i.result is not none and ((i.higher_is_better and i.result >= i.target) or (not i.higher_is_better and i.result <= i.target)))|tojson }}}{{ ',' if not loop.last }}
{%- endfor %}
  ]
}""", COUNCIL)

category("include")
err("include-dotdot-even-inside-root", "{% include 'partials/../other.txt.j2' %}", files={"other.txt.j2": "other", "partials/p.txt.j2": "p"})
case("include-dot-slash-and-double-slash", "{% include './other.txt.j2' %} {% include 'partials//p.txt.j2' %}", files={"other.txt.j2": "other", "partials/p.txt.j2": "p"})

category("json")
case("data-keys-shadow-globals", "{{ range }} | {{ dict }} | {{ namespace }} | {{ loop }}", {"range": "2024/25 to 2026/27", "dict": {"cy": "geiriadur"}, "namespace": "urn:council", "loop": 5})
err("data-key-shadowing-range-not-callable", "{% for i in range(3) %}{{ i }}{% endfor %}", {"range": [1, 2]})
case("data-keys-not-identifiers", "{{ d['first-name'] }} {{ d['2026'] }} {{ d['with space'] }} {{ d[''] }}", {"d": {"first-name": "Siân", "2026": "year", "with space": "s", "": "empty key"}})

category("errrun")
err("error-in-subfolder-template-names-path", "{% include 'partials/row.txt.j2' %}", files={"partials/row.txt.j2": "ok\n{{ nope }}"})
err("syntax-error-in-subfolder-template", "{% include 'partials/row.txt.j2' %}", files={"partials/row.txt.j2": "\n{% endif %}"})

category("include")
case("untaken-branch-templates-not-loaded", "{% if false %}{% include 'missing.txt.j2' %}{% import 'gone.txt.j2' as g %}{% extends 'nobase.txt.j2' %}{% endif %}ok {% if false %}{% include 'bad.txt.j2' %}{% endif %}", files={"bad.txt.j2": "{% if %}"})

category("errrun")
err("filter-unknown-keyword", "{{ 'abc'|truncate(lenght=3) }}")
err("filter-too-many-args", "a\n{{ 'abc'|upper(1) }}")
err("test-too-many-args", "{{ 3 is divisibleby(3, 4) }}")
err("global-bad-args", "{{ range(1, 2, 3, 4) }}")
err("method-bad-args", "{{ 'a,b'.split(',', 1, 2) }}")


# ================================================================ error lines in multi-line constructs (long tags are split over lines in real templates)
category("errrun")
_ML = {"x": "abc", "d": {"k": 1}}
err("ml-set-list", "{% set x = [\n  1,\n  nope + 1] %}", _ML)
err("ml-macro-call-args", "{% macro m(a, b) %}{{ a }}{{ b }}{% endmacro %}{{ m(\n  1,\n  nope) }}", _ML)
err("ml-include-name", "{% include\n   nope %}", _ML)
err("ml-with-assignments", "{% with a = 1,\n        b = nope %}{{ b }}{% endwith %}", _ML)
err("ml-elif", "{% if false %}\n{% elif\n  nope %}x{% endif %}", _ML)
err("ml-subscript", "{{ [\n  1,\n  2][nope] }}", _ML)
err("ml-namespace-set", "{% set ns = namespace(v=0) %}\n{% set ns.v =\n   nope + 1 %}", _ML)
err("ml-filter-args", "{{ x|replace(\n  'a',\n  nope) }}", _ML)
err("ml-call-block-args", "{% macro m(a) %}{{ caller() }}{% endmacro %}{% call m(\n  nope.y) %}x{% endcall %}", _ML)
err("ml-for-unpack-iterable", "{% for a, b in\n    d.nope %}{% endfor %}", _ML)
err("ml-print-dict-literal", "{{ {\n  'a': 1,\n  'b': nope ~ ''\n} }}", _ML)
err("ml-inline-if", "{{ 'yes'\n   if nope\n   else 'no' }}", _ML)
err("ml-arith-second-line-operand", "{{ 1 +\n  nope }}", _ML)
err("ml-filter-chain-undefined-filter-input", "{{ d.nope\n  |upper\n  |trim }}", _ML)
err("ml-division-by-zero-third-line", "{{ (1 +\n 2) /\n 0 }}", _ML)
err("ml-comparison", "{% if d.k ==\n   1 and d.z >\n   2 %}x{% endif %}", _ML)
err("ml-test-argument", "{{ 4 is divisibleby(\n nope) }}", _ML)
err("ml-method-call-args", "{{ x.replace(\n 'a',\n nope) }}", _ML)
err("ml-output-second-expression", "{{ x }} and {{\n  nope }}", _ML)
err("ml-for-body-after-multiline-header", "{% for c in\n   x %}\n{{ c ~ nope }}{% endfor %}", _ML)


# ================================================================ scale and depth
category("council")
_rng2 = _random.Random(1972)
_SERV = ["Adult Social Care", "Children\u2019s Services", "Highways & Transport", "Waste", "Libraries", "Leisure", "Planning", "Housing", "Corporate", "Pr\u0175s Fund"]
_rows = [{"code": f"K{n:04d}", "service": _SERV[n % len(_SERV)], "target": _rng2.choice([_rng2.randint(0, 500), round(_rng2.random(), 3)]),
          "result": _rng2.choice([None, _rng2.randint(0, 500), round(_rng2.random(), 3)]), "higher": _rng2.random() < 0.6} for n in range(1500)]
case("scale-1500-indicator-rows", """{%- for service, rows in indicators|groupby('service') %}
<h2>{{ service }} ({{ rows|length }})</h2>
<table>
{%- for r in rows|sort(attribute='code') %}
<tr class="{{ loop.cycle('o', 'e') }}"><td>{{ r.code }}</td><td>{{ r.target }}</td><td>{{ r.result if r.result is not none else '&ndash;'|safe }}</td><td>
{%- if r.result is none %}grey{% elif (r.result >= r.target) == r.higher %}green{% else %}red{% endif %}</td></tr>
{%- endfor %}
</table>
{%- endfor %}
<p>{{ indicators|selectattr('result', 'none')|list|length }} not reported of {{ indicators|length }}.</p>""",
     json.dumps({"indicators": _rows}, ensure_ascii=False, separators=(",", ":")), ext="html.j2")

category("include")
case("include-depth-ten", "{% include 'l1.txt.j2' %}", {"n": 0},
     files={f"l{i}.txt.j2": (f"{i}{{% include 'l{i + 1}.txt.j2' %}}{i}" if i < 10 else "[10]") for i in range(1, 11)})
category("extends")
case("extends-depth-six", "{% extends 'e5.txt.j2' %}{% block b %}6>{{ super() }}{% endblock %}",
     files={**{f"e{i}.txt.j2": (f"{{% extends 'e{i - 1}.txt.j2' %}}{{% block b %}}{i}>{{{{ super() }}}}{{% endblock %}}" if i > 1 else "<{% block b %}1{% endblock %}>") for i in range(1, 6)}})
category("macro")
case("macro-recursion-depth-60", "{% macro down(n) %}{% if n > 0 %}{{ n % 10 }}{{ down(n - 1) }}{% else %}!{% endif %}{% endmacro %}{{ down(60) }}")
category("ws")
case("html-page-all-dashes", """<ul>
{%- for a in agenda -%}
  {%- if not a.exempt %}
  <li>
    {{- a.number -}}. {{ a.title -}}
    {%- for p in a.papers -%}
      {%- if loop.first %} ({% endif -%}
      {{- p -}}
      {%- if not loop.last %}, {% else %}){% endif -%}
    {%- endfor -%}
  </li>
  {%- endif -%}
{%- endfor %}
</ul>""", COUNCIL, ext="html.j2")


# ================================================================ namespace assignment forms
category("global")
case("namespace-block-set-attr", "{% set ns = namespace(a=1) %}{% set ns.a %}block {{ 2 * 3 }}{% endset %}{{ ns.a }}")
category("errrun")
err("namespace-assign-to-undefined", "x\n{% set nope.x = 1 %}")
err("namespace-assign-to-int", "{% set x = 5 %}\n\n{% set x.y = 1 %}")
category("errsyntax")
err("namespace-attr-twice", "{% set ns = namespace() %}\n{% set ns.a.b = 1 %}")
err("namespace-as-for-target", "{% set ns = namespace() %}{% for ns.x in [1] %}{% endfor %}")
err("namespace-as-with-target", "{% set ns = namespace() %}\n{% with ns.x = 1 %}{% endwith %}")
err("namespace-in-tuple-target", "{% set ns = namespace(a=1) %}{% set ns.a, b = 1, 2 %}")


# ================================================================ one-shot generators, consumed
category("generator")
G = {"xs": [3, 1, 4, 1, 5], "d": {"a": 1, "b": 2}}
case("first-consumes-one", "{% set g = xs|map('string') %}{{ g|first }}{{ g|first }}{{ g|list }}", G)
case("for-exhausts", "{% set g = xs|select('odd') %}{% for x in g %}{{ x }}{% endfor %}|{{ g|list }}", G)
case("in-consumes-up-to-match", "{% set g = xs|select('odd') %}{{ 1 in g }}{{ g|list }} {% set h = xs|select('odd') %}{{ 5 in h }}{{ h|list }}", G)
case("items-reused-is-empty", "{% set it = d|items %}{% for k, v in it %}{{ k }}{% endfor %}|{% for k, v in it %}{{ k }}{% endfor %}|{% set l = d|items|list %}{% for k, v in l %}{{ k }}{% endfor %}{% for k, v in l %}{{ k }}{% endfor %}", G)
case("nested-loops-share-generator", "{% set g = xs|select('odd') %}{% for a in g %}{{ a }}:{% for b in g %}{{ b }}{% endfor %};{% endfor %}", G)
case("reverse-iterator-vs-string", "{% set r = xs|reverse %}{{ r|list }}{{ r|list }} {% set s = 'abc'|reverse %}{{ s }}{{ s }}", G)
case("macro-joins-generator-twice", "{% macro twice(g) %}{{ g|join }}/{{ g|join }}{% endmacro %}{{ twice(xs|unique) }} {{ twice(xs|unique|list) }}", G)
case("batch-first-twice", "{% set b = xs|batch(2) %}{{ b|first }}{{ b|first }}{{ b|list }}", G)
case("sum-twice-and-sort-twice", "{% set g = xs|map('int') %}{{ g|sum }} {{ g|sum }} {% set s = xs|select %}{{ s|sort }}{{ s|sort }}", G)
err("max-then-min-empty", "{% set g = xs|map('int') %}{{ g|max }}\n{{ g|min }}", G)
err("tojson-of-generator", "{{ xs|select('odd')|tojson }}", G)


# ================================================================ Markup (html) through str methods and more filters
category("escape")
M2 = {"m": "<b>x & y</b>", "t": "<b>%s</b>", "f": "<i>{}</i>", "lt": "<"}
case("markup-methods-keep-safety", "{% set s = m|safe %}{{ s.lower() }} {{ s.upper() }} {{ s.strip('<>') }} {{ s.replace('x', lt) }} {{ s.capitalize() }} {{ s.title() }}", M2, ext="html.j2")
case("markup-format-and-percent-escape-args", "{{ (f|safe).format(lt) }} {{ (t|safe) % lt }} {{ (t|safe)|format(lt) }} {{ t % lt }}", M2, ext="html.j2")
case("markup-join-method-escapes-items", "{{ (', '|safe).join([lt, m|safe, 'ok']) }} {{ ', '.join([lt, 'ok']) }}", M2, ext="html.j2")
case("markup-more-filters", "{{ m|safe|lower }} | {{ m|safe|capitalize }} | {{ m|safe|default('d') }} | {{ m|safe|list|join }} | {{ m|safe|urlencode }} | {{ m|safe|wordcount }} | {{ (m|safe)|string|upper }}", M2, ext="html.j2")
case("markup-startswith-count-find", "{{ (m|safe).startswith('<b>') }} {{ (m|safe).count('<') }} {{ (m|safe).find('&') }} {{ m|safe|length }}", M2, ext="html.j2")


# ================================================================ filter odds and ends, and their errors
category("filter")
case("tojson-empty-containers-indent", "{{ {'a': [], 'b': {}, 'c': [1]}|tojson(indent=2) }}")
case("tojson-non-finite", "{{ [1e308 * 10, -1e308 * 10]|tojson }}")
case("sum-lists-and-join-dict", "{{ [[1], [2, 3]]|sum(start=[]) }} {{ {'b': 1, 'a': 2}|join('+') }} {{ {'b': 1, 'a': 2}|unique|list }} {{ {'b': 1, 'a': 2}|min }}")
case("batch-map-join", "{{ xs|batch(3)|map('join', ',')|join(' / ') }}", NUMS)
err("selectattr-on-ints", "{{ [1, 2]|selectattr('x')|list }}")
err("groupby-missing-attribute", "{% for g in members|groupby('nope') %}{{ g.grouper }}{% endfor %}", COUNCIL)
err("items-of-list", "{{ [1, 2]|items|list }}")
err("xmlattr-of-list", "{{ [1]|xmlattr }}")
err("round-bad-method", "{{ 2.5|round(0, 'up') }}")
err("truncate-length-below-end", "{{ 'abcdef'|truncate(2) }}")
err("wordwrap-zero-width", "{{ 'a b c'|wordwrap(0) }}")
err("dictsort-mixed-value-types", "{{ {'a': 1, 'b': 'x'}|dictsort(by='value') }}")


# ================================================================ every single-file error case again, two lines further down
# (an engine that defaults an error's position to line 1 would pass the originals)
category("errshift")
for _c in [c for c in CASES if c["error"] and not c["files"] and c["cat"] in ("errsyntax", "errrun", "generator", "attrlookup", "json")]:
    err(_c["name"] + "-at-line-3", "Shifted down\nby two lines:\n" + _c["main"], _c["data"], _c["ext"])


# ================================================================ added after the errshift copies (numbers above stay put)
# Python's unbounded ints: 64-bit overflow promotes, exact results, float conversions.
category("bigint")
case("arithmetic", "{{ 2 ** 100 }} {{ (2 ** 100) // 3 }} {{ (2 ** 100) % 7 }} {{ -(2 ** 70) // 3 }} {{ -(2 ** 70) % 3 }} "
     "{{ (2 ** 64) - (2 ** 64) + 5 }} {{ 9223372036854775807 * 9223372036854775807 }} {{ -(-9223372036854775807 - 1) }}")
case("division-and-floats", "{{ (10 ** 20) / 3 }} {{ 2 ** 64 / 2 ** 60 }} {{ (2 ** 64) + 0.5 }} {{ 9007199254740993 / 1 }} "
     "{{ 2 ** 64 == 18446744073709551616.0 }} {{ 2 ** 64 + 1 > 18446744073709551616.0 }} {{ 2 ** 64 + 1 == 18446744073709551616.0 }} {{ (2 ** 70) ** -1 }}")
case("filters-and-tests", "{{ (2 ** 70)|abs }} {{ (-(2 ** 70))|abs }} {{ '123456789012345678901234567890'|int }} {{ 1e20|int }} "
     "{{ (2 ** 70)|float }} {{ (2 ** 70) is integer }} {{ (2 ** 70) is number }} {{ (2 ** 70) is odd }} {{ (2 ** 70 + 1) is odd }} "
     "{{ (2 ** 70)|string|length }} {{ 12345678901234567890125|round(-1) }} {{ 12345678901234567890135|round(-1) }} {{ 2 ** 70 is divisibleby(1024) }}")
case("formatting", "{{ '%d|%x|%o|%25d' % (2 ** 70, 2 ** 70, 2 ** 70, 2 ** 64) }} {{ '{:,}'.format(2 ** 70) }} {{ '{:x}'.format(-(2 ** 70)) }} "
     "{{ '%d' % 1e20 }} {{ [2 ** 64, -(2 ** 64)]|tojson }} {{ [2 ** 64]|sum + 1 }} {{ [2 ** 64, 3]|max }} {{ [2 ** 64, 1, 2 ** 63]|sort }}")
err("float-overflow", "{{ 2 ** 2000 + 0.5 }}")
err("true-division-overflow", "{{ 2 ** 2000 / 3 }}")
category("json")
case("big-integers-from-data", "{{ a }} {{ b }} {{ c }} {{ a + b }} {{ c - 1 }} {{ a is integer }} {{ [a, c]|max }}",
     '{"a": 123456789012345678901234567890, "b": -99999999999999999999, "c": 9223372036854775808}')
case("reals-beyond-double-range", "{{ big }} {{ neg }} {{ tiny }} {{ big > 10 ** 300 }} {{ [big, neg]|tojson }}",
     '{"big": 1e400, "neg": -1e400, "tiny": 1e-400}')

# Generators are lazy: items are made when a loop (or loop.last, length) asks for them.
category("generator")
G2 = {"xs": [3, 1, 4, 1, 5]}
case("loop-last-peeks-shared-generator", "{% set g = xs|select('odd') %}{% for a in g %}{{ a }}{{ loop.last }}:{% for b in g %}{{ b }}{% endfor %};{% endfor %}", G2)
case("loop-length-reads-the-rest", "{% set g = xs|map('string') %}{% for a in g %}{{ a }}/{{ loop.length }}[{% for b in g %}{{ b }}{% endfor %}];{% endfor %}", G2)
case("loop-nextitem-of-generator", "{% for a in xs|reject('odd') %}{{ a }}>{{ loop.nextitem is defined }}{% endfor %} {% for a in xs|unique %}{{ loop.previtem|default('-') }}{{ a }}{{ loop.revindex }} {% endfor %}", G2)
case("unused-generator-of-undefined", "{% set g = nope|map('upper') %}{% set h = nope|select %}{% set u = nope|unique %}{% set b = nope|batch(2) %}ok")
case("batch-pulls-what-it-needs", "{% set g = xs|select('odd') %}{% set b = g|batch(2) %}{{ b|first }}{{ g|list }}", G2)
case("chained-generators-share-input", "{% set g = xs|select('odd') %}{% set h = g|map('string') %}{% for a in h %}{{ a }}({{ g|first }}){% endfor %}", G2)
err("error-only-when-iterated", "{% set g = xs|map('nofilter') %}ok\n{{ g|list }}", G2)
err("filtered-loop-body-error-first", "{% for x in [1, 0] if 1 / x %}\n{{ x.nope.deeper }}{% endfor %}")

# dict.items() / keys() / values() are Python's views.
category("dictview")
D2 = {"d": {"a": 1, "b": 2}}
case("views-printed", "{{ d.items() }} {{ d.keys() }} {{ d.values() }} {{ {}.items() }} {{ d.items() ~ '' }} {{ d.items()|string }} {{ [d.keys()] }}", D2)
case("views-behave-as-python", "{{ d.items() is sequence }} {{ d.keys() is iterable }} {{ d.items()|length }} {{ d.items()|list }} {{ d.items()|first }} "
     "{{ d.items()|last }} {{ ('a', 1) in d.items() }} {{ d.keys() == d.keys() }} {{ d.values() == d.values() }} {{ d.keys() == ['a', 'b'] }} "
     "{{ d.items()[0] is defined }} {% for k, v in d.items() %}{{ k }}={{ v }};{% endfor %}{{ d.values()|sum }} {{ d.keys()|join(',') }}", D2)
err("view-tojson", "{{ d.items()|tojson }}", D2)
err("view-slice", "{{ d.items()[0:1] }}", D2)
err("view-plus-list", "{{ d.items() + [1] }}", D2)

# A macro's attributes (jinja2.runtime.Macro).
category("macro")
case("exposes-attributes", "{% macro m(a, b=2) %}{{ caller() if caller }}{{ varargs }}{{ kwargs }}{% endmacro %}"
     "{{ m.name }}|{{ m.arguments }}|{{ m.catch_kwargs }}|{{ m.catch_varargs }}|{{ m.caller }}|{{ m.explicit_caller }}")
case("attributes-of-plain-macro", "{% macro m(a) %}{{ a }}{% endmacro %}{% macro n() %}{% endmacro %}{{ m.name }}|{{ m.arguments }}|{{ n.arguments }}|"
     "{{ m.catch_kwargs }}|{{ m.catch_varargs }}|{{ m.caller }}|{{ m }}")
case("caller-attributes", "{% macro outer() %}{{ caller.name }}|{{ caller.arguments }}|{{ caller.caller }}|{{ caller }}{% endmacro %}"
     "{% call(x, y=1) outer() %}{% endcall %}")
case("imported-macro-attributes", "{% import 'lib.j2' as lib %}{{ lib.row.name }} {{ lib.row.arguments }} {{ lib.row.catch_varargs }}",
     files={"lib.j2": "{% macro row(label, value='') %}{{ label }}{{ varargs }}{% endmacro %}"})
err("unknown-attribute-of-macro", "{% macro m() %}{% endmacro %}\n{{ m.nope }}")
err("caller-too-many-arguments", "{% macro outer() %}\n{{ caller(1, 2) }}{% endmacro %}{% call(a) outer() %}{% endcall %}")


# int(s, base) with '_' separators and prefixes, big results.
category("bigint")
case("int-filter-underscores-and-bases", ("{{ '1_000_000_000_000_000_000_000'|int }} "
     "{{ '-ffff_ffff_ffff_ffff_ff'|int(base=16) }} "
     "{{ '0x_ffff_ffff_ffff_ffff'|int(base=0) }} "
     "{{ '0b1_0000000000000000000000000000000000000000000000000000000000000000'|int(base=0) }} "
     "{{ '1__000000000000000000000'|int(-1) }} "
     "{{ '9_223_372_036_854_775_808'|int }} "
     "{{ '-9_223_372_036_854_775_808'|int }}"))

# Seven differences from Jinja2 found in review: str.format zero padding with grouping, the
# operator-module tests' argument errors, wordwrap's leading whitespace, the final sigma and
# 'İ' in lower/title/capitalize and case-insensitive keys, repr of unassigned code points.
category("method")
case("format-zero-padding-with-grouping",
     "{{ '{:08,.2f}'.format(3.5) }} {{ '{:010,}'.format(1234) }} {{ '{:010_}'.format(1234) }} {{ '{:08,}'.format(1) }} "
     "{{ '{:06,}'.format(1234) }} {{ '{:07,}'.format(1234) }} {{ '{:0=10,}'.format(-1234) }} {{ '{:015,}'.format(-1234.5678) }} "
     "{{ '{:011,.1%}'.format(12.34) }} {{ '{:08,g}'.format(1e20) }} {{ '{:+08,.1e}'.format(1234.0) }} {{ '{:010,d}'.format(true) }} "
     "{{ '{:030,}'.format(2 ** 70) }} {{ '{:05,}'.format(123456) }}")
case("format-zero-flag-with-alignment-or-fill",
     "{{ '{:x=10,}'.format(1234) }} {{ '{:^09,}'.format(1234) }} {{ '{:<08}'.format(1) }} {{ '{:05}'.format('ab') }} "
     "{{ '{:>05}'.format('ab') }} {{ '{:x<08}'.format(1) }} {{ '{:=08}'.format(-1) }} {{ '{:0<5}'.format('ab') }}")
case("format-underscore-groups-of-four-in-bases",
     "{{ '{:_x}'.format(11259375) }} {{ '{:010_b}'.format(5) }} {{ '{:#010_x}'.format(255) }} {{ '{:+010_x}'.format(-255) }} "
     "{{ '{:#_b}'.format(65) }} {{ '{:_o}'.format(4095) }} {{ '{:_X}'.format(2 ** 70) }} {{ '{:_d}'.format(123456) }} {{ '{:_}'.format(12345.5) }}")
category("errrun")
err("format-comma-with-hex", "{{ '{:,x}'.format(255) }}")
err("format-comma-with-char", "{{ '{:,c}'.format(65) }}")
err("format-underscore-with-str", "{{ '{:_}'.format('ab') }}")
err("format-comma-and-underscore", "{{ '{:,_}'.format(1) }}")
err("format-underscore-and-comma", "{{ '{:_,}'.format(1) }}")
err("format-equals-alignment-with-zero-for-str", "{{ '{:0=5}'.format('ab') }}")
err("select-operator-test-keyword-argument", "{{ [1, 2, 5]|select('lessthan', b=3)|list }}")
err("operator-test-keyword-argument", "{{ 1 is lessthan(b=3) }}")
err("reject-operator-test-extra-keyword", "{{ [1]|reject('==', 1, x=2)|list }}")
err("select-equalto-missing-argument", "{{ [1, 2]|select('equalto')|list }}")
err("operator-test-missing-argument", "{{ 1 is ge }}")
err("select-eq-too-many-arguments", "{{ [1]|select('==', 1, 2)|list }}")
category("test")
case("operator-test-bad-arguments-never-called", "{{ []|select('eq', a=1)|list }} {{ []|reject('ge')|list }} {{ [3]|select('lt', 5)|list }}")
category("filter")
case("wordwrap-leading-whitespace",
     "[{{ ' abc'|wordwrap(1) }}] [{{ '  abc'|wordwrap(2) }}] [{{ '  ab cd'|wordwrap(2) }}] [{{ '\\tabc d'|wordwrap(1) }}] "
     "[{{ ' a-b'|wordwrap(1, wrapstring='/') }}] [{{ '   \u00e9t\u00e9'|wordwrap(3, wrapstring='/') }}] [{{ ' abc'|wordwrap(1, false) }}]")
category("unicode")
SIGMA_WORDS = {"words": ["\u0391\u03a3", "\u03b1\u03c3\u03b1", "\u03b1\u03c2", "\u0391\u03a3'\u0391", "\u0391'\u03a3",
                         "\u03b1\u03c3", "\u039f\u0394\u039f\u03a3.", "\u03bf\u03b4\u03bf\u03c3", "\u0391\u03a3\u0301"]}
case("final-sigma-in-case-insensitive-keys",
     "{{ words|sort }}\n{{ words|sort(reverse=true) }}\n{{ words|unique|list }}\n{{ words|min }} {{ words|max }}\n"
     "{% for g in words|map('lower')|groupby('0') %}{{ g.grouper }}{{ g.list|length }} {% endfor %}\n"
     "{{ words|map('lower')|join(' ') }}\n{{ words|sort(case_sensitive=true) }}", SIGMA_WORDS)
case("final-sigma-in-lower-title-capitalize",
     "{{ s|lower }}|{{ s.lower() }}|{{ s.title() }}|{{ s|title }}|{{ s|capitalize }}|{{ s.capitalize() }}|{{ '\u0391\u03a3'|capitalize }}",
     {"s": "\u0391\u03a3'\u0391 \u0391'\u03a3 \u039f\u0394\u039f\u03a3. \u03a3\u0391\u03a3 \u0391\u03a3 \u03a3 \u0391\u03a3\u0301 \u0391\u03a3\u0391 \u03a9\u02b0\u03a3 \u02b0\u03a3"})
case("dotted-capital-i-in-title-capitalize",
     "{{ s|title }}|{{ s.title() }}|{{ s|capitalize }}|{{ s.capitalize() }}|{{ s|lower }}|{{ s|length }} {{ s|lower|length }} {{ s|title|length }}",
     {"s": "\u0130stanbul a\u0130 x\u0130y d\u0130\u015e-x \u0130\u0130"})
case("repr-escapes-unassigned-code-points",
     "{{ ['\\u0378', s] }} {{ s|list }} {{ {s: 1} }}",
     {"s": "\u0378\u0379\u0560\u00ad\u2028\u00e9\U0001F600\U000E0001\U0001FFFF\u0530"})

# Stop 10: str.format on a string literal is parsed when the template loads (the spec and
# its errors must stay Python's), and `for ... if` tests the items in place.
category("method")
case("format-literal-parsed-once",
     '{% for x in xs %}[{{ "{:,}".format(x) }}|{{ "{} of {}".format(x, 3, 4) }}|{{ "{{}} {:>8} {{".format(x) }}|{{ "{:_}".format(x, k=1) }}|{{ "".format(x) }}|{{ "{:.2f}%".format(x) }}|{{ "{:,}".format(True) }}|{{ "{}".format(none) }}]\n{% endfor %}{{ "{:>6}|{:<4}|{:^5}".format("ab", "c", "d") }} {{ "{:s}".format("x") }} {{ "{}-{}".format(1.5, -0.0) }}',
     '{"xs": [0, -1234567, 1234.5, 12345678901234567890, 2.5e-7]}')
category("errrun")
err('format-literal-too-few-arguments', '{{ "{} and {}".format(1) }}')
err('format-literal-undefined-argument', '{{ "{:,}".format(missing) }}')
err('format-literal-unknown-type-code', '{{ "{:q}".format(1) }}')
err('format-literal-single-closing-brace', '{{ "{}}".format(1) }}')
err('format-literal-invalid-spec', '{{ "{:,,}".format(1) }}')
err('format-literal-grouping-on-str', '{{ "{:,}".format("abc") }}')
category("for")
case("inline-filter-over-dict-string-generator",
     '{% for k in d if d[k] > 1 %}{{ loop.index }}/{{ loop.length }} {{ k }} prev={{ loop.previtem | default("-") }} next={{ loop.nextitem | default("-") }}{{ "" if loop.last else "; " }}{% endfor %}\n{% for c in "a-b-c" if c != "-" %}{{ loop.revindex }}{{ c }}{% else %}none{% endfor %}\n{% for r in rows | selectattr("n") if r.n is even %}{{ r.n }}{{ "," if not loop.last }}{% endfor %}\n{% for x in [] if x %}{{ x }}{% else %}empty{% endfor %}\n{% for x in xs if x.ok %}{{ x.v }}{% if loop.first %}!{% endif %}{% endfor %}',
     '{"d": {"a": 1, "b": 2, "c": 3, "e": 5}, "rows": [{"n": 1}, {"n": 2}, {"n": 0}, {"n": 4}], "xs": [{"ok": false, "v": 1}, {"ok": true, "v": 2}, {"ok": true, "v": 3}]}')

# Stop 11: wordwrap's word-by-word path (plain words, single spaces, no hyphen), checked at
# every width against lines just inside and outside its conditions; printed filters writing
# into one reused buffer (a long result, then a shorter one, must not leave a tail).
category("filter")
WRAP_LINES = {"ss": ["aa bb cc", "a b", "x", "abc def", "abcde", "abcde fghij", "abcdefghij k", "ab  cd", " ab cd", "ab cd ",
                     "ab\tcd ef", "ab-cd ef", "well-being of residents in care", "a b c d e f g h i j k l m n",
                     "Children pupils timescales children within assessments placements & trend",
                     "Percentage of household waste sent for reuse recycling and composting",
                     "supercalifragilistic expialidocious", "I", "to be or not to be that is the question"]}
case("wordwrap-plain-words-every-width",
     "{% for w in [1, 2, 3, 4, 5, 6, 7, 10, 11, 12, 20, 40, 79] %}{{ w }}:{% for s in ss %} [{{ s|wordwrap(w, wrapstring='/') }}]{% endfor %}\n{% endfor %}"
     "{% for s in ss %}[{{ s|wordwrap(6, false, '|') }}] [{{ s|wordwrap(6, break_on_hyphens=false, wrapstring='|') }}] [{{ s|wordwrap(7, wrapstring='<br>\n') }}]\n{% endfor %}",
     WRAP_LINES)
case("printed-filters-reuse-their-buffer",
     "{% for s in ss %}[{{ s|capitalize }}][{{ s|upper }}][{{ s|lower }}][{{ s|title }}][{{ s|wordwrap(6) }}][{{ '%s!'|format(s) }}]\n{% endfor %}",
     {"ss": ["bigger is better & more", "x", "", "\u00c9COLE <b>", "smaller IS Better", "a", "O'Neill's \"report\""]}, ext="html.j2")

# The searchers' start/end window (str.find/index/count/startswith/endswith), sliced in code points.
category("method")
case("str-search-windows",
     "{% for s in ['banana', 'caf\u00e9 caf\u00e9', ''] %}"
     "{{ s.find('a', 2) }} {{ s.find('a', -2) }} {{ s.find('a', 1, 3) }} {{ s.find('a', 99) }} {{ s.find('', 99) }} {{ s.find('', 3) }} "
     "{{ s.count('a', 2) }} {{ s.count('a', -3, -1) }} {{ s.count('', 1, 4) }} {{ s.count('a', none, 3) }} "
     "{{ s.startswith('an', 1) }} {{ s.startswith('a', 1, 2) }} {{ s.endswith('an', 0, 5) }} {{ s.endswith(('x', 'na'), 2) }} "
     "{{ s.startswith('', 99) }} {{ s.index('a', 0) if 'a' in s else '-' }}\n{% endfor %}")
category("errrun")
err("str-index-not-found-in-window", "{{ 'banana'.index('b', 1) }}")

# ---------------------------------------------------------------- writer
def write_all(check=True):
    import re
    sys.path.insert(0, HERE)
    import jinja_oracle
    seen = set()
    for c in CASES:
        if c["name"] in seen:
            sys.exit(f"duplicate case name {c['name']}")
        if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", c["name"]):
            sys.exit(f"bad case name {c['name']!r}")
        seen.add(c["name"])
    # Write into a fresh folder and swap it in at the end, so an interrupted or concurrent
    # run never leaves cases/ half written.
    final_out = OUT
    out = f"{OUT}.tmp-{os.getpid()}"
    if os.path.isdir(out):
        shutil.rmtree(out)
    os.makedirs(out)
    problems = []
    counts = {}
    for i, c in enumerate(CASES, 1):
        folder = f"{i:03d}-{c['cat']}-{c['name']}"
        d = os.path.join(out, folder)
        os.makedirs(d)
        files = dict(c["files"])
        files["main." + c["ext"]] = c["main"]
        for fname, text in files.items():
            p = os.path.join(d, fname)
            os.makedirs(os.path.dirname(p), exist_ok=True)
            with open(p, "w", encoding="utf-8", newline="") as f:
                f.write(text)
        with open(os.path.join(d, "data.json"), "w", encoding="utf-8", newline="\n") as f:
            if isinstance(c["data"], str):
                f.write(c["data"] if c["data"].endswith("\n") else c["data"] + "\n")
            else:
                f.write(json.dumps(c["data"], indent=2, ensure_ascii=False) + "\n")
        if c["deviation"]:
            file, line, why = c["deviation"]
            with open(os.path.join(d, "quorum-expect.txt"), "w", encoding="utf-8") as f:
                f.write(f"error {file}:{line}\n{why}\n")
        counts[c["cat"]] = counts.get(c["cat"], 0) + 1
        if check:
            r = jinja_oracle.render_case(d)
            if c["error"] and r["ok"]:
                problems.append(f"{folder}: meant to fail but Jinja2 renders {r['output'][:80]!r}")
            elif not c["error"] and not r["ok"]:
                problems.append(f"{folder}: meant to render but Jinja2 fails: {jinja_oracle.expectation_text(r)[1].strip()}")
            elif not r["ok"] and not r["line"]:
                problems.append(f"{folder}: Jinja2 blames no template line: {jinja_oracle.expectation_text(r)[1].strip()}")
            elif r["ok"] and not r["output"].strip() and not c["empty_ok"]:
                problems.append(f"{folder}: Jinja2 output is blank")
    # Oracle checks ran in the temporary folder: re-point nothing (paths are relative to each case).
    old = f"{final_out}.old-{os.getpid()}"
    if os.path.isdir(final_out):
        os.rename(final_out, old)
    os.rename(out, final_out)
    if os.path.isdir(old):
        shutil.rmtree(old)
    for p in problems:
        print("PROBLEM", p)
    print(f"make_cases: {len(CASES)} cases: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(write_all(check="--no-check" not in sys.argv))
