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

// --- Additions (the declarations above are the contract; these serve the CLI and packs) ---

// Reads and parses a JSON file. An unreadable file is an Issue naming it; a syntax error is an
// Issue whose `file` carries the location "FILE:LINE:COLUMN" and whose path is empty.
std::optional<nlohmann::json> read_json_file(const std::filesystem::path& file, Issues& issues);

// Reads, parses and validates a meeting file against meeting.schema.json.
std::optional<nlohmann::json> load_meeting(const std::filesystem::path& file, Issues& issues);

// The schema a document is meant for, "meeting.schema.json" or "report.schema.json": its
// "$schema" hint when it names one of them, else its shape (a meeting has "date" and "items"
// and no "kind").
std::string schema_for(const nlohmann::json& document);

// One line for the terminal: "FILE: PATH: MESSAGE", or "FILE: MESSAGE" for the whole file
// (unreadable, JSON syntax error "FILE:LINE:COL: …", a problem at the document's root).
std::string format_line(const Issue& issue);

}  // namespace quorum::papers
