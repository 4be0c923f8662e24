#pragma once

#include "crypto/Digest.h"

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

namespace jwtwb::jwe {

// Key management algorithms (RFC 7518 §4) this engine implements, spelled as the RFC spells them.
enum class KeyAlgorithm {
    Dir,
    A128KW,
    A192KW,
    A256KW,
    PBES2_HS256_A128KW,
    PBES2_HS384_A192KW,
    PBES2_HS512_A256KW,
    RSA1_5,
    RSA_OAEP,
    RSA_OAEP_256,
    RSA_OAEP_384,
    RSA_OAEP_512,
    ECDH_ES,
    ECDH_ES_A128KW,
    ECDH_ES_A192KW,
    ECDH_ES_A256KW,
    A128GCMKW,
    A192GCMKW,
    A256GCMKW,
};

// How the content encryption key (CEK) reaches the recipient.
enum class KeyManagement {
    Direct, // dir: the shared key is the CEK
    AesKeyWrap, // A*KW: the CEK wrapped (RFC 3394) with the shared key
    AesGcmKeyWrap, // A*GCMKW: the CEK encrypted with AES-GCM under the shared key; "iv" and "tag" in the header
    Pbes2, // a key derived from a passphrase wraps the CEK
    RsaEncryption, // RSA1_5, RSA-OAEP*: the CEK encrypted to the recipient's RSA public key
    KeyAgreement, // ECDH-ES: the agreed key is the CEK
    KeyAgreementWithKeyWrap, // ECDH-ES+A*KW: the agreed key wraps the CEK
};

// Content encryption algorithms (RFC 7518 §5).
enum class ContentAlgorithm { A128CBC_HS256, A192CBC_HS384, A256CBC_HS512, A128GCM, A192GCM, A256GCM };

struct KeyAlgorithmInfo {
    KeyAlgorithm alg;
    std::string_view name; // "PBES2-HS512+A256KW"
    KeyManagement mode;
    std::size_t kekSize; // the AES key (wrap or GCM) in bytes; 0 when there is none
    std::optional<crypto::HashAlg> hash; // PBES2: PBKDF2's HMAC; RSA-OAEP: the OAEP and MGF1 hash
    bool decryptOnly = false; // RSA1_5 (RFC 8725 §3.2): read, never written

    [[nodiscard]] bool usesPassphrase() const { return mode == KeyManagement::Pbes2; }
    [[nodiscard]] bool agreesKey() const
    {
        return mode == KeyManagement::KeyAgreement || mode == KeyManagement::KeyAgreementWithKeyWrap;
    }
};

struct ContentAlgorithmInfo {
    ContentAlgorithm enc;
    std::string_view name; // "A256GCM"
    std::size_t cekSize; // CBC-HMAC: MAC key and encryption key together (RFC 7518 §5.2.2.1)
    std::size_t ivSize;
    std::size_t tagSize;
    bool gcm;
    crypto::HashAlg hmacHash; // CBC-HMAC only
};

[[nodiscard]] const KeyAlgorithmInfo& keyAlgorithmInfo(KeyAlgorithm alg);
[[nodiscard]] const ContentAlgorithmInfo& contentAlgorithmInfo(ContentAlgorithm enc);
[[nodiscard]] std::optional<KeyAlgorithm> parseKeyAlgorithm(std::string_view name); // exact, case-sensitive
[[nodiscard]] std::optional<ContentAlgorithm> parseContentAlgorithm(std::string_view name);

// A*GCMKW encrypts the CEK as A*GCM with the same key size would, with an empty AAD (RFC 7518 §4.7).
[[nodiscard]] ContentAlgorithm gcmKeyWrapCipher(const KeyAlgorithmInfo& info);

[[nodiscard]] std::span<const KeyAlgorithmInfo> keyAlgorithms(); // in the order of the enum
[[nodiscard]] std::span<const ContentAlgorithmInfo> contentAlgorithms();

} // namespace jwtwb::jwe
