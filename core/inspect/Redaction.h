#pragma once

#include "jose/CompactToken.h"

#include <string>
#include <vector>

namespace jwtwb::inspect {

struct RedactOptions {
    std::vector<std::string> keep; // claims whose values stay, besides iss, aud and the time claims
    std::vector<std::string> mask; // claims masked even when kept by default
};

struct Redaction {
    std::string text; // plain text for a bug report: never a token
    std::vector<std::string> masked; // the claims whose values were replaced, in token order
};

// A copy of a token that is safe to share: the header, every claim's name and JSON type, and the
// values of iss, aud, exp, nbf, iat and auth_time, of the claims the catalogue knows that are not
// personal data (scope, roles, azp, jti, …) and of `keep`. The values of sub, email, name, every
// other claim the catalogue marks as personal data, every claim it does not know, and of `mask` are
// masked; the signature is dropped, so the text can never be replayed. A JWE keeps its header only.
[[nodiscard]] Redaction redactToken(const jose::CompactToken& token, const RedactOptions& options = {});

} // namespace jwtwb::inspect
