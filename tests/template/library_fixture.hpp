// Helpers for the value/builtin-library unit tests: render an in-memory template and
// report its output or its error message, and call builtins directly.
#pragma once

#include "template/builtins.hpp"
#include "template/environment.hpp"
#include "template/error.hpp"
#include "template/value.hpp"

#include <catch2/catch.hpp>

#include <string>

namespace quorum::tmpl::libtest {

// The rendered text, or "ERR <message>" (Jinja2's message, without the location).
inline std::string outcome(const std::string& source, const std::string& json = "{}",
                           const std::string& name = "case.txt") {
    Environment env;
    env.add_template(name, source);
    try {
        return env.render(name, Value::from_json(nlohmann::ordered_json::parse(json)));
    } catch (const RenderError& e) {
        return "ERR " + e.message();
    } catch (const TemplateError& e) {
        return "ERR " + e.message;
    }
}

// Calls a builtin filter without a template: filter("truncate", Value("abc"), {Value(2)}).
inline Value filter(const std::string& name, const Value& input, List positional = {},
                    std::vector<std::pair<std::string, Value>> keyword = {}, bool autoescape = false) {
    PureFilter fn = builtin_filter(name);
    REQUIRE(fn != nullptr);
    FilterEnv env;
    env.autoescape = autoescape;
    Arguments args{std::move(positional), std::move(keyword)};
    return fn(env, input, args);
}

inline std::string error_of(const std::function<void()>& fn) {
    try {
        fn();
    } catch (const TemplateError& e) {
        return e.message;
    }
    return "(no error)";
}

}  // namespace quorum::tmpl::libtest
