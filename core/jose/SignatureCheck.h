#pragma once

#include "jose/Algorithm.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jwtwb::jose {

// A bad signature is an outcome, not an error.
enum class Verdict { Valid, Invalid, NotChecked };

enum class SignatureProblem {
    None,
    SignatureMismatch, // computed with another key, or the signed content was changed
    KeyMismatch, // the key cannot be used with the token's algorithm
    AlgorithmConfusion, // an HMAC token made or checked with a public key's text as the secret (RFC 8725 §2.1)
    WeakKey,
    AlgorithmNotAllowed,
    UnsupportedAlgorithm,
    MalformedSignature, // wrong length or encoding
    DerEcdsaSignature,
    Unsecured, // alg "none"
    NoKey,
    NoMatchingKey, // a key set had no key for this token
    AmbiguousKeySet, // a key set with two keys under one kid, or secrets beside public keys
    MalformedHeader,
    UnknownCriticalHeader,
    MissingPayload, // detached payload not supplied
};

[[nodiscard]] std::string_view problemName(SignatureProblem problem); // stable code, e.g. "ERR_JWS_SIGNATURE_MISMATCH"

struct SignatureCheck {
    std::optional<JwsAlgorithm> alg; // empty when the header has no usable "alg"
    Verdict verdict = Verdict::NotChecked;
    SignatureProblem problem = SignatureProblem::None;
    std::string reason; // a sentence for people
    std::vector<std::string> warnings;
    std::string keyId; // kid of the key that was used, when it has one
    std::optional<std::size_t> keyIndex; // with a key set: the key that verified the signature

    [[nodiscard]] bool valid() const { return verdict == Verdict::Valid; }
};

} // namespace jwtwb::jose
