#pragma once

// ECDSA signatures in the two encodings: OpenSSL's DER ECDSA-Sig-Value and JWS's fixed-size R‖S
// (RFC 7518 §3.4). The only place that converts between them.

#include "Bytes.h"
#include "Error.h"

#include <span>

namespace jwtwb::ossl {

// R‖S, each left-padded to `componentSize` bytes.
[[nodiscard]] Result<Bytes> ecdsaDerToRaw(std::span<const std::uint8_t> der, std::size_t componentSize);
[[nodiscard]] Result<Bytes> ecdsaRawToDer(std::span<const std::uint8_t> raw);
// True when the bytes are a complete DER ECDSA-Sig-Value (what OpenSSL and Java produce).
[[nodiscard]] bool looksLikeDerEcdsa(std::span<const std::uint8_t> bytes);

} // namespace jwtwb::ossl
