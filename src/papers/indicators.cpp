#include "papers/indicators.hpp"

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

const char* const arrow_up = "▲";
const char* const arrow_down = "▼";
const char* const arrow_same = "↔";

// A result, last year's result or a target: a number, {"value", "rank", "text"}, or text only.
struct Reading {
    bool present = false;
    std::optional<double> value;
    std::optional<double> rank;
    std::string text;
};

Reading reading_from(const json& v) {
    Reading r;
    if (v.is_number()) {
        r.present = true;
        r.value = v.get<double>();
    } else if (v.is_string()) {
        r.present = true;
        r.text = v.get<std::string>();
    } else if (v.is_object()) {
        r.present = true;
        r.value = number_at(v, "value");
        r.rank = number_at(v, "rank");
        r.text = string_at(v, "text");
    }
    return r;
}

// A target is written as a reading is (a number, {"text", "value"}, {"text", "rank"}, text);
// the text "Monitor", in any case, means the indicator is monitored, not rated.
struct Target : Reading {
    bool monitor = false;
};

Target target_from(const json& v) {
    Target t{reading_from(v)};
    if (v.is_string()) {
        std::string lower;
        for (char c : t.text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        t.monitor = lower == "monitor";
    }
    return t;
}

// How one indicator's values print: its unit and, when given, a fixed number of decimals.
struct Format {
    std::string unit;
    std::optional<int> decimals;

    std::string number(double v) const { return decimals ? format_number(v, *decimals) : format_number_as_written(v); }

    std::string value(double v) const {
        if (unit == "%") return number(v) + "%";
        if (unit == "£") return v < 0 ? "-£" + number(-v) : "£" + number(v);
        if (unit == "rank") return ordinal(std::llround(v));
        return number(v);
    }
};

std::string ranked(double rank) { return "Ranked " + ordinal(std::llround(rank)); }

std::string reading_text(const Reading& r, const Format& f) {
    if (!r.value && !r.rank) return r.text;
    std::string out;
    if (r.value) out = f.value(*r.value);
    if (r.rank) out += (out.empty() ? "" : " ") + std::string("(") + ranked(*r.rank) + ")";
    return out;
}

std::string target_text(const Target& t, const Format& f) {
    if (!t.text.empty()) return t.text;
    if (t.value) return f.value(*t.value);
    if (t.rank) return "Rank " + ordinal(std::llround(*t.rank)) + " or better";
    return "";
}

std::string polarity_text(Polarity p) {
    switch (p) {
        case Polarity::bigger_is_better: return "Bigger is Better";
        case Polarity::smaller_is_better: return "Smaller is Better";
        case Polarity::monitor: return "Monitor";
    }
    return "";
}

std::string polarity_words(Polarity p) {
    return p == Polarity::bigger_is_better ? "bigger is better" : "smaller is better";
}

std::string plan_title(const std::string& plan) {
    if (plan == "CPI") return "Corporate Plan Indicators";
    if (plan == "SPI") return "Commissioning Plan Indicators";
    return plan;
}

// Shortfall as a percentage of the target, rounded to 9 decimals so that 5% short computed
// as 5.000000000001 still falls in the "up to 5%" band.
double shortfall_percent(double shortfall, double target) {
    return round_half_away(shortfall / std::fabs(target) * 100.0, 9);
}

std::string percent_words(double percent) { return format_number(percent, 1) + "%"; }

struct Rating {
    Rag rag = Rag::none;
    std::string reason;
};

struct Item {
    Polarity polarity = Polarity::monitor;
    Target target;
    Reading result, previous;
    bool comparable = true;
    bool ranked_indicator = false;  // rank target or rank unit: judged on ranks, 1 is best
    bool compare_size = false;      // a gap written as a negative number: judged on its size
    Format format;                  // the result's: unit and decimals
    Format as_written;              // target and last year's: the unit, decimals as written
};

// The value as judged: its size for a gap measure (compare_size), as written otherwise.
double compared(double v, const Item& item) { return item.compare_size ? std::fabs(v) : v; }

std::string polarity_words(const Item& item) {
    return polarity_words(item.polarity) + (item.compare_size ? " by size" : "");
}

Item item_from(const json& j) {
    Item item;
    item.polarity = polarity_from(member(j, "polarity"));
    item.target = target_from(member(j, "target"));
    item.result = reading_from(member(j, "result"));
    item.previous = reading_from(member(j, "previous"));
    const json& comparable = member(j, "comparable");
    item.comparable = !(comparable.is_boolean() && !comparable.get<bool>());
    item.format.unit = string_at(j, "unit");
    item.as_written = item.format;
    if (auto d = number_at(j, "decimals"); d && *d >= 0 && *d <= 6) item.format.decimals = static_cast<int>(*d);
    const json& compare_size = member(j, "compare_size");
    item.compare_size = compare_size.is_boolean() && compare_size.get<bool>();
    item.ranked_indicator = item.target.rank.has_value() || item.format.unit == "rank";
    return item;
}

std::string thresholds_words(const RagThresholds& th) {
    return "up to " + format_number_as_written(th.green_amber_within_percent) + "% of target is Green Amber, up to " +
           format_number_as_written(th.red_amber_within_percent) + "% Red Amber";
}

Rating rate_ranked(const Item& item, const RagThresholds& th) {
    // A rank unit holds the ranks in the values themselves.
    std::optional<double> rank = item.format.unit == "rank" ? item.result.value : item.result.rank;
    std::optional<double> target = item.target.rank ? item.target.rank : item.target.value;
    if (!rank) return {Rag::none, "no rating: the result has no rank to compare with the target rank"};
    if (!target) return {Rag::none, "no rating: no numeric target"};
    Rag rag = rate_rank(*rank, *target, th);
    if (rag == Rag::none) return {rag, "no rating: a rank below 1"};
    std::string reason = ranked(*rank) + " against a target of " + ordinal(std::llround(*target)) + " (1 is best";
    if (rag != Rag::green) {
        long long places = std::llround(*rank - *target);
        reason += "; " + std::to_string(places) + (places == 1 ? " place" : " places") + " short, and " +
                  thresholds_words(th) + ", in whole places";
    }
    return {rag, reason + ")"};
}

Rating rate_item(const Item& item, const RagThresholds& th) {
    if (item.polarity == Polarity::monitor || item.target.monitor) return {Rag::monitor, "monitor only"};
    if (!item.comparable) return {Rag::none, "no rating: not comparable"};
    if (item.ranked_indicator) return rate_ranked(item, th);
    if (!item.target.value) return {Rag::none, "no rating: no numeric target"};
    if (!item.result.value) return {Rag::none, "no rating: no numeric result"};
    double result = *item.result.value, target = *item.target.value;
    double judged_result = compared(result, item), judged_target = compared(target, item);
    Rag rag = rate_against_target(judged_result, judged_target, item.polarity, th);
    std::string reason = "result " + item.format.value(result) + " against target " + item.as_written.value(target) +
                         " (" + polarity_words(item);
    if (rag != Rag::green) {
        double shortfall = item.polarity == Polarity::bigger_is_better ? judged_target - judged_result
                                                                       : judged_result - judged_target;
        reason += target == 0.0 ? "; short of a zero target"
                                : "; short by " + percent_words(shortfall_percent(shortfall, judged_target)) +
                                      " of target, and " + thresholds_words(th);
    }
    return {rag, reason + ")"};
}

// Values compare as printed when the indicator fixes its decimals (95.41 and 95.44 both
// print 95.4: the same), exactly otherwise.
double as_printed(double v, const Format& f) { return f.decimals ? round_half_away(v, *f.decimals) : v; }

struct Travel {
    std::string dot;
    std::string symbol;
    std::string reason;
    std::optional<double> change_percent;
};

std::string direction_word(Direction d) {
    return d == Direction::improving ? "Improving" : d == Direction::worsening ? "Worsening" : "Same";
}

std::string direction_symbol(Direction d) {
    return d == Direction::improving ? arrow_up : d == Direction::worsening ? arrow_down : arrow_same;
}

std::optional<double> change_percent(const Reading& result, const Reading& previous) {
    if (!result.value || !previous.value || *previous.value == 0.0) return std::nullopt;
    return (*result.value - *previous.value) / std::fabs(*previous.value) * 100.0;
}

Travel travel_of(const Item& item, const std::string& year) {
    if (!item.comparable) return {"Not comparable", "", "not comparable with last year", std::nullopt};
    bool previous_absent = !item.previous.present;
    if (previous_absent) {
        std::string dot = year.empty() ? "New" : "New for " + year;
        return {dot, "", "no result last year", std::nullopt};
    }
    if (item.polarity == Polarity::monitor) return {"Monitor", "", "monitor only", std::nullopt};
    std::optional<double> change = change_percent(item.result, item.previous);
    std::optional<double> now_rank = item.format.unit == "rank" ? item.result.value : item.result.rank;
    std::optional<double> then_rank = item.format.unit == "rank" ? item.previous.value : item.previous.rank;
    if (item.ranked_indicator && now_rank && then_rank) {
        Direction d = direction_of_travel(*now_rank, *then_rank, Polarity::smaller_is_better);
        return {direction_word(d), direction_symbol(d),
                ranked(*now_rank) + " against " + ordinal(std::llround(*then_rank)) + " last year (1 is best)", change};
    }
    if (item.result.value && item.previous.value) {
        double now = as_printed(*item.result.value, item.format), then = as_printed(*item.previous.value, item.format);
        Direction d = direction_of_travel(compared(now, item), compared(then, item), item.polarity);
        return {direction_word(d), direction_symbol(d),
                item.format.value(now) + " against " + item.format.value(then) + " last year (" +
                    polarity_words(item) + ")",
                change};
    }
    return {"Not comparable", "", "no numeric result to compare with last year", std::nullopt};
}

// "G", "green", "Green Amber", "GREEN AMBER", "green_amber" -> the rating; nullopt if none of them.
std::optional<Rag> rag_from_text(const std::string& text) {
    std::string key;
    for (char c : text)
        if (std::isalpha(static_cast<unsigned char>(c))) key += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (key == "G" || key == "GREEN") return Rag::green;
    if (key == "GA" || key == "GREENAMBER" || key == "AMBERGREEN") return Rag::green_amber;
    if (key == "RA" || key == "REDAMBER" || key == "AMBERRED") return Rag::red_amber;
    if (key == "R" || key == "RED") return Rag::red;
    if (key == "MONITOR") return Rag::monitor;
    if (key.empty() || key == "NONE" || key == "NA") return Rag::none;
    return std::nullopt;
}

std::string rag_words(Rag rag) { return rag == Rag::none ? "no rating" : rag_code(rag) + " (" + rag_label(rag) + ")"; }

void check_stated_rag(const json& stated, const Rating& derived, const std::string& path, const std::string& file,
                      Issues& issues) {
    if (stated.is_null()) return;
    if (!stated.is_string()) return;  // the schema reports the type
    auto rag = rag_from_text(stated.get<std::string>());
    if (!rag) {
        issues.push_back({file, path, "stated rating \"" + stated.get<std::string>() +
                                          "\" is not a rating: expected G, GA, RA, R or Monitor"});
        return;
    }
    if (*rag == derived.rag) return;
    issues.push_back({file, path, "stated rating " + rag_words(*rag) + " disagrees with the derived " +
                                      rag_words(derived.rag) + ": " + derived.reason});
}

// "▲ Improving", "improving", "New for 2017/18" -> "improving", "new for 2017/18" (letters, digits, '/', spaces).
std::string dot_key(const std::string& text) {
    std::string key;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '/') key += static_cast<char>(std::tolower(c));
        else if (c == ' ' && !key.empty() && key.back() != ' ') key += ' ';
    }
    while (!key.empty() && key.back() == ' ') key.pop_back();
    return key;
}

void check_stated_dot(const json& stated, const Travel& derived, const std::string& path, const std::string& file,
                      Issues& issues) {
    if (!stated.is_string()) return;
    std::string said = dot_key(stated.get<std::string>()), worked_out = dot_key(derived.dot);
    bool both_new = said.rfind("new", 0) == 0 && worked_out.rfind("new", 0) == 0;  // "New" matches "New for 2017/18"
    if (said == worked_out || both_new) return;
    issues.push_back({file, path, "stated direction of travel \"" + stated.get<std::string>() +
                                      "\" disagrees with the derived \"" + derived.dot + "\": " + derived.reason});
}

std::string signed_percent_text(const std::optional<double>& v) { return v ? format_percent_signed(*v, 1) : ""; }

// 2010/11: how far the result is above (+) or below (−) target, as % of |target|.
std::optional<double> target_variance(const Item& item) {
    if (item.ranked_indicator || !item.result.value || !item.target.value || *item.target.value == 0.0)
        return std::nullopt;
    return (*item.result.value - *item.target.value) / std::fabs(*item.target.value) * 100.0;
}

std::string dot_change_text(const Travel& travel) {
    if (travel.symbol.empty()) return travel.dot;
    if (!travel.change_percent) return travel.symbol;
    return travel.symbol + " " + format_number(std::fabs(*travel.change_percent), 1) + "%";
}

// "106/234" from the numbers, or the words the table prints instead ("Not provided by DCSF").
std::string numerator_denominator_text(const json& j) {
    if (std::string words = string_at(j, "numerator_denominator"); !words.empty()) return words;
    auto numerator = number_at(j, "numerator");
    auto denominator = number_at(j, "denominator");
    if (!numerator || !denominator) return "";
    return format_number_as_written(*numerator) + "/" + format_number_as_written(*denominator);
}

// "CES/S13-1 (Annual)": seed 000 marks the indicators reported once a year after the ref.
std::string ref_text(const json& written) {
    const json& annual = member(written, "annual");
    return string_at(written, "ref") + (annual.is_boolean() && annual.get<bool>() ? " (Annual)" : "");
}

bool is_heading(const json& item) { return string_at(item, "kind") == "heading"; }

// A group row ("4 Attainment gap …" above 4a–4d in seed 003): a ref and a title, no figures,
// no rating and no direction; it is not counted in the summary.
json derive_heading(const json& written) {
    json out = written;
    out["kind"] = "heading";
    out["ref_text"] = ref_text(written);
    out["rag"] = nullptr;
    out["target_variance"] = nullptr;
    out["dot_change_percent"] = nullptr;
    for (const char* key : {"rag_label", "rag_reason", "dot", "dot_symbol", "dot_text", "result_text", "result_plain_text", "target_text",
                            "previous_text", "polarity_text", "plan_title", "numerator_denominator_text",
                            "target_variance_text", "dot_change_text"})
        out[key] = "";
    return out;
}

json derive_item(const json& written, const std::string& year, const RagThresholds& th, const std::string& path,
                 const std::string& file, Issues& issues) {
    if (is_heading(written)) return derive_heading(written);
    Item item = item_from(written);
    Rating rating = rate_item(item, th);
    Travel travel = travel_of(item, year);
    json out = written.is_object() ? written : json::object();
    out["kind"] = "indicator";
    out["ref_text"] = ref_text(written);
    out["rag"] = rating.rag == Rag::none ? json(nullptr) : json(rag_code(rating.rag));
    out["rag_label"] = rag_label(rating.rag);
    out["rag_reason"] = rating.reason;
    out["dot"] = travel.dot;
    out["dot_symbol"] = travel.symbol;
    out["dot_text"] = travel.symbol.empty() ? travel.dot : travel.symbol + " " + travel.dot;
    bool rated = rating.rag != Rag::none && rating.rag != Rag::monitor;
    std::string result = reading_text(item.result, item.format);
    out["result_plain_text"] = result;  // without the rating: the 2010/11 table prints none
    out["result_text"] = rated ? result + (result.empty() ? "" : " ") + "(" + rag_code(rating.rag) + ")" : result;
    out["target_text"] = item.target.monitor ? std::string("Monitor") : target_text(item.target, item.as_written);
    out["previous_text"] = item.previous.present ? reading_text(item.previous, item.as_written)
                                                 : (year.empty() ? std::string("New") : "New for " + year);
    out["polarity_text"] = polarity_text(item.polarity);
    std::string plan = string_at(written, "plan");
    out["plan_title"] = plan_title(plan);
    out["numerator_denominator_text"] = numerator_denominator_text(written);
    auto variance = target_variance(item);
    out["target_variance"] = variance ? json(*variance) : json(nullptr);
    out["target_variance_text"] = signed_percent_text(variance);
    out["dot_change_percent"] = travel.change_percent ? json(*travel.change_percent) : json(nullptr);
    out["dot_change_text"] = dot_change_text(travel);
    const json& stated = member(written, "stated");
    check_stated_rag(member(stated, "rag"), rating, path + "/stated/rag", file, issues);
    check_stated_dot(member(stated, "dot"), travel, path + "/stated/dot", file, issues);
    return out;
}

// Services in the order they first appear; within one, CPI then SPI then any other plan.
json group_items(const json& items) {
    json groups = json::array();
    std::vector<std::string> services;
    for (const auto& item : items) {
        std::string service = string_at(item, "service");
        if (std::find(services.begin(), services.end(), service) == services.end()) services.push_back(service);
    }
    for (const auto& service : services) {
        std::vector<std::string> plans = {"CPI", "SPI"};
        for (const auto& item : items) {
            std::string plan = string_at(item, "plan");
            if (string_at(item, "service") == service && std::find(plans.begin(), plans.end(), plan) == plans.end())
                plans.push_back(plan);
        }
        json plan_groups = json::array();
        for (const auto& plan : plans) {
            json members = json::array();
            for (const auto& item : items)
                if (string_at(item, "service") == service && string_at(item, "plan") == plan) members.push_back(item);
            if (!members.empty())
                plan_groups.push_back({{"plan", plan}, {"title", plan_title(plan)}, {"items", std::move(members)}});
        }
        groups.push_back({{"service", service}, {"plans", std::move(plan_groups)}});
    }
    return groups;
}

bool missed_target(const json& item) {
    std::string rag = string_at(item, "rag");
    return rag == "GA" || rag == "RA" || rag == "R";
}

json not_met(const json& items) {
    json groups = json::array();
    for (const auto& item : items) {
        if (!missed_target(item)) continue;
        std::string service = string_at(item, "service");
        auto group = std::find_if(groups.begin(), groups.end(), [&](const json& g) { return g["service"] == service; });
        if (group == groups.end()) groups.push_back({{"service", service}, {"items", json::array({item})}});
        else (*group)["items"].push_back(item);
    }
    for (auto& group : groups) {  // counts for the lead-in prose ("one indicator in the Corporate Plan …")
        json by_plan = {{"CPI", 0}, {"SPI", 0}};
        for (const auto& item : group["items"]) {
            std::string plan = string_at(item, "plan");
            by_plan[plan] = by_plan.contains(plan) ? by_plan[plan].get<int>() + 1 : 1;
        }
        group["count"] = group["items"].size();
        group["by_plan"] = std::move(by_plan);
    }
    return groups;
}

// Share of `count` in `of` as a whole percent ("74%"); "-" when there is nothing to share.
void put_share(json& summary, const char* name, int count, int of) {
    std::string key(name);
    summary[key] = count;
    if (of == 0) {
        summary[key + "_percent"] = nullptr;
        summary[key + "_percent_text"] = "-";
    } else {
        double percent = 100.0 * count / of;
        summary[key + "_percent"] = percent;
        summary[key + "_percent_text"] = format_number(percent, 0) + "%";
    }
    summary[key + "_text"] = summary[key + "_percent_text"].get<std::string>() + " (" + std::to_string(count) + ")";
}

json summarise(const json& items) {
    int green = 0, green_amber = 0, red_amber = 0, red = 0, monitor = 0, improved_or_same = 0, worsened = 0;
    int total = 0;
    for (const auto& item : items) {
        if (is_heading(item)) continue;  // a group row is not an indicator
        ++total;
        std::string rag = string_at(item, "rag"), dot = string_at(item, "dot");
        green += rag == "G";
        green_amber += rag == "GA";
        red_amber += rag == "RA";
        red += rag == "R";
        monitor += rag == "Monitor";
        improved_or_same += dot == "Improving" || dot == "Same";
        worsened += dot == "Worsening";
    }
    int rated = green + green_amber + red_amber + red, compared = improved_or_same + worsened;
    json summary = json::object();
    put_share(summary, "green", green, rated);
    put_share(summary, "green_amber", green_amber, rated);
    put_share(summary, "red_amber", red_amber, rated);
    put_share(summary, "red", red, rated);
    put_share(summary, "improved_or_same", improved_or_same, compared);
    put_share(summary, "worsened", worsened, compared);
    summary["rated"] = rated;
    summary["compared"] = compared;
    summary["monitor"] = monitor;
    summary["no_rating"] = total - rated - monitor;
    summary["unrated"] = total - rated;  // what seed 000's "Monitor only" column counts
    summary["total"] = total;
    return summary;
}

// INDICATORS.stated_summary: counts as printed (Table 1), each checked against the derived one.
void check_stated_summary(const json& stated, const json& summary, const std::string& path, const std::string& file,
                          Issues& issues) {
    if (!stated.is_object()) return;
    for (auto it = stated.begin(); it != stated.end(); ++it) {
        if (!it->is_number() || !summary.contains(it.key()) || !summary[it.key()].is_number_integer()) continue;
        double said = it->get<double>();
        int derived = summary[it.key()].get<int>();
        if (said == derived) continue;
        std::string name = it.key();
        std::replace(name.begin(), name.end(), '_', ' ');
        issues.push_back({file, path + "/" + it.key(),
                          "stated summary count of " + name + " " + format_number_as_written(said) +
                              " disagrees with the derived " + std::to_string(derived)});
    }
}

json column_titles(const json& indicators) {
    std::string year = string_at(indicators, "year"), previous_year = string_at(indicators, "previous_year");
    std::string period = string_at(indicators, "period_label");
    auto with_year = [](const std::string& y, const std::string& rest) { return y.empty() ? rest : y + " " + rest; };
    std::string period_result = period.empty() ? "Result" : period + " Result";
    return {{"target", with_year(year, "Annual Target")},
            {"result", with_year(year, period_result)},
            {"previous", with_year(previous_year, period_result)},
            {"dot", previous_year.empty() ? std::string("DOT")
                                          : "DOT Long Term (From " + (period.empty() ? "" : period + " ") +
                                                previous_year + ")"}};
}

}  // namespace

RagThresholds rag_thresholds(const json& settings) {
    RagThresholds th;
    const json& rag = member(settings, "rag");
    if (auto ga = number_at(rag, "green_amber_within_percent"); ga && *ga >= 0) th.green_amber_within_percent = *ga;
    if (auto ra = number_at(rag, "red_amber_within_percent"); ra && *ra >= 0) th.red_amber_within_percent = *ra;
    if (th.red_amber_within_percent < th.green_amber_within_percent)
        th.red_amber_within_percent = th.green_amber_within_percent;
    return th;
}

Polarity polarity_from(const json& value) {
    std::string text = value.is_string() ? value.get<std::string>() : "";
    if (text == "bigger_is_better") return Polarity::bigger_is_better;
    if (text == "smaller_is_better") return Polarity::smaller_is_better;
    return Polarity::monitor;
}

Rag rate_against_target(double result, double target, Polarity polarity, const RagThresholds& th) {
    if (polarity == Polarity::monitor) return Rag::monitor;
    double shortfall = polarity == Polarity::bigger_is_better ? target - result : result - target;
    if (shortfall <= 0) return Rag::green;
    if (target == 0.0) return Rag::red;
    double percent = shortfall_percent(shortfall, target);
    if (percent <= th.green_amber_within_percent) return Rag::green_amber;
    if (percent <= th.red_amber_within_percent) return Rag::red_amber;
    return Rag::red;
}

Rag rate_rank(double rank, double target_rank, const RagThresholds& th) {
    if (rank < 1 || target_rank < 1) return Rag::none;
    double places_short = rank - target_rank;
    if (places_short <= 0) return Rag::green;
    // Rounded to 9 decimals before ceil so that 15 × 10% = 1.5000000000000002 stays 2 places.
    double green_amber_places = std::ceil(round_half_away(target_rank * th.green_amber_within_percent / 100.0, 9));
    double red_amber_places = std::ceil(round_half_away(target_rank * th.red_amber_within_percent / 100.0, 9));
    if (places_short <= green_amber_places) return Rag::green_amber;
    if (places_short <= red_amber_places) return Rag::red_amber;
    return Rag::red;
}

Direction direction_of_travel(double result, double previous, Polarity polarity) {
    if (result == previous) return Direction::same;
    bool bigger = result > previous;
    bool better = polarity == Polarity::smaller_is_better ? !bigger : bigger;
    return better ? Direction::improving : Direction::worsening;
}

std::string rag_code(Rag rag) {
    switch (rag) {
        case Rag::green: return "G";
        case Rag::green_amber: return "GA";
        case Rag::red_amber: return "RA";
        case Rag::red: return "R";
        case Rag::monitor: return "Monitor";
        case Rag::none: return "";
    }
    return "";
}

std::string rag_label(Rag rag) {
    switch (rag) {
        case Rag::green: return "Green";
        case Rag::green_amber: return "Green Amber";
        case Rag::red_amber: return "Red Amber";
        case Rag::red: return "Red";
        case Rag::monitor: return "Monitor";
        case Rag::none: return "";
    }
    return "";
}

json derive_indicators(const json& indicators, const json& settings, const std::string& file, const std::string& at,
                       Issues& issues) {
    RagThresholds th = rag_thresholds(settings);
    std::string year = string_at(indicators, "year");
    json items = json::array();
    const json& written = member(indicators, "items");
    if (written.is_array())
        for (std::size_t i = 0; i < written.size(); ++i)
            items.push_back(derive_item(written[i], year, th, at + "/items/" + std::to_string(i), file, issues));
    json out = json::object();
    out["year"] = year;
    out["previous_year"] = string_at(indicators, "previous_year");
    out["period_label"] = string_at(indicators, "period_label");
    out["titles"] = column_titles(indicators);
    out["groups"] = group_items(items);
    out["summary"] = summarise(items);
    check_stated_summary(member(indicators, "stated_summary"), out["summary"], at + "/stated_summary", file, issues);
    out["not_met"] = not_met(items);
    out["items"] = std::move(items);
    return out;
}

}  // namespace quorum::papers
