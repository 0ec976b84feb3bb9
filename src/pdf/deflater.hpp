// zlib compression of page contents and font files, one reusable zlib stream per document.
//
// Why not libharu's own compression: it deflates at zlib's default level, which on text
// content (two-byte codes, many zeros) cost three quarters of the writer's time, and on
// the embedded font files most of a short document's. Z_BEST_SPEED is several times
// faster for a few percent more bytes. (Images and small objects stay with libharu.)
#pragma once

#include <hpdf.h>

#include <string>
#include <vector>

struct z_stream_s;

namespace quorum::pdf {

class Deflater {
public:
    Deflater();
    ~Deflater();
    Deflater(const Deflater&) = delete;
    Deflater& operator=(const Deflater&) = delete;

    // The zlib stream (RFC 1950, as /FlateDecode expects) of `input`, valid until the next call.
    const std::vector<unsigned char>& deflate(const std::string& input) { return deflate(input.data(), input.size()); }
    const std::vector<unsigned char>& deflate(const void* input, std::size_t size);

    // Replaces the contents of libharu stream object `stream_dict` with `data`, deflated.
    void write_compressed(HPDF_Dict stream_dict, const void* data, std::size_t size);

private:
    z_stream_s* stream_;
    std::vector<unsigned char> output_;
};

// Replaces the contents of libharu stream object `stream_dict` with already deflated
// bytes, and makes libharu write them as they are, under /Filter /FlateDecode.
void set_deflated_contents(HPDF_Dict stream_dict, const std::vector<unsigned char>& packed);

}  // namespace quorum::pdf
