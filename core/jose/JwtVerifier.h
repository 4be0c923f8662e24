#pragma once

#include "Error.h"
#include "jose/JwtVerification.h"

#include <string_view>

namespace jwtwb::jose {

// The one verification of a compact JWT: decodes it strictly, checks the signature
// (checkCompactSignature: header rules, algorithm policy, key choice and strength) and the claims
// (checkClaims). Only input that is not a compact JWS at all is an error; every other problem is in
// the report, in the words of the rule that found it.
[[nodiscard]] Result<JwtVerification> verifyJwt(std::string_view token, const KeySource& keys,
                                                const JwtVerifyOptions& options);

} // namespace jwtwb::jose
