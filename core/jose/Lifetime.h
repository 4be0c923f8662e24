#pragma once

#include "NumericDate.h"
#include "encoding/Json.h"

#include <algorithm>
#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace jwtwb::jose {

// Where a token stands in time, for the claim-lifetime timeline (which only paints this) and for
// ClaimChecks (which reports the same edges as findings). The edges follow RFC 7519 §4.1.4–4.1.6
// as panva/jose applies them: expired when exp <= now − leeway, not yet valid when nbf > now + leeway.

enum class LifetimeState {
    Valid, // within [nbf, exp) at now
    ValidWithinLeeway, // expired or not yet valid at now, but accepted within the leeway
    Expired, // exp <= now − leeway (takes precedence over NotYetValid: such a token never becomes valid)
    NotYetValid, // nbf > now + leeway
    NoExpiry, // no exp claim, and not held back by nbf
    Invalid, // claims not an object, or exp or nbf present but not a usable NumericDate
};

// The edge that the state is about, and so the edge that edgeDistance measures.
enum class LifetimeEdge { None, NotBefore, Expiry };

enum class LifetimeWarningKind {
    ClaimsNotObject, // the payload is not a JSON object
    InvalidTime, // a time claim is not a usable NumericDate (one warning per claim)
    MillisecondsTimestamp, // a time claim looks like milliseconds (one per claim)
    IssuedInFuture, // iat > now + leeway
    ExpiresBeforeIssued, // exp <= iat: never valid
    NotBeforeAfterExpiry, // nbf >= exp: never valid
    LongLifetime, // lifetime > longLifetimeBound
};

struct LifetimeWarning {
    LifetimeWarningKind kind;
    std::string claim; // the claim the warning is about ("" for ClaimsNotObject)
    std::string message; // one sentence
};

struct LifetimeSummary {
    NumericDate iat;
    NumericDate nbf;
    NumericDate exp;
    NumericDate authTime; // auth_time (OpenID Connect Core §2)

    std::chrono::sys_seconds now{};
    std::chrono::seconds leeway{0}; // negative leeway is taken as 0
    std::chrono::seconds longLifetimeBound{0};

    LifetimeState state = LifetimeState::NoExpiry;
    LifetimeEdge edge = LifetimeEdge::None;
    // The edge (exp or nbf, rounded up to a whole second) minus now: positive while the edge is ahead,
    // zero or negative once it has passed; 0 when edge is None.
    std::chrono::seconds edgeDistance{0};

    // Each edge on its own, beyond the leeway, whatever `state` shows (a token can be both).
    bool expired = false;
    bool notYetValid = false;

    // exp − max(nbf, iat), using those of them that are valid; empty without exp or without both.
    // Negative when exp comes first (see the warnings).
    std::optional<std::chrono::seconds> lifetime;

    std::vector<LifetimeWarning> warnings;

    [[nodiscard]] bool hasWarning(LifetimeWarningKind kind) const;
};

// The edges of RFC 7519 §4.1.4–4.1.6 as panva/jose draws them, for a date already rounded up to a
// whole second (NumericDate::roundedUp) and a leeway from clampLeeway: the one definition that
// summarizeLifetime, ClaimChecks and verifyJwt's shortcut share.
[[nodiscard]] constexpr bool isExpired(std::chrono::sys_seconds exp, std::chrono::sys_seconds now,
                                       std::chrono::seconds leeway)
{
    return exp <= now - leeway;
}
[[nodiscard]] constexpr bool isNotYetValid(std::chrono::sys_seconds nbf, std::chrono::sys_seconds now,
                                           std::chrono::seconds leeway)
{
    return nbf > now + leeway;
}
[[nodiscard]] constexpr bool isIssuedInFuture(std::chrono::sys_seconds iat, std::chrono::sys_seconds now,
                                              std::chrono::seconds leeway)
{
    return iat > now + leeway;
}
// panva/jose's maxTokenAge: the age (now − iat, iat rounded down) beyond the leeway exceeds it.
[[nodiscard]] constexpr bool isTooOld(std::chrono::sys_seconds iat, std::chrono::sys_seconds now,
                                      std::chrono::seconds leeway, std::chrono::seconds maxAge)
{
    return (now - iat) - leeway > maxAge;
}
// A negative leeway counts as none; the largest is kMaxNumericDate seconds.
[[nodiscard]] constexpr std::chrono::seconds clampLeeway(std::chrono::seconds leeway)
{
    return std::clamp(leeway, std::chrono::seconds(0), std::chrono::seconds(kMaxNumericDate));
}

[[nodiscard]] LifetimeSummary summarizeLifetime(const encoding::Json& claims, std::chrono::sys_seconds now,
                                                std::chrono::seconds leeway,
                                                std::chrono::seconds longLifetimeBound = std::chrono::hours(24));
// The same for claims read without a document (the verify path).
[[nodiscard]] LifetimeSummary summarizeLifetime(const encoding::JsonMembers& claims, std::chrono::sys_seconds now,
                                                std::chrono::seconds leeway,
                                                std::chrono::seconds longLifetimeBound = std::chrono::hours(24));

// The sentence a person reads: "valid for another 12 min", "expired 3 days ago", "not valid for
// another 5 min (nbf)", "expired 20 s ago, accepted within the 30 s leeway", "valid, never expires
// (no exp)"; when the edge claim looks like milliseconds, the reading as milliseconds is added.
[[nodiscard]] std::string describeState(const LifetimeSummary& summary);

// "exp 2026-11-25T10:00:00Z; now 2026-11-28T10:00:00Z, leeway 30 s" (no leeway part when it is 0): the
// instants behind a sentence about `date`, as ClaimChecks and the warnings here put them in brackets.
[[nodiscard]] std::string describeInstants(const NumericDate& date, std::chrono::sys_seconds now,
                                           std::chrono::seconds leeway);

// A duration for people, truncated (never rounded up, so a remaining time is never overstated) to
// its largest unit: "45 s", "12 min", "1 h", "1 h 5 min", "1 day", "1 day 5 h", "3 days", "1 year",
// "1 year 40 days", "2 years" (a year is 365 days). The sign is ignored.
[[nodiscard]] std::string humanDuration(std::chrono::seconds duration);

} // namespace jwtwb::jose
