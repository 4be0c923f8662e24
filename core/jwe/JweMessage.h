#pragma once

#include "Bytes.h"
#include "encoding/Json.h"

#include <optional>
#include <string>
#include <vector>

namespace jwtwb::jwe {

struct JweRecipient {
    encoding::Json header = encoding::Json::object(); // per-recipient unprotected header ("header")
    Bytes encryptedKey; // empty for dir
};

// A JWE in any serialization (RFC 7516 §7), decoded but not decrypted.
struct JweMessage {
    std::string protectedB64; // BASE64URL(UTF8(JWE Protected Header)) exactly as given: it is the AAD
    encoding::Json protectedHeader = encoding::Json::object();
    encoding::Json sharedHeader = encoding::Json::object(); // JSON "unprotected"
    std::vector<JweRecipient> recipients; // one for compact and flattened JSON
    Bytes iv;
    Bytes ciphertext;
    Bytes tag;
    std::optional<std::string> aadB64; // JSON "aad" member, as given (base64url)
};

} // namespace jwtwb::jwe
