// Tokens -> AST, following Jinja2 3.1's parser (jinja2/parser.py): the same grammar,
// precedence, node line numbers and error messages.
#pragma once

#include "template/library.hpp"
#include "template/nodes.hpp"

#include <memory>
#include <string>
#include <string_view>

namespace quorum::tmpl {

// Parses a template's source. Unknown filters and tests are errors here (at load time,
// even in branches that never run). Throws RenderError (Syntax).
std::unique_ptr<TemplateAst> parse_template(std::string_view source, const std::string& name, bool autoescape,
                                            SymbolTable& symbols, const Library& library);

// Nesting deeper than this (brackets, blocks) is refused: it bounds recursion in parser and renderer.
inline constexpr int kMaxNestingDepth = 200;

}  // namespace quorum::tmpl
