#pragma once

#include "Error.h"
#include "crypto/SecureBytes.h"
#include "jwe/JweAlgorithm.h"

#include <cstdint>
#include <span>

namespace jwtwb::jwe {

// What the keystore writes (OWASP's 2023 figure for PBKDF2-HMAC-SHA256; SHA-512 is slower per
// iteration, so this is on the safe side).
inline constexpr std::uint64_t kDefaultP2c = 600'000;
// The most a file may ask for before we refuse to spend the time (a few seconds here).
inline constexpr std::uint64_t kMaxP2c = 10'000'000;
// RFC 7518 §4.8.1.1: "A Salt Input value containing 8 or more octets MUST be used".
inline constexpr std::size_t kMinP2sSize = 8;

// RFC 7518 §4.8.1.1: PBKDF2 with HMAC-SHA-256/384/512 over the password, salt
// UTF8(alg) || 0x00 || p2s, p2c iterations, giving the AES key wrap key of the algorithm.
[[nodiscard]] Result<crypto::SecureBytes> pbes2DeriveKey(KeyAlgorithm alg, std::span<const std::uint8_t> password,
                                                         std::span<const std::uint8_t> p2s, std::uint64_t p2c);

} // namespace jwtwb::jwe
