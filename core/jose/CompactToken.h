#pragma once

#include "Bytes.h"
#include "Error.h"
#include "encoding/Base64Url.h"
#include "encoding/Json.h"
#include "encoding/JsonMembers.h"

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

// What decodeCompact checks and decodes, without building the header's and the payload's
// documents: the header is read as members instead (verifyJwt's way, which needs only a few).
struct CompactParts {
    CompactToken token; // header and payloadJson are left empty; see addDocuments
    encoding::JsonMembers header; // views of token's header bytes
};

[[nodiscard]] Result<CompactParts> splitCompact(std::string_view token, Base64Mode mode = Base64Mode::Strict);

// Builds the documents that splitCompact leaves out: decodeCompact is splitCompact, then this.
void addDocuments(CompactToken& token);

// What the parts of a token say when the whole does not decode: a copy without its signature, one
// bad character, a part too many. decodeCompact stays the decoder for verification; this reading
// is for showing the user every part that decodes and why the others do not.
enum class SegmentStatus {
    Ok,
    Missing, // not in the token, or empty where a part must not be (a signature unless alg is "none")
    Broken, // there, but not base64url, or not the JSON it must be
    Extra, // a part after the last one a JWS (3) or a JWE (5) has
};

[[nodiscard]] std::string_view segmentStatusName(SegmentStatus status); // "OK", "missing", "broken", "extra"

struct SegmentReading {
    std::optional<SegmentRole> role; // empty for an extra part
    SegmentStatus status = SegmentStatus::Ok;
    std::size_t offset = 0; // in the token text; for a part the token lacks, its end
    std::size_t length = 0;
    // What decodes: all of an OK part; of a part with characters outside base64url, the bytes its
    // base64url characters make without them (see `guess`).
    Bytes bytes;
    // The header of a JWS or JWE and the payload of a JWS, when `bytes` are JSON (the header: an object).
    std::optional<encoding::ParsedJson> json;
    std::string problem; // why the part is not OK, naming it: "the token has no signature part"
    std::optional<std::size_t> position; // of the problem, in the token text
    std::string guess; // how `bytes` of a broken part were made, when not from all its characters
};

struct TokenReading {
    TokenKind kind = TokenKind::Jws; // by the header's "enc" when it decodes, else by the number of parts
    std::vector<SegmentReading> segments; // every part of the kind in order (missing ones too), then extra parts

    // The part in `role`; nullptr for a role the kind does not have.
    [[nodiscard]] const SegmentReading* segment(SegmentRole role) const;
    [[nodiscard]] const SegmentReading* firstProblem() const; // the first part that is not OK
    [[nodiscard]] bool complete() const { return firstProblem() == nullptr; }
    // A JWS whose signature part is missing or empty (not an unsecured token): decodeCompact() may
    // accept it, but there is nothing to verify, and the decoder shows it part by part.
    [[nodiscard]] bool lacksSignature() const;
};

// Reads every part of a compact token on its own (base64url leniently, as Base64Mode::Lenient).
// Never fails: an empty or huge input is one missing or broken header.
[[nodiscard]] TokenReading readSegments(std::string_view token);

} // namespace jwtwb::jose
