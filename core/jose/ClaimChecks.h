#pragma once

#include "encoding/Json.h"
#include "encoding/JsonMembers.h"
#include "jose/RevocationList.h"

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jwtwb::jose {

// JWT claim validation after panva/jose's jwtVerify (RFC 7519 §4.1, §7.2): what to expect of a
// token, and a report of what does not hold. A failed check is a finding, not an error.
struct ClaimOptions {
    std::vector<std::string> issuers; // iss must equal one of them (when not empty)
    std::vector<std::string> audiences; // aud must contain one of them (when not empty)
    std::optional<std::string> subject; // sub must equal it
    std::optional<std::string> type; // header typ must match it, ignoring case and an "application/" prefix
    std::vector<std::string> requiredClaims; // each must be present (null counts as present)
    std::optional<std::chrono::seconds> maxTokenAge; // requires iat; now − iat must not exceed it (+ leeway)
    std::chrono::seconds leeway{0}; // clock tolerance for exp, nbf, iat and maxTokenAge; negative is 0
    std::chrono::sys_seconds now{}; // core never reads the clock
    // A jti deny-list: a listed jti is an error, a token without a string jti a warning. Shared, so
    // that copies of the options (one per batch thread) do not copy the list.
    std::shared_ptr<const RevocationList> revoked;
};

// Stable codes, one per rule; scripts and tests match on claimCodeName(), never on the message.
enum class ClaimCode {
    ClaimsNotObject, // the payload is not a JSON object
    UnexpectedType, // header typ does not match ClaimOptions::type (or is missing)
    MissingClaim, // a required claim, or one an option needs (iss, sub, aud, iat), is absent
    UnexpectedIssuer,
    UnexpectedSubject,
    UnexpectedAudience,
    InvalidAudience, // aud is not a string or an array of strings (warning)
    InvalidTimeClaim, // exp, nbf, iat or auth_time is not a usable NumericDate
    MillisecondsTimestamp, // a time claim looks like milliseconds (warning)
    Expired, // exp <= now − leeway
    NotYetValid, // nbf > now + leeway
    IssuedInFuture, // iat > now + leeway (warning; an error when maxTokenAge is set, as in panva)
    TokenTooOld, // now − iat > maxTokenAge + leeway
    Revoked, // the jti is on ClaimOptions::revoked
    NoTokenId, // a deny-list is in use, but the token has no string jti to look up (warning)
};

[[nodiscard]] std::string_view claimCodeName(ClaimCode code);

enum class ClaimSeverity { Error, Warning };

struct ClaimFinding {
    ClaimCode code;
    std::string claim; // "exp", "aud", … ("typ" is the header parameter; "" for the whole payload)
    ClaimSeverity severity;
    std::string message; // one plain-English sentence
};

struct ClaimReport {
    std::vector<ClaimFinding> findings; // in a fixed order: typ, payload, presence, iss, sub, aud, times, jti

    // No error-severity finding.
    [[nodiscard]] bool ok() const;
    [[nodiscard]] bool has(ClaimCode code) const;
    // The first finding with this code, or nullptr.
    [[nodiscard]] const ClaimFinding* find(ClaimCode code) const;
};

// RFC 7515 §4.1.9 as panva/jose applies it: media types are case-insensitive, and "application/"
// may be left out ("JWT" matches "application/jwt").
[[nodiscard]] bool typeMatches(std::string_view typ, std::string_view expected);

// Checks a decoded (and, elsewhere, verified) token's header and claims against the options: the
// one place these rules live. The header and the claims are read with readJsonMembers.
[[nodiscard]] ClaimReport checkClaims(const encoding::JsonMembers& header, const encoding::JsonMembers& claims,
                                      const ClaimOptions& options);

} // namespace jwtwb::jose
