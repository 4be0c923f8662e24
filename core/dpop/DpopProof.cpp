#include "DpopProof.h"

#include "crypto/Random.h"
#include "encoding/Base64Url.h"
#include "encoding/Text.h"
#include "jose/ClaimText.h"
#include "jose/JwsSigner.h"
#include "jose/JwtVerifier.h"
#include "jose/KeyAlgorithmCheck.h"
#include "jose/Lifetime.h"
#include "jose/NumericDate.h"
#include "jose/ProofChecks.h"
#include "keys/KeyExport.h"
#include "keys/KeyImport.h"
#include "keys/Thumbprint.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace jwtwb::dpop {
namespace {

using encoding::Json;
using std::chrono::seconds;

constexpr std::array kPrivateMembers{"d", "p", "q", "dp", "dq", "qi", "oth", "k"};

std::string lowercase(std::string_view text)
{
    std::string out(text);
    std::ranges::transform(out, out.begin(), encoding::toLowerAscii);
    return out;
}

// RFC 9449 §4.3 compares htu after RFC 3986 syntax- and scheme-based normalization, without query
// and fragment: scheme and host in lower case, no default port, "/" for an empty path.
std::string normalizedUrl(std::string_view url)
{
    url = url.substr(0, url.find_first_of("?#"));
    const auto schemeEnd = url.find("://");
    if (schemeEnd == std::string_view::npos) {
        return std::string(url);
    }
    std::string scheme = lowercase(url.substr(0, schemeEnd));
    std::string_view rest = url.substr(schemeEnd + 3);
    const auto pathStart = rest.find('/');
    std::string authority = lowercase(rest.substr(0, pathStart));
    const std::string_view path = pathStart == std::string_view::npos ? "/" : rest.substr(pathStart);
    const std::string defaultPort = scheme == "https" ? ":443" : scheme == "http" ? ":80" : "";
    if (!defaultPort.empty() && authority.ends_with(defaultPort)) {
        authority.resize(authority.size() - defaultPort.size());
    }
    return scheme + "://" + authority + std::string(path);
}

void set(DpopVerification& report, DpopCheckCode code, CheckOutcome outcome, std::string reason)
{
    auto& check = report.checks[static_cast<std::size_t>(code)];
    check.outcome = outcome;
    check.reason = std::move(reason);
}

void checkEmbeddedKey(DpopVerification& report, const Json& header)
{
    const auto jwk = header.find("jwk");
    if (jwk == header.end() || !jwk->is_object()) {
        set(report, DpopCheckCode::EmbeddedKey, CheckOutcome::Failed,
            "the header has no \"jwk\" object: a DPoP proof carries the public key that signed it");
        return;
    }
    for (const char* member : kPrivateMembers) {
        if (jwk->contains(member)) {
            set(report, DpopCheckCode::EmbeddedKey, CheckOutcome::Failed,
                fmt::format("\"jwk\" holds \"{}\": the client has published its private key, which must never leave "
                            "it (RFC 9449 §4.3)",
                            member));
            return;
        }
    }
    auto key = keys::importJwk(*jwk);
    if (!key) {
        set(report, DpopCheckCode::EmbeddedKey, CheckOutcome::Failed,
            fmt::format("\"jwk\" is not a usable key: {}", key.error().message));
        return;
    }
    if (key->type() == keys::KeyType::Oct) {
        set(report, DpopCheckCode::EmbeddedKey, CheckOutcome::Failed,
            "\"jwk\" is a symmetric key: a DPoP proof is signed with an asymmetric key whose public half it shows");
        return;
    }
    auto thumbprint = keys::thumbprint(*key);
    report.thumbprint = thumbprint ? encoding::base64UrlEncode(*thumbprint) : std::string();
    set(report, DpopCheckCode::EmbeddedKey, CheckOutcome::Passed,
        fmt::format("\"jwk\" is an {} (thumbprint {}); here, and only in a DPoP proof, a key in the header is how "
                    "it is meant to be",
                    key->describe(), report.thumbprint));
    report.key = std::move(*key);
}

jose::JwtVerifyOptions proofOptions(const DpopExpectations& expected)
{
    jose::JwtVerifyOptions options;
    options.jws.algorithms = jose::asymmetricAlgorithms();
    options.claims.requiredClaims = {"jti", "htm", "htu", "iat"};
    if (expected.accessToken) {
        options.claims.requiredClaims.push_back("ath");
    }
    options.claims.now = expected.now;
    options.claims.leeway = expected.iatWindow;
    return options;
}

void checkRequiredClaims(DpopVerification& report, const jose::ClaimReport& claims)
{
    std::string missing;
    for (const auto& finding : claims.findings) {
        if (finding.code == jose::ClaimCode::MissingClaim || finding.code == jose::ClaimCode::ClaimsNotObject) {
            missing += (missing.empty() ? "" : "; ") + finding.message;
        }
    }
    set(report, DpopCheckCode::RequiredClaims, missing.empty() ? CheckOutcome::Passed : CheckOutcome::Failed,
        missing.empty() ? "jti, htm, htu and iat are there" : missing);
}

void checkRequest(DpopVerification& report, const Json& claims, const DpopExpectations& expected)
{
    const std::string* htm = jose::findStringClaim(claims, "htm");
    if (!htm) {
        set(report, DpopCheckCode::Method, CheckOutcome::Failed, "htm is missing or not a string");
    } else {
        const bool same = *htm == expected.htm;
        set(report, DpopCheckCode::Method, same ? CheckOutcome::Passed : CheckOutcome::Failed,
            same ? fmt::format("htm is {}, the request's method", jose::quoteString(*htm))
                 : fmt::format("htm is {}, but the request's method is {} (methods are case-sensitive)",
                               jose::quoteString(*htm), jose::quoteString(expected.htm)));
    }
    const std::string* htu = jose::findStringClaim(claims, "htu");
    if (!htu) {
        set(report, DpopCheckCode::Url, CheckOutcome::Failed, "htu is missing or not a string");
    } else {
        const bool same = normalizedUrl(*htu) == normalizedUrl(expected.htu);
        set(report, DpopCheckCode::Url, same ? CheckOutcome::Passed : CheckOutcome::Failed,
            same ? fmt::format("htu {} is the request's URL (query and fragment aside)", jose::quoteString(*htu))
                 : fmt::format("htu {} is not the request's URL {} (compared without query and fragment, with "
                               "scheme and host in lower case and no default port)",
                               jose::quoteString(*htu), jose::quoteString(expected.htu)));
    }
}

void checkIssuedAt(DpopVerification& report, const Json& claims, const DpopExpectations& expected)
{
    const jose::NumericDate iat = jose::readNumericDate(claims, "iat");
    if (!iat.valid()) {
        set(report, DpopCheckCode::IssuedAt, CheckOutcome::Failed,
            iat.present() ? "iat is not a NumericDate" : "iat is missing");
        return;
    }
    const seconds distance = expected.now - iat.time;
    const seconds magnitude = distance < seconds(0) ? -distance : distance;
    const bool within = magnitude <= expected.iatWindow;
    const std::string when = distance < seconds(0) ? fmt::format("{} in the future", jose::humanDuration(magnitude))
                                                   : fmt::format("{} ago", jose::humanDuration(magnitude));
    set(report, DpopCheckCode::IssuedAt, within ? CheckOutcome::Passed : CheckOutcome::Failed,
        fmt::format("the proof was made {} ({}; now {}), {} the window of {} either way", when,
                    jose::formatUtc(iat.time), jose::formatUtc(expected.now), within ? "within" : "outside",
                    jose::humanDuration(expected.iatWindow)));
}

void checkNonce(DpopVerification& report, const Json& claims, const DpopExpectations& expected)
{
    const std::string* nonce = jose::findStringClaim(claims, "nonce");
    if (!expected.nonce) {
        set(report, DpopCheckCode::Nonce, CheckOutcome::NotChecked,
            nonce ? "the proof has a nonce, and none was given to compare it with" : "no nonce was asked for");
        return;
    }
    const bool same = nonce && *nonce == *expected.nonce;
    set(report, DpopCheckCode::Nonce, same ? CheckOutcome::Passed : CheckOutcome::Failed,
        same        ? "nonce is the one the server handed out"
            : nonce ? fmt::format("nonce {} is not the server's {}", jose::quoteString(*nonce),
                                  jose::quoteString(*expected.nonce))
                    : "the server asked for a nonce, and the proof has none");
}

// The access token's own binding: cnf.jkt (RFC 9449 §6.1) when it is a JWT.
void checkAccessToken(DpopVerification& report, const Json& claims, const DpopExpectations& expected)
{
    if (!expected.accessToken) {
        set(report, DpopCheckCode::AccessTokenHash, CheckOutcome::NotChecked, "no access token was given");
        set(report, DpopCheckCode::KeyBinding, CheckOutcome::NotChecked, "no access token was given");
        return;
    }
    const std::string hash = accessTokenHash(*expected.accessToken);
    const std::string* ath = jose::findStringClaim(claims, "ath");
    const bool same = ath && *ath == hash;
    set(report, DpopCheckCode::AccessTokenHash, same ? CheckOutcome::Passed : CheckOutcome::Failed,
        same      ? fmt::format("ath is the SHA-256 of the access token ({})", hash)
            : ath ? fmt::format("ath {} is not the SHA-256 of this access token ({}): the proof was made for another "
                                "token",
                                jose::quoteString(*ath), hash)
                  : "the proof has no ath, and an access token was presented with it");

    const auto token = jose::decodeCompact(*expected.accessToken, jose::Base64Mode::Strict);
    if (!token || token->kind != jose::TokenKind::Jws || !token->payloadJson) {
        set(report, DpopCheckCode::KeyBinding, CheckOutcome::NotChecked,
            "the access token is not a JWT: only its issuer knows the key it is bound to (token introspection "
            "returns cnf.jkt)");
        return;
    }
    const Json* cnf = jose::findClaim(token->payloadJson->value, "cnf");
    const Json* jkt = cnf && cnf->is_object() && cnf->contains("jkt") ? &(*cnf)["jkt"] : nullptr;
    if (!jkt || !jkt->is_string()) {
        set(report, DpopCheckCode::KeyBinding, CheckOutcome::Failed,
            "the access token has no cnf.jkt: it is not bound to a DPoP key, so anyone who holds it can use it");
        return;
    }
    const bool bound = !report.thumbprint.empty() && jkt->get_ref<const std::string&>() == report.thumbprint;
    set(report, DpopCheckCode::KeyBinding, bound ? CheckOutcome::Passed : CheckOutcome::Failed,
        bound ? "the access token's cnf.jkt is the thumbprint of the proof's key"
              : fmt::format("the access token's cnf.jkt {} is not the thumbprint of the proof's key ({}): the token "
                            "was bound to another key",
                            jose::quoteJson(*jkt), report.thumbprint.empty() ? "none" : report.thumbprint));
}

} // namespace

bool looksLikeDpopProof(const Json& header)
{
    const auto typ = header.find("typ");
    const auto jwk = header.find("jwk");
    return typ != header.end() && typ->is_string() && jose::typeMatches(typ->get_ref<const std::string&>(), "dpop+jwt")
        && jwk != header.end() && jwk->is_object();
}

std::string accessTokenHash(std::string_view accessToken)
{
    return encoding::base64UrlEncode(crypto::digest(crypto::HashAlg::Sha256, asBytes(accessToken)));
}

std::string_view dpopCheckName(DpopCheckCode code)
{
    switch (code) {
    case DpopCheckCode::Type: return "typ";
    case DpopCheckCode::EmbeddedKey: return "jwk";
    case DpopCheckCode::Signature: return "signature";
    case DpopCheckCode::RequiredClaims: return "claims";
    case DpopCheckCode::Method: return "htm";
    case DpopCheckCode::Url: return "htu";
    case DpopCheckCode::IssuedAt: return "iat";
    case DpopCheckCode::Nonce: return "nonce";
    case DpopCheckCode::AccessTokenHash: return "ath";
    case DpopCheckCode::KeyBinding: return "cnf.jkt";
    }
    return "check";
}

bool DpopVerification::valid() const
{
    return std::ranges::all_of(checks, [](const DpopCheck& check) {
        const bool optional = check.code == DpopCheckCode::Nonce || check.code == DpopCheckCode::AccessTokenHash
            || check.code == DpopCheckCode::KeyBinding;
        return check.outcome == CheckOutcome::Passed || (optional && check.outcome == CheckOutcome::NotChecked);
    });
}

const DpopCheck& DpopVerification::check(DpopCheckCode code) const
{
    return checks.at(static_cast<std::size_t>(code));
}

Result<DpopVerification> verifyDpopProof(std::string_view proof, const DpopExpectations& expected)
{
    auto token = jose::decodeCompact(proof, jose::Base64Mode::Strict);
    if (!token) {
        return std::unexpected(token.error());
    }
    if (token->kind != jose::TokenKind::Jws) {
        return fail(Errc::MalformedToken, "a DPoP proof is a signed JWT, not an encrypted one");
    }
    DpopVerification report;
    for (std::size_t i = 0; i <= static_cast<std::size_t>(DpopCheckCode::KeyBinding); ++i) {
        report.checks.push_back({static_cast<DpopCheckCode>(i), CheckOutcome::NotChecked, {}});
    }
    const Json& header = token->header.value;
    const std::string* typ = jose::findStringClaim(header, "typ");
    const bool typed = typ && jose::typeMatches(*typ, "dpop+jwt");
    set(report, DpopCheckCode::Type, typed ? CheckOutcome::Passed : CheckOutcome::Failed,
        typed ? "typ is dpop+jwt"
              : fmt::format("typ is {}, not dpop+jwt: another kind of JWT must not pass as a DPoP proof",
                            typ ? jose::quoteString(*typ) : std::string("missing")));
    checkEmbeddedKey(report, header);

    const jose::KeySource keys = report.key ? jose::KeySource::single(*report.key) : jose::KeySource{};
    auto jwt = jose::verifyJwt(proof, keys, proofOptions(expected));
    if (!jwt) {
        return std::unexpected(jwt.error());
    }
    if (report.key) {
        set(report, DpopCheckCode::Signature, jwt->signature.valid() ? CheckOutcome::Passed : CheckOutcome::Failed,
            jwt->signature.reason);
    } else {
        set(report, DpopCheckCode::Signature, CheckOutcome::NotChecked, "there is no usable key to check it with");
    }
    const Json claims = token->payloadJson ? token->payloadJson->value : Json();
    checkRequiredClaims(report, jwt->claims);
    checkRequest(report, claims, expected);
    checkIssuedAt(report, claims, expected);
    checkNonce(report, claims, expected);
    checkAccessToken(report, claims, expected);
    report.jwt = std::move(*jwt);
    return report;
}

Result<Json> proofJwk(const keys::Key& key)
{
    if (key.type() == keys::KeyType::Oct || !key.hasPrivate()) {
        return fail(
            Errc::KeyMismatch,
            fmt::format("a DPoP proof is signed with a private RSA, EC or OKP key, not {}", jose::keyPhrase(key)));
    }
    auto publicKey = key.publicKey();
    if (!publicKey) {
        return std::unexpected(publicKey.error());
    }
    publicKey->parameters() = {};
    return keys::exportJwk(*publicKey, false);
}

Result<Json> proofClaims(const DpopProofOptions& options)
{
    std::string jti = options.jti;
    if (jti.empty()) {
        auto random = crypto::randomBytes(16);
        if (!random) {
            return std::unexpected(random.error());
        }
        jti = encoding::base64UrlEncode(*random);
    }
    Json claims{
        {"jti", jti}, {"htm", options.htm}, {"htu", options.htu}, {"iat", options.iat.time_since_epoch().count()}};
    if (options.accessToken) {
        claims["ath"] = accessTokenHash(*options.accessToken);
    }
    if (options.nonce) {
        claims["nonce"] = *options.nonce;
    }
    return claims;
}

Result<std::string> createDpopProof(const keys::Key& key, const DpopProofOptions& options)
{
    auto jwk = proofJwk(key);
    if (!jwk) {
        return std::unexpected(jwk.error());
    }
    const auto fitting = jose::algorithmsForKey(key, jose::KeyPurpose::Sign);
    const auto alg = options.alg ? options.alg : fitting.empty() ? std::nullopt : std::optional(fitting.front());
    if (!alg) {
        return fail(Errc::KeyMismatch, fmt::format("no signature algorithm fits {}", jose::keyPhrase(key)));
    }
    auto claims = proofClaims(options);
    if (!claims) {
        return std::unexpected(claims.error());
    }
    const Json header{{"typ", "dpop+jwt"}, {"alg", jose::algorithmName(*alg)}, {"jwk", std::move(*jwk)}};
    return jose::signCompact(encoding::toCompactJson(header), asBytes(encoding::toCompactJson(*claims)), &key);
}

} // namespace jwtwb::dpop
