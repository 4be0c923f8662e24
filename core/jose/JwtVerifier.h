#pragma once

#include "Error.h"
#include "jose/ClaimChecks.h"
#include "jose/CompactToken.h"
#include "jose/JwsVerifier.h"

#include <string_view>

namespace jwtwb::jose {

// What panva/jose's jwtVerify takes: the JWS policy (allowed algorithms, known "crit") and the
// claim expectations (issuer, audience, leeway, now, …).
struct JwtVerifyOptions {
    JwsVerifyOptions jws;
    ClaimOptions claims;
};

struct JwtVerification {
    CompactToken token;
    SignatureCheck signature;
    ClaimReport claims;

    // Signature valid and no error-severity claim finding.
    [[nodiscard]] bool valid() const { return signature.valid() && claims.ok(); }
};

// Decodes (strictly), verifies the signature and checks the claims. Only input that is not a
// compact JWS at all is an error; every other problem is in the report.
[[nodiscard]] Result<JwtVerification> verifyJwt(std::string_view token, const KeySource& keys,
                                                const JwtVerifyOptions& options);

} // namespace jwtwb::jose
