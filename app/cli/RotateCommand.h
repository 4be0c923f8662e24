#pragma once

#include <CLI/CLI.hpp>

namespace jwtwb::cli {

// `jwtwb rotate --jwks OLD --jwks-new NEW TOKEN…`: which tokens a change of the key set breaks, and
// whether they would have expired anyway; exit 1 when a token that has not expired would fail.
void addRotateCommand(CLI::App& app, int& exitCode);

} // namespace jwtwb::cli
