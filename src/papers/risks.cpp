#include "papers/risks.hpp"

#include "papers/accounting.hpp"
#include "papers/json_fields.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>
#include <vector>

namespace quorum::papers {

namespace {

using nlohmann::json;
using fields::number_at;
using fields::string_at;
using fields::member;

// The words for the points of each axis: the data may give its own ("likelihood_words").
std::vector<std::string> axis_words(const json& risks, const char* key, int scale, bool likelihood) {
    const json& given = member(risks, key);
    if (given.is_array() && static_cast<int>(given.size()) == scale &&
        std::all_of(given.begin(), given.end(), [](const json& w) { return w.is_string(); }))
        return given.get<std::vector<std::string>>();
    if (scale == 3) return {"Low", "Medium", "High"};
    if (likelihood) return {"Rare", "Unlikely", "Possible", "Likely", "Almost certain"};
    return {"Negligible", "Minor", "Moderate", "Major", "Catastrophic"};
}

struct Axes {
    std::vector<std::string> likelihood, impact;
};

struct Assessment {
    std::optional<double> likelihood, impact, score;
};

bool on_scale(const std::optional<double>& v, int scale) { return v && *v >= 1 && *v <= scale; }

// The word for a whole point on the scale; "" for anything else (2.5, 0, 7 on a 5-point scale).
std::string point_label(const std::vector<std::string>& words, double v) {
    if (!(v >= 1 && v <= static_cast<double>(words.size())) || v != std::floor(v)) return "";
    return words[static_cast<std::size_t>(v) - 1];
}

std::string label_with_number(const std::string& label, double v) {
    std::string number = format_number_as_written(v);
    return label.empty() ? number : label + " " + number;
}

// A register may state only the score (seed 000's "risk score 15" for FS001 and FS023, no
// likelihood or impact): {"score": 15} gives the score and its level, and no matrix cell,
// rather than an invented split. Written beside a likelihood and impact, it must be their product.
void check_written_score(const json& written, const char* which, Assessment& a, const RiskBands& bands,
                         const std::string& path, const std::string& file, Issues& issues) {
    auto score = number_at(written, "score");
    if (!score) return;
    std::string said = std::string(which) + " score " + format_number_as_written(*score);
    if (!a.likelihood && !a.impact) {
        if (*score >= 1 && *score <= bands.scale * bands.scale) a.score = *score;
        else
            issues.push_back({file, path + "/score",
                              said + " is outside 1–" + std::to_string(bands.scale * bands.scale) + " (" +
                                  std::to_string(bands.scale) + "×" + std::to_string(bands.scale) + " scale)"});
    } else if (a.score && *a.score != *score) {
        issues.push_back({file, path + "/score",
                          said + " disagrees with likelihood " + format_number_as_written(*a.likelihood) +
                              " × impact " + format_number_as_written(*a.impact) + " = " +
                              format_number_as_written(*a.score)});
    }
}

// Reads one assessment, reporting a likelihood or impact outside the scale.
Assessment read_assessment(const json& written, const char* which, const RiskBands& bands, const std::string& path,
                           const std::string& file, Issues& issues) {
    Assessment a;
    a.likelihood = number_at(written, "likelihood");
    a.impact = number_at(written, "impact");
    bool usable = true;
    for (auto [name, value] : {std::pair{"likelihood", a.likelihood}, std::pair{"impact", a.impact}}) {
        if (!value) {
            usable = false;
        } else if (!on_scale(value, bands.scale)) {
            usable = false;
            issues.push_back({file, path + "/" + name,
                              std::string(which) + " " + name + " " + format_number_as_written(*value) +
                                  " is outside the 1–" + std::to_string(bands.scale) + " scale"});
        }
    }
    if (usable) a.score = *a.likelihood * *a.impact;
    check_written_score(written, which, a, bands, path, file, issues);
    return a;
}

json assessment_json(const json& written, const Assessment& a, const RiskBands& bands, const Axes& axes) {
    json out = written.is_object() ? written : json::object();
    std::string level = a.score ? risk_level(*a.score, bands) : "";
    out["score"] = a.score ? json(*a.score) : json(nullptr);
    out["level"] = a.score ? json(level) : json(nullptr);
    out["level_label"] = risk_level_label(level);
    out["score_text"] = a.score ? label_with_number(risk_level_label(level), *a.score) : "";
    std::string likelihood_label = a.likelihood ? point_label(axes.likelihood, *a.likelihood) : "";
    std::string impact_label = a.impact ? point_label(axes.impact, *a.impact) : "";
    out["likelihood_label"] = likelihood_label;
    out["impact_label"] = impact_label;
    out["likelihood_text"] = a.likelihood ? label_with_number(likelihood_label, *a.likelihood) : "";
    out["impact_text"] = a.impact ? label_with_number(impact_label, *a.impact) : "";
    return out;
}

// "Very High", "very_high", "very high" -> "very_high".
std::string level_key(const std::string& text) {
    std::string key;
    for (unsigned char c : text) {
        if (std::isalpha(c)) key += static_cast<char>(std::tolower(c));
        else if ((c == ' ' || c == '_' || c == '-') && !key.empty() && key.back() != '_') key += '_';
    }
    while (!key.empty() && key.back() == '_') key.pop_back();
    return key;
}

std::string reason(const Assessment& a) {
    if (!a.likelihood || !a.impact) return "the score as written";
    return "likelihood " + format_number_as_written(*a.likelihood) + " × impact " + format_number_as_written(*a.impact);
}

void check_stated(const json& stated, const char* which, const Assessment& a, const RiskBands& bands,
                  const std::string& path, const std::string& file, Issues& issues) {
    std::string score_key = std::string(which) + "_score", level_key_name = std::string(which) + "_level";
    const json& score = member(stated, score_key.c_str());
    if (score.is_number()) {
        double said = score.get<double>();
        if (!a.score)
            issues.push_back({file, path + "/" + score_key,
                              "stated " + std::string(which) + " score " + format_number_as_written(said) +
                                  " cannot be checked: the " + which + " likelihood or impact is missing"});
        else if (said != *a.score)
            issues.push_back({file, path + "/" + score_key,
                              "stated " + std::string(which) + " score " + format_number_as_written(said) +
                                  " disagrees with the derived " + format_number_as_written(*a.score) + " (" +
                                  reason(a) + ")"});
    }
    const json& level = member(stated, level_key_name.c_str());
    if (level.is_string() && a.score) {
        std::string derived = risk_level(*a.score, bands);
        if (level_key(level.get<std::string>()) != derived)
            issues.push_back({file, path + "/" + level_key_name,
                              "stated " + std::string(which) + " level \"" + level.get<std::string>() +
                                  "\" disagrees with the derived \"" + risk_level_label(derived) + "\" (score " +
                                  format_number_as_written(*a.score) + " = " + reason(a) + ")"});
    }
}

std::string treatment_label(const std::string& treatment) {
    if (treatment.empty()) return "";
    std::string out = treatment;
    out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    return out;
}

json derive_risk(const json& written, const RiskBands& bands, const Axes& axes, const std::string& path,
                 const std::string& file, Issues& issues) {
    json out = written.is_object() ? written : json::object();
    const json& stated = member(written, "stated");
    for (const char* which : {"inherent", "residual"}) {
        const json& given = member(written, which);
        Assessment a = read_assessment(given, which, bands, path + "/" + which, file, issues);
        out[which] = assessment_json(given, a, bands, axes);
        std::string prefix(which);
        out[prefix + "_score"] = out[which]["score"];
        out[prefix + "_level"] = out[which]["level"];
        out[prefix + "_level_label"] = out[which]["level_label"];
        check_stated(stated, which, a, bands, path + "/stated", file, issues);
    }
    out["treatment_label"] = treatment_label(string_at(written, "treatment"));
    out["is_high"] = out["residual_score"].is_number() && out["residual_score"].get<double>() >= bands.high_risk_from;
    return out;
}

json high_risks(const json& items) {
    std::vector<json> high;
    for (const auto& item : items)
        if (item["is_high"].get<bool>()) high.push_back(item);
    std::stable_sort(high.begin(), high.end(), [](const json& a, const json& b) {
        double sa = a["residual_score"].get<double>(), sb = b["residual_score"].get<double>();
        if (sa != sb) return sa > sb;
        return ref_less(string_at(a, "ref"), string_at(b, "ref"));
    });
    return json(high);
}

// Counts of risks per (likelihood, impact) point for one assessment.
json matrix(const json& items, const char* which, const RiskBands& bands, const Axes& axes) {
    json rows = json::array();
    for (int impact = bands.scale; impact >= 1; --impact) {
        json cells = json::array();
        for (int likelihood = 1; likelihood <= bands.scale; ++likelihood) {
            int count = 0;
            for (const auto& item : items) {
                const json& a = item[which];
                if (number_at(a, "likelihood") == likelihood && number_at(a, "impact") == impact &&
                    a["score"].is_number())
                    ++count;
            }
            cells.push_back({{"likelihood", likelihood},
                             {"label", axes.likelihood[static_cast<std::size_t>(likelihood - 1)]},
                             {"count", count},
                             {"score", likelihood * impact},
                             {"level", risk_level(likelihood * impact, bands)}});
        }
        rows.push_back({{"impact", impact},
                        {"label", axes.impact[static_cast<std::size_t>(impact - 1)]},
                        {"cells", std::move(cells)}});
    }
    return {{"scale", bands.scale}, {"rows", std::move(rows)}};
}

json level_counts(const json& items) {
    json counts = {{"low", 0}, {"medium", 0}, {"high", 0}, {"very_high", 0}};
    for (const auto& item : items) {
        std::string level = string_at(item, "residual_level");
        if (counts.contains(level)) counts[level] = counts[level].get<int>() + 1;
    }
    return counts;
}

}  // namespace

RiskBands risk_bands(const json& settings, int scale) {
    RiskBands bands;
    if (scale == 3) bands = {3, 3, 6, 10, 6};
    const json& levels = member(settings, "risk_levels");
    if (auto v = number_at(levels, "medium_from")) bands.medium_from = *v;
    if (auto v = number_at(levels, "high_from")) bands.high_from = *v;
    if (auto v = number_at(levels, "very_high_from")) bands.very_high_from = *v;
    if (auto v = number_at(settings, "high_risk_from")) bands.high_risk_from = *v;
    return bands;
}

std::string risk_level(double score, const RiskBands& bands) {
    if (score >= bands.very_high_from) return "very_high";
    if (score >= bands.high_from) return "high";
    if (score >= bands.medium_from) return "medium";
    return "low";
}

std::string risk_level_label(const std::string& level) {
    if (level == "low") return "Low";
    if (level == "medium") return "Medium";
    if (level == "high") return "High";
    if (level == "very_high") return "Very high";
    return "";
}

bool ref_less(const std::string& a, const std::string& b) {
    std::size_t i = 0, j = 0;
    auto digit = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; };
    while (i < a.size() && j < b.size()) {
        if (digit(a[i]) && digit(b[j])) {
            std::size_t i_end = i, j_end = j;
            while (i_end < a.size() && digit(a[i_end])) ++i_end;
            while (j_end < b.size() && digit(b[j_end])) ++j_end;
            std::string na = a.substr(i, i_end - i), nb = b.substr(j, j_end - j);
            na.erase(0, std::min(na.find_first_not_of('0'), na.size()));
            nb.erase(0, std::min(nb.find_first_not_of('0'), nb.size()));
            if (na.size() != nb.size()) return na.size() < nb.size();
            if (na != nb) return na < nb;
            i = i_end;
            j = j_end;
        } else {
            if (a[i] != b[j]) return a[i] < b[j];
            ++i;
            ++j;
        }
    }
    if (a.size() - i != b.size() - j) return a.size() - i < b.size() - j;
    return a < b;  // equal by number ("FS01" and "FS1"): plain text decides
}

json derive_risks(const json& risks, const json& settings, const std::string& file, const std::string& at,
                  Issues& issues) {
    int scale = number_at(risks, "scale") == 3.0 ? 3 : 5;
    RiskBands bands = risk_bands(settings, scale);
    Axes axes{axis_words(risks, "likelihood_words", scale, true), axis_words(risks, "impact_words", scale, false)};
    json items = json::array();
    const json& written = member(risks, "items");
    if (written.is_array())
        for (std::size_t i = 0; i < written.size(); ++i)
            items.push_back(derive_risk(written[i], bands, axes, at + "/items/" + std::to_string(i), file, issues));
    json out = json::object();
    out["register"] = string_at(risks, "register");
    out["scale"] = scale;
    out["high_risk_from"] = bands.high_risk_from;
    out["high"] = high_risks(items);
    out["matrix"] = matrix(items, "residual", bands, axes);
    out["inherent_matrix"] = matrix(items, "inherent", bands, axes);
    out["level_counts"] = level_counts(items);
    out["items"] = std::move(items);
    return out;
}

}  // namespace quorum::papers
