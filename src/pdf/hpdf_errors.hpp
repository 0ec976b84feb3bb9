// libharu error codes explained in words.
#pragma once

#include <string>

namespace quorum::pdf {

const char* hpdf_error_name(unsigned long code);
// "file open error (libharu error 0x1017, detail 2)"
std::string describe_hpdf_error(unsigned long code, unsigned long detail);

}  // namespace quorum::pdf
