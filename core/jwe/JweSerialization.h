#pragma once

#include "Error.h"
#include "encoding/Json.h"
#include "jwe/JweMessage.h"

#include <string>
#include <string_view>

namespace jwtwb::jwe {

// RFC 7516 §7.1: five base64url parts (strict); the protected header must be a JSON object without
// repeated members.
[[nodiscard]] Result<JweMessage> parseJweCompact(std::string_view text);

// RFC 7516 §7.2: the general ("recipients") or flattened syntax. Every member has the type the RFC
// gives it, binary members are strict base64url, the headers are disjoint JSON objects, and the
// protected header has no repeated members. Unknown members are ignored (§7.2.1).
[[nodiscard]] Result<JweMessage> parseJweJson(std::string_view text);

// Compact needs exactly one recipient, no unprotected headers and no aad.
[[nodiscard]] Result<std::string> toJweCompact(const JweMessage& message);

enum class JsonSyntax { Flattened, General };

// Members in the order of RFC 7516 §7.2.1 (protected, unprotected, header/recipients, aad, iv,
// ciphertext, tag); empty headers are left out. Flattened needs exactly one recipient.
[[nodiscard]] Result<encoding::Json> toJweJson(const JweMessage& message, JsonSyntax syntax);

} // namespace jwtwb::jwe
