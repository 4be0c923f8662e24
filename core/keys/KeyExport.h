#pragma once

#include "Bytes.h"
#include "Error.h"
#include "crypto/SecureBytes.h"
#include "encoding/Json.h"
#include "keys/Key.h"

#include <span>
#include <string>
#include <string_view>

namespace jwtwb::keys {

// A JWK with its members in RFC order: kty; RSA n, e, d, p, q, dp, dq, qi; EC crv, x, y, d;
// OKP crv, x, d; oct k; then kid, use, key_ops, alg, x5c (when set) and the extra members in their
// order. Integers are big-endian of minimal length, EC coordinates and d the full field size.
// Errors: includePrivate for a public key; a secret without includePrivate (it has no public
// form); an extra member that would repeat or contradict one written from the key.
[[nodiscard]] Result<encoding::Json> exportJwk(const Key& key, bool includePrivate);

// {"keys": [...]}: all of them or an error naming the first key that cannot be exported.
[[nodiscard]] Result<encoding::Json> exportJwks(std::span<const Key> keys, bool includePrivate);

// SubjectPublicKeyInfo ("-----BEGIN PUBLIC KEY-----"). A secret has no PEM or DER form.
[[nodiscard]] Result<std::string> exportPublicPem(const Key& key);
[[nodiscard]] Result<Bytes> exportPublicDer(const Key& key);

// PKCS#8 ("PRIVATE KEY"); with a passphrase "ENCRYPTED PRIVATE KEY": PBES2 with PBKDF2-HMAC-SHA256
// and AES-256-CBC. The caller owns the secret text: wipe it (crypto::wipe) when done.
[[nodiscard]] Result<std::string> exportPrivatePem(const Key& key, std::string_view passphrase = {});
[[nodiscard]] Result<crypto::SecureBytes> exportPrivateDer(const Key& key, std::string_view passphrase = {});

} // namespace jwtwb::keys
