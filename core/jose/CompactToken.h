#pragma once

#include "Bytes.h"
#include "Error.h"
#include "encoding/Base64Url.h"
#include "encoding/Json.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jwtwb::jose {

enum class TokenKind { Jws, Jwe };

enum class SegmentRole {
    Header,
    Payload,
    Signature,
    EncryptedKey,
    InitializationVector,
    Ciphertext,
    AuthenticationTag
};

[[nodiscard]] std::string_view segmentName(SegmentRole role);

struct Segment {
    SegmentRole role;
    std::size_t offset; // in CompactToken::text
    std::size_t length;
    Bytes bytes;
    std::vector<encoding::Base64Note> notes; // deviations accepted in lenient mode; positions in `text`
};

// A compact JWS (RFC 7515 §7.1) or JWE (RFC 7516 §7.1), decoded but not verified.
struct CompactToken {
    TokenKind kind;
    std::string text;
    std::vector<Segment> segments; // 3 for a JWS, 5 for a JWE

    bool unencodedPayload = false; // RFC 7797 "b64": false — the payload part is the payload itself
    encoding::ParsedJson header; // always a JSON object

    // JWS only: the payload need not be JSON (RFC 7515); a JWT's is a JSON object.
    std::optional<encoding::ParsedJson> payloadJson;
    std::optional<Error> payloadNotJson; // why payloadJson is empty, when the payload is not empty

    [[nodiscard]] const Segment& segment(SegmentRole role) const;
    [[nodiscard]] std::string_view headerText() const { return asText(segments.front().bytes); } // as in the token
    [[nodiscard]] const Bytes& payload() const { return segment(SegmentRole::Payload).bytes; }
    [[nodiscard]] const Bytes& signature() const { return segment(SegmentRole::Signature).bytes; }
    [[nodiscard]] std::string_view signingInput() const; // BASE64URL(header) '.' BASE64URL(payload)
    [[nodiscard]] bool hasEncodingNotes() const;
};

enum class Base64Mode {
    Strict, // RFC 7515 §2; anything else is an error
    Lenient, // accept padding, standard alphabet and non-zero trailing bits, and note them
};

inline constexpr std::size_t kMaxTokenSize = 16 * 1024 * 1024;

// One sentence per thing the token does that a strict reader would not accept: non-canonical
// base64url (lenient mode) and repeated JSON members, e.g.
// "payload: '=' padding, which RFC 7515 §2 forbids, at position 36".
[[nodiscard]] std::vector<std::string> describeNotes(const CompactToken& token);

// Splits and decodes a compact token. Every error names the part and the position.
[[nodiscard]] Result<CompactToken> decodeCompact(std::string_view token, Base64Mode mode = Base64Mode::Strict);

} // namespace jwtwb::jose
