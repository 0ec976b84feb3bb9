// Lexer: tokens, positions, whitespace control, raw blocks and Jinja2's lexer errors.
#include "template/error.hpp"
#include "template/lexer.hpp"

#include <catch2/catch.hpp>

using namespace quorum::tmpl;

namespace {
std::vector<TokenType> types(const std::vector<Token>& tokens) {
    std::vector<TokenType> out;
    for (const auto& t : tokens) out.push_back(t.type);
    return out;
}
std::string lex_error(const std::string& source) {
    try {
        tokenize(normalize_source(source), "t.txt");
    } catch (const RenderError& e) {
        return e.format();
    }
    return "no error";
}
}  // namespace

TEST_CASE("lexer: data, print and statement tokens with positions", "[lexer]") {
    auto tokens = tokenize("ab {{ x.y }}\n{% if a %}", "t.txt");
    using T = TokenType;
    CHECK(types(tokens) == std::vector<T>{T::Data, T::VariableBegin, T::Name, T::Dot, T::Name, T::VariableEnd, T::Data,
                                          T::BlockBegin, T::Name, T::Name, T::BlockEnd, T::Eof});
    CHECK(tokens[0].text == "ab ");
    CHECK(tokens[2].text == "x");
    CHECK(tokens[2].line == 1);
    CHECK(tokens[2].column == 7);
    CHECK(tokens[8].text == "if");
    CHECK(tokens[8].line == 2);
    CHECK(tokens[8].column == 4);
}

TEST_CASE("lexer: numbers and strings as Jinja2 reads them", "[lexer]") {
    auto tokens = tokenize("{{ 1_000 2.5 1e3 'a\\'b' \"\\u00e9\\n\" }}", "t.txt");
    REQUIRE(tokens.size() == 8);
    CHECK(tokens[1].type == TokenType::Integer);
    CHECK(tokens[1].integer == 1000);
    CHECK(tokens[2].type == TokenType::Float);
    CHECK(tokens[2].real == 2.5);
    CHECK(tokens[3].type == TokenType::Float);
    CHECK(tokens[3].real == 1000.0);
    CHECK(tokens[4].text == "a'b");
    CHECK(tokens[5].text == "\xC3\xA9\n");
}

TEST_CASE("lexer: operators, longest first", "[lexer]") {
    auto tokens = tokenize("{{ a // b ** c == d != e <= f >= g ~ h | i }}", "t.txt");
    using T = TokenType;
    std::vector<T> ops;
    for (const auto& t : tokens)
        if (t.type != T::Name && t.type != T::VariableBegin && t.type != T::VariableEnd && t.type != T::Eof) ops.push_back(t.type);
    CHECK(ops == std::vector<T>{T::FloorDiv, T::Pow, T::Eq, T::Ne, T::LtEq, T::GtEq, T::Tilde, T::Pipe});
}

TEST_CASE("lexer: whitespace control strips around tags", "[lexer]") {
    auto tokens = tokenize("a  \n {%- if x -%}  \n b {#- c -#}  d", "t.txt");
    CHECK(tokens[0].text == "a");
    CHECK(tokens[5].text == "b");
    CHECK(tokens[6].text == "d");
}

TEST_CASE("lexer: raw blocks keep their content", "[lexer]") {
    auto tokens = tokenize("x{% raw %}{{ y }}{% endraw %}z", "t.txt");
    REQUIRE(tokens.size() == 4);
    CHECK(tokens[1].text == "{{ y }}");
    CHECK(tokens[2].text == "z");
}

TEST_CASE("lexer: source normalization drops one trailing newline", "[lexer]") {
    CHECK(normalize_source("a\r\nb\rc\n") == "a\nb\nc");
    CHECK(normalize_source("a\n\n") == "a\n");
}

TEST_CASE("lexer: errors as Jinja2 words them", "[lexer]") {
    CHECK(lex_error("{{ a $ }}") == "t.txt:1:6: error: unexpected char '$' at 5\n");
    CHECK(lex_error("x\n{# never closed") == "t.txt:2:1: error: Missing end of comment tag\n");
    CHECK(lex_error("{% raw %}abc") == "t.txt:1:10: error: Missing end of raw directive\n");
    CHECK(lex_error("{{ (a }}") == "t.txt:1:7: error: unexpected '}', expected ')'\n");
    CHECK(lex_error("{{ a ] }}") == "t.txt:1:6: error: unexpected ']'\n");
    CHECK(lex_error("{{ 'open }}") == "t.txt:1:4: error: unexpected char \"'\" at 3\n");
}
