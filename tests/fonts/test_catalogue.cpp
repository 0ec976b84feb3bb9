// The font catalogue against the real Debian fonts (fonts-liberation2, fonts-dejavu-core).
#include "fonts/fonts.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include <functional>
#include <string>

using namespace quorum::fonts;

namespace {

const FontCatalogue& catalogue() {
    static const FontCatalogue fonts = FontCatalogue::load(QUORUM_SOURCE_DIR "/fonts/catalogue.json");
    return fonts;
}

std::string error_of(const std::function<void()>& action) {
    try {
        action();
    } catch (const FontError& e) {
        return e.message;
    }
    return "(no FontError thrown)";
}

}  // namespace

TEST_CASE("default catalogue maps families and generic aliases to Liberation fonts") {
    const FontCatalogue& fonts = catalogue();
    CHECK(fonts.face("Liberation Sans", 400, false).file().filename() == "LiberationSans-Regular.ttf");
    CHECK(fonts.face("sans-serif", 400, false).file().filename() == "LiberationSans-Regular.ttf");
    CHECK(fonts.face("serif", 400, false).file().filename() == "LiberationSerif-Regular.ttf");
    CHECK(fonts.face("monospace", 400, false).file().filename() == "LiberationMono-Regular.ttf");
    CHECK(fonts.face("Arial", 400, false).family() == "Liberation Sans");
    CHECK(fonts.face("  helvetica ", 400, false).family() == "Liberation Sans");  // CSS names are case-insensitive
    CHECK(fonts.has_family("ARIAL"));
    CHECK_FALSE(fonts.has_family("Comic Sans MS"));
}

TEST_CASE("weights and styles map to the nearest available face") {
    const FontCatalogue& fonts = catalogue();
    CHECK(fonts.face("Arial", 700, false).file().filename() == "LiberationSans-Bold.ttf");
    CHECK(fonts.face("Arial", 600, false).file().filename() == "LiberationSans-Bold.ttf");
    CHECK(fonts.face("Arial", 500, false).file().filename() == "LiberationSans-Regular.ttf");
    CHECK(fonts.face("Arial", 100, false).file().filename() == "LiberationSans-Regular.ttf");
    CHECK(fonts.face("Arial", 400, true).file().filename() == "LiberationSans-Italic.ttf");
    CHECK(fonts.face("Arial", 900, true).file().filename() == "LiberationSans-BoldItalic.ttf");
    const Face& bold = fonts.face("serif", 700, false);
    CHECK(bold.weight() == 700);
    CHECK_FALSE(bold.italic());
}

TEST_CASE("metrics are read from the font as browsers read them") {
    const Face& sans = catalogue().face("Liberation Sans", 400, false);
    CHECK(sans.units_per_em() == 2048);
    // Liberation Sans 2 does not set USE_TYPO_METRICS: hhea values, as Chrome/Firefox use.
    CHECK(sans.ascender() == 1854);
    CHECK(sans.descender() == -434);
    CHECK(sans.line_gap() == 67);
    // Metric-compatible with Arial: 'A' is 1366 units, space 569.
    CHECK(sans.advance(U'A') == 1366);
    CHECK(sans.advance(U' ') == 569);
    CHECK(sans.advance(U'£') > 0);
    CHECK(sans.underline_position() < 0);
    CHECK(sans.underline_thickness() > 0);

    const Face& mono = catalogue().face("monospace", 400, false);
    CHECK(mono.advance(U'i') == mono.advance(U'W'));
}

TEST_CASE("glyph coverage comes from the cmap") {
    const Face& sans = catalogue().face("Liberation Sans", 400, false);
    for (char32_t c : std::u32string(U"£–’“”Łŵαβγжфы€")) {
        INFO("U+" << std::hex << static_cast<unsigned>(c));
        CHECK(sans.has_glyph(c));
        CHECK(sans.advance(c) > 0);
    }
    CHECK_FALSE(sans.has_glyph(U'\U0001F600'));  // emoji: not in Liberation
    CHECK(sans.advance(U'\U0001F600') == 0);
    const Face& dejavu = catalogue().face("DejaVu Sans", 400, false);
    CHECK(dejavu.has_glyph(U'▲'));
    CHECK(dejavu.has_glyph(U'↔'));
    // Beyond the BMP (Old Italic A, U+10300, glyph 5373 in DejaVu Sans 2.37): answered from
    // the face's own sorted list, FreeType having been closed after reading the font.
    CHECK(dejavu.has_glyph(U'\U00010300'));
    CHECK(dejavu.advance(U'\U00010300') > 0);
    CHECK_FALSE(dejavu.has_glyph(U'\U0010FFFD'));
}

TEST_CASE("fallback chain: known families in order, then the symbol fallback") {
    const FontCatalogue& fonts = catalogue();
    auto chain = fonts.fallback_chain({"Council Sans Pro", "Arial", "sans-serif", "serif"}, 400, false);
    REQUIRE(chain.size() == 3);  // unknown skipped; Arial and sans-serif are the same face
    CHECK(chain[0]->family() == "Liberation Sans");
    CHECK(chain[1]->family() == "Liberation Serif");
    CHECK(chain[2]->family() == "DejaVu Sans");
    auto bold_chain = fonts.fallback_chain({}, 700, false);
    REQUIRE(bold_chain.size() == 1);
    CHECK(bold_chain[0]->file().filename() == "DejaVuSans-Bold.ttf");
}

TEST_CASE("face ids are dense and stable") {
    const FontCatalogue& fonts = catalogue();
    CHECK(fonts.face_count() == 16);
    for (std::size_t id = 0; id < fonts.face_count(); ++id) {
        const Face& face = fonts.face_by_id(static_cast<int>(id));
        CHECK(face.id() == static_cast<int>(id));
        CHECK(&fonts.face(face.family(), face.weight(), face.italic()) == &face);
    }
    const FontCatalogue again = FontCatalogue::load(QUORUM_SOURCE_DIR "/fonts/catalogue.json");
    CHECK(again.face("Arial", 700, true).id() == fonts.face("Arial", 700, true).id());
    CHECK(error_of([&] { fonts.face_by_id(99); }).find("no face with id 99") != std::string::npos);
}

TEST_CASE("a missing font file names the family, the file and every folder searched") {
    const FontCatalogue fonts = FontCatalogue::load(QUORUM_TEST_DATA "/fonts/missing_file.json");
    CHECK(fonts.has_family("sans-serif"));
    const std::string message = error_of([&] { fonts.face("sans-serif", 700, false); });
    CHECK(message.find("Council Sans") != std::string::npos);
    CHECK(message.find("CouncilSans-Bold.ttf") != std::string::npos);
    CHECK(message.find(QUORUM_TEST_DATA "/fonts") != std::string::npos);
    CHECK(message.find("/usr/share/fonts") != std::string::npos);
    CHECK(message.find("/usr/local/share/fonts") != std::string::npos);
    // The fallback family in the same catalogue still works.
    CHECK(fonts.face("DejaVu Sans", 400, false).has_glyph(U'A'));
}

TEST_CASE("bad catalogues and bad font files give clear errors") {
    const std::string malformed = error_of([] { FontCatalogue::load(QUORUM_TEST_DATA "/fonts/malformed.json"); });
    CHECK(malformed.find("malformed.json:3:") != std::string::npos);
    const std::string missing = error_of([] { FontCatalogue::load(QUORUM_TEST_DATA "/fonts/no_such_catalogue.json"); });
    CHECK(missing.find("no_such_catalogue.json: error: cannot read") != std::string::npos);
    const std::string alias = error_of([] { FontCatalogue::load(QUORUM_TEST_DATA "/fonts/bad_alias.json"); });
    CHECK(alias.find("alias 'Arial'") != std::string::npos);
    // A text file posing as a font, written here rather than committed as a fake .ttf.
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / ("quorum-not-a-font-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "not_a_font.ttf") << "this is not a font\n";
    std::ofstream(dir / "not_a_font.json") << R"({ "families": { "Broken": { "regular": "not_a_font.ttf" } }, "fallback": "Broken" })";
    const FontCatalogue broken = FontCatalogue::load(dir / "not_a_font.json");
    const std::string not_font = error_of([&] { broken.face("Broken", 400, false); });
    CHECK(not_font.find("not_a_font.ttf: error: not a readable font for family 'Broken'") != std::string::npos);
    CHECK(error_of([&] { broken.face("Nope", 400, false); }).find("unknown font family 'Nope'") != std::string::npos);
    std::filesystem::remove_all(dir);
}

TEST_CASE("a font with PostScript (CFF) outlines is refused with a clear message") {
    // NimbusMonoPS-Regular.otf comes from fonts-urw-base35 (scripts/install-deps.sh).
    const FontCatalogue fonts = FontCatalogue::load(QUORUM_TEST_DATA "/fonts/cff_outlines.json");
    const std::string message = error_of([&] { fonts.face("Nimbus Mono", 400, false); });
    INFO(message);
    CHECK(message.find("NimbusMonoPS-Regular.otf: error: font for family 'Nimbus Mono' has PostScript (CFF) outlines") !=
          std::string::npos);
    CHECK(fonts.face("DejaVu Sans", 400, false).has_glyph(U'A'));
}
