// An owned libharu document whose errors become PdfError instead of aborting.
//
// libharu reports errors through a C callback. Throwing from it would unwind through
// C frames, so the callback only records the first error; callers check() after each
// step that can fail and the error is thrown from C++ code.
#pragma once

#include <hpdf.h>

#include <string>
#include <string_view>

namespace quorum::pdf {

class HpdfDocument {
public:
    HpdfDocument();
    ~HpdfDocument();
    HpdfDocument(const HpdfDocument&) = delete;
    HpdfDocument& operator=(const HpdfDocument&) = delete;

    HPDF_Doc get() const { return doc_; }
    bool failed() const { return error_code_ != 0; }
    // Throws PdfError "CONTEXT: error: WHAT (libharu error 0x....)" if libharu reported one.
    void check(std::string_view context) const;

private:
    static void on_error(HPDF_STATUS error, HPDF_STATUS detail, void* self);

    HPDF_Doc doc_ = nullptr;
    unsigned long error_code_ = 0, error_detail_ = 0;
};

}  // namespace quorum::pdf
