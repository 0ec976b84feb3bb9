// A paper (report, minutes, work programme, document): loading, validating, and the
// template context with every derived figure. The model is described in data/schema/README.md.
#pragma once

#include "papers/issues.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <string>

namespace quorum::papers {

// Reads and parses `file` and validates it against data/schema/report.schema.json (any
// paper kind). Every problem is appended to `issues`; returns nullopt if there was any.
std::optional<nlohmann::json> load_paper(const std::filesystem::path& file, Issues& issues);

// Validates a parsed document against a schema in data/schema/ ("report.schema.json",
// "meeting.schema.json"), appending every violation (all of them, not the first only).
void validate_against_schema(const nlohmann::json& document, const std::string& schema_name,
                             const std::string& file, Issues& issues);

// The template context of a valid paper: the paper as written plus everything derived (see
// "What the templates receive" in data/schema/README.md). Stated figures that disagree with
// the derived ones are appended to `issues`.
nlohmann::json paper_context(const nlohmann::json& paper, const std::string& file, Issues& issues);

}  // namespace quorum::papers
