#pragma once

#include <CLI/CLI.hpp>

namespace jwtwb::cli {

// `jwtwb keys path|list|generate|import|export|delete|passwd`: the encrypted keystore the GUI uses.
void addKeysCommand(CLI::App& app, int& exitCode);

} // namespace jwtwb::cli
