// UTF-8 encoding shared by every stage (header-only, no dependencies): the template
// engine, the CSS tokenizer and the layout all turn codepoints back into UTF-8.
#pragma once

#include <string>

namespace quorum::encoding {

// Appends `cp` encoded as UTF-8. The caller passes a valid scalar value; callers that
// take codepoints from untrusted escapes (CSS \XXXX) sanitise them first.
inline void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) [[likely]] {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

}  // namespace quorum::encoding
