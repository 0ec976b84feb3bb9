// Subcommands that register themselves with the CLI11 app and run from its callback.
#pragma once

namespace CLI {
class App;
}

namespace quorum::cli {

// `quorum render DOC.xhtml [-o OUT.pdf] [--stylesheet FILE]... [--fonts CATALOGUE]`.
// Runs as a CLI11 callback and ends the parse with the process exit code (0 ok, 1 user
// error, 2 internal error) through CLI's exceptions, so main() needs only this one call.
void add_render_command(CLI::App& app);

// `quorum pack MEETING.json [-o OUTDIR] [--audience public|members] [--supplement] [--quiet]`.
void add_pack_command(CLI::App& app);

// `quorum validate FILE.json...`: papers and meetings checked against the data model.
void add_validate_command(CLI::App& app);

// `quorum report REPORT.json [-o OUT.pdf] [--templates DIR] [--xhtml OUT.xhtml] [--fonts CATALOGUE]`.
void add_report_command(CLI::App& app);

}  // namespace quorum::cli
