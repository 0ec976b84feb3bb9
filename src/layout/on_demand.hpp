// OnDemand<T>: a member most objects leave empty, costing a pointer until written.
//
// The box tree and the flow hold one object per element, inline item and line of a
// whole document through every layout pass; their rarely used parts (list markers,
// images, ids, links, decorations) live behind one of these instead of inline.
#pragma once

#include <memory>

namespace quorum::layout {

// A T allocated on first write and copied deeply; reads of an unwritten one see a T{}.
template <class T>
class OnDemand {
public:
    OnDemand() = default;
    OnDemand(const OnDemand& other) : value_(other.value_ ? std::make_unique<T>(*other.value_) : nullptr) {}
    OnDemand(OnDemand&&) noexcept = default;
    OnDemand& operator=(const OnDemand& other) {
        if (this != &other) value_ = other.value_ ? std::make_unique<T>(*other.value_) : nullptr;
        return *this;
    }
    OnDemand& operator=(OnDemand&&) noexcept = default;
    ~OnDemand() = default;

    const T& get() const {
        static const T unwritten{};
        return value_ ? *value_ : unwritten;
    }
    T& edit() {
        if (!value_) value_ = std::make_unique<T>();
        return *value_;
    }

private:
    std::unique_ptr<T> value_;
};

}  // namespace quorum::layout
