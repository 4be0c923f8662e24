#pragma once

#include "Bytes.h"
#include "Error.h"
#include "crypto/SecureBytes.h"
#include "encoding/Json.h"
#include "jwe/JweMessage.h"
#include "jwe/Pbes2.h"
#include "keys/Key.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>

namespace jwtwb::jwe {

struct EncryptOptions {
    // Must name "alg" and "enc" (here or in sharedHeader). For PBES2 a missing "p2s" (16 random
    // bytes) and "p2c" (`p2c` below) are added to the protected header; given ones are used as they are.
    encoding::Json protectedHeader = encoding::Json::object();
    encoding::Json sharedHeader = encoding::Json::object(); // JSON serialization only
    std::optional<std::string> aad; // JSON serialization only: the octets, stored base64url
    std::uint64_t p2c = kDefaultP2c;
    // Compress with DEFLATE and add "zip": "DEF" to the protected header. A given "zip": "DEF"
    // compresses too; nothing else does.
    bool compress = false;

    // Known-answer tests only: fixed values instead of fresh random ones. Never reuse an IV.
    std::optional<crypto::SecureBytes> cek;
    std::optional<Bytes> iv;
    std::optional<Bytes> keyWrapIv; // A*GCMKW's "iv"
    std::optional<keys::Key> ephemeralKey; // ECDH-ES: the sender's private key
};

// RFC 7516 §5.1 for one recipient. The key is the recipient's public key for RSA-OAEP* and
// ECDH-ES*, the shared symmetric key for dir, A*KW and A*GCMKW, and the passphrase, as an oct key,
// for PBES2 (keys::Key::fromSecret). What the algorithm adds to the header ("epk", "iv" and "tag",
// "p2s" and "p2c") goes into the protected header, in place when it is already there. The protected
// header is serialized compactly in the member order given; the AAD is its base64url form, followed
// by '.' and the base64url aad for the JSON serialization. RSA1_5 is refused (decrypt only).
[[nodiscard]] Result<JweMessage> encryptJwe(std::span<const std::uint8_t> plaintext, const keys::Key& key,
                                            EncryptOptions options);

} // namespace jwtwb::jwe
