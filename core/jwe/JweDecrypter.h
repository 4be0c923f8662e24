#pragma once

#include "Error.h"
#include "crypto/SecureBytes.h"
#include "encoding/Json.h"
#include "jwe/JweAlgorithm.h"
#include "jwe/JweMessage.h"
#include "jwe/Pbes2.h"
#include "keys/Key.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace jwtwb::jwe {

// The most "zip": "DEF" content may inflate to: 16 MiB, the largest token this program reads.
inline constexpr std::size_t kMaxInflatedSize = 16 * 1024 * 1024;

struct DecryptOptions {
    std::uint64_t maxP2c = kMaxP2c; // a larger PBES2 iteration count is refused, not computed
    std::size_t maxInflatedSize = kMaxInflatedSize; // decompression stops here (Errc::LimitExceeded)
    std::vector<std::string> criticalHeaders; // "crit" members the caller understands
    bool acceptWeakKeys = false; // an RSA key under 2048 bits
};

struct DecryptedJwe {
    crypto::SecureBytes plaintext; // inflated when the JWE was compressed
    encoding::Json header; // the JOSE header: protected, shared and recipient members together
    KeyAlgorithm alg = KeyAlgorithm::Dir;
    ContentAlgorithm enc = ContentAlgorithm::A256GCM;
    bool compressed = false;
    std::size_t recipient = 0; // which recipient was decrypted (index in JweMessage::recipients)
    std::size_t key = 0; // with which key (index in the keys given)
};

// RFC 7516 §5.2. Each recipient in turn is tried with the keys whose "kid" is the recipient's, or
// with every key when none has it. A key is a private key for RSA and ECDH-ES, the shared
// symmetric key for dir, A*KW and A*GCMKW, and the passphrase, as an oct key, for PBES2.
// Errors: Errc::DecryptionFailed (a wrong key or changed data: the tag or key unwrap check failed),
// Errc::WrongPassphrase (PBES2), Errc::UnsupportedAlgorithm (an unknown alg, enc or zip, or an
// unknown critical member), Errc::LimitExceeded (p2c or the inflated size over the cap),
// Errc::MalformedToken, Errc::KeyMismatch / Errc::InvalidKey / Errc::WeakKey (a key that cannot be
// used). With several attempts, the error lists them and carries the first one's code.
[[nodiscard]] Result<DecryptedJwe> decryptJwe(const JweMessage& message, std::span<const keys::Key> keys,
                                              const DecryptOptions& options = {});

[[nodiscard]] inline Result<DecryptedJwe> decryptJwe(const JweMessage& message, const keys::Key& key,
                                                     const DecryptOptions& options = {})
{
    return decryptJwe(message, std::span<const keys::Key>(&key, 1), options);
}

} // namespace jwtwb::jwe
