// PDF text strings (document info, outline titles) from UTF-8.
#pragma once

#include <hpdf.h>

#include <string>

namespace quorum::pdf {

// A PDF object for a text string: a literal string when `utf8` is printable ASCII,
// else UTF-16BE with a byte-order mark (PDF 32000-1 §7.9.2.2). libharu's own string
// objects would write UTF-8 bytes that readers take as PDFDocEncoding (mojibake).
void* new_text_string(HPDF_Doc doc, const std::string& utf8);

// Sets /KEY in `dict` to that text string.
void set_text_string(HPDF_Doc doc, HPDF_Dict dict, const char* key, const std::string& utf8);

}  // namespace quorum::pdf
