// Lenient reads of a paper's JSON for the rules: a missing key or a value of another type
// reads as absent, never as an exception. The rules run on schema-valid data, but they are
// also called directly (tests, other tools), and a crash would be worse than a blank figure.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace quorum::papers::fields {

// object[key] when it is a number.
inline std::optional<double> number_at(const nlohmann::json& object, const char* key) {
    if (!object.is_object()) return std::nullopt;
    auto it = object.find(key);
    if (it == object.end() || !it->is_number()) return std::nullopt;
    return it->get<double>();
}

// object[key] when it is a string, else "".
inline std::string string_at(const nlohmann::json& object, const char* key) {
    if (!object.is_object()) return "";
    auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

// object[key], or a null value when there is no such key.
inline const nlohmann::json& member(const nlohmann::json& object, const char* key) {
    static const nlohmann::json absent;
    if (!object.is_object()) return absent;
    auto it = object.find(key);
    return it == object.end() ? absent : *it;
}

}  // namespace quorum::papers::fields
