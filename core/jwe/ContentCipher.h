#pragma once

#include "Bytes.h"
#include "Error.h"
#include "crypto/SecureBytes.h"
#include "jwe/JweAlgorithm.h"

#include <cstdint>
#include <span>

namespace jwtwb::jwe {

struct SealedContent {
    Bytes ciphertext;
    Bytes tag;
};

// RFC 7518 §5.2 (AES-CBC with HMAC-SHA2, the first half of the CEK is the MAC key) and §5.3
// (AES-GCM, 96-bit IV, 128-bit tag). The CEK and IV sizes must be the algorithm's.
[[nodiscard]] Result<SealedContent> encryptContent(ContentAlgorithm enc, std::span<const std::uint8_t> cek,
                                                   std::span<const std::uint8_t> iv, std::span<const std::uint8_t> aad,
                                                   std::span<const std::uint8_t> plaintext);

// A tag that does not match (changed ciphertext, IV, tag or AAD, or a wrong CEK) is
// Errc::DecryptionFailed, and nothing of the plaintext is returned.
[[nodiscard]] Result<crypto::SecureBytes> decryptContent(ContentAlgorithm enc, std::span<const std::uint8_t> cek,
                                                         std::span<const std::uint8_t> iv,
                                                         std::span<const std::uint8_t> aad,
                                                         std::span<const std::uint8_t> ciphertext,
                                                         std::span<const std::uint8_t> tag);

} // namespace jwtwb::jwe
