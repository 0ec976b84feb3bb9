// libFuzzer target for the document path: XHTML (with HTML entities) into the tree, then
// the cascade over every element with its <style> sheets and style="" attributes.
#include "document/document.hpp"
#include "style/cascade.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

void compute_all(const quorum::style::Cascade& cascade, const quorum::document::Node& node,
                 const quorum::style::ComputedStyle* parent) {
    quorum::style::ComputedStyle style = cascade.compute(node, parent);
    cascade.compute_pseudo(node, quorum::style::PseudoElement::After, style);
    for (const auto& child : node.children)
        if (child->is_element()) compute_all(cascade, *child, &style);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view xhtml(reinterpret_cast<const char*>(data), size);
    quorum::document::Document doc;
    try {
        doc = quorum::document::parse_string(xhtml, "fuzz.xhtml", ".");
    } catch (const quorum::document::DocumentError& e) {
        (void)e.formatted();
        return 0;
    }
    (void)doc.title();
    (void)doc.meta("author");
    quorum::style::Cascade cascade;
    for (const auto& source : doc.style_sources())
        if (!source.is_link) cascade.add_stylesheet(source.text, "fuzz.xhtml", source.position.line);
    compute_all(cascade, *doc.root, nullptr);
    return 0;
}
