// Warnings from the style stage: "file:line: warning: message", each at most once.
#pragma once

#include <string>
#include <unordered_set>
#include <vector>

namespace quorum::style {

class Diagnostics {
public:
    // `suffix` is appended to every message, e.g. " (style attribute)".
    Diagnostics(std::vector<std::string>& sink, std::unordered_set<std::string>& seen, std::string file,
                std::string suffix = {})
        : sink_(sink), seen_(seen), file_(std::move(file)), suffix_(std::move(suffix)) {}

    // The same message for the same file is reported once (at its first line), so a
    // stylesheet using `float` fifty times gives one warning, not fifty.
    void warn(int line, const std::string& message) {
        if (!seen_.insert(file_ + '\n' + message).second) return;
        sink_.push_back(file_ + ":" + std::to_string(line) + ": warning: " + message + suffix_);
    }
    const std::string& file() const { return file_; }

private:
    std::vector<std::string>& sink_;
    std::unordered_set<std::string>& seen_;
    std::string file_;
    std::string suffix_;
};

}  // namespace quorum::style
