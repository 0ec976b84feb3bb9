#include "template/error.hpp"

namespace quorum::tmpl {

namespace {
std::string location_text(const SourceLocation& at) {
    return at.file + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
}

// Error messages must stay on one line: the first stderr line is the contract.
std::string one_line(std::string text) {
    for (char& c : text)
        if (c == '\n' || c == '\r') c = ' ';
    return text;
}
}  // namespace

RenderError::RenderError(Kind kind, std::string message, SourceLocation where)
    : std::runtime_error(location_text(where) + ": error: " + one_line(message)),
      kind_(kind), message_(one_line(std::move(message))), where_(std::move(where)) {}

void RenderError::add_context(const std::string& how, const SourceLocation& from) {
    chain_.push_back(how + " " + location_text(from));
}

std::string RenderError::format() const {
    std::string text = location_text(where_) + ": error: " + message_ + "\n";
    for (const auto& step : chain_) text += "  " + step + "\n";
    return text;
}

}  // namespace quorum::tmpl
