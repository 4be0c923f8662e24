#include "FixtureManifest.h"

#include "jose/NumericDate.h"

#include <fmt/format.h>

namespace jwtwb::audit {

using encoding::Json;

std::string fixtureFileName(FixtureKind kind)
{
    const auto& info = fixtureKindInfo(kind);
    return fmt::format("{:02}-{}.jwt", info.number, info.name);
}

Json verifierOptionsJson(const VerifierAssumptions& verifier)
{
    Json out = Json::object();
    out["algorithms"] = Json::array({std::string(jose::algorithmName(verifier.algorithm))});
    out["issuer"] = verifier.issuer;
    out["audience"] = verifier.audience;
    out["leeway"] = verifier.leeway.count();
    out["now"] = verifier.now.time_since_epoch().count();
    out["nowUtc"] = jose::formatUtc(verifier.now);
    out["maxTokenAge"] = verifier.maxTokenAge.count();
    out["requiredClaims"] = verifier.requiredClaims;
    out["key"] = "the key the fixtures were made with (its public half for RSA, EC and OKP keys), configured "
                 "directly: kid, jku, jwk, x5u and x5c in a token never choose or fetch a key";
    return out;
}

Json fixtureManifest(const FixtureSet& set)
{
    const Json options = verifierOptionsJson(set.verifier);
    Json out = Json::array();
    for (const auto& fixture : set.fixtures) {
        Json entry = Json::object();
        entry["file"] = fixtureFileName(fixture);
        entry["name"] = std::string(fixture.name());
        entry["expect"] = std::string(expectationName(fixture.expect));
        entry["reason"] = fixture.reason;
        entry["verifierOptions"] = options;
        if (!fixture.verifyWith.is_null()) {
            entry["verifierOptions"]["key"] = "the key in \"verifyWith\", and not the one the other fixtures were made "
                                              "with: a verifier given a weak key must refuse it";
            entry["verifyWith"] = fixture.verifyWith;
        }
        out.push_back(std::move(entry));
    }
    return out;
}

Json skippedFixturesJson(const FixtureSet& set)
{
    Json out = Json::array();
    for (const auto& skipped : set.skipped) {
        Json entry = Json::object();
        entry["name"] = std::string(fixtureKindInfo(skipped.kind).name);
        entry["reason"] = skipped.reason;
        out.push_back(std::move(entry));
    }
    return out;
}

jose::JwtVerifyOptions verifyOptionsFor(const VerifierAssumptions& verifier)
{
    jose::JwtVerifyOptions options;
    options.jws.algorithms.push_back(verifier.algorithm);
    options.claims.issuers.push_back(verifier.issuer);
    options.claims.audiences.push_back(verifier.audience);
    options.claims.requiredClaims = verifier.requiredClaims;
    options.claims.maxTokenAge = verifier.maxTokenAge;
    options.claims.leeway = verifier.leeway;
    options.claims.now = verifier.now;
    return options;
}

} // namespace jwtwb::audit
