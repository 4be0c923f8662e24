#pragma once

#include <CLI/CLI.hpp>

namespace jwtwb::cli {

// `jwtwb key inspect|thumbprint|public|convert`: look at keys and turn them from one format into another.
void addKeyCommand(CLI::App& app, int& exitCode);

} // namespace jwtwb::cli
