// Hyphenation with Debian's real en-GB patterns (hyphen-en-gb).
#include "layout/hyphenate.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

using quorum::layout::Hyphenator;

namespace {

std::string hyphenated(const Hyphenator& h, const std::string& word, const std::string& lang = "en-GB") {
    std::string out;
    std::size_t last = 0;
    for (auto p : h.points(word, lang)) {
        out += word.substr(last, p - last) + "-";
        last = p;
    }
    return out + word.substr(last);
}

}  // namespace

TEST_CASE("en-GB patterns hyphenate council vocabulary", "[hyphenate]") {
    REQUIRE(std::filesystem::exists("/usr/share/hyphen/hyph_en_GB.dic"));
    Hyphenator h;
    CHECK(hyphenated(h, "accountability") == "ac-count-ab-il-ity");
    CHECK(hyphenated(h, "safeguarding") == "safe-guard-ing");
    CHECK(hyphenated(h, "consultation") == "con-sulta-tion");
    CHECK(hyphenated(h, "recommendation") == "re-com-mend-a-tion");
    CHECK(hyphenated(h, "councillors") == "coun-cil-lors");
}

TEST_CASE("capitalised words hyphenate like lower-case ones; offsets index the original", "[hyphenate]") {
    Hyphenator h;
    CHECK(hyphenated(h, "Safeguarding") == "Safe-guard-ing");
    CHECK(hyphenated(h, "ACCOUNTABILITY") == "AC-COUNT-AB-IL-ITY");
}

TEST_CASE("language tags: en, en-gb, en_GB and en-US all reach an English dictionary", "[hyphenate]") {
    Hyphenator h;
    for (const char* tag : {"en", "en-gb", "en_GB", "EN-GB", "en-US", ""}) {
        INFO(tag);
        CHECK(h.supports(tag));
        CHECK(hyphenated(h, "safeguarding", tag) == "safe-guard-ing");
    }
    CHECK(h.warnings().empty());
}

TEST_CASE("an unknown language gives no hyphenation and exactly one warning", "[hyphenate]") {
    Hyphenator h;
    CHECK(h.points("safeguarding", "xx").empty());
    CHECK(h.points("accountability", "xx").empty());
    CHECK_FALSE(h.supports("xx"));
    REQUIRE(h.warnings().size() == 1);
    CHECK(h.warnings()[0].find("'xx'") != std::string::npos);
}

TEST_CASE("codes, numbers and short words are not hyphenated", "[hyphenate]") {
    Hyphenator h;
    CHECK(h.points("A1234567", "en-GB").empty());
    CHECK(h.points("www.example.gov.uk", "en-GB").empty());
    CHECK(h.points("item", "en-GB").empty());
    CHECK(h.points("", "en-GB").empty());
}

TEST_CASE("results are cached: the same word returns the same stored points", "[hyphenate]") {
    Hyphenator h;
    const auto& first = h.points("accountability", "en-GB");
    const auto& second = h.points("accountability", "en-GB");
    CHECK(&first == &second);
    CHECK(first.size() == 4);
}

TEST_CASE("a missing dictionary folder is not an error, only a warning", "[hyphenate]") {
    Hyphenator h("/nonexistent/hyphen");
    CHECK(h.points("safeguarding", "en-GB").empty());
    CHECK(h.warnings().size() == 1);
}
