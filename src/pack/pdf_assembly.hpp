// Working on finished PDFs with qpdf: the pages of existing PDF appendices drawn into the
// pack, per-item PDFs cut from the pack, and the SHA-256 of every file the manifest lists.
//
// Nothing here writes PDF syntax by hand: qpdf parses, copies and writes the objects.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace quorum::pack {

// A PDF that cannot be used as given (missing, encrypted, damaged), or a write that failed.
// `message` names the file and says what is wrong, ready for the user.
struct PdfAssemblyError {
    std::string message;
};

// The number of pages of `pdf`. Throws PdfAssemblyError if the file is missing, encrypted
// (even with an empty password: the council must publish an unrestricted copy) or damaged
// (qpdf needs to repair it, or reports problems reading it).
int pdf_page_count(const std::filesystem::path& pdf);

// An existing PDF to show on pages first_page .. first_page + page_count(pdf) - 1 (1-based)
// of the pack, which the pack's template reserved as placeholder pages.
struct AppendixPlacement {
    std::filesystem::path pdf;
    int first_page = 1;
};

// Writes `out_pdf`: `pack_pdf` with each appendix page drawn onto its placeholder page,
// underneath the page's own content (the header with "AGENDA ITEM N" and the page number
// stay on top), scaled down if needed to leave `furniture_margin` points free at the top
// and bottom. Outlines, links and metadata of the pack are kept. Deterministic output.
void insert_appendix_pages(const std::filesystem::path& pack_pdf, const std::vector<AppendixPlacement>& placements,
                           const std::filesystem::path& out_pdf, double furniture_margin = 28.0);

// Writes pages first..last (1-based, inclusive) of `pdf` to `out_pdf` as a PDF of its own.
// Its page labels continue the pack's numbering (a viewer shows "15" for the item's first
// page when it is page 15 of the pack); links to pages outside the range are dropped, and
// the bookmarks that point into the range are kept. Deterministic output.
void extract_pages(const std::filesystem::path& pdf, int first, int last, const std::filesystem::path& out_pdf);

// Pages first..last (1-based, inclusive) to be written to `out_pdf`.
struct PageRange {
    int first = 1;
    int last = 1;
    std::filesystem::path out_pdf;
};

// extract_pages() for many ranges of one PDF, which is opened and read once (a pack of 50
// items is cut in one pass instead of being re-read per item).
void extract_page_ranges(const std::filesystem::path& pdf, const std::vector<PageRange>& ranges);

// Lower-case hex SHA-256 of the file's bytes. Throws PdfAssemblyError if it cannot be read.
std::string sha256_file(const std::filesystem::path& file);

}  // namespace quorum::pack
