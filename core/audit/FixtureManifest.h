#pragma once

#include "audit/Fixtures.h"
#include "encoding/Json.h"
#include "jose/JwtVerifier.h"

#include <string>

namespace jwtwb::audit {

inline constexpr std::string_view kManifestFileName = "manifest.json";

// "07-wrong-aud.jwt": the kind's stable number and name.
[[nodiscard]] std::string fixtureFileName(FixtureKind kind);
[[nodiscard]] inline std::string fixtureFileName(const Fixture& fixture)
{
    return fixtureFileName(fixture.kind);
}

// {"algorithms": ["RS256"], "issuer": …, "audience": …, "leeway": 30, "now": 1795939200,
//  "nowUtc": "2026-…Z", "maxTokenAge": 86400, "requiredClaims": ["exp", "iat"], "key": "…"}
[[nodiscard]] encoding::Json verifierOptionsJson(const VerifierAssumptions& verifier);

// [{"file", "name", "expect": "accept"|"reject", "reason", "verifierOptions"}, …] in catalogue order.
[[nodiscard]] encoding::Json fixtureManifest(const FixtureSet& set);

// [{"name", "reason"}, …] for the kinds left out.
[[nodiscard]] encoding::Json skippedFixturesJson(const FixtureSet& set);

// The same verifier as options for our own verifyJwt (to be used with the key's public half, or
// the secret).
[[nodiscard]] jose::JwtVerifyOptions verifyOptionsFor(const VerifierAssumptions& verifier);

} // namespace jwtwb::audit
