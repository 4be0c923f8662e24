#pragma once

// The JOSE curves and what OpenSSL calls them. Included only from core .cpp files.

#include "keys/Key.h"

#include <cstddef>
#include <string_view>

namespace jwtwb::ossl {

struct CurveInfo {
    keys::Curve curve;
    keys::KeyType type; // Ec or Okp
    std::string_view jwkName; // "P-256", "Ed25519", …
    const char* osslName; // EC group name ("prime256v1") or OKP key type ("ED25519")
    std::size_t size; // octets of an EC coordinate / private scalar (field size), or of an OKP key
};

[[nodiscard]] const CurveInfo* curveInfo(keys::Curve curve); // nullptr for Curve::None
[[nodiscard]] const CurveInfo* curveInfoByJwkName(std::string_view name); // exact, case-sensitive

} // namespace jwtwb::ossl
