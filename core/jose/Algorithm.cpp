#include "Algorithm.h"

#include "encoding/Text.h"

#include <algorithm>
#include <array>

namespace jwtwb::jose {
namespace {

using crypto::HashAlg;
using keys::Curve;

constexpr std::array kAlgorithms{
    AlgorithmInfo{JwsAlgorithm::HS256, "HS256", AlgorithmFamily::Hmac, HashAlg::Sha256, Curve::None, 32,
                  "HMAC using SHA-256"},
    AlgorithmInfo{JwsAlgorithm::HS384, "HS384", AlgorithmFamily::Hmac, HashAlg::Sha384, Curve::None, 48,
                  "HMAC using SHA-384"},
    AlgorithmInfo{JwsAlgorithm::HS512, "HS512", AlgorithmFamily::Hmac, HashAlg::Sha512, Curve::None, 64,
                  "HMAC using SHA-512"},
    AlgorithmInfo{JwsAlgorithm::RS256, "RS256", AlgorithmFamily::RsaPkcs1, HashAlg::Sha256, Curve::None, 0,
                  "RSASSA-PKCS1-v1_5 using SHA-256"},
    AlgorithmInfo{JwsAlgorithm::RS384, "RS384", AlgorithmFamily::RsaPkcs1, HashAlg::Sha384, Curve::None, 0,
                  "RSASSA-PKCS1-v1_5 using SHA-384"},
    AlgorithmInfo{JwsAlgorithm::RS512, "RS512", AlgorithmFamily::RsaPkcs1, HashAlg::Sha512, Curve::None, 0,
                  "RSASSA-PKCS1-v1_5 using SHA-512"},
    AlgorithmInfo{JwsAlgorithm::PS256, "PS256", AlgorithmFamily::RsaPss, HashAlg::Sha256, Curve::None, 0,
                  "RSASSA-PSS using SHA-256 and MGF1 with SHA-256"},
    AlgorithmInfo{JwsAlgorithm::PS384, "PS384", AlgorithmFamily::RsaPss, HashAlg::Sha384, Curve::None, 0,
                  "RSASSA-PSS using SHA-384 and MGF1 with SHA-384"},
    AlgorithmInfo{JwsAlgorithm::PS512, "PS512", AlgorithmFamily::RsaPss, HashAlg::Sha512, Curve::None, 0,
                  "RSASSA-PSS using SHA-512 and MGF1 with SHA-512"},
    AlgorithmInfo{JwsAlgorithm::ES256, "ES256", AlgorithmFamily::Ecdsa, HashAlg::Sha256, Curve::P256, 64,
                  "ECDSA using P-256 and SHA-256"},
    AlgorithmInfo{JwsAlgorithm::ES384, "ES384", AlgorithmFamily::Ecdsa, HashAlg::Sha384, Curve::P384, 96,
                  "ECDSA using P-384 and SHA-384"},
    AlgorithmInfo{JwsAlgorithm::ES512, "ES512", AlgorithmFamily::Ecdsa, HashAlg::Sha512, Curve::P521, 132,
                  "ECDSA using P-521 and SHA-512"},
    AlgorithmInfo{JwsAlgorithm::ES256K, "ES256K", AlgorithmFamily::Ecdsa, HashAlg::Sha256, Curve::Secp256k1, 64,
                  "ECDSA using secp256k1 and SHA-256"},
    AlgorithmInfo{JwsAlgorithm::EdDSA, "EdDSA", AlgorithmFamily::EdDsa, HashAlg::Sha512, Curve::None, 0,
                  "EdDSA (Ed25519 or Ed448)"},
    AlgorithmInfo{JwsAlgorithm::None, "none", AlgorithmFamily::Unsecured, HashAlg::Sha256, Curve::None, 0,
                  "no signature (unsecured JWS)"},
};

} // namespace

const AlgorithmInfo& algorithmInfo(JwsAlgorithm alg)
{
    return kAlgorithms[static_cast<std::size_t>(alg)];
}

std::optional<JwsAlgorithm> parseAlgorithm(std::string_view name)
{
    const auto it = std::ranges::find_if(
        kAlgorithms, [name](const AlgorithmInfo& info) { return encoding::equalsWithQuickReject(info.name, name); });
    if (it == kAlgorithms.end()) {
        return std::nullopt;
    }
    return it->alg;
}

std::span<const AlgorithmInfo> allAlgorithms()
{
    return kAlgorithms;
}

} // namespace jwtwb::jose
