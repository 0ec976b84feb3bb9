// The C boundary between `quorum` and its qpdf module (quorum_pdf_assembly.so).
//
// Why a module: libqpdf pulls in gnutls, p11-kit, nettle, idn2, unistring and more, whose
// loading and relocation cost every `quorum` run ~2 ms and ~4 MB, although only `quorum pack`
// (and `validate` of a meeting with PDF appendices) needs them. pack/pdf_assembly.cpp opens
// the module on first use. Plain C types only: the two sides need not share a C++ runtime.
#pragma once

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

struct quorum_pdf_placement {
    const char* pdf;
    int first_page;
};

struct quorum_pdf_range {
    int first, last;
    const char* out_pdf;
};

// Every function returns one of these; on a user or internal error *message is set to a
// malloc'd text (the caller frees it): the PdfAssemblyError message, or what went wrong
// inside. Out of memory has no message (making one could fail too): the caller throws
// std::bad_alloc again, so the CLI says "out of memory" as it does for its own allocations.
enum quorum_pdf_status {
    quorum_pdf_ok = 0,
    quorum_pdf_user_error = 1,
    quorum_pdf_internal_error = 2,
    quorum_pdf_out_of_memory = 3
};

// The module is built with hidden visibility: these are all it exports.
#define QUORUM_PDF_EXPORT __attribute__((visibility("default")))

QUORUM_PDF_EXPORT int quorum_pdf_page_count(const char* pdf, int* pages, char** message);
QUORUM_PDF_EXPORT int quorum_pdf_insert_appendix_pages(const char* pack_pdf,
                                                       const struct quorum_pdf_placement* placements, size_t count,
                                                       const char* out_pdf, double furniture_margin, char** message);
QUORUM_PDF_EXPORT int quorum_pdf_extract_page_ranges(const char* pdf, const struct quorum_pdf_range* ranges,
                                                     size_t count, char** message);
// Writes 64 lower-case hex digits and a NUL into hex.
QUORUM_PDF_EXPORT int quorum_pdf_sha256_file(const char* file, char hex[65], char** message);

#ifdef __cplusplus
}
#endif
