// The `quorum` command line.
#include "cli/commands.hpp"
#include "cli/render_template.hpp"

#include "quorum/version.hpp"

#include <CLI/CLI.hpp>

#include <malloc.h>

#include <iostream>

namespace {

// Peak memory (issue 3). One malloc arena for every thread: each PDF page compressor would
// otherwise touch an arena of its own. Blocks of 64 KiB and more come straight from mmap and
// go back to the system when freed, instead of leaving holes in the heap that layout's next,
// differently sized vectors cannot reuse (glibc would also raise this threshold as such
// blocks are freed). Render at 81 pages: 17.8 -> 17.3 MB; at 805 pages: 91 -> 83 MB.
void tune_malloc() {
    mallopt(M_ARENA_MAX, 1);
    mallopt(M_MMAP_THRESHOLD, 64 * 1024);
}

}  // namespace

int main(int argc, char** argv) {
    tune_malloc();
    CLI::App app{"Quorum: council committee papers from JSON data and Jinja-style templates"};
    app.set_version_flag("--version", std::string("quorum ") + quorum::kVersion);
    app.require_subcommand(1);

    quorum::cli::RenderTemplateOptions render_options;
    CLI::App* render = quorum::cli::add_render_template_command(app, render_options);
    // These run from their own callbacks and end the parse with their exit status.
    quorum::cli::add_render_command(app);
    quorum::cli::add_validate_command(app);
    quorum::cli::add_report_command(app);
    quorum::cli::add_pack_command(app);

    try {
        app.parse(argc, argv);
    } catch (const CLI::RuntimeError& e) {  // a command's own exit status (0, 1 or 2)
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        // --help and --version exit 0; a usage mistake is a user error (1), whatever
        // internal code CLI11 gives it, so scripts can rely on 0 / 1 / 2.
        return app.exit(e) == 0 ? 0 : 1;
    }
    if (render->parsed()) return quorum::cli::run_render_template(render_options);
    return 2;
}
