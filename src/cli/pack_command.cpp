// `quorum pack`: a meeting file to its agenda pack, per-item PDFs, HTML and manifest.
#include "cli/commands.hpp"

#include "pack/pack_builder.hpp"

#include "cli/exit_status.hpp"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <exception>
#include <filesystem>
#include <memory>
#include <string>
#include <unistd.h>
#include <vector>

namespace quorum::cli {
namespace {

struct PackCommandOptions {
    std::string meeting;
    std::string out_dir = "output";
    std::string audience = "public";
    bool supplement = false;
    bool quiet = false;
    std::vector<std::string> templates;
    std::string fonts;
};

pack::PackRequest to_request(const PackCommandOptions& o) {
    pack::PackRequest request;
    request.meeting_file = o.meeting;
    request.out_dir = o.out_dir;
    request.audience = o.audience == "members" ? pack::Audience::Members : pack::Audience::Public;
    request.supplement = o.supplement;
    request.template_dirs.assign(o.templates.begin(), o.templates.end());
    request.font_catalogue = o.fonts;
    return request;
}

void print_line(const std::string& line) { std::fprintf(stderr, "%s\n", line.c_str()); }

int run_pack(const PackCommandOptions& o) {
    // Progress is for a person watching; logs and test runs get warnings and errors only.
    const bool show_progress = !o.quiet && ::isatty(STDERR_FILENO);
    const pack::ProgressFn progress = [show_progress](const std::string& line) {
        if (show_progress) print_line("quorum pack: " + line);
    };
    return exit_status_of(o.meeting, [&] {
        try {
            const pack::PackSummary summary = pack::make_pack(to_request(o), progress, print_line);
            progress("wrote " + summary.pack_pdf.string() + " (" + std::to_string(summary.pages) + " pages)");
            return 0;
        } catch (const pack::PackFailure& failure) {
            for (const std::string& message : failure.messages) print_line(message);
            print_line("quorum pack: " + std::to_string(failure.messages.size()) +
                       (failure.messages.size() == 1 ? " problem" : " problems") + "; nothing was written");
            return 1;
        } catch (const std::filesystem::filesystem_error& e) {
            // An output folder that cannot be made or written: the user's to fix, not a bug.
            print_line(o.out_dir + ": error: " + e.code().message() + " (" + e.what() + ")");
            return 1;
        }
    });
}

}  // namespace

void add_pack_command(CLI::App& app) {
    auto options = std::make_shared<PackCommandOptions>();
    CLI::App* pack = app.add_subcommand("pack", "Make a meeting's agenda pack: PDF, per-item PDFs, HTML and manifest");
    pack->add_option("meeting", options->meeting, "The meeting file (data/meetings/*.json)")->required();
    pack->add_option("-o,--output", options->out_dir, "Output folder (default: output)");
    pack->add_option("--audience", options->audience, "public (default): exempt items show their title only; members")
        ->check(CLI::IsMember({"public", "members"}));
    pack->add_flag("--supplement", options->supplement, "Only the items marked to_follow, with their own cover");
    pack->add_flag("--quiet", options->quiet, "No progress lines on stderr");
    pack->add_option("--templates", options->templates, "A template folder searched before the built-in one (repeatable)")
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
        ->check(CLI::ExistingDirectory);
    pack->add_option("--fonts", options->fonts, "Font catalogue JSON (default: the built-in fonts/catalogue.json)");
    pack->footer(
        "Writes OUTDIR/<committee>-<date>-agenda-pack.pdf, OUTDIR/items/*.pdf, OUTDIR/<committee>-<date>-agenda.html\n"
        "with OUTDIR/html/, and OUTDIR/manifest.json, all at once when the whole run succeeds.\n"
        "Exit status: 0 written, 1 a problem with the inputs (all listed, nothing written), 2 internal error.");
    pack->callback([options] {
        finish_with(run_pack(*options));
    });
}

}  // namespace quorum::cli
