#include "pdf/destinations.hpp"

#include <algorithm>

namespace quorum::pdf {

HPDF_Destination destination_at(HPDF_Doc doc, HPDF_Page page, double top) {
    HPDF_Destination destination = HPDF_Page_CreateDestination(page);
    if (!destination) return nullptr;
    const double height = HPDF_Page_GetHeight(page);
    HPDF_Array_Clear(destination);
    HPDF_Array_Add(destination, page);
    HPDF_Array_AddName(destination, "XYZ");
    HPDF_Array_AddReal(destination, 0);
    HPDF_Array_AddReal(destination, static_cast<HPDF_REAL>(std::clamp(top, 0.0, height)));
    HPDF_Array_Add(destination, HPDF_Null_New(doc->mmgr));
    return destination;
}

}  // namespace quorum::pdf
