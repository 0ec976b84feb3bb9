// A CSS Syntax Level 3 tokenizer, for the subset Quorum supports.
//
// Follows the spec's consume-a-token algorithm closely (escapes, numbers with
// exponents, unicode in identifiers, url() and bad strings) because stylesheets are
// written by hand and broken CSS must recover exactly as a browser's would.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace quorum::style::css {

enum class TokenType : std::uint8_t {
    Ident, Function, AtKeyword, Hash, String, BadString, Url, BadUrl, Delim, Number, Percentage,
    Dimension, Whitespace, CDO, CDC, Colon, Semicolon, Comma, LeftBracket, RightBracket,
    LeftParen, RightParen, LeftBrace, RightBrace, EndOfFile
};

struct Token {
    TokenType type = TokenType::EndOfFile;
    std::string value;     // ident/function/at-keyword/hash name, string, url, unit (Dimension), delim char
    double number = 0;     // Number, Percentage, Dimension
    bool is_integer = false;
    bool hash_is_id = false;  // Hash: "id" type (a valid identifier), usable as an #id selector
    int line = 1;

    bool is(TokenType t) const { return type == t; }
    bool is_delim(char c) const { return type == TokenType::Delim && value.size() == 1 && value[0] == c; }
    bool is_ident(std::string_view lower_case_name) const;  // ASCII case-insensitive
};

// Tokenizes the whole sheet; the last token is always EndOfFile. `first_line` numbers
// the first line (for <style> elements inside a document).
std::vector<Token> tokenize(std::string_view css, int first_line = 1);

// Tokens back to CSS text, for messages ("invalid value 'counter()' for 'content'").
std::string serialize(const std::vector<Token>& tokens);

bool iequals(std::string_view a, std::string_view b);
std::string to_lower(std::string_view s);

}  // namespace quorum::style::css
