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

// The key-set rule: why a verifier cannot trust this set to pick the key, or empty. Two keys of one
// type under one kid leave the choice to the order of the set (RFC 7517 §4.5 allows one kid for
// keys of different types); shared secrets beside public keys let a token
// choose between HMAC and a signature (RFC 8725 §2.1, §3.1). Refused whatever the weak-key policy.
[[nodiscard]] std::string describeAmbiguousKeySet(std::span<const keys::Key> keys);

[[nodiscard]] KeySelection selectKeys(const encoding::Json& header, std::span<const keys::Key> keys);

// "key 2 (kid \"abc\", EC P-256 public key)"
[[nodiscard]] std::string describeKeyInSet(const keys::Key& key, std::size_t index);

} // namespace jwtwb::jose
