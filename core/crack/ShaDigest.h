#pragma once

#include "Bytes.h"
#include "crypto/Digest.h"

#include <span>

namespace jwtwb::crack {

// Which SHA-256 compression function the secret search uses.
enum class ShaKernel {
    Portable, // plain C++, any CPU
    ShaExtensions, // x86 SHA-NI instructions
};

// True when this CPU has the x86 SHA extensions (checked once with CPUID).
[[nodiscard]] bool shaExtensionsAvailable();
[[nodiscard]] ShaKernel bestShaKernel();

// Whole-message digests over the search's own compression functions: SHA-256 with either kernel,
// SHA-384 and SHA-512 portable. For long HMAC keys (RFC 2104 hashes them first) and for the tests
// that hold these functions against FIPS 180-4 examples and OpenSSL.
[[nodiscard]] Bytes sha256(std::span<const std::uint8_t> data, ShaKernel kernel);
[[nodiscard]] Bytes sha512Family(crypto::HashAlg hash, std::span<const std::uint8_t> data); // Sha384 or Sha512

} // namespace jwtwb::crack
