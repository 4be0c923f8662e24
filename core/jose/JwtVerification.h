#pragma once

#include "Bytes.h"
#include "jose/ClaimChecks.h"
#include "jose/JwsVerifier.h"
#include "jose/SignatureCheck.h"

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
    Bytes header; // the protected header's JSON text, decoded from the token
    Bytes payload; // the claims set's JSON text (or whatever the payload holds), decoded

    // Signature valid and no error-severity claim finding.
    [[nodiscard]] bool valid() const { return signature.valid() && claims.ok(); }
};

} // namespace jwtwb::jose
