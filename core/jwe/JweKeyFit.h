#pragma once

#include "jwe/JweAlgorithm.h"
#include "keys/Key.h"

#include <vector>

namespace jwtwb::jwe {

enum class JweKeyPurpose { Encrypt, Decrypt };

// The key management algorithms `key` fits, in the order of keyAlgorithms(): RSA-OAEP* for an RSA
// key (and RSA1_5 to decrypt), ECDH-ES* for a key on a key-agreement curve (isKeyAgreementCurve),
// and for a secret A*KW and A*GCMKW of its size, dir when an enc takes a content key of its size,
// and PBES2 (a passphrase of any length). Decrypting with RSA or ECDH-ES needs the private key. A
// JWK whose "alg" names a JWE key algorithm fits that one only. Key strength is not judged here: a
// weak RSA key is refused, with the reason, when it is used.
[[nodiscard]] std::vector<KeyAlgorithm> keyAlgorithmsForKey(const keys::Key& key, JweKeyPurpose purpose);

// The content encryption algorithms that go with `alg` and `key`: every one, except with dir, where
// the key is the content key and only the enc of its size fits.
[[nodiscard]] std::vector<ContentAlgorithm> contentAlgorithmsForKey(KeyAlgorithm alg, const keys::Key& key);

} // namespace jwtwb::jwe
