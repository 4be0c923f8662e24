#pragma once

#include "Bytes.h"
#include "Error.h"
#include "crypto/SecureBytes.h"

#include <cstdint>
#include <span>

namespace jwtwb::jwe {

// RFC 3394 AES key wrap with the default IV (A6A6A6A6A6A6A6A6), as RFC 7518 §4.4 uses it.
// The key encryption key is 16, 24 or 32 bytes; the wrapped key a multiple of 8 bytes, at least 16.
[[nodiscard]] Result<Bytes> aesKeyWrap(std::span<const std::uint8_t> kek, std::span<const std::uint8_t> key);

// The integrity check failing (a wrong key encryption key or a changed encrypted key) is
// Errc::DecryptionFailed; callers that know better (a passphrase) say so.
[[nodiscard]] Result<crypto::SecureBytes> aesKeyUnwrap(std::span<const std::uint8_t> kek,
                                                       std::span<const std::uint8_t> wrapped);

} // namespace jwtwb::jwe
