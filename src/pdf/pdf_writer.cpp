// render_pdf / write_pdf: one libharu document per call, pages drawn in order, then the
// document-level objects (outlines, info, ToUnicode maps), then the bytes.
#include "pdf/pdf_writer.hpp"

#include "pdf/destinations.hpp"
#include "pdf/embedded_fonts.hpp"
#include "pdf/hpdf_document.hpp"
#include "pdf/page_compressor.hpp"
#include "pdf/page_painter.hpp"
#include "pdf/text_strings.hpp"

#include "io/files.hpp"

#include <hpdf_pages.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string_view>
#include <unordered_map>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace quorum::pdf {

namespace {

// libharu rejects page sides outside 3..14400 pt (PDF's implementation limits).
HPDF_REAL page_side(double points) {
    if (!std::isfinite(points)) return 3;
    return static_cast<HPDF_REAL>(std::clamp(points, 3.0, 14400.0));
}

std::int64_t creation_time(const PdfOptions& options) {
    if (options.creation_time) return *options.creation_time;
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
        char* end = nullptr;
        errno = 0;
        const long long value = std::strtoll(epoch, &end, 10);
        if (errno == 0 && end && *end == '\0' && value >= 0) return value;
        // reproducible-builds.org: an invalid value is an error, not "now"
        throw PdfError{std::string("SOURCE_DATE_EPOCH: error: not a number of seconds: '") + epoch + "'"};
    }
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

HPDF_Date utc_date(std::int64_t seconds) {
    const std::time_t time = static_cast<std::time_t>(std::clamp<std::int64_t>(seconds, 0, 253402300799));  // <= 9999
    std::tm parts{};
    gmtime_r(&time, &parts);
    HPDF_Date date{};
    date.year = parts.tm_year + 1900;
    date.month = parts.tm_mon + 1;
    date.day = parts.tm_mday;
    date.hour = parts.tm_hour;
    date.minutes = parts.tm_min;
    date.seconds = parts.tm_sec;
    date.ind = 'Z';
    return date;
}

void write_info(HpdfDocument& document, const layout::Metadata& metadata, const PdfOptions& options) {
    HPDF_Doc doc = document.get();
    HPDF_SetInfoAttr(doc, HPDF_INFO_CREATOR, "Quorum");  // also makes libharu create the info dictionary
    const std::pair<const char*, const std::string*> fields[] = {
        {"Title", &metadata.title}, {"Author", &metadata.author},
        {"Subject", &metadata.subject}, {"Keywords", &metadata.keywords}};
    for (const auto& [key, value] : fields)
        if (!value->empty()) set_text_string(doc, doc->info, key, *value);
    const HPDF_Date date = utc_date(creation_time(options));
    HPDF_SetInfoDateAttr(doc, HPDF_INFO_CREATION_DATE, date);
    HPDF_SetInfoDateAttr(doc, HPDF_INFO_MOD_DATE, date);
    if (!metadata.lang.empty()) set_text_string(doc, doc->catalog, "Lang", metadata.lang);
    if (!metadata.title.empty()) {  // viewers show the title, not the file name (PDF/UA asks for it)
        HPDF_Dict preferences = HPDF_Dict_New(doc->mmgr);
        if (preferences && HPDF_Dict_AddBoolean(preferences, "DisplayDocTitle", HPDF_TRUE) == HPDF_OK)
            HPDF_Dict_Add(doc->catalog, "ViewerPreferences", preferences);
    }
    document.check("document information");
}

// Outline entries nest by heading level: each hangs under the nearest earlier entry of a
// smaller level (an h3 straight after an h1 goes under that h1).
void write_outlines(HpdfDocument& document, const layout::LaidOutDocument& doc, const std::vector<HPDF_Page>& pages) {
    struct Open { int level; HPDF_Outline outline; };
    std::vector<Open> stack;
    for (const layout::Bookmark& bookmark : doc.bookmarks) {
        if (bookmark.page < 0 || static_cast<std::size_t>(bookmark.page) >= pages.size()) continue;
        while (!stack.empty() && stack.back().level >= bookmark.level) stack.pop_back();
        HPDF_Outline parent = stack.empty() ? nullptr : stack.back().outline;
        HPDF_Outline outline = HPDF_CreateOutline(document.get(), parent, "", nullptr);
        document.check("outline entry '" + bookmark.title + "'");
        set_text_string(document.get(), outline, "Title", bookmark.title);
        HPDF_Page page = pages[static_cast<std::size_t>(bookmark.page)];
        HPDF_Destination destination = destination_at(document.get(), page, HPDF_Page_GetHeight(page) - bookmark.y);
        HPDF_Outline_SetDestination(outline, destination);
        HPDF_Outline_SetOpened(outline, bookmark.level <= 1 ? HPDF_TRUE : HPDF_FALSE);
        stack.push_back({bookmark.level, outline});
    }
    if (!stack.empty() || !doc.bookmarks.empty()) HPDF_SetPageMode(document.get(), HPDF_PAGE_MODE_USE_OUTLINE);
    document.check("outlines");
}

std::vector<HPDF_Page> add_pages(HpdfDocument& document, const layout::LaidOutDocument& doc) {
    std::vector<HPDF_Page> pages;
    pages.reserve(std::max<std::size_t>(doc.pages.size(), 1));
    for (const layout::Page& page : doc.pages) {
        HPDF_Page added = HPDF_AddPage(document.get());
        HPDF_Page_SetWidth(added, page_side(page.width));
        HPDF_Page_SetHeight(added, page_side(page.height));
        pages.push_back(added);
    }
    if (pages.empty()) {  // a PDF needs a page: an empty document is one blank A4 page
        pages.push_back(HPDF_AddPage(document.get()));
        HPDF_Page_SetSize(pages.back(), HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
    }
    document.check("adding pages");
    return pages;
}

HPDF_Dict contents_of(HPDF_Page page) { return static_cast<HPDF_PageAttr>(page->attr)->contents; }

void write_contents(HPDF_Page page, const std::string& content) {
    HPDF_Stream_Write(contents_of(page)->stream, reinterpret_cast<const HPDF_BYTE*>(content.data()),
                      static_cast<HPDF_UINT>(content.size()));
}

// Pages are drawn in order on this thread (libharu is not thread-safe); their contents
// are deflated by worker threads meanwhile and installed once all are done.
void draw_pages(HpdfDocument& document, const layout::LaidOutDocument& doc, const std::vector<HPDF_Page>& pages,
                EmbeddedFonts& fonts, bool compress) {
    std::unordered_map<std::string, const layout::Anchor*> anchors;
    for (const layout::Anchor& anchor : doc.anchors) anchors.try_emplace(anchor.id, &anchor);  // first id wins, as in HTML
    ImageCache images(document);
    PagePainter painter(document, fonts, images, {&pages, &anchors});
    PageCompressor compressor(doc.pages.size(), compress ? PageCompressor::default_workers() : 0);
    for (std::size_t i = 0; i < doc.pages.size(); ++i) {
        std::string content = painter.paint(doc.pages[i], pages[i]);
        if (document.failed()) document.check("drawing page " + std::to_string(i + 1));
        if (compress) compressor.submit(i, std::move(content));
        else write_contents(pages[i], content);
    }
    if (!compress) return;
    std::vector<std::vector<unsigned char>>& packed = compressor.finish();
    for (std::size_t i = 0; i < doc.pages.size(); ++i) set_deflated_contents(contents_of(pages[i]), packed[i]);
}

std::string save_to_memory(HpdfDocument& document) {
    HPDF_SaveToStream(document.get());
    document.check("saving the PDF");
    std::string bytes(HPDF_GetStreamSize(document.get()), '\0');
    std::size_t filled = 0;
    while (filled < bytes.size()) {
        HPDF_UINT32 chunk = static_cast<HPDF_UINT32>(bytes.size() - filled);
        const HPDF_STATUS status =
            HPDF_ReadFromStream(document.get(), reinterpret_cast<HPDF_BYTE*>(bytes.data() + filled), &chunk);
        filled += chunk;
        if (status == HPDF_STREAM_EOF || chunk == 0) break;
    }
    bytes.resize(filled);
    document.check("reading the PDF back from memory");
    return bytes;
}

}  // namespace

namespace {

// Everything but the saving: pages, outlines, info, fonts.
void build(HpdfDocument& document, const layout::LaidOutDocument& doc, const PdfOptions& options) {
    HPDF_Doc hpdf = document.get();
    HPDF_SetCompressionMode(hpdf, options.compress ? HPDF_COMP_ALL : HPDF_COMP_NONE);
    // PDF 1.4: image soft masks (PNG alpha), /Lang and DisplayDocTitle are 1.4 features.
    hpdf->pdf_version = HPDF_VER_14;
    document.check("setting up the PDF");

    const std::vector<HPDF_Page> pages = add_pages(document, doc);
    EmbeddedFonts fonts(document, options.compress);
    draw_pages(document, doc, pages, fonts, options.compress);
    write_outlines(document, doc, pages);
    write_info(document, doc.metadata, options);
    fonts.finish();
}

[[noreturn]] void cannot_write(const std::filesystem::path& path, const std::filesystem::path& temporary,
                               const std::string& reason) {
    std::remove(temporary.c_str());
    throw PdfError{path.string() + ": error: cannot write: " + reason};
}

// libharu's file writer checks each fwrite but neither fsyncs nor checks the fclose that
// writes out its last buffer (a disk that fills up just then went unnoticed). So the finished
// file is opened again: it must end with the "%%EOF" line libharu writes last, and it is
// flushed to disk. Returns what is wrong, or nothing when the file is whole and on disk.
std::string check_and_sync(const std::filesystem::path& file) {
    static constexpr std::string_view trailer = "%%EOF\n";
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::strerror(errno);
    std::string problem;
    struct stat info {};
    char tail[trailer.size()];
    if (::fstat(fd, &info) != 0) {
        problem = std::strerror(errno);
    } else if (info.st_size < static_cast<off_t>(trailer.size()) ||
               ::pread(fd, tail, trailer.size(), info.st_size - static_cast<off_t>(trailer.size())) !=
                   static_cast<ssize_t>(trailer.size()) ||
               std::string_view(tail, trailer.size()) != trailer) {
        problem = "the PDF was cut short while it was saved (is the disk full?)";
    } else if (::fsync(fd) != 0) {
        problem = std::strerror(errno);
    }
    if (::close(fd) != 0 && problem.empty()) problem = std::strerror(errno);
    return problem;
}

}  // namespace

std::string render_pdf(const layout::LaidOutDocument& doc, const PdfOptions& options) {
    HpdfDocument document;
    build(document, doc, options);
    return save_to_memory(document);
}

void write_pdf(const layout::LaidOutDocument& doc, const std::filesystem::path& path, const PdfOptions& options) {
    HpdfDocument document;
    build(document, doc, options);  // any error is thrown before a file is touched
    // Saved straight to the file: a copy of the whole PDF in memory (two, with libharu's
    // stream) would be the largest allocation of the PDF stage.
    const std::filesystem::path temporary = io::temporary_beside(path);
    errno = 0;
    if (HPDF_SaveToFile(document.get(), temporary.c_str()) != HPDF_OK) {
        // libharu's record says what failed; only for its file errors does errno say why
        // (otherwise errno may be left over from an unrelated call inside it).
        const bool os_reason = errno && (!document.failed() || document.failed_on_file());
        cannot_write(path, temporary, os_reason ? std::strerror(errno)
                                      : document.failed() ? document.error_text()
                                                          : "libharu could not save the PDF");
    }
    if (const std::string problem = check_and_sync(temporary); !problem.empty()) cannot_write(path, temporary, problem);
    if (const std::error_code error = io::move_into_place(temporary, path))
        throw PdfError{path.string() + ": error: cannot move the finished PDF into place: " + error.message()};
}

}  // namespace quorum::pdf
