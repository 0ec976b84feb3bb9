// ToUnicode CMaps for the fonts we embed.
//
// Why: see embedded_fonts.hpp (libharu 2.3.0 writes a CID CMap where a ToUnicode map
// belongs). Codes are the characters' UTF-16 values, so the map is the identity over the
// codes drawn.
#pragma once

#include <array>
#include <cstdint>
#include <string>

namespace quorum::pdf {

// The set of BMP codes drawn with one font.
class UsedCodes {
public:
    void add(char16_t code) { bits_[code >> 6] |= std::uint64_t{1} << (code & 63); }
    bool contains(char16_t code) const { return (bits_[code >> 6] >> (code & 63)) & 1; }
    bool empty() const;

private:
    std::array<std::uint64_t, 1024> bits_{};
};

// A complete ToUnicode CMap (PDF 32000-1 §9.10.3): identity bfranges over the used codes,
// each range within one high byte and at most 100 ranges per block, as the spec requires.
std::string identity_to_unicode_cmap(const UsedCodes& codes);

}  // namespace quorum::pdf
