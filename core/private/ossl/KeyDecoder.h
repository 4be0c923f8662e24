#pragma once

// OSSL_DECODER with a passphrase that is never prompted for. Included only from core .cpp files.

#include "Handles.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace jwtwb::ossl {

struct DecodedPkey {
    PKeyPtr pkey; // nullptr when decoding failed
    bool passphraseAsked = false; // the input is encrypted: a decoder asked for the passphrase
    std::size_t unread = 0; // input octets left after the key
    std::string errors; // the drained OpenSSL error queue when decoding failed
    std::string refused; // why an encrypted key was not decrypted: its key derivation costs too much
};

// An encrypted PKCS#8 key whose key derivation needs more than this is refused before any work:
// otherwise a crafted file (PBKDF2 with 2^31 iterations, scrypt with a huge p) holds the reader
// for hours. OpenSSL writes 2048 iterations and scrypt N = 16384, r = 8, p = 1 (2^17).
inline constexpr std::uint64_t kMaxKdfIterations = 1'000'000; // PBKDF2, PBES1, PKCS#12 PBE
inline constexpr std::uint64_t kMaxScryptWork = std::uint64_t{1} << 23; // N * r * p

// `inputType` "PEM" or "DER"; `keyType` ("RSA", "EC", …) and `structure` ("type-specific",
// "SubjectPublicKeyInfo", …) narrow the decoders tried, nullptr tries all. An empty passphrase
// means "none": an encrypted key then fails with passphraseAsked set. DER input that is an
// EncryptedPrivateKeyInfo over the limits above is not decoded: `refused` says why.
[[nodiscard]] DecodedPkey decodePkey(std::span<const std::uint8_t> input, const char* inputType, const char* keyType,
                                     const char* structure, std::string_view passphrase);

} // namespace jwtwb::ossl
