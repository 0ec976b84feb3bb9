// pdf_assembly.hpp through the qpdf module (pack/qpdf/), which is opened on first use from
// the directory of the running executable. Commands that never touch an existing PDF
// (render-template, render, report, --version) never map libqpdf and its TLS stack.
#include "pack/pdf_assembly.hpp"

#include "pack/qpdf/pdf_assembly_module.h"

#include <dlfcn.h>

#include <cstdlib>
#include <memory>
#include <new>
#include <stdexcept>
#include <string>

namespace quorum::pack {
namespace fs = std::filesystem;

namespace {

struct Module {
    decltype(&quorum_pdf_page_count) page_count;
    decltype(&quorum_pdf_insert_appendix_pages) insert_appendix_pages;
    decltype(&quorum_pdf_extract_page_ranges) extract_page_ranges;
    decltype(&quorum_pdf_sha256_file) sha256_file;
};

fs::path module_path() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) throw std::runtime_error("cannot find the running executable to load " QUORUM_PDF_ASSEMBLY_MODULE ": " +
                                     ec.message());
    return exe.parent_path() / QUORUM_PDF_ASSEMBLY_MODULE;
}

template <class Function>
void bind(void* handle, const fs::path& path, const char* name, Function& into) {
    into = reinterpret_cast<Function>(dlsym(handle, name));
    if (!into)
        throw std::runtime_error(path.string() + ": the PDF assembly module lacks " + name +
                                 " (it is from another build of quorum: rebuild both, or copy the one built with it)");
}

Module open_module() {
    const fs::path path = module_path();
    // Never closed: the module lives as long as the process, like a linked library.
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        std::string reason = dlerror();  // "PATH: what", or just "what"
        if (reason.starts_with(path.string() + ": ")) reason.erase(0, path.string().size() + 2);
        throw std::runtime_error("cannot load the PDF assembly module " + path.string() + ": " + reason +
                                 " (quorum reads and writes existing PDFs through it, and looks for it beside its"
                                 " executable: build the quorum_pdf_assembly target, or copy " QUORUM_PDF_ASSEMBLY_MODULE
                                 " from the build folder next to quorum)");
    }
    Module module{};
    bind(handle, path, "quorum_pdf_page_count", module.page_count);
    bind(handle, path, "quorum_pdf_insert_appendix_pages", module.insert_appendix_pages);
    bind(handle, path, "quorum_pdf_extract_page_ranges", module.extract_page_ranges);
    bind(handle, path, "quorum_pdf_sha256_file", module.sha256_file);
    return module;
}

// Loaded on first use. A failure (an internal error: the installation is incomplete) is not
// remembered: C++ runs the initialiser again on the next call, which reports it again.
const Module& module() {
    static const Module loaded = open_module();
    return loaded;
}

// Calls a module function with a last `char** message` argument and turns its status into
// the exception it stood for inside the module: PdfAssemblyError (the user's), std::bad_alloc
// or an internal error, so the CLI reports each as it would had qpdf been linked in.
template <class Function, class... Args>
void call(Function function, Args... args) {
    char* message = nullptr;
    const int status = function(args..., &message);
    if (status == quorum_pdf_ok) return;
    const std::unique_ptr<char, decltype(&std::free)> owned(message, &std::free);
    if (status == quorum_pdf_out_of_memory || !message) throw std::bad_alloc();
    if (status == quorum_pdf_user_error) throw PdfAssemblyError{message};
    throw std::runtime_error(message);
}

}  // namespace

int pdf_page_count(const fs::path& pdf) {
    int pages = 0;
    call(module().page_count, pdf.c_str(), &pages);
    return pages;
}

void insert_appendix_pages(const fs::path& pack_pdf, const std::vector<AppendixPlacement>& placements,
                           const fs::path& out_pdf, double furniture_margin) {
    std::vector<quorum_pdf_placement> list;
    for (const AppendixPlacement& placement : placements) list.push_back({placement.pdf.c_str(), placement.first_page});
    call(module().insert_appendix_pages, pack_pdf.c_str(), list.data(), list.size(), out_pdf.c_str(), furniture_margin);
}

void extract_pages(const fs::path& pdf, int first, int last, const fs::path& out_pdf) {
    extract_page_ranges(pdf, {PageRange{first, last, out_pdf}});
}

void extract_page_ranges(const fs::path& pdf, const std::vector<PageRange>& ranges) {
    std::vector<quorum_pdf_range> list;
    for (const PageRange& range : ranges) list.push_back({range.first, range.last, range.out_pdf.c_str()});
    call(module().extract_page_ranges, pdf.c_str(), list.data(), list.size());
}

std::string sha256_file(const fs::path& file) {
    char hex[65] = {};
    call(module().sha256_file, file.c_str(), hex);
    return hex;
}

}  // namespace quorum::pack
