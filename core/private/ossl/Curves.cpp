#include "Curves.h"

#include <array>

namespace jwtwb::ossl {
namespace {

using keys::Curve;
using keys::KeyType;

// RFC 7518 §6.2.1.2: coordinates are the full field size, ceil(log2(p) / 8): 32, 48, 66 octets.
// RFC 8037 §2: OKP keys are 32 (Ed25519, X25519), 57 (Ed448) and 56 (X448) octets.
constexpr std::array<CurveInfo, 8> kCurves{{
    {Curve::P256, KeyType::Ec, "P-256", "prime256v1", 32},
    {Curve::P384, KeyType::Ec, "P-384", "secp384r1", 48},
    {Curve::P521, KeyType::Ec, "P-521", "secp521r1", 66},
    {Curve::Secp256k1, KeyType::Ec, "secp256k1", "secp256k1", 32},
    {Curve::Ed25519, KeyType::Okp, "Ed25519", "ED25519", 32},
    {Curve::Ed448, KeyType::Okp, "Ed448", "ED448", 57},
    {Curve::X25519, KeyType::Okp, "X25519", "X25519", 32},
    {Curve::X448, KeyType::Okp, "X448", "X448", 56},
}};

} // namespace

const CurveInfo* curveInfo(keys::Curve curve)
{
    for (const auto& info : kCurves) {
        if (info.curve == curve) {
            return &info;
        }
    }
    return nullptr;
}

const CurveInfo* curveInfoByJwkName(std::string_view name)
{
    for (const auto& info : kCurves) {
        if (info.jwkName == name) {
            return &info;
        }
    }
    return nullptr;
}

} // namespace jwtwb::ossl
