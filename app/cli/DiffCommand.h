#pragma once

#include <CLI/CLI.hpp>

namespace jwtwb::cli {

// `jwtwb diff A B`: two tokens' headers and claims side by side; exit 0 when they are the same.
void addDiffCommand(CLI::App& app, int& exitCode);

} // namespace jwtwb::cli
