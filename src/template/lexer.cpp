#include "template/lexer.hpp"

#include "template/error.hpp"
#include "text/utf8.hpp"

#include <cmath>
#include <cstdlib>

namespace quorum::tmpl {

std::string describe_token_type(TokenType type) {
    switch (type) {
        case TokenType::Data: return "template data / text";
        case TokenType::VariableBegin: return "begin of print statement";
        case TokenType::VariableEnd: return "end of print statement";
        case TokenType::BlockBegin: return "begin of statement block";
        case TokenType::BlockEnd: return "end of statement block";
        case TokenType::Name: return "name";
        case TokenType::String: return "string";
        case TokenType::Integer: return "integer";
        case TokenType::Float: return "float";
        case TokenType::Add: return "+";
        case TokenType::Sub: return "-";
        case TokenType::Div: return "/";
        case TokenType::FloorDiv: return "//";
        case TokenType::Mul: return "*";
        case TokenType::Mod: return "%";
        case TokenType::Pow: return "**";
        case TokenType::Tilde: return "~";
        case TokenType::LBracket: return "[";
        case TokenType::RBracket: return "]";
        case TokenType::LParen: return "(";
        case TokenType::RParen: return ")";
        case TokenType::LBrace: return "{";
        case TokenType::RBrace: return "}";
        case TokenType::Eq: return "==";
        case TokenType::Ne: return "!=";
        case TokenType::Gt: return ">";
        case TokenType::GtEq: return ">=";
        case TokenType::Lt: return "<";
        case TokenType::LtEq: return "<=";
        case TokenType::Assign: return "=";
        case TokenType::Dot: return ".";
        case TokenType::Colon: return ":";
        case TokenType::Pipe: return "|";
        case TokenType::Comma: return ",";
        case TokenType::Semicolon: return ";";
        case TokenType::Eof: return "end of template";
    }
    return "?";
}

std::string describe_token(const Token& token) {
    if (token.type == TokenType::Name) return token.text;
    return describe_token_type(token.type);
}

std::string normalize_source(std::string_view source) {
    std::string out;
    out.reserve(source.size());
    for (std::size_t i = 0; i < source.size(); ++i) {
        if (source[i] == '\r') {
            out += '\n';
            if (i + 1 < source.size() && source[i + 1] == '\n') ++i;
        } else {
            out += source[i];
        }
    }
    if (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
}

namespace {

using encoding::append_utf8;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Python's str.isspace / re's \s, on UTF-8: the byte length of the whitespace
// character starting at s[i], or 0. Jinja2's "-" whitespace control strips these.
std::size_t space_at(std::string_view s, std::size_t i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (is_space(s[i]) || (c >= 0x1C && c <= 0x1F)) return 1;
    auto byte = [&](std::size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
    if (c == 0xC2 && (byte(1) == 0x85 || byte(1) == 0xA0)) return 2;  // U+0085, U+00A0
    if (c == 0xE1 && byte(1) == 0x9A && byte(2) == 0x80) return 3;     // U+1680
    if (c == 0xE2 && byte(1) == 0x80 && ((byte(2) >= 0x80 && byte(2) <= 0x8A) || byte(2) == 0xA8 || byte(2) == 0xA9 || byte(2) == 0xAF))
        return 3;                                                      // U+2000..200A, 2028, 2029, 202F
    if (c == 0xE2 && byte(1) == 0x81 && byte(2) == 0x9F) return 3;     // U+205F
    if (c == 0xE3 && byte(1) == 0x80 && byte(2) == 0x80) return 3;     // U+3000
    return 0;
}

// Skips whitespace forward from `p`.
std::size_t skip_unicode_spaces(std::string_view s, std::size_t p) {
    while (p < s.size()) {
        std::size_t n = space_at(s, p);
        if (!n) break;
        p += n;
    }
    return p;
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_name_start(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}
bool is_name_char(char c) { return is_name_start(c) || is_digit(c); }


class Lexer {
public:
    Lexer(std::string_view src, const std::string& name) : src_(src), name_(name) {}

    std::vector<Token> run() {
        while (pos_ < src_.size()) lex_data();
        // Jinja2's end-of-template token carries the line of the last real token.
        int last_line = tokens_.empty() ? 1 : tokens_.back().line;
        int last_column = tokens_.empty() ? 1 : tokens_.back().column;
        Token& eof = push(TokenType::Eof, pos_);
        eof.line = last_line;
        eof.column = last_column;
        return std::move(tokens_);
    }

private:
    std::string_view src_;
    const std::string& name_;
    std::size_t pos_ = 0;
    int line_ = 1;
    std::size_t line_start_ = 0;
    std::vector<Token> tokens_;
    std::vector<TokenType> balance_;  // open brackets inside a tag: end delimiters are ignored meanwhile

    [[noreturn]] void fail(const std::string& message, std::size_t at) {
        // Jinja2 reports the line the lexer has reached; we add the column of `at`.
        int column = static_cast<int>(at >= line_start_ ? at - line_start_ : 0) + 1;
        throw RenderError(RenderError::Kind::Syntax, message, {name_, line_, column});
    }

    int column_of(std::size_t at) const { return static_cast<int>(at - line_start_) + 1; }

    Token& push(TokenType type, std::size_t at) {
        Token t;
        t.type = type;
        t.line = line_;
        t.column = at >= line_start_ ? column_of(at) : 1;
        tokens_.push_back(std::move(t));
        return tokens_.back();
    }

    // Moves pos_ to `to`, counting newlines on the way.
    void advance(std::size_t to) {
        for (; pos_ < to; ++pos_) {
            if (src_[pos_] == '\n') {
                ++line_;
                line_start_ = pos_ + 1;
            }
        }
    }

    bool starts_with(std::size_t at, std::string_view s) const { return src_.substr(at, s.size()) == s; }

    void skip_spaces() {
        std::size_t p = pos_;
        while (p < src_.size() && is_space(src_[p])) ++p;
        advance(p);
    }

    // Finds the next "{{", "{%" or "{#" at or after `from`.
    std::size_t find_tag(std::size_t from) const {
        for (std::size_t p = src_.find('{', from); p != std::string_view::npos; p = src_.find('{', p + 1)) {
            if (p + 1 < src_.size() && (src_[p + 1] == '{' || src_[p + 1] == '%' || src_[p + 1] == '#')) return p;
        }
        return std::string_view::npos;
    }

    // Python's str.rstrip(): the end of `text` without trailing (Unicode) whitespace.
    static std::size_t rstrip_end(std::string_view text) {
        std::size_t end = text.size();
        while (end > 0) {
            std::size_t start = end - 1;
            while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80 && end - start < 3) --start;
            if (space_at(text, start) == end - start) {
                end = start;
            } else if (is_space(text[end - 1])) {
                --end;
            } else {
                break;
            }
        }
        return end;
    }

    void push_data(std::size_t from, std::size_t to) {
        if (to <= from) {
            advance(to);
            return;
        }
        Token& t = push(TokenType::Data, from);
        t.text.assign(src_.substr(from, to - from));
    }

    // Is there "{% raw %}" (with optional - / + and spaces) at `at`? Returns the end of the tag.
    std::size_t match_raw_begin(std::size_t at, bool& strip_before) const {
        std::size_t p = at + 2;
        strip_before = false;
        if (p < src_.size() && (src_[p] == '-' || src_[p] == '+')) strip_before = src_[p++] == '-';
        while (p < src_.size() && is_space(src_[p])) ++p;
        if (!starts_with(p, "raw")) return 0;
        p += 3;
        while (p < src_.size() && is_space(src_[p])) ++p;
        if (starts_with(p, "-%}")) return skip_unicode_spaces(src_, p + 3);
        if (starts_with(p, "%}")) return p + 2;
        return 0;
    }

    void lex_data() {
        std::size_t tag = find_tag(pos_);
        if (tag == std::string_view::npos) {
            push_data(pos_, src_.size());
            advance(src_.size());
            return;
        }
        char kind = src_[tag + 1];
        std::size_t after = tag + 2;
        bool strip = false;
        bool raw_strip = false;
        std::size_t raw_end = kind == '%' ? match_raw_begin(tag, raw_strip) : 0;
        if (raw_end) {
            strip = raw_strip;
        } else if (after < src_.size() && (src_[after] == '-' || src_[after] == '+')) {
            strip = src_[after] == '-';
            ++after;
        }
        std::size_t data_end = tag;
        if (strip) data_end = pos_ + rstrip_end(src_.substr(pos_, tag - pos_));
        push_data(pos_, data_end);
        advance(tag);
        if (raw_end) {
            advance(raw_end);
            lex_raw();
            return;
        }
        if (kind == '#') {
            lex_comment(after);
            return;
        }
        push(kind == '{' ? TokenType::VariableBegin : TokenType::BlockBegin, tag);
        advance(after);
        lex_tag(kind == '{');
    }

    void lex_raw() {
        // Find "{%" [-+] spaces "endraw" spaces ("+%}" | "-%}" spaces | "%}").
        for (std::size_t p = src_.find("{%", pos_); p != std::string_view::npos; p = src_.find("{%", p + 1)) {
            std::size_t q = p + 2;
            bool strip = false;
            if (q < src_.size() && (src_[q] == '-' || src_[q] == '+')) strip = src_[q++] == '-';
            while (q < src_.size() && is_space(src_[q])) ++q;
            if (!starts_with(q, "endraw")) continue;
            q += 6;
            while (q < src_.size() && is_space(src_[q])) ++q;
            std::size_t end = 0;
            if (starts_with(q, "+%}")) {
                end = q + 3;
            } else if (starts_with(q, "-%}")) {
                end = skip_unicode_spaces(src_, q + 3);
            } else if (starts_with(q, "%}")) {
                end = q + 2;
            } else {
                continue;
            }
            std::size_t data_end = strip ? pos_ + rstrip_end(src_.substr(pos_, p - pos_)) : p;
            push_data(pos_, data_end);
            advance(end);
            return;
        }
        fail("Missing end of raw directive", pos_);
    }

    void lex_comment(std::size_t after) {
        for (std::size_t p = src_.find("#}", after); p != std::string_view::npos; p = src_.find("#}", p + 1)) {
            std::size_t end = p + 2;
            if (p > after && src_[p - 1] == '-') end = skip_unicode_spaces(src_, end);
            advance(end);
            return;
        }
        fail("Missing end of comment tag", pos_);
    }

    // Tries the end delimiter of the current tag at pos_; true when the tag ended.
    bool match_tag_end(bool variable) {
        if (!balance_.empty()) return false;
        std::string_view close = variable ? "}}" : "%}";
        std::size_t p = pos_;
        bool strip = false;
        if (starts_with(p, "-") && starts_with(p + 1, close)) {
            strip = true;
            p += 1;
        } else if (!variable && starts_with(p, "+%}")) {
            p += 1;
        } else if (!starts_with(p, close)) {
            return false;
        }
        push(variable ? TokenType::VariableEnd : TokenType::BlockEnd, pos_);
        p += 2;
        if (strip) p = skip_unicode_spaces(src_, p);
        advance(p);
        return true;
    }

    void lex_tag(bool variable) {
        balance_.clear();
        for (;;) {
            if (pos_ >= src_.size()) return;  // the parser reports the unexpected end
            if (match_tag_end(variable)) return;
            char c = src_[pos_];
            if (is_space(c)) {
                skip_spaces();
            } else if (is_digit(c) || (c == '.' && false)) {
                lex_number();
            } else if (is_name_start(c)) {
                std::size_t p = pos_;
                while (p < src_.size() && is_name_char(src_[p])) ++p;
                Token& t = push(TokenType::Name, pos_);
                t.text.assign(src_.substr(pos_, p - pos_));
                advance(p);
            } else if (c == '\'' || c == '"') {
                lex_string(c);
            } else {
                lex_operator();
            }
        }
    }

    // Digits with single underscores between them, as Jinja2's regexes allow.
    std::size_t scan_digits(std::size_t p) const {
        if (p >= src_.size() || !is_digit(src_[p])) return p;
        while (p < src_.size()) {
            if (is_digit(src_[p])) {
                ++p;
            } else if (src_[p] == '_' && p + 1 < src_.size() && is_digit(src_[p + 1])) {
                p += 2;
            } else {
                break;
            }
        }
        return p;
    }

    void lex_number() {
        std::size_t start = pos_;
        std::size_t p = scan_digits(pos_);
        bool is_float = false;
        // fraction: "." digits
        if (p + 1 < src_.size() && src_[p] == '.' && is_digit(src_[p + 1])) {
            p = scan_digits(p + 1);
            is_float = true;
        }
        // exponent: e[+-]digits
        if (p < src_.size() && (src_[p] == 'e' || src_[p] == 'E')) {
            std::size_t q = p + 1;
            if (q < src_.size() && (src_[q] == '+' || src_[q] == '-')) ++q;
            std::size_t r = scan_digits(q);
            if (r > q) {
                p = r;
                is_float = true;
            }
        }
        std::string digits;
        for (std::size_t i = start; i < p; ++i)
            if (src_[i] != '_') digits += src_[i];
        if (is_float) {
            Token& t = push(TokenType::Float, start);
            t.real = std::strtod(digits.c_str(), nullptr);
            advance(p);
            return;
        }
        // Python forbids leading zeros in decimal ints ("007"); Jinja2's regex then lexes "0" alone.
        if (digits.size() > 1 && digits[0] == '0') {
            std::size_t q = start + 1;
            while (q < src_.size() && (src_[q] == '0' || (src_[q] == '_' && q + 1 < src_.size() && src_[q + 1] == '0'))) ++q;
            p = q;
            digits = "0";
        }
        Token& t = push(TokenType::Integer, start);
        errno = 0;
        char* end = nullptr;
        long long value = std::strtoll(digits.c_str(), &end, 10);
        if (errno == ERANGE) t.text = std::move(digits);  // beyond int64: the parser makes a BigInt
        else t.integer = value;
        advance(p);
    }

    void lex_string(char quote) {
        std::size_t start = pos_;
        std::size_t p = pos_ + 1;
        while (p < src_.size() && src_[p] != quote) {
            if (src_[p] == '\\') ++p;
            ++p;
        }
        if (p >= src_.size()) fail(std::string("unexpected char ") + (quote == '\'' ? "\"'\"" : "'\"'") + " at " + std::to_string(char_index(start)), start);
        Token& t = push(TokenType::String, start);
        t.text = unescape(src_.substr(start + 1, p - start - 1));
        advance(p + 1);
    }

    // Python's "unicode-escape" decoding as Jinja2 applies it to string literals.
    static std::string unescape(std::string_view s) {
        std::string out;
        out.reserve(s.size());
        for (std::size_t i = 0; i < s.size(); ++i) {
            char c = s[i];
            if (c != '\\' || i + 1 >= s.size()) {
                out += c;
                continue;
            }
            char e = s[++i];
            auto hex = [&](int n) -> long {
                if (i + n >= s.size() + 0 && i + n > s.size()) return -1;
                std::string h(s.substr(i + 1, n));
                if (static_cast<int>(h.size()) != n) return -1;
                for (char x : h)
                    if (!std::isxdigit(static_cast<unsigned char>(x))) return -1;
                i += n;
                return std::strtol(h.c_str(), nullptr, 16);
            };
            switch (e) {
                case '\n': break;
                case '\\': out += '\\'; break;
                case '\'': out += '\''; break;
                case '"': out += '"'; break;
                case 'a': out += '\a'; break;
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'n': out += '\n'; break;
                case 'r': out += '\r'; break;
                case 't': out += '\t'; break;
                case 'v': out += '\v'; break;
                case 'x': case 'u': case 'U': {
                    long cp = hex(e == 'x' ? 2 : e == 'u' ? 4 : 8);
                    if (cp < 0 || cp > 0x10FFFF) {
                        out += '\\';
                        out += e;
                    } else {
                        append_utf8(out, static_cast<std::uint32_t>(cp));
                    }
                    break;
                }
                default:
                    if (e >= '0' && e <= '7') {
                        int value = e - '0';
                        for (int k = 0; k < 2 && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '7'; ++k)
                            value = value * 8 + (s[++i] - '0');
                        append_utf8(out, static_cast<std::uint32_t>(value));
                    } else {
                        out += '\\';
                        out += e;
                    }
            }
        }
        return out;
    }

    void lex_operator() {
        struct Op { std::string_view text; TokenType type; };
        static constexpr Op ops[] = {
            {"//", TokenType::FloorDiv}, {"**", TokenType::Pow}, {"==", TokenType::Eq}, {"!=", TokenType::Ne},
            {">=", TokenType::GtEq}, {"<=", TokenType::LtEq}, {"+", TokenType::Add}, {"-", TokenType::Sub},
            {"/", TokenType::Div}, {"*", TokenType::Mul}, {"%", TokenType::Mod}, {"~", TokenType::Tilde},
            {"[", TokenType::LBracket}, {"]", TokenType::RBracket}, {"(", TokenType::LParen},
            {")", TokenType::RParen}, {"{", TokenType::LBrace}, {"}", TokenType::RBrace}, {">", TokenType::Gt},
            {"<", TokenType::Lt}, {"=", TokenType::Assign}, {".", TokenType::Dot}, {":", TokenType::Colon},
            {"|", TokenType::Pipe}, {",", TokenType::Comma}, {";", TokenType::Semicolon},
        };
        for (const Op& op : ops) {
            if (op.text[0] != src_[pos_] || !starts_with(pos_, op.text)) continue;  // the first byte rules out most
            track_balance(op);
            push(op.type, pos_);
            advance(pos_ + op.text.size());
            return;
        }
        std::string shown(1, src_[pos_]);
        // Python shows the character with repr(): quote it the way repr would.
        std::size_t len = 1;
        unsigned char lead = static_cast<unsigned char>(src_[pos_]);
        if (lead >= 0xC0) len = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
        shown = std::string(src_.substr(pos_, len));
        std::string quoted = shown == "\\" ? "'\\\\'" : "'" + shown + "'";
        fail("unexpected char " + quoted + " at " + std::to_string(char_index(pos_)), pos_);
    }

    // Python reports positions in characters, not bytes.
    std::size_t char_index(std::size_t byte) const {
        std::size_t count = 0;
        for (std::size_t i = 0; i < byte; ++i)
            if ((static_cast<unsigned char>(src_[i]) & 0xC0) != 0x80) ++count;
        return count;
    }

    template <class OpT>
    void track_balance(const OpT& op) {
        switch (op.type) {
            case TokenType::LParen: balance_.push_back(TokenType::RParen); break;
            case TokenType::LBracket: balance_.push_back(TokenType::RBracket); break;
            case TokenType::LBrace: balance_.push_back(TokenType::RBrace); break;
            case TokenType::RParen:
            case TokenType::RBracket:
            case TokenType::RBrace: {
                if (balance_.empty()) fail("unexpected '" + std::string(op.text) + "'", pos_);
                TokenType expected = balance_.back();
                if (expected != op.type)
                    fail("unexpected '" + std::string(op.text) + "', expected '" + describe_token_type(expected) + "'", pos_);
                balance_.pop_back();
                break;
            }
            default: break;
        }
    }
};

}  // namespace

std::vector<Token> tokenize(std::string_view source, const std::string& template_name) {
    return Lexer(source, template_name).run();
}

}  // namespace quorum::tmpl
