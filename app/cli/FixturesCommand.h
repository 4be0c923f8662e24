#pragma once

#include <CLI/CLI.hpp>

namespace jwtwb::cli {

// `jwtwb fixtures --key FILE|--secret … (--token T | --claims JSON|FILE) [--alg …] [--iss …]
// [--aud …] [--now …] [--leeway 30s] --out DIR [--force] [--json]`: writes the test-fixture tokens
// (NN-name.jwt) and manifest.json saying which a correct verifier must accept or reject, and why.
void addFixturesCommand(CLI::App& app, int& exitCode);

} // namespace jwtwb::cli
