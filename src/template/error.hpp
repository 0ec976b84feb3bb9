// Errors of the template engine: where they happened and how we got there.
//
// Every error leaving the engine is a RenderError naming a template, a 1-based line
// (the line Jinja2 would report) and a 1-based column (the start of the offending
// token or expression), plus the chain of includes/extends/macro calls that led to it.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace quorum::tmpl {

struct SourceLocation {
    std::string file;  // the template name as given to the loader (e.g. "macros.html.j2")
    int line = 1;
    int column = 1;
};

class RenderError : public std::runtime_error {
public:
    enum class Kind { Syntax, Runtime, NotFound, Data };

    RenderError(Kind kind, std::string message, SourceLocation where);

    Kind kind() const { return kind_; }
    const std::string& message() const { return message_; }
    const SourceLocation& where() const { return where_; }
    const std::vector<std::string>& chain() const { return chain_; }

    // Adds one "how we got here" line, e.g. "included from page.html.j2:3:5".
    void add_context(const std::string& how, const SourceLocation& from);

    // "FILE:LINE:COL: error: WHAT" followed by one indented line per chain entry.
    std::string format() const;

private:
    Kind kind_;
    std::string message_;
    SourceLocation where_;
    std::vector<std::string> chain_;
};

}  // namespace quorum::tmpl
