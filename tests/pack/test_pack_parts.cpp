// The parts of `quorum pack` that need no typesetting: file names, the heading filter, the
// template context (above all: what of an exempt item a public template may see), the
// manifest's time texts, and the staging folder.
#include "pack/naming.hpp"
#include "pack/pack_context.hpp"
#include "pack/pack_filters.hpp"
#include "pack/staging.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace quorum::pack;
namespace fs = std::filesystem;

namespace {

LoadedMeeting meeting_with_exempt_item() {
    LoadedMeeting meeting;
    meeting.data = {{"committee", "Test Committee"}, {"date", "2018-03-07"}, {"time", "19:00"},
                    {"venue", "Hendon Town Hall, The Burroughs"}, {"governance_contact", {{"name", "Salar Rida"}}}};
    LoadedItem open;
    open.number = "1";
    open.title = "Minutes";
    open.kind = "minutes";
    open.paper = {{"kind", "minutes"}, {"title", "Decisions"}};
    LoadedItem exempt;
    exempt.number = "6a";
    exempt.title = "Disposal of a depot";
    exempt.kind = "report";
    exempt.exempt_paragraph = 3;
    exempt.paper = {{"kind", "report"}, {"cover", {{"title", "Secret Quokkafield sale"}}}};
    LoadedAppendix appendix;
    appendix.title = "Valuation of Quokkafield";
    appendix.pdf_file = "valuation.pdf";
    appendix.pdf_pages = 2;
    exempt.appendices.push_back(appendix);
    LoadedItem late;
    late.number = "7";
    late.title = "Late report";
    late.kind = "report";
    late.to_follow = true;
    meeting.items = {open, exempt, late};
    return meeting;
}

PackSettings settings(Audience audience, bool supplement) {
    PackSettings out;
    out.audience = audience;
    out.supplement = supplement;
    return out;
}

}  // namespace

TEST_CASE("pack: slugs and item file names") {
    CHECK(slugify("Children, Education, Libraries & Safeguarding Committee") ==
          "children-education-libraries-safeguarding-committee");
    CHECK(slugify("Members\xE2\x80\x99 Items (if any)") == "members-items-if-any");
    CHECK(slugify("Barnet\xE2\x80\x99s Libraries \xE2\x80\x93 2018") == "barnets-libraries-2018");
    CHECK(slugify("!!!") == "untitled");
    CHECK(slugify("alpha beta gamma", 12) == "alpha-beta");
    CHECK(item_file_stem("6a", "Members' Items (if any)") == "06a-members-items-if-any");
    CHECK(item_file_stem("10", "Committee Work Programme") == "10-committee-work-programme");
}

TEST_CASE("pack: demote_headings shifts tags, not text") {
    CHECK(demote_headings("<h1 class=\"t\">A</h1><h2>B</h2>", 1) == "<h2 class=\"t\">A</h2><h3>B</h3>");
    CHECK(demote_headings("<h5>x</h5><h6>y</h6>", 2) == "<h6>x</h6><h6>y</h6>");
    CHECK(demote_headings("<p>&lt;h1&gt; <hr/> <head></p>", 1) == "<p>&lt;h1&gt; <hr/> <head></p>");
}

TEST_CASE("pack: time texts as committee papers print them") {
    CHECK(meeting_time_text("19:00") == "7.00 pm");
    CHECK(meeting_time_text("09:30") == "9.30 am");
    CHECK(meeting_time_text("12:00") == "12.00 pm");
    CHECK(deadline_time_text("10:00") == "10am");
    CHECK(deadline_time_text("14:30") == "2.30pm");
}

TEST_CASE("pack: dates from the meeting file") {
    nlohmann::json meeting = {{"date", "2018-03-07"}};
    MeetingDates dates = meeting_dates(meeting);
    CHECK(to_iso(dates.questions.date) == "2018-03-02");
    CHECK(dates.questions_rule == "10AM on the third working day before the date of the committee meeting");
    CHECK(to_iso(dates.publication) == "2018-02-27");
    meeting["public_questions"] = {{"working_days_before", 2}, {"time", "12:00"}};
    dates = meeting_dates(meeting);
    CHECK(to_iso(dates.questions.date) == "2018-03-05");
    CHECK(dates.questions_rule == "12PM on the second working day before the date of the committee meeting");
    meeting["public_questions"] = {{"deadline", "2018-03-01T17:00"}};
    dates = meeting_dates(meeting);
    CHECK(to_iso(dates.questions.date) == "2018-03-01");
    CHECK(dates.questions.time == "17:00");
    CHECK(dates.questions_rule == "the deadline set for this meeting");
}

TEST_CASE("pack: the public context holds nothing of an exempt item but its title") {
    const LoadedMeeting meeting = meeting_with_exempt_item();
    const nlohmann::json context = pack_context(meeting, settings(Audience::Public, false), Medium::Print, {"style/", ""});
    const std::string text = context.dump();
    CHECK(text.find("Quokkafield") == std::string::npos);
    const nlohmann::json& exempt = context["items"][1];
    CHECK(exempt["title"] == "Disposal of a depot");
    CHECK(exempt["paper"].is_null());
    CHECK(exempt["appendices"].empty());
    CHECK(exempt["exempt"]["paragraph"] == 3);
    CHECK(exempt["exempt_marked"] == false);
    CHECK(exempt["anchor"] == "item-6a");
    CHECK(exempt["end_anchor"] == "item-6a-end");
}

TEST_CASE("pack: the members' context marks the exempt item and reserves its PDF pages") {
    const LoadedMeeting meeting = meeting_with_exempt_item();
    const nlohmann::json context = pack_context(meeting, settings(Audience::Members, false), Medium::Print, {"style/", ""});
    const nlohmann::json& exempt = context["items"][1];
    CHECK(exempt["exempt_marked"] == true);
    CHECK(exempt["paper"]["cover"]["title"] == "Secret Quokkafield sale");
    REQUIRE(exempt["appendices"].size() == 1);
    CHECK(exempt["appendices"][0]["pdf_page_ids"] ==
          nlohmann::json::array({"item-6a-appendix-1-page-1", "item-6a-appendix-1-page-2"}));
    CHECK(context["pack"]["audience"] == "members");
}

TEST_CASE("pack: to-follow items are placeholders, and the supplement's real items") {
    const LoadedMeeting meeting = meeting_with_exempt_item();
    const nlohmann::json agenda = pack_context(meeting, settings(Audience::Public, false), Medium::Print, {"style/", ""});
    CHECK(agenda["items"][2]["to_follow"] == true);
    CHECK(agenda["items"][2]["has_section"] == true);
    const nlohmann::json supplement = pack_context(meeting, settings(Audience::Public, true), Medium::Print, {"style/", ""});
    CHECK(supplement["items"][2]["to_follow"] == false);  // the supplement prints the paper itself
    CHECK(supplement["pack"]["title"] == "Supplementary agenda");
}

TEST_CASE("pack: single-page items are flagged for one page number") {
    PackSettings one_page = settings(Audience::Public, false);
    one_page.single_page_items = {"7"};
    const nlohmann::json context = pack_context(meeting_with_exempt_item(), one_page, Medium::Print, {"style/", ""});
    CHECK(context["items"][0]["single_page"] == false);
    CHECK(context["items"][2]["single_page"] == true);
}

TEST_CASE("pack: house notes fill what the meeting file leaves out") {
    LoadedMeeting meeting = meeting_with_exempt_item();
    meeting.data["notes"] = {{"facilities", {"Step-free access from the car park."}}};
    const nlohmann::json context = pack_context(meeting, {}, Medium::Web, {"html/style/", "items/"});
    CHECK(context["notes"]["facilities"] == nlohmann::json::array({"Step-free access from the car park."}));
    REQUIRE(context["notes"]["fire_procedure"].size() == 5);
    CHECK(context["items"][0]["pdf_href"] == "items/01-minutes.pdf");
}

TEST_CASE("pack: staging replaces files and folders only on commit") {
    const fs::path out = fs::temp_directory_path() / ("quorum-staging-test-" + std::to_string(::getpid()));
    fs::remove_all(out);
    fs::create_directories(out / "items");
    std::ofstream(out / "items" / "stale.pdf") << "old";
    std::ofstream(out / "manifest.json") << "old";
    {
        Staging staging(out);
        fs::create_directories(staging.path("items"));
        std::ofstream(staging.path("items/new.pdf")) << "new";
        std::ofstream(staging.path("manifest.json")) << "new";
        CHECK(fs::exists(out / "items" / "stale.pdf"));  // nothing moves before commit
        staging.commit({"items", "manifest.json"});
    }
    CHECK_FALSE(fs::exists(out / "items" / "stale.pdf"));
    CHECK(fs::exists(out / "items" / "new.pdf"));
    std::ifstream manifest(out / "manifest.json");
    std::string text;
    manifest >> text;
    CHECK(text == "new");
    std::size_t leftovers = 0;
    for (const auto& entry : fs::directory_iterator(out))
        if (entry.path().filename().string().rfind(".quorum-pack-", 0) == 0) ++leftovers;
    CHECK(leftovers == 0);
    {
        Staging abandoned(out);
        std::ofstream(abandoned.path("manifest.json")) << "broken";
    }  // destroyed without commit: a failed run
    std::ifstream still(out / "manifest.json");
    still >> text;
    CHECK(text == "new");
    fs::remove_all(out);
}
