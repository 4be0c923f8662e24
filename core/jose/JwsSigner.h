#pragma once

#include "Bytes.h"
#include "Error.h"
#include "encoding/Json.h"
#include "jose/KeyAlgorithmCheck.h"
#include "keys/Key.h"

#include <span>
#include <string>
#include <string_view>

namespace jwtwb::jose {

struct SignOptions {
    bool detachedPayload = false; // RFC 7515 Appendix F: leave the payload out of the output
    bool allowUnsecured = false; // alg "none" only when the caller asks for it explicitly
    bool exactHeader = false; // sign the header text byte for byte instead of its compact form
    WeakKeys weakKeys = WeakKeys::Refuse; // Accept: sign with a weak key (teaching, test fixtures)
};

// Parses JSON text and writes it compactly with member order kept: what gets signed is exactly
// what was typed, minus whitespace. Duplicate members are refused (RFC 7515 §5.2).
[[nodiscard]] Result<std::string> compactJsonText(std::string_view jsonText, std::string_view what);

// Compact JWS (RFC 7515 §7.1) from header JSON text. The header must name "alg"; "b64": false
// (RFC 7797) needs "crit": ["b64"]. `key` may be null only for alg "none" with allowUnsecured.
[[nodiscard]] Result<std::string> signCompact(std::string_view headerJson, std::span<const std::uint8_t> payload,
                                              const keys::Key* key, const SignOptions& options = {});

struct SignatureSpec {
    encoding::Json protectedHeader = encoding::Json::object();
    encoding::Json unprotectedHeader = encoding::Json::object();
    const keys::Key* key = nullptr;
};

enum class JsonSerialization { Flattened, General };

// JWS JSON Serialization (RFC 7515 §7.2): flattened for one signature, general for any number.
[[nodiscard]] Result<encoding::Json> signJson(std::span<const SignatureSpec> signatures,
                                              std::span<const std::uint8_t> payload, JsonSerialization form,
                                              const SignOptions& options = {});

} // namespace jwtwb::jose
