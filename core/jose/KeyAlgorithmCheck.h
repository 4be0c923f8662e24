#pragma once

#include "Error.h"
#include "jose/Algorithm.h"
#include "keys/Key.h"

#include <string>
#include <vector>

namespace jwtwb::jose {

enum class KeyPurpose { Sign, Verify };

// What happens to a weak key (describeWeakKey): refused, as a conforming verifier and signer must,
// or accepted with a warning, for teaching and for legacy systems. Never remembered: each use asks.
enum class WeakKeys { Refuse, Accept };

// The key-strength rule, in one place for signing and verifying: why `key` is too weak for `alg`,
// or empty. An RSA modulus under 2048 bits (RFC 7518 §3.3, §3.5), an RSA modulus with the ROCA
// fingerprint (CVE-2017-15361), an HMAC secret shorter than the hash (RFC 7518 §3.2).
[[nodiscard]] std::string describeWeakKey(const keys::Key& key, JwsAlgorithm alg);

// Whether `key` may be used with `alg`. Refusals are errors (Errc::KeyMismatch, Errc::WeakKey,
// Errc::AlgorithmNotAllowed) that say why; a key of the wrong type or curve in plain words, what it
// is and what the algorithm needs: "this is an EC P-256 private key; HS256 needs a shared secret".
// A weak key is refused with Errc::WeakKey, or with WeakKeys::Accept its weakness is a warning.
[[nodiscard]] Result<std::vector<std::string>>
checkKeyForAlgorithm(const keys::Key& key, JwsAlgorithm alg, KeyPurpose purpose, WeakKeys weak = WeakKeys::Refuse);

// The key with its article, as the messages above name it: "an RSA 2048-bit public key", "a 256-bit secret".
[[nodiscard]] std::string keyPhrase(const keys::Key& key);

// RFC 7518 §3.2: an HMAC key must be at least as long as the hash output. The sentence saying by how
// much `key` falls short for `alg`, or empty when it does not (or when alg is not HMAC or key not a secret).
[[nodiscard]] std::string describeShortHmacSecret(const keys::Key& key, JwsAlgorithm alg);

// Every algorithm the key fits for `purpose` (never `none`), weak or not: a weak key is refused,
// with its reason, when it is used.
[[nodiscard]] std::vector<JwsAlgorithm> algorithmsForKey(const keys::Key& key, KeyPurpose purpose);

} // namespace jwtwb::jose
