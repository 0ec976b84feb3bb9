// FontCatalogue: reads fonts/catalogue.json, matches CSS font requests to faces,
// opens each face lazily (a document rarely uses more than a handful of the faces listed).
#include "fonts/fonts.hpp"

#include "fonts/font_files.hpp"
#include "fonts/freetype_face.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <fstream>
#include <mutex>
#include <sstream>

namespace quorum::fonts {

namespace fs = std::filesystem;

namespace {

// The four faces a family may have, in catalogue key order.
enum Slot { Regular, Bold, Italic, BoldItalic, slot_count };
constexpr std::array<const char*, slot_count> slot_keys{"regular", "bold", "italic", "bold-italic"};
constexpr std::array<int, slot_count> slot_weights{400, 700, 400, 700};
constexpr std::array<bool, slot_count> slot_italic{false, false, true, true};

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
        if (lower(a[i]) != lower(b[i])) return false;
    }
    return true;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// nlohmann reports a byte offset; users want FILE:LINE:COL.
std::string position_of(const std::string& text, std::size_t byte) {
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < byte && i < text.size(); ++i) {
        if (text[i] == '\n') { ++line; column = 1; } else { ++column; }
    }
    return std::to_string(line) + ":" + std::to_string(column);
}

// The order in which to try a family's slots for a CSS request (CSS Fonts 3 §5.2,
// reduced to the two weights and two styles a catalogue offers): style first, then
// weight (bold side for > 500, regular side otherwise).
std::array<Slot, slot_count> slot_preference(int weight, bool italic) {
    const bool bold = weight > 500;
    const Slot upright_first = bold ? Bold : Regular, upright_second = bold ? Regular : Bold;
    const Slot italic_first = bold ? BoldItalic : Italic, italic_second = bold ? Italic : BoldItalic;
    if (italic) return {italic_first, italic_second, upright_first, upright_second};
    return {upright_first, upright_second, italic_first, italic_second};
}

}  // namespace

struct FontCatalogue::Impl {
    struct Family {
        std::string name;
        std::array<std::string, slot_count> files;  // as written in the catalogue; "" when absent
        std::array<int, slot_count> ids{-1, -1, -1, -1};
    };
    struct Alias {
        std::string name;
        std::size_t family;
    };
    struct FaceSlot {
        std::size_t family;
        Slot slot;
    };

    fs::path catalogue_file;
    std::vector<Family> families;
    std::vector<Alias> aliases;
    std::size_t fallback = 0;
    std::vector<FaceSlot> slots_by_id;
    FontFileFinder finder{".", {}};

    mutable std::mutex mutex;  // guards lazy opening
    mutable std::vector<std::unique_ptr<FreeTypeFace>> faces;  // by id

    const Family* find_family(std::string_view name) const;
    std::size_t index_of(const Family* family) const { return static_cast<std::size_t>(family - families.data()); }
    const Face& open(int id) const;
    const Face& match(const Family& family, int weight, bool italic) const;
};

const FontCatalogue::Impl::Family* FontCatalogue::Impl::find_family(std::string_view name) const {
    name = trim(name);
    for (const Family& family : families)
        if (equals_ignoring_case(family.name, name)) return &family;
    for (const Alias& alias : aliases)
        if (equals_ignoring_case(alias.name, name)) return &families[alias.family];
    return nullptr;
}

const Face& FontCatalogue::Impl::open(int id) const {
    std::lock_guard lock(mutex);
    if (faces[static_cast<std::size_t>(id)]) return *faces[static_cast<std::size_t>(id)];
    const FaceSlot where = slots_by_id[static_cast<std::size_t>(id)];
    const Family& family = families[where.family];
    const std::string& name = family.files[where.slot];
    const auto path = finder.find(name);
    if (!path)
        throw FontError{catalogue_file.string() + ": error: font family '" + family.name + "' (" +
                        slot_keys[where.slot] + "): file '" + name + "' not found; searched " +
                        finder.describe_search()};
    auto face = std::make_unique<FreeTypeFace>(family.name, slot_weights[where.slot], slot_italic[where.slot], *path, id);
    faces[static_cast<std::size_t>(id)] = std::move(face);
    return *faces[static_cast<std::size_t>(id)];
}

const Face& FontCatalogue::Impl::match(const Family& family, int weight, bool italic) const {
    for (Slot slot : slot_preference(weight, italic))
        if (family.ids[slot] >= 0) return open(family.ids[slot]);
    throw FontError{catalogue_file.string() + ": error: font family '" + family.name + "' lists no font files"};
}

namespace {

[[noreturn]] void fail(const fs::path& file, const std::string& what) {
    throw FontError{file.string() + ": error: " + what};
}

nlohmann::json parse_catalogue(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) fail(file, "cannot read the font catalogue");
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        throw FontError{file.string() + ":" + position_of(text, e.byte > 0 ? e.byte - 1 : 0) +
                        ": error: malformed font catalogue (" + e.what() + ")"};
    }
}

}  // namespace

FontCatalogue FontCatalogue::load(const fs::path& catalogue_file) {
    const nlohmann::json json = parse_catalogue(catalogue_file);
    if (!json.is_object() || !json.contains("families") || !json["families"].is_object())
        fail(catalogue_file, "the font catalogue needs a \"families\" object");

    FontCatalogue catalogue;
    Impl& impl = *catalogue.impl_;
    impl.catalogue_file = catalogue_file;
    impl.finder = FontFileFinder(catalogue_file.parent_path().empty() ? fs::path(".") : catalogue_file.parent_path(),
                                 FontFileFinder::default_system_folders());

    // nlohmann's objects iterate in key order: face ids follow the catalogue deterministically.
    for (const auto& [name, faces] : json["families"].items()) {
        if (!faces.is_object()) fail(catalogue_file, "family '" + name + "' must map faces to files");
        Impl::Family family{name, {}, {-1, -1, -1, -1}};
        for (const auto& [key, value] : faces.items()) {
            std::size_t slot = 0;
            while (slot < slot_count && key != slot_keys[slot]) ++slot;
            if (slot == slot_count)
                fail(catalogue_file, "family '" + name + "': unknown face '" + key +
                                         "' (expected regular, bold, italic or bold-italic)");
            if (!value.is_string() || value.get<std::string>().empty())
                fail(catalogue_file, "family '" + name + "': face '" + key + "' must name a font file");
            family.files[slot] = value.get<std::string>();
        }
        for (std::size_t slot = 0; slot < slot_count; ++slot) {
            if (family.files[slot].empty()) continue;
            family.ids[slot] = static_cast<int>(impl.slots_by_id.size());
            impl.slots_by_id.push_back({impl.families.size(), static_cast<Slot>(slot)});
        }
        if (family.ids == std::array<int, slot_count>{-1, -1, -1, -1})
            fail(catalogue_file, "family '" + name + "' lists no font files");
        impl.families.push_back(std::move(family));
    }
    impl.faces.resize(impl.slots_by_id.size());

    if (json.contains("aliases")) {
        if (!json["aliases"].is_object()) fail(catalogue_file, "\"aliases\" must map names to families");
        for (const auto& [alias, target] : json["aliases"].items()) {
            const Impl::Family* family = target.is_string() ? impl.find_family(target.get<std::string>()) : nullptr;
            if (!family) fail(catalogue_file, "alias '" + alias + "' names an unknown family");
            impl.aliases.push_back({alias, impl.index_of(family)});
        }
    }

    if (!json.contains("fallback") || !json["fallback"].is_string())
        fail(catalogue_file, "the font catalogue needs a \"fallback\" family (for symbols)");
    const Impl::Family* fallback = impl.find_family(json["fallback"].get<std::string>());
    if (!fallback) fail(catalogue_file, "the fallback family '" + json["fallback"].get<std::string>() + "' is not listed");
    impl.fallback = impl.index_of(fallback);
    return catalogue;
}

FontCatalogue::FontCatalogue() : impl_(std::make_unique<Impl>()) {}
FontCatalogue::FontCatalogue(FontCatalogue&&) noexcept = default;
FontCatalogue& FontCatalogue::operator=(FontCatalogue&&) noexcept = default;
FontCatalogue::~FontCatalogue() = default;

bool FontCatalogue::has_family(std::string_view family) const { return impl_->find_family(family) != nullptr; }

const Face& FontCatalogue::face(std::string_view family, int weight, bool italic) const {
    const Impl::Family* found = impl_->find_family(family);
    if (!found)
        throw FontError{impl_->catalogue_file.string() + ": error: unknown font family '" + std::string(family) +
                        "' (add it to the catalogue; see fonts/README.md)"};
    return impl_->match(*found, weight, italic);
}

std::vector<const Face*> FontCatalogue::fallback_chain(const std::vector<std::string>& families, int weight,
                                                       bool italic) const {
    std::vector<const Face*> chain;
    auto add = [&](const Impl::Family& family) {
        const Face* face = &impl_->match(family, weight, italic);
        for (const Face* existing : chain)
            if (existing == face) return;
        chain.push_back(face);
    };
    for (const std::string& name : families)
        if (const Impl::Family* family = impl_->find_family(name)) add(*family);
    add(impl_->families[impl_->fallback]);
    return chain;
}

const Face& FontCatalogue::face_by_id(int id) const {
    if (id < 0 || static_cast<std::size_t>(id) >= impl_->slots_by_id.size())
        throw FontError{impl_->catalogue_file.string() + ": error: no face with id " + std::to_string(id)};
    return impl_->open(id);
}

std::size_t FontCatalogue::face_count() const { return impl_->slots_by_id.size(); }

}  // namespace quorum::fonts
