// Selectors: parsing (Selectors Level 3 subset) and right-to-left matching.
#pragma once

#include "document/document.hpp"
#include "style/cascade.hpp"
#include "style/css_tokenizer.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace quorum::style {

struct AttributeTest {
    enum class Op : std::uint8_t { Exists, Equals, Includes, DashMatch, Prefix, Suffix, Substring };
    std::string name;  // lower-case
    Op op = Op::Exists;
    std::string value;
};

struct NthTest {  // an+b, 1-based; last = count from the end (:last-child)
    int a = 0, b = 1;
    bool from_end = false;
};

// Link: an <a>/<area> with href (all links are unvisited on paper). Never: the
// interactive states (:hover, :visited...), valid CSS that no printed element is in.
enum class SimplePseudo : std::uint8_t { Root, Empty, OnlyChild, FirstOfType, LastOfType, Link, Never };

struct Compound {
    std::string tag;  // lower-case; "" = any element
    std::string id;
    std::vector<std::string> classes;
    std::vector<AttributeTest> attributes;
    std::vector<NthTest> nth;
    std::vector<SimplePseudo> pseudo_classes;
    std::vector<Compound> negations;  // :not(compound), each must NOT match
};

enum class Combinator : std::uint8_t { Descendant, Child, Adjacent, Sibling };

struct Selector {
    std::vector<Compound> compounds;        // left to right
    std::vector<Combinator> combinators;    // combinators[i] joins compounds[i] and compounds[i + 1]
    std::optional<PseudoElement> pseudo;    // ::before / ::after
    std::uint32_t specificity = 0;          // ids << 20 | classes << 10 | types
    const Compound& subject() const { return compounds.back(); }
};

// Parses a selector list. On anything unsupported returns nullopt and sets `error`
// (the whole rule is then dropped, as CSS requires for an invalid selector list).
std::optional<std::vector<Selector>> parse_selector_list(const std::vector<css::Token>& prelude, std::string& error);

bool matches(const Selector& selector, const document::Node& element);

// Parses "an+b" text as in :nth-child(); nullopt when malformed.
std::optional<NthTest> parse_nth(std::string_view text);

}  // namespace quorum::style
