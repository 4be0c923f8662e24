#pragma once

#include "Error.h"
#include "jose/Algorithm.h"
#include "keys/Key.h"

#include <string>
#include <vector>

namespace jwtwb::jose {

enum class KeyPurpose { Sign, Verify };

// Whether `key` may be used with `alg`. Refusals are errors (Errc::KeyMismatch, Errc::WeakKey,
// Errc::AlgorithmNotAllowed) that say why; a key of the wrong type or curve in plain words, what it
// is and what the algorithm needs: "this is an EC P-256 private key; HS256 needs a shared secret"; weaknesses that RFC
// 7518 forbids but that a workbench must still be able to inspect (short HMAC secrets, RSA below 2048 bits when
// verifying) come back as warnings.
[[nodiscard]] Result<std::vector<std::string>> checkKeyForAlgorithm(const keys::Key& key, JwsAlgorithm alg,
                                                                    KeyPurpose purpose);

// The key with its article, as the messages above name it: "an RSA 2048-bit public key", "a 256-bit secret".
[[nodiscard]] std::string keyPhrase(const keys::Key& key);

// RFC 7518 §3.2: an HMAC key must be at least as long as the hash output. The sentence saying by how
// much `key` falls short for `alg`, or empty when it does not (or when alg is not HMAC or key not a secret).
[[nodiscard]] std::string describeShortHmacSecret(const keys::Key& key, JwsAlgorithm alg);

// Every algorithm the key can be used with for `purpose` (never `none`).
[[nodiscard]] std::vector<JwsAlgorithm> algorithmsForKey(const keys::Key& key, KeyPurpose purpose);

} // namespace jwtwb::jose
