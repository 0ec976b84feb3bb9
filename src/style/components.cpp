#include "style/components.hpp"

namespace quorum::style::css {
namespace {

constexpr int max_function_depth = 8;  // target-counter(attr(href), page) needs 2

bool build(const std::vector<Token>& tokens, std::size_t& i, int depth, std::vector<std::vector<Component>>& groups,
           bool inside_function) {
    groups.emplace_back();
    while (i < tokens.size()) {
        const Token& token = tokens[i++];
        switch (token.type) {
            case TokenType::Whitespace: case TokenType::EndOfFile: break;
            case TokenType::RightParen:
                if (inside_function) return true;
                return false;
            case TokenType::Comma:
                if (inside_function) groups.emplace_back();
                else groups.back().push_back({token, {}});
                break;
            case TokenType::Function: {
                if (depth >= max_function_depth) return false;
                Component function{token, {}};
                if (!build(tokens, i, depth + 1, function.args, true)) return false;
                if (function.args.size() == 1 && function.args[0].empty()) function.args.clear();
                groups.back().push_back(std::move(function));
                break;
            }
            case TokenType::LeftParen: case TokenType::LeftBracket: case TokenType::LeftBrace:
            case TokenType::RightBracket: case TokenType::RightBrace: case TokenType::BadString:
            case TokenType::BadUrl: case TokenType::Semicolon:
                return false;
            default: groups.back().push_back({token, {}});
        }
    }
    return true;  // EOF closes an unclosed function, as in CSS
}

}  // namespace

std::optional<std::vector<Component>> to_components(const std::vector<Token>& tokens) {
    std::vector<std::vector<Component>> groups;
    std::size_t i = 0;
    if (!build(tokens, i, 0, groups, false)) return std::nullopt;
    return std::move(groups.front());
}

}  // namespace quorum::style::css
