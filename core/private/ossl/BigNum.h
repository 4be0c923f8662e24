#pragma once

// BIGNUM <-> unsigned big-endian octets (JWK integers, EC coordinates). Included only from core .cpp files.

#include "Bytes.h"
#include "Handles.h"
#include "crypto/SecureBytes.h"

#include <cstddef>
#include <span>

namespace jwtwb::ossl {

// `secret` allocates the BIGNUM in OpenSSL's secure heap when one is configured (BN_secure_new).
// Returns nullptr only when memory runs out.
[[nodiscard]] BnPtr bnFromBytes(std::span<const std::uint8_t> bytes, bool secret = false);

// Big-endian, minimal length (one zero octet for zero), or left-padded with zeros to `width`.
// Empty when the value does not fit in `width` octets (or is negative).
[[nodiscard]] crypto::SecureBytes bnToBytes(const BIGNUM* bn, std::size_t width = 0);

// A BIGNUM parameter of a key (OSSL_PKEY_PARAM_RSA_N, …); nullptr when the key has none.
[[nodiscard]] BnPtr pkeyBnParam(const EVP_PKEY* pkey, const char* name);

} // namespace jwtwb::ossl
