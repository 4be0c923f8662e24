#pragma once

#include "encoding/Json.h"
#include "keys/Key.h"

#include <span>
#include <string>
#include <vector>

namespace jwtwb::jose {

// Which keys of a key set (JWKS) may verify a token with this header: by "kid", then by the
// algorithm (kty, crv, the key's own "alg", "use" and "key_ops"), as panva/jose's local JWKS does.
struct KeySelection {
    struct Rejection {
        std::size_t index; // in the key set
        std::string reason;
    };

    std::vector<std::size_t> matches; // indexes into the key set, in set order
    std::vector<Rejection> rejected;

    // "no key in the set fits: key 1 (kid "a"): kid differs from the token's "b"; key 2: …"
    [[nodiscard]] std::string explain(std::span<const keys::Key> keys) const;
};

[[nodiscard]] KeySelection selectKeys(const encoding::Json& header, std::span<const keys::Key> keys);

// "key 2 (kid \"abc\", EC P-256 public key)"
[[nodiscard]] std::string describeKeyInSet(const keys::Key& key, std::size_t index);

} // namespace jwtwb::jose
