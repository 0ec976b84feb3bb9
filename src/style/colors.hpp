// CSS colours: named colours, #hex, rgb()/rgba().
#pragma once

#include "style/computed_style.hpp"

#include <cstddef>
#include <optional>
#include <string_view>

namespace quorum::style {

std::optional<Color> named_color(std::string_view lower_case_name);
bool named_colors_sorted();       // for the unit test guarding the binary search
std::size_t named_color_count();

// "#rgb", "#rgba", "#rrggbb", "#rrggbbaa" without the '#'.
std::optional<Color> hex_color(std::string_view digits);

}  // namespace quorum::style
