// The pieces the writer formats itself: numbers, strings, ToUnicode maps.
#include "pdf/content_stream.hpp"
#include "pdf/to_unicode.hpp"

#include <catch2/catch.hpp>

#include <limits>

using namespace quorum::pdf;

TEST_CASE("numbers are short and exact to the requested decimals") {
    auto format = [](double value, int decimals = 2) {
        ContentStream out;
        out.number(value, decimals);
        return out.bytes();
    };
    CHECK(format(12) == "12");
    CHECK(format(0.5) == "0.5");
    CHECK(format(-3.25) == "-3.25");
    CHECK(format(841.89) == "841.89");
    CHECK(format(595.276) == "595.28");
    CHECK(format(0.004) == "0");
    CHECK(format(-0.004) == "0");
    CHECK(format(1.05, 1) == "1.1");
    CHECK(format(2.0 / 3, 3) == "0.667");
    CHECK(format(0.101, 3) == "0.101");
    CHECK(format(-278, 0) == "-278");
    CHECK(format(std::numeric_limits<double>::quiet_NaN()) == "0");
    CHECK(format(std::numeric_limits<double>::infinity()) == "0");
}

TEST_CASE("string codes are big-endian with PDF's escapes") {
    ContentStream out;
    out.begin_string().code(u'A').code(u'£').code(u'(').code(u')').code(u'\\').code(0x0A0D).code(0x2028).end_string();
    const std::string expected = std::string("(") + '\0' + "A" + '\0' + "\xA3" + '\0' + "\\(" + '\0' + "\\)" + '\0' +
                                 "\\\\" + "\\n\\r" + "\x20\\(" + ")";
    CHECK(out.bytes() == expected);
    ContentStream colour;
    colour.rgb(255, 0, 128, "rg");
    CHECK(colour.bytes() == "1 0 0.502 rg\n");
}

TEST_CASE("ToUnicode maps: identity ranges within one high byte, at most 100 per block") {
    UsedCodes codes;
    for (char16_t c = u'a'; c <= u'z'; ++c) codes.add(c);
    codes.add(u'£');
    codes.add(0x00FF);
    codes.add(0x0100);  // consecutive with U+00FF but in the next high byte: a new range
    const std::string cmap = identity_to_unicode_cmap(codes);
    CHECK(cmap.find("3 beginbfrange\n<0061> <007A> <0061>\n<00A3> <00A3> <00A3>\n<00FF> <00FF> <00FF>\nendbfrange") ==
          std::string::npos);  // U+00FF and U+0100 are separate ranges: 4 in all
    CHECK(cmap.find("4 beginbfrange\n<0061> <007A> <0061>\n<00A3> <00A3> <00A3>\n<00FF> <00FF> <00FF>\n<0100> <0100> <0100>\nendbfrange") !=
          std::string::npos);
    CHECK(cmap.find("/CMapType 2 def") != std::string::npos);
    CHECK(cmap.find("<0000> <FFFF>") != std::string::npos);
    CHECK(cmap.find("begincidrange") == std::string::npos);

    UsedCodes scattered;  // 150 isolated codes: two blocks, 100 + 50
    for (char16_t c = 0; c < 300; c += 2) scattered.add(static_cast<char16_t>(0x4000 + c));
    const std::string blocks = identity_to_unicode_cmap(scattered);
    CHECK(blocks.find("100 beginbfrange") != std::string::npos);
    CHECK(blocks.find("50 beginbfrange") != std::string::npos);
    CHECK(UsedCodes().empty());
    CHECK_FALSE(scattered.empty());
}
