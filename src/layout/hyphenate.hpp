// Hyphenation points from libhyphen's pattern dictionaries (Debian hyphen-en-gb).
//
// One Hyphenator serves a whole document: dictionaries are loaded on first use per
// language and every word's result is cached, because council papers repeat the same
// vocabulary ("council", "committee", "recommendation") thousands of times.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace quorum::layout {

class Hyphenator {
public:
    // `dictionary_dir`: where hyph_<lang>.dic files live (Debian: /usr/share/hyphen).
    explicit Hyphenator(std::filesystem::path dictionary_dir = "/usr/share/hyphen");
    ~Hyphenator();
    Hyphenator(const Hyphenator&) = delete;
    Hyphenator& operator=(const Hyphenator&) = delete;

    // Byte offsets into `word` (UTF-8) before which a hyphen may be inserted, ascending.
    // `lang` is a BCP 47 tag from the `lang` attribute: en, en-GB, en-US, ... An empty
    // tag means British English (Quorum typesets UK council papers). A language with no
    // dictionary gives no points and one warning. Words with characters other than
    // letters, apostrophes and in-word hyphens give no points (codes, URLs, numbers).
    const std::vector<std::uint32_t>& points(std::string_view word, std::string_view lang) const;

    // Whether `lang` has a dictionary (loads it on first call).
    bool supports(std::string_view lang) const;

    // Warnings so far ("no hyphenation dictionary for language 'cy'"), once each.
    const std::vector<std::string>& warnings() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace quorum::layout
