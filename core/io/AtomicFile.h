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

// Creates the missing folders on the way to the file `path` (like `mkdir -p` of its folder), each
// new one with `mode` exactly (not reduced by the umask); folders that exist are left as they are.
// Errc::Io naming the folder and the reason when one cannot be made.
[[nodiscard]] Result<void> createParentFolders(const std::string& path, unsigned mode = 0700);

// Replaces `path` so that a crash or kill at any moment leaves either the old or the new file,
// never a torn one (POSIX): a temporary file in the same folder, created with `mode`, written and
// fsync'ed, renamed over the target, then the folder fsync'ed. On failure the target is untouched
// and the temporary file removed. Errc::Io "cannot write PATH: REASON", where the reason names a
// full disk (ENOSPC, EDQUOT), a read-only folder (EROFS) or a folder without write permission
// (EACCES, EPERM) in plain words, with the system's text; the detail names the step that failed.
[[nodiscard]] Result<void> writeFileAtomically(const std::string& path, std::span<const std::uint8_t> content,
                                               unsigned mode = 0600);

// Removes what writeFileAtomically leaves behind when the process is killed while it writes: files
// in the same folder named exactly "<file name of path>.tmp-" plus six characters of mkstemp's
// alphabet (letters and digits) that are regular files owned by this user. Nothing else, and never
// through a symbolic link. Best effort: returns how many were removed.
std::size_t removeStaleTemporaries(const std::string& path);

} // namespace jwtwb::io
