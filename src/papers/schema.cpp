#include "papers/schema.hpp"

#define VALIJSON_USE_EXCEPTIONS 1  // valijson aborts the process on a bad schema otherwise
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>

#ifndef QUORUM_DATA_DIR
#error "QUORUM_DATA_DIR must be defined (src/CMakeLists.txt, stage papers)"
#endif

namespace quorum::papers {

namespace fs = std::filesystem;

namespace {

std::mutex cache_mutex;  // the caches below are filled lazily; packs may validate from several threads

nlohmann::json read_schema_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw SchemaUnavailable("cannot read the schema " + path.string());
    std::ostringstream text;
    text << in.rdbuf();
    try {
        return nlohmann::json::parse(text.str());
    } catch (const nlohmann::json::exception& e) {
        throw SchemaUnavailable("the schema " + path.string() + " is not valid JSON: " + e.what());
    }
}

// "common.schema.json#/definitions/x" or ".../common.schema.json" -> "common.schema.json".
std::string file_part(const std::string& uri) {
    std::string file = uri.substr(0, uri.find('#'));
    const auto slash = file.rfind('/');
    return slash == std::string::npos ? file : file.substr(slash + 1);
}

const nlohmann::json& cached_document(const std::string& name) {
    static std::map<std::string, nlohmann::json> documents;
    auto found = documents.find(name);
    if (found != documents.end()) return found->second;
    return documents.emplace(name, read_schema_file(schema_directory() / name)).first->second;
}

// The schemas refer to each other by relative id ("common.schema.json#/definitions/date");
// valijson asks for the document and frees it afterwards, so hand out copies.
const nlohmann::json* fetch_schema(const std::string& uri) { return new nlohmann::json(cached_document(file_part(uri))); }
void free_schema(const nlohmann::json* document) { delete document; }

const valijson::Schema& compiled_schema(const std::string& name) {
    static std::map<std::string, std::unique_ptr<valijson::Schema>> schemas;
    auto found = schemas.find(name);
    if (found != schemas.end()) return *found->second;
    auto schema = std::make_unique<valijson::Schema>();
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    try {
        parser.populateSchema(valijson::adapters::NlohmannJsonAdapter(cached_document(name)), *schema, fetch_schema,
                              free_schema);
    } catch (const SchemaUnavailable&) {
        throw;
    } catch (const std::exception& e) {
        throw SchemaUnavailable("the schema " + (schema_directory() / name).string() + " cannot be used: " + e.what());
    }
    return *schemas.emplace(name, std::move(schema)).first->second;
}

// valijson's context is {"<root>", "[cover]", "[3]", ...}: property names and indexes in brackets.
std::string pointer_from_context(const std::vector<std::string>& context) {
    std::string pointer;
    for (const auto& part : context) {
        if (part == "<root>") continue;
        std::string key = part;
        if (key.size() >= 2 && key.front() == '[' && key.back() == ']') key = key.substr(1, key.size() - 2);
        if (key.size() >= 2 && key.front() == '"' && key.back() == '"') key = key.substr(1, key.size() - 2);
        pointer = json_pointer_append(pointer, key);
    }
    return pointer;
}

}  // namespace

fs::path schema_directory() {
    if (const char* data = std::getenv("QUORUM_DATA"); data && *data) return fs::path(data) / "schema";
    return fs::path(QUORUM_DATA_DIR) / "schema";
}

const nlohmann::json& schema_document(const std::string& name) {
    std::lock_guard lock(cache_mutex);
    return cached_document(name);
}

std::vector<RawSchemaError> valijson_errors(const nlohmann::json& document, const std::string& name) {
    std::lock_guard lock(cache_mutex);
    const valijson::Schema& schema = compiled_schema(name);
    valijson::Validator validator;
    valijson::ValidationResults results;
    std::vector<RawSchemaError> errors;
    if (validator.validate(schema, valijson::adapters::NlohmannJsonAdapter(document), &results)) return errors;
    valijson::ValidationResults::Error error;
    while (results.popError(error)) errors.push_back({pointer_from_context(error.context), error.description});
    if (errors.empty()) errors.push_back({"", "does not match the schema"});
    return errors;
}

std::string json_pointer_append(const std::string& pointer, const std::string& key) {
    std::string escaped;
    for (char c : key) {
        if (c == '~') escaped += "~0";
        else if (c == '/') escaped += "~1";
        else escaped += c;
    }
    return pointer + "/" + escaped;
}

}  // namespace quorum::papers
