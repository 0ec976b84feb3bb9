// The user-agent stylesheet: HTML's default rendering, as browsers and WeasyPrint have it.
#pragma once

#include <string_view>

namespace quorum::style {

std::string_view user_agent_stylesheet();

}  // namespace quorum::style
