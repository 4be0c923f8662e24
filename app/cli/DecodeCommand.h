#pragma once

#include <CLI/CLI.hpp>

namespace jwtwb::cli {

// `jwtwb decode [TOKEN | -] [--json] [--strict]`: shows a token without verifying it.
void addDecodeCommand(CLI::App& app, int& exitCode);

} // namespace jwtwb::cli
