#pragma once

#include "Bytes.h"
#include "Error.h"
#include "jose/Algorithm.h"
#include "jose/CompactToken.h"
#include "jose/KeyAlgorithmCheck.h"
#include "jose/SignatureCheck.h"
#include "keys/Key.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace jwtwb::jose {

// The keys to verify with: one key used as given, or a key set (JWKS) from which keys are chosen
// by kid and algorithm (see KeySelector).
struct KeySource {
    std::span<const keys::Key> keys;
    bool isSet = false;

    [[nodiscard]] static KeySource single(const keys::Key& key) { return {std::span<const keys::Key>(&key, 1), false}; }
    [[nodiscard]] static KeySource set(std::span<const keys::Key> keySet) { return {keySet, true}; }
};

struct JwsVerifyOptions {
    std::vector<JwsAlgorithm> algorithms; // allowed; empty: any the key supports (never "none")
    std::optional<Bytes> detachedPayload; // RFC 7515 Appendix F
    std::vector<std::string> criticalHeaders; // understood besides "b64" (RFC 7515 §4.1.11)
    WeakKeys weakKeys = WeakKeys::Refuse; // Accept: a weak key's refusal becomes a warning (never remembered)
};

struct JwsVerification {
    std::vector<SignatureCheck> signatures; // one per signature, in document order
    Bytes payload;

    [[nodiscard]] bool anyValid() const;
    [[nodiscard]] bool allValid() const;
};

// The one signature of a decoded compact JWS, checked as verifyCompact does.
[[nodiscard]] SignatureCheck checkCompactSignature(const CompactToken& token, const KeySource& keys,
                                                   const JwsVerifyOptions& options = {});
// The same with the header's members read already (splitCompact), as verifyJwt does.
[[nodiscard]] SignatureCheck checkCompactSignature(const CompactToken& token, const encoding::JsonMembers& header,
                                                   const KeySource& keys, const JwsVerifyOptions& options = {});

// Verifies a decoded compact JWS. A bad signature, a wrong key or an unknown "crit" is a
// SignatureCheck, not an error; errors are left for input that is not a JWS at all.
[[nodiscard]] JwsVerification verifyCompact(const CompactToken& token, const KeySource& keys,
                                            const JwsVerifyOptions& options = {});

// Verifies the general or flattened JSON serialization, each signature on its own.
[[nodiscard]] Result<JwsVerification> verifyJwsJson(std::string_view json, const KeySource& keys,
                                                    const JwsVerifyOptions& options = {});

} // namespace jwtwb::jose
