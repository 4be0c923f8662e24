#pragma once

#include "crypto/Digest.h"

#include <cstddef>
#include <optional>
#include <string_view>

namespace jwtwb::jwe {

// Key management algorithms (RFC 7518 §4) this engine implements, spelled as the RFC spells them.
enum class KeyAlgorithm {
    Dir,
    A128KW,
    A192KW,
    A256KW,
    PBES2_HS256_A128KW,
    PBES2_HS384_A192KW,
    PBES2_HS512_A256KW,
};

// Content encryption algorithms (RFC 7518 §5).
enum class ContentAlgorithm { A128CBC_HS256, A192CBC_HS384, A256CBC_HS512, A128GCM, A192GCM, A256GCM };

struct KeyAlgorithmInfo {
    KeyAlgorithm alg;
    std::string_view name; // "PBES2-HS512+A256KW"
    std::size_t kekSize; // AES key wrap key in bytes; 0 for dir
    std::optional<crypto::HashAlg> pbkdf2Hash; // PBES2 only
};

struct ContentAlgorithmInfo {
    ContentAlgorithm enc;
    std::string_view name; // "A256GCM"
    std::size_t cekSize; // CBC-HMAC: MAC key and encryption key together (RFC 7518 §5.2.2.1)
    std::size_t ivSize;
    std::size_t tagSize;
    bool gcm;
    crypto::HashAlg hmacHash; // CBC-HMAC only
};

[[nodiscard]] const KeyAlgorithmInfo& keyAlgorithmInfo(KeyAlgorithm alg);
[[nodiscard]] const ContentAlgorithmInfo& contentAlgorithmInfo(ContentAlgorithm enc);
[[nodiscard]] std::optional<KeyAlgorithm> parseKeyAlgorithm(std::string_view name); // exact, case-sensitive
[[nodiscard]] std::optional<ContentAlgorithm> parseContentAlgorithm(std::string_view name);

} // namespace jwtwb::jwe
