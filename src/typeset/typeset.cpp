#include "typeset/typeset.hpp"

#include "document/document.hpp"
#include "fonts/fonts.hpp"
#include "layout/layout.hpp"
#include "pdf/pdf_writer.hpp"
#include "style/cascade.hpp"

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <unordered_set>

namespace quorum::typeset {
namespace {

std::optional<std::string> read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) return std::nullopt;
    return std::move(text).str();
}

std::string position_prefix(const std::filesystem::path& file, document::SourcePosition pos) {
    return file.string() + ":" + std::to_string(std::max(pos.line, 1)) + ":" + std::to_string(std::max(pos.column, 1));
}

// The document's own stylesheets, then the extra ones. A missing <link>ed sheet is a
// warning (a browser would render without it too); a missing --stylesheet is an error.
void load_stylesheets(const document::Document& doc, const std::vector<std::filesystem::path>& extra,
                      style::Cascade& cascade, std::vector<std::string>& warnings) {
    for (const auto& source : doc.style_sources()) {
        if (!source.is_link) {
            cascade.add_stylesheet(source.text, source.file.string(), std::max(source.position.line, 1));
            continue;
        }
        auto text = read_file(source.file);
        if (!text) {
            warnings.push_back(position_prefix(doc.source_path, source.position) +
                               ": warning: cannot read linked stylesheet " + source.file.string());
            continue;
        }
        cascade.add_stylesheet(*text, source.file.string());
    }
    for (const auto& path : extra) {
        auto text = read_file(path);
        if (!text) throw RenderError{path.string() + ":1:1: error: cannot read stylesheet"};
        cascade.add_stylesheet(*text, path.string());
    }
}

fonts::FontCatalogue load_fonts(const RenderOptions& options) {
    const auto catalogue = options.font_catalogue.empty() ? default_font_catalogue() : options.font_catalogue;
    try {
        return fonts::FontCatalogue::load(catalogue);
    } catch (const fonts::FontError& e) {
        throw RenderError{e.message};
    }
}

void append_unique(std::vector<std::string>& to, const std::vector<std::string>& from) {
    std::unordered_set<std::string> seen(to.begin(), to.end());
    for (const auto& w : from)
        if (seen.insert(w).second) to.push_back(w);
}

// Layout knows where in the document a warning arises ("12:3: warning: ...", from the
// boxes' source positions) but not the file's name: it is added here.
std::vector<std::string> with_document_name(std::vector<std::string> warnings, const std::filesystem::path& xhtml) {
    for (std::string& w : warnings)
        if (!w.empty() && std::isdigit(static_cast<unsigned char>(w.front()))) w = xhtml.string() + ":" + w;
    return warnings;
}

}  // namespace

std::filesystem::path default_font_catalogue() {
    if (const char* dir = std::getenv("QUORUM_FONTS"); dir && *dir) return std::filesystem::path(dir) / "catalogue.json";
    return std::filesystem::path(QUORUM_FONTS_DIR) / "catalogue.json";
}

RenderResult render_document(const std::filesystem::path& xhtml, const std::vector<std::filesystem::path>& extra_stylesheets,
                             const std::filesystem::path& pdf_path, const RenderOptions& options) {
    RenderResult result;
    document::Document doc;
    try {
        doc = document::parse_file(xhtml);
    } catch (const document::DocumentError& e) {
        throw RenderError{e.formatted()};
    }
    style::Cascade cascade;
    cascade.set_document_name(xhtml.string());  // so style="" warnings name the file
    load_stylesheets(doc, extra_stylesheets, cascade, result.warnings);
    const fonts::FontCatalogue fonts = load_fonts(options);

    layout::LayoutOptions layout_options;
    layout_options.max_passes = options.max_layout_passes;
    layout::LaidOutDocument laid_out;
    try {
        // Hands the document over: layout frees it once its boxes are built.
        laid_out = layout::lay_out(std::move(doc), cascade, fonts, layout_options);
    } catch (const fonts::FontError& e) {
        throw RenderError{e.message};
    }
    append_unique(result.warnings, cascade.warnings());
    append_unique(result.warnings, with_document_name(std::move(laid_out.warnings), xhtml));

    pdf::PdfOptions pdf_options;
    if (options.creation_time) pdf_options.creation_time = *options.creation_time;
    try {
        pdf::write_pdf(laid_out, pdf_path, pdf_options);
    } catch (const pdf::PdfError& e) {
        throw RenderError{e.message};
    }
    result.page_count = static_cast<int>(laid_out.pages.size());
    for (const auto& anchor : laid_out.anchors) result.anchor_pages.emplace(anchor.id, anchor.page + 1);
    return result;
}

}  // namespace quorum::typeset
