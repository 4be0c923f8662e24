#pragma once

#include "jose/JwtVerification.h"

#include <optional>
#include <string_view>

namespace jwtwb::jose {

// verifyJwt's shortcut for the common case. It does the whole verification of a compact JWT —
// strict base64url, the JSON syntax of header and claims, the header rules, the algorithm policy,
// the key check, every claim check and the signature — but reads header and claims with
// scanFlatObject instead of building JSON documents, and writes no messages. So it answers only
// when the answer is "valid, nothing to report" (no finding, no warning) for one key; for anything
// else, and for JSON it does not read (see scanFlatObject), "crit", "b64" or a key set, it returns
// nullopt and the full path explains. Whatever it returns, verifyJwtInFull returns too.
[[nodiscard]] std::optional<JwtVerification> verifyCleanJwt(std::string_view token, const KeySource& keys,
                                                            const JwtVerifyOptions& options);

} // namespace jwtwb::jose
