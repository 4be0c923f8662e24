#pragma once

#include "Bytes.h"
#include "Error.h"
#include "crypto/SecureBytes.h"

#include <cstddef>

namespace jwtwb::crypto {

// Bytes from OpenSSL's CSPRNG (RAND_bytes): for salts and IVs, and (as SecureBytes) for keys.
[[nodiscard]] Result<Bytes> randomBytes(std::size_t size);
[[nodiscard]] Result<SecureBytes> randomSecret(std::size_t size);

} // namespace jwtwb::crypto
