#pragma once

#include "Bytes.h"
#include "Error.h"
#include "crypto/SecureBytes.h"

#include <array>
#include <cstdint>
#include <string>

namespace jwtwb::crypto {

// Bytes from OpenSSL's CSPRNG (RAND_bytes), for salts, IVs and identifiers; Errc::Crypto when it is
// not seeded.
[[nodiscard]] Result<Bytes> randomBytes(std::size_t count);

// The same, for key material: a buffer that wipes itself.
[[nodiscard]] Result<SecureBytes> randomSecret(std::size_t count);

// RFC 9562 §5.4 UUID version 4 from 16 random bytes: the version and variant bits are set, the
// rest kept; lower-case "xxxxxxxx-xxxx-4xxx-Nxxx-xxxxxxxxxxxx" with N one of 8, 9, a, b.
[[nodiscard]] std::string formatUuidV4(std::array<std::uint8_t, 16> bytes);

// A fresh random UUID (for "jti").
[[nodiscard]] Result<std::string> randomUuid();

} // namespace jwtwb::crypto
