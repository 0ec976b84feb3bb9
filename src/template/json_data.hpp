// Loading a JSON data file straight into template Values.
//
// Templates read their context many times but it is parsed once per run, and for large
// reports (thousands of indicator rows) building nlohmann's DOM first and converting it
// afterwards doubles the work: we parse with nlohmann's SAX interface into Values
// directly, keeping object key order and int/float distinction.
#pragma once

#include "template/error.hpp"
#include "template/value.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace quorum::tmpl {

// Parses `text` (the contents of `file_name`). Throws RenderError(Kind::Data) located at
// the line and column of the first syntax error. The result's strings without escapes point
// into one shared copy of the text instead of each having its own: the copy lives as long as
// any of them does.
Value parse_json_data(std::string_view text, const std::string& file_name);

// Reads and parses a file; a missing or unreadable file is a RenderError naming it.
Value load_json_data(const std::filesystem::path& path);

}  // namespace quorum::tmpl
