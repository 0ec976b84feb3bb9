// Officer-friendly schema messages: "found "seventy", expected a number, "Monitor", …".
//
// valijson decides whether a document is valid; its raw messages ("Failed to validate
// against any child schemas allowed by oneOf constraint") mean nothing to an officer, and
// for a oneOf they list every branch's failures. So when valijson rejects a document, we walk
// the schema and the document together (the keywords our schemas use) and explain each
// failure at its JSON pointer, descending into the one oneOf branch the value was evidently
// meant to be (by its type, its "kind", its keys).
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace quorum::papers {

struct SchemaFinding {
    std::string pointer;  // JSON pointer into the document ("" is the root)
    std::string message;  // "found X, expected Y", "missing required key "title", expected non-empty text", …
};

// Explains why `document` does not match schema file `schema_name` (in schema_directory()).
// Returns nothing for a document that matches. Throws SchemaUnavailable.
std::vector<SchemaFinding> explain_schema_mismatch(const nlohmann::json& document, const std::string& schema_name);

// How a value is shown in a message: "seventy" quoted, numbers as written, "a list of 3",
// "an object {"text", "value"}". Long strings are cut.
std::string describe_found(const nlohmann::json& value);

}  // namespace quorum::papers
