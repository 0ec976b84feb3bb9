#include "style/css_parser.hpp"

#include <optional>

namespace quorum::style::css {
namespace {

TokenType closer_of(TokenType open) {
    switch (open) {
        case TokenType::LeftBrace: return TokenType::RightBrace;
        case TokenType::LeftBracket: return TokenType::RightBracket;
        default: return TokenType::RightParen;  // LeftParen and Function
    }
}

bool opens_block(TokenType t) {
    return t == TokenType::LeftBrace || t == TokenType::LeftBracket || t == TokenType::LeftParen ||
           t == TokenType::Function;
}

void trim_whitespace(std::vector<Token>& tokens) {
    while (!tokens.empty() && tokens.back().is(TokenType::Whitespace)) tokens.pop_back();
    std::size_t lead = 0;
    while (lead < tokens.size() && tokens[lead].is(TokenType::Whitespace)) ++lead;
    tokens.erase(tokens.begin(), tokens.begin() + static_cast<std::ptrdiff_t>(lead));
}

bool is_margin_box_name(const std::string& name) {
    static const char* const names[] = {"top-left", "top-center", "top-right",
                                        "bottom-left", "bottom-center", "bottom-right"};
    for (const char* n : names)
        if (name == n) return true;
    return false;
}

class Parser {
public:
    Parser(std::vector<Token> tokens, Diagnostics& diagnostics) : t_(std::move(tokens)), d_(diagnostics) {}

    Stylesheet stylesheet() {
        Stylesheet sheet;
        consume_rule_list(sheet, /*nested=*/false);
        return sheet;
    }

    std::vector<RawDeclaration> declaration_list() { return consume_declarations(nullptr); }

private:
    std::vector<Token> t_;
    std::size_t i_ = 0;
    Diagnostics& d_;
    int media_depth_ = 0;  // @media inside @media recurses; a fuzzer's 10,000 levels must not

    const Token& peek() const { return t_[i_]; }
    bool at(TokenType type) const { return t_[i_].is(type); }
    bool at_end() const { return at(TokenType::EndOfFile); }
    const Token& advance() { return at_end() ? t_[i_] : t_[i_++]; }

    // Consumes one component value (a whole (), [], {} or function block) into `out`.
    // Iterative so "((((..." from a fuzzer cannot exhaust the stack.
    void consume_component(std::vector<Token>* out) {
        std::vector<TokenType> expected;
        do {
            const Token& token = advance();
            if (token.is(TokenType::EndOfFile)) return;
            if (out) out->push_back(token);
            if (opens_block(token.type)) expected.push_back(closer_of(token.type));
            else if (!expected.empty() && token.is(expected.back())) expected.pop_back();
        } while (!expected.empty());
    }

    void consume_rule_list(Stylesheet& sheet, bool nested) {
        for (;;) {
            if (at_end()) return;
            if (nested && at(TokenType::RightBrace)) {
                advance();
                return;
            }
            if (at(TokenType::Whitespace) || at(TokenType::CDO) || at(TokenType::CDC)) {
                advance();
            } else if (at(TokenType::AtKeyword)) {
                consume_at_rule(sheet);
            } else {
                consume_qualified_rule(sheet, nested);
            }
        }
    }

    // Collects tokens up to (not including) the '{' or ';' that ends a prelude.
    std::vector<Token> consume_prelude() {
        std::vector<Token> prelude;
        while (!at_end() && !at(TokenType::LeftBrace) && !at(TokenType::Semicolon) && !at(TokenType::RightBrace))
            consume_component(&prelude);
        trim_whitespace(prelude);
        return prelude;
    }

    void skip_block() { consume_component(nullptr); }

    void consume_qualified_rule(Stylesheet& sheet, bool nested) {
        int line = peek().line;
        std::vector<Token> prelude;
        while (!at_end() && !at(TokenType::LeftBrace) && !(nested && at(TokenType::RightBrace)))
            consume_component(&prelude);
        if (!at(TokenType::LeftBrace)) {  // EOF, or the end of the enclosing @media block
            d_.warn(line, "unterminated rule ignored");
            return;
        }
        advance();  // '{'
        trim_whitespace(prelude);
        StyleRule rule{std::move(prelude), consume_declarations(nullptr), line};
        sheet.rules.push_back(std::move(rule));
    }

    void consume_at_rule(Stylesheet& sheet) {
        const Token at_token = advance();
        std::string name = to_lower(at_token.value);
        std::vector<Token> prelude = consume_prelude();
        bool has_block = at(TokenType::LeftBrace);
        if (!has_block) {  // a statement such as @import or @charset
            if (at(TokenType::Semicolon)) advance();
            if (name != "charset") d_.warn(at_token.line, "unsupported at-rule @" + name + " ignored");
            return;
        }
        if (name == "media") {
            if (media_applies(prelude) && media_depth_ < 32) {
                advance();  // '{'
                ++media_depth_;
                consume_rule_list(sheet, /*nested=*/true);
                --media_depth_;
            } else {
                skip_block();
            }
        } else if (name == "page") {
            advance();
            PageRule page{std::move(prelude), {}, {}, at_token.line};
            page.declarations = consume_declarations(&page.margin_rules);
            sheet.pages.push_back(std::move(page));
        } else {
            d_.warn(at_token.line, "unsupported at-rule @" + name + " ignored");
            skip_block();
        }
    }

    // A media query list applies to print when any query names print or all (or is empty).
    // "not" queries and features are not evaluated: "print and (min-width...)" counts as print.
    bool media_applies(const std::vector<Token>& prelude) const {
        if (prelude.empty()) return true;
        bool query_start = true;
        for (const Token& token : prelude) {
            if (token.is(TokenType::Comma)) {
                query_start = true;
                continue;
            }
            if (token.is(TokenType::Whitespace)) continue;
            if (query_start && token.type == TokenType::Ident) {
                if (token.is_ident("only")) continue;
                if (token.is_ident("print") || token.is_ident("all")) return true;
            }
            query_start = false;
        }
        return false;
    }

    // Declarations up to the block's '}' (or EOF). In @page, margin at-rules go to `margin_rules`.
    std::vector<RawDeclaration> consume_declarations(std::vector<MarginRule>* margin_rules) {
        std::vector<RawDeclaration> out;
        for (;;) {
            if (at_end()) return out;
            if (at(TokenType::RightBrace)) {
                advance();
                return out;
            }
            if (at(TokenType::Whitespace) || at(TokenType::Semicolon)) {
                advance();
            } else if (at(TokenType::AtKeyword)) {
                consume_nested_at_rule(margin_rules);
            } else if (at(TokenType::Ident)) {
                std::vector<Token> tokens;
                while (!at_end() && !at(TokenType::Semicolon) && !at(TokenType::RightBrace)) consume_component(&tokens);
                if (auto declaration = make_declaration(std::move(tokens))) out.push_back(std::move(*declaration));
            } else {
                d_.warn(peek().line, "invalid declaration ignored");
                while (!at_end() && !at(TokenType::Semicolon) && !at(TokenType::RightBrace)) consume_component(nullptr);
            }
        }
    }

    void consume_nested_at_rule(std::vector<MarginRule>* margin_rules) {
        const Token at_token = advance();
        std::string name = to_lower(at_token.value);
        consume_prelude();
        if (!at(TokenType::LeftBrace)) {
            if (at(TokenType::Semicolon)) advance();
            d_.warn(at_token.line, "unsupported at-rule @" + name + " ignored");
            return;
        }
        if (margin_rules && is_margin_box_name(name)) {
            advance();
            margin_rules->push_back({name, consume_declarations(nullptr), at_token.line});
            return;
        }
        d_.warn(at_token.line, margin_rules ? "unsupported margin box @" + name + " ignored"
                                            : "unsupported at-rule @" + name + " ignored");
        skip_block();
    }

    std::optional<RawDeclaration> make_declaration(std::vector<Token> tokens) {
        RawDeclaration declaration;
        declaration.line = tokens.front().line;
        declaration.name = to_lower(tokens.front().value);
        std::size_t i = 1;
        while (i < tokens.size() && tokens[i].is(TokenType::Whitespace)) ++i;
        if (i >= tokens.size() || !tokens[i].is(TokenType::Colon)) {
            d_.warn(declaration.line, "invalid declaration '" + declaration.name + "' ignored (no colon)");
            return std::nullopt;
        }
        declaration.value.assign(tokens.begin() + static_cast<std::ptrdiff_t>(i + 1), tokens.end());
        trim_whitespace(declaration.value);
        strip_important(declaration);
        if (declaration.value.empty()) {
            d_.warn(declaration.line, "empty value for '" + declaration.name + "' ignored");
            return std::nullopt;
        }
        return declaration;
    }

    // "... ! important" at the end (whitespace allowed around '!').
    static void strip_important(RawDeclaration& declaration) {
        auto& v = declaration.value;
        if (v.empty() || !v.back().is_ident("important")) return;
        std::size_t j = v.size() - 1;
        while (j > 0 && v[j - 1].is(TokenType::Whitespace)) --j;
        if (j == 0 || !v[j - 1].is_delim('!')) return;
        v.resize(j - 1);
        trim_whitespace(v);
        declaration.important = true;
    }
};

}  // namespace

Stylesheet parse_stylesheet(std::string_view css, Diagnostics& diagnostics, int first_line) {
    return Parser(tokenize(css, first_line), diagnostics).stylesheet();
}

std::vector<RawDeclaration> parse_declaration_list(std::string_view css, Diagnostics& diagnostics, int first_line) {
    return Parser(tokenize(css, first_line), diagnostics).declaration_list();
}

}  // namespace quorum::style::css
