// Template source -> tokens, following Jinja2 3.1's lexer (jinja2/lexer.py) for the
// default delimiters with trim_blocks, lstrip_blocks and keep_trailing_newline off.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace quorum::tmpl {

enum class TokenType : std::uint8_t {
    Data, VariableBegin, VariableEnd, BlockBegin, BlockEnd,
    Name, String, Integer, Float,
    // operators
    Add, Sub, Div, FloorDiv, Mul, Mod, Pow, Tilde, LBracket, RBracket, LParen, RParen,
    LBrace, RBrace, Eq, Ne, Gt, GtEq, Lt, LtEq, Assign, Dot, Colon, Pipe, Comma, Semicolon,
    Eof
};

struct Token {
    TokenType type = TokenType::Eof;
    int line = 1;     // 1-based, as Jinja2 counts
    int column = 1;   // 1-based byte column
    std::string text; // name, unescaped string, data; an Integer's digits when beyond int64
    std::int64_t integer = 0;
    double real = 0;

    bool is_name(std::string_view name) const { return type == TokenType::Name && text == name; }
};

// How Jinja2 names a token in messages: "end of print statement", "+", or a name's value.
std::string describe_token(const Token& token);
std::string describe_token_type(TokenType type);

// Tokenizes a whole template. Throws RenderError (Syntax) with `template_name` as file.
std::vector<Token> tokenize(std::string_view source, const std::string& template_name);

// Jinja2 normalizes \r\n and \r to \n and drops one trailing newline before lexing.
std::string normalize_source(std::string_view source);

}  // namespace quorum::tmpl
