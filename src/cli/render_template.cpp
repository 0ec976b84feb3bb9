#include "cli/render_template.hpp"

#include "template/environment.hpp"
#include "template/error.hpp"
#include "template/json_data.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <unistd.h>

namespace quorum::cli {

namespace fs = std::filesystem;
using tmpl::RenderError;

namespace {

// Deeper JSON nesting than this is refused: templates never need it and very deep
// values would exhaust the stack when they are destroyed.
constexpr int kMaxJsonDepth = 512;

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw RenderError(RenderError::Kind::Data, "cannot read the data file", {path.string(), 1, 1});
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Offset of the quote closing the string whose contents start at `from` (or the end).
// memchr finds each candidate quote; it is escaped when an odd run of backslashes precedes it.
std::size_t closing_quote(const std::string& text, std::size_t from) {
    for (std::size_t i = from; i < text.size(); ++i) {
        const void* quote = std::memchr(text.data() + i, '"', text.size() - i);
        if (!quote) return text.size();
        i = static_cast<std::size_t>(static_cast<const char*>(quote) - text.data());
        std::size_t backslashes = 0;
        while (i - backslashes > from && text[i - backslashes - 1] == '\\') ++backslashes;
        if (backslashes % 2 == 0) return i;
    }
    return text.size();
}

// Offset of the bracket that opens level kMaxJsonDepth + 1, or npos. A tight scan (strings
// skipped whole, no line counting): it runs over every byte of large data files.
std::size_t too_deep_at(const std::string& text) {
    int depth = 0;
    const std::size_t n = text.size();
    for (std::size_t i = 0; i < n; ++i) {
        char c = text[i];
        if (c == '"') {
            i = closing_quote(text, i + 1);
        } else if (c == '[' || c == '{') {
            if (++depth > kMaxJsonDepth) return i;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return std::string::npos;
}

void check_json_depth(const std::string& text, const std::string& file) {
    std::size_t at = too_deep_at(text);
    if (at == std::string::npos) return;
    // Line and (byte) column of the offending bracket, counted only now that we fail.
    std::size_t line_start = text.rfind('\n', at);
    line_start = line_start == std::string::npos ? 0 : line_start + 1;
    int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
    int column = 1 + static_cast<int>(at - line_start);
    throw RenderError(RenderError::Kind::Data, "JSON nesting deeper than " + std::to_string(kMaxJsonDepth) + " levels",
                      {file, line, column});
}

tmpl::Value load_context(const fs::path& data_file) {
    std::string text = read_file(data_file);
    check_json_depth(text, data_file.string());
    tmpl::Value data = tmpl::parse_json_data(text, data_file.string());
    if (!data.is_dict())
        throw RenderError(RenderError::Kind::Data,
                          "the data file's top-level JSON value must be an object, not " + tmpl::type_name(data),
                          {data_file.string(), 1, 1});
    return data;
}

// Writes via a temporary file in the same folder, renamed into place: a failed run
// never leaves a partial or stale-looking output.
void write_output(const fs::path& output, const std::string& text) {
    fs::path dir = output.parent_path();
    if (!dir.empty()) fs::create_directories(dir);
    fs::path temp = output;
    temp += ".tmp-" + std::to_string(::getpid());
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out) throw std::runtime_error("cannot write " + temp.string());
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        if (!out) throw std::runtime_error("cannot write " + temp.string());
    }
    std::error_code ec;
    fs::rename(temp, output, ec);
    if (ec) {
        fs::remove(temp);
        throw std::runtime_error("cannot write " + output.string() + ": " + ec.message());
    }
}

// Freeing a large data tree node by node costs ~10% of a 5,000-row render, and the process
// is about to exit: keep the last context reachable (so leak checkers see no loss) and let
// the OS reclaim it. A later call in the same process frees the previous one.
void keep_until_exit(tmpl::Value context) {
    static tmpl::Value* kept = nullptr;
    delete kept;
    kept = new tmpl::Value(std::move(context));
}

}  // namespace

CLI::App* add_render_template_command(CLI::App& app, RenderTemplateOptions& options) {
    CLI::App* cmd = app.add_subcommand("render-template",
                                       "Render a Jinja2-compatible template with a JSON data file as its context");
    cmd->add_option("entry", options.entry, "Template to render, named relative to the template folders")->required();
    cmd->add_option("--templates", options.template_dirs,
                    "Template folder (repeatable; searched in order). Templates outside them are refused")
        ->required()
        ->check(CLI::ExistingDirectory);
    cmd->add_option("--data", options.data_file, "JSON file whose top-level object is the template context")
        ->required();
    cmd->add_option("-o,--output", options.output, "Write the result here instead of stdout");
    cmd->footer(
        "On an error nothing is written and stderr's first line is FILE:LINE:COL: error: MESSAGE,\n"
        "followed by the include/extends chain for errors inside included templates.\n"
        "Exit status: 0 rendered, 1 template or data error, 2 internal error.");
    return cmd;
}

int run_render_template(const RenderTemplateOptions& options) {
    try {
        tmpl::Value context = load_context(options.data_file);
        tmpl::Environment env(options.template_dirs);
        std::string text = env.render(options.entry, context);
        if (options.output.empty()) {
            std::fwrite(text.data(), 1, text.size(), stdout);
            std::fflush(stdout);
        } else {
            write_output(options.output, text);
        }
        keep_until_exit(std::move(context));
        return 0;
    } catch (const RenderError& e) {
        std::cerr << e.format();
        return 1;
    } catch (const tmpl::TemplateError& e) {  // should not escape the engine; report it anyway
        std::cerr << options.entry << ":1:1: error: " << e.message << "\n";
        return 1;
    } catch (const std::bad_alloc&) {
        std::cerr << options.entry << ":1:1: error: out of memory\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "quorum: internal error: " << e.what() << "\n";
        return 2;
    }
}

}  // namespace quorum::cli
