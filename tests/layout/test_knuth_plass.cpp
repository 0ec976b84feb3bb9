// Knuth–Plass total fit, on hand-built boxes/glue/penalties (no fonts involved).
#include "layout/knuth_plass.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

using quorum::layout::kp::Item;
namespace kp = quorum::layout::kp;

namespace {

constexpr double ragged_stretch = 40;

// Words separated by Knuth & Plass's ragged-right glue, ending with fill + forced break.
std::vector<Item> ragged(const std::vector<double>& words, double space) {
    std::vector<Item> items;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i > 0) {
            items.push_back(Item::glue(0, ragged_stretch, 0, false));
            items.push_back(Item::penalty_item(0, 0));
            items.push_back(Item::glue(space, -ragged_stretch, 0, false));
        }
        items.push_back(Item::box(words[i]));
    }
    items.push_back(Item::glue(0, kp::fill_stretch, 0, false));
    items.push_back(Item::forced_break());
    return items;
}

// Justified: interword glue stretches by half and shrinks by a third.
std::vector<Item> justified(const std::vector<double>& words, double space) {
    std::vector<Item> items;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i > 0) items.push_back(Item::glue(space, space / 2, space / 3));
        items.push_back(Item::box(words[i]));
    }
    items.push_back(Item::glue(0, kp::fill_stretch, 0, false));
    items.push_back(Item::forced_break());
    return items;
}

// Which words start each line, given the breaks (word index = count of boxes before).
std::vector<int> words_per_line(const std::vector<Item>& items, const kp::Result& r) {
    std::vector<int> counts;
    std::size_t from = 0;
    for (const auto& b : r.breaks) {
        int n = 0;
        for (std::size_t i = from; i < b.position; ++i)
            if (items[i].type == Item::Type::Box) ++n;
        counts.push_back(n);
        from = b.position;
    }
    return counts;
}

// First-fit, as a browser (or a naive engine) does it: as many words as fit.
std::vector<int> greedy_words_per_line(const std::vector<double>& words, double space, double width) {
    std::vector<int> counts;
    double line = -1;
    for (double w : words) {
        if (line >= 0 && line + space + w <= width) {
            line += space + w;
            ++counts.back();
        } else {
            counts.push_back(1);
            line = w;
        }
    }
    return counts;
}

}  // namespace

TEST_CASE("ragged right: total fit balances where first fit leaves a short line", "[knuth_plass]") {
    // First fit: "60 30" fills line 1 exactly, "50" and "50" are left on two short lines.
    // Total fit moves "30" down: 60 | 30 50 | 50, every line but the last near the measure.
    const std::vector<double> words{60, 30, 50, 50};
    const auto items = ragged(words, 10);
    const auto result = kp::break_paragraph(items, {100});
    REQUIRE(result.breaks.size() == 3);
    CHECK(words_per_line(items, result) == std::vector<int>{1, 2, 1});
    CHECK(greedy_words_per_line(words, 10, 100) == std::vector<int>{2, 1, 1});
    CHECK_FALSE(result.overfull);
    CHECK(result.breaks.back().position == items.size() - 1);
}

TEST_CASE("justified: every line but the last is set exactly to the measure", "[knuth_plass]") {
    const std::vector<double> words{12, 18, 25, 9, 14, 20, 16, 11, 23, 8, 19, 15, 22, 13, 17, 21, 10, 24, 12, 30, 14};
    const auto items = justified(words, 10);
    const auto result = kp::break_paragraph(items, {100});
    REQUIRE(result.breaks.size() >= 3);
    CHECK(result.pass == 1);
    // Every line but the last is set exactly to the measure: natural + r·stretch (or shrink) == 100.
    std::size_t from = 0;
    for (std::size_t k = 0; k + 1 < result.breaks.size(); ++k) {
        const auto& b = result.breaks[k];
        double width = 0, stretch = 0, shrink = 0;
        for (std::size_t i = from; i < b.position; ++i) {
            if (items[i].type == Item::Type::Penalty) continue;
            width += items[i].width;
            stretch += items[i].stretch;
            shrink += items[i].shrink;
        }
        const double set = width + (b.ratio >= 0 ? b.ratio * stretch : b.ratio * shrink);
        INFO("line " << k << " items " << from << ".." << b.position << " ratio " << b.ratio);
        CHECK(set == Approx(100).margin(1e-9));
        CHECK(b.ratio >= -1);
        from = b.position + 1;
    }
}

TEST_CASE("total fit finds the minimum-demerit breaks (checked by exhaustive search)", "[knuth_plass]") {
    const std::vector<double> words{30, 30, 25, 45, 20, 35, 40, 15, 30, 50, 25, 20, 33, 12, 47};
    const double width = 100, space = 10;
    const auto items = ragged(words, space);
    const auto result = kp::break_paragraph(items, {width});
    REQUIRE(result.pass == 1);

    // Exhaustive: every way of cutting the words into lines, demerits as in the algorithm
    // (line penalty 10, badness 100·r³, no fitness or flagged demerits can apply when all
    // lines of the optimum are in adjacent classes; we compare totals of the same formula).
    const std::size_t n = words.size();
    double best = 1e300;
    std::vector<int> best_lines;
    for (unsigned mask = 0; mask < (1u << (n - 1)); ++mask) {
        std::vector<int> lines{1};
        for (std::size_t i = 1; i < n; ++i) {
            if (mask & (1u << (i - 1))) lines.push_back(1);
            else ++lines.back();
        }
        double total = 0;
        std::size_t w = 0;
        bool ok = true;
        int previous_fitness = 1;
        for (std::size_t l = 0; l < lines.size() && ok; ++l) {
            double len = -space;
            for (int k = 0; k < lines[l]; ++k) len += space + words[w++];
            const bool last = l + 1 == lines.size();
            const double r = last ? 0 : (width - len) / ragged_stretch;
            if (len > width || kp::badness(r) > 200) { ok = false; break; }
            const double d = 10 + kp::badness(r);
            total += d * d;
            const int fitness = kp::fitness_class(r);
            if (std::abs(fitness - previous_fitness) > 1) total += 3000;
            previous_fitness = fitness;
        }
        if (ok && total < best) {
            best = total;
            best_lines = lines;
        }
    }
    CHECK(words_per_line(items, result) == best_lines);
}

TEST_CASE("forced breaks end lines; a paragraph of only forced breaks sets", "[knuth_plass]") {
    std::vector<Item> items{Item::box(20), Item::glue(0, kp::fill_stretch, 0, false), Item::forced_break(),
                            Item::box(0), Item::glue(0, kp::fill_stretch, 0, false), Item::forced_break(),
                            Item::box(30), Item::glue(0, kp::fill_stretch, 0, false), Item::forced_break()};
    const auto result = kp::break_paragraph(items, {100});
    REQUIRE(result.breaks.size() == 3);
    CHECK(result.breaks[0].position == 2);
    CHECK(result.breaks[1].position == 5);
    CHECK(result.breaks[2].position == 8);
    CHECK(result.pass == 1);
}

TEST_CASE("a box wider than the line still sets, in the final pass, flagged overfull", "[knuth_plass]") {
    const auto items = ragged({30, 250, 30}, 10);
    const auto result = kp::break_paragraph(items, {100});
    REQUIRE(result.breaks.size() == 3);
    CHECK(result.pass == 3);
    CHECK(result.overfull);
}

TEST_CASE("hyphen penalties: a hyphenated break is taken when it avoids a loose line", "[knuth_plass]") {
    // "aaaaaaa|bbb" can break after the hyphen point (penalty 50, flagged, hyphen 5 wide).
    auto word_then_hyphenable = [](std::vector<Item>& items) {
        items.push_back(Item::box(70));
        items.push_back(Item::glue(10, 5, 3));
        items.push_back(Item::box(15));  // first syllable
        items.push_back(Item::penalty_item(5, 50, true));
        items.push_back(Item::box(40));  // rest of the word
    };
    std::vector<Item> items;
    word_then_hyphenable(items);
    items.push_back(Item::glue(0, kp::fill_stretch, 0, false));
    items.push_back(Item::forced_break());
    const auto result = kp::break_paragraph(items, {100});
    REQUIRE(result.breaks.size() == 2);
    CHECK(result.breaks[0].position == 3);  // at the hyphen: 70 + 10 + 15 + 5 = 100 exactly
}

TEST_CASE("two hyphenated lines in a row cost flagged demerits", "[knuth_plass]") {
    // Each line can end at a glue (r = +0.5) or at a hyphen (r = -0.5, penalty -20, so
    // preferred). Taking both hyphens makes two flagged lines in a row.
    const std::vector<Item> items{
        Item::box(40), Item::glue(10, 20, 10), Item::box(40), Item::glue(10, 20, 10), Item::box(5),
        Item::penalty_item(5, -20, true), Item::box(25), Item::glue(10, 20, 10), Item::box(40),
        Item::glue(10, 20, 10), Item::box(5), Item::penalty_item(5, -20, true), Item::box(30),
        Item::glue(0, kp::fill_stretch, 0, false), Item::forced_break()};
    auto consecutive_flagged = [&](const kp::Result& r) {
        for (std::size_t k = 1; k < r.breaks.size(); ++k)
            if (items[r.breaks[k].position].flagged && items[r.breaks[k - 1].position].flagged) return true;
        return false;
    };
    kp::Params cheap;
    cheap.flagged_demerits = 0;
    kp::Params dear;
    dear.flagged_demerits = 1e9;
    const auto a = kp::break_paragraph(items, {100}, cheap);
    const auto b = kp::break_paragraph(items, {100}, dear);
    REQUIRE(a.breaks.size() == 3);
    CHECK(a.breaks[0].position == 5);
    CHECK(a.breaks[1].position == 11);
    CHECK(consecutive_flagged(a));
    REQUIRE(b.breaks.size() == 3);
    CHECK_FALSE(consecutive_flagged(b));
}

TEST_CASE("a hyphen ending the last full line costs final-hyphen demerits", "[knuth_plass]") {
    // Line 1 can end at a glue (r = +0.5) or at a hyphen (r = -0.5, penalty -20: preferred
    // on its own). The second line is the paragraph's last.
    const std::vector<Item> items{Item::box(40),  Item::glue(10, 20, 10),          Item::box(40),
                                  Item::glue(10, 20, 10), Item::box(5), Item::penalty_item(5, -20, true),
                                  Item::box(25), Item::glue(0, kp::fill_stretch, 0, false), Item::forced_break()};
    kp::Params free;
    free.final_hyphen_demerits = 0;
    kp::Params dear;
    dear.final_hyphen_demerits = 1e9;
    const auto a = kp::break_paragraph(items, {100}, free);
    const auto b = kp::break_paragraph(items, {100}, dear);
    REQUIRE(a.breaks.size() == 2);
    REQUIRE(b.breaks.size() == 2);
    CHECK(a.breaks[0].position == 5);
    CHECK(b.breaks[0].position == 3);
}

TEST_CASE("badness and fitness classes follow TeX", "[knuth_plass]") {
    CHECK(kp::badness(0) == 0);
    CHECK(kp::badness(1) == Approx(100));
    CHECK(kp::badness(-0.5) == Approx(12.5));
    CHECK(kp::badness(100) == 10000);
    CHECK(kp::fitness_class(-0.8) == 0);
    CHECK(kp::fitness_class(0.2) == 1);
    CHECK(kp::fitness_class(0.8) == 2);
    CHECK(kp::fitness_class(3) == 3);
}

// How long it takes is measured by bench/typeset_bench.py (whole packs), not here.
TEST_CASE("a 20,000-word paragraph breaks without an overfull line", "[knuth_plass]") {
    std::vector<double> words;
    for (int i = 0; i < 20000; ++i) words.push_back(15 + (i * 37 % 50));
    const auto items = justified(words, 4);
    const auto result = kp::break_paragraph(items, {450});
    CHECK_FALSE(result.overfull);
    CHECK(result.breaks.size() > 1000);
}

TEST_CASE("the break cache gives back what was stored, only for the same items, widths and salt", "[knuth_plass]") {
    const std::vector<Item> items = ragged({30, 50, 20, 40, 60, 25, 35}, 5);
    const std::vector<double> widths{100}, narrower{99.5}, per_line{100, 80};
    const kp::Result result = kp::break_paragraph(items, widths);
    kp::BreakCache cache;
    const std::uint64_t key = kp::BreakCache::key(items, widths, 11);
    std::vector<kp::Break> found;
    CHECK_FALSE(cache.find(key, found));
    cache.store(key, result.breaks);
    REQUIRE(cache.find(key, found));
    REQUIRE(found.size() == result.breaks.size());
    for (std::size_t i = 0; i < found.size(); ++i) {
        CHECK(found[i].position == result.breaks[i].position);
        CHECK(found[i].ratio == result.breaks[i].ratio);
    }
    // Anything the choice depends on makes another key: a line width, the widths per line,
    // the caller's salt, one item's stretch.
    std::vector<Item> stretched = items;
    stretched[1].stretch += 1e-9;
    for (const std::uint64_t other : {kp::BreakCache::key(items, narrower, 11), kp::BreakCache::key(items, per_line, 11),
                                      kp::BreakCache::key(items, widths, 12), kp::BreakCache::key(stretched, widths, 11)}) {
        CHECK(other != key);
        CHECK_FALSE(cache.find(other, found));
    }
    // It grows past its first table and keeps every entry.
    for (int n = 1; n <= 2000; ++n) cache.store(kp::BreakCache::key(items, {100.0 + n}, 11), {{static_cast<std::size_t>(n), 0}});
    for (int n = 1; n <= 2000; ++n) {
        REQUIRE(cache.find(kp::BreakCache::key(items, {100.0 + n}, 11), found));
        REQUIRE(found.size() == 1);
        CHECK(found[0].position == static_cast<std::size_t>(n));
    }
    CHECK(cache.find(key, found));
}

TEST_CASE("breaks found in the break cache must be break points of the paragraph asking", "[knuth_plass]") {
    const std::vector<Item> items = ragged({30, 50, 20, 40, 60, 25, 35}, 5);
    const std::vector<double> widths{100};
    const kp::Result result = kp::break_paragraph(items, widths);
    kp::BreakCache cache;
    const std::uint64_t key = kp::BreakCache::key(items, widths, 11);
    cache.store(key, result.breaks);
    std::vector<kp::Break> found;
    CHECK(cache.find(key, items, found));
    CHECK(found.size() == result.breaks.size());
    // As a key collision would: the same key asked for by a shorter paragraph, or by one
    // with a box where a break was.
    const std::vector<Item> shorter(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(items.size() / 2));
    CHECK_FALSE(cache.find(key, shorter, found));
    std::vector<Item> boxed = items;
    boxed[result.breaks.front().position] = Item::box(1);
    CHECK_FALSE(cache.find(key, boxed, found));
}
