#pragma once

#include "crypto/Digest.h"

#include <cstdint>
#include <span>

namespace jwtwb::crypto {

// EMSA-PKCS1-v1_5 (RFC 8017 §9.2): the encoded message 00 01 FF…FF 00 ‖ DigestInfo ‖ hash that an
// RSASSA-PKCS1-v1_5 signature opens to, filling all of `em` (the modulus length). False when the
// hash is SHA-1, the digest is not of `hash`'s size or `em` is too short for it (RFC 8017: at
// least tLen + 11).
[[nodiscard]] bool encodeEmsaPkcs1v15(HashAlg hash, std::span<const std::uint8_t> digest, std::span<std::uint8_t> em);

} // namespace jwtwb::crypto
