#pragma once

#include "encoding/Json.h"

#include "Error.h"
#include "audit/FixtureKind.h"
#include "jose/Algorithm.h"
#include "keys/Key.h"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jwtwb::audit {

// Test-fixture tokens for people testing their own API's token validation: from claims (or a
// token) and a key, a named set of tokens that a correct verifier must accept or must reject,
// each with the reason. The verifier they assume is stated in full (VerifierAssumptions).

inline constexpr std::string_view kDefaultIssuer = "https://issuer.example";
inline constexpr std::string_view kDefaultAudience = "https://api.example";
inline constexpr std::chrono::seconds kFixtureLifetime{3600}; // exp − iat of the valid tokens
inline constexpr std::chrono::seconds kFixtureMaxTokenAge{86400};

struct FixtureOptions {
    std::chrono::sys_seconds now{}; // the verifier's clock; core never reads one
    std::string issuer; // empty: the claims' "iss" when it is a string, else kDefaultIssuer
    std::string audience; // empty: the claims' "aud" (its first string), else kDefaultAudience
    std::chrono::seconds leeway{30};
    std::optional<jose::JwsAlgorithm> algorithm; // empty: the token's "alg", else the key's first
};

// The verifier configuration every fixture's expectation is stated for.
struct VerifierAssumptions {
    jose::JwsAlgorithm algorithm; // the only one allowed
    std::string issuer;
    std::string audience;
    std::chrono::seconds leeway{0};
    std::chrono::sys_seconds now{};
    std::chrono::seconds maxTokenAge = kFixtureMaxTokenAge; // iat further than leeway in the future is refused
    std::vector<std::string> requiredClaims; // "exp", "iat"
};

enum class Expectation { Accept, Reject };

[[nodiscard]] std::string_view expectationName(Expectation expectation); // "accept", "reject"

struct Fixture {
    FixtureKind kind;
    Expectation expect;
    std::string reason; // a sentence or two: what was done and why a correct verifier decides so
    std::string token;
    // The key a verifier is given for this fixture instead of the set's, as a JWK (its public half
    // for RSA); null for every kind but weak-key.
    encoding::Json verifyWith;

    [[nodiscard]] std::string_view name() const { return fixtureKindInfo(kind).name; }
};

struct SkippedFixture {
    FixtureKind kind;
    std::string reason; // why this kind makes no sense for the key, e.g. "not an ECDSA key"
};

struct FixtureSet {
    VerifierAssumptions verifier;
    std::vector<Fixture> fixtures; // in catalogue order
    std::vector<SkippedFixture> skipped;
};

// `key`: an HMAC secret or a private RSA, EC or OKP key; it signs the tokens that must pass. The
// claims must be a JSON object (duplicate members refused); iss, aud, iat and exp are set so that
// the valid fixture is valid at options.now, nbf too when the claims have it. Throwaway "attacker"
// keys of the same type are generated for the attack fixtures.
[[nodiscard]] Result<FixtureSet> generateFixtures(std::string_view claimsJson, const keys::Key& key,
                                                  const FixtureOptions& options);

// The same from a token (not verified): its claims, and "typ", "kid" and "alg" of its header.
[[nodiscard]] Result<FixtureSet> generateFixturesFromToken(std::string_view token, const keys::Key& key,
                                                           const FixtureOptions& options);

} // namespace jwtwb::audit
