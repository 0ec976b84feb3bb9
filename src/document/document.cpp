#include "document/document.hpp"

#include "document/entity_expansion.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace quorum::document {
namespace {

// Deeper trees are refused: later stages walk the tree recursively.
constexpr int max_nesting_depth = 4000;

char to_lower_ascii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = to_lower_ascii(c);
    return out;
}

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return to_lower_ascii(x) == to_lower_ascii(y); });
}

// Element name without a namespace prefix, lower-cased.
std::string local_name(std::string_view qualified) {
    std::size_t colon = qualified.find(':');
    return lower(colon == std::string_view::npos ? qualified : qualified.substr(colon + 1));
}

// Line starts of the original source, to turn byte offsets into line:column.
class LineIndex {
public:
    explicit LineIndex(std::string_view source) : source_(source) {
        starts_.push_back(0);
        for (std::size_t i = 0; i < source.size(); ++i)
            if (source[i] == '\n') starts_.push_back(i + 1);
    }
    // Nodes are asked for in document order, so counting columns on from the last
    // answer keeps a 5 MB single-line document linear instead of quadratic.
    SourcePosition position(std::size_t offset) const {
        offset = std::min(offset, source_.size());
        auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
        std::size_t line_start = *std::prev(it);
        int line = static_cast<int>(it - starts_.begin());
        std::size_t from = line_start;
        int column = 1;  // counted in characters, not UTF-8 bytes
        if (line == cached_line_ && cached_offset_ <= offset) {
            from = cached_offset_;
            column = cached_column_;
        }
        for (std::size_t i = from; i < offset; ++i)
            if ((static_cast<unsigned char>(source_[i]) & 0xC0) != 0x80) ++column;
        cached_line_ = line;
        cached_offset_ = offset;
        cached_column_ = column;
        return {line, column};
    }

private:
    std::string_view source_;
    std::vector<std::size_t> starts_;
    mutable int cached_line_ = 0;
    mutable std::size_t cached_offset_ = 0;
    mutable int cached_column_ = 1;
};

struct Converter {
    const ExpandedSource& expanded;
    const LineIndex& lines;
    const std::string& file;

    SourcePosition position_of(const pugi::xml_node& node, bool element) const {
        std::ptrdiff_t offset = node.offset_debug();
        if (offset < 0) return {};
        // For elements pugixml points at the name; report the '<' before it.
        std::size_t at = static_cast<std::size_t>(offset) - (element && offset > 0 ? 1 : 0);
        return lines.position(expanded.original_offset(at));
    }

    std::unique_ptr<Node> make_element(const pugi::xml_node& source) const {
        auto node = std::make_unique<Node>();
        node->type = Node::Type::Element;
        node->name = local_name(source.name());
        node->position = position_of(source, true);
        std::size_t child_count = 0;  // reserved up front: no regrowth of every children vector
        for (pugi::xml_node c = source.first_child(); c; c = c.next_sibling()) ++child_count;
        node->children.reserve(child_count);
        for (const pugi::xml_attribute& a : source.attributes()) {
            std::string name = lower(a.name());
            if (name == "xmlns" || name.rfind("xmlns:", 0) == 0) continue;
            node->attributes.emplace_back(std::move(name), a.value());
        }
        return node;
    }

    // Appends text, merging with a preceding text node (CDATA next to character data).
    void append_text(Node& parent, const pugi::xml_node& source) const {
        if (!parent.children.empty() && parent.children.back()->is_text()) {
            parent.children.back()->text += source.value();
            return;
        }
        auto node = std::make_unique<Node>();
        node->type = Node::Type::Text;
        node->text = source.value();
        node->position = position_of(source, false);
        node->parent = &parent;
        parent.children.push_back(std::move(node));
    }

    // Iterative, so a deeply nested document cannot overflow the stack here.
    void convert_children(const pugi::xml_node& source_root, Node& root) const {
        struct Frame {
            pugi::xml_node next;
            Node* target;
        };
        std::vector<Frame> stack{{source_root.first_child(), &root}};
        while (!stack.empty()) {
            Frame& frame = stack.back();
            if (!frame.next) {
                stack.pop_back();
                continue;
            }
            pugi::xml_node current = frame.next;
            Node* target = frame.target;
            frame.next = current.next_sibling();
            if (current.type() == pugi::node_pcdata || current.type() == pugi::node_cdata) {
                append_text(*target, current);
            } else if (current.type() == pugi::node_element) {
                auto child = make_element(current);
                child->parent = target;
                Node* raw = child.get();
                target->children.push_back(std::move(child));
                if (static_cast<int>(stack.size()) >= max_nesting_depth)
                    throw DocumentError{file, raw->position,
                                        "elements nested more than " + std::to_string(max_nesting_depth) + " deep"};
                stack.push_back({current.first_child(), raw});
            }
        }
    }
};

void index_children(Node& root) {
    std::vector<Node*> stack{&root};
    while (!stack.empty()) {
        Node* node = stack.back();
        stack.pop_back();
        int element_count = 0;
        for (const auto& child : node->children)
            if (child->is_element()) ++element_count;
        int element_index = 0;
        for (std::size_t i = 0; i < node->children.size(); ++i) {
            Node& child = *node->children[i];
            child.child_slot = static_cast<int>(i);
            if (!child.is_element()) continue;
            child.element_index_cache = element_index++;
            child.element_count_cache = element_count;
            stack.push_back(&child);
        }
    }
}

std::unique_ptr<Node> synthetic_element(const char* name, SourcePosition position) {
    auto node = std::make_unique<Node>();
    node->name = name;
    node->position = position;
    return node;
}

void adopt(Node& parent, std::unique_ptr<Node> child) {
    child->parent = &parent;
    parent.children.push_back(std::move(child));
}

// Gives the tree the <html><body> shape later stages rely on (see document.hpp).
std::unique_ptr<Node> normalise_root(std::unique_ptr<Node> root) {
    if (root->name == "html") {
        bool has_body = std::any_of(root->children.begin(), root->children.end(),
                                    [](const auto& c) { return c->is_element() && c->name == "body"; });
        if (!has_body) adopt(*root, synthetic_element("body", root->position));
        return root;
    }
    auto html = synthetic_element("html", root->position);
    if (root->name == "body") {
        adopt(*html, std::move(root));
    } else {
        auto body = synthetic_element("body", root->position);
        adopt(*body, std::move(root));
        adopt(*html, std::move(body));
    }
    return html;
}

const Node* child_element(const Node* parent, std::string_view name) {
    if (!parent) return nullptr;
    for (const auto& c : parent->children)
        if (c->is_element() && c->name == name) return c.get();
    return nullptr;
}

void append_descendant_text(const Node& node, std::string& out) {
    for (const auto& c : node.children) {
        if (c->is_text()) out += c->text;
        else append_descendant_text(*c, out);
    }
}

// A media attribute that names neither print nor all (e.g. "screen") excludes the sheet.
bool applies_to_print(const Node& node) {
    const std::string* media = node.attribute("media");
    if (!media || media->empty()) return true;
    std::string m = lower(*media);
    return m.find("print") != std::string::npos || m.find("all") != std::string::npos;
}

bool is_stylesheet_link(const Node& node) {
    const std::string* rel = node.attribute("rel");
    const std::string* href = node.attribute("href");
    if (!rel || !href || href->empty()) return false;
    std::istringstream tokens(lower(*rel));
    std::string token;
    while (tokens >> token)
        if (token == "stylesheet") return true;
    return false;
}

}  // namespace

const std::string* Node::attribute(std::string_view attribute_name) const {
    for (const auto& [k, v] : attributes)
        if (k == attribute_name) return &v;
    return nullptr;
}

bool Node::has_class(std::string_view cls) const {
    const std::string* classes = attribute("class");
    if (!classes || cls.empty()) return false;
    std::string_view s = *classes;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\f')) ++i;
        std::size_t start = i;
        while (i < s.size() && !(s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\f')) ++i;
        if (s.substr(start, i - start) == cls) return true;
    }
    return false;
}

int Node::element_index() const {
    if (element_index_cache >= 0) return element_index_cache;
    if (!parent) return 0;
    int index = 0;
    for (const auto& c : parent->children) {
        if (c.get() == this) return index;
        if (c->is_element()) ++index;
    }
    return index;
}

int Node::element_sibling_count() const {
    if (element_count_cache >= 0) return element_count_cache;
    if (!parent) return 1;
    return static_cast<int>(std::count_if(parent->children.begin(), parent->children.end(),
                                          [](const auto& c) { return c->is_element(); }));
}

const Node* Node::previous_element_sibling() const {
    if (!parent) return nullptr;
    int slot = child_slot;
    if (slot < 0) {
        auto it = std::find_if(parent->children.begin(), parent->children.end(),
                               [this](const auto& c) { return c.get() == this; });
        slot = static_cast<int>(it - parent->children.begin());
    }
    for (int i = slot - 1; i >= 0; --i)
        if (parent->children[static_cast<std::size_t>(i)]->is_element())
            return parent->children[static_cast<std::size_t>(i)].get();
    return nullptr;
}

const Node* Document::body() const { return child_element(root.get(), "body"); }
const Node* Document::head() const { return child_element(root.get(), "head"); }

std::string Document::title() const {
    std::string out;
    if (const Node* t = child_element(head(), "title")) append_descendant_text(*t, out);
    return out;
}

std::string Document::meta(std::string_view name) const {
    const Node* h = head();
    if (!h) return {};
    for (const auto& c : h->children) {
        if (!c->is_element() || c->name != "meta") continue;
        const std::string* n = c->attribute("name");
        const std::string* content = c->attribute("content");
        if (n && content && iequals(*n, name)) return *content;
    }
    return {};
}

std::string Document::lang() const {
    if (!root) return {};
    if (const std::string* l = root->attribute("lang")) return *l;
    if (const std::string* l = root->attribute("xml:lang")) return *l;
    return {};
}

std::vector<Document::StyleSource> Document::style_sources() const {
    std::vector<StyleSource> out;
    if (!root) return out;
    std::vector<const Node*> stack{root.get()};  // pre-order walk = document order
    while (!stack.empty()) {
        const Node* node = stack.back();
        stack.pop_back();
        if (node->name == "style" && applies_to_print(*node)) {
            StyleSource s{source_path, {}, false, node->position};
            append_descendant_text(*node, s.text);
            if (!node->children.empty() && node->children.front()->position.line > 0)
                s.position = node->children.front()->position;
            out.push_back(std::move(s));
        } else if (node->name == "link" && is_stylesheet_link(*node) && applies_to_print(*node)) {
            out.push_back({base_dir / *node->attribute("href"), {}, true, node->position});
        }
        for (auto it = node->children.rbegin(); it != node->children.rend(); ++it)
            if ((*it)->is_element()) stack.push_back(it->get());
    }
    return out;
}

std::string DocumentError::formatted() const {
    if (position.line <= 0) return file + ": error: " + message;
    return file + ":" + std::to_string(position.line) + ":" + std::to_string(position.column) + ": error: " + message;
}

Document parse_string(std::string_view xhtml, const std::string& name_for_errors,
                      const std::filesystem::path& base_dir) {
    LineIndex lines(xhtml);
    UnknownEntity unknown;
    std::optional<ExpandedSource> expanded = expand_html_entities(xhtml, unknown);
    if (!expanded)
        throw DocumentError{name_for_errors, lines.position(unknown.offset), "unknown entity '&" + unknown.name + ";'"};

    pugi::xml_document xml;
    pugi::xml_parse_result result = xml.load_buffer(expanded->text.data(), expanded->text.size(),
                                                    pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_utf8);
    if (!result) {
        std::size_t at = expanded->original_offset(static_cast<std::size_t>(std::max<std::ptrdiff_t>(result.offset, 0)));
        throw DocumentError{name_for_errors, lines.position(at), result.description()};
    }
    pugi::xml_node xml_root = xml.document_element();
    if (!xml_root) throw DocumentError{name_for_errors, {1, 1}, "empty document: no root element"};

    Converter converter{*expanded, lines, name_for_errors};
    auto root = converter.make_element(xml_root);
    converter.convert_children(xml_root, *root);

    Document doc;
    doc.root = normalise_root(std::move(root));
    index_children(*doc.root);
    doc.base_dir = base_dir;
    return doc;
}

Document parse_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw DocumentError{path.string(), {}, "cannot open file"};
    std::error_code size_error;
    auto size = std::filesystem::file_size(path, size_error);
    std::string text;
    if (!size_error) {  // one read of the whole file, not a character at a time
        text.resize(static_cast<std::size_t>(size));
        in.read(text.data(), static_cast<std::streamsize>(text.size()));
        text.resize(static_cast<std::size_t>(in.gcount()));
    } else {
        text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    if (in.bad()) throw DocumentError{path.string(), {}, "cannot read file"};
    std::filesystem::path base = path.parent_path();
    if (base.empty()) base = ".";
    Document doc = parse_string(text, path.string(), base);
    doc.source_path = path;
    return doc;
}

}  // namespace quorum::document
