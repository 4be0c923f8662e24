#pragma once

#include <CLI/CLI.hpp>

namespace jwtwb::cli {

// `jwtwb crack TOKEN [--wordlist FILE]… [--builtin] [--rules] [--mask MASK [--min-len N --max-len M]]
// [--jobs N] [--json]`: searches for the HMAC secret of an HS256/384/512 token. Exit 0 with the
// secret when found, 1 when no guess matched, 2 for bad input.
void addCrackCommand(CLI::App& app, int& exitCode);

} // namespace jwtwb::cli
