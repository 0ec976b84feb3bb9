// Methods on values ('a b'.split(), d.items(), xs.index(3)), expectations from Python/Jinja2.
#include "library_fixture.hpp"

using namespace quorum::tmpl;
using namespace quorum::tmpl::libtest;

namespace {

std::string call(const Value& self, const std::string& name, List args = {},
                 std::vector<std::pair<std::string, Value>> kw = {}) {
    return to_str(call_method(self, name, Arguments{std::move(args), std::move(kw)}));
}

}  // namespace

TEST_CASE("str methods", "[methods]") {
    CHECK(call(Value("  a  b \n c "), "split") == "['a', 'b', 'c']");
    CHECK(call(Value("a b  c  "), "split", {}, {{"maxsplit", Value(1)}}) == "['a', 'b  c  ']");
    CHECK(call(Value("a,b,,c"), "split", {Value(",")}) == "['a', 'b', '', 'c']");
    CHECK(call(Value("a,b,c"), "rsplit", {Value(","), Value(1)}) == "['a,b', 'c']");
    CHECK(call(Value("they're bill's"), "title") == "They'Re Bill'S");
    // Python's full lower case in context: final sigma (apostrophes skipped), 'İ' -> 'i̇'.
    CHECK(call(Value("ΑΣ'Α Α'Σ ΟΔΟΣ."), "lower") == "ασ'α α'ς οδος.");
    CHECK(call(Value("ΑΣ ΣΑΣ"), "title") == "Ας Σας");
    CHECK(call(Value("ΑΣ"), "capitalize") == "Ας");
    CHECK(call(Value("xİy"), "title") == "Xi\xCC\x87y");
    CHECK(call(Value("xxhixx"), "strip", {Value("x")}) == "hi");
    CHECK(call(Value("hello"), "endswith", {Value::tuple({Value("x"), Value("lo")})}) == "True");
    CHECK(call(Value("{:>6.2f}|{name}"), "format", {Value(3.14159)}, {{"name", Value("n")}}) == "  3.14|n");
    CHECK(call(Value("h\xC3\xA9llo"), "find", {Value("l")}) == "2");  // code points, not bytes
    CHECK(repr(call_method(Value::markup("<b>{}</b>"), "format", Arguments{{Value("<i>")}, {}})) ==
          "Markup('<b>&lt;i&gt;</b>')");
    CHECK(error_of([] { call(Value("ab"), "upper", {Value(1)}); }) == "str.upper() takes no arguments (1 given)");
    CHECK(error_of([] { call(Value("a"), "split", {Value("")}); }) == "empty separator");
}

TEST_CASE("method_of returns bound methods or nothing", "[methods]") {
    CHECK(method_of(Value("a"), "upper").has_value());
    CHECK(method_of(Value("a"), "items") == std::nullopt);
    CHECK(method_of(Value(1), "upper") == std::nullopt);
    auto m = method_of(Value::list({Value(1)}), "index");
    REQUIRE(m);
    CHECK(m->is_callable());
    auto& method = dynamic_cast<const BoundMethod&>(m->as_callable());
    CHECK(to_str(method.invoke(Arguments{{Value(1)}, {}})) == "0");
    CHECK(method.name() == "<built-in method index of list object>");
}

TEST_CASE("dict and list methods", "[methods]") {
    Dict d;
    d.set(Value("z"), Value(1));
    d.set(Value("a"), Value(2));
    Value dv = Value::dict(d);
    CHECK(call(dv, "items") == "dict_items([('z', 1), ('a', 2)])");
    CHECK(call(dv, "keys") == "dict_keys(['z', 'a'])");
    CHECK(call(dv, "values") == "dict_values([1, 2])");
    CHECK(call(dv, "get", {Value("q"), Value(0)}) == "0");
    CHECK(call(dv, "get", {Value("q")}) == "None");
    CHECK(error_of([] { call(Value::list({Value(1)}), "index", {Value(5)}); }) == "5 is not in list");
}

TEST_CASE("methods inside templates (Jinja2 oracle)", "[methods][oracle]") {
#include "oracle_methods.inc"
}

TEST_CASE("a literal's str.format is parsed once and formats as str_format does", "[methods]") {
    // Only automatic fields with a valid spec compile; the rest stay with str_format.
    for (const char* general : {"{0}", "{name}", "{!r}", "{:{w}}", "{:5.5.5}", "}", "{", "{0.real}"})
        CHECK_FALSE(py::CompiledFormat::compile(general).has_value());
    // A spec that parses but does not suit the value raises when called, as in Python.
    std::string ignored;
    CHECK(error_of([&] { py::CompiledFormat::compile("{:,,}")->format_into(ignored, Arguments{{Value(1)}, {}}); }) ==
          "Cannot specify ',' with ','.");
    const std::vector<std::pair<std::string, List>> calls = {
        {"{:,}", {Value(-1234567)}},
        {"{{}} {:>8} {{", {Value("ab")}},
        {"{} of {}", {Value(1.5), Value(3), Value(4)}},  // extra arguments are ignored
        {"", {Value(1)}},
        {"{:.2f}% {}", {Value(0.125), Value::none()}},
        {"{:_}", {Value(true)}},
    };
    for (const auto& [format, args] : calls) {
        std::optional<py::CompiledFormat> compiled = py::CompiledFormat::compile(format);
        REQUIRE(compiled.has_value());
        std::string out = "x";
        CHECK(compiled->format_into(out, Arguments{args, {}}));
        std::string expected = "x";
        expected += py::str_format(format, Arguments{args, {}});
        CHECK(out == expected);
    }
    // Too few arguments: nothing written, so str_format can raise Python's IndexError.
    std::string out;
    CHECK_FALSE(py::CompiledFormat::compile("{} {}")->format_into(out, Arguments{{Value(1)}, {}}));
    CHECK(out.empty());
    CHECK(call(Value("{:,}"), "format", {Value(1234)}) == "1,234");
    const Value bound = *literal_method_of(Value("{:,}"), "format");
    const auto& method = dynamic_cast<const BoundMethod&>(bound.as_callable());
    CHECK(to_str(method.invoke(Arguments{{Value(1234)}, {}})) == "1,234");
    CHECK(method.name() == "<built-in method format of str object>");
}
