#include "JwtVerifier.h"

namespace jwtwb::jose {

CompactToken JwtVerification::token() const
{
    CompactToken token = parts;
    addDocuments(token);
    return token;
}

Result<JwtVerification> verifyJwt(std::string_view token, const KeySource& keys, const JwtVerifyOptions& options)
{
    auto split = splitCompact(token, Base64Mode::Strict);
    if (!split) {
        return std::unexpected(split.error());
    }
    if (split->token.kind != TokenKind::Jws) {
        return fail(Errc::MalformedToken, "this is a JWE (encrypted token); it cannot be verified as a signed JWT");
    }
    Result<JwtVerification> verified(std::in_place); // built where it is returned
    JwtVerification& result = *verified;
    result.signature = checkCompactSignature(split->token, split->header, keys, options.jws);
    const Bytes& payload = split->token.payload();
    auto claims = encoding::readJsonMembers(asText(payload));
    if (!claims) {
        const std::string why
            = payload.empty() ? "the payload is empty" : "the payload is not JSON (" + claims.error().message + ")";
        result.claims.findings.push_back({ClaimCode::ClaimsNotObject, "", ClaimSeverity::Error,
                                          why + ", so it is not a JWT claims set (RFC 7519 §7.2)"});
    } else {
        result.payloadIsJson = true;
        result.claims = checkClaims(split->header, *claims, options.claims);
    }
    result.parts = std::move(split->token);
    return verified;
}

} // namespace jwtwb::jose
