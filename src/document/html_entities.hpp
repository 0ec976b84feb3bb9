// HTML named character references that XML does not know.
//
// Templates emit HTML entities (&nbsp; &ndash; &pound; ...) that pugixml, an XML
// parser, would leave unresolved. We resolve the frequent ones before parsing.
#pragma once

#include <string_view>

namespace quorum::document {

// The UTF-8 text for an HTML entity name (without '&' and ';'), or an empty view
// when the name is unknown. The five XML entities are not listed: pugixml handles them.
std::string_view lookup_html_entity(std::string_view name);

}  // namespace quorum::document
