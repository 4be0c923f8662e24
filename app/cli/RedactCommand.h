#pragma once

#include <CLI/CLI.hpp>

namespace jwtwb::cli {

// `jwtwb redact TOKEN`: a copy of a token that is safe to paste into a bug report.
void addRedactCommand(CLI::App& app, int& exitCode);

} // namespace jwtwb::cli
