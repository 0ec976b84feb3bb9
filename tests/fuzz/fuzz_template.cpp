// libFuzzer target for the template engine: lexer, parser, renderer, filters, tests, methods
// and the JSON data loader (issue 2: "no crash, leak or hang on malformed templates").
//
// Input layout: TEMPLATE [\0 JSON-DATA]. The first byte picks the template's name, and with
// it autoescaping (.html.j2 escapes, .txt.j2 does not). The entry template may include,
// import or extend "base.html.j2", "macros.html.j2" and "row.txt.j2", which are fixed.
// Every error must leave the engine as a RenderError (a located, user-facing message);
// anything else escaping — TemplateError, std::bad_variant_access, a crash — is a bug.
// Build and run: see tests/fuzz/CMakeLists.txt.
#include "template/environment.hpp"
#include "template/error.hpp"
#include "template/json_data.hpp"

#include <cstddef>
#include <cstdint>
#include <new>
#include <stdexcept>
#include <string>
#include <string_view>

namespace {

constexpr std::string_view kDefaultData =
    R"({"title": "Budget & <outturn>", "n": 3, "x": 2.5, "items": [{"ref": "A1", "v": 1, "rag": "G"},)"
    R"( {"ref": "b2", "v": -4, "rag": "R"}, {"ref": "C3", "v": null}], "tags": ["a", "b"], "ok": true,)"
    R"( "d": {"k": "v", "n": [1, 2, 3]}, "big": 123456789012345678901234567890})";

void add_library_templates(quorum::tmpl::Environment& env) {
    env.add_template("base.html.j2",
                     "<title>{% block title %}T{% endblock %}</title>{% block body %}{% block inner %}"
                     "i{% endblock %}{% endblock %}");
    env.add_template("macros.html.j2",
                     "{% macro row(a, b=2) %}<tr>{{ a }}|{{ b }}|{{ caller() if caller is defined }}</tr>"
                     "{% endmacro %}{% macro list(xs) %}{% for x in xs %}{{ x }}{% endfor %}{% endmacro %}");
    env.add_template("row.txt.j2", "{{ item | default('none') }}{% set local = 1 %}");
}

quorum::tmpl::Value data_from(std::string_view json) {
    if (!json.empty()) {
        try {
            quorum::tmpl::Value data = quorum::tmpl::parse_json_data(json, "fuzz.json");
            if (data.is_dict()) return data;
        } catch (const quorum::tmpl::RenderError&) {
            // Malformed or non-object data: a located error, as the CLI reports it. Render
            // the template against the default data instead, so it is still exercised.
        }
    }
    return quorum::tmpl::parse_json_data(kDefaultData, "default.json");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view input(reinterpret_cast<const char*>(bytes) + 1, size - 1);
    const std::size_t split = input.find('\0');
    const std::string_view source = input.substr(0, split);
    const std::string_view json = split == std::string_view::npos ? std::string_view() : input.substr(split + 1);
    const std::string name = (bytes[0] & 1) ? "main.html.j2" : "main.txt.j2";

    quorum::tmpl::Environment env;
    add_library_templates(env);
    env.add_template(name, std::string(source));
    try {
        const quorum::tmpl::Value data = data_from(json);
        (void)env.render(name, data);
    } catch (const quorum::tmpl::RenderError& e) {
        (void)e.format();  // the message the user would read must be printable too
    } catch (const std::bad_alloc&) {
        // A template may ask for more text than memory holds ('x' * 10**12): the CLI says
        // "out of memory" and exits 2. Run with ASAN_OPTIONS=allocator_may_return_null=1:
        // max_allocation_size_mb=512 so such requests fail here instead of aborting.
    } catch (const std::length_error&) {
        // The same, beyond std::string's own maximum size.
    }
    return 0;
}
