// Prose markup -> runs. Expected runs are written out by hand.
#include "papers/prose.hpp"

#include <catch2/catch.hpp>

using namespace quorum::papers;
using nlohmann::json;

namespace {

json runs_of(const std::string& text) {
    Footnotes notes;
    return prose_runs(text, notes);
}

json plain(const std::string& text) { return json::array({{{"text", text}}}); }

}  // namespace

TEST_CASE("plain text is one run; empty text none", "[prose]") {
    CHECK(runs_of("Family Services") == plain("Family Services"));
    CHECK(runs_of("") == json::array());
}

TEST_CASE("bold, italic and both", "[prose]") {
    CHECK(runs_of("a **b** c") == json::parse(R"([{"text": "a "}, {"text": "b", "bold": true}, {"text": " c"}])"));
    CHECK(runs_of("*quality*") == json::parse(R"([{"text": "quality", "italic": true}])"));
    CHECK(runs_of("**bold *both* bold**") ==
          json::parse(R"([{"text": "bold ", "bold": true}, {"text": "both", "bold": true, "italic": true}, {"text": " bold", "bold": true}])"));
    CHECK(runs_of("*a **b** c*") ==
          json::parse(R"([{"text": "a ", "italic": true}, {"text": "b", "bold": true, "italic": true}, {"text": " c", "italic": true}])"));
}

TEST_CASE("links and bare URLs", "[prose]") {
    CHECK(runs_of("[Open Barnet](https://open.barnet.gov.uk)") ==
          json::parse(R"([{"text": "Open Barnet", "href": "https://open.barnet.gov.uk"}])"));
    CHECK(runs_of("See [**the** plan](https://a.org/p_(1)).") ==
          json::parse(R"j([{"text": "See "}, {"text": "the", "bold": true, "href": "https://a.org/p_(1)"},
                          {"text": " plan", "href": "https://a.org/p_(1)"}, {"text": "."}])j"));
    CHECK(runs_of("see https://x.org/a.") ==
          json::parse(R"([{"text": "see "}, {"text": "https://x.org/a", "href": "https://x.org/a"}, {"text": "."}])"));
    CHECK(runs_of("(www.barnet.gov.uk)") ==
          json::parse(R"j([{"text": "("}, {"text": "www.barnet.gov.uk", "href": "https://www.barnet.gov.uk"}, {"text": ")"}])j"));
    // Not at a word's start: not a link.
    CHECK(runs_of("xhttps://a.b") == plain("xhttps://a.b"));
}

TEST_CASE("footnotes are numbered per paper, in reading order", "[prose]") {
    Footnotes notes;
    CHECK(prose_runs("Rate^[Source: Met Police, 47].", notes) ==
          json::parse(R"([{"text": "Rate"}, {"text": "", "footnote": 1}, {"text": "."}])"));
    CHECK(prose_runs("Second^[See [LAIT](https://lait.org)]", notes) ==
          json::parse(R"([{"text": "Second"}, {"text": "", "footnote": 2}])"));
    CHECK(notes.notes() == json::parse(R"([
        {"number": 1, "runs": [{"text": "Source: Met Police, 47"}]},
        {"number": 2, "runs": [{"text": "See "}, {"text": "LAIT", "href": "https://lait.org"}]}])"));
}

TEST_CASE("a note inside a note is literal text", "[prose]") {
    Footnotes notes;
    CHECK(prose_runs("x^[a ^[b]]", notes) == json::parse(R"([{"text": "x"}, {"text": "", "footnote": 1}])"));
    CHECK(notes.notes()[0]["runs"] == plain("a ^[b]"));
}

TEST_CASE("escapes give the literal characters", "[prose]") {
    CHECK(runs_of(R"(\*not italic\* \[x\] \^ \\ \q)") == plain(R"(*not italic* [x] ^ \ \q)"));
    CHECK(runs_of(R"(**a\*b**)") == json::parse(R"([{"text": "a*b", "bold": true}])"));
}

TEST_CASE("unbalanced markers are literal text, nothing is dropped", "[prose]") {
    for (const char* text : {"2 * 3 = 6", "**open", "a *b", "close* here", "[x]", "[x](", "[](https://a.b)", "^[open",
                             "* not italic *", "***", "*", "**", "[", "^", "a ^ b", "[a](b", "x]y)z"}) {
        INFO(text);
        Footnotes notes;
        const json runs = prose_runs(text, notes);
        CHECK(plain_text(runs) == text);
        CHECK(notes.notes().empty());
        for (const auto& run : runs) CHECK_FALSE(run.contains("bold"));
    }
}

TEST_CASE("markup mixed with literal markers keeps every character", "[prose]") {
    CHECK(runs_of("5 * 2 is **ten**") == json::parse(R"([{"text": "5 * 2 is "}, {"text": "ten", "bold": true}])"));
    CHECK(runs_of("**a* b") == plain("**a* b"));
}

TEST_CASE("pathological nesting is literal text beyond 16 levels", "[prose]") {
    // 3000 links, each inside the previous one: the outer 16 are links, the rest is text.
    std::string nested = std::string(3000, '[') + "x";
    for (int i = 0; i < 3000; ++i) nested += "](u)";
    std::string inner = std::string(3000 - 16, '[') + "x";
    for (int i = 0; i < 3000 - 16; ++i) inner += "](u)";
    const json runs = runs_of(nested);
    CHECK(plain_text(runs) == inner);
    CHECK(runs[0]["href"] == "u");
    // "*[*" is an italic "[": 5000 of them leave 5000 brackets and no stars.
    std::string stars;
    for (int i = 0; i < 5000; ++i) stars += "*[";
    CHECK(plain_text(runs_of(stars)) == std::string(5000, '['));
}

TEST_CASE("plain_text joins runs and skips footnote markers", "[prose]") {
    Footnotes notes;
    CHECK(plain_text(prose_runs("**A**^[n] b", notes)) == "A b");
}
