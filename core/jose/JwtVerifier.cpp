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
    JwtVerification result;
    result.signature = checkCompactSignature(*decoded, keys, options.jws);
    if (!decoded->payloadJson) {
        const std::string why = decoded->payload().empty()
            ? "the payload is empty"
            : "the payload is not JSON (" + decoded->payloadNotJson->message + ")";
        result.claims.findings.push_back({ClaimCode::ClaimsNotObject, "", ClaimSeverity::Error,
                                          why + ", so it is not a JWT claims set (RFC 7519 §7.2)"});
    } else {
        result.claims = checkClaims(decoded->header.value, decoded->payloadJson->value, options.claims);
    }
    result.token = std::move(*decoded);
    return result;
}

} // namespace jwtwb::jose
