// libFuzzer target for the CSS path: tokenizer, parser, selectors, values, cascade, @page.
// Build: cmake -DQUORUM_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++ ...; run: ./fuzz_css corpus/
#include "document/document.hpp"
#include "style/cascade.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

// A small document touching every selector kind, so fuzzed selectors have something to match.
const quorum::document::Document& sample_document() {
    static const quorum::document::Document doc = quorum::document::parse_string(
        "<html lang=\"en\"><head><title>t</title></head><body class=\"a b\"><h1 id=\"x\">T</h1>"
        "<p class=\"c\" style=\"color:red\">a <b>b</b> <a href=\"#x\">c</a></p><ul><li>1</li><li>2</li><li>3</li></ul>"
        "<table><tr><td colspan=\"2\">x</td></tr></table></body></html>",
        "fuzz.xhtml", ".");
    return doc;
}

void compute_all(const quorum::style::Cascade& cascade, const quorum::document::Node& node,
                 const quorum::style::ComputedStyle* parent) {
    quorum::style::ComputedStyle style = cascade.compute(node, parent);
    cascade.compute_pseudo(node, quorum::style::PseudoElement::Before, style);
    cascade.compute_pseudo(node, quorum::style::PseudoElement::After, style);
    for (const auto& child : node.children)
        if (child->is_element()) compute_all(cascade, *child, &style);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view css(reinterpret_cast<const char*>(data), size);
    quorum::style::Cascade cascade;
    cascade.add_stylesheet(css, "fuzz.css");
    compute_all(cascade, *sample_document().root, nullptr);
    for (int i = 0; i < 8; ++i)
        cascade.page_style({.name = (i & 1) ? "wide" : "", .first = (i & 2) != 0, .left = (i & 4) != 0, .blank = i == 7});
    (void)cascade.warnings();
    return 0;
}
