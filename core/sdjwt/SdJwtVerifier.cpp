#include "SdJwtVerifier.h"

#include "jose/ClaimText.h"
#include "jose/CompactToken.h"
#include "jose/JwtVerifier.h"
#include "jose/Lifetime.h"
#include "jose/NumericDate.h"
#include "keys/KeyImport.h"

#include <fmt/format.h>

#include <algorithm>

namespace jwtwb::sdjwt {
namespace {

using encoding::Json;
using jose::CheckOutcome;
using std::chrono::seconds;

void set(SdJwtVerification& report, KbCheckCode code, CheckOutcome outcome, std::string reason)
{
    auto& check = report.checks[static_cast<std::size_t>(code)];
    check.outcome = outcome;
    check.reason = std::move(reason);
}

// RFC 7800 §3.2: the holder's public key, as the issuer bound the SD-JWT to it.
std::optional<keys::Key> holderKey(SdJwtVerification& report)
{
    const Json* cnf = jose::findClaim(report.sdJwt.payload, "cnf");
    const Json* jwk = cnf ? jose::findClaim(*cnf, "jwk") : nullptr;
    if (!jwk || !jwk->is_object()) {
        set(report, KbCheckCode::HolderKey, CheckOutcome::Failed,
            "the issuer-signed JWT has no cnf.jwk: without the holder's key the KB-JWT proves nothing");
        return std::nullopt;
    }
    auto key = keys::importJwk(*jwk);
    if (!key) {
        set(report, KbCheckCode::HolderKey, CheckOutcome::Failed,
            fmt::format("cnf.jwk is not a usable key: {}", key.error().message));
        return std::nullopt;
    }
    if (key->type() == keys::KeyType::Oct || key->hasPrivate()) {
        set(report, KbCheckCode::HolderKey, CheckOutcome::Failed,
            "cnf.jwk must be the holder's public key, not a secret or a private key");
        return std::nullopt;
    }
    set(report, KbCheckCode::HolderKey, CheckOutcome::Passed,
        fmt::format("cnf.jwk is an {}, the holder's key", key->describe()));
    return std::move(*key);
}

void checkEqual(SdJwtVerification& report, KbCheckCode code, const Json& claims, std::string_view name,
                const std::optional<std::string>& expected)
{
    const std::string* value = jose::findStringClaim(claims, name);
    if (!expected) {
        set(report, code, value ? CheckOutcome::NotChecked : CheckOutcome::Failed,
            value ? fmt::format("{} is {}; none was given to compare it with", name, jose::quoteString(*value))
                  : fmt::format("the KB-JWT has no string {} (RFC 9901 §4.3)", name));
        return;
    }
    const bool same = value && *value == *expected;
    set(report, code, same ? CheckOutcome::Passed : CheckOutcome::Failed,
        same ? fmt::format("{} is {}, as expected", name, jose::quoteString(*value))
            : value
            ? fmt::format("{} is {}, not {}: the presentation was made for another verifier or request", name,
                          jose::quoteString(*value), jose::quoteString(*expected))
            : fmt::format("the KB-JWT has no string {}, and {} was expected", name, jose::quoteString(*expected)));
}

void checkIssuedAt(SdJwtVerification& report, const Json& claims, const KeyBindingExpectations& expected)
{
    const jose::NumericDate iat = jose::readNumericDate(claims, "iat");
    if (!iat.valid()) {
        set(report, KbCheckCode::IssuedAt, CheckOutcome::Failed,
            iat.present() ? "iat is not a NumericDate" : "iat is missing");
        return;
    }
    const seconds leeway = jose::clampLeeway(expected.leeway);
    const seconds age = expected.now - iat.time;
    const std::string when = fmt::format("{} (now {})", jose::formatUtc(iat.time), jose::formatUtc(expected.now));
    if (age < -leeway) {
        set(report, KbCheckCode::IssuedAt, CheckOutcome::Failed,
            fmt::format("the KB-JWT was made {} in the future, at {}, beyond the leeway of {}",
                        jose::humanDuration(-age), when, jose::humanDuration(leeway)));
    } else if (age > expected.maxAge + leeway) {
        set(report, KbCheckCode::IssuedAt, CheckOutcome::Failed,
            fmt::format("the KB-JWT was made {} ago, at {}: older than {} (leeway {}), so it may be replayed",
                        jose::humanDuration(age), when, jose::humanDuration(expected.maxAge),
                        jose::humanDuration(leeway)));
    } else {
        set(report, KbCheckCode::IssuedAt, CheckOutcome::Passed,
            fmt::format("the KB-JWT was made at {}, within {} (leeway {})", when, jose::humanDuration(expected.maxAge),
                        jose::humanDuration(leeway)));
    }
}

void checkKeyBinding(SdJwtVerification& report, const jose::JwtVerifyOptions& options,
                     const KeyBindingExpectations& expected)
{
    const std::string& kbJwt = *report.sdJwt.keyBindingJwt;
    set(report, KbCheckCode::Present, CheckOutcome::Passed, "a KB-JWT follows the last disclosure");
    const auto token = jose::decodeCompact(kbJwt, jose::Base64Mode::Strict);
    if (!token || token->kind != jose::TokenKind::Jws) {
        set(report, KbCheckCode::Type, CheckOutcome::Failed,
            fmt::format("the part after the last '~' is not a signed JWT: {}",
                        token ? std::string("it is a JWE") : token.error().message));
        return;
    }
    const std::string* typ = jose::findStringClaim(token->header.value, "typ");
    const bool typed = typ && *typ == "kb+jwt";
    set(report, KbCheckCode::Type, typed ? CheckOutcome::Passed : CheckOutcome::Failed,
        typed ? "typ is kb+jwt"
              : fmt::format("typ is {}, not kb+jwt: another kind of JWT must not pass as a key binding JWT",
                            typ ? jose::quoteString(*typ) : std::string("missing")));

    const auto key = holderKey(report);
    if (key) {
        jose::JwtVerifyOptions kbOptions;
        kbOptions.jws.algorithms = jose::asymmetricAlgorithms();
        kbOptions.jws.weakKeys = options.jws.weakKeys;
        kbOptions.claims.now = expected.now;
        kbOptions.claims.leeway = expected.leeway;
        auto jwt = jose::verifyJwt(kbJwt, jose::KeySource::single(*key), kbOptions);
        if (jwt) {
            set(report, KbCheckCode::Signature, jwt->signature.valid() ? CheckOutcome::Passed : CheckOutcome::Failed,
                jwt->signature.reason);
            report.keyBinding = std::move(*jwt);
        } else {
            set(report, KbCheckCode::Signature, CheckOutcome::Failed, jwt.error().message);
        }
    } else {
        set(report, KbCheckCode::Signature, CheckOutcome::Failed, "there is no holder key to check it with");
    }

    const Json claims = token->payloadJson ? token->payloadJson->value : Json();
    const std::string* sdHash = jose::findStringClaim(claims, "sd_hash");
    if (!report.sdJwt.hash) {
        set(report, KbCheckCode::SdHash, CheckOutcome::Failed,
            fmt::format("sd_hash cannot be computed with the unsupported {}", report.sdJwt.hashName));
    } else {
        const std::string hash = digestOf(*report.sdJwt.hash, report.sdJwt.presented);
        const bool same = sdHash && *sdHash == hash;
        set(report, KbCheckCode::SdHash, same ? CheckOutcome::Passed : CheckOutcome::Failed,
            same ? fmt::format("sd_hash is the {} of the presentation up to the last '~'", report.sdJwt.hashName)
                : sdHash ? fmt::format("sd_hash {} is not the {} of this presentation ({}): the KB-JWT was made for "
                                       "another SD-JWT or other disclosures",
                                       jose::quoteString(*sdHash), report.sdJwt.hashName, hash)
                         : "the KB-JWT has no sd_hash, which ties it to the SD-JWT and the disclosures presented");
    }
    checkEqual(report, KbCheckCode::Audience, claims, "aud", expected.audience);
    checkEqual(report, KbCheckCode::Nonce, claims, "nonce", expected.nonce);
    checkIssuedAt(report, claims, expected);
}

} // namespace

std::string_view kbCheckName(KbCheckCode code)
{
    switch (code) {
    case KbCheckCode::Present: return "kb-jwt";
    case KbCheckCode::Type: return "typ";
    case KbCheckCode::HolderKey: return "cnf.jwk";
    case KbCheckCode::Signature: return "signature";
    case KbCheckCode::SdHash: return "sd_hash";
    case KbCheckCode::Audience: return "aud";
    case KbCheckCode::Nonce: return "nonce";
    case KbCheckCode::IssuedAt: return "iat";
    }
    return "check";
}

bool SdJwtVerification::keyBindingValid() const
{
    return std::ranges::all_of(checks, [](const KbCheck& check) { return check.outcome != CheckOutcome::Failed; });
}

bool SdJwtVerification::valid() const
{
    return issuer.valid() && sdJwt.ok() && keyBindingValid();
}

const KbCheck& SdJwtVerification::check(KbCheckCode code) const
{
    return checks.at(static_cast<std::size_t>(code));
}

Result<SdJwtVerification> verifySdJwt(std::string_view text, const jose::KeySource& keys,
                                      const jose::JwtVerifyOptions& options, const KeyBindingExpectations& expected)
{
    auto sdJwt = parseSdJwt(text);
    if (!sdJwt) {
        return std::unexpected(sdJwt.error());
    }
    auto issuer = jose::verifyJwt(sdJwt->issuerJwt, keys, options);
    if (!issuer) {
        return std::unexpected(issuer.error());
    }
    SdJwtVerification report{std::move(*sdJwt), std::move(*issuer), std::nullopt, {}};
    for (std::size_t i = 0; i <= static_cast<std::size_t>(KbCheckCode::IssuedAt); ++i) {
        report.checks.push_back({static_cast<KbCheckCode>(i), CheckOutcome::NotChecked, {}});
    }
    if (report.sdJwt.keyBindingJwt) {
        checkKeyBinding(report, options, expected);
    } else {
        set(report, KbCheckCode::Present, expected.required ? CheckOutcome::Failed : CheckOutcome::NotChecked,
            expected.required ? "key binding was asked for, and the SD-JWT ends with '~', without a KB-JWT"
                              : "there is no KB-JWT, and none was asked for");
    }
    return report;
}

} // namespace jwtwb::sdjwt
