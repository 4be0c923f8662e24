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
};

// `inputType` "PEM" or "DER"; `keyType` ("RSA", "EC", …) and `structure` ("type-specific",
// "SubjectPublicKeyInfo", …) narrow the decoders tried, nullptr tries all. An empty passphrase
// means "none": an encrypted key then fails with passphraseAsked set.
[[nodiscard]] DecodedPkey decodePkey(std::span<const std::uint8_t> input, const char* inputType, const char* keyType,
                                     const char* structure, std::string_view passphrase);

} // namespace jwtwb::ossl
