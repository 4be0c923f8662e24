#pragma once

#include <span>
#include <string_view>

namespace jwtwb::audit {

// Every kind of test-fixture token, in catalogue order. The order gives each kind its stable
// number (the "NN" of "NN-name.jwt"): append new kinds, never reorder.
enum class FixtureKind {
    Valid,
    Expired,
    ExpiredWithinLeeway,
    NotYetValid,
    IssuedInFuture,
    WrongIssuer,
    WrongAudience,
    MissingExp,
    AlgNoneLowercase,
    AlgNoneCapitalized,
    AlgNoneUppercase,
    SignatureStripped,
    SignatureOfAnotherKey,
    HeaderBitFlipped,
    PayloadBitFlipped,
    SignatureBitFlipped,
    PublicKeyAsHmacSecret,
    EmbeddedJwk,
    JkuWithRealKey,
    JkuWithAttackerKey,
    X5uWithRealKey,
    X5uWithAttackerKey,
    KidPathTraversal,
    KidPathTraversalEmptySecret,
    KidSqlInjection,
    KidSqlInjectionKnownSecret,
    UnknownCrit,
    DuplicateExp,
    DuplicateIss,
    EcdsaPsychicSignature,
    Base64UrlPadding,
    Base64UrlStandardAlphabet,
    Base64UrlTrailingBits,
    WeakKey,
};

struct FixtureKindInfo {
    FixtureKind kind;
    int number; // 1-based position in the catalogue
    std::string_view name; // stable, lower case, usable in a file name: "expired-within-leeway"
};

[[nodiscard]] std::span<const FixtureKindInfo> allFixtureKinds();
[[nodiscard]] const FixtureKindInfo& fixtureKindInfo(FixtureKind kind);

} // namespace jwtwb::audit
