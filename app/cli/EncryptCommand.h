#pragma once

#include <CLI/CLI.hpp>

namespace jwtwb::cli {

// `jwtwb encrypt --alg ALG [--enc ENC] --key FILE|--secret-file FILE|… --payload TEXT|--payload-file F
// [--zip] [--serialization compact|flattened|general]`: prints the JWE.
void addEncryptCommand(CLI::App& app, int& exitCode);

} // namespace jwtwb::cli
