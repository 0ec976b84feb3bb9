#include "pack/naming.hpp"

#include <cctype>

namespace quorum::pack {

namespace {

bool is_ascii_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// Cuts at the last hyphen at or before max_length, so no word is halved.
std::string cut_at_word(std::string slug, std::size_t max_length) {
    if (slug.size() <= max_length) return slug;
    const std::size_t hyphen = slug.rfind('-', max_length);
    slug.resize(hyphen == std::string::npos || hyphen == 0 ? max_length : hyphen);
    return slug;
}

}  // namespace

std::string slugify(const std::string& text, std::size_t max_length) {
    std::string slug;
    bool pending_hyphen = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\'' || static_cast<unsigned char>(c) >= 0x80) {
            // Apostrophes join ("Members'" -> "members"); a UTF-8 right single quote too.
            if (text.compare(i, 3, "\xE2\x80\x99") == 0) i += 2;
            continue;
        }
        if (!is_ascii_alnum(c)) {
            pending_hyphen = !slug.empty();
            continue;
        }
        if (pending_hyphen) slug += '-';
        pending_hyphen = false;
        slug += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    slug = cut_at_word(slug, max_length);
    return slug.empty() ? "untitled" : slug;
}

std::string item_file_stem(const std::string& number, const std::string& title) {
    std::size_t digits = 0;
    while (digits < number.size() && number[digits] >= '0' && number[digits] <= '9') ++digits;
    const std::string padded = (digits == 1 ? "0" : "") + number;
    return slugify(padded, 8) + "-" + slugify(title, 50);
}

}  // namespace quorum::pack
