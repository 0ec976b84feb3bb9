// Why the writer builds its own font objects: libharu 2.3.0's UTF-8 TrueType fonts carry a
// malformed ToUnicode CMap. This test shows the bug with libharu alone; if a future
// libharu fixes it, this test fails and embedded_fonts.cpp could be simplified.
#include "pdf_test_support.hpp"

#include <catch2/catch.hpp>

#include <hpdf.h>

using namespace quorum::pdf::test;

TEST_CASE("libharu's own UTF-8 TrueType font makes poppler warn about its ToUnicode map") {
    const std::filesystem::path path = scratch_folder() / "libharu-only.pdf";
    HPDF_Doc pdf = HPDF_New(nullptr, nullptr);
    REQUIRE(pdf);
    HPDF_UseUTFEncodings(pdf);
    const char* name = HPDF_LoadTTFontFromFile(
        pdf, catalogue().face("Liberation Sans", 400, false).file().c_str(), HPDF_TRUE);
    REQUIRE(name);
    HPDF_Font font = HPDF_GetFont(pdf, name, "UTF-8");
    HPDF_Page page = HPDF_AddPage(pdf);
    HPDF_Page_BeginText(page);
    HPDF_Page_SetFontAndSize(page, font, 12);
    HPDF_Page_TextOut(page, 50, 700, "£5 – Łódź");
    HPDF_Page_EndText(page);
    REQUIRE(HPDF_SaveToFile(pdf, path.c_str()) == HPDF_OK);
    HPDF_Free(pdf);

    const CommandResult text = run_command("pdftotext '" + path.string() + "' -");
    CHECK(text.err.find("Invalid 'begincidrange' operator in ToUnicode CMap") != std::string::npos);
}
