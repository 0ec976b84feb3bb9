// `quorum report REPORT.json [-o OUT.pdf]`: validate, derive, template, typeset.
#include "cli/commands.hpp"

#include "pack/paper_renderer.hpp"
#include "papers/paper.hpp"
#include "template/error.hpp"

#include "cli/exit_status.hpp"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <exception>
#include <memory>
#include <string>
#include <vector>

namespace quorum::cli {
namespace {

namespace fs = std::filesystem;

struct ReportCommandOptions {
    std::string paper;
    std::string output;  // empty: output/<stem>.pdf
    std::vector<std::string> template_dirs;
    std::string xhtml;
    std::string fonts;
};

void print_issues(const papers::Issues& issues) {
    for (const auto& issue : issues) std::fprintf(stderr, "%s\n", papers::format_line(issue).c_str());
}

int run_report(const ReportCommandOptions& o) {
    const fs::path output = o.output.empty() ? fs::path("output") / fs::path(o.paper).stem().concat(".pdf") : fs::path(o.output);
    return exit_status_of(o.paper, [&] {
        try {
            papers::Issues issues;
            if (const auto document = papers::read_json_file(o.paper, issues);
                document && papers::schema_for(*document) == "meeting.schema.json") {
                issues.push_back({o.paper, "", "found a meeting file, expected a paper (render a meeting with quorum pack)"});
            }
            if (!issues.empty()) return print_issues(issues), 1;
            const std::optional<nlohmann::json> paper = papers::load_paper(o.paper, issues);
            if (!paper) return print_issues(issues), 1;
            const nlohmann::json context = papers::paper_context(*paper, o.paper, issues);
            if (!issues.empty()) return print_issues(issues), 1;
            pack::PaperRenderOptions options;
            options.template_dirs.assign(o.template_dirs.begin(), o.template_dirs.end());
            options.font_catalogue = o.fonts;
            options.xhtml_copy = o.xhtml;
            options.source = o.paper;
            const typeset::RenderResult result = pack::render_paper_pdf(context, output, options);
            for (const auto& warning : result.warnings) std::fprintf(stderr, "%s\n", warning.c_str());
            return 0;
        } catch (const tmpl::RenderError& e) {
            std::fprintf(stderr, "%s", e.format().c_str());
            return 1;
        } catch (const typeset::RenderError& e) {
            std::fprintf(stderr, "%s\n", e.message.c_str());
            return 1;
        }
    });
}

}  // namespace

void add_report_command(CLI::App& app) {
    auto options = std::make_shared<ReportCommandOptions>();
    CLI::App* cmd = app.add_subcommand("report", "Render a paper (report, minutes, work programme, document) to PDF");
    cmd->add_option("paper", options->paper, "The paper's JSON file")->required();
    cmd->add_option("-o,--output", options->output, "The PDF to write (default: output/<file stem>.pdf)");
    cmd->add_option("--templates", options->template_dirs, "Template folder (repeatable; default: the built-in templates)")
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
        ->check(CLI::ExistingDirectory);
    cmd->add_option("--xhtml", options->xhtml, "Also write the XHTML the templates made here");
    cmd->add_option("--fonts", options->fonts, "Font catalogue JSON (default: the built-in fonts/catalogue.json)");
    cmd->footer(
        "Problems in the paper print as FILE: /json/pointer: found …, expected … (all of them);\n"
        "nothing is written then. Exit status: 0 rendered, 1 a problem with the input, 2 internal error.");
    cmd->callback([options] {
        finish_with(run_report(*options));
    });
}

}  // namespace quorum::cli
