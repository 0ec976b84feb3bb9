// `quorum validate FILE.json...`: checks papers (any kind) and meetings without rendering.
#include "cli/commands.hpp"

#include "pack/meeting.hpp"
#include "papers/paper.hpp"
#include "papers/schema.hpp"

#include "cli/exit_status.hpp"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <exception>
#include <memory>
#include <string>
#include <vector>

namespace quorum::cli {
namespace {

// A paper: schema problems, then (when it matches the schema) the council's rules, since a
// stated figure that disagrees with the derived one is an error too. A meeting: everything
// `quorum pack` would check — the meeting file, every item's paper and appendix, for the
// members' pack (which has every item).
papers::Issues check_file(const std::string& file) {
    papers::Issues issues;
    const std::optional<nlohmann::json> document = papers::read_json_file(file, issues);
    if (!document) return issues;
    if (papers::schema_for(*document) == "meeting.schema.json") {
        pack::load_meeting(file, {pack::Audience::Members, false}, issues);
        return issues;
    }
    papers::validate_against_schema(*document, "report.schema.json", file, issues);
    if (issues.empty()) papers::paper_context(*document, file, issues);
    return issues;
}

int run_validate(const std::vector<std::string>& files) {
    bool all_valid = true;
    for (const auto& file : files) {
        const int status = exit_status_of(file, [&] {
            const papers::Issues issues = check_file(file);
            for (const auto& issue : issues) std::fprintf(stderr, "%s\n", papers::format_line(issue).c_str());
            if (issues.empty()) std::printf("%s: ok\n", file.c_str());
            return issues.empty() ? 0 : 1;
        });
        if (status == 2) return 2;
        all_valid = all_valid && status == 0;
    }
    return all_valid ? 0 : 1;
}

}  // namespace

void add_validate_command(CLI::App& app) {
    auto files = std::make_shared<std::vector<std::string>>();
    CLI::App* cmd = app.add_subcommand("validate", "Check papers and meeting files against the data model, without rendering");
    cmd->add_option("files", *files, "Paper (report, minutes, work programme, document) or meeting JSON files")
        ->required();
    cmd->footer(
        "Each valid file prints FILE: ok; each problem prints FILE: /json/pointer: found …, expected …\n"
        "(all problems of all files). Exit status: 0 all valid, 1 a problem in a file, 2 internal error.");
    cmd->callback([files] {
        const int code = run_validate(*files);
        std::fflush(stdout);
        finish_with(code);
    });
}

}  // namespace quorum::cli
