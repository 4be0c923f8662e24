#pragma once

#include "jose/ClaimChecks.h"
#include "jose/CompactToken.h"
#include "jose/JwsVerifier.h"
#include "jose/SignatureCheck.h"

#include <cstddef>
#include <span>

namespace jwtwb::jose {

// What panva/jose's jwtVerify takes: the JWS policy (allowed algorithms, known "crit", weak keys)
// and the claim expectations (issuer, audience, leeway, now, …).
struct JwtVerifyOptions {
    JwsVerifyOptions jws;
    ClaimOptions claims;
};

struct JwtVerification {
    SignatureCheck signature;
    ClaimReport claims;
    CompactToken token; // as decoded, with the header and (when it is JSON) the payload parsed

    // The protected header's JSON text and the payload (a claims set's JSON text, or whatever the
    // token holds) as decoded from the token.
    [[nodiscard]] std::span<const std::uint8_t> header() const { return token.segments.front().bytes; }
    [[nodiscard]] std::span<const std::uint8_t> payload() const { return token.payload(); }

    // Signature valid and no error-severity claim finding.
    [[nodiscard]] bool valid() const { return signature.valid() && claims.ok(); }
};

} // namespace jwtwb::jose
