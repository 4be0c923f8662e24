#pragma once

#include "Bytes.h"
#include "jose/ClaimChecks.h"
#include "jose/JwsVerifier.h"
#include "jose/SignatureCheck.h"

#include <cstddef>
#include <span>

namespace jwtwb::jose {

// What panva/jose's jwtVerify takes: the JWS policy (allowed algorithms, known "crit") and the
// claim expectations (issuer, audience, leeway, now, …).
struct JwtVerifyOptions {
    JwsVerifyOptions jws;
    ClaimOptions claims;
};

struct JwtVerification {
    SignatureCheck signature;
    ClaimReport claims;
    // The protected header's JSON text and the payload (a claims set's JSON text, or whatever the
    // token holds) as decoded from the token, one after the other in one buffer.
    Bytes decoded;
    std::size_t headerSize = 0;

    [[nodiscard]] std::span<const std::uint8_t> header() const { return std::span(decoded).first(headerSize); }
    [[nodiscard]] std::span<const std::uint8_t> payload() const { return std::span(decoded).subspan(headerSize); }

    // Signature valid and no error-severity claim finding.
    [[nodiscard]] bool valid() const { return signature.valid() && claims.ok(); }
};

} // namespace jwtwb::jose
