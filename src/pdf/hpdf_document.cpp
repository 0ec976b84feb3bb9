#include "pdf/hpdf_document.hpp"

#include "pdf/hpdf_errors.hpp"
#include "pdf/pdf_writer.hpp"

namespace quorum::pdf {

HpdfDocument::HpdfDocument() {
    doc_ = HPDF_New(&HpdfDocument::on_error, this);
    if (!doc_) throw PdfError{"cannot create a PDF document (out of memory)"};
}

HpdfDocument::~HpdfDocument() { HPDF_Free(doc_); }

void HpdfDocument::on_error(HPDF_STATUS error, HPDF_STATUS detail, void* self) {
    auto* document = static_cast<HpdfDocument*>(self);
    if (document->error_code_ == 0) {  // the first error is the cause; later ones are echoes
        document->error_code_ = error;
        document->error_detail_ = detail;
    }
}

void HpdfDocument::check(std::string_view context) const {
    if (error_code_ == 0) return;
    throw PdfError{std::string(context) + ": error: " + error_text()};
}

std::string HpdfDocument::error_text() const {
    return error_code_ == 0 ? std::string() : describe_hpdf_error(error_code_, error_detail_);
}

}  // namespace quorum::pdf
