// The JSON Schemas of data/schema/: where they are, loading them once, and validating with
// valijson. validation.cpp turns valijson's verdict into officer-friendly messages.
#pragma once

#include <nlohmann/json.hpp>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace quorum::papers {

// A schema file is missing or broken: an installation problem, not the officer's (exit 2).
struct SchemaUnavailable : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// $QUORUM_DATA/schema if the environment variable is set, else the source tree's data/schema.
std::filesystem::path schema_directory();

// The parsed schema file `name` ("common.schema.json") of schema_directory(), loaded once per
// process. Throws SchemaUnavailable.
const nlohmann::json& schema_document(const std::string& name);

// One raw valijson error: the instance path as a JSON pointer and valijson's description.
struct RawSchemaError {
    std::string pointer;
    std::string description;
};

// Validates `document` against schema file `name` with valijson (all errors, not just the
// first). Returns its errors; empty means valid. Throws SchemaUnavailable.
std::vector<RawSchemaError> valijson_errors(const nlohmann::json& document, const std::string& name);

// "/a/b~1c" from parts {"a", "b/c"} (RFC 6901 escaping).
std::string json_pointer_append(const std::string& pointer, const std::string& key);

}  // namespace quorum::papers
