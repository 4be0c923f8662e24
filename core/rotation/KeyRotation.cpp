#include "KeyRotation.h"

#include "jose/JwtVerifier.h"
#include "jose/Lifetime.h"

#include <algorithm>
#include <fmt/format.h>

namespace jwtwb::rotation {
namespace {

SetVerdict verdictOf(const jose::JwtVerification& verification)
{
    const auto& signature = verification.signature;
    return {signature.valid(), signature.keyIndex, signature.reason};
}

TokenFate fateOf(const TokenRotation& token)
{
    if (token.before.verifies) {
        if (token.after.verifies) {
            return TokenFate::Unaffected;
        }
        return token.expired ? TokenFate::BreaksExpired : TokenFate::Breaks;
    }
    return token.after.verifies ? TokenFate::StartsVerifying : TokenFate::NeverVerifies;
}

TokenRotation rehearse(const std::string& text, std::span<const keys::Key> before, std::span<const keys::Key> after,
                       const jose::JwtVerifyOptions& options)
{
    TokenRotation token;
    token.token = text;
    auto old = jose::verifyJwt(text, jose::KeySource::set(before), options);
    if (!old) {
        token.error = old.error().message;
        return token;
    }
    token.before = verdictOf(*old);
    if (const auto claims = encoding::readJsonMembers(asText(old->payload()))) {
        const auto lifetime = jose::summarizeLifetime(*claims, options.claims.now, options.claims.leeway);
        if (lifetime.exp.valid()) {
            token.expires = lifetime.exp.roundedUp();
        }
        token.expired = lifetime.expired;
    }
    if (const auto rotated = jose::verifyJwt(text, jose::KeySource::set(after), options)) {
        token.after = verdictOf(*rotated);
    }
    token.fate = fateOf(token);
    return token;
}

std::string countTokens(std::size_t count)
{
    return fmt::format("{} token{}", count, count == 1 ? "" : "s");
}

} // namespace

std::string_view fateName(TokenFate fate)
{
    switch (fate) {
    case TokenFate::Unaffected: return "unaffected";
    case TokenFate::Breaks: return "breaks";
    case TokenFate::BreaksExpired: return "breaks, expired anyway";
    case TokenFate::StartsVerifying: return "starts verifying";
    case TokenFate::NeverVerifies: return "never verifies";
    }
    return "unknown";
}

std::string keyLabel(std::span<const keys::Key> set, std::size_t index)
{
    const auto& kid = index < set.size() ? set[index].parameters().kid : std::string();
    return kid.empty() ? fmt::format("key {}", index + 1) : fmt::format("kid \"{}\"", kid);
}

std::size_t RotationReport::count(TokenFate fate) const
{
    return static_cast<std::size_t>(std::ranges::count(tokens, fate, &TokenRotation::fate));
}

std::string RotationReport::summary() const
{
    const std::size_t breaking = count(TokenFate::Breaks);
    const std::size_t expiredAnyway = count(TokenFate::BreaksExpired);
    std::string text;
    if (breaking == 0) {
        text = "no token that is still valid would fail";
    } else {
        std::size_t forever = 0;
        std::chrono::seconds longest{0};
        for (const auto& token : tokens) {
            if (token.fate != TokenFate::Breaks) {
                continue;
            }
            if (!token.expires) {
                ++forever;
            } else {
                longest = std::max(longest, std::chrono::duration_cast<std::chrono::seconds>(*token.expires - now));
            }
        }
        const bool one = breaking == 1;
        text = fmt::format("{} fail{} now", countTokens(breaking), one ? "s" : "");
        if (forever == 0) {
            text += fmt::format("; {} expire within {}", one ? "it would" : "all would", jose::humanDuration(longest));
        } else if (forever == breaking) {
            text += one ? "; it never expires (no exp)" : "; none of them ever expires (no exp)";
        } else {
            text += fmt::format("; {} of them never expire{} (no exp), {} would expire within {}", forever,
                                forever == 1 ? "s" : "", breaking - forever == 1 ? "the other" : "the others",
                                jose::humanDuration(longest));
        }
    }
    if (expiredAnyway > 0) {
        text += fmt::format("; {} more would fail but {} expired anyway", expiredAnyway,
                            expiredAnyway == 1 ? "has" : "have");
    }
    if (const std::size_t starting = count(TokenFate::StartsVerifying); starting > 0) {
        text += fmt::format("; {} start{} verifying", countTokens(starting), starting == 1 ? "s" : "");
    }
    return text;
}

RotationReport rehearseRotation(std::span<const std::string> tokens, std::span<const keys::Key> before,
                                std::span<const keys::Key> after, const jose::JwtVerifyOptions& options)
{
    RotationReport report;
    report.now = options.claims.now;
    report.tokens.reserve(tokens.size());
    for (const auto& token : tokens) {
        report.tokens.push_back(rehearse(token, before, after, options));
    }
    return report;
}

} // namespace jwtwb::rotation
