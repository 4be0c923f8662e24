#pragma once

// Building keys from their components (EVP_PKEY_fromdata) and checking them. Included only from
// core .cpp files. Private components pushed as secure BIGNUMs (bnFromBytes(…, true)) end up in the
// parameters' secure part, which OSSL_PARAM_free wipes.

#include "Handles.h"

#include <string>

namespace jwtwb::ossl {

struct KeyFromData {
    PKeyPtr pkey; // nullptr on failure
    std::string errors; // the drained OpenSSL error queue on failure
};

// `keyType` "RSA" or "EC"; `selection` EVP_PKEY_PUBLIC_KEY or EVP_PKEY_KEYPAIR.
[[nodiscard]] KeyFromData pkeyFromData(const char* keyType, int selection, OSSL_PARAM_BLD* builder);

// EVP_PKEY_pairwise_check / _public_check_quick / _private_check: true when OpenSSL accepts the key.
[[nodiscard]] bool pairwiseCheck(EVP_PKEY* pkey);
[[nodiscard]] bool publicCheck(EVP_PKEY* pkey);
[[nodiscard]] bool privateCheck(EVP_PKEY* pkey);

} // namespace jwtwb::ossl
