#include "FixtureKind.h"

#include <array>

namespace jwtwb::audit {
namespace {

using enum FixtureKind;

constexpr std::array kKinds{
    FixtureKindInfo{Valid, 1, "valid"},
    FixtureKindInfo{Expired, 2, "expired"},
    FixtureKindInfo{ExpiredWithinLeeway, 3, "expired-within-leeway"},
    FixtureKindInfo{NotYetValid, 4, "nbf-in-future"},
    FixtureKindInfo{IssuedInFuture, 5, "iat-in-future"},
    FixtureKindInfo{WrongIssuer, 6, "wrong-iss"},
    FixtureKindInfo{WrongAudience, 7, "wrong-aud"},
    FixtureKindInfo{MissingExp, 8, "missing-exp"},
    FixtureKindInfo{AlgNoneLowercase, 9, "alg-none-lowercase"},
    FixtureKindInfo{AlgNoneCapitalized, 10, "alg-none-capitalized"},
    FixtureKindInfo{AlgNoneUppercase, 11, "alg-none-uppercase"},
    FixtureKindInfo{SignatureStripped, 12, "signature-stripped"},
    FixtureKindInfo{SignatureOfAnotherKey, 13, "signature-of-another-key"},
    FixtureKindInfo{HeaderBitFlipped, 14, "header-bit-flipped"},
    FixtureKindInfo{PayloadBitFlipped, 15, "payload-bit-flipped"},
    FixtureKindInfo{SignatureBitFlipped, 16, "signature-bit-flipped"},
    FixtureKindInfo{PublicKeyAsHmacSecret, 17, "public-key-as-hmac-secret"},
    FixtureKindInfo{EmbeddedJwk, 18, "embedded-jwk-attacker-key"},
    FixtureKindInfo{JkuWithRealKey, 19, "jku-elsewhere-real-key"},
    FixtureKindInfo{JkuWithAttackerKey, 20, "jku-elsewhere-attacker-key"},
    FixtureKindInfo{X5uWithRealKey, 21, "x5u-elsewhere-real-key"},
    FixtureKindInfo{X5uWithAttackerKey, 22, "x5u-elsewhere-attacker-key"},
    FixtureKindInfo{KidPathTraversal, 23, "kid-path-traversal"},
    FixtureKindInfo{KidPathTraversalEmptySecret, 24, "kid-path-traversal-empty-secret"},
    FixtureKindInfo{KidSqlInjection, 25, "kid-sql-injection"},
    FixtureKindInfo{KidSqlInjectionKnownSecret, 26, "kid-sql-injection-known-secret"},
    FixtureKindInfo{UnknownCrit, 27, "unknown-crit"},
    FixtureKindInfo{DuplicateExp, 28, "duplicate-exp"},
    FixtureKindInfo{DuplicateIss, 29, "duplicate-iss"},
    FixtureKindInfo{EcdsaPsychicSignature, 30, "ecdsa-psychic-signature"},
    FixtureKindInfo{Base64UrlPadding, 31, "base64url-padding"},
    FixtureKindInfo{Base64UrlStandardAlphabet, 32, "base64url-standard-alphabet"},
    FixtureKindInfo{Base64UrlTrailingBits, 33, "base64url-trailing-bits"},
    FixtureKindInfo{WeakKey, 34, "weak-key"},
};

constexpr bool inCatalogueOrder()
{
    for (std::size_t i = 0; i < kKinds.size(); ++i) {
        if (static_cast<std::size_t>(kKinds[i].kind) != i || kKinds[i].number != static_cast<int>(i) + 1) {
            return false;
        }
    }
    return true;
}
static_assert(inCatalogueOrder(), "kKinds must list every FixtureKind once, in enum order");

} // namespace

std::span<const FixtureKindInfo> allFixtureKinds()
{
    return kKinds;
}

const FixtureKindInfo& fixtureKindInfo(FixtureKind kind)
{
    return kKinds[static_cast<std::size_t>(kind)];
}

} // namespace jwtwb::audit
