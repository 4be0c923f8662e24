#pragma once

#include <CLI/CLI.hpp>

namespace jwtwb::cli {

// `jwtwb bench [--json] [--seconds S] [--alg A]…`: full decode+verify and sign of a typical JWT
// next to the bare OpenSSL primitive on the same bytes, one core.
void addBenchCommand(CLI::App& app, int& exitCode);

} // namespace jwtwb::cli
