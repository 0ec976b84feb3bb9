// ToUnicode CMaps for the fonts we embed.
//
// Why we write them ourselves: Debian's libharu 2.3.0, for a TrueType font used with
// its "UTF-8" encoder, attaches a *CID* CMap (begincidrange <0000> <FFFF> 0) as the
// font's /ToUnicode. A ToUnicode map must use bfchar/bfrange, so poppler warns
// "Invalid 'begincidrange' operator in ToUnicode CMap" and readers guess the text.
// The character codes libharu writes for that encoder are the UTF-16 (BMP) values of
// the characters, so the correct map is the identity over the codes we used. We know
// those codes exactly (we drew them), so we replace the stream's contents in place
// through libharu's object API just before saving: no second PDF library, no second
// pass over the bytes, and the object keeps its number (no orphans, reproducible).
// (The alternative, post-processing with qpdf, would re-parse and re-write the whole
// file: slower and one more moving part for the same result.)
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
