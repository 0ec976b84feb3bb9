// CSS Syntax Level 3 parsing into rules, with the spec's error recovery: a bad
// declaration drops only itself, a bad rule only itself; blocks stay balanced.
// Selectors and values are interpreted later (selectors.hpp, properties.hpp).
#pragma once

#include "style/css_tokenizer.hpp"
#include "style/diagnostics.hpp"

#include <string>
#include <vector>

namespace quorum::style::css {

struct RawDeclaration {
    std::string name;           // lower-case property name
    std::vector<Token> value;   // without surrounding whitespace and without !important
    bool important = false;
    int line = 0;
};

struct StyleRule {
    std::vector<Token> prelude;  // the selector list, whitespace kept (it is a combinator)
    std::vector<RawDeclaration> declarations;
    int line = 0;
};

struct MarginRule {
    std::string name;  // "top-left", "bottom-center", ...
    std::vector<RawDeclaration> declarations;
    int line = 0;
};

struct PageRule {
    std::vector<Token> prelude;  // page selector list: name? pseudo-class*
    std::vector<RawDeclaration> declarations;
    std::vector<MarginRule> margin_rules;
    int line = 0;
};

struct Stylesheet {
    std::vector<StyleRule> rules;   // in source order, @media print/all contents inlined
    std::vector<PageRule> pages;
};

// Parses a stylesheet; problems become warnings in `diagnostics`.
Stylesheet parse_stylesheet(std::string_view css, Diagnostics& diagnostics, int first_line = 1);

// Parses the contents of a style="" attribute.
std::vector<RawDeclaration> parse_declaration_list(std::string_view css, Diagnostics& diagnostics, int first_line = 1);

}  // namespace quorum::style::css
