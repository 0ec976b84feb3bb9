#include "papers/report_context.hpp"

#include <array>
#include <charconv>

namespace quorum::papers {

namespace {

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
    static constexpr std::array<int, 12> days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap(year) ? 29 : days[static_cast<std::size_t>(month - 1)];
}

std::optional<int> digits(const std::string& text, std::size_t from, std::size_t count) {
    int value = 0;
    const char* first = text.data() + from;
    auto [end, error] = std::from_chars(first, first + count, value);
    if (error != std::errc() || end != first + count) return std::nullopt;
    return value;
}

}  // namespace

std::optional<std::string> long_date_text(const std::string& iso) {
    static constexpr std::array<const char*, 12> months = {"January", "February", "March",     "April",   "May",      "June",
                                                           "July",    "August",   "September", "October", "November", "December"};
    if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
    const auto year = digits(iso, 0, 4), month = digits(iso, 5, 2), day = digits(iso, 8, 2);
    if (!year || !month || !day || *month < 1 || *month > 12 || *day < 1 || *day > days_in_month(*year, *month))
        return std::nullopt;
    return std::to_string(*day) + " " + months[static_cast<std::size_t>(*month - 1)] + " " + std::to_string(*year);
}

std::string wards_text(const nlohmann::json& wards) {
    if (wards.is_string()) return wards.get<std::string>();
    std::string out;
    if (wards.is_array())
        for (const auto& ward : wards)
            if (ward.is_string()) out += (out.empty() ? "" : "; ") + ward.get<std::string>();
    return out;
}

std::string status_text(const std::string& status, int exempt_paragraph) {
    if (status != "exempt") return "Public";
    if (exempt_paragraph < 1) return "Exempt – Schedule 12A";
    return "Exempt – paragraph " + std::to_string(exempt_paragraph) + " of Schedule 12A";
}

std::string yes_no(const nlohmann::json& flag) { return flag.is_boolean() && flag.get<bool>() ? "Yes" : "No"; }

std::string vote_outcome(int votes_for, int votes_against) { return votes_for > votes_against ? "carried" : "lost"; }

std::string issue_type_text(const std::string& issue_type) {
    if (issue_type == "key") return "Key";
    if (issue_type == "non-key") return "Non-key";
    if (issue_type == "urgent") return "Urgent";
    return "TBC";
}

const std::vector<ReportSection>& report_sections() {
    static const std::vector<ReportSection> sections = {
        {"why_needed", "Why this report is needed"},
        {"reasons", "Reasons for recommendations"},
        {"alternatives", "Alternative options considered and not recommended"},
        {"post_decision", "Post decision implementation"},
        {"implications", "Implications of decision"},
        {"background_papers", "Background papers"},
    };
    return sections;
}

const std::vector<ReportSection>& implication_sections() {
    static const std::vector<ReportSection> sections = {
        {"corporate_priorities", "Corporate Priorities and Performance"},
        {"resources", "Resources (Finance & Value for Money, Procurement, Staffing, IT, Property, Sustainability)"},
        {"social_value", "Social Value"},
        {"legal", "Legal and Constitutional References"},
        {"risk_management", "Risk Management"},
        {"equalities", "Equalities and Diversity"},
        {"corporate_parenting", "Corporate Parenting"},
        {"consultation", "Consultation and Engagement"},
        {"insight", "Insight"},
    };
    return sections;
}

}  // namespace quorum::papers
