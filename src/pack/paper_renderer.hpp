// One paper (report, minutes, work programme, document) to XHTML and PDF: its context (from
// papers::paper_context) through templates/report.xhtml.j2, then the typesetter.
#pragma once

#include "typeset/typeset.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace quorum::pack {

struct PaperRenderOptions {
    // Template folders, searched in order; empty: the built-in templates (QUORUM_TEMPLATES_DIR).
    std::vector<std::filesystem::path> template_dirs;
    std::filesystem::path font_catalogue;  // empty: the typesetter's default
    std::filesystem::path xhtml_copy;      // non-empty: also keep the XHTML here (also when typesetting fails)
    std::filesystem::path source;          // the paper's JSON file, named in typesetting errors
};

// The template folders `options` name, or the built-in one.
std::vector<std::filesystem::path> paper_template_dirs(const PaperRenderOptions& options);

// The top-level template context: {"paper": context, "stylesheets": [absolute path of the
// first style/papers.css found in the template folders], "id_prefix": ""}.
nlohmann::json standalone_context(const nlohmann::json& paper_context, const PaperRenderOptions& options);

// report.xhtml.j2 rendered with standalone_context(). Throws tmpl::RenderError.
std::string render_paper_xhtml(const nlohmann::json& paper_context, const PaperRenderOptions& options);

// Renders the paper to `pdf`, written atomically (nothing is left behind on an error; the
// XHTML copy, if asked for, is written with the PDF, or alone when typesetting fails so the
// line the error names can be read). Throws tmpl::RenderError (template problems) and
// typeset::RenderError (typesetting problems; it names `source` and the kept XHTML, if any).
typeset::RenderResult render_paper_pdf(const nlohmann::json& paper_context, const std::filesystem::path& pdf,
                                       const PaperRenderOptions& options);

}  // namespace quorum::pack
