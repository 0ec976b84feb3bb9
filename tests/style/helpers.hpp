// Shared helpers for the style tests: parse a document, compute styles down the tree.
#pragma once

#include "document/document.hpp"
#include "style/cascade.hpp"

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace quorum::style::test {

inline const document::Node* find_by_id(const document::Node* node, std::string_view id) {
    if (!node) return nullptr;
    if (node->is_element() && node->id() && *node->id() == id) return node;
    for (const auto& c : node->children)
        if (const document::Node* found = find_by_id(c.get(), id)) return found;
    return nullptr;
}

// A document and its cascade; style_of() computes the chain from <html> down.
struct Styled {
    document::Document doc;
    Cascade cascade;

    Styled(std::string_view body_html, std::string_view css) {
        doc = document::parse_string("<html><body>" + std::string(body_html) + "</body></html>", "t.xhtml", ".");
        cascade.add_stylesheet(css, "test.css");
    }

    ComputedStyle style_of(const document::Node& e) const {
        std::vector<const document::Node*> chain;
        for (const document::Node* n = &e; n; n = n->parent) chain.push_back(n);
        ComputedStyle style;
        const ComputedStyle* parent = nullptr;
        for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
            style = cascade.compute(**it, parent);  // reads *parent fully before the assignment
            parent = &style;
        }
        return style;
    }

    ComputedStyle operator[](std::string_view id) const {
        const document::Node* e = find_by_id(doc.root.get(), id);
        if (!e) throw std::runtime_error("no element #" + std::string(id));
        return style_of(*e);
    }
    const document::Node& node(std::string_view id) const { return *find_by_id(doc.root.get(), id); }
};

inline bool has_warning(const Cascade& c, std::string_view fragment) {
    for (const std::string& w : c.warnings())
        if (w.find(fragment) != std::string::npos) return true;
    return false;
}

}  // namespace quorum::style::test
