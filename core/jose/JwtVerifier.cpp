#include "JwtVerifier.h"

#include "jose/CompactToken.h"
#include "jose/JwtShortcut.h"

namespace jwtwb::jose {

Result<JwtVerification> verifyJwt(std::string_view token, const KeySource& keys, const JwtVerifyOptions& options)
{
    if (auto clean = verifyCleanJwt(token, keys, options)) {
        return std::move(*clean);
    }
    return verifyJwtInFull(token, keys, options);
}

Result<JwtVerification> verifyJwtInFull(std::string_view token, const KeySource& keys, const JwtVerifyOptions& options)
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
    const Bytes& header = decoded->segments[0].bytes;
    const Bytes& payload = decoded->segments[1].bytes;
    result.decoded.reserve(header.size() + payload.size());
    result.decoded.insert(result.decoded.end(), header.begin(), header.end());
    result.decoded.insert(result.decoded.end(), payload.begin(), payload.end());
    result.headerSize = header.size();
    return result;
}

} // namespace jwtwb::jose
