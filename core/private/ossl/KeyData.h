#pragma once

// Building keys from their components (EVP_PKEY_fromdata) and checking them. Included only from
// core .cpp files. Private components pushed as secure BIGNUMs (bnFromBytes(…, true)) end up in the
// parameters' secure part, which OSSL_PARAM_free wipes.

#include "Handles.h"

#include <cstdint>
#include <span>
#include <string>

namespace jwtwb::ossl {

struct KeyFromData {
    PKeyPtr pkey; // nullptr on failure
    std::string errors; // the drained OpenSSL error queue on failure
};

// `keyType` "RSA" or "EC"; `selection` EVP_PKEY_PUBLIC_KEY or EVP_PKEY_KEYPAIR.
[[nodiscard]] KeyFromData pkeyFromData(const char* keyType, int selection, OSSL_PARAM_BLD* builder);

// An EC public key from an uncompressed SEC 1 point on the named curve (OpenSSL's group name,
// e.g. "prime256v1"); the errors on failure, as pkeyFromData. The same result as pkeyFromData with
// the group name and the point, about four times faster: the curve's group is built once per process
// and copied, rather than computed again for every key (an ECDH-ES "epk" comes with every message).
[[nodiscard]] KeyFromData ecPublicKeyFromPoint(const char* groupName, std::span<const std::uint8_t> point);

// EVP_PKEY_pairwise_check / _public_check_quick / _private_check: true when OpenSSL accepts the key.
[[nodiscard]] bool pairwiseCheck(EVP_PKEY* pkey);
[[nodiscard]] bool publicCheck(EVP_PKEY* pkey);
[[nodiscard]] bool privateCheck(EVP_PKEY* pkey);

} // namespace jwtwb::ossl
