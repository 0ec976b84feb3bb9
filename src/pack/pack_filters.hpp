// Template filters only the pack's templates use.
#pragma once

#include <string>

namespace quorum::tmpl {
class Library;
}

namespace quorum::pack {

// Shifts every heading of an XHTML fragment down `levels` (h1 -> h2 ...; h6 stays h6), so a
// paper's own title nests under its agenda item in the PDF bookmarks and the HTML outline.
// Only tags are touched: text is escaped, so "<h1" in it reads "&lt;h1".
std::string demote_headings(std::string xhtml, int levels);

// Registers `demote_headings(levels=1)` for `{% filter demote_headings %}…{% endfilter %}`.
void register_pack_filters(tmpl::Library& library);

}  // namespace quorum::pack
