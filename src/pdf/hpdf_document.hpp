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
    // What libharu reported, in words; empty when it reported nothing.
    std::string error_text() const;
    // libharu reported opening or writing a file failing (errno then says why).
    bool failed_on_file() const { return error_code_ == HPDF_FILE_OPEN_ERROR || error_code_ == HPDF_FILE_IO_ERROR; }

private:
    static void on_error(HPDF_STATUS error, HPDF_STATUS detail, void* self);

    HPDF_Doc doc_ = nullptr;
    unsigned long error_code_ = 0, error_detail_ = 0;
};

}  // namespace quorum::pdf
