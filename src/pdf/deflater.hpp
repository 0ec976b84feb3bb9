// zlib compression of page content streams, one reusable stream for the whole document.
//
// Why not libharu's own compression for pages: it deflates at zlib's default level, which
// on text content (two-byte codes, many zeros) cost three quarters of the writer's time.
// Z_BEST_SPEED is several times faster for a few percent more bytes. Fonts and images
// are few and stay with libharu.
#pragma once

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
    const std::vector<unsigned char>& deflate(const std::string& input);

private:
    z_stream_s* stream_;
    std::vector<unsigned char> output_;
};

}  // namespace quorum::pdf
