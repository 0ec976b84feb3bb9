// Writing page content operators ourselves.
//
// Why not libharu's operator functions: each HPDF_Page_* call clears a 512-byte buffer
// byte by byte, formats numbers slowly and re-validates state; drawing text through
// HPDF_Page_TextOut cost ~28,000 instructions per word (measured with callgrind), which
// capped the writer at ~300 pages/s. Here a page's operators are formatted into one
// reused buffer and handed to libharu's content stream in one write. libharu still owns
// the document structure: resources (fonts, images), the streams, compression, xref.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace quorum::pdf {

class ContentStream {
public:
    void clear() { bytes_.clear(); }
    const std::string& bytes() const { return bytes_; }
    bool empty() const { return bytes_.empty(); }
    std::string take() { return std::exchange(bytes_, {}); }

    // Numbers: up to `decimals` decimals, trailing zeros dropped ("12", "0.5", "-3.25").
    ContentStream& number(double value, int decimals = 2);
    ContentStream& raw(std::string_view text) { bytes_.append(text); return *this; }
    ContentStream& op(std::string_view text) { bytes_.append(text); bytes_.push_back('\n'); return *this; }
    ContentStream& space() { bytes_.push_back(' '); return *this; }
    // A literal string of 2-byte character codes, big-endian, escaped where PDF requires.
    ContentStream& begin_string() { bytes_.push_back('('); return *this; }
    ContentStream& code(char16_t code) { byte(static_cast<std::uint8_t>(code >> 8)); byte(static_cast<std::uint8_t>(code)); return *this; }
    ContentStream& end_string() { bytes_.push_back(')'); return *this; }

    ContentStream& rgb(std::uint8_t r, std::uint8_t g, std::uint8_t b, std::string_view op_name);

private:
    void byte(std::uint8_t value);
    std::string bytes_;
};

}  // namespace quorum::pdf
