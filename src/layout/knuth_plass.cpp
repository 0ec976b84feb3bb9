#include "layout/knuth_plass.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

namespace quorum::layout::kp {

namespace {

constexpr double awful = std::numeric_limits<double>::infinity();
constexpr double inf_badness = 10000;

// A feasible breakpoint. Nodes live in one arena per run (no allocation per node
// beyond the arena's growth); `active` holds the indices of those still reachable.
struct Node {
    std::size_t position = 0;
    int line = 0;      // lines set before this break
    int fitness = 1;
    double total_width = 0, total_stretch = 0, total_shrink = 0;  // sums after the break
    double total_fill = 0;                                         // fill stretch, kept apart
    double demerits = 0;
    double ratio = 0;
    int previous = -1;
    bool flagged = false;
};

struct Candidate {
    double demerits = awful;
    int from = -1;
    double ratio = 0;
    int line_class = 0;
    int fitness = 0;
};

// A breaker's arrays, kept from one paragraph to the next: allocating them for every
// paragraph (most are a line or two: table cells, headings) cost more than breaking.
struct Workspace {
    std::vector<Node> nodes;
    std::vector<int> active;
    std::vector<Candidate> candidates;
};

Workspace& workspace() {
    thread_local Workspace w;
    return w;
}

class Breaker {
public:
    Breaker(const std::vector<Item>& items, const std::vector<double>& widths, const Params& params)
        : items_(items), widths_(widths), params_(params), nodes_(workspace().nodes), active_(workspace().active),
          candidates_(workspace().candidates) {}

    // One pass at badness `threshold`; `final_pass` never fails (TeX's artificial demerits).
    bool run(double threshold, bool final_pass) {
        threshold_ = threshold;
        final_pass_ = final_pass;
        nodes_.clear();
        active_.clear();
        nodes_.push_back(Node{});
        active_.push_back(0);
        sum_w_ = sum_y_ = sum_z_ = sum_fill_ = 0;
        for (std::size_t i = 0; i < items_.size() && !active_.empty(); ++i) {
            const Item& item = items_[i];
            if (item.type == Item::Type::Box) {
                sum_w_ += item.width;
                continue;
            }
            if (item.type == Item::Type::Glue) {
                if (item.breakable && i > 0 && items_[i - 1].type == Item::Type::Box) consider(i);
                add_glue(item);
            } else if (item.penalty < infinite_penalty) {
                consider(i);
            }
        }
        return best_final_node() >= 0;
    }

    Result result(int pass) const {
        Result out;
        out.pass = pass;
        int node = best_final_node();
        for (; node > 0; node = nodes_[static_cast<std::size_t>(node)].previous) {
            const Node& n = nodes_[static_cast<std::size_t>(node)];
            out.breaks.push_back({n.position, n.ratio});
            if (n.ratio < -1) out.overfull = true;
        }
        std::reverse(out.breaks.begin(), out.breaks.end());
        return out;
    }

private:
    void add_glue(const Item& g) {
        sum_w_ += g.width;
        if (is_fill(g)) sum_fill_ += g.stretch;
        else sum_y_ += g.stretch;
        sum_z_ += g.shrink;
    }
    static bool is_fill(const Item& g) { return g.stretch >= fill_stretch; }

    double line_width(int line) const { return width_of_line(widths_, line); }
    // Lines at or past the last given width are interchangeable: merge their candidates.
    int line_class(int line) const { return std::min(line, static_cast<int>(widths_.size())); }

    double adjustment_ratio(const Node& from, std::size_t at, int line) const {
        double length = sum_w_ - from.total_width;
        if (items_[at].type == Item::Type::Penalty) length += items_[at].width;
        const double target = line_width(line);
        // Widths summed in another order (a table column sized from measure()) may differ
        // in the last bits: that is a fit, not an overfull line.
        if (std::abs(length - target) <= 1e-6 * std::max(1.0, std::abs(target))) return 0;
        if (length < target) {
            // Fill glue is infinitely stretchable (TeX's fil): such a line is never underfull.
            if (sum_fill_ - from.total_fill > 0) return 0;
            const double stretch = sum_y_ - from.total_stretch;
            return stretch > 0 ? (target - length) / stretch : awful;
        }
        if (length > target) {
            const double shrink = sum_z_ - from.total_shrink;
            return shrink > 0 ? (target - length) / shrink : -awful;
        }
        return 0;
    }

    double line_demerits(double bad, const Item& at, const Node& from, int fitness) const {
        const double base = params_.line_penalty + bad;
        double d = base * base;
        if (at.type == Item::Type::Penalty) {
            if (at.penalty >= 0) d += at.penalty * at.penalty;
            else if (at.penalty > -infinite_penalty) d -= at.penalty * at.penalty;
        }
        const bool flagged = at.type == Item::Type::Penalty && at.flagged;
        if (flagged && from.flagged) d += params_.flagged_demerits;
        // A word split across the paragraph's last two lines reads badly.
        if (from.flagged && is_forced_break(at) && &at == &items_.back())
            d += params_.final_hyphen_demerits;
        if (std::abs(fitness - from.fitness) > 1) d += params_.fitness_demerits;
        return d;
    }

    void consider(std::size_t at) {
        const Item& item = items_[at];
        const bool forced = is_forced_break(item);
        candidates_.clear();
        bool found_feasible = false;
        std::size_t kept = 0;
        const std::size_t count = active_.size();
        for (std::size_t k = 0; k < count; ++k) {
            const int index = active_[k];
            const Node& from = nodes_[static_cast<std::size_t>(index)];
            const double r = adjustment_ratio(from, at, from.line);
            const bool deactivate = r < -1 || forced;
            const double bad = r < -1 ? awful : (r > 0 ? badness(r) : badness(-r));
            bool feasible = r >= -1 && bad <= threshold_;
            double cost_bad = bad;
            // The final pass's last resort: the only path left would die here, so keep it.
            const std::size_t remaining = count - k + kept;
            if (!feasible && final_pass_ && !found_feasible && candidates_.empty() && remaining == 1) {
                feasible = true;
                cost_bad = 0;
            }
            if (feasible) {
                found_feasible = true;
                const double ratio = std::isinf(r) ? (r > 0 ? 1e9 : -1e9) : r;
                const int fitness = fitness_class(ratio);
                const double d = from.demerits + line_demerits(std::min(cost_bad, inf_badness), item, from, fitness);
                remember(index, from.line + 1, fitness, d, ratio);
            }
            if (!deactivate) active_[kept++] = index;
        }
        active_.resize(kept);
        if (!candidates_.empty()) add_nodes(at);
    }

    void remember(int from, int line, int fitness, double demerits, double ratio) {
        const int cls = line_class(line);
        for (Candidate& c : candidates_) {
            if (c.line_class == cls && c.fitness == fitness) {
                if (demerits < c.demerits) c = {demerits, from, ratio, cls, fitness};
                return;
            }
        }
        candidates_.push_back({demerits, from, ratio, cls, fitness});
    }

    void add_nodes(std::size_t at) {
        // Totals after the break: glue (and non-forced penalties) that follow are discarded.
        double w = sum_w_, y = sum_y_, z = sum_z_, fill = sum_fill_;
        for (std::size_t i = at; i < items_.size(); ++i) {
            const Item& it = items_[i];
            if (it.type == Item::Type::Box) break;
            if (it.type == Item::Type::Glue) {
                w += it.width;
                (is_fill(it) ? fill : y) += it.stretch;
                z += it.shrink;
            } else if (i > at && it.penalty <= -infinite_penalty) {
                break;
            }
        }
        double best = awful;
        for (const Candidate& c : candidates_) best = std::min(best, c.demerits);
        const bool flagged = items_[at].type == Item::Type::Penalty && items_[at].flagged;
        for (const Candidate& c : candidates_) {
            if (c.demerits > best + params_.fitness_demerits) continue;  // cannot win
            Node n;
            n.position = at;
            n.line = nodes_[static_cast<std::size_t>(c.from)].line + 1;
            n.fitness = c.fitness;
            n.total_width = w;
            n.total_stretch = y;
            n.total_shrink = z;
            n.total_fill = fill;
            n.demerits = c.demerits;
            n.ratio = c.ratio;
            n.previous = c.from;
            n.flagged = flagged;
            nodes_.push_back(n);
            active_.push_back(static_cast<int>(nodes_.size() - 1));
        }
    }

    // The paragraph ends with a forced break: the best node placed there ends the path.
    // (Should a caller leave items after it, they are not set rather than losing the lot.)
    int best_final_node() const {
        std::size_t end = items_.size();
        while (end > 0 && !is_forced_break(items_[end - 1])) --end;
        int best = -1;
        for (std::size_t i = 1; i < nodes_.size(); ++i) {
            if (nodes_[i].position + 1 != end) continue;
            if (best < 0 || nodes_[i].demerits < nodes_[static_cast<std::size_t>(best)].demerits) best = static_cast<int>(i);
        }
        return best;
    }

    const std::vector<Item>& items_;
    const std::vector<double>& widths_;
    const Params& params_;
    double threshold_ = 0;
    bool final_pass_ = false;
    std::vector<Node>& nodes_;
    std::vector<int>& active_;
    std::vector<Candidate>& candidates_;
    double sum_w_ = 0, sum_y_ = 0, sum_z_ = 0, sum_fill_ = 0;
};

}  // namespace

std::size_t line_start_after(const std::vector<Item>& items, std::size_t position) {
    std::size_t i = position + 1;
    while (i < items.size() && items[i].type != Item::Type::Box && !is_forced_break(items[i])) ++i;
    return i;
}

// ---------------------------------------------------------------------------------------
// First fit
// ---------------------------------------------------------------------------------------

namespace {

// Widths, stretch and shrink summed from a line's start up to (not including) an item.
struct LineSums {
    double width = 0, stretch = 0, shrink = 0, fill = 0;
    void add(const Item& item) {
        width += item.width;
        if (item.type != Item::Type::Glue) return;
        (item.stretch >= fill_stretch ? fill : stretch) += item.stretch;
        shrink += item.shrink;
    }
};

// A place the line may end, with what the line holds when it ends there.
struct FitCandidate {
    std::size_t position = 0;
    double length = 0;  // natural length, the hyphen included
    LineSums sums;
    double penalty = 0;
};

double ratio_of(const FitCandidate& c, double target) {
    if (std::abs(c.length - target) <= 1e-6 * std::max(1.0, std::abs(target))) return 0;
    if (c.length < target) {
        if (c.sums.fill > 0) return 0;
        return c.sums.stretch > 0 ? (target - c.length) / c.sums.stretch : 1e9;
    }
    return c.sums.shrink > 0 ? (target - c.length) / c.sums.shrink : -1e9;
}

// The break a first-fit line takes among those that fit (in order): the last cheap one;
// else, inside an over-long word, the cheapest (the later on a tie) of those that fill at
// least half of what the fullest one would: "disci-" rather than "disciplin", but not "c-"
// alone on a line where "ccina" fits.
const FitCandidate* choose_first_fit(const std::vector<FitCandidate>& fitting, double cheap_penalty) {
    if (fitting.empty()) return nullptr;
    const FitCandidate* cheap = nullptr;
    for (const FitCandidate& c : fitting)
        if (c.penalty < cheap_penalty) cheap = &c;
    if (cheap) return cheap;
    const double fullest = fitting.back().length;
    const FitCandidate* costly = &fitting.back();
    for (const FitCandidate& c : fitting)
        if (c.length >= 0.5 * fullest && c.penalty <= costly->penalty) costly = &c;
    return costly;
}

}  // namespace

Result first_fit(const std::vector<Item>& items, const std::vector<double>& line_widths, double cheap_penalty) {
    Result out;
    out.pass = 0;
    thread_local std::vector<FitCandidate> fitting;  // kept: see Workspace
    std::size_t start = 0;
    for (int line = 0; start < items.size(); ++line) {
        const double target = width_of_line(line_widths, line);
        fitting.clear();
        LineSums sums;
        const FitCandidate* chosen = nullptr;
        FitCandidate overflow;  // the first break that does not fit, when none does
        for (std::size_t i = start; i < items.size() && !chosen; ++i) {
            const Item& item = items[i];
            const bool breakable = item.type == Item::Type::Glue
                                       ? item.breakable && i > start && items[i - 1].type == Item::Type::Box
                                       : item.type == Item::Type::Penalty && item.penalty < infinite_penalty;
            if (breakable) {
                FitCandidate c{i, sums.width + (item.type == Item::Type::Penalty ? item.width : 0), sums,
                            item.type == Item::Type::Penalty ? item.penalty : 0};
                const bool fits = c.length - sums.shrink <= target + 1e-6 * std::max(1.0, std::abs(target));
                if (fits) fitting.push_back(c);
                if (fits && is_forced_break(item)) {
                    chosen = &fitting.back();
                } else if (!fits && fitting.empty()) {
                    overflow = c;  // nothing fits: the line overflows to its first break
                    chosen = &overflow;
                } else if (!fits) {
                    chosen = choose_first_fit(fitting, cheap_penalty);
                }
            }
            sums.add(item);
        }
        if (!chosen) break;  // no forced break at the end: what is left is not set
        const double ratio = ratio_of(*chosen, target);
        out.breaks.push_back({chosen->position, ratio});
        if (ratio < -1) out.overfull = true;
        if (chosen->position + 1 >= items.size()) break;
        start = line_start_after(items, chosen->position);
    }
    return out;
}

int short_lines(const std::vector<Item>& items, const Result& r, const std::vector<double>& line_widths,
                double max_gap) {
    int count = 0, line = 0;
    std::size_t start = 0;
    for (const Break& b : r.breaks) {
        if (b.position >= items.size()) break;
        double length = items[b.position].type == Item::Type::Penalty ? items[b.position].width : 0;
        for (std::size_t i = start; i < b.position; ++i)
            if (!(items[i].type == Item::Type::Glue && items[i].stretch >= fill_stretch) &&
                items[i].type != Item::Type::Penalty)
                length += items[i].width;
        const double target = width_of_line(line_widths, line);
        if (!is_forced_break(items[b.position]) && target - length > max_gap) ++count;
        start = line_start_after(items, b.position);
        ++line;
    }
    return count;
}

int fitness_class(double ratio) {
    if (ratio < -0.5) return 0;
    if (ratio <= 0.5) return 1;
    if (ratio <= 1) return 2;
    return 3;
}

double badness(double ratio) {
    const double r = std::abs(ratio);
    if (r > 4.7) return inf_badness;  // 100·4.7³ ≈ 10382; avoid overflow for huge ratios
    return std::min(inf_badness, 100 * r * r * r);
}

namespace {

// One multiply and rotate a word (FxHash's step: the key is computed for every paragraph
// set, so it must cost far less than breaking it), then splitmix64's finaliser once.
std::uint64_t mix(std::uint64_t h, std::uint64_t v) { return (std::rotl(h, 5) ^ v) * 0x517CC1B727220A95ULL; }

std::uint64_t mix(std::uint64_t h, double v) { return mix(h, std::bit_cast<std::uint64_t>(v)); }

std::uint64_t finish(std::uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

}  // namespace

std::uint64_t BreakCache::key(const std::vector<Item>& items, const std::vector<double>& line_widths, double salt) {
    std::uint64_t h = mix(mix(0, salt), std::uint64_t{items.size()} << 32 | line_widths.size());
    for (double w : line_widths) h = mix(h, w);
    for (const Item& item : items) {
        const std::uint64_t kind = static_cast<std::uint64_t>(item.type) << 2 | std::uint64_t{item.flagged} << 1 |
                                   std::uint64_t{item.breakable};
        h = mix(mix(h, kind), item.width);
        if (item.type == Item::Type::Glue) h = mix(mix(h, item.stretch), item.shrink);
        else if (item.type == Item::Type::Penalty) h = mix(h, item.penalty);
    }
    h = finish(h);
    return h == 0 ? 1 : h;  // 0 marks an empty slot
}

std::size_t BreakCache::slot_of(std::uint64_t key) const {
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = static_cast<std::size_t>(key) & mask;
    while (slots_[i].key != 0 && slots_[i].key != key) i = (i + 1) & mask;
    return i;
}

bool BreakCache::find(std::uint64_t key, std::vector<Break>& breaks) const {
    if (slots_.empty()) return false;
    const Slot& slot = slots_[slot_of(key)];
    if (slot.key != key) return false;
    const auto first = breaks_.begin() + slot.first;
    breaks.assign(first, first + slot.count);
    return true;
}

bool BreakCache::find(std::uint64_t key, const std::vector<Item>& items, std::vector<Break>& breaks) const {
    if (!find(key, breaks)) return false;
    std::size_t next = 0;  // the least position the next break may have
    for (const Break& b : breaks) {
        if (b.position < next || b.position >= items.size() || items[b.position].type == Item::Type::Box) return false;
        next = b.position + 1;
    }
    return true;
}

void BreakCache::store(std::uint64_t key, const std::vector<Break>& breaks) {
    if (2 * (used_ + 1) > slots_.size()) grow();
    Slot& slot = slots_[slot_of(key)];
    if (slot.key == key) return;
    slot = {key, static_cast<std::uint32_t>(breaks_.size()), static_cast<std::uint32_t>(breaks.size())};
    breaks_.insert(breaks_.end(), breaks.begin(), breaks.end());
    ++used_;
}

void BreakCache::grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(std::max<std::size_t>(256, 2 * old.size()), Slot{});
    for (const Slot& s : old)
        if (s.key != 0) slots_[slot_of(s.key)] = s;
}

Result break_paragraph(const std::vector<Item>& items, const std::vector<double>& line_widths,
                       const Params& params) {
    if (items.empty()) return {};
    Breaker breaker(items, line_widths, params);
    if (breaker.run(params.first_threshold, false)) return breaker.result(1);
    if (breaker.run(params.second_threshold, false)) return breaker.result(2);
    breaker.run(inf_badness, true);
    return breaker.result(3);
}

}  // namespace quorum::layout::kp
