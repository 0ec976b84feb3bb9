#include "style/css_tokenizer.hpp"

#include <catch2/catch.hpp>

using namespace quorum::style::css;

namespace {
std::vector<Token> significant(std::string_view css) {
    std::vector<Token> out;
    for (Token& t : tokenize(css))
        if (!t.is(TokenType::Whitespace) && !t.is(TokenType::EndOfFile)) out.push_back(std::move(t));
    return out;
}
}  // namespace

TEST_CASE("tokenizer: idents, numbers, dimensions, percentages", "[style][tokenizer]") {
    auto t = significant("margin: -1.5em +2 3% .5pt 1e2px 10 -x --y");
    REQUIRE(t.size() == 10);
    CHECK(t[0].is(TokenType::Ident));
    CHECK(t[0].value == "margin");
    CHECK(t[1].is(TokenType::Colon));
    CHECK(t[2].is(TokenType::Dimension));
    CHECK(t[2].number == Approx(-1.5));
    CHECK(t[2].value == "em");
    CHECK_FALSE(t[2].is_integer);
    CHECK(t[3].is(TokenType::Number));
    CHECK(t[3].number == 2);
    CHECK(t[3].is_integer);
    CHECK(t[4].is(TokenType::Percentage));
    CHECK(t[4].number == 3);
    CHECK(t[5].number == Approx(0.5));
    CHECK(t[5].value == "pt");
    CHECK(t[6].is(TokenType::Dimension));
    CHECK(t[6].number == Approx(100));
    CHECK(t[6].value == "px");
    CHECK(t[7].is_integer);
    CHECK(t[8].is(TokenType::Ident));
    CHECK(t[8].value == "-x");
    CHECK(t[9].value == "--y");
}

TEST_CASE("tokenizer: strings with escapes, bad strings, comments", "[style][tokenizer]") {
    auto t = significant(R"("a\"b" 'it\'s' "\2014 x" "\41" /* comment */ "line\
continued")");
    REQUIRE(t.size() == 5);
    CHECK(t[0].value == "a\"b");
    CHECK(t[1].value == "it's");
    CHECK(t[2].value == "\u2014x");  // the space after a hex escape is eaten
    CHECK(t[3].value == "A");
    CHECK(t[4].value == "linecontinued");

    auto bad = significant("\"unterminated\n p");
    REQUIRE(bad.size() == 2);
    CHECK(bad[0].is(TokenType::BadString));
    CHECK(bad[1].value == "p");

    auto comment_only = significant("/* never closed");
    CHECK(comment_only.empty());
}

TEST_CASE("tokenizer: hashes, functions, at-keywords, url, delims", "[style][tokenizer]") {
    auto t = significant("#fff #1a #main rgb( @page url(img.png) url( \"q.png\" ) ! important > + ~ * .");
    REQUIRE(t.size() == 16);
    CHECK(t[0].is(TokenType::Hash));
    CHECK(t[0].value == "fff");
    CHECK(t[0].hash_is_id);
    CHECK_FALSE(t[1].hash_is_id);  // starts with a digit: a colour, never an #id selector
    CHECK(t[2].value == "main");
    CHECK(t[3].is(TokenType::Function));
    CHECK(t[3].value == "rgb");
    CHECK(t[4].is(TokenType::AtKeyword));
    CHECK(t[4].value == "page");
    CHECK(t[5].is(TokenType::Url));
    CHECK(t[5].value == "img.png");
    CHECK(t[6].is(TokenType::Function));  // url( "quoted" ) is a function with a string
    CHECK(t[7].is(TokenType::String));
    CHECK(t[8].is(TokenType::RightParen));
    CHECK(t[9].is_delim('!'));
    CHECK(t[10].is_ident("important"));
    CHECK(t[11].is_delim('>'));
    CHECK(t[12].is_delim('+'));
    CHECK(t[13].is_delim('~'));
    CHECK(t[14].is_delim('*'));
    CHECK(t[15].is_delim('.'));
}

TEST_CASE("tokenizer: line numbers, CRLF, escapes in identifiers, CDO/CDC", "[style][tokenizer]") {
    auto t = tokenize("a\r\nb\nc\fd", 10);
    std::vector<int> lines;
    for (const Token& token : t)
        if (token.is(TokenType::Ident)) lines.push_back(token.line);
    CHECK(lines == std::vector<int>{10, 11, 12, 13});

    auto e = significant(R"(\66 oo .a\:b <!-- -->)");
    REQUIRE(e.size() == 5);
    CHECK(e[0].value == "foo");
    CHECK(e[2].value == "a:b");
    CHECK(e[3].is(TokenType::CDO));
    CHECK(e[4].is(TokenType::CDC));
}

TEST_CASE("tokenizer: hostile input terminates", "[style][tokenizer]") {
    std::string nasty = "\\";
    for (int i = 0; i < 1000; ++i) nasty += "((\"\\\n'@#-.-1e99999e";
    nasty.push_back('\0');
    nasty += "url(   (";
    auto t = tokenize(nasty);
    CHECK(t.back().is(TokenType::EndOfFile));
    auto huge = significant("1e999999 -1e999999");
    REQUIRE(huge.size() == 2);
    CHECK(std::isfinite(huge[0].number));
    CHECK(huge[1].number < 0);
}
