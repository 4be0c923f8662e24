#pragma once

#include "Error.h"
#include "audit/Fixtures.h"
#include "encoding/Json.h"
#include "keys/Key.h"

#include <optional>

namespace jwtwb::audit {

// The valid token every fixture starts from, and the verifier it is valid for.
struct FixtureBaseline {
    encoding::Json header; // {"alg", "typ", "kid" when there is one}
    encoding::Json claims; // valid at the verifier's now
    VerifierAssumptions verifier;
};

// `claims` must be a JSON object. `tokenHeader`, when the claims came from a token, gives "typ",
// "kid" and (unless options.algorithm is set) "alg". The key must be able to sign with the alg.
[[nodiscard]] Result<FixtureBaseline> makeFixtureBaseline(encoding::Json claims,
                                                          const std::optional<encoding::Json>& tokenHeader,
                                                          const keys::Key& key, const FixtureOptions& options);

} // namespace jwtwb::audit
