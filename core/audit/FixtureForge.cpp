#include "FixtureForge.h"

#include "audit/TokenTampering.h"
#include "crypto/Digest.h"
#include "encoding/Base64Url.h"
#include "jose/Algorithm.h"
#include "jose/JwsSigner.h"
#include "jose/NumericDate.h"
#include "jose/SignatureEngine.h"
#include "keys/KeyExport.h"
#include "keys/KeyGenerator.h"

#include <fmt/format.h>

namespace jwtwb::audit {
namespace {

using encoding::Json;
using enum FixtureKind;

constexpr std::string_view kWrongIssuer = "https://wrong-issuer.invalid";
constexpr std::string_view kWrongAudience = "https://wrong-audience.invalid";
constexpr std::string_view kJkuUrl = "https://attacker.invalid/jwks.json";
constexpr std::string_view kX5uUrl = "https://attacker.invalid/certificate.pem";
constexpr std::string_view kKidPathTraversal = "../../../../dev/null";
constexpr std::string_view kKidSqlInjection = "' UNION SELECT 'secret' --";
constexpr std::string_view kSqlInjectedSecret = "secret";
constexpr std::string_view kUnknownCritical = "x-fixture-critical";
constexpr std::int64_t kBeyondLeeway = 60; // seconds past the leeway for the times that must fail

struct Parts {
    std::string_view header;
    std::string_view payload;
    std::string_view signature;
};

Parts split(std::string_view token)
{
    const auto first = token.find('.');
    const auto second = token.find('.', first + 1);
    return {token.substr(0, first), token.substr(first + 1, second - first - 1), token.substr(second + 1)};
}

Json with(Json object, std::string_view name, Json value)
{
    object[std::string(name)] = std::move(value);
    return object;
}

std::string seconds(std::int64_t count)
{
    return fmt::format("{} s", count);
}

std::string utc(std::int64_t time)
{
    return jose::formatUtc(std::chrono::sys_seconds(std::chrono::seconds(time)));
}

std::string printable(std::uint8_t byte)
{
    return byte >= 0x20 && byte < 0x7F ? fmt::format("'{}'", static_cast<char>(byte)) : fmt::format("0x{:02x}", byte);
}

Result<Fixture> fixture(FixtureKind kind, Expectation expect, std::string reason, Result<std::string> token)
{
    if (!token) {
        Error error = token.error();
        error.message = fmt::format("fixture {}: {}", fixtureKindInfo(kind).name, error.message);
        return std::unexpected(std::move(error));
    }
    return Fixture{kind, expect, std::move(reason), std::move(*token)};
}

} // namespace

FixtureForge::FixtureForge(const FixtureBaseline& baseline, const keys::Key& key, const keys::Key& attacker)
    : m_baseline(baseline)
    , m_key(key)
    , m_attacker(attacker)
    , m_payloadText(encoding::toCompactJson(baseline.claims))
{ }

Result<FixtureForge> FixtureForge::create(const FixtureBaseline& baseline, const keys::Key& key,
                                          const keys::Key& attacker)
{
    FixtureForge forge(baseline, key, attacker);
    auto valid = forge.sign(baseline.header, forge.m_payloadText, key);
    if (!valid) {
        return std::unexpected(valid.error());
    }
    forge.m_validToken = std::move(*valid);
    return forge;
}

Result<std::string> FixtureForge::sign(const Json& header, std::string_view payloadText, const keys::Key& key) const
{
    jose::SignOptions options;
    options.exactHeader = true;
    options.weakKeys = jose::WeakKeys::Accept; // the real key passed the check in FixtureBaseline
    return jose::signCompact(encoding::toCompactJson(header), asBytes(payloadText), &key, options);
}

Result<std::string> FixtureForge::signClaims(const Json& claims) const
{
    return sign(m_baseline.header, encoding::toCompactJson(claims), m_key);
}

std::optional<std::string> FixtureForge::skipReason(FixtureKind kind) const
{
    const auto& info = jose::algorithmInfo(m_baseline.verifier.algorithm);
    switch (kind) {
    case ExpiredWithinLeeway:
        if (m_baseline.verifier.leeway.count() == 0) {
            return "The stated leeway is 0 s, so no expired token is within it.";
        }
        return std::nullopt;
    case PublicKeyAsHmacSecret:
        if (m_key.type() == keys::KeyType::Oct) {
            return "The key is an HMAC secret: there is no public key to pass off as one.";
        }
        return std::nullopt;
    case WeakKey:
        if (m_key.type() == keys::KeyType::Ec || m_key.type() == keys::KeyType::Okp) {
            return "EC and OKP keys have no weak sizes in JOSE: the curve fixes the key's size.";
        }
        return std::nullopt;
    case EcdsaPsychicSignature:
        if (info.family != jose::AlgorithmFamily::Ecdsa) {
            return fmt::format("{} is not ECDSA: the all-zero signature attack (CVE-2022-21449) is about ECDSA only.",
                               info.name);
        }
        return std::nullopt;
    default: return std::nullopt;
    }
}

Result<Fixture> FixtureForge::make(FixtureKind kind) const
{
    switch (kind) {
    case Valid:
        return Fixture{Valid, Expectation::Accept,
                       fmt::format("Signed with the key ({}), iss and aud as expected, iat now, exp in {}: every "
                                   "check passes.",
                                   jose::algorithmName(m_baseline.verifier.algorithm),
                                   seconds(kFixtureLifetime.count())),
                       m_validToken};
    case Expired:
    case ExpiredWithinLeeway:
    case NotYetValid:
    case IssuedInFuture:
    case WrongIssuer:
    case WrongAudience:
    case MissingExp: return claimsFixture(kind);
    case AlgNoneLowercase:
    case AlgNoneCapitalized:
    case AlgNoneUppercase: return unsecuredFixture(kind);
    case SignatureStripped:
    case SignatureOfAnotherKey:
    case HeaderBitFlipped:
    case PayloadBitFlipped:
    case SignatureBitFlipped: return tamperedFixture(kind);
    case PublicKeyAsHmacSecret: return publicKeyAsHmacSecret();
    case EmbeddedJwk:
    case JkuWithRealKey:
    case JkuWithAttackerKey:
    case X5uWithRealKey:
    case X5uWithAttackerKey: return keySourceFixture(kind);
    case KidPathTraversal:
    case KidPathTraversalEmptySecret:
    case KidSqlInjection:
    case KidSqlInjectionKnownSecret: return kidFixture(kind);
    case UnknownCrit: return unknownCrit();
    case DuplicateExp:
    case DuplicateIss: return duplicateFixture(kind);
    case EcdsaPsychicSignature: return psychicSignature();
    case Base64UrlPadding:
    case Base64UrlTrailingBits: return nonCanonicalHeader(kind);
    case Base64UrlStandardAlphabet: return standardAlphabet();
    case WeakKey: return weakKey();
    }
    return fail(Errc::MalformedToken, "unknown fixture kind");
}

Result<Fixture> FixtureForge::claimsFixture(FixtureKind kind) const
{
    const auto& verifier = m_baseline.verifier;
    const std::int64_t now = verifier.now.time_since_epoch().count();
    const std::int64_t leeway = verifier.leeway.count();
    const std::int64_t lifetime = kFixtureLifetime.count();
    Json claims = m_baseline.claims;
    // Every token keeps a plausible life: iat one lifetime before exp.
    const auto setTimes = [&claims](std::int64_t iat, std::int64_t exp) {
        claims["iat"] = iat;
        if (claims.contains("nbf")) {
            claims["nbf"] = iat;
        }
        claims["exp"] = exp;
    };
    std::string reason;
    Expectation expect = Expectation::Reject;
    switch (kind) {
    case Expired: {
        const std::int64_t exp = now - leeway - kBeyondLeeway;
        setTimes(exp - lifetime, exp);
        reason = fmt::format("exp is {}, {} before now: beyond the {} leeway, so the token has expired "
                             "(RFC 7519 §4.1.4).",
                             utc(exp), seconds(now - exp), seconds(leeway));
        break;
    }
    case ExpiredWithinLeeway: {
        const std::int64_t exp = now - leeway / 2;
        setTimes(exp - lifetime, exp);
        expect = Expectation::Accept;
        reason = fmt::format("exp is {}, {} before now (so strictly expired) but within the {} leeway that allows "
                             "for clock skew (RFC 7519 §4.1.4): a verifier with that leeway must accept it.",
                             utc(exp), seconds(now - exp), seconds(leeway));
        break;
    }
    case NotYetValid: {
        const std::int64_t nbf = now + leeway + kBeyondLeeway;
        claims["nbf"] = nbf;
        claims["exp"] = nbf + lifetime;
        reason = fmt::format("nbf is {}, {} after now: beyond the {} leeway, so the token is not valid yet "
                             "(RFC 7519 §4.1.5).",
                             utc(nbf), seconds(nbf - now), seconds(leeway));
        break;
    }
    case IssuedInFuture: {
        const std::int64_t iat = now + leeway + kBeyondLeeway;
        setTimes(iat, iat + lifetime);
        reason = fmt::format("iat is {}, {} after now: no token can have been issued in the future. RFC 7519 "
                             "§4.1.6 leaves iat to the application; the stated verifier checks the token's age "
                             "(maxTokenAge, as panva/jose does), which refuses it.",
                             utc(iat), seconds(iat - now));
        break;
    }
    case WrongIssuer:
        claims["iss"] = std::string(kWrongIssuer);
        reason
            = fmt::format("iss is \"{}\", not the expected \"{}\" (RFC 7519 §4.1.1).", kWrongIssuer, verifier.issuer);
        break;
    case WrongAudience:
        claims["aud"] = std::string(kWrongAudience);
        reason = fmt::format("aud is \"{}\" and does not name the expected \"{}\": a recipient that does not "
                             "identify itself with aud must reject the token (RFC 7519 §4.1.3).",
                             kWrongAudience, verifier.audience);
        break;
    case MissingExp:
        claims.erase("exp");
        reason = "No exp: the token would never expire, and the stated verifier requires exp.";
        break;
    default: return fail(Errc::MalformedToken, "not a claims fixture");
    }
    return fixture(kind, expect, std::move(reason), signClaims(claims));
}

Result<Fixture> FixtureForge::unsecuredFixture(FixtureKind kind) const
{
    const std::string_view alg = kind == AlgNoneLowercase ? "none" : kind == AlgNoneCapitalized ? "None" : "NONE";
    const Json header = with(m_baseline.header, "alg", std::string(alg));
    std::string reason = fmt::format("alg \"{}\" and an empty signature: an unsecured token that anyone can make. A "
                                     "verifier that expects {} must never accept it (RFC 8725 §3.1).",
                                     alg, jose::algorithmName(m_baseline.verifier.algorithm));
    if (kind != AlgNoneLowercase) {
        reason += " Algorithm names are case-sensitive (RFC 7515 §4.1.1); this spelling catches verifiers that "
                  "block \"none\" but compare names ignoring case.";
    }
    return fixture(kind, Expectation::Reject, std::move(reason),
                   unsignedCompact(encoding::toCompactJson(header), m_payloadText));
}

Result<Fixture> FixtureForge::tamperedFixture(FixtureKind kind) const
{
    const Parts valid = split(m_validToken);
    const auto joined = [](std::string_view header, std::string_view payload, std::string_view signature) {
        return fmt::format("{}.{}.{}", header, payload, signature);
    };
    switch (kind) {
    case SignatureStripped:
        return fixture(kind, Expectation::Reject,
                       fmt::format("The valid token with its signature removed (\"header.payload.\") and alg {} kept: "
                                   "a missing signature must never count as a valid one.",
                                   jose::algorithmName(m_baseline.verifier.algorithm)),
                       joined(valid.header, valid.payload, ""));
    case SignatureOfAnotherKey:
        return fixture(kind, Expectation::Reject,
                       fmt::format("Signed with a freshly generated {} instead of the key: the signature does not "
                                   "verify with the key.",
                                   m_attacker.describe()),
                       sign(m_baseline.header, m_payloadText, m_attacker));
    case HeaderBitFlipped:
    case PayloadBitFlipped: {
        const bool header = kind == HeaderBitFlipped;
        std::string text = header ? encoding::toCompactJson(m_baseline.header) : m_payloadText;
        const auto flip = flipBitInJsonText(text);
        if (!flip) {
            return fail(Errc::MalformedToken, "no character to flip");
        }
        const std::string segment = encoding::base64UrlEncode(text);
        return fixture(
            kind, Expectation::Reject,
            fmt::format("One bit flipped in the decoded {} (byte {}: {} became {}) and the segment "
                        "re-encoded, so it is still valid base64url and valid JSON: only the signature "
                        "check can notice.",
                        header ? "header" : "payload", flip->offset, printable(flip->before), printable(flip->after)),
            header ? joined(segment, valid.payload, valid.signature) : joined(valid.header, segment, valid.signature));
    }
    case SignatureBitFlipped: {
        auto signature = encoding::base64UrlDecode(valid.signature);
        if (!signature) {
            return std::unexpected(signature.error());
        }
        const auto flip = flipBitInMiddle(*signature);
        if (!flip) {
            return fail(Errc::MalformedToken, "the signature is empty");
        }
        return fixture(kind, Expectation::Reject,
                       fmt::format("One bit flipped in the decoded signature (byte {} of {}: 0x{:02x} became 0x{:02x}) "
                                   "and the segment re-encoded, so it is still valid base64url.",
                                   flip->offset, signature->size(), flip->before, flip->after),
                       joined(valid.header, valid.payload, encoding::base64UrlEncode(*signature)));
    }
    default: return fail(Errc::MalformedToken, "not a tampering fixture");
    }
}

Result<Fixture> FixtureForge::publicKeyAsHmacSecret() const
{
    auto pem = keys::exportPublicPem(m_key);
    if (!pem) {
        return std::unexpected(pem.error());
    }
    const keys::Key secret = keys::Key::fromSecret(crypto::SecureBytes(*pem));
    return fixture(PublicKeyAsHmacSecret, Expectation::Reject,
                   fmt::format("alg HS256, the HMAC secret being the public key's PEM text (SubjectPublicKeyInfo, {} "
                               "bytes with the final line break): the RS→HS algorithm confusion. A verifier that lets "
                               "the token choose the algorithm and hands it the public key accepts it (RFC 8725 §2.1, "
                               "§3.1).",
                               pem->size()),
                   sign(with(m_baseline.header, "alg", "HS256"), m_payloadText, secret));
}

Result<Fixture> FixtureForge::keySourceFixture(FixtureKind kind) const
{
    if (kind == EmbeddedJwk) {
        auto jwk = keys::exportJwk(m_attacker, m_attacker.type() == keys::KeyType::Oct);
        if (!jwk) {
            return std::unexpected(jwk.error());
        }
        return fixture(kind, Expectation::Reject,
                       "The header embeds an attacker's key as \"jwk\" and the token is signed with it: a verifier "
                       "that trusts a key the token brings accepts anything (CVE-2018-0114). A correct one uses its "
                       "own key, and the signature does not verify with it.",
                       sign(with(m_baseline.header, "jwk", *jwk), m_payloadText, m_attacker));
    }
    const bool jku = kind == JkuWithRealKey || kind == JkuWithAttackerKey;
    const std::string_view url = jku ? kJkuUrl : kX5uUrl;
    const std::string_view parameter = jku ? "jku" : "x5u";
    const Json header = with(m_baseline.header, parameter, std::string(url));
    if (kind == JkuWithRealKey || kind == X5uWithRealKey) {
        return fixture(
            kind, Expectation::Accept,
            fmt::format("\"{}\" points to {}, but the token is signed with the key the verifier is configured with. A "
                        "verifier must not fetch keys from a URL the token names (RFC 8725 §3.10: that invites "
                        "server-side request forgery); ignoring the hint, it accepts. One that tries to fetch fails, "
                        "as .invalid never resolves (RFC 6761 §6.4). A verifier that refuses every {} outside an "
                        "allow-list is also safe: then expect reject.",
                        parameter, url, parameter),
            sign(header, m_payloadText, m_key));
    }
    return fixture(kind, Expectation::Reject,
                   fmt::format("\"{}\" points to {} and the token is signed with an attacker's key, the one a verifier "
                               "following the URL would find there. A correct verifier uses its own key, and the "
                               "signature does not verify with it (RFC 8725 §3.10).",
                               parameter, url),
                   sign(header, m_payloadText, m_attacker));
}

Result<Fixture> FixtureForge::kidFixture(FixtureKind kind) const
{
    const bool traversal = kind == KidPathTraversal || kind == KidPathTraversalEmptySecret;
    const std::string_view kid = traversal ? kKidPathTraversal : kKidSqlInjection;
    const Json header = with(m_baseline.header, "kid", std::string(kid));
    if (kind == KidPathTraversal || kind == KidSqlInjection) {
        return fixture(kind, Expectation::Accept,
                       fmt::format("kid \"{}\", signed with the key. kid is only a hint for choosing a key (RFC 7515 "
                                   "§4.1.4), and the stated verifier has one configured key, so it accepts; it must "
                                   "never use kid as a {} (RFC 8725 §3.10). Against a key set, no key has this kid: "
                                   "then expect reject.",
                                   kid, traversal ? "file path" : "piece of SQL"),
                       sign(header, m_payloadText, m_key));
    }
    // What a vulnerable verifier would find: /dev/null is empty; the injected SELECT returns 'secret'.
    const keys::Key secret
        = keys::Key::fromSecret(crypto::SecureBytes(traversal ? std::string_view() : kSqlInjectedSecret));
    const std::string reason = traversal
        ? fmt::format("kid \"{}\", alg HS256 and an empty HMAC secret: a verifier that reads the key file kid names "
                      "reads /dev/null, gets an empty key and accepts. A correct verifier rejects it.",
                      kid)
        : fmt::format(
            "kid \"{}\", alg HS256 and the HMAC secret \"{}\", the value the injected UNION SELECT returns: a "
            "verifier that pastes kid into SQL accepts it. A correct verifier rejects it.",
            kid, kSqlInjectedSecret);
    return fixture(kind, Expectation::Reject, reason, sign(with(header, "alg", "HS256"), m_payloadText, secret));
}

Result<Fixture> FixtureForge::unknownCrit() const
{
    Json header = with(m_baseline.header, "crit", Json::array({std::string(kUnknownCritical)}));
    header[std::string(kUnknownCritical)] = true;
    return fixture(UnknownCrit, Expectation::Reject,
                   fmt::format("\"crit\" marks \"{}\" as a header parameter the verifier must understand, and no "
                               "verifier knows it: RFC 7515 §4.1.11 requires rejecting the token, although its "
                               "signature with the key is valid.",
                               kUnknownCritical),
                   sign(header, m_payloadText, m_key));
}

Result<Fixture> FixtureForge::duplicateFixture(FixtureKind kind) const
{
    // The valid value first, the bad one last: RFC 7519 §4 lets a parser reject duplicate claim names
    // or keep the lexically last, and both ways refuse the token; only keeping the first accepts it.
    const auto& verifier = m_baseline.verifier;
    const std::int64_t now = verifier.now.time_since_epoch().count();
    const std::int64_t expired = now - verifier.leeway.count() - kBeyondLeeway;
    const bool exp = kind == DuplicateExp;
    const std::string member
        = exp ? fmt::format("\"exp\":{}", expired) : fmt::format("\"iss\":{}", Json(std::string(kWrongIssuer)).dump());
    std::string payload = m_payloadText;
    payload.insert(payload.size() - 1, "," + member);
    const std::string reason = fmt::format(
        "The payload has \"{}\" twice: first {}, then {}. RFC 7519 §4 lets a parser reject duplicate claim names or "
        "keep the last one, and either way the token is refused; a parser that keeps the first accepts it.",
        exp ? "exp" : "iss",
        exp ? fmt::format("{} (valid)", utc(m_baseline.claims.at("exp").get<std::int64_t>()))
            : fmt::format("\"{}\" (expected)", verifier.issuer),
        exp ? fmt::format("{} (expired beyond the leeway)", utc(expired))
            : fmt::format("\"{}\" (wrong)", kWrongIssuer));
    return fixture(kind, Expectation::Reject, reason, sign(m_baseline.header, payload, m_key));
}

Result<Fixture> FixtureForge::psychicSignature() const
{
    const std::size_t size = jose::algorithmInfo(m_baseline.verifier.algorithm).signatureSize;
    const Parts valid = split(m_validToken);
    return fixture(EcdsaPsychicSignature, Expectation::Reject,
                   fmt::format("The signature is {} zero bytes, r = s = 0: Java 15 to 18 accepted it for any message "
                               "and key (CVE-2022-21449). ECDSA requires 1 ≤ r, s < n.",
                               size),
                   fmt::format("{}.{}.{}", valid.header, valid.payload, encoding::base64UrlEncode(Bytes(size, 0))));
}

Result<Fixture> FixtureForge::nonCanonicalHeader(FixtureKind kind) const
{
    // A header whose length is not a multiple of 3 has something to pad and unused bits at its end.
    std::string headerText = encoding::toCompactJson(m_baseline.header);
    std::string note;
    if (headerText.size() % 3 == 0) {
        headerText.insert(headerText.size() - 1, " ");
        note = kind == Base64UrlPadding
            ? " (the header JSON has a space before its closing brace so that there is something to pad)"
            : " (the header JSON has a space before its closing brace so that its last character has unused bits)";
    }
    const std::string canonical = encoding::base64UrlEncode(headerText);
    const bool padding = kind == Base64UrlPadding;
    const std::string segment = padding ? withPadding(canonical) : withNonZeroTrailingBits(canonical).value_or("");
    const std::string signingInput = segment + "." + encoding::base64UrlEncode(m_payloadText);
    auto signature = jose::createSignature(m_baseline.verifier.algorithm, m_key, asBytes(signingInput));
    if (!signature) {
        return fixture(kind, Expectation::Reject, {}, std::unexpected(signature.error()));
    }
    return fixture(kind, Expectation::Reject,
                   fmt::format("The header segment {}{}, and the signature is over the segment as written: a lenient "
                               "decoder reads the same header and the signature verifies. RFC 7515 §2 forbids it, and "
                               "accepting it makes tokens malleable (several spellings of one token slip past replay "
                               "and revocation lists keyed by the token text).",
                               padding ? "ends in '=' padding" : "has non-zero unused bits in its last character",
                               note),
                   signingInput + "." + encoding::base64UrlEncode(*signature));
}

Result<Fixture> FixtureForge::standardAlphabet() const
{
    // The signature is not part of the signing input: a lenient decoder reads '+' and '/' as '-' and
    // '_' and gets the same bytes. Extra spaces in the header JSON vary the signature until it has one.
    for (int spaces = 0; spaces < 64; ++spaces) {
        std::string headerText = encoding::toCompactJson(m_baseline.header);
        headerText.insert(headerText.size() - 1, std::string(static_cast<std::size_t>(spaces), ' '));
        jose::SignOptions options;
        options.exactHeader = true;
        auto token = jose::signCompact(headerText, asBytes(m_payloadText), &m_key, options);
        if (!token) {
            return fixture(Base64UrlStandardAlphabet, Expectation::Reject, {}, std::move(token));
        }
        const Parts parts = split(*token);
        if (parts.signature.find_first_of("-_") == std::string_view::npos) {
            continue;
        }
        return fixture(Base64UrlStandardAlphabet, Expectation::Reject,
                       fmt::format("The signature segment is written in the standard base64 alphabet ('+' and '/' "
                                   "for '-' and '_'){}: a lenient decoder reads the same signature, which verifies. "
                                   "RFC 7515 §2 requires base64url, and accepting it makes tokens malleable.",
                                   spaces == 0 ? std::string()
                                               : fmt::format(" (the header JSON has {} space(s) before its closing "
                                                             "brace so that the signature has a character to swap)",
                                                             spaces)),
                       fmt::format("{}.{}.{}", parts.header, parts.payload, withStandardAlphabet(parts.signature)));
    }
    return fail(Errc::Crypto, "fixture base64url-standard-alphabet: no signature with '-' or '_' in 64 attempts");
}

Result<Fixture> FixtureForge::weakKey() const
{
    // Half the hash for a secret, 1024 bits for RSA: each a size RFC 7518 forbids for the algorithm.
    const auto& info = jose::algorithmInfo(m_baseline.verifier.algorithm);
    const keys::KeySpec spec = m_key.type() == keys::KeyType::Oct
        ? keys::KeySpec{keys::KeyType::Oct, static_cast<int>(crypto::hashSize(info.hash)) * 4, keys::Curve::None}
        : keys::KeySpec{keys::KeyType::Rsa, 1024, keys::Curve::None};
    auto weak = keys::generateKey(spec);
    if (!weak) {
        return std::unexpected(weak.error());
    }
    const bool secret = weak->type() == keys::KeyType::Oct;
    auto jwk = keys::exportJwk(*weak, secret);
    if (!jwk) {
        return std::unexpected(jwk.error());
    }
    auto made = fixture(WeakKey, Expectation::Reject,
                        fmt::format("Signed with {}, and the verifier is given that key (\"verifyWith\"): the "
                                    "signature matches, but {}. A conforming verifier refuses the key whatever it "
                                    "signed; accepting it lets anyone who breaks the key sign tokens.",
                                    jose::keyPhrase(*weak), jose::describeWeakKey(*weak, info.alg)),
                        sign(m_baseline.header, m_payloadText, *weak));
    if (made) {
        made->verifyWith = std::move(*jwk);
    }
    return made;
}

} // namespace jwtwb::audit
