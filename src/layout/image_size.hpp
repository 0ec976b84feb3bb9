// Intrinsic size of PNG and JPEG files, read from their headers only (no decoding).
#pragma once

#include <filesystem>
#include <optional>

namespace quorum::layout {

struct PixelSize {
    int width = 0, height = 0;
};

// nullopt when the file is missing, unreadable or neither PNG nor JPEG.
std::optional<PixelSize> read_image_size(const std::filesystem::path& file);

}  // namespace quorum::layout
