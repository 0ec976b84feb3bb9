// Page margin boxes (@top-left ... @bottom-right): running headers and page numbers.
//
// Drawn after pagination, when every page's number, the page count and the running
// strings (string-set) on each page are known.
#pragma once

#include "layout/inline.hpp"
#include "layout/paginate.hpp"

#include <string>

namespace quorum::layout {

// The text of a margin box's `content` on page `index` (0-based) of `page_count`:
// strings, counter(page), counter(pages), string(name, first|start|last|first-except).
std::string margin_box_text(const std::vector<style::ContentItem>& content, const PageContext& page,
                            int index, int page_count);

// Lays out and draws the margin boxes of every page into `paginated.pages`.
void draw_margin_boxes(Paginated& paginated, LineBreaker& line_breaker);

}  // namespace quorum::layout
