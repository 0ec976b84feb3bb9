// File names of a pack's outputs: slugs from committee names and item titles.
#pragma once

#include <string>

namespace quorum::pack {

// Lower-case ASCII words joined by hyphens, at most `max_length` characters cut at a word
// boundary: "Children, Education, Libraries & Safeguarding Committee" ->
// "children-education-libraries-safeguarding-committee". Letters outside ASCII are dropped;
// an empty result becomes "untitled".
std::string slugify(const std::string& text, std::size_t max_length = 60);

// An item's file stem: its number padded to two digits (sub-item letter kept) and its
// title's slug: ("6a", "Members' Items (if any)") -> "06a-members-items-if-any".
std::string item_file_stem(const std::string& number, const std::string& title);

}  // namespace quorum::pack
