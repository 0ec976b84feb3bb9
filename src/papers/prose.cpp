#include "papers/prose.hpp"

#include <string>

namespace quorum::papers {

using nlohmann::json;

int Footnotes::add(json runs) {
    const int number = static_cast<int>(notes_.size()) + 1;
    notes_.push_back({{"number", number}, {"runs", std::move(runs)}});
    return number;
}

namespace {

constexpr std::string_view kEscapable = "*[]^\\";
constexpr int kMaxNesting = 16;  // "*[**^[*…" nesting deeper than this is read as literal text

struct Style {
    bool bold = false;
    bool italic = false;
    std::string href;
    bool in_note = false;
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool starts_with_at(std::string_view text, std::size_t at, std::string_view prefix) {
    return text.substr(at, prefix.size()) == prefix;
}

// Builds the run list, merging neighbours with the same style.
class RunWriter {
public:
    void text(std::string_view piece, const Style& style) {
        if (piece.empty()) return;
        if (!runs_.empty() && same_style(runs_.back(), style) && !runs_.back().contains("footnote")) {
            runs_.back()["text"] = runs_.back()["text"].get<std::string>() + std::string(piece);
            return;
        }
        json run = {{"text", std::string(piece)}};
        if (style.bold) run["bold"] = true;
        if (style.italic) run["italic"] = true;
        if (!style.href.empty()) run["href"] = style.href;
        runs_.push_back(std::move(run));
    }
    void footnote(int number) { runs_.push_back({{"text", ""}, {"footnote", number}}); }
    json take() { return std::move(runs_); }

private:
    json runs_ = json::array();
    static bool same_style(const json& run, const Style& style) {
        return run.contains("bold") == style.bold && run.contains("italic") == style.italic &&
               run.value("href", std::string()) == style.href;
    }
};

class ProseParser {
public:
    ProseParser(std::string_view text, Footnotes& footnotes) : text_(text), footnotes_(footnotes) {}

    json parse() {
        RunWriter out;
        parse_span(0, text_.size(), Style{}, 0, out);
        return out.take();
    }

private:
    std::string_view text_;
    Footnotes& footnotes_;

    // The offset of the bracket closing the one at `open` ('[' … ']' or '(' … ')'), nested
    // pairs and escapes skipped; npos if it does not close before `end`.
    std::size_t closing(std::size_t open, std::size_t end, char opener, char closer) const {
        int depth = 0;
        for (std::size_t i = open; i < end; ++i) {
            if (text_[i] == '\\') ++i;
            else if (text_[i] == opener) ++depth;
            else if (text_[i] == closer && --depth == 0) return i;
        }
        return std::string_view::npos;
    }

    // The offset of the emphasis delimiter (`marker`, "*" or "**") closing one opened at
    // `from`: preceded by a non-space; for "*", not part of a "**" (which nests inside).
    std::size_t closing_emphasis(std::size_t from, std::size_t end, std::string_view marker) const {
        for (std::size_t i = from; i < end; ++i) {
            if (text_[i] == '\\') {
                ++i;
                continue;
            }
            if (text_[i] == '[') {  // a link or footnote's text is its own span
                const std::size_t close = closing(i, end, '[', ']');
                if (close != std::string_view::npos) i = close;
                continue;
            }
            if (text_[i] != '*') continue;
            const bool is_double = i + 1 < end && text_[i + 1] == '*';
            if (marker == "*" && is_double) {
                ++i;  // skip an inner "**"
                continue;
            }
            if (marker == "**" && !is_double) continue;
            if (i > from && !is_space(text_[i - 1])) return i;
            if (is_double) ++i;
        }
        return std::string_view::npos;
    }

    std::size_t bare_url_end(std::size_t at, std::size_t end) const {
        std::size_t i = at;
        int parens = 0;
        while (i < end && !is_space(text_[i])) {
            if (text_[i] == '(') ++parens;
            if (text_[i] == ')' && --parens < 0) break;
            ++i;
        }
        // A sentence's full stop or comma after a link is not part of it.
        while (i > at && std::string_view(".,;:!?'\"").find(text_[i - 1]) != std::string_view::npos) --i;
        return i;
    }

    bool url_starts(std::size_t at) const {
        if (at > 0 && !is_space(text_[at - 1]) && text_[at - 1] != '(') return false;
        return starts_with_at(text_, at, "https://") || starts_with_at(text_, at, "http://") ||
               starts_with_at(text_, at, "www.");
    }

    // Each construct returns the offset after it, or npos when it does not apply here
    // (then its opening character is literal text).
    std::size_t try_footnote(std::size_t at, std::size_t end, const Style& style, int depth, RunWriter& out) {
        if (style.in_note) return std::string_view::npos;  // a note within a note is literal text
        const std::size_t close = closing(at + 1, end, '[', ']');
        if (close == std::string_view::npos) return close;
        RunWriter note;
        Style note_style;
        note_style.in_note = true;
        parse_span(at + 2, close, note_style, depth + 1, note);
        out.footnote(footnotes_.add(note.take()));
        return close + 1;
    }

    std::size_t try_link(std::size_t at, std::size_t end, const Style& style, int depth, RunWriter& out) {
        const std::size_t close = closing(at, end, '[', ']');
        if (close == std::string_view::npos || close + 1 >= end || text_[close + 1] != '(') return std::string_view::npos;
        const std::size_t paren = closing(close + 1, end, '(', ')');
        if (paren == std::string_view::npos) return paren;
        Style linked = style;
        linked.href = unescape(text_.substr(close + 2, paren - close - 2));
        if (linked.href.empty() || close == at + 1) return std::string_view::npos;
        parse_span(at + 1, close, linked, depth + 1, out);
        return paren + 1;
    }

    std::size_t try_emphasis(std::size_t at, std::size_t end, const Style& style, int depth, RunWriter& out) {
        const bool is_double = at + 1 < end && text_[at + 1] == '*';
        const std::string_view marker = is_double ? "**" : "*";
        const std::size_t inner = at + marker.size();
        if (inner >= end || is_space(text_[inner])) return std::string_view::npos;
        const std::size_t close = closing_emphasis(inner, end, marker);
        if (close == std::string_view::npos) return close;
        Style emphasised = style;
        (is_double ? emphasised.bold : emphasised.italic) = true;
        parse_span(inner, close, emphasised, depth + 1, out);
        return close + marker.size();
    }

    static std::string unescape(std::string_view text) {
        std::string out;
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (text[i] == '\\' && i + 1 < text.size() && kEscapable.find(text[i + 1]) != std::string_view::npos) ++i;
            out += text[i];
        }
        return out;
    }

    void parse_span(std::size_t begin, std::size_t end, const Style& style, int depth, RunWriter& out) {
        std::size_t literal_from = begin;
        auto flush = [&](std::size_t upto) {
            out.text(unescape(text_.substr(literal_from, upto - literal_from)), style);
            literal_from = upto;
        };
        std::size_t i = begin;
        while (i < end) {
            const char c = text_[i];
            std::size_t after = std::string_view::npos;
            if (c == '\\' && i + 1 < end) {
                i += 2;  // escapes are resolved by unescape() with the surrounding literal text
                continue;
            }
            if (depth < kMaxNesting) {
                if (c == '^' && i + 1 < end && text_[i + 1] == '[') {
                    flush(i);
                    after = try_footnote(i, end, style, depth, out);
                } else if (c == '[') {
                    flush(i);
                    after = try_link(i, end, style, depth, out);
                } else if (c == '*') {
                    flush(i);
                    after = try_emphasis(i, end, style, depth, out);
                } else if (style.href.empty() && url_starts(i)) {
                    flush(i);
                    const std::size_t url_end = bare_url_end(i, end);
                    Style linked = style;
                    const std::string url(text_.substr(i, url_end - i));
                    linked.href = url.rfind("www.", 0) == 0 ? "https://" + url : url;
                    out.text(url, linked);
                    after = url_end;
                }
            }
            if (after == std::string_view::npos) {
                // Not a construct here: the character stays in the literal text.
                i += (c == '*' && i + 1 < end && text_[i + 1] == '*') ? 2 : 1;
                continue;
            }
            i = after;
            literal_from = i;
        }
        flush(end);
    }
};

}  // namespace

json prose_runs(std::string_view text, Footnotes& footnotes) { return ProseParser(text, footnotes).parse(); }

std::string plain_text(const json& runs) {
    std::string out;
    if (!runs.is_array()) return out;
    for (const auto& run : runs)
        if (run.is_object() && run.contains("text") && run["text"].is_string()) out += run["text"].get<std::string>();
    return out;
}

}  // namespace quorum::papers
