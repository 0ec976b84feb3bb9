#include "pdf/text_strings.hpp"

#include "pdf/utf8.hpp"

#include <vector>

namespace quorum::pdf {

namespace {

bool printable_ascii(const std::string& text) {
    for (unsigned char c : text)
        if (c < 0x20 || c > 0x7E) return false;
    return true;
}

void append_utf16be(std::vector<HPDF_BYTE>& out, char16_t unit) {
    out.push_back(static_cast<HPDF_BYTE>(unit >> 8));
    out.push_back(static_cast<HPDF_BYTE>(unit & 0xFF));
}

}  // namespace

void* new_text_string(HPDF_Doc doc, const std::string& utf8) {
    if (printable_ascii(utf8)) return HPDF_String_New(doc->mmgr, utf8.c_str(), nullptr);
    std::vector<HPDF_BYTE> bytes{0xFE, 0xFF};
    for (std::size_t pos = 0; pos < utf8.size();) {
        char32_t cp = next_codepoint(utf8, pos);
        if (cp < 0x20) cp = ' ';  // control characters (newlines in titles) read as spaces
        if (cp >= 0x10000) {
            cp -= 0x10000;
            append_utf16be(bytes, static_cast<char16_t>(0xD800 + (cp >> 10)));
            append_utf16be(bytes, static_cast<char16_t>(0xDC00 + (cp & 0x3FF)));
        } else {
            append_utf16be(bytes, static_cast<char16_t>(cp));
        }
    }
    return HPDF_Binary_New(doc->mmgr, bytes.data(), static_cast<HPDF_UINT>(bytes.size()));
}

void set_text_string(HPDF_Doc doc, HPDF_Dict dict, const char* key, const std::string& utf8) {
    if (void* value = new_text_string(doc, utf8)) HPDF_Dict_Add(dict, key, value);
}

}  // namespace quorum::pdf
