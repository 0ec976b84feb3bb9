// Minimal UTF-8 decoding for the PDF stage's hot path (no allocation, no locale).
#pragma once

#include <cstddef>
#include <string_view>

namespace quorum::pdf {

inline constexpr char32_t replacement_character = 0xFFFD;

// Decodes the codepoint at `pos` and advances past it. Malformed bytes decode as U+FFFD
// (one byte at a time), so the caller always makes progress.
inline char32_t next_codepoint(std::string_view text, std::size_t& pos) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(pos);
    if (lead < 0x80) { ++pos; return lead; }
    std::size_t length = lead >= 0xF0 && lead < 0xF5 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 && lead < 0xE0 ? 2 : 0;
    if (lead >= 0xF5) length = 0;
    if (length == 0 || pos + length > text.size()) { ++pos; return replacement_character; }
    char32_t cp = lead & (0xFF >> (length + 1));
    for (std::size_t i = 1; i < length; ++i) {
        const unsigned char next = byte(pos + i);
        if ((next & 0xC0) != 0x80) { ++pos; return replacement_character; }
        cp = (cp << 6) | (next & 0x3F);
    }
    const bool overlong = (length == 3 && cp < 0x800) || (length == 4 && cp < 0x10000);
    if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) { ++pos; return replacement_character; }
    pos += length;
    return cp;
}

}  // namespace quorum::pdf
