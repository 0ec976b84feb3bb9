// `quorum render-template`: renders one template with a JSON data file.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace quorum::cli {

struct RenderTemplateOptions {
    std::string entry;                               // template name relative to the folders
    std::vector<std::filesystem::path> template_dirs;
    std::filesystem::path data_file;
    std::filesystem::path output;                    // empty: stdout
};

// Adds the subcommand to `app`; `options` receives the parsed values.
CLI::App* add_render_template_command(CLI::App& app, RenderTemplateOptions& options);

// Runs it. Returns the process exit code: 0 done, 1 template/data error (one
// "FILE:LINE:COL: error: ..." line on stderr, nothing on stdout, no output file), 2 internal error.
int run_render_template(const RenderTemplateOptions& options);

}  // namespace quorum::cli
