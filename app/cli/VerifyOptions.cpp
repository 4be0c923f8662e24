#include "VerifyOptions.h"

#include "Input.h"
#include "KeyArguments.h"
#include "jose/Algorithm.h"
#include "time/Duration.h"

#include <fmt/format.h>

namespace jwtwb::cli {

void addVerifyOptions(CLI::App& command, VerifyOptionArguments& arguments)
{
    command.add_option("--iss", arguments.issuers, "Expected issuer (repeatable: any of them)");
    command.add_option("--aud", arguments.audiences, "Expected audience (repeatable: any of them)");
    command.add_option("--sub", arguments.subject, "Expected subject");
    command.add_option("--typ", arguments.type, "Expected header typ (e.g. JWT, at+jwt)");
    command.add_option("--require", arguments.required, "Claim that must be present (repeatable)");
    command.add_option("--max-age", arguments.maxAge, "Maximum age since iat, e.g. 1h");
    command.add_option("--leeway", arguments.leeway, "Clock tolerance for exp/nbf/iat, e.g. 30s (default 0)");
    command.add_option("--now", arguments.now,
                       "Verify as of this time: Unix seconds, 2026-11-28T10:00:00Z, or +1h/-30m");
    command.add_option("--crit", arguments.critical,
                       "Header parameter this caller understands in \"crit\" (repeatable)");
    command.add_flag("--allow-weak-keys", arguments.allowWeakKeys, kAllowWeakKeysHelp);
    command.add_option("--revoked", arguments.revokedFile,
                       "Deny-list: FILE holds one revoked jti a line ('#' starts a comment); a listed token is "
                       "invalid, one without a jti gets a warning");
}

Result<jose::JwtVerifyOptions> buildVerifyOptions(const VerifyOptionArguments& arguments)
{
    jose::JwtVerifyOptions options;
    for (const auto& name : arguments.algorithms) {
        const auto alg = jose::parseAlgorithm(name);
        if (!alg || *alg == jose::JwsAlgorithm::None) {
            return fail(
                Errc::UnsupportedAlgorithm,
                fmt::format("{} {}: not a JWS algorithm that can be verified", arguments.algorithmOption, name));
        }
        options.jws.algorithms.push_back(*alg);
    }
    options.jws.criticalHeaders = arguments.critical;
    options.jws.weakKeys = arguments.allowWeakKeys ? jose::WeakKeys::Accept : jose::WeakKeys::Refuse;
    const auto now = nowOr(arguments.now);
    if (!now) {
        return std::unexpected(now.error());
    }
    auto leeway = time::parseDuration(arguments.leeway);
    if (!leeway) {
        return fail(leeway.error().code, "--leeway: " + leeway.error().message);
    }
    options.claims.now = *now;
    options.claims.leeway = *leeway;
    options.claims.issuers = arguments.issuers;
    options.claims.audiences = arguments.audiences;
    options.claims.requiredClaims = arguments.required;
    if (!arguments.subject.empty()) {
        options.claims.subject = arguments.subject;
    }
    if (!arguments.type.empty()) {
        options.claims.type = arguments.type;
    }
    if (!arguments.maxAge.empty()) {
        auto maxAge = time::parseDuration(arguments.maxAge);
        if (!maxAge) {
            return fail(maxAge.error().code, "--max-age: " + maxAge.error().message);
        }
        options.claims.maxTokenAge = *maxAge;
    }
    if (!arguments.revokedFile.empty()) {
        auto text = readFileOrStdin(arguments.revokedFile, "deny-list");
        auto list = text ? jose::RevocationList::parse(*text) : std::unexpected(text.error());
        if (!list) {
            return fail(list.error().code,
                        fmt::format("--revoked {}: {}", arguments.revokedFile, list.error().message));
        }
        options.claims.revoked = std::make_shared<const jose::RevocationList>(std::move(*list));
    }
    return options;
}

} // namespace jwtwb::cli
