#pragma once

#include "Error.h"
#include "audit/FixtureBaseline.h"
#include "audit/Fixtures.h"
#include "encoding/Json.h"
#include "keys/Key.h"

#include <optional>
#include <string>
#include <string_view>

namespace jwtwb::audit {

// Makes each kind of fixture token from a baseline, the real key and a throwaway attacker key of
// the same type. Header and payload texts are exactly controlled: what is signed is what is shown.
class FixtureForge
{
public:
    // Signs the valid token; fails when the key cannot sign the baseline's algorithm.
    [[nodiscard]] static Result<FixtureForge> create(const FixtureBaseline& baseline, const keys::Key& key,
                                                     const keys::Key& attacker);

    // Why this kind makes no sense for the key, or nothing when it can be made.
    [[nodiscard]] std::optional<std::string> skipReason(FixtureKind kind) const;
    [[nodiscard]] Result<Fixture> make(FixtureKind kind) const;

private:
    FixtureForge(const FixtureBaseline& baseline, const keys::Key& key, const keys::Key& attacker);

    [[nodiscard]] Result<Fixture> claimsFixture(FixtureKind kind) const;
    [[nodiscard]] Result<Fixture> unsecuredFixture(FixtureKind kind) const;
    [[nodiscard]] Result<Fixture> tamperedFixture(FixtureKind kind) const;
    [[nodiscard]] Result<Fixture> keySourceFixture(FixtureKind kind) const;
    [[nodiscard]] Result<Fixture> kidFixture(FixtureKind kind) const;
    [[nodiscard]] Result<Fixture> duplicateFixture(FixtureKind kind) const;
    [[nodiscard]] Result<Fixture> publicKeyAsHmacSecret() const;
    [[nodiscard]] Result<Fixture> unknownCrit() const;
    [[nodiscard]] Result<Fixture> psychicSignature() const;
    [[nodiscard]] Result<Fixture> nonCanonicalHeader(FixtureKind kind) const;
    [[nodiscard]] Result<Fixture> standardAlphabet() const;
    [[nodiscard]] Result<Fixture> weakKey() const;

    [[nodiscard]] Result<std::string> sign(const encoding::Json& header, std::string_view payloadText,
                                           const keys::Key& key) const;
    [[nodiscard]] Result<std::string> signClaims(const encoding::Json& claims) const;

    const FixtureBaseline& m_baseline;
    const keys::Key& m_key;
    const keys::Key& m_attacker;
    std::string m_payloadText; // the valid claims, compact
    std::string m_validToken;
};

} // namespace jwtwb::audit
