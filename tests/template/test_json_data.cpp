// Loading JSON data into Values. Well-formed files take a direct parser; anything else is
// re-parsed by nlohmann for its error message. These pin down that both paths agree.
#include "template/json_data.hpp"

#include <catch2/catch.hpp>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <string>
#include <unistd.h>

using namespace quorum::tmpl;

namespace {

Value parse(std::string_view text) { return parse_json_data(text, "data.json"); }

// The error a malformed document gives: "LINE:COL: MESSAGE".
std::string error_of(std::string_view text) {
    try {
        parse(text);
    } catch (const RenderError& e) {
        CHECK(e.kind() == RenderError::Kind::Data);
        return std::to_string(e.where().line) + ":" + std::to_string(e.where().column) + ": " + e.message();
    }
    return "no error";
}

}  // namespace

TEST_CASE("JSON objects keep key order and Python's int/float distinction", "[json]") {
    Value v = parse(R"({"b": 1, "a": [1.5, -0, 2e3, true, false, null], "c": {"x": "y"}})");
    CHECK(repr(v) == "{'b': 1, 'a': [1.5, 0, 2000.0, True, False, None], 'c': {'x': 'y'}}");
    CHECK(repr(parse(" [ ] ")) == "[]");
    CHECK(repr(parse("{}")) == "{}");
    CHECK(repr(parse("-9223372036854775808")) == "-9223372036854775808");
}

TEST_CASE("JSON strings: escapes, surrogate pairs and UTF-8 pass through", "[json]") {
    CHECK(parse(R"("a\"b\\c\/d\n\t\r\b\f")").as_string() == "a\"b\\c/d\n\t\r\b\f");
    CHECK(parse(R"("caf\u00e9 \u20ac \ud83d\ude00")").as_string() == "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80");
    CHECK(parse("\"Cllr Sarah O\xE2\x80\x99Neill\"").as_string() == "Cllr Sarah O\xE2\x80\x99Neill");
}

TEST_CASE("JSON keys recognised by their bytes are the previous row's keys exactly", "[json]") {
    // The previous row's key at the same place is tried first by its raw bytes and closing
    // quote, 16 bytes at a time: a longer key starting with it, a shorter one, a key of 16
    // bytes or more, and one spelled with an escape must all be read as what they are. The
    // padding keeps 16 bytes of text after each key; without it, keys too near the end of
    // the text are compared byte by byte (the last case).
    const std::string padding = R"(, "padding to keep sixteen bytes after every key"])";
    auto parsed = [&](std::string_view items) {
        std::string document = "[";  // appended, not "[" + ...: GCC 12's -Wrestrict false positive
        document += items;
        document += padding;
        std::string text = repr(parse(document));
        return text.substr(0, text.rfind(", 'padding"));
    };
    CHECK(parsed(R"({"ref": 1}, {"refx": 2}, {"re": 3}, {"ref": 4})") == "[{'ref': 1}, {'refx': 2}, {'re': 3}, {'ref': 4}");
    CHECK(parsed(R"({"a_key_of_16_b__": 1}, {"a_key_of_16_b__x": 2}, {"a_key_of_16_b__": 3})") ==
          "[{'a_key_of_16_b__': 1}, {'a_key_of_16_b__x': 2}, {'a_key_of_16_b__': 3}");
    CHECK(parsed(R"({"a_key_of_15_b_": 1}, {"a_key_of_15_b_x": 2})") == "[{'a_key_of_15_b_': 1}, {'a_key_of_15_b_x': 2}");
    CHECK(parsed(R"({"rag": 1}, {"r\u0061g": 2}, {"rag": 3})") == "[{'rag': 1}, {'rag': 2}, {'rag': 3}");
    CHECK(repr(parse(R"([{"k":1},{"k":2},{"kk":3}])")) == "[{'k': 1}, {'k': 2}, {'kk': 3}]");
}

TEST_CASE("JSON rows with the same keys share one key list", "[json]") {
    Value rows = parse(R"([{"ref": "a", "rag": "G"}, {"ref": "b"}, {"ref": "c", "rag": "R"},
                           {"rag": "R", "ref": "d"}, {"ref": "e", "rag": "G", "rag": "A"}])");
    const List& list = rows.as_list();
    CHECK(list[2].as_dict().shares_keys_with(list[0].as_dict()));   // same keys, rows apart
    CHECK_FALSE(list[1].as_dict().shares_keys_with(list[0].as_dict()));  // fewer keys
    CHECK_FALSE(list[3].as_dict().shares_keys_with(list[0].as_dict()));  // other order
    CHECK_FALSE(list[4].as_dict().shares_keys_with(list[0].as_dict()));  // a duplicate key
    CHECK(repr(rows) == "[{'ref': 'a', 'rag': 'G'}, {'ref': 'b'}, {'ref': 'c', 'rag': 'R'}, "
                        "{'rag': 'R', 'ref': 'd'}, {'ref': 'e', 'rag': 'A'}]");
}

TEST_CASE("JSON rows after a long key keep every key, and share key lists when they can", "[json]") {
    // A key over 64 bytes is not remembered between rows, so the keys after it are not at the
    // previous row's positions: the reader must hold them itself.
    const std::string long_key(70, 'k');
    const std::string document = "[{\"" + long_key + "\": 1, \"a\": 2, \"b\": 3}, {\"" + long_key +
                                 "\": 4, \"a\": 5, \"b\": 6}, {\"a\": 7, \"b\": 8}, {\"a\": 9, \"b\": 10},"
                                 " {\"b\": 11, \"a\": 12}, {\"a\": 13, \"c\": 14}, {\"a\": 15, \"b\": 16}]";
    Value rows = parse(document);
    const std::string k = "'" + long_key + "'";
    CHECK(repr(rows) == "[{" + k + ": 1, 'a': 2, 'b': 3}, {" + k + ": 4, 'a': 5, 'b': 6}, {'a': 7, 'b': 8}, "
                        "{'a': 9, 'b': 10}, {'b': 11, 'a': 12}, {'a': 13, 'c': 14}, {'a': 15, 'b': 16}]");
    const List& list = rows.as_list();
    CHECK_FALSE(list[1].as_dict().shares_keys_with(list[0].as_dict()));  // a long key is never shared
    CHECK(list[3].as_dict().shares_keys_with(list[2].as_dict()));
    CHECK(list[6].as_dict().shares_keys_with(list[2].as_dict()));  // a recent shape, rows apart
    CHECK(repr(*list[6].as_dict().find("b")) == "16");
}

TEST_CASE("JSON strings repeated in a column are equal but distinct objects", "[json]") {
    Value rows = parse(R"([{"rag": "GA"}, {"rag": "GA"}, {"rag": "R"}])");
    const Value& first = *rows.as_list()[0].as_dict().find("rag");
    const Value& second = *rows.as_list()[1].as_dict().find("rag");
    CHECK(equals(first, second));
    CHECK_FALSE(first.same_object(second));  // as two str objects from json.loads
    Value copy = second;
    CHECK(copy.same_object(second));
    CHECK(to_str(*rows.as_list()[2].as_dict().find("rag")) == "R");
}

TEST_CASE("JSON strings outlive the text they were read from", "[json]") {
    // Plain strings point into the reader's own copy of the text, which they keep alive.
    auto text = std::make_unique<std::string>(R"({"plain": "no escapes here", "escaped": "tab\there", "empty": "",)"
                                              R"( "long key of more than sixty-four bytes, which is not interned at all": 1})");
    Value v = parse(*text);
    text.reset();
    const Dict& d = v.as_dict();
    CHECK(d.find("plain")->as_string() == "no escapes here");
    CHECK(d.find("escaped")->as_string() == "tab\there");
    CHECK(d.find("empty")->as_string().empty());
    CHECK(repr(d.key_at(3)) == "'long key of more than sixty-four bytes, which is not interned at all'");
    CHECK_FALSE(d.key_at(3).is_interned());
    // A string outlives the whole document: it holds the text, not the document.
    Value plain = *d.find("plain");
    v = Value();
    CHECK(plain.as_string() == "no escapes here");
}

TEST_CASE("Equal JSON strings in different places are distinct objects", "[json]") {
    Value list = parse(R"(["same text", "same text", "", ""])");
    const List& items = list.as_list();
    CHECK(equals(items[0], items[1]));
    CHECK_FALSE(items[0].same_object(items[1]));  // `is sameas` is false, as for json.loads' strings
    CHECK(equals(items[2], items[3]));
    CHECK_FALSE(items[2].same_object(items[3]));
    CHECK(items[0].same_object(Value(items[0])));
}

TEST_CASE("JSON duplicate keys: the last value wins in the first key's place", "[json]") {
    CHECK(repr(parse(R"({"a": 1, "b": 2, "a": 3})")) == "{'a': 3, 'b': 2}");
}

TEST_CASE("JSON numbers outside int64 and double are Python's", "[json]") {
    CHECK(parse("999999999999999999").as_int() == 999999999999999999);     // 18 digits: read as they are scanned
    CHECK(parse("-999999999999999999").as_int() == -999999999999999999);
    CHECK(parse("1000000000000000000").as_int() == 1000000000000000000);   // 19 digits: the careful path
    CHECK(parse("9223372036854775807").as_int() == INT64_MAX);
    CHECK(parse("-9223372036854775808").as_int() == INT64_MIN);
    CHECK(parse("9223372036854775808").is_big_int());  // exact, as Python's json
    CHECK(repr(parse("[12345678901234567890, -123456789012345678901234567890]")) ==
          "[12345678901234567890, -123456789012345678901234567890]");
    CHECK(repr(parse("[0.1, 1e-320, 1E5]")) == "[0.1, 1e-320, 100000.0]");
    CHECK(repr(parse("[1e400, -1e400, 1e-400]")) == "[inf, -inf, 0.0]");  // float('1e400') is inf
}

TEST_CASE("JSON short decimals take one exact division, rounding as from_chars does", "[json]") {
    // Up to 15 digits without exponent take the fast path; 16 and more, from_chars. Both must
    // give the correctly rounded double: a seeded sweep over digits, signs and lengths.
    std::mt19937_64 random(2018);
    for (int i = 0; i < 20000; ++i) {
        const int integer_digits = 1 + static_cast<int>(random() % 8);
        const int fraction_digits = 1 + static_cast<int>(random() % 10);
        std::string text = random() % 3 == 0 ? "-" : "";
        text += std::to_string(random() % 100000000).substr(0, static_cast<std::size_t>(integer_digits));
        text += '.';
        for (int k = 0; k < fraction_digits; ++k) text += static_cast<char>('0' + random() % 10);
        double expected = 0;
        std::from_chars(text.data(), text.data() + text.size(), expected);
        INFO(text);
        REQUIRE(parse(text).as_float() == expected);
    }
    CHECK(std::signbit(parse("-0.0").as_float()));
    CHECK(repr(parse("[0.1, 0.3, 53.5, 0.000000000000001, 123456789012345.6, 1.0000000000000002]")) ==
          "[0.1, 0.3, 53.5, 1e-15, 123456789012345.6, 1.0000000000000002]");
}

TEST_CASE("Malformed JSON is reported by nlohmann, at the offending place", "[json]") {
    CHECK(error_of("{\"a\": 1,}").find("1:9: invalid JSON: syntax error") == 0);
    CHECK(error_of("{\n  \"a\": tru\n}").find("2:11: invalid JSON: syntax error while parsing value - invalid literal") == 0);
    CHECK(error_of("[1] 2").find("invalid JSON:") != std::string::npos);
    CHECK(error_of("[01]").find("invalid JSON:") != std::string::npos);
    CHECK(error_of("\"\\ud800\"").find("invalid JSON:") != std::string::npos);     // lone surrogate
    CHECK(error_of("\"\xC3\x28\"").find("invalid JSON:") != std::string::npos);    // bad UTF-8
    CHECK(error_of("\"\xED\xA0\x80\"").find("invalid JSON:") != std::string::npos);  // encoded surrogate
    CHECK(error_of("\"a\tb\"").find("invalid JSON:") != std::string::npos);        // raw control character
    CHECK(error_of("").find("invalid JSON:") != std::string::npos);
}

TEST_CASE("A data file that cannot be read says why, naming the file", "[json]") {
    auto error_loading = [](const std::filesystem::path& path) -> std::string {
        try {
            load_json_data(path);
        } catch (const RenderError& e) {
            CHECK(e.kind() == RenderError::Kind::Data);
            return e.where().file + ":" + std::to_string(e.where().line) + ":" + std::to_string(e.where().column) + ": " +
                   e.message();
        }
        return "no error";
    };
    const std::filesystem::path folder = std::filesystem::temp_directory_path();
    // A folder was read as a file of 2^63 bytes: "out of memory", blamed on the template.
    CHECK(error_loading(folder) == folder.string() + ":1:1: cannot read the data file: it is a folder, not a file");
    const std::filesystem::path missing = folder / "quorum-test-no-such-data.json";
    CHECK(error_loading(missing) == missing.string() + ":1:1: cannot read the data file: No such file or directory");
}

TEST_CASE("A data file's strings keep the file's text after the loader returns", "[json]") {
    const std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("quorum-test-data-" + std::to_string(::getpid()) + ".json");
    std::ofstream(path) << R"({"rows": [{"name": "first row", "note": "a \"quoted\" word"}, {"name": "second row", "note": ""}]})";
    Value data = load_json_data(path);
    std::filesystem::remove(path);
    CHECK(repr(data) == R"({'rows': [{'name': 'first row', 'note': 'a "quoted" word'}, {'name': 'second row', 'note': ''}]})");
}
