#pragma once

#include "Bytes.h"
#include "Error.h"
#include "crypto/SecureBytes.h"
#include "jwe/JweAlgorithm.h"
#include "keys/Key.h"

#include <cstdint>
#include <span>

namespace jwtwb::jwe {

// RFC 7518 §4.2 and §4.3: at least 2048 bits.
inline constexpr int kMinRsaEncryptionBits = 2048;

// RSA-OAEP, -256, -384 and -512 (OAEP and MGF1 with the same hash) to an RSA public key. RSA1_5 is
// refused: it is only read.
[[nodiscard]] Result<Bytes> rsaEncryptKey(KeyAlgorithm alg, const keys::Key& key, std::span<const std::uint8_t> cek);

// The CEK from an RSA private key. RSA-OAEP failing is Errc::DecryptionFailed. RSA1_5 never fails
// on its padding: a CEK that does not decrypt to `cekSize` bytes is replaced with random bytes
// (RFC 7516 §11.5), so that the content's tag check fails the same way as for any other wrong key
// and a padding oracle learns nothing. A key under 2048 bits is Errc::WeakKey unless accepted.
[[nodiscard]] Result<crypto::SecureBytes> rsaDecryptKey(KeyAlgorithm alg, const keys::Key& key,
                                                        std::span<const std::uint8_t> encryptedKey, std::size_t cekSize,
                                                        bool acceptWeakKey = false);

} // namespace jwtwb::jwe
