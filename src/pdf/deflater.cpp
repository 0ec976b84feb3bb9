#include "pdf/deflater.hpp"

#include "pdf/pdf_writer.hpp"

#include <zlib.h>

namespace quorum::pdf {

Deflater::Deflater() : stream_(new z_stream{}) {
    if (deflateInit(stream_, Z_BEST_SPEED) != Z_OK) {
        delete stream_;
        throw PdfError{"cannot start zlib compression (out of memory)"};
    }
}

Deflater::~Deflater() {
    deflateEnd(stream_);
    delete stream_;
}

const std::vector<unsigned char>& Deflater::deflate(const std::string& input) {
    deflateReset(stream_);
    output_.resize(deflateBound(stream_, static_cast<uLong>(input.size())));
    stream_->next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.data()));
    stream_->avail_in = static_cast<uInt>(input.size());
    stream_->next_out = output_.data();
    stream_->avail_out = static_cast<uInt>(output_.size());
    // deflateBound guarantees room for a single Z_FINISH call.
    if (::deflate(stream_, Z_FINISH) != Z_STREAM_END) throw PdfError{"zlib failed to compress a page"};
    output_.resize(stream_->total_out);
    return output_;
}

}  // namespace quorum::pdf
