#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace jwtwb::inspect {

// What a claim means, for the decoder's claims table and `jwtwb decode`: the RFC 7519 registered
// claims, OpenID Connect Core (ID token and standard claims), RFC 8693 / RFC 9068, and the common
// claims of Azure AD / Entra ID, Auth0, Keycloak and Google.

enum class ClaimValueKind {
    Any,
    NumericDate, // seconds since the epoch: shown as local time, UTC and relative time
    StringOrUri,
    StringOrArray, // aud
    Object,
};

struct ClaimInfo {
    std::string_view name; // "exp"
    std::string_view meaning; // "Expiration time: the token must not be accepted at or after this instant."
    std::string_view source; // "RFC 7519 §4.1.4", "OpenID Connect Core §2", "Microsoft Entra ID", …
    ClaimValueKind kind = ClaimValueKind::Any;
    bool personalData = false; // says something about a person: masked in a copy to share
};

// nullptr when the claim is not in the catalog (the caller still shows it, without a meaning).
[[nodiscard]] const ClaimInfo* findClaim(std::string_view name);

// "in 14 min", "3 days ago", "now" — relative to `now`, with Lifetime's humanDuration units.
[[nodiscard]] std::string relativeTime(std::chrono::sys_seconds when, std::chrono::sys_seconds now);

} // namespace jwtwb::inspect
