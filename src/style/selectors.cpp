#include "style/selectors.hpp"

#include <algorithm>
#include <cmath>

namespace quorum::style {
namespace {

using css::Token;
using css::TokenType;

void add_specificity(const Compound& c, std::uint32_t& ids, std::uint32_t& classes, std::uint32_t& types) {
    if (!c.id.empty()) ++ids;
    classes += static_cast<std::uint32_t>(c.classes.size() + c.attributes.size() + c.nth.size() + c.pseudo_classes.size());
    if (!c.tag.empty()) ++types;
    for (const Compound& n : c.negations) add_specificity(n, ids, classes, types);  // :not() counts its argument
}

std::uint32_t specificity_of(const Selector& s) {
    std::uint32_t ids = 0, classes = 0, types = 0;
    for (const Compound& c : s.compounds) add_specificity(c, ids, classes, types);
    if (s.pseudo) ++types;
    auto cap = [](std::uint32_t v) { return std::min<std::uint32_t>(v, 1023); };
    return cap(ids) << 20 | cap(classes) << 10 | cap(types);
}

// Text of an+b from tokens, whitespace removed; see parse_nth.
std::string nth_text(const std::vector<Token>& args) {
    std::string out;
    auto number = [](double n) { return std::to_string(static_cast<long long>(std::llround(n))); };
    for (const Token& t : args) {
        switch (t.type) {
            case TokenType::Whitespace: break;
            case TokenType::Number:
                if (!t.is_integer) return "!";
                if (t.number >= 0 && !out.empty() && out.back() != '+' && out.back() != '-') out += '+';
                out += number(t.number);
                break;
            case TokenType::Dimension:
                if (!t.is_integer) return "!";
                out += number(t.number) + t.value;
                break;
            case TokenType::Ident: out += t.value; break;
            case TokenType::Delim: out += t.value; break;
            default: return "!";
        }
    }
    return css::to_lower(out);
}

class SelectorParser {
public:
    SelectorParser(const std::vector<Token>& tokens, std::string& error) : t_(tokens), error_(error) {}

    std::optional<std::vector<Selector>> list() {
        std::vector<Selector> out;
        for (;;) {
            skip_whitespace();
            auto selector = complex();
            if (!selector) return std::nullopt;
            selector->specificity = specificity_of(*selector);
            out.push_back(std::move(*selector));
            skip_whitespace();
            if (at_end()) return out;
            if (!peek().is(TokenType::Comma)) return fail("unexpected token in selector");
            ++i_;
        }
    }

private:
    const std::vector<Token>& t_;
    std::string& error_;
    std::size_t i_ = 0;

    bool at_end() const { return i_ >= t_.size() || t_[i_].is(TokenType::EndOfFile); }
    const Token& peek() const { return t_[i_]; }
    void skip_whitespace() {
        while (!at_end() && peek().is(TokenType::Whitespace)) ++i_;
    }
    std::nullopt_t fail(std::string message) {
        if (error_.empty()) error_ = std::move(message);
        return std::nullopt;
    }

    std::optional<Selector> complex() {
        Selector s;
        for (;;) {
            Compound c;
            if (!compound(c, s)) return std::nullopt;
            s.compounds.push_back(std::move(c));
            bool had_space = !at_end() && peek().is(TokenType::Whitespace);
            skip_whitespace();
            if (at_end() || peek().is(TokenType::Comma)) return s;
            if (s.pseudo) return fail("a pseudo-element must end the selector");
            Combinator combinator = Combinator::Descendant;
            if (peek().is_delim('>')) combinator = Combinator::Child;
            else if (peek().is_delim('+')) combinator = Combinator::Adjacent;
            else if (peek().is_delim('~')) combinator = Combinator::Sibling;
            else if (!had_space) return fail("unsupported selector");
            if (combinator != Combinator::Descendant) {
                ++i_;
                skip_whitespace();
            }
            s.combinators.push_back(combinator);
        }
    }

    bool compound(Compound& c, Selector& s) {
        bool any = false;
        if (!at_end() && peek().is(TokenType::Ident)) {
            c.tag = css::to_lower(peek().value);
            ++i_;
            any = true;
        } else if (!at_end() && peek().is_delim('*')) {
            ++i_;
            any = true;
        }
        while (!at_end()) {
            const Token& t = peek();
            if (t.is(TokenType::Hash) && t.hash_is_id) {
                c.id = t.value;
                ++i_;
            } else if (t.is_delim('.')) {
                ++i_;
                if (at_end() || !peek().is(TokenType::Ident)) return fail("expected a class name after '.'"), false;
                c.classes.push_back(peek().value);
                ++i_;
            } else if (t.is(TokenType::LeftBracket)) {
                if (!attribute(c)) return false;
            } else if (t.is(TokenType::Colon)) {
                if (!pseudo(c, s)) return false;
            } else {
                break;
            }
            any = true;
        }
        if (!any) return fail("unsupported selector"), false;
        return true;
    }

    bool attribute(Compound& c) {
        ++i_;  // '['
        skip_whitespace();
        if (at_end() || !peek().is(TokenType::Ident)) return fail("malformed attribute selector"), false;
        AttributeTest test{css::to_lower(peek().value), AttributeTest::Op::Exists, {}};
        ++i_;
        skip_whitespace();
        if (!at_end() && !peek().is(TokenType::RightBracket)) {
            static constexpr std::pair<char, AttributeTest::Op> ops[] = {
                {'~', AttributeTest::Op::Includes}, {'|', AttributeTest::Op::DashMatch}, {'^', AttributeTest::Op::Prefix},
                {'$', AttributeTest::Op::Suffix},   {'*', AttributeTest::Op::Substring}};
            test.op = AttributeTest::Op::Equals;
            for (const auto& [ch, op] : ops) {
                if (peek().is_delim(ch)) {
                    test.op = op;
                    ++i_;
                }
            }
            if (at_end() || !peek().is_delim('=')) return fail("malformed attribute selector"), false;
            ++i_;
            skip_whitespace();
            if (at_end() || !(peek().is(TokenType::Ident) || peek().is(TokenType::String)))
                return fail("malformed attribute selector"), false;
            test.value = peek().value;
            ++i_;
            skip_whitespace();
        }
        if (at_end() || !peek().is(TokenType::RightBracket)) return fail("malformed attribute selector"), false;
        ++i_;
        c.attributes.push_back(std::move(test));
        return true;
    }

    bool negation(Compound& c);

    bool pseudo(Compound& c, Selector& s) {
        ++i_;  // ':'
        bool element_syntax = !at_end() && peek().is(TokenType::Colon);
        if (element_syntax) ++i_;
        if (at_end()) return fail("malformed pseudo-class"), false;
        const Token& t = peek();
        if (t.is(TokenType::Ident)) {
            std::string name = css::to_lower(t.value);
            ++i_;
            if (name == "before" || name == "after") {
                s.pseudo = name == "before" ? PseudoElement::Before : PseudoElement::After;
                return true;
            }
            if (!element_syntax && name == "first-child") return c.nth.push_back({0, 1, false}), true;
            if (!element_syntax && name == "last-child") return c.nth.push_back({0, 1, true}), true;
            static constexpr std::pair<std::string_view, SimplePseudo> simple[] = {
                {"root", SimplePseudo::Root}, {"empty", SimplePseudo::Empty}, {"only-child", SimplePseudo::OnlyChild},
                {"first-of-type", SimplePseudo::FirstOfType}, {"last-of-type", SimplePseudo::LastOfType},
                {"link", SimplePseudo::Link}, {"any-link", SimplePseudo::Link}, {"visited", SimplePseudo::Never},
                {"hover", SimplePseudo::Never}, {"active", SimplePseudo::Never}, {"focus", SimplePseudo::Never},
                {"focus-within", SimplePseudo::Never}, {"focus-visible", SimplePseudo::Never},
                {"target", SimplePseudo::Never}, {"checked", SimplePseudo::Never}, {"disabled", SimplePseudo::Never}};
            for (const auto& [text, kind] : simple)
                if (!element_syntax && name == text) return c.pseudo_classes.push_back(kind), true;
            return fail("unsupported selector ':" + std::string(element_syntax ? ":" : "") + name + "'"), false;
        }
        if (t.is(TokenType::Function) && !element_syntax &&
            (css::iequals(t.value, "nth-child") || css::iequals(t.value, "nth-last-child"))) {
            bool from_end = css::iequals(t.value, "nth-last-child");
            ++i_;
            std::vector<Token> args;
            while (!at_end() && !peek().is(TokenType::RightParen)) args.push_back(t_[i_++]);
            if (at_end()) return fail("unclosed :nth-child("), false;
            ++i_;
            auto nth = parse_nth(nth_text(args));
            if (!nth) return fail("malformed :nth-child() argument"), false;
            nth->from_end = from_end;
            c.nth.push_back(*nth);
            return true;
        }
        if (t.is(TokenType::Function) && !element_syntax && css::iequals(t.value, "not")) return negation(c);
        std::string shown = t.is(TokenType::Function) ? t.value + "()" : t.value;
        return fail("unsupported selector ':" + shown + "'"), false;
    }
};

bool SelectorParser::negation(Compound& c) {
    ++i_;  // "not("
    skip_whitespace();
    Compound inner;
    Selector scratch;  // a pseudo-element inside :not() is invalid; caught below
    if (!compound(inner, scratch)) return false;
    skip_whitespace();
    if (scratch.pseudo || !inner.negations.empty()) return fail("unsupported selector inside ':not()'"), false;
    if (at_end() || !peek().is(TokenType::RightParen)) return fail("unsupported selector ':not()' with a list or combinator"), false;
    ++i_;
    c.negations.push_back(std::move(inner));
    return true;
}

bool includes_word(std::string_view list, std::string_view word) {
    std::size_t i = 0;
    while (i < list.size()) {
        while (i < list.size() && list[i] == ' ') ++i;
        std::size_t start = i;
        while (i < list.size() && list[i] != ' ') ++i;
        if (i > start && list.substr(start, i - start) == word) return true;
    }
    return false;
}

bool attribute_matches(const AttributeTest& test, const document::Node& e) {
    const std::string* v = e.attribute(test.name);
    if (!v) return false;
    std::string_view value = *v, want = test.value;
    switch (test.op) {
        case AttributeTest::Op::Exists: return true;
        case AttributeTest::Op::Equals: return value == want;
        case AttributeTest::Op::Includes: return !want.empty() && includes_word(value, want);
        case AttributeTest::Op::DashMatch:
            return value == want || (value.size() > want.size() && value.substr(0, want.size()) == want &&
                                     value[want.size()] == '-');
        case AttributeTest::Op::Prefix: return !want.empty() && value.substr(0, want.size()) == want;
        case AttributeTest::Op::Suffix:
            return !want.empty() && value.size() >= want.size() && value.substr(value.size() - want.size()) == want;
        case AttributeTest::Op::Substring: return !want.empty() && value.find(want) != std::string_view::npos;
    }
    return false;
}

bool nth_matches(const NthTest& nth, const document::Node& e) {
    int index = e.element_index();
    int position = nth.from_end ? e.element_sibling_count() - index : index + 1;  // 1-based
    if (nth.a == 0) return position == nth.b;
    int diff = position - nth.b;
    return diff % nth.a == 0 && diff / nth.a >= 0;
}

const document::Node* next_element_sibling(const document::Node& e) {
    if (!e.parent) return nullptr;
    const auto& siblings = e.parent->children;
    std::size_t slot = 0;
    if (e.child_slot >= 0) {
        slot = static_cast<std::size_t>(e.child_slot);
    } else {
        while (slot < siblings.size() && siblings[slot].get() != &e) ++slot;
    }
    for (std::size_t i = slot + 1; i < siblings.size(); ++i)
        if (siblings[i]->is_element()) return siblings[i].get();
    return nullptr;
}

// Of-type tests walk siblings only until the first of the same type: in a long table
// the neighbour is nearly always another <tr>, so this stays O(1) per row.
bool is_first_of_type(const document::Node& e) {
    for (const document::Node* p = e.previous_element_sibling(); p; p = p->previous_element_sibling())
        if (p->name == e.name) return false;
    return true;
}

bool is_last_of_type(const document::Node& e) {
    for (const document::Node* n = next_element_sibling(e); n; n = next_element_sibling(*n))
        if (n->name == e.name) return false;
    return true;
}

bool pseudo_class_matches(SimplePseudo p, const document::Node& e) {
    switch (p) {
        case SimplePseudo::Root: return e.parent == nullptr;
        case SimplePseudo::Empty: return e.children.empty();
        case SimplePseudo::OnlyChild: return e.element_sibling_count() == 1;
        case SimplePseudo::FirstOfType: return is_first_of_type(e);
        case SimplePseudo::LastOfType: return is_last_of_type(e);
        case SimplePseudo::Link: return (e.name == "a" || e.name == "area") && e.attribute("href");
        case SimplePseudo::Never: return false;
    }
    return false;
}

bool compound_matches(const Compound& c, const document::Node& e) {
    if (!e.is_element()) return false;
    if (!c.tag.empty() && c.tag != e.name) return false;
    if (!c.id.empty()) {
        const std::string* id = e.id();
        if (!id || *id != c.id) return false;
    }
    for (const std::string& cls : c.classes)
        if (!e.has_class(cls)) return false;
    for (const AttributeTest& a : c.attributes)
        if (!attribute_matches(a, e)) return false;
    for (const NthTest& n : c.nth)
        if (!nth_matches(n, e)) return false;
    for (SimplePseudo p : c.pseudo_classes)
        if (!pseudo_class_matches(p, e)) return false;
    for (const Compound& n : c.negations)
        if (compound_matches(n, e)) return false;
    return true;
}

enum class Match { Yes, No, NoAncestorCan };

// Does compounds[0..index] match with compounds[index] on `e`? Right to left.
// NoAncestorCan prunes descendant searches: when a descendant combinator ran out of
// ancestors, starting higher up cannot succeed, which keeps "a b c" linear on deep trees.
Match matches_from(const Selector& s, std::size_t index, const document::Node& e) {
    if (!compound_matches(s.compounds[index], e)) return Match::No;
    if (index == 0) return Match::Yes;
    switch (s.combinators[index - 1]) {
        case Combinator::Child:
            return e.parent ? matches_from(s, index - 1, *e.parent) : Match::NoAncestorCan;
        case Combinator::Descendant:
            for (const document::Node* a = e.parent; a; a = a->parent) {
                Match m = matches_from(s, index - 1, *a);
                if (m != Match::No) return m;
            }
            return Match::NoAncestorCan;
        case Combinator::Adjacent: {
            const document::Node* prev = e.previous_element_sibling();
            return prev ? matches_from(s, index - 1, *prev) : Match::No;
        }
        case Combinator::Sibling:
            for (const document::Node* prev = e.previous_element_sibling(); prev; prev = prev->previous_element_sibling()) {
                Match m = matches_from(s, index - 1, *prev);
                if (m != Match::No) return m;
            }
            return Match::No;
    }
    return Match::No;
}

}  // namespace

std::optional<NthTest> parse_nth(std::string_view text) {
    if (text == "odd") return NthTest{2, 1, false};
    if (text == "even") return NthTest{2, 0, false};
    auto parse_int = [](std::string_view s, int& out) {
        if (s.empty() || s.size() > 9) return false;
        int v = 0;
        for (char c : s) {
            if (c < '0' || c > '9') return false;
            v = v * 10 + (c - '0');
        }
        out = v;
        return true;
    };
    std::size_t n = text.find('n');
    if (n == std::string_view::npos) {  // plain integer b
        int sign = 1;
        if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
            sign = text[0] == '-' ? -1 : 1;
            text.remove_prefix(1);
        }
        int b = 0;
        if (!parse_int(text, b)) return std::nullopt;
        return NthTest{0, sign * b, false};
    }
    std::string_view a_text = text.substr(0, n), b_text = text.substr(n + 1);
    int a = 1;
    if (a_text == "-") a = -1;
    else if (a_text == "+" || a_text.empty()) a = 1;
    else {
        int sign = 1;
        if (a_text[0] == '+' || a_text[0] == '-') {
            sign = a_text[0] == '-' ? -1 : 1;
            a_text.remove_prefix(1);
        }
        if (!parse_int(a_text, a)) return std::nullopt;
        a *= sign;
    }
    int b = 0;
    if (!b_text.empty()) {
        if (b_text[0] != '+' && b_text[0] != '-') return std::nullopt;
        int sign = b_text[0] == '-' ? -1 : 1;
        if (!parse_int(b_text.substr(1), b)) return std::nullopt;
        b *= sign;
    }
    return NthTest{a, b, false};
}

std::optional<std::vector<Selector>> parse_selector_list(const std::vector<css::Token>& prelude, std::string& error) {
    if (prelude.empty()) {
        error = "empty selector";
        return std::nullopt;
    }
    return SelectorParser(prelude, error).list();
}

bool matches(const Selector& selector, const document::Node& element) {
    return matches_from(selector, selector.compounds.size() - 1, element) == Match::Yes;
}

}  // namespace quorum::style
