#pragma once

#include "Bytes.h"
#include "Error.h"
#include "encoding/Json.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jwtwb::jose {

// One signature of a JWS JSON Serialization (RFC 7515 §7.2).
struct JwsJsonSignature {
    std::string protectedB64; // as in the document; may be empty (RFC 7520 §4.7)
    encoding::Json protectedHeader = encoding::Json::object();
    encoding::Json unprotectedHeader = encoding::Json::object();
    Bytes signature;
};

struct JwsJsonDocument {
    bool flattened = false;
    std::optional<std::string> payloadText; // the "payload" member as written; absent when detached
    std::vector<JwsJsonSignature> signatures;
};

// Parses the general or flattened JSON serialization; every structural problem is an error that
// names the member.
[[nodiscard]] Result<JwsJsonDocument> parseJwsJson(std::string_view text);

} // namespace jwtwb::jose
