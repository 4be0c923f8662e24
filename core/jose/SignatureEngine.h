#pragma once

#include "Bytes.h"
#include "Error.h"
#include "jose/Algorithm.h"
#include "jose/KeyAlgorithmCheck.h"
#include "jose/SignatureCheck.h"
#include "keys/Key.h"

#include <span>

namespace jwtwb::jose {

// The JWS signature over `signingInput` (RFC 7515 §5.1): HMAC, RSASSA-PKCS1-v1_5, RSASSA-PSS with
// salt length = hash length, ECDSA as fixed-size R‖S, EdDSA. Refuses keys that do not fit `alg`,
// and weak keys unless `weak` accepts them.
[[nodiscard]] Result<Bytes> createSignature(JwsAlgorithm alg, const keys::Key& key,
                                            std::span<const std::uint8_t> signingInput,
                                            WeakKeys weak = WeakKeys::Refuse);

// Checks one signature. Never throws; every failure is a SignatureCheck with a reason. A weak key
// is refused (SignatureProblem::WeakKey) unless `weak` accepts it, and the reason still says
// whether the signature matches it: that is the lesson a weak secret teaches.
[[nodiscard]] SignatureCheck verifySignature(JwsAlgorithm alg, const keys::Key& key,
                                             std::span<const std::uint8_t> signingInput,
                                             std::span<const std::uint8_t> signature, WeakKeys weak = WeakKeys::Refuse);

} // namespace jwtwb::jose
