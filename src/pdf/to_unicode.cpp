#include "pdf/to_unicode.hpp"

#include <cstdio>
#include <vector>

namespace quorum::pdf {

namespace {

struct Range {
    unsigned first, last;
};

// Runs of consecutive used codes, never crossing a 256 boundary: in a bfrange only the
// last byte of the source code may vary.
std::vector<Range> ranges_of(const UsedCodes& codes) {
    std::vector<Range> ranges;
    for (unsigned code = 0; code <= 0xFFFF; ++code) {
        if (!codes.contains(static_cast<char16_t>(code))) continue;
        const bool extends = !ranges.empty() && ranges.back().last + 1 == code && (code & 0xFF) != 0;
        if (extends) ranges.back().last = code;
        else ranges.push_back({code, code});
    }
    return ranges;
}

constexpr const char* header =
    "/CIDInit /ProcSet findresource begin\n"
    "12 dict begin\n"
    "begincmap\n"
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
    "/CMapName /Adobe-Identity-UCS def\n"
    "/CMapType 2 def\n"
    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";

constexpr const char* footer =
    "endcmap\n"
    "CMapName currentdict /CMap defineresource pop\n"
    "end\n"
    "end\n";

constexpr std::size_t max_entries_per_block = 100;  // PDF 32000-1 §9.7.5.4

}  // namespace

bool UsedCodes::empty() const {
    for (std::uint64_t word : bits_)
        if (word) return false;
    return true;
}

std::string identity_to_unicode_cmap(const UsedCodes& codes) {
    const std::vector<Range> ranges = ranges_of(codes);
    std::string cmap = header;
    cmap.reserve(cmap.size() + ranges.size() * 24 + 64);
    char entry[40];
    for (std::size_t start = 0; start < ranges.size(); start += max_entries_per_block) {
        const std::size_t count = std::min(max_entries_per_block, ranges.size() - start);
        std::snprintf(entry, sizeof entry, "%zu beginbfrange\n", count);
        cmap += entry;
        for (std::size_t i = start; i < start + count; ++i) {
            std::snprintf(entry, sizeof entry, "<%04X> <%04X> <%04X>\n", ranges[i].first, ranges[i].last, ranges[i].first);
            cmap += entry;
        }
        cmap += "endbfrange\n";
    }
    return cmap + footer;
}

}  // namespace quorum::pdf
