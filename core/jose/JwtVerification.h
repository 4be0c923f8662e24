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
    // The token's parts as splitCompact decoded them; verification reads the header and the claims
    // without building their documents, and token() builds them for whoever wants them.
    CompactToken parts;
    bool payloadIsJson = false;

    // The token as decodeCompact decodes it: with the header's and (when it is JSON) the payload's
    // documents. Built on each call.
    [[nodiscard]] CompactToken token() const;

    // The protected header's JSON text and the payload (a claims set's JSON text, or whatever the
    // token holds) as decoded from the token.
    [[nodiscard]] std::span<const std::uint8_t> header() const { return parts.segments.front().bytes; }
    [[nodiscard]] std::span<const std::uint8_t> payload() const { return parts.payload(); }

    // Signature valid and no error-severity claim finding.
    [[nodiscard]] bool valid() const { return signature.valid() && claims.ok(); }
};

} // namespace jwtwb::jose
