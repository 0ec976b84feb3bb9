#include "pdf/deflater.hpp"

#include "pdf/pdf_writer.hpp"

#include <zlib.h>

namespace quorum::pdf {

namespace {

// libharu drops any /Filter key of a stream it does not filter itself, so the key is
// written from the dictionary's write hook (called after its entries, before ">>").
HPDF_STATUS write_flate_filter_key(HPDF_Dict, HPDF_Stream stream) {
    return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\012");
}

}  // namespace

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

const std::vector<unsigned char>& Deflater::deflate(const void* input, std::size_t size) {
    deflateReset(stream_);
    output_.resize(deflateBound(stream_, static_cast<uLong>(size)));
    stream_->next_in = static_cast<Bytef*>(const_cast<void*>(input));
    stream_->avail_in = static_cast<uInt>(size);
    stream_->next_out = output_.data();
    stream_->avail_out = static_cast<uInt>(output_.size());
    // deflateBound guarantees room for a single Z_FINISH call.
    if (::deflate(stream_, Z_FINISH) != Z_STREAM_END) throw PdfError{"zlib failed to compress a page"};
    output_.resize(stream_->total_out);
    return output_;
}

void Deflater::write_compressed(HPDF_Dict stream_dict, const void* data, std::size_t size) {
    set_deflated_contents(stream_dict, deflate(data, size));
}

void set_deflated_contents(HPDF_Dict stream_dict, const std::vector<unsigned char>& packed) {
    HPDF_MemStream_FreeData(stream_dict->stream);
    HPDF_Stream_Write(stream_dict->stream, packed.data(), static_cast<HPDF_UINT>(packed.size()));
    stream_dict->filter = HPDF_STREAM_FILTER_NONE;  // already compressed: copied as it is
    stream_dict->write_fn = write_flate_filter_key;
}

}  // namespace quorum::pdf
