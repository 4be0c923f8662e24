#pragma once

#include "jose/JwtVerification.h"
#include "keys/Key.h"

#include <chrono>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace jwtwb::rotation {

// What a change of the verifier's key set does to one token.
enum class TokenFate {
    Unaffected, // verifies with the old set and with the new one
    Breaks, // verifies with the old set, not with the new one, and has not expired
    BreaksExpired, // as Breaks, but it has expired anyway: nobody can use it
    StartsVerifying, // fails with the old set, verifies with the new one
    NeverVerifies, // fails with both sets (or does not decode)
};

[[nodiscard]] std::string_view fateName(TokenFate fate); // "unaffected", "breaks", …

// How a report names key `index` of a set: "kid \"2026-11\"", or "key 3" (counted from 1) without a kid.
[[nodiscard]] std::string keyLabel(std::span<const keys::Key> set, std::size_t index);

// One key set's verdict on a token: the key that verified it, or why none did.
struct SetVerdict {
    bool verifies = false;
    std::optional<std::size_t> keyIndex; // into the set, when one verified
    std::string reason; // the verifier's own words
};

struct TokenRotation {
    std::string token;
    std::string error; // the token does not decode as a signed JWT; then fate is NeverVerifies
    SetVerdict before;
    SetVerdict after;
    TokenFate fate = TokenFate::NeverVerifies;
    std::optional<std::chrono::sys_seconds> expires; // a usable exp
    bool expired = false; // at `now`, beyond the leeway
};

struct RotationReport {
    std::vector<TokenRotation> tokens;
    std::chrono::sys_seconds now{};

    [[nodiscard]] std::size_t count(TokenFate fate) const;
    // A token that has not expired would stop verifying: what a rotation must not do unnoticed.
    [[nodiscard]] bool breaksLiveTokens() const { return count(TokenFate::Breaks) > 0; }
    // "3 tokens fail now; all would expire within 15 min", "no token that verifies now would fail",
    // "1 token fails now; 1 of them never expires (no exp)".
    [[nodiscard]] std::string summary() const;
};

// Verifies every token with `before` and with `after` (each a key set: kid and algorithm choose the
// key, as jose::verifyJwt does for a JWKS) under `options`, whose claims.now is the moment of the
// rotation. Only the signature decides whether a set verifies a token; exp says whether it matters.
[[nodiscard]] RotationReport rehearseRotation(std::span<const std::string> tokens, std::span<const keys::Key> before,
                                              std::span<const keys::Key> after, const jose::JwtVerifyOptions& options);

} // namespace jwtwb::rotation
