#pragma once

#include "Error.h"
#include "RawPrimitives.h"
#include "jwe/JweMessage.h"
#include "keys/Key.h"

#include <memory>

namespace jwtwb::bench {

// The bare OpenSSL work of decrypting one JWE (alg RSA-OAEP*, ECDH-ES, ECDH-ES+A*KW or dir; enc
// A*GCM), prepared once and repeated: the yardstick for `jwtwb bench`'s decrypt lines. Prepared:
// the RSA-OAEP context, the ECDH context with the ephemeral key already parsed and set as the
// peer, the SSKDF context with its OtherInfo, the fetched ciphers, the decoded parts. Repeated:
// RSA-OAEP decrypt of the CEK, or ECDH derive + Concat KDF (+ AES key unwrap); then AES-GCM
// decrypt of the content and its tag check.
[[nodiscard]] Result<std::unique_ptr<RawOperation>> rawJweDecrypt(const jwe::JweMessage& message, const keys::Key& key);

} // namespace jwtwb::bench
