#pragma once

#include "crypto/Digest.h"
#include "keys/Key.h"

#include <optional>
#include <span>
#include <string_view>

namespace jwtwb::jose {

// JWS algorithms (RFC 7518 §3, RFC 8037, RFC 8812), spelled as the RFCs spell them.
enum class JwsAlgorithm {
    HS256,
    HS384,
    HS512,
    RS256,
    RS384,
    RS512,
    PS256,
    PS384,
    PS512,
    ES256,
    ES384,
    ES512,
    ES256K,
    EdDSA,
    None,
};

enum class AlgorithmFamily { Hmac, RsaPkcs1, RsaPss, Ecdsa, EdDsa, Unsecured };

struct AlgorithmInfo {
    JwsAlgorithm alg;
    std::string_view name; // "HS256"
    AlgorithmFamily family;
    crypto::HashAlg hash; // unused for EdDSA and none
    keys::Curve curve; // ECDSA only
    std::size_t signatureSize; // ECDSA: 2 × field size; HMAC: hash size; else 0 (depends on the key)
    std::string_view description; // "HMAC using SHA-256"
};

[[nodiscard]] const AlgorithmInfo& algorithmInfo(JwsAlgorithm alg);
[[nodiscard]] std::optional<JwsAlgorithm> parseAlgorithm(std::string_view name); // exact, case-sensitive
[[nodiscard]] std::span<const AlgorithmInfo> allAlgorithms(); // in table order, `none` last
[[nodiscard]] inline std::string_view algorithmName(JwsAlgorithm alg)
{
    return algorithmInfo(alg).name;
}

} // namespace jwtwb::jose
