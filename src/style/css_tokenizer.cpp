#include "style/css_tokenizer.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace quorum::style::css {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool is_newline(char c) { return c == '\n' || c == '\r' || c == '\f'; }
bool is_space(char c) { return c == ' ' || c == '\t' || is_newline(c); }
bool is_name_start(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}
bool is_name_char(char c) { return is_name_start(c) || is_digit(c) || c == '-'; }

int hex_value(char c) {
    if (is_digit(c)) return c - '0';
    return (c | 0x20) - 'a' + 10;
}

// CSS escapes can name any number: NUL, surrogates and values past U+10FFFF become U+FFFD.
void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    encoding::append_utf8(out, cp);
}

class Tokenizer {
public:
    Tokenizer(std::string_view css, int first_line) : s_(css), line_(first_line) {}

    std::vector<Token> run() {
        std::vector<Token> out;
        out.reserve(s_.size() / 3 + 1);
        for (;;) {
            Token t = next();
            bool end = t.is(TokenType::EndOfFile);
            out.push_back(std::move(t));
            if (end) return out;
        }
    }

private:
    std::string_view s_;
    std::size_t i_ = 0;
    int line_;

    char peek(std::size_t ahead = 0) const { return i_ + ahead < s_.size() ? s_[i_ + ahead] : '\0'; }
    bool at_end(std::size_t ahead = 0) const { return i_ + ahead >= s_.size(); }

    // Advances one byte, counting lines ("\r\n" counts once).
    char advance() {
        char c = s_[i_++];
        if (c == '\n' || c == '\f' || (c == '\r' && peek() != '\n')) ++line_;
        return c;
    }

    bool valid_escape(std::size_t ahead = 0) const {
        return peek(ahead) == '\\' && !at_end(ahead + 1) && !is_newline(peek(ahead + 1));
    }
    bool starts_identifier(std::size_t ahead = 0) const {
        char c = peek(ahead);
        if (c == '-') return is_name_start(peek(ahead + 1)) || peek(ahead + 1) == '-' || valid_escape(ahead + 1);
        if (is_name_start(c)) return !at_end(ahead);
        return valid_escape(ahead);
    }
    bool starts_number() const {
        char c = peek();
        if (c == '+' || c == '-') return is_digit(peek(1)) || (peek(1) == '.' && is_digit(peek(2)));
        if (c == '.') return is_digit(peek(1));
        return is_digit(c);
    }

    // After the backslash.
    void consume_escape(std::string& out) {
        if (at_end()) {
            append_utf8(out, 0xFFFD);
            return;
        }
        if (!is_hex(peek())) {
            out.push_back(advance());
            return;
        }
        std::uint32_t cp = 0;
        for (int n = 0; n < 6 && is_hex(peek()); ++n) cp = cp * 16 + static_cast<std::uint32_t>(hex_value(advance()));
        if (is_space(peek())) {
            if (peek() == '\r' && peek(1) == '\n') advance();
            advance();
        }
        append_utf8(out, cp);
    }

    std::string consume_name() {
        std::string out;
        for (;;) {
            if (is_name_char(peek()) && !at_end()) out.push_back(advance());
            else if (valid_escape()) {
                advance();
                consume_escape(out);
            } else return out;
        }
    }

    void skip_comments() {
        while (peek() == '/' && peek(1) == '*') {
            advance();
            advance();
            while (!at_end() && !(peek() == '*' && peek(1) == '/')) advance();
            if (!at_end()) {
                advance();
                advance();
            }
        }
    }

    Token make(TokenType type, int line, std::string value = {}) {
        Token t;
        t.type = type;
        t.line = line;
        t.value = std::move(value);
        return t;
    }

    Token consume_string(char quote, int line) {
        std::string out;
        while (!at_end()) {
            char c = peek();
            if (c == quote) {
                advance();
                return make(TokenType::String, line, std::move(out));
            }
            if (is_newline(c)) return make(TokenType::BadString, line);  // newline stays for the next token
            advance();
            if (c == '\\') {
                if (at_end()) continue;
                if (is_newline(peek())) {  // escaped newline: a line continuation
                    if (peek() == '\r' && peek(1) == '\n') advance();
                    advance();
                } else consume_escape(out);
            } else out.push_back(c);
        }
        return make(TokenType::String, line, std::move(out));  // EOF ends the string (a parse error, kept)
    }

    Token consume_number_like(int line) {
        std::size_t start = i_;
        bool integer = true;
        if (peek() == '+' || peek() == '-') advance();
        while (is_digit(peek())) advance();
        if (peek() == '.' && is_digit(peek(1))) {
            integer = false;
            advance();
            while (is_digit(peek())) advance();
        }
        if ((peek() == 'e' || peek() == 'E') &&
            (is_digit(peek(1)) || ((peek(1) == '+' || peek(1) == '-') && is_digit(peek(2))))) {
            integer = false;
            advance();
            if (peek() == '+' || peek() == '-') advance();
            while (is_digit(peek())) advance();
        }
        Token t = make(TokenType::Number, line);
        t.number = parse_number(s_.substr(start, i_ - start));
        t.is_integer = integer;
        if (starts_identifier()) {
            t.type = TokenType::Dimension;
            t.value = consume_name();
        } else if (peek() == '%') {
            advance();
            t.type = TokenType::Percentage;
        }
        return t;
    }

    // strtod depends on the C locale and wants a NUL-terminated copy; this is simple and exact enough.
    static double parse_number(std::string_view text) {
        std::size_t i = 0;
        double sign = 1;
        if (i < text.size() && (text[i] == '+' || text[i] == '-')) sign = text[i++] == '-' ? -1 : 1;
        double value = 0;
        while (i < text.size() && is_digit(text[i])) value = value * 10 + (text[i++] - '0');
        if (i < text.size() && text[i] == '.') {
            ++i;
            double scale = 0.1;
            while (i < text.size() && is_digit(text[i])) {
                value += (text[i++] - '0') * scale;
                scale /= 10;
            }
        }
        if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
            ++i;
            int exp_sign = 1;
            if (i < text.size() && (text[i] == '+' || text[i] == '-')) exp_sign = text[i++] == '-' ? -1 : 1;
            int exponent = 0;
            while (i < text.size() && is_digit(text[i])) exponent = std::min(exponent * 10 + (text[i++] - '0'), 400);
            value *= std::pow(10.0, exp_sign * exponent);
        }
        double result = sign * value;
        return std::isfinite(result) ? result : sign * 1e300;
    }

    Token consume_ident_like(int line) {
        std::string name = consume_name();
        if (peek() != '(') return make(TokenType::Ident, line, std::move(name));
        advance();
        if (iequals(name, "url")) {
            while (is_space(peek()) && is_space(peek(1))) advance();
            char c = peek() == ' ' || peek() == '\t' || is_newline(peek()) ? peek(1) : peek();
            if (c != '"' && c != '\'') return consume_url(line);
        }
        return make(TokenType::Function, line, std::move(name));
    }

    Token consume_url(int line) {
        std::string out;
        while (is_space(peek())) advance();
        while (!at_end()) {
            char c = advance();
            if (c == ')') return make(TokenType::Url, line, std::move(out));
            if (is_space(c)) {
                while (is_space(peek())) advance();
                if (peek() == ')' || at_end()) {
                    if (!at_end()) advance();
                    return make(TokenType::Url, line, std::move(out));
                }
                return consume_bad_url(line);
            }
            if (c == '"' || c == '\'' || c == '(') return consume_bad_url(line);
            if (c == '\\') {
                if (is_newline(peek())) return consume_bad_url(line);
                consume_escape(out);
            } else out.push_back(c);
        }
        return make(TokenType::Url, line, std::move(out));
    }

    Token consume_bad_url(int line) {
        while (!at_end()) {
            if (valid_escape()) {
                advance();
                advance();
                continue;
            }
            if (advance() == ')') break;
        }
        return make(TokenType::BadUrl, line);
    }

    Token next() {
        skip_comments();
        int line = line_;
        if (at_end()) return make(TokenType::EndOfFile, line);
        char c = peek();
        if (is_space(c)) {
            while (is_space(peek())) advance();
            return make(TokenType::Whitespace, line);
        }
        if (c == '"' || c == '\'') {
            advance();
            return consume_string(c, line);
        }
        if (c == '#') {
            if (is_name_char(peek(1)) || valid_escape(1)) {
                advance();
                Token t = make(TokenType::Hash, line);
                t.hash_is_id = starts_identifier();
                t.value = consume_name();
                return t;
            }
        }
        if (starts_number()) return consume_number_like(line);
        if (c == '-' && peek(1) == '-' && peek(2) == '>') {
            i_ += 3;
            return make(TokenType::CDC, line);
        }
        if (c == '<' && peek(1) == '!' && peek(2) == '-' && peek(3) == '-') {
            i_ += 4;
            return make(TokenType::CDO, line);
        }
        if (starts_identifier()) return consume_ident_like(line);
        if (c == '@' && starts_identifier(1)) {
            advance();
            return make(TokenType::AtKeyword, line, consume_name());
        }
        advance();
        switch (c) {
            case '(': return make(TokenType::LeftParen, line);
            case ')': return make(TokenType::RightParen, line);
            case '[': return make(TokenType::LeftBracket, line);
            case ']': return make(TokenType::RightBracket, line);
            case '{': return make(TokenType::LeftBrace, line);
            case '}': return make(TokenType::RightBrace, line);
            case ':': return make(TokenType::Colon, line);
            case ';': return make(TokenType::Semicolon, line);
            case ',': return make(TokenType::Comma, line);
            default: return make(TokenType::Delim, line, std::string(1, c));
        }
    }
};

}  // namespace

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               auto lower = [](char ch) { return (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch + 32) : ch; };
               return lower(x) == lower(y);
           });
}

std::string to_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    return out;
}

bool Token::is_ident(std::string_view lower_case_name) const {
    return type == TokenType::Ident && iequals(value, lower_case_name);
}

namespace {
std::string number_text(double n) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g", n);
    return buffer;
}
}  // namespace

std::string serialize(const std::vector<Token>& tokens) {
    std::string out;
    for (const Token& t : tokens) {
        switch (t.type) {
            case TokenType::Ident: out += t.value; break;
            case TokenType::Function: out += t.value + "("; break;
            case TokenType::AtKeyword: out += "@" + t.value; break;
            case TokenType::Hash: out += "#" + t.value; break;
            case TokenType::String: out += "\"" + t.value + "\""; break;
            case TokenType::BadString: out += "\""; break;
            case TokenType::Url: out += "url(" + t.value + ")"; break;
            case TokenType::BadUrl: out += "url("; break;
            case TokenType::Delim: out += t.value; break;
            case TokenType::Number: out += number_text(t.number); break;
            case TokenType::Percentage: out += number_text(t.number) + "%"; break;
            case TokenType::Dimension: out += number_text(t.number) + t.value; break;
            case TokenType::Whitespace: out += ' '; break;
            case TokenType::CDO: out += "<!--"; break;
            case TokenType::CDC: out += "-->"; break;
            case TokenType::Colon: out += ':'; break;
            case TokenType::Semicolon: out += ';'; break;
            case TokenType::Comma: out += ','; break;
            case TokenType::LeftBracket: out += '['; break;
            case TokenType::RightBracket: out += ']'; break;
            case TokenType::LeftParen: out += '('; break;
            case TokenType::RightParen: out += ')'; break;
            case TokenType::LeftBrace: out += '{'; break;
            case TokenType::RightBrace: out += '}'; break;
            case TokenType::EndOfFile: break;
        }
        if (out.size() > 60) return out.substr(0, 57) + "...";  // messages stay one readable line
    }
    return out;
}

std::vector<Token> tokenize(std::string_view css, int first_line) { return Tokenizer(css, first_line).run(); }

}  // namespace quorum::style::css
