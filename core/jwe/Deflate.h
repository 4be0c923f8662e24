#pragma once

#include "Bytes.h"
#include "Error.h"
#include "crypto/SecureBytes.h"

#include <cstddef>
#include <span>

namespace jwtwb::jwe {

// "zip": "DEF" is raw DEFLATE (RFC 1951) without a zlib or gzip wrapper (RFC 7516 §4.1.3).
// zlib's own buffers hold the plaintext too; both functions wipe them before freeing.
[[nodiscard]] Result<Bytes> deflateRaw(std::span<const std::uint8_t> data);

// Stops with Errc::LimitExceeded as soon as the output would pass `maxSize` (a decompression
// bomb); a stream that is not DEFLATE, or is cut short, is Errc::MalformedToken.
[[nodiscard]] Result<crypto::SecureBytes> inflateRaw(std::span<const std::uint8_t> data, std::size_t maxSize);

} // namespace jwtwb::jwe
