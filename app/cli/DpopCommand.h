#pragma once

#include <CLI/CLI.hpp>

namespace jwtwb::cli {

// `jwtwb dpop create` and `jwtwb dpop verify`: RFC 9449 proofs.
void addDpopCommand(CLI::App& app, int& exitCode);

} // namespace jwtwb::cli
