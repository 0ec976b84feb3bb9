// `quorum render`: an XHTML document and its stylesheets to PDF.
#include "cli/commands.hpp"

#include "typeset/typeset.hpp"

#include "cli/exit_status.hpp"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <exception>
#include <memory>
#include <string>
#include <vector>

namespace quorum::cli {
namespace {

struct RenderCommandOptions {
    std::string document;
    std::string output;  // empty: DOC with .pdf
    std::vector<std::string> stylesheets;
    std::string fonts;
};

int run_render(const RenderCommandOptions& o) {
    namespace fs = std::filesystem;
    fs::path output = o.output.empty() ? fs::path(o.document).replace_extension(".pdf") : fs::path(o.output);
    std::vector<fs::path> sheets(o.stylesheets.begin(), o.stylesheets.end());
    typeset::RenderOptions options;
    options.font_catalogue = o.fonts;
    return exit_status_of(o.document, [&] {
        try {
            const typeset::RenderResult result = typeset::render_document(o.document, sheets, output, options);
            for (const auto& w : result.warnings) std::fprintf(stderr, "%s\n", w.c_str());
            return 0;
        } catch (const typeset::RenderError& e) {
            std::fprintf(stderr, "%s\n", e.message.c_str());
            return 1;
        }
    });
}

}  // namespace

void add_render_command(CLI::App& app) {
    auto options = std::make_shared<RenderCommandOptions>();
    CLI::App* render = app.add_subcommand("render", "Typeset an XHTML document with its CSS into a PDF");
    render->add_option("document", options->document, "The XHTML document")->required();
    render->add_option("-o,--output", options->output, "The PDF to write (default: DOC with .pdf)");
    render->add_option("--stylesheet", options->stylesheets, "A further stylesheet, after the document's own (repeatable)")
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    render->add_option("--fonts", options->fonts, "Font catalogue JSON (default: the built-in fonts/catalogue.json)");
    render->callback([options] {
        finish_with(run_render(*options));
    });
}

}  // namespace quorum::cli
