#include "pack/paper_renderer.hpp"

#include "template/environment.hpp"
#include "template/json_data.hpp"

#include "io/files.hpp"

#include <atomic>
#include <chrono>
#include <fstream>
#include <stdexcept>
#include <unistd.h>

#ifndef QUORUM_TEMPLATES_DIR
#error "QUORUM_TEMPLATES_DIR must be defined (src/CMakeLists.txt, stage papers)"
#endif

namespace quorum::pack {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr const char* kEntryTemplate = "report.xhtml.j2";
constexpr const char* kStylesheet = "style/papers.css";

// A fresh folder for one render's intermediate XHTML, removed when the render ends.
class ScratchFolder {
public:
    ScratchFolder() {
        static std::atomic<int> counter{0};
        const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
        path_ = fs::temp_directory_path() /
                ("quorum-paper-" + std::to_string(::getpid()) + "-" + std::to_string(stamp) + "-" + std::to_string(counter++));
        fs::create_directories(path_);
    }
    ~ScratchFolder() {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    ScratchFolder(const ScratchFolder&) = delete;
    ScratchFolder& operator=(const ScratchFolder&) = delete;
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

// A failed write names the file and the system's reason (a full disk, a missing permission).
void throw_if_failed(const fs::path& path, std::error_code error) {
    if (error) throw typeset::RenderError{path.string() + ":1:1: error: cannot write the file: " + error.message()};
}

void write_text(const fs::path& path, const std::string& text) { throw_if_failed(path, io::write_text(path, text)); }

void write_atomically(const fs::path& path, const std::string& text) {
    throw_if_failed(path, io::write_text_atomically(path, text));
}

// Creates the folders `file` will need; on destruction, unless kept, removes the ones it
// created, so a failed render leaves no trace (not even an empty output/ folder).
class OutputFolders {
public:
    explicit OutputFolders(const fs::path& file) {
        fs::path dir = file.parent_path();
        while (!dir.empty() && !fs::exists(dir)) {
            created_ = dir;
            dir = dir.parent_path();
        }
        if (!created_.empty()) fs::create_directories(file.parent_path());
    }
    ~OutputFolders() {
        std::error_code ignored;
        if (!kept_ && !created_.empty()) fs::remove_all(created_, ignored);
    }
    OutputFolders(const OutputFolders&) = delete;
    OutputFolders& operator=(const OutputFolders&) = delete;
    void keep() { kept_ = true; }

private:
    fs::path created_;  // the outermost folder that did not exist
    bool kept_ = false;
};

}  // namespace

std::vector<fs::path> paper_template_dirs(const PaperRenderOptions& options) {
    if (!options.template_dirs.empty()) return options.template_dirs;
    return {fs::path(QUORUM_TEMPLATES_DIR)};
}

json standalone_context(const json& paper_context, const PaperRenderOptions& options) {
    json stylesheets = json::array();
    for (const fs::path& dir : paper_template_dirs(options)) {
        const fs::path sheet = dir / kStylesheet;
        if (fs::exists(sheet)) {
            stylesheets.push_back(fs::absolute(sheet).lexically_normal().string());
            break;
        }
    }
    return {{"paper", paper_context}, {"stylesheets", stylesheets}, {"id_prefix", ""}};
}

std::string render_paper_xhtml(const json& paper_context, const PaperRenderOptions& options) {
    // nlohmann::json keeps keys sorted, the template engine keeps them as given: the context's
    // order lives in its arrays (sections, blocks, items), never in key order.
    const tmpl::Value context =
        tmpl::parse_json_data(standalone_context(paper_context, options).dump(), "<paper context>");
    tmpl::Environment environment(paper_template_dirs(options));
    return environment.render(kEntryTemplate, context);
}

typeset::RenderResult render_paper_pdf(const json& paper_context, const fs::path& pdf,
                                       const PaperRenderOptions& options) {
    const std::string xhtml = render_paper_xhtml(paper_context, options);
    ScratchFolder scratch;
    const fs::path document = scratch.path() / "paper.xhtml";
    write_text(document, xhtml);
    typeset::RenderOptions typeset_options;
    typeset_options.font_catalogue = options.font_catalogue;
    OutputFolders pdf_folders(pdf);
    typeset::RenderResult result;
    try {
        result = typeset::render_document(document, {}, pdf, typeset_options);
    } catch (typeset::RenderError& e) {
        // The typesetter names the scratch XHTML, removed when this returns: name the paper's
        // JSON file, and keep the XHTML at --xhtml if asked for, so the line named exists.
        std::string kept = "the XHTML was temporary; keep it with --xhtml FILE";
        if (!options.xhtml_copy.empty()) {
            try {
                write_atomically(options.xhtml_copy, xhtml);
                kept = "the XHTML is kept in " + options.xhtml_copy.string();
                for (std::size_t at = e.message.find(document.string()); at != std::string::npos;
                     at = e.message.find(document.string(), at + options.xhtml_copy.string().size()))
                    e.message.replace(at, document.string().size(), options.xhtml_copy.string());
            } catch (const typeset::RenderError&) {
            }
        }
        if (!options.source.empty())
            e.message = options.source.string() + ": error: cannot typeset the XHTML its templates made: " + e.message +
                        " (" + kept + ")";
        throw;
    }
    if (!options.xhtml_copy.empty()) {
        try {
            write_atomically(options.xhtml_copy, xhtml);
        } catch (...) {
            std::error_code ignored;
            fs::remove(pdf, ignored);  // all or nothing
            throw;
        }
    }
    pdf_folders.keep();
    return result;
}

}  // namespace quorum::pack
