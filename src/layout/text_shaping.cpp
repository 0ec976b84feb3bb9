#include "layout/text_shaping.hpp"

namespace quorum::layout::shaping {

char32_t next_multibyte_codepoint(std::string_view s, std::size_t& i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = byte(i);
    int extra = 0;
    char32_t cp = 0;
    if ((c & 0xE0) == 0xC0) { extra = 1; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { extra = 2; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { extra = 3; cp = c & 0x07; }
    else { ++i; return replacement_char; }
    if (i + static_cast<std::size_t>(extra) >= s.size()) {  // truncated sequence
        ++i;
        return replacement_char;
    }
    for (int k = 1; k <= extra; ++k) {
        const unsigned char b = byte(i + static_cast<std::size_t>(k));
        if ((b & 0xC0) != 0x80) { ++i; return replacement_char; }
        cp = (cp << 6) | (b & 0x3F);
    }
    i += static_cast<std::size_t>(extra) + 1;
    return cp;
}


namespace {

bool is_collapsible_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

void collapse(std::string_view in, bool keep_newlines, WhiteSpaceState& state, std::string& out) {
    for (std::size_t i = 0; i < in.size(); ++i) {
        // A run of other characters is copied at once.
        std::size_t end = i;
        while (end < in.size() && !is_collapsible_space(in[end])) ++end;
        if (end > i) {
            out.append(in.substr(i, end - i));
            state.after_space = false;
            i = end - 1;
            continue;
        }
        const char c = in[i];
        if (keep_newlines && c == '\n') {
            // pre-line: spaces before a newline go, the newline stays.
            while (!out.empty() && out.back() == ' ') out.pop_back();
            out += '\n';
            state.after_space = true;
            continue;
        }
        if (!state.after_space) out += ' ';  // a collapsible space
        state.after_space = true;
    }
}

void preserve(std::string_view in, WhiteSpaceState& state, std::string& out) {
    for (std::size_t i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (c == '\r') {
            if (i + 1 < in.size() && in[i + 1] == '\n') continue;  // CRLF -> LF
            out += '\n';
            state.column = 0;
        } else if (c == '\n') {
            out += '\n';
            state.column = 0;
        } else if (c == '\t') {
            const int stop = (state.column / 8 + 1) * 8;
            out.append(static_cast<std::size_t>(stop - state.column), ' ');
            state.column = stop;
        } else {
            out += c;
            if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++state.column;
        }
    }
    state.after_space = !out.empty() && out.back() == ' ';
}

}  // namespace

void process_white_space(std::string_view in, style::WhiteSpace mode, WhiteSpaceState& state, std::string& out) {
    switch (mode) {
        case style::WhiteSpace::Normal:
        case style::WhiteSpace::Nowrap: collapse(in, false, state, out); break;
        case style::WhiteSpace::PreLine: collapse(in, true, state, out); break;
        case style::WhiteSpace::Pre:
        case style::WhiteSpace::PreWrap: preserve(in, state, out); break;
    }
}

bool is_letter(char32_t cp) {
    if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    if (cp == 0xD7 || cp == 0xF7) return false;
    return (cp >= 0xC0 && cp <= 0x24F) || (cp >= 0x370 && cp <= 0x3FF) || (cp >= 0x400 && cp <= 0x4FF) ||
           (cp >= 0x1E00 && cp <= 0x1EFF);
}

// Case mapping for the scripts council papers use (Latin, Greek, Cyrillic); the full
// Unicode tables are not worth their weight here.
char32_t to_upper(char32_t cp) {
    if (cp >= 'a' && cp <= 'z') return cp - 32;
    if (cp < 0x80) return cp;
    if (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7) return cp - 32;
    if (cp == 0xFF) return 0x178;
    if (cp >= 0x100 && cp <= 0x17F && cp != 0x131 && cp != 0x138 && cp != 0x149)
        return ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E)) ? ((cp & 1) ? cp : cp - 1)
                                                                                : ((cp & 1) ? cp - 1 : cp);
    if (cp >= 0x3B1 && cp <= 0x3C9 && cp != 0x3C2) return cp - 32;
    if (cp >= 0x430 && cp <= 0x44F) return cp - 32;
    if (cp >= 0x450 && cp <= 0x45F) return cp - 80;
    if (cp >= 0x1E00 && cp <= 0x1EFF) return cp & ~char32_t{1};
    return cp;
}

char32_t to_lower(char32_t cp) {
    if (cp >= 'A' && cp <= 'Z') return cp + 32;
    if (cp < 0x80) return cp;
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 32;
    if (cp == 0x178) return 0xFF;
    if (cp >= 0x100 && cp <= 0x17F && cp != 0x130 && cp != 0x138 && cp != 0x149)
        return ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E)) ? ((cp & 1) ? cp + 1 : cp)
                                                                                : ((cp & 1) ? cp : cp + 1);
    if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) return cp + 32;
    if (cp >= 0x410 && cp <= 0x42F) return cp + 32;
    if (cp >= 0x400 && cp <= 0x40F) return cp + 80;
    if (cp >= 0x1E00 && cp <= 0x1EFF) return cp | 1;
    return cp;
}

void transform_text(std::string& text, style::TextTransform transform, bool& at_word_start) {
    if (transform == style::TextTransform::None) {
        if (!text.empty()) at_word_start = is_collapsible_space(text.back());
        return;
    }
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        char32_t cp = next_codepoint(text, i);
        switch (transform) {
            case style::TextTransform::Uppercase: cp = to_upper(cp); break;
            case style::TextTransform::Lowercase: cp = to_lower(cp); break;
            case style::TextTransform::Capitalize:
                if (at_word_start && is_letter(cp)) cp = to_upper(cp);
                break;
            case style::TextTransform::None: break;
        }
        at_word_start = cp == ' ' || cp == '\n' || cp == no_break_space || cp == '-' || cp == '(';
        append_utf8(out, cp);
    }
    text.swap(out);
}

const std::vector<const fonts::Face*>& FaceChains::lookup(const style::ComputedStyle& style) {
    key_.clear();
    for (const auto& family : style.font_family) {
        key_ += family;
        key_ += '\x1f';
    }
    key_ += std::to_string(style.font_weight);
    key_ += style.font_style == style::FontStyle::Italic ? 'i' : 'n';
    if (auto it = cache_.find(std::string_view(key_)); it != cache_.end()) return it->second;
    auto faces = fonts_.fallback_chain(style.font_family, style.font_weight, style.font_style == style::FontStyle::Italic);
    if (faces.empty()) throw fonts::FontError{"no usable font for font-family list starting '" +
                                             (style.font_family.empty() ? std::string() : style.font_family.front()) + "'"};
    return cache_.emplace(key_, std::move(faces)).first->second;
}

SizedFace::SizedFace(const fonts::Face& face, double font_size) : face_(&face), size_(font_size) {
    for (char32_t cp = 0; cp < table_size; ++cp) {
        has_[cp] = face.has_glyph(cp);
        advance_[cp] = advance_pt(face, cp, font_size);
    }
}

SizedChain sized_chain(const std::vector<const fonts::Face*>& chain, double font_size) {
    SizedChain out;
    out.reserve(chain.size());
    for (const fonts::Face* f : chain) out.emplace_back(*f, font_size);
    return out;
}

const SizedChain& FaceChains::lookup_sized(const std::vector<const fonts::Face*>& chain, double font_size) {
    for (const Sized& s : sized_)
        if (s.chain == &chain && s.font_size == font_size) return *s.faces;
    sized_.push_back({&chain, font_size, std::make_unique<SizedChain>(sized_chain(chain, font_size))});
    return *sized_.back().faces;
}

namespace {

const SizedFace* face_for(char32_t cp, const SizedChain& chain) {
    for (const SizedFace& f : chain)
        if (f.has_glyph(cp)) return &f;
    return nullptr;
}

}  // namespace

void split_by_face(std::string_view text, const SizedChain& chain, std::vector<FaceSpan>& out,
                   std::vector<char32_t>* missing) {
    FaceSpan current;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t start = i;
        const char32_t cp = next_codepoint(text, i);
        const SizedFace* face = chain.front().has_glyph(cp) ? &chain.front() : face_for(cp, chain);
        if (face != current.sized || start != current.end) {
            if (current.face && current.end > current.begin) out.push_back(current);
            current = {face ? &face->face() : nullptr, face, start, start, 0};
        }
        if (!face) {
            if (missing) missing->push_back(cp);
            current.end = i;  // a gap: the next span starts after it
            current.begin = i;
            continue;
        }
        current.end = i;
        current.width += face->advance(cp);
    }
    if (current.face && current.end > current.begin) out.push_back(current);
}

void split_by_face(std::string_view text, const std::vector<const fonts::Face*>& chain, double font_size,
                   std::vector<FaceSpan>& out, std::vector<char32_t>* missing) {
    const std::size_t first = out.size();
    const SizedChain sized = sized_chain(chain, font_size);
    split_by_face(text, sized, out, missing);
    for (std::size_t k = first; k < out.size(); ++k) out[k].sized = nullptr;  // `sized` is gone
}

double measure(std::string_view text, const SizedChain& chain) {
    double width = 0;
    for (std::size_t i = 0; i < text.size();) {
        const char32_t cp = next_codepoint(text, i);
        if (const SizedFace* f = face_for(cp, chain)) width += f->advance(cp);
    }
    return width;
}

double measure(std::string_view text, const std::vector<const fonts::Face*>& chain, double font_size) {
    return measure(text, sized_chain(chain, font_size));
}

}  // namespace quorum::layout::shaping
