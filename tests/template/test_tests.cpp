// Jinja2's tests, called directly and through templates (expectations from Jinja2 3.1).
#include "library_fixture.hpp"

using namespace quorum::tmpl;
using namespace quorum::tmpl::libtest;

namespace {

bool test(const std::string& name, const Value& v, List args = {}) {
    PureTest fn = builtin_test(name);
    REQUIRE(fn != nullptr);
    FilterEnv env;
    return fn(env, v, Arguments{std::move(args), {}});
}

}  // namespace

TEST_CASE("every test of issue 2 is registered", "[tests]") {
    for (const char* name : {"boolean", "callable", "defined", "divisibleby", "eq", "equalto", "==", "escaped", "even",
                             "false", "float", "ge", "gt", "in", "integer", "iterable", "le", "lower", "lt", "mapping",
                             "ne", "none", "number", "odd", "sameas", "sequence", "string", "true", "undefined", "upper"})
        CHECK(builtin_test(name) != nullptr);
}

TEST_CASE("a builtin test with literal arguments is bound once, and only a builtin", "[tests]") {
    Library library;
    register_builtin_tests(library);
    const Arguments three{{Value(3)}, {}};
    auto divisible = bound_builtin_test(*library.test("divisibleby"), three);
    REQUIRE(divisible);
    CHECK((*divisible)(Value(9)));
    CHECK_FALSE((*divisible)(Value(10)));
    auto none = bound_builtin_test(*library.test("none"), Arguments{});
    REQUIRE(none);
    CHECK((*none)(Value::none()));
    CHECK_FALSE((*none)(Value::undefined("'x' is undefined")));
    // Wrong arguments do not bind: the call raises Jinja2's error when a value is tested.
    CHECK_FALSE(bound_builtin_test(*library.test("divisibleby"), Arguments{}));
    CHECK_FALSE(bound_builtin_test(*library.test("even"), three));
    // A test registered under a builtin's name is not the builtin: it is called as registered,
    // in templates too.
    auto always = [](CallContext&, const Value&, const Arguments&) { return true; };
    library.add_test("even", always);
    CHECK_FALSE(bound_builtin_test(*library.test("even"), Arguments{}));
    Environment env;
    env.library().add_test("even", always);
    env.add_template("t.txt", "{{ 3 is even }} {{ 3 is odd }} {{ 9 is divisibleby(3) }} {{ 8 is divisibleby 3 }} "
                              "{{ [1, 2, 3] | select('even') | list }} {{ [1, 2, 3] | reject('odd') | list }}");
    CHECK(env.render("t.txt", Value::dict(Dict{})) == "True True True False [1, 2, 3] [2]");
}

TEST_CASE("tests on an undefined value behave as with StrictUndefined", "[tests]") {
    Value u = Value::undefined("'x' is undefined");
    CHECK_FALSE(test("defined", u));
    CHECK(test("undefined", u));
    CHECK_FALSE(test("none", u));
    CHECK_FALSE(test("string", u));
    CHECK(test("callable", u));  // Undefined defines __call__
    CHECK(error_of([&] { test("odd", u); }) == "'x' is undefined");
    CHECK(error_of([&] { test("lower", u); }) == "'x' is undefined");
}

TEST_CASE("type tests distinguish bool from int", "[tests]") {
    CHECK_FALSE(test("integer", Value(true)));
    CHECK(test("number", Value(true)));
    CHECK(test("boolean", Value(false)));
    CHECK(test("sameas", Value::none(), {Value::none()}));
    CHECK(test("divisibleby", Value(9), {Value(3)}));
    CHECK(error_of([] { test("divisibleby", Value(9)); }) ==
          "test_divisibleby() missing 1 required positional argument: 'num'");
}

TEST_CASE("tests inside templates (Jinja2 oracle)", "[tests][oracle]") {
#include "oracle_tests.inc"
}
