#pragma once

#include <CLI/CLI.hpp>

namespace jwtwb::cli {

// `jwtwb sign --alg … --key …|--secret … [--header JSON] [--payload JSON | --claim k=v … --iat
// --exp +1h …]`: prints the token (or a JWS JSON serialization).
void addSignCommand(CLI::App& app, int& exitCode);

} // namespace jwtwb::cli
