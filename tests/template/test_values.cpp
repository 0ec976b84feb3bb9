// Runtime values: Python's str()/repr(), float repr, truthiness, equality, comparison,
// arithmetic and their error messages. Expected strings come from Python 3.11 / Jinja2 3.1.
#include "library_fixture.hpp"

#include "template/pystr.hpp"

#include <cmath>
#include <limits>

using namespace quorum::tmpl;
using namespace quorum::tmpl::libtest;

TEST_CASE("python_float_repr matches Python's repr(float)", "[values]") {
    CHECK(python_float_repr(1.0) == "1.0");
    CHECK(python_float_repr(0.1 + 0.2) == "0.30000000000000004");
    CHECK(python_float_repr(1e-05) == "1e-05");
    CHECK(python_float_repr(0.0001) == "0.0001");
    CHECK(python_float_repr(1e16) == "1e+16");
    CHECK(python_float_repr(1e15) == "1000000000000000.0");
    CHECK(python_float_repr(1.5e300) == "1.5e+300");
    CHECK(python_float_repr(2.5e-05) == "2.5e-05");
    CHECK(python_float_repr(123456789012345678.0) == "1.2345678901234568e+17");
    CHECK(python_float_repr(-0.0) == "-0.0");
    CHECK(python_float_repr(100.0) == "100.0");
    CHECK(python_float_repr(1.0 / 3) == "0.3333333333333333");
    CHECK(python_float_repr(std::numeric_limits<double>::infinity()) == "inf");
    CHECK(python_float_repr(-std::numeric_limits<double>::infinity()) == "-inf");
    CHECK(python_float_repr(std::nan("")) == "nan");
    CHECK(python_float_repr(5e-324) == "5e-324");
    CHECK(python_float_repr(1.7976931348623157e308) == "1.7976931348623157e+308");
}

TEST_CASE("str() and repr() print as Python", "[values]") {
    CHECK(to_str(Value::none()) == "None");
    CHECK(to_str(Value(true)) == "True");
    CHECK(to_str(Value(false)) == "False");
    CHECK(to_str(Value(-42)) == "-42");
    CHECK(repr(Value("it's")) == "\"it's\"");
    CHECK(repr(Value("say \"hi\"")) == "'say \"hi\"'");
    CHECK(repr(Value("both ' \"")) == "'both \\' \"'");
    CHECK(repr(Value("a\nb\tc\\d\r\x01\x7f")) == "'a\\nb\\tc\\\\d\\r\\x01\\x7f'");
    CHECK(repr(Value("caf\xC3\xA9 \xC2\xA0 \xE2\x80\x8B")) == "'caf\xC3\xA9 \\xa0 \\u200b'");
    CHECK(repr(Value("\xCD\xB8")) == "'\\u0378'");  // unassigned: not printable
    CHECK(repr(Value::markup("<b>")) == "Markup('<b>')");
    CHECK(to_str(Value::list({Value(1), Value("a"), Value::none(), Value(2.5)})) == "[1, 'a', None, 2.5]");
    CHECK(to_str(Value::tuple({Value(1)})) == "(1,)");
    CHECK(to_str(Value::tuple({})) == "()");
    Dict d;
    d.set(Value("a"), Value(1));
    d.set(Value(2), Value::tuple({Value("x"), Value(true)}));
    CHECK(to_str(Value::dict(d)) == "{'a': 1, 2: ('x', True)}");
    CHECK(error_of([] { to_str(Value::undefined("'x' is undefined")); }) == "'x' is undefined");
}

TEST_CASE("JSON data keeps order and Python's number types", "[values]") {
    auto j = nlohmann::ordered_json::parse(R"({"z": 1, "a": 1.0, "m": [true, null, "s", 1e-5], "big": 18446744073709551615})");
    Value v = Value::from_json(j);
    CHECK(to_str(v) == "{'z': 1, 'a': 1.0, 'm': [True, None, 's', 1e-05], 'big': 18446744073709551615}");
    CHECK(v.as_dict().find("z")->is_int());
    CHECK(v.as_dict().find("a")->is_float());
    CHECK(v.as_dict().find("big")->is_big_int());
    CHECK(v.to_json().dump() == R"({"z":1,"a":1.0,"m":[true,null,"s",1e-05],"big":18446744073709551615})");
}

TEST_CASE("Dict: insertion order, in-place replace, 1 == 1.0 == True as keys", "[values]") {
    Dict d;
    d.set(Value("b"), Value(1));
    d.set(Value("a"), Value(2));
    d.set(Value("b"), Value(3));
    d.set(Value(1), Value("int"));
    d.set(Value(1.0), Value("float"));
    CHECK(to_str(Value::dict(d)) == "{'b': 3, 'a': 2, 1: 'float'}");
    CHECK(to_str(*d.find(Value(true))) == "float");
    CHECK(d.erase(Value("b")));
    CHECK(to_str(*d.find("a")) == "2");
    CHECK(d.find("b") == nullptr);
}

TEST_CASE("Dict: dicts sharing a key list copy it before changing their keys", "[values]") {
    Dict first;
    first.set(Value::interned("ref"), Value("CES/S1"));
    first.set(Value::interned("rag"), Value("G"));
    Dict second(first, {Value("CES/S2"), Value("R")});
    REQUIRE(second.shares_keys_with(first));
    CHECK(to_str(*second.find(Value::interned("rag"))) == "R");
    CHECK(to_str(*second.find("ref")) == "CES/S2");

    second.set(Value::interned("rag"), Value("A"));  // a value: the key list stays shared
    CHECK(second.shares_keys_with(first));
    second.set(Value("owner"), Value("Chris Munday"));  // a new key: second copies the list
    CHECK_FALSE(second.shares_keys_with(first));
    CHECK(to_str(Value::dict(first)) == "{'ref': 'CES/S1', 'rag': 'G'}");
    CHECK(to_str(Value::dict(second)) == "{'ref': 'CES/S2', 'rag': 'A', 'owner': 'Chris Munday'}");

    Dict third(first, {Value("CES/S3"), Value("GA")});
    CHECK(third.erase(Value("ref")));
    CHECK(to_str(Value::dict(third)) == "{'rag': 'GA'}");
    CHECK(to_str(Value::dict(first)) == "{'ref': 'CES/S1', 'rag': 'G'}");
    CHECK(first.find("ref") != nullptr);
}

TEST_CASE("Dict: a call site's position hint is a guess, checked before it is used", "[values]") {
    Dict row;
    row.set(Value::interned("ref"), Value("CES/S1"));
    row.set(Value::interned("rag"), Value("G"));
    Dict reordered;  // the same keys in the other order
    reordered.set(Value::interned("rag"), Value("R"));
    reordered.set(Value::interned("ref"), Value("CES/S2"));
    Dict plain_keys;  // keys equal to the interned ones but not them
    plain_keys.set(Value("ref"), Value("CES/S3"));

    std::size_t hint = 0;
    CHECK(to_str(*row.find(Value::interned("rag"), hint)) == "G");
    CHECK(hint == 1);
    CHECK(to_str(*reordered.find(Value::interned("rag"), hint)) == "R");  // position 1 holds "ref"
    CHECK(hint == 0);
    hint = 7;  // beyond the dict
    CHECK(to_str(*plain_keys.find(Value::interned("ref"), hint)) == "CES/S3");
    CHECK(hint == 0);
    hint = 1;
    CHECK(reordered.find(Value::interned("owner"), hint) == nullptr);
    CHECK(hint == 1);  // a miss leaves it
}

TEST_CASE("Dict: a shared key list past the index threshold is found by hash", "[values]") {
    Dict first;
    std::vector<Value> values;
    for (int i = 0; i < 20; ++i) {
        std::string key = "k";
        key += std::to_string(i);
        first.set(Value(key), Value(i));
        values.emplace_back(100 + i);
    }
    Dict second(first, values);
    CHECK(to_str(*second.find("k17")) == "117");
    CHECK(second.find("k20") == nullptr);
    CHECK(second.erase(Value("k3")));
    CHECK(to_str(*second.find("k17")) == "117");
    CHECK(to_str(*first.find("k3")) == "3");
}

TEST_CASE("truthiness, equality and ordering", "[values]") {
    CHECK_FALSE(truthy(Value("")));
    CHECK(truthy(Value(" ")));
    CHECK_FALSE(truthy(Value(0.0)));
    CHECK_FALSE(truthy(Value::list({})));
    CHECK_FALSE(truthy(Value::none()));
    CHECK(equals(Value(1), Value(1.0)));
    CHECK(equals(Value(1), Value(true)));
    CHECK(equals(Value("a"), Value::markup("a")));
    CHECK_FALSE(equals(Value::list({Value(1)}), Value::tuple({Value(1)})));
    CHECK(compare(Value::list({Value(1), Value(2)}), Value::list({Value(1), Value(3)}), "<") < 0);
    CHECK(compare(Value("b"), Value("a"), "<") > 0);
    CHECK(error_of([] { compare(Value(1), Value("a"), "<"); }) ==
          "'<' not supported between instances of 'int' and 'str'");
    CHECK(error_of([] { compare(Value::none(), Value::none(), ">="); }) ==
          "'>=' not supported between instances of 'NoneType' and 'NoneType'");
    CHECK(error_of([] { equals(Value::undefined("'u' is undefined"), Value(1)); }) == "'u' is undefined");
}

TEST_CASE("arithmetic follows Python", "[values]") {
    auto op = [](BinaryOp o, Value a, Value b) { return to_str(binary_op(o, a, b)); };
    CHECK(op(BinaryOp::FloorDiv, Value(-7), Value(2)) == "-4");
    CHECK(op(BinaryOp::Mod, Value(-7), Value(3)) == "2");
    CHECK(op(BinaryOp::Mod, Value(7), Value(-3)) == "-2");
    CHECK(op(BinaryOp::Mod, Value(-7.5), Value(2)) == "0.5");
    CHECK(op(BinaryOp::FloorDiv, Value(7.5), Value(2)) == "3.0");
    CHECK(op(BinaryOp::Div, Value(4), Value(2)) == "2.0");
    CHECK(op(BinaryOp::Pow, Value(2), Value(10)) == "1024");
    CHECK(op(BinaryOp::Pow, Value(2), Value(-1)) == "0.5");
    CHECK(op(BinaryOp::Add, Value(true), Value(true)) == "2");
    CHECK(op(BinaryOp::Mul, Value("ab"), Value(3)) == "ababab");
    CHECK(op(BinaryOp::Mul, Value(-1), Value("ab")) == "");
    CHECK(op(BinaryOp::Add, Value::list({Value(1)}), Value::list({Value(2)})) == "[1, 2]");
    CHECK(op(BinaryOp::Concat, Value(1), Value::none()) == "1None");
    CHECK(repr(binary_op(BinaryOp::Add, Value::markup("<b>"), Value("<i>"))) == "Markup('<b>&lt;i&gt;')");
    CHECK(repr(binary_op(BinaryOp::Add, Value("<i>"), Value::markup("<b>"))) == "Markup('&lt;i&gt;<b>')");
    CHECK(repr(binary_op(BinaryOp::Mod, Value::markup("%s<"), Value("<"))) == "Markup('&lt;<')");
    CHECK(op(BinaryOp::Mod, Value("%5.1f|%-5d|%05d"), Value::tuple({Value(2.25), Value(3), Value(-42)})) == "  2.2|3    |-0042");
    CHECK(to_str(negate(Value(5))) == "-5");
    CHECK(to_str(positive(Value(true))) == "1");
}

TEST_CASE("arithmetic errors use Python's messages", "[values]") {
    auto err = [](BinaryOp o, Value a, Value b) { return error_of([&] { binary_op(o, a, b); }); };
    CHECK(err(BinaryOp::Div, Value(1), Value(0)) == "division by zero");
    CHECK(err(BinaryOp::Div, Value(1.0), Value(0)) == "float division by zero");
    CHECK(err(BinaryOp::FloorDiv, Value(1), Value(0)) == "integer division or modulo by zero");
    CHECK(err(BinaryOp::Mod, Value(1), Value(0)) == "integer modulo by zero");
    CHECK(err(BinaryOp::Pow, Value(0), Value(-1)) == "0.0 cannot be raised to a negative power");
    CHECK(err(BinaryOp::Add, Value(1), Value("a")) == "unsupported operand type(s) for +: 'int' and 'str'");
    CHECK(err(BinaryOp::Add, Value("a"), Value(1)) == "can only concatenate str (not \"int\") to str");
    CHECK(err(BinaryOp::Mul, Value("a"), Value(1.5)) == "can't multiply sequence by non-int of type 'float'");
    CHECK(err(BinaryOp::Mul, Value::dict({}), Value(2)) == "unsupported operand type(s) for *: 'dict' and 'int'");
    CHECK(err(BinaryOp::Mod, Value("%d"), Value("x")) == "%d format: a real number is required, not str");
    CHECK(err(BinaryOp::Mod, Value("%s %s"), Value::tuple({Value(1)})) == "not enough arguments for format string");
    CHECK(err(BinaryOp::Mod, Value("%s"), Value::tuple({Value(1), Value(2)})) ==
          "not all arguments converted during string formatting");
    CHECK(err(BinaryOp::Mod, Value("%z"), Value(1)) == "unsupported format character 'z' (0x7a) at index 1");
    CHECK(err(BinaryOp::Div, binary_op(BinaryOp::Pow, Value(2), Value(2000)), Value(3)) ==
          "integer division result too large for a float");
    CHECK(err(BinaryOp::Add, binary_op(BinaryOp::Pow, Value(2), Value(2000)), Value(0.5)) ==
          "int too large to convert to float");
    CHECK(err(BinaryOp::Pow, Value(2), Value(std::int64_t{1} << 40)).find("integer too large") == 0);  // our cap
    CHECK(error_of([] { negate(Value("a")); }) == "bad operand type for unary -: 'str'");
}

TEST_CASE("str values: their own copy of the text, of any length", "[values]") {
    std::string text(100, 'x');  // past std::string's inline buffer
    Value long_text(text);
    text.assign(100, 'y');
    CHECK(long_text.as_string() == std::string(100, 'x'));
    CHECK(Value("").as_string().empty());
    CHECK_FALSE(Value("").same_object(Value("")));  // each Value(text) is a str object of its own
    CHECK(Value::markup("<b>").as_string() == "<b>");
    CHECK(Value::undefined("'x' is undefined").undefined_hint() == "'x' is undefined");
    CHECK(Value().as_string().empty());           // an undefined value without a hint
    CHECK(Value(std::int64_t{5}).as_string().empty());  // not a str: no text
    static_assert(sizeof(Value) == 32);
}

TEST_CASE("str values sharing a buffer point into it and keep it alive", "[values]") {
    auto buffer = std::make_shared<std::string>("one two");
    Value two = Value::shared_text(buffer, std::string_view(*buffer).substr(4));
    CHECK(two.as_string().data() == buffer->data() + 4);  // no copy
    std::weak_ptr<std::string> watch = buffer;
    buffer.reset();
    CHECK_FALSE(watch.expired());
    CHECK(two.as_string() == "two");
    two = Value();
    CHECK(watch.expired());
}

TEST_CASE("interned strings share one storage; an equal str made apart is another object", "[values]") {
    Value a = Value::interned("name"), b = Value::interned(std::string("na") + "me");
    CHECK(a.storage() == b.storage());
    CHECK(a.same_object(b));
    Value other("name");
    CHECK_FALSE(other.is_interned());
    CHECK_FALSE(other.same_object(a));
    CHECK(equals(other, a));
}

TEST_CASE("contains, iterate, escape", "[values]") {
    CHECK(contains(Value("abc"), Value("b")));
    CHECK(contains(Value::list({Value(1)}), Value(1.0)));
    CHECK(error_of([] { contains(Value("a"), Value(1)); }) == "'in <string>' requires string as left operand, not int");
    CHECK(error_of([] { contains(Value(1), Value("a")); }) == "argument of type 'int' is not iterable");
    CHECK(to_str(Value::list(iterate(Value("h\xC3\xA9!")))) == "['h', '\xC3\xA9', '!']");
    CHECK(error_of([] { iterate(Value(1)); }) == "'int' object is not iterable");
    CHECK(html_escape("<a href='x'>&\"</a>") == "&lt;a href=&#39;x&#39;&gt;&amp;&#34;&lt;/a&gt;");
    // Specials on either side of the 16-byte blocks the scan reads, among UTF-8 bytes.
    for (std::size_t at : {0u, 1u, 14u, 15u, 16u, 17u, 31u, 32u, 40u}) {
        std::string text(41, 'x'), expected;
        text.replace(3, 2, "\xC2\xA3");  // £
        text[at] = at % 2 ? '<' : '\'';
        for (char c : text) expected += c == '<' ? "&lt;" : c == '\'' ? "&#39;" : std::string(1, c);
        CHECK(html_escape(text) == expected);
    }
    CHECK(html_escape("") == "");
    CHECK(html_escape("plain text of more than sixteen bytes") == "plain text of more than sixteen bytes");
    CHECK(repr(escape(Value::markup("<b>"))) == "Markup('<b>')");
    CHECK(repr(escape(Value::none())) == "Markup('None')");
}

TEST_CASE("str.format and printf formatting", "[values]") {
    Arguments args{{Value(3.14159), Value("ab")}, {{"n", Value(1234567)}}};
    CHECK(py::str_format("{0:.2f}|{1:>4}|{n:,}|{{}}", args) == "3.14|  ab|1,234,567|{}");
    CHECK(py::percent_format("%(a)s-%(a)r", Value::dict([] {
                                 Dict d;
                                 d.set(Value("a"), Value("x"));
                                 return d;
                             }())) == "x-'x'");
    CHECK(py::format_fixed(2.675, 2) == "2.67");  // the binary value is below the tie, as in Python
    CHECK(py::format_fixed(0.125, 2) == "0.12");  // exact tie: half-even, as in Python
}

TEST_CASE("str.format zero padding with grouping pads inside the digits, as Python", "[values]") {
    auto format = [](const char* spec, Value v) { return py::format_value(v, spec); };
    CHECK(format("08,.2f", Value(3.5)) == "0,003.50");
    CHECK(format("010,", Value(1234)) == "00,001,234");
    CHECK(format("010_", Value(1234)) == "00_001_234");
    CHECK(format("08,", Value(1)) == "0,000,001");  // a separator never leads: one digit more
    CHECK(format("+010_x", Value(-255)) == "-0000_00ff");  // '_' every four digits in hex
    CHECK(format("#_b", Value(65)) == "0b100_0001");
    CHECK(format("^09,", Value(1234)) == "001,23400");  // '0' fill without '=': plain padding
    CHECK(format("05", Value("ab")) == "ab000");
    CHECK(error_of([] { py::format_value(Value(1), ",x"); }) == "Cannot specify ',' with 'x'.");
    CHECK(error_of([] { py::format_value(Value("a"), "_"); }) == "Cannot specify '_' with 's'.");
    CHECK(error_of([] { py::format_value(Value(1), "_,"); }) == "Cannot specify both ',' and '_'.");
}

TEST_CASE("values and operators inside templates (Jinja2 oracle)", "[values][oracle]") {
#include "oracle_values.inc"
}

TEST_CASE("integers beyond 64 bits are exact, as Python's", "[values]") {
    auto op = [](BinaryOp o, Value a, Value b) { return binary_op(o, a, b); };
    const Value max = Value(std::numeric_limits<std::int64_t>::max());
    const Value min = Value(std::numeric_limits<std::int64_t>::min());
    const Value two64 = op(BinaryOp::Pow, Value(2), Value(64));
    CHECK(two64.is_big_int());
    CHECK(to_str(two64) == "18446744073709551616");
    CHECK(to_str(op(BinaryOp::Add, max, Value(1))) == "9223372036854775808");
    CHECK(to_str(op(BinaryOp::Sub, min, Value(1))) == "-9223372036854775809");
    CHECK(to_str(op(BinaryOp::Mul, Value(std::int64_t{10000000000}), Value(std::int64_t{10000000000}))) ==
          "100000000000000000000");
    CHECK(to_str(negate(min)) == "9223372036854775808");
    CHECK(to_str(op(BinaryOp::FloorDiv, min, Value(-1))) == "9223372036854775808");
    // Results that fit int64 again are plain ints.
    Value back = op(BinaryOp::Sub, op(BinaryOp::Add, max, Value(1)), Value(1));
    CHECK(back.is_int());
    CHECK(back.as_int() == std::numeric_limits<std::int64_t>::max());
    // Floor division and modulo take the divisor's sign.
    Value big = op(BinaryOp::Pow, Value(10), Value(20));
    CHECK(to_str(op(BinaryOp::FloorDiv, negate(big), Value(7))) == "-14285714285714285715");
    CHECK(to_str(op(BinaryOp::Mod, negate(big), Value(7))) == "5");
    CHECK(to_str(op(BinaryOp::Mod, big, Value(-7))) == "-5");
    // True division and float conversion are correctly rounded; comparisons with floats exact.
    CHECK(python_float_repr(op(BinaryOp::Div, big, Value(3)).as_float()) == "3.333333333333333e+19");
    CHECK(python_float_repr(op(BinaryOp::Div, Value(std::int64_t{9007199254740993}), Value(1)).as_float()) ==
          "9007199254740992.0");
    CHECK(equals(two64, Value(18446744073709551616.0)));
    CHECK(!equals(op(BinaryOp::Add, two64, Value(1)), Value(18446744073709551616.0)));
    CHECK(compare(op(BinaryOp::Add, two64, Value(1)), Value(18446744073709551616.0), ">") > 0);
    CHECK(!equals(two64, Value(std::nan(""))));
    CHECK(compare(two64, max, "<") > 0);
    CHECK(truthy(two64));
    CHECK(type_name(two64) == "int");
}
