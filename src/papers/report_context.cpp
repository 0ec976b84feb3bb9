#include "papers/report_context.hpp"


namespace quorum::papers {

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
