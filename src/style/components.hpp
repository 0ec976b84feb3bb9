// Component values: a declaration's tokens with whitespace dropped and functions
// grouped with their comma-separated arguments, which is the shape value parsers want.
#pragma once

#include "style/css_tokenizer.hpp"

#include <optional>
#include <vector>

namespace quorum::style::css {

struct Component {
    Token token;                                // for functions: the Function token
    std::vector<std::vector<Component>> args;   // function arguments, split at commas
    bool is_function() const { return token.is(TokenType::Function); }
    bool is_function(std::string_view lower_name) const {
        return token.is(TokenType::Function) && iequals(token.value, lower_name);
    }
};

// nullopt when the tokens nest too deeply or contain blocks a value cannot hold.
std::optional<std::vector<Component>> to_components(const std::vector<Token>& tokens);

}  // namespace quorum::style::css
