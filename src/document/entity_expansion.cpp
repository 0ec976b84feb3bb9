#include "document/entity_expansion.hpp"

#include "document/html_entities.hpp"

#include <algorithm>

namespace quorum::document {
namespace {

bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool is_xml_entity(std::string_view name) {
    return name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos";
}

// Length of a section that must be copied verbatim (comment, CDATA) starting at `i`, or 0.
std::size_t verbatim_section_length(std::string_view s, std::size_t i) {
    auto span_to = [&](std::string_view open, std::string_view close) -> std::size_t {
        if (s.compare(i, open.size(), open) != 0) return 0;
        std::size_t end = s.find(close, i + open.size());
        return end == std::string_view::npos ? s.size() - i : end + close.size() - i;
    };
    if (std::size_t n = span_to("<!--", "-->")) return n;
    return span_to("<![CDATA[", "]]>");
}

}  // namespace

std::size_t ExpandedSource::original_offset(std::size_t expanded_offset) const {
    // The last shift at or before this offset tells how many bytes were removed before it.
    auto it = std::upper_bound(shifts.begin(), shifts.end(), expanded_offset,
                               [](std::size_t off, const Shift& s) { return off < s.expanded_offset; });
    if (it == shifts.begin()) return expanded_offset;
    return expanded_offset + std::prev(it)->removed_so_far;
}

std::optional<ExpandedSource> expand_html_entities(std::string_view source, UnknownEntity& unknown) {
    ExpandedSource out;
    if (source.find('&') == std::string_view::npos) {  // the common case: nothing to do
        out.text.assign(source);
        return out;
    }
    out.text.reserve(source.size());
    std::size_t removed = 0;
    std::size_t i = 0;
    while (i < source.size()) {
        // Copy plain text up to the next '&' or '<' in one go: most of a document is neither.
        std::size_t next = i;
        while (next < source.size() && source[next] != '&' && source[next] != '<') ++next;
        out.text.append(source.substr(i, next - i));
        i = next;
        if (i >= source.size()) break;
        char c = source[i];
        if (c == '<') {
            if (std::size_t n = verbatim_section_length(source, i)) {
                out.text.append(source.substr(i, n));
                i += n;
                continue;
            }
        }
        if (c != '&') {
            out.text.push_back(c);
            ++i;
            continue;
        }
        std::size_t j = i + 1;
        while (j < source.size() && is_name_char(source[j])) ++j;
        std::string_view name = source.substr(i + 1, j - i - 1);
        bool named_reference = !name.empty() && j < source.size() && source[j] == ';';
        if (!named_reference || is_xml_entity(name)) {  // XML's own, numeric, or a bare '&'
            out.text.push_back(c);
            ++i;
            continue;
        }
        std::string_view utf8 = lookup_html_entity(name);
        if (utf8.empty()) {
            unknown = {i, std::string(name)};
            return std::nullopt;
        }
        out.text.append(utf8);
        std::size_t entity_length = name.size() + 2;
        removed += entity_length - utf8.size();
        out.shifts.push_back({out.text.size(), removed});
        i = j + 1;
    }
    return out;
}

}  // namespace quorum::document
