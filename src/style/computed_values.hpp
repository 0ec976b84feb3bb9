// From specified values (properties.hpp) to computed values (computed_style.hpp).
#pragma once

#include "style/computed_style.hpp"
#include "style/properties.hpp"

namespace quorum::style {

// The style an element starts from before its own declarations: the parent's
// inherited properties, every other property at its initial value.
ComputedStyle inherited_from(const ComputedStyle* parent);

// Applies one winning declaration. `parent` is the inheritance parent (the initial
// style for the root); font-size must be applied before anything using em units.
void apply_value(Property property, const Value& value, ComputedStyle& style, const ComputedStyle& parent,
                 double root_font_size);

// Fix-ups after all declarations: border widths of style none are 0, currentColor borders.
struct CurrentColorBorders {
    bool side[4] = {true, true, true, true};
};
void finish_borders(ComputedStyle& style, const CurrentColorBorders& current);

const ComputedStyle& initial_style();

}  // namespace quorum::style
