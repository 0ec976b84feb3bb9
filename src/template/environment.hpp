// The environment: where templates come from, the parse-once cache, and the Library of
// filters, tests and globals every template of a run shares.
#pragma once

#include "template/library.hpp"
#include "template/nodes.hpp"
#include "template/runtime.hpp"

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace quorum::tmpl {

struct LoadResult {
    TemplatePtr tmpl;  // null when not found or refused
    std::string why;   // then: a message for the user
};

class Environment {
public:
    // Templates are searched in `template_dirs` in order. The built-in and council
    // filters, tests and globals are registered.
    explicit Environment(std::vector<std::filesystem::path> template_dirs = {});

    Library& library() { return library_; }
    const Library& library() const { return library_; }
    SymbolTable& symbols() { return symbols_; }

    // An in-memory template (tests, tools); found before the folders are searched.
    void add_template(std::string name, std::string source);

    // Loads (once) and parses `name`. Syntax errors throw RenderError; a missing or
    // refused name returns {nullptr, why}.
    LoadResult load(const std::string& name);
    // Like load(), but a missing template is a RenderError located at `name`:0.
    TemplatePtr get_template(const std::string& name);

    // Renders template `name` with a dict Value as the context. Throws RenderError.
    // `reserve` is room for the output taken up front (a guess; it grows as needed).
    std::string render(const std::string& name, const Value& context, std::size_t reserve = 0);

    // Jinja2 configuration of issue 2: autoescape for .html/.htm/.xhtml/.xml, optionally + .j2.
    static bool autoescape_for(std::string_view name);

private:
    std::vector<std::filesystem::path> dirs_;
    Library library_;
    SymbolTable symbols_;
    std::map<std::string, std::string, std::less<>> memory_;
    std::unordered_map<std::string, TemplatePtr> cache_;

    std::optional<std::string> read_source(const std::string& name, std::string& why) const;
};

}  // namespace quorum::tmpl
