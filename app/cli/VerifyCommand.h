#pragma once

#include <CLI/CLI.hpp>

namespace jwtwb::cli {

// `jwtwb verify TOKEN|- --key …|--secret …|--jwks … [--alg …] [--iss …] [--aud …] [--leeway 30s]
// [--now …] [--json] [--batch FILE|- [--jobs N]]`: exit 0 only when every token is valid.
void addVerifyCommand(CLI::App& app, int& exitCode);

} // namespace jwtwb::cli
