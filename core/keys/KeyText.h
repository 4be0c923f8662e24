#pragma once

#include "Bytes.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace jwtwb::keys {

// What kind of key text (or bytes) this is, from its content alone: the one decision behind the
// GUI's key boxes, the CLI's key files and the verifier's algorithm-confusion check.
enum class KeyTextKind {
    Other, // none of the below: for example an HMAC secret
    Pem, // a line starting with "-----BEGIN"
    Jwk, // a JSON object with "kty"
    Jwks, // a JSON object with "keys"
    Der, // binary: one ASN.1 SEQUENCE whose length is exactly the rest of the bytes
    Base64Der, // base64 or base64url (whitespace allowed) of such a SEQUENCE
};

// Surrounding whitespace is ignored. Cheap for text that is none of these: JSON is parsed only when
// the text starts with "{", base64 decoded only when it starts with "M". JSON must parse; a SEQUENCE must be at least
// 40 bytes (the smallest public key, Ed25519 SubjectPublicKeyInfo, has 44), so that a random HMAC secret is almost
// never taken for DER. Nothing is decoded beyond what the decision needs.
[[nodiscard]] KeyTextKind classifyKeyText(std::span<const std::uint8_t> bytes);
[[nodiscard]] KeyTextKind classifyKeyText(std::string_view text);

// Base64 or base64url with whitespace anywhere, as in a PEM body without its armour or a JWK's x5c:
// the bytes, or nullopt when it does not decode. The compacted copy of the text is wiped.
[[nodiscard]] std::optional<Bytes> decodeSpacedBase64(std::string_view text);

} // namespace jwtwb::keys
