#pragma once

#include "Error.h"
#include "keys/Key.h"

#include <CLI/CLI.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace jwtwb::cli {

// The key options that verify and sign share: a key file (PEM, DER, JWK or JWKS), a key set, or a
// secret in an explicit encoding, or a key from the keystore by kid.
struct KeyArguments {
    std::string keyFile;
    std::string jwksFile;
    std::string secret;
    std::string secretFile;
    std::string secretEncoding = "utf8";
    std::string passphraseFile;
    std::string keystoreKey; // a kid in the keystore
    std::string keystore; // the keystore file; empty for the default
};

struct LoadedKeys {
    std::vector<keys::Key> keys;
    bool isSet = false; // choose by kid and algorithm (a JWKS or several keys in one file)
};

// `secret` names what --secret and --secret-file hold for the command.
void addKeyOptions(CLI::App& command, KeyArguments& arguments, std::string_view secret = "HMAC secret");

// verify's and sign's opt-out of the weak-key refusal (jose::WeakKeys), in the same words.
inline constexpr const char* kAllowWeakKeysHelp
    = "Accept a weak key (RSA under 2048 bits or with the ROCA fingerprint, an HMAC secret shorter than the hash) "
      "with a warning instead of refusing it: for teaching and legacy systems only";

// What --secret and --secret-file hold for encrypt and decrypt.
inline constexpr const char* kJweSecretHelp = "shared key (dir, A*KW, A*GCMKW) or PBES2 passphrase";

// No key option given: an empty LoadedKeys (nothing to verify with).
[[nodiscard]] Result<LoadedKeys> loadKeys(const KeyArguments& arguments);

// A key file's keys, as keys::readKeys() reads them (PEM, DER in binary or base64, JWK or JWKS,
// decided by the content); its errors name the file.
[[nodiscard]] Result<LoadedKeys> loadKeyFile(const std::string& path, const std::string& passphraseFile);

} // namespace jwtwb::cli
