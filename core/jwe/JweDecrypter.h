#pragma once

#include "Error.h"
#include "crypto/SecureBytes.h"
#include "encoding/Json.h"
#include "jwe/JweMessage.h"
#include "jwe/Pbes2.h"
#include "keys/Key.h"

#include <cstdint>

namespace jwtwb::jwe {

struct DecryptOptions {
    std::uint64_t maxP2c = kMaxP2c; // a larger PBES2 iteration count is refused, not computed
};

struct DecryptedJwe {
    crypto::SecureBytes plaintext;
    encoding::Json header; // the JOSE header: protected, shared and recipient members together
};

// RFC 7516 §5.2, trying each recipient in turn. The key as for encryptJwe(). Errors:
// Errc::WrongPassphrase (PBES2: the derived key does not unwrap the CEK, which is also what a
// changed encrypted key or p2s looks like), Errc::DecryptionFailed (a wrong key or changed data),
// Errc::UnsupportedAlgorithm (an unknown alg or enc, "zip", or "crit"), Errc::MalformedToken,
// Errc::InvalidKey / Errc::KeyMismatch (a key that cannot be used with the algorithm).
[[nodiscard]] Result<DecryptedJwe> decryptJwe(const JweMessage& message, const keys::Key& key,
                                              const DecryptOptions& options = {});

} // namespace jwtwb::jwe
