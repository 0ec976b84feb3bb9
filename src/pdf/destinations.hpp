// Link and outline destinations: "this page, this height, keep the reader's zoom".
#pragma once

#include <hpdf.h>

namespace quorum::pdf {

// [page /XYZ 0 top null]. libharu 2.3.0's HPDF_Destination_SetXYZ rejects a null zoom
// (it insists on 0.08..32, which would change the reader's zoom on every click), so the
// array is written through the object API.
HPDF_Destination destination_at(HPDF_Doc doc, HPDF_Page page, double top);

}  // namespace quorum::pdf
