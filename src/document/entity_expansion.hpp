// Replaces HTML named entities with their UTF-8 text before pugixml sees the buffer,
// remembering where bytes moved so errors still point at the original line and column.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quorum::document {

struct ExpandedSource {
    std::string text;  // the buffer handed to pugixml
    // One entry per replaced entity: the offset in `text` just after the replacement
    // and the total number of bytes removed so far (entities only ever shrink).
    struct Shift {
        std::size_t expanded_offset;
        std::size_t removed_so_far;
    };
    std::vector<Shift> shifts;

    // Maps an offset in `text` back to the offset in the original source.
    std::size_t original_offset(std::size_t expanded_offset) const;
};

struct UnknownEntity {
    std::size_t offset;  // in the original source, at the '&'
    std::string name;
};

// Expands entities outside comments and CDATA sections. On an unknown named entity
// returns nullopt and fills `unknown`.
std::optional<ExpandedSource> expand_html_entities(std::string_view source, UnknownEntity& unknown);

}  // namespace quorum::document
