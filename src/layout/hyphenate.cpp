#include "layout/hyphenate.hpp"

#include <hyphen.h>

#include <cctype>
#include <cstdlib>
#include <unordered_map>

namespace quorum::layout {

namespace {

// Heterogeneous lookup: cache hits on the hot path allocate nothing.
struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using WordCache = std::unordered_map<std::string, std::vector<std::uint32_t>, StringHash, std::equal_to<>>;

struct Dictionary {
    HyphenDict* dict = nullptr;  // null: no dictionary for this language
    WordCache cache;
};

constexpr std::size_t min_word_bytes = 5;   // LEFTHYPHENMIN 2 + RIGHTHYPHENMIN 3
constexpr std::size_t max_word_bytes = 100; // libhyphen's MAXWORDLEN territory; longer is not a word

bool is_word_byte(unsigned char c) { return std::isalpha(c) || c >= 0x80; }

bool hyphenatable(std::string_view word) {
    if (word.size() < min_word_bytes || word.size() > max_word_bytes) return false;
    for (char c : word)
        if (!is_word_byte(static_cast<unsigned char>(c))) return false;
    return true;
}

// "en-GB", "EN_gb" -> {"en", "GB"}
std::pair<std::string, std::string> split_tag(std::string_view tag) {
    std::string primary, region;
    std::size_t i = 0;
    for (; i < tag.size() && tag[i] != '-' && tag[i] != '_'; ++i)
        primary += static_cast<char>(std::tolower(static_cast<unsigned char>(tag[i])));
    if (i < tag.size()) ++i;
    for (; i < tag.size() && tag[i] != '-' && tag[i] != '_'; ++i)
        region += static_cast<char>(std::toupper(static_cast<unsigned char>(tag[i])));
    return {primary, region};
}

}  // namespace

struct Hyphenator::Impl {
    std::filesystem::path dir;
    std::unordered_map<std::string, Dictionary, StringHash, std::equal_to<>> by_lang;
    std::vector<std::string> warnings;
    std::vector<std::uint32_t> none;
    std::vector<char> hyphens;  // libhyphen's output buffer, reused
    std::string lowered;

    ~Impl() {
        for (auto& [lang, d] : by_lang)
            if (d.dict) hnj_hyphen_free(d.dict);
    }

    HyphenDict* try_load(const std::string& stem) {
        const auto file = dir / ("hyph_" + stem + ".dic");
        std::error_code ec;
        if (!std::filesystem::exists(file, ec)) return nullptr;
        return hnj_hyphen_load(file.c_str());
    }

    // The dictionaries to try for a tag, most specific first. English without a
    // dictionary for its region falls back to British English (our house style).
    HyphenDict* load(std::string_view tag) {
        auto [primary, region] = split_tag(tag.empty() ? std::string_view("en-GB") : tag);
        HyphenDict* d = nullptr;
        if (!region.empty()) d = try_load(primary + "_" + region);
        if (!d) d = try_load(primary);
        if (!d && primary == "en") d = try_load("en_GB");
        if (!d && !primary.empty()) {
            std::string upper;
            for (char c : primary) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            d = try_load(primary + "_" + upper);
        }
        if (!d)
            warnings.push_back("warning: no hyphenation dictionary for language '" + std::string(tag) + "' in " +
                               dir.string() + "; hyphens: auto has no effect for it");
        return d;
    }

    Dictionary& dictionary(std::string_view tag) {
        if (auto it = by_lang.find(tag); it != by_lang.end()) return it->second;
        Dictionary d;
        d.dict = load(tag);
        return by_lang.emplace(std::string(tag), std::move(d)).first->second;
    }

    std::vector<std::uint32_t> compute(HyphenDict* dict, std::string_view word) {
        lowered.assign(word);
        for (char& c : lowered)
            if (static_cast<unsigned char>(c) < 0x80) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        hyphens.assign(lowered.size() + 5, 0);
        char** rep = nullptr;
        int* pos = nullptr;
        int* cut = nullptr;
        std::vector<std::uint32_t> out;
        const int failed = hnj_hyphen_hyphenate2(dict, lowered.data(), static_cast<int>(lowered.size()),
                                                 hyphens.data(), nullptr, &rep, &pos, &cut);
        if (rep) {
            // Non-standard hyphenation (e.g. "ck" -> "k-k") changes spelling: we only
            // insert hyphens, so we skip such words rather than misspell them.
            for (std::size_t i = 0; i < lowered.size(); ++i) std::free(rep[i]);
            std::free(rep);
            std::free(pos);
            std::free(cut);
            return out;
        }
        if (failed) return out;
        // hyphens[i] odd: a hyphen may follow byte i (the last byte of a character).
        for (std::size_t i = 0; i + 1 < lowered.size(); ++i)
            if (hyphens[i] & 1) out.push_back(static_cast<std::uint32_t>(i + 1));
        return out;
    }
};

Hyphenator::Hyphenator(std::filesystem::path dictionary_dir) : impl_(std::make_unique<Impl>()) {
    impl_->dir = std::move(dictionary_dir);
}

Hyphenator::~Hyphenator() = default;

bool Hyphenator::supports(std::string_view lang) const { return impl_->dictionary(lang).dict != nullptr; }

const std::vector<std::uint32_t>& Hyphenator::points(std::string_view word, std::string_view lang) const {
    if (!hyphenatable(word)) return impl_->none;
    Dictionary& d = impl_->dictionary(lang);
    if (!d.dict) return impl_->none;
    if (auto it = d.cache.find(word); it != d.cache.end()) return it->second;
    auto points = impl_->compute(d.dict, word);
    return d.cache.emplace(std::string(word), std::move(points)).first->second;
}

const std::vector<std::string>& Hyphenator::warnings() const { return impl_->warnings; }

}  // namespace quorum::layout
