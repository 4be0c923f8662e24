#include "Fixtures.h"

#include "audit/FixtureBaseline.h"
#include "audit/FixtureForge.h"
#include "jose/CompactToken.h"
#include "keys/KeyGenerator.h"

#include <fmt/format.h>

#include <algorithm>

namespace jwtwb::audit {
namespace {

using encoding::Json;

// A throwaway key of the same type, for the attacks that bring their own key.
keys::KeySpec attackerSpec(const keys::Key& key)
{
    switch (key.type()) {
    case keys::KeyType::Oct: return {keys::KeyType::Oct, 512, keys::Curve::None};
    case keys::KeyType::Rsa: return {keys::KeyType::Rsa, std::max(2048, key.bits()), keys::Curve::None};
    case keys::KeyType::Ec:
    case keys::KeyType::Okp: return {key.type(), 0, key.curve()};
    }
    return {keys::KeyType::Oct, 512, keys::Curve::None};
}

Result<FixtureSet> generate(Json claims, const std::optional<Json>& tokenHeader, const keys::Key& key,
                            const FixtureOptions& options)
{
    auto baseline = makeFixtureBaseline(std::move(claims), tokenHeader, key, options);
    if (!baseline) {
        return std::unexpected(baseline.error());
    }
    auto attacker = keys::generateKey(attackerSpec(key));
    if (!attacker) {
        return std::unexpected(attacker.error());
    }
    auto forge = FixtureForge::create(*baseline, key, *attacker);
    if (!forge) {
        return std::unexpected(forge.error());
    }
    FixtureSet set;
    set.verifier = baseline->verifier;
    for (const auto& info : allFixtureKinds()) {
        if (auto skip = forge->skipReason(info.kind)) {
            set.skipped.push_back({info.kind, std::move(*skip)});
            continue;
        }
        auto fixture = forge->make(info.kind);
        if (!fixture) {
            return std::unexpected(fixture.error());
        }
        set.fixtures.push_back(std::move(*fixture));
    }
    return set;
}

} // namespace

std::string_view expectationName(Expectation expectation)
{
    return expectation == Expectation::Accept ? "accept" : "reject";
}

Result<FixtureSet> generateFixtures(std::string_view claimsJson, const keys::Key& key, const FixtureOptions& options)
{
    auto claims = encoding::parseJsonNoDuplicates(claimsJson, "claims");
    if (!claims) {
        return std::unexpected(claims.error());
    }
    return generate(std::move(*claims), std::nullopt, key, options);
}

Result<FixtureSet> generateFixturesFromToken(std::string_view token, const keys::Key& key,
                                             const FixtureOptions& options)
{
    auto decoded = jose::decodeCompact(token, jose::Base64Mode::Lenient);
    if (!decoded) {
        return std::unexpected(decoded.error());
    }
    if (decoded->kind != jose::TokenKind::Jws) {
        return fail(Errc::MalformedToken, "the token is a JWE (encrypted): its claims cannot be read");
    }
    auto claims = encoding::parseJsonNoDuplicates(asText(decoded->payload()), "token's payload");
    if (!claims) {
        return std::unexpected(claims.error());
    }
    if (!claims->is_object()) {
        return fail(Errc::NotAJsonObject, "the token's payload is not a JSON object, so it holds no claims");
    }
    return generate(std::move(*claims), decoded->header.value, key, options);
}

} // namespace jwtwb::audit
