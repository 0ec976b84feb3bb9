// PdfError and FontError are plain structs: show their messages when a test fails on one.
#include "fonts/fonts.hpp"
#include "pdf/pdf_writer.hpp"

#include <catch2/catch.hpp>

CATCH_TRANSLATE_EXCEPTION(const quorum::pdf::PdfError& e) { return e.message; }
CATCH_TRANSLATE_EXCEPTION(const quorum::fonts::FontError& e) { return e.message; }
