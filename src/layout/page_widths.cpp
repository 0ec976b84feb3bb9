// Which page width each part of the flow is set in (see page_widths.hpp).
#include "layout/page_widths.hpp"

#include "layout/paginate.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <string>

namespace quorum::layout {

namespace {

constexpr double same_width = 0.01;  // pt

bool differs(double a, double b) { return std::abs(a - b) > same_width; }

bool name_varies(const std::string& name, PageStyles& styles) {
    const double right = styles.content_width(name);
    for (const bool first : {false, true}) {
        for (const bool left : {false, true}) {
            style::PageSelector selector;
            selector.name = name;
            selector.first = first;
            selector.left = left;
            if (differs(content_width_of(styles.get(selector)), right)) return true;
        }
    }
    return false;
}

}  // namespace

PageWidths::PageWidths(const BoxTree& tree, PageStyles& styles) : styles_(styles) {
    std::set<std::string> names{""};
    for (const style::ComputedStyle& s : tree.styles) names.insert(s.page);
    active_ = std::any_of(names.begin(), names.end(), [&](const std::string& n) { return name_varies(n, styles); });
}

double PageWidths::assume(const Box* box, int index, double predicted) const {
    auto it = known_.find(box);
    if (it == known_.end()) return predicted;
    const auto slot = static_cast<std::size_t>(index + 1);
    if (slot < it->second.size() && it->second[slot].learned) return it->second[slot].width;
    return predicted;
}

void PageWidths::assume_lines(const Box* box, std::vector<double>& pages) const {
    auto it = known_.find(box);
    if (it == known_.end() || pages.empty()) return;
    const std::vector<Known>& known = it->second;  // [1 + i]: line i
    if (known.size() > 1) pages.resize(std::max(pages.size(), known.size() - 1), pages.back());
    for (std::size_t i = 0; i + 1 < known.size(); ++i)
        if (known[i + 1].learned) pages[i] = known[i + 1].width;
}

double PageWidths::page_width(std::size_t page, const std::string& name) {
    return content_width_of(styles_.page(page, name));
}

PagePosition PageWidths::expect(PagePosition at, const std::string& name, double pending_margin) {
    at.room -= pending_margin;
    if (at.name == name) return at;
    // A change of page name starts a page (the break is not in the flow yet).
    ++at.page;
    at.name = name;
    at.room = content_height_of(styles_.page(at.page, name));
    return at;
}

std::vector<double> PageWidths::predict_lines(const PagePosition& at, double line_height, int orphans) {
    const double h = std::max(line_height, 1.0);
    auto lines_in = [&](double room) { return static_cast<int>(std::floor((room + fit_tolerance) / h)); };
    int here = lines_in(at.room);
    if (here < orphans) here = 0;  // too few to leave behind: the paragraph starts a page on
    std::vector<double> widths(static_cast<std::size_t>(here), page_width(at.page, at.name));
    // A page further on, then the one after it for every later line.
    const int full_page = std::max(lines_in(content_height_of(styles_.page(at.page + 1, at.name))), 1);
    widths.insert(widths.end(), static_cast<std::size_t>(full_page), page_width(at.page + 1, at.name));
    widths.push_back(page_width(at.page + 2, at.name));
    return widths;
}

std::uint32_t PageWidths::tag(const Box* box, int index, double assumed) {
    if (!active_) return 0;
    tags_.push_back({box, index, assumed});
    return static_cast<std::uint32_t>(tags_.size());
}

std::vector<PageWidths::Known>& PageWidths::known_of(const Box* box, int index) {
    std::vector<Known>& k = known_[box];
    const auto slot = static_cast<std::size_t>(index + 1);
    if (k.size() <= slot) k.resize(slot + 1);
    return k;
}

bool PageWidths::learn(const std::vector<double>& landed_widths) {
    bool stable = true;
    // The first passes move parts by whole pages while earlier pages settle: only later
    // misses tell oscillation from drift. And a part that oscillates moves everything
    // after it to and fro: only the first one found in a pass is narrowed.
    bool may_narrow = ++passes_ >= 3;
    unsettled_ = {};
    for (std::size_t t = 0; t < tags_.size(); ++t) {
        const Tag& tag = tags_[t];
        std::vector<Known>& known = known_of(tag.box, tag.index);
        // Lines a paragraph no longer has keep what they learnt: should it gain them back, a
        // line past the page's end is likely to land where it did (and a paragraph set in
        // fewer lines thanks to a wider last line stays so).
        // A slice pagination did not draw (nothing landed) teaches nothing.
        if (t >= landed_widths.size() || landed_widths[t] <= 0) continue;
        // A box's start moves with the content before it, not with its own width: only a
        // line can be the cause of its own move, and be narrowed.
        const bool line = tag.index >= 0;
        Known& k = known[static_cast<std::size_t>(tag.index + 1)];
        const bool was_narrowed = k.narrowed;
        if (!settle(k, tag.assumed, landed_widths[t], may_narrow && line)) {
            if (stable) unsettled_ = {tag.box, tag.index};
            stable = false;
        }
        if (k.narrowed && !was_narrowed) may_narrow = false;
    }
    return stable;
}

bool PageWidths::settle(Known& k, double assumed, double landed, bool may_narrow) {
    // Back on the page width it had two passes ago: it moves between the pages as its
    // width changes, and only the narrower width fits both.
    if (may_narrow && differs(landed, assumed) && k.before > 0 && !differs(landed, k.before)) k.narrowed = true;
    if (differs(landed, assumed)) k.learned = true;
    k.before = k.width > 0 ? k.width : assumed;
    k.width = k.narrowed ? std::min(assumed, landed) : landed;
    return !differs(k.width, assumed);
}

}  // namespace quorum::layout
