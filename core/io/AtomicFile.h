#pragma once

#include "Error.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

namespace jwtwb::io {

// A whole file; Errc::Io naming the path and the reason (also for a missing file), and
// Errc::InputTooLarge beyond maxSize.
[[nodiscard]] Result<std::string> readWholeFile(const std::string& path, std::size_t maxSize);

[[nodiscard]] bool fileExists(const std::string& path);

// Replaces `path` so that a crash or kill at any moment leaves either the old or the new file,
// never a torn one (POSIX): a temporary file in the same folder, created with `mode`, written and
// fsync'ed, renamed over the target, then the folder fsync'ed. On failure the target is untouched
// and the temporary file removed.
[[nodiscard]] Result<void> writeFileAtomically(const std::string& path, std::span<const std::uint8_t> content,
                                               unsigned mode = 0600);

} // namespace jwtwb::io
