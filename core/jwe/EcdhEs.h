#pragma once

#include "Error.h"
#include "crypto/SecureBytes.h"
#include "encoding/Json.h"
#include "jwe/JweAlgorithm.h"
#include "keys/Key.h"

#include <optional>
#include <span>
#include <string_view>

namespace jwtwb::jwe {

// The curves ECDH-ES is registered for: P-256, P-384, P-521 (RFC 7518 §4.6) and X25519, X448 (RFC 8037).
[[nodiscard]] bool isKeyAgreementCurve(keys::Curve curve);

// RFC 7518 §4.6.2: the Concat KDF (NIST SP 800-56A single-step, SHA-256) over the shared secret Z,
// with AlgorithmID, PartyUInfo and PartyVInfo length-prefixed and SuppPubInfo the key size in bits.
[[nodiscard]] Result<crypto::SecureBytes> concatKdf(std::span<const std::uint8_t> z, std::string_view algorithmId,
                                                    std::span<const std::uint8_t> apu,
                                                    std::span<const std::uint8_t> apv, std::size_t keySize);

// Z: ECDH between a private key and a public key on the same curve.
[[nodiscard]] Result<crypto::SecureBytes> ecdhSharedSecret(const keys::Key& privateKey, const keys::Key& peerKey);

// What the sender of an ECDH-ES JWE gets: the agreed key (the CEK for ECDH-ES, the key wrapping key
// for ECDH-ES+A*KW) and the "epk" header member, the ephemeral public key as a JWK.
struct KeyAgreement {
    crypto::SecureBytes key;
    encoding::Json epk;
};

// The sender's side: a fresh ephemeral key on the recipient's curve (or `ephemeral`, for
// known-answer tests). "apu" and "apv" are read from the header when present.
[[nodiscard]] Result<KeyAgreement> agreeAsSender(KeyAlgorithm alg, ContentAlgorithm enc, const keys::Key& recipient,
                                                 const encoding::Json& header,
                                                 const std::optional<keys::Key>& ephemeral = std::nullopt);

// The recipient's side, from the header's "epk", "apu" and "apv". An "epk" that is not a public key
// on the recipient's curve is refused before any agreement (an invalid-curve attack).
[[nodiscard]] Result<crypto::SecureBytes> agreeAsRecipient(KeyAlgorithm alg, ContentAlgorithm enc,
                                                           const keys::Key& recipient, const encoding::Json& header);

} // namespace jwtwb::jwe
