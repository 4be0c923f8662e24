#pragma once

#include <CLI/CLI.hpp>

namespace jwtwb::cli {

// `jwtwb sd decode`, `verify`, `issue` and `present`: SD-JWTs with selective disclosure (RFC 9901).
void addSdCommand(CLI::App& app, int& exitCode);

} // namespace jwtwb::cli
