#include "JwtVerifier.h"

namespace jwtwb::jose {

Result<JwtVerification> verifyJwt(std::string_view token, const KeySource& keys, const JwtVerifyOptions& options)
{
    auto decoded = decodeCompact(token, Base64Mode::Strict);
    if (!decoded) {
        return std::unexpected(decoded.error());
    }
    if (decoded->kind != TokenKind::Jws) {
        return fail(Errc::MalformedToken, "this is a JWE (encrypted token); it cannot be verified as a signed JWT");
    }
    JwtVerification result{std::move(*decoded), {}, {}};
    result.signature = checkCompactSignature(result.token, keys, options.jws);
    if (!result.token.payloadJson) {
        const std::string why = result.token.payload().empty()
            ? "the payload is empty"
            : "the payload is not JSON (" + result.token.payloadNotJson->message + ")";
        result.claims.findings.push_back({ClaimCode::ClaimsNotObject, "", ClaimSeverity::Error,
                                          why + ", so it is not a JWT claims set (RFC 7519 §7.2)"});
        return result;
    }
    result.claims = checkClaims(result.token.header.value, result.token.payloadJson->value, options.claims);
    return result;
}

} // namespace jwtwb::jose
