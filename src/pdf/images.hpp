// Checking image files before libharu sees them.
#pragma once

#include <optional>
#include <string>

namespace quorum::pdf {

enum class ImageKind { Png, Jpeg };

// Decides the kind from the file's signature (not its name) and checks that the file
// decodes. Throws PdfError naming the file when it is missing, unreadable, of another
// kind or corrupt.
//
// Why decode PNGs ourselves first: libharu's PNG loader hands libpng an error callback
// that returns, and libpng then calls abort() -- a corrupt PNG would kill the process.
// libpng's simplified API reports the same errors as a return value instead.
ImageKind check_image(const std::string& path);

}  // namespace quorum::pdf
