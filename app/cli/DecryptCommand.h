#pragma once

#include <CLI/CLI.hpp>

namespace jwtwb::cli {

// `jwtwb decrypt TOKEN|- --key …|--jwks …|--secret-file …|--keystore-key … [--verify-key FILE]
// [--json]`: the plaintext on standard output. Exit 0 when decrypted (and, with a verification key,
// the nested token is valid), 1 when it cannot be decrypted or a layer is invalid, 2 for bad input.
void addDecryptCommand(CLI::App& app, int& exitCode);

} // namespace jwtwb::cli
