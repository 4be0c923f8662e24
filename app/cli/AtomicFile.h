#pragma once

#include "Error.h"

#include <filesystem>
#include <string_view>

namespace jwtwb::cli {

// Writes `content` to a temporary file next to `path` (mode 0600) and renames it over `path`, so
// that a reader sees the old file or the whole new one, never a part.
[[nodiscard]] Result<void> writeFileAtomically(const std::filesystem::path& path, std::string_view content);

} // namespace jwtwb::cli
