#pragma once

#include "Error.h"
#include "crypto/SecureBytes.h"
#include "encoding/Json.h"
#include "jwe/JweAlgorithm.h"
#include "keys/Key.h"

#include <span>
#include <string>
#include <string_view>

namespace jwtwb::jwe {

// The JOSE header of one recipient: the union of the protected, shared and per-recipient headers.
[[nodiscard]] encoding::Json joinHeaders(const encoding::Json& protectedHeader, const encoding::Json& sharedHeader,
                                         const encoding::Json& recipientHeader);

struct JweAlgorithms {
    KeyAlgorithm alg;
    ContentAlgorithm enc;
    bool compressed = false; // "zip": "DEF"
};

// "alg", "enc" and "zip" from a joined header; an unknown one is Errc::UnsupportedAlgorithm.
[[nodiscard]] Result<JweAlgorithms> readAlgorithms(const encoding::Json& header);

// RFC 7516 §4.1.13: "crit" is in the protected header, names members that are there, and each is
// one the caller understands.
[[nodiscard]] Result<void> checkCritical(const encoding::Json& protectedHeader, const encoding::Json& header,
                                         std::span<const std::string> understood);

// The AES key for A*KW and A*GCMKW (the key itself, of the right size) and PBES2 (derived from the
// passphrase with p2s and p2c).
[[nodiscard]] Result<crypto::SecureBytes> keyWrappingKey(KeyAlgorithm alg, const keys::Key& key,
                                                         std::span<const std::uint8_t> p2s, std::uint64_t p2c);

// ASCII(BASE64URL(protected)) [ '.' BASE64URL(aad) ] (RFC 7516 §5.1 step 14).
[[nodiscard]] std::string additionalData(std::string_view protectedB64, const std::optional<std::string>& aadB64);

} // namespace jwtwb::jwe
