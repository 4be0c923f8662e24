#pragma once

#include "Error.h"
#include "jose/JwtVerification.h"

#include <string_view>

namespace jwtwb::jose {

// Decodes (strictly), verifies the signature and checks the claims. Only input that is not a
// compact JWS at all is an error; every other problem is in the report. A token that is valid with
// nothing to report — what services and batches see nearly always — takes verifyCleanJwt's shortcut
// (JwtShortcut.h); everything else is explained in full. Both give the same result.
[[nodiscard]] Result<JwtVerification> verifyJwt(std::string_view token, const KeySource& keys,
                                                const JwtVerifyOptions& options);

// verifyJwt without the shortcut: for tests and tools that compare the two.
[[nodiscard]] Result<JwtVerification> verifyJwtInFull(std::string_view token, const KeySource& keys,
                                                      const JwtVerifyOptions& options);

} // namespace jwtwb::jose
