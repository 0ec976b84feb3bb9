// The `quorum` command line.
#include "cli/commands.hpp"
#include "cli/render_template.hpp"

#include "quorum/version.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

int main(int argc, char** argv) {
    CLI::App app{"Quorum: council committee papers from JSON data and Jinja-style templates"};
    app.set_version_flag("--version", std::string("quorum ") + quorum::kVersion);
    app.require_subcommand(1);

    quorum::cli::RenderTemplateOptions render_options;
    CLI::App* render = quorum::cli::add_render_template_command(app, render_options);
    quorum::cli::add_render_command(app);  // runs from its own callback
    quorum::cli::add_validate_command(app);  // runs from its own callback
    quorum::cli::add_report_command(app);    // runs from its own callback

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    }
    if (render->parsed()) return quorum::cli::run_render_template(render_options);
    return 2;
}
