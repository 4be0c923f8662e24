#pragma once

#include "Bytes.h"
#include "Error.h"
#include "crypto/Digest.h"
#include "keys/Key.h"

#include <string>

namespace jwtwb::keys {

// RFC 7638 §3.2: the required members only (RSA e, kty, n; EC crv, kty, x, y; OKP crv, kty, x
// (RFC 8037 §2); oct k, kty) in lexicographic order, no whitespace. For a secret it holds the
// secret: wipe it when done.
[[nodiscard]] Result<std::string> thumbprintInput(const Key& key);

// The hash of thumbprintInput() (SHA-1, SHA-256, SHA-384 or SHA-512).
[[nodiscard]] Result<Bytes> thumbprint(const Key& key, crypto::HashAlg hash = crypto::HashAlg::Sha256);

// RFC 9278: "urn:ietf:params:oauth:jwk-thumbprint:sha-256:<base64url>"; SHA-256, SHA-384 and
// SHA-512 only (the hash names of the IANA Named Information registry); SHA-1 is an error.
[[nodiscard]] Result<std::string> thumbprintUri(const Key& key, crypto::HashAlg hash = crypto::HashAlg::Sha256);

} // namespace jwtwb::keys
