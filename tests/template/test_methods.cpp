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
