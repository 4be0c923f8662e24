#include "FixtureBaseline.h"

#include "jose/KeyAlgorithmCheck.h"

#include <fmt/format.h>

#include <algorithm>

namespace jwtwb::audit {
namespace {

using encoding::Json;

Result<jose::JwsAlgorithm> chooseAlgorithm(const std::optional<Json>& tokenHeader, const keys::Key& key,
                                           const FixtureOptions& options)
{
    if (!key.hasPrivate()) {
        return fail(
            Errc::KeyMismatch,
            fmt::format("the fixtures are signed with the key, so it must be private, not a {}", key.describe()));
    }
    std::optional<jose::JwsAlgorithm> alg = options.algorithm;
    if (!alg && tokenHeader) {
        const auto named = tokenHeader->find("alg");
        if (named != tokenHeader->end() && named->is_string()) {
            alg = jose::parseAlgorithm(named->get<std::string>());
            if (alg == jose::JwsAlgorithm::None) {
                alg.reset(); // an unsecured token: sign with what the key can do
            }
        }
    }
    if (!alg) {
        const auto usable = jose::algorithmsForKey(key, jose::KeyPurpose::Sign);
        if (usable.empty()) {
            return fail(Errc::KeyMismatch, fmt::format("a {} cannot sign any JWS algorithm", key.describe()));
        }
        alg = usable.front();
    }
    if (*alg == jose::JwsAlgorithm::None) {
        return fail(Errc::AlgorithmNotAllowed, "the fixtures need a signing algorithm, not \"none\"");
    }
    if (auto usable = jose::checkKeyForAlgorithm(key, *alg, jose::KeyPurpose::Sign); !usable) {
        return std::unexpected(usable.error());
    }
    return *alg;
}

// The claim when it is a string, or the first string of an array ("aud"); empty otherwise.
std::string firstString(const Json& claims, std::string_view name)
{
    const auto it = claims.find(name);
    if (it == claims.end()) {
        return {};
    }
    if (it->is_string()) {
        return it->get<std::string>();
    }
    if (it->is_array()) {
        const auto found = std::ranges::find_if(*it, [](const Json& item) { return item.is_string(); });
        return found != it->end() ? found->get<std::string>() : std::string();
    }
    return {};
}

std::string resolve(const std::string& given, const Json& claims, std::string_view name, std::string_view fallback)
{
    if (!given.empty()) {
        return given;
    }
    std::string found = firstString(claims, name);
    return found.empty() ? std::string(fallback) : found;
}

bool audienceContains(const Json& aud, const std::string& audience)
{
    if (aud.is_string()) {
        return aud.get<std::string>() == audience;
    }
    return aud.is_array() && std::ranges::find(aud, Json(audience)) != aud.end();
}

} // namespace

Result<FixtureBaseline> makeFixtureBaseline(Json claims, const std::optional<Json>& tokenHeader, const keys::Key& key,
                                            const FixtureOptions& options)
{
    if (!claims.is_object()) {
        return fail(Errc::NotAJsonObject, "the claims must be a JSON object");
    }
    auto alg = chooseAlgorithm(tokenHeader, key, options);
    if (!alg) {
        return std::unexpected(alg.error());
    }
    FixtureBaseline baseline;
    baseline.verifier.algorithm = *alg;
    baseline.verifier.issuer = resolve(options.issuer, claims, "iss", kDefaultIssuer);
    baseline.verifier.audience = resolve(options.audience, claims, "aud", kDefaultAudience);
    baseline.verifier.leeway = std::max(options.leeway, std::chrono::seconds(0));
    baseline.verifier.now = options.now;
    baseline.verifier.requiredClaims.push_back("exp");
    baseline.verifier.requiredClaims.push_back("iat");

    baseline.header = Json::object();
    baseline.header["alg"] = jose::algorithmName(*alg);
    const Json* typ = nullptr;
    const Json* kid = nullptr;
    if (tokenHeader) {
        const auto t = tokenHeader->find("typ");
        typ = t != tokenHeader->end() && t->is_string() ? &*t : nullptr;
        const auto k = tokenHeader->find("kid");
        kid = k != tokenHeader->end() && k->is_string() ? &*k : nullptr;
    }
    baseline.header["typ"] = typ ? *typ : Json("JWT");
    if (kid) {
        baseline.header["kid"] = *kid;
    } else if (!key.parameters().kid.empty()) {
        baseline.header["kid"] = key.parameters().kid;
    }

    // Members keep their place; missing ones are appended.
    const auto now = options.now.time_since_epoch().count();
    claims["iss"] = baseline.verifier.issuer;
    if (!claims.contains("aud") || !audienceContains(claims["aud"], baseline.verifier.audience)) {
        claims["aud"] = baseline.verifier.audience;
    }
    claims["iat"] = now;
    if (claims.contains("nbf")) {
        claims["nbf"] = now;
    }
    claims["exp"] = now + kFixtureLifetime.count();
    baseline.claims = std::move(claims);
    return baseline;
}

} // namespace jwtwb::audit
