// The XHTML document tree: what templates produce and the typesetter reads.
//
// A thin, owned tree built from pugixml's parse (pugixml gives us a fast, conforming
// XML parser; we keep our own tree so later stages get stable pointers, source
// positions and a parent link without depending on pugixml's API).
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace quorum::document {

struct SourcePosition {
    int line = 0;    // 1-based; 0 = unknown
    int column = 0;  // 1-based
};

class Node {
public:
    enum class Type { Element, Text };

    Type type = Type::Element;
    std::string name;  // element: local name, lower-case ("p", "td"); text: empty
    std::string text;  // text node: its characters (UTF-8, entities resolved)
    std::vector<std::pair<std::string, std::string>> attributes;  // in source order
    SourcePosition position;
    Node* parent = nullptr;
    std::vector<std::unique_ptr<Node>> children;

    bool is_element() const { return type == Type::Element; }
    bool is_text() const { return type == Type::Text; }
    // nullptr when absent
    const std::string* attribute(std::string_view name) const;
    bool has_class(std::string_view cls) const;
    const std::string* id() const { return attribute("id"); }
    // Index among the parent's element children (0-based) and their count, for :nth-child.
    int element_index() const;
    int element_sibling_count() const;
    const Node* previous_element_sibling() const;

    // Filled in by the parser so the sibling queries above are O(1) on 10,000-row
    // tables; -1 (a hand-built tree) makes them scan the parent instead.
    int element_index_cache = -1;
    int element_count_cache = -1;
    int child_slot = -1;  // this node's position in parent->children
};

class Document {
public:
    std::unique_ptr<Node> root;        // the <html> element
    std::filesystem::path source_path; // the file it came from ("" when parsed from memory)
    std::filesystem::path base_dir;    // where relative src/href are resolved

    const Node* body() const;
    const Node* head() const;
    std::string title() const;                            // <title> text, "" if none
    std::string meta(std::string_view name) const;        // <meta name=... content=...>, "" if none
    std::string lang() const;                             // <html lang>, "" if none
    // Stylesheets in document order: <link rel=stylesheet href> (resolved path) and <style> text.
    struct StyleSource {
        std::filesystem::path file;  // for <link>; for <style>: the document's path
        std::string text;            // for <style>: the CSS; for <link>: loaded by the caller
        bool is_link = false;
        SourcePosition position;     // where in the document (for <style>: its first line)
    };
    std::vector<StyleSource> style_sources() const;
};

// A problem with the input, already phrased for the user: FILE:LINE:COL: error: WHAT.
struct DocumentError {
    std::string file;
    SourcePosition position;
    std::string message;
    std::string formatted() const;  // "file:line:col: error: message"
};

// Throws DocumentError on malformed XML, an unknown HTML entity, an empty file or a
// missing file. A root other than <html> is wrapped: <body> gets an <html> around it,
// anything else an <html><body>; an <html> without <body> gets an empty one, so
// body() is never null for a parsed document. Comments and processing instructions
// are dropped; CDATA becomes text; element and attribute names are lower-cased and
// an XHTML namespace prefix ("h:p") is removed; xmlns attributes are dropped.
Document parse_file(const std::filesystem::path& path);
Document parse_string(std::string_view xhtml, const std::string& name_for_errors,
                      const std::filesystem::path& base_dir);

}  // namespace quorum::document
