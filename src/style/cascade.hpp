// The style stage's public interface: stylesheets in, computed styles out.
//
//   Cascade cascade;                                  // holds the user-agent sheet (html.css)
//   cascade.add_stylesheet(css_text, "house.css");    // author sheets, in document order
//   ComputedStyle s = cascade.compute(element, &parent_style);
//   auto before = cascade.compute_pseudo(element, PseudoElement::Before, s);
//   PageStyle page = cascade.page_style({.name = "wide", .first = false, .left = true});
//
// Unsupported properties, values and selectors never fail: each becomes one warning
// naming the file and line (deduplicated), retrievable with warnings().
#pragma once

#include "document/document.hpp"
#include "style/computed_style.hpp"

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quorum::style {

enum class PseudoElement { Before, After, Marker };

// Which @page rules apply: a page's name and its position in the document.
struct PageSelector {
    std::string name;   // "" for the default page
    bool first = false; // first page of the document
    bool left = false;  // verso (even page numbers when the first page is a right page)
    bool blank = false; // inserted by a left/right forced break
};

enum class MarginBoxPosition {
    TopLeft, TopCenter, TopRight, BottomLeft, BottomCenter, BottomRight, Count
};

struct MarginBox {
    bool present = false;
    std::vector<ContentItem> content;
    ComputedStyle style;  // font, colour, text-align, vertical-align, borders, padding of the box
};

struct PageStyle {
    double width = 595.276, height = 841.89;  // pt; A4 portrait by default
    double margin_top = 72, margin_right = 72, margin_bottom = 72, margin_left = 72;  // pt
    Color background{0, 0, 0, 0};
    std::array<MarginBox, static_cast<std::size_t>(MarginBoxPosition::Count)> boxes;
};

class Cascade {
public:
    Cascade();  // loads the user-agent stylesheet (HTML defaults: display of elements, margins of p/h1.., etc.)
    ~Cascade();
    Cascade(Cascade&&) noexcept;
    Cascade& operator=(Cascade&&) noexcept;

    // Parses and adds an author stylesheet. `file` names it in warnings; `first_line`
    // offsets line numbers for <style> elements inside a document.
    void add_stylesheet(std::string_view css, const std::string& file, int first_line = 1);

    // The element's computed style, inheriting from parent_style (nullptr for the root).
    // Applies the style="" attribute, and presentational attributes layout needs
    // (colspan/rowspan -> column_span/row_span, <col span>, <img width/height>, <ol start> is read by layout).
    ComputedStyle compute(const document::Node& element, const ComputedStyle* parent_style) const;

    // ::before / ::after: nullopt when no rule gives a `content` other than none/normal.
    std::optional<ComputedStyle> compute_pseudo(const document::Node& element, PseudoElement which,
                                                const ComputedStyle& element_style) const;

    PageStyle page_style(const PageSelector& selector) const;

    // Names the document in warnings about its style="" attributes
    // ("agenda.xhtml:12: warning: ... (style attribute)"); "style attribute" when unset.
    void set_document_name(const std::string& file);

    // "file:line: warning: message", each at most once, in the order found.
    const std::vector<std::string>& warnings() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace quorum::style
