// Helpers for the template core's unit tests: render in-memory templates, capture errors.
// Expected strings in these tests were produced by Python's Jinja2 3.1 configured as
// issue 2 says (StrictUndefined, autoescape for .html/.htm/.xhtml/.xml[.j2]).
#pragma once

#include "template/environment.hpp"
#include "template/error.hpp"
#include "template/json_data.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <optional>
#include <string>

namespace quorum::tmpl::testing {

using Sources = std::map<std::string, std::string>;

inline Value data_from(const std::string& json) { return parse_json_data(json, "data.json"); }

// Renders `entry` among `sources` (name -> text) with the JSON object `json` as context.
inline std::string render(const Sources& sources, const std::string& entry, const std::string& json = "{}") {
    Environment env;
    for (const auto& [name, text] : sources) env.add_template(name, text);
    return env.render(entry, data_from(json));
}

inline std::string render(const std::string& source, const std::string& json = "{}",
                          const std::string& name = "main.txt") {
    return render(Sources{{name, source}}, name, json);
}

// The error a render raises (fails the test when none is raised).
inline RenderError render_error(const Sources& sources, const std::string& entry, const std::string& json = "{}") {
    try {
        render(sources, entry, json);
    } catch (const RenderError& e) {
        return e;
    }
    FAIL("expected a RenderError");
    throw std::logic_error("unreachable");
}

inline RenderError render_error(const std::string& source, const std::string& json = "{}",
                                const std::string& name = "main.txt") {
    return render_error(Sources{{name, source}}, name, json);
}

}  // namespace quorum::tmpl::testing
