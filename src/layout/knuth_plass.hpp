// Knuth–Plass total-fit line breaking over boxes, glue and penalties.
//
// Independent of fonts and styles: the caller turns a paragraph into Items (widths
// in points) and gets back the positions of the chosen breaks. The classic model
// (Knuth & Plass, "Breaking Paragraphs into Lines", 1981), with TeX's refinements:
// fitness classes, adjacent-flagged (double hyphen) demerits, and a final pass that
// always finds *some* breaks so a paragraph can never fail to set.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace quorum::layout::kp {

// A penalty at or above this never breaks; at or below its negation always breaks.
inline constexpr double infinite_penalty = 10000;
// Glue with at least this much stretch is TeX's `fil`: infinitely stretchable, so a line
// containing it is never underfull (badness 0). The breaker sums it apart from finite
// stretch; callers draw it as nothing.
inline constexpr double fill_stretch = 1e7;

struct Item {
    enum class Type : std::uint8_t { Box, Glue, Penalty };
    Type type = Type::Box;
    bool flagged = false;    // penalty: a hyphenation break (adjacent ones cost extra)
    bool breakable = true;   // glue: false for the helper glue of the ragged-right trick
    double width = 0;        // box/glue width; penalty: width added when broken here (the hyphen)
    double stretch = 0;      // glue
    double shrink = 0;       // glue
    double penalty = 0;      // penalty

    static Item box(double w) { return {Type::Box, false, true, w, 0, 0, 0}; }
    static Item glue(double w, double stretch, double shrink, bool breakable = true) {
        return {Type::Glue, false, breakable, w, stretch, shrink, 0};
    }
    static Item penalty_item(double w, double p, bool flagged = false) {
        return {Type::Penalty, flagged, true, w, 0, 0, p};
    }
    static Item forced_break() { return penalty_item(0, -infinite_penalty); }
};

// A penalty that always breaks (a paragraph's end, <br>).
inline bool is_forced_break(const Item& item) {
    return item.type == Item::Type::Penalty && item.penalty <= -infinite_penalty;
}

// The width of line `line` (0-based): the last given width serves all later lines; 0 when none.
inline double width_of_line(const std::vector<double>& widths, int line) {
    if (widths.empty()) return 0;
    return widths[std::min<std::size_t>(static_cast<std::size_t>(line), widths.size() - 1)];
}

struct Params {
    double line_penalty = 10;           // TeX \linepenalty: prefers fewer lines
    double flagged_demerits = 3000;     // two hyphenated lines in a row (\doublehyphendemerits)
    double fitness_demerits = 3000;     // a loose line next to a tight one (\adjdemerits)
    double final_hyphen_demerits = 5000; // the last full line ends in a hyphen (\finalhyphendemerits)
    double first_threshold = 200;       // badness limit of the first pass (r ≈ 1.26)
    double second_threshold = 1500;     // second pass (r ≈ 2.5)
};

struct Break {
    std::size_t position = 0;  // index of the item broken at (a glue or penalty)
    double ratio = 0;          // adjustment ratio of the line ending here: >0 stretch, <0 shrink
};

struct Result {
    std::vector<Break> breaks;  // in order; the last is the paragraph's final forced break
    int pass = 1;               // 1, 2 or 3 (3: the final, emergency pass); 0: first fit
    bool overfull = false;      // some line could not be made to fit (only in pass 3)
};

// The width of line `line` (0-based); lines past the end of `widths` use its last entry.
// The item list must end with a forced break (the caller appends fill glue + forced penalty).
Result break_paragraph(const std::vector<Item>& items, const std::vector<double>& line_widths,
                       const Params& params = {});

// The first item of the line after a break at `position`: glue and penalties that follow
// a break vanish, up to a box or a forced break.
std::size_t line_start_after(const std::vector<Item>& items, std::size_t position);

// First fit, as browsers and word processors set ragged text: each line takes as much as
// fits, broken at its last space or hyphen. Costlier breaks (emergency points inside an
// over-long word: penalties of `cheap_penalty` and more) are used only when no cheap one
// fits, and then the cheapest that fills at least half as much as the fullest. A box
// wider than the line overflows it (`overfull`). Ratios are computed as break_paragraph()
// computes them.
Result first_fit(const std::vector<Item>& items, const std::vector<double>& line_widths, double cheap_penalty = 100);

// Lines of `r` that end short of the measure by more than `max_gap` points, not counting
// lines ended by a forced break (the paragraph's last line, <br>).
int short_lines(const std::vector<Item>& items, const Result& r, const std::vector<double>& line_widths,
                double max_gap);

// The breaks chosen for paragraphs already set, for setting them again: a document with
// page references is laid out twice (layout.cpp) and most paragraphs come back unchanged.
// Keyed by a 64-bit hash of exactly what the choice depends on: every item, every line
// width and what else the caller's choice depends on (`salt`). Compact (a line costs one Break, a
// paragraph 16 bytes of table) because it lives as long as the document's layout.
//
// The items themselves are not kept to compare (40 bytes an item against 16 a line: the
// cache would outgrow the layout it serves), so the key is trusted. Two inputs that differ
// in one hashed word only (a width, a stretch) never share a key: each step of the hash
// and its finaliser is a bijection of the state. Otherwise two paragraphs share one with
// odds of about 2^-64 a pair. What such a collision could give back is bounded: find()
// with the items returns only breaks that are break points of this paragraph.
class BreakCache {
public:
    static std::uint64_t key(const std::vector<Item>& items, const std::vector<double>& line_widths,
                             double salt);
    // The breaks stored under `key`, or false.
    bool find(std::uint64_t key, std::vector<Break>& breaks) const;
    // As above, and false when the breaks stored could not be those of `items` (in order,
    // within them, each at a glue or a penalty): a collision never indexes past a paragraph.
    bool find(std::uint64_t key, const std::vector<Item>& items, std::vector<Break>& breaks) const;
    void store(std::uint64_t key, const std::vector<Break>& breaks);
    std::size_t bytes() const { return slots_.capacity() * sizeof(Slot) + breaks_.capacity() * sizeof(Break); }

private:
    struct Slot {
        std::uint64_t key = 0;  // 0: empty
        std::uint32_t first = 0, count = 0;
    };
    std::size_t slot_of(std::uint64_t key) const;
    void grow();
    std::vector<Slot> slots_;  // open addressing, a power of two in size, at most half full
    std::vector<Break> breaks_;
    std::size_t used_ = 0;
};

// The number of the fitness class of a line with adjustment ratio r (0 tight .. 3 very loose).
int fitness_class(double ratio);
// 100·|r|³ capped at 10000, as TeX computes badness.
double badness(double ratio);

}  // namespace quorum::layout::kp
