#pragma once

#include <CLI/CLI.hpp>

namespace jwtwb::cli {

// `jwtwb lint [TOKEN | -] [--key/--secret…] [--now T] [--leeway 30s] [--json]`: the security findings
// about a token (core inspect::lint), one per line; exit 1 when any is an error, 2 when the input is not a token.
void addLintCommand(CLI::App& app, int& exitCode);

} // namespace jwtwb::cli
