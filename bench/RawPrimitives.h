#pragma once

#include "Bytes.h"
#include "Error.h"
#include "jose/Algorithm.h"
#include "keys/Key.h"

#include <memory>
#include <span>
#include <string_view>

namespace jwtwb::bench {

// The bare OpenSSL operation behind a JWS algorithm, prepared once and repeated: the yardstick
// `jwtwb bench` holds the full JOSE path against. HMAC reuses one EVP_MAC context; RSA and ECDSA
// sign or verify a precomputed digest with a ready EVP_PKEY_CTX; EdDSA, which has no separate
// digest, re-initialises one EVP_MD_CTX per operation.
class RawOperation
{
public:
    virtual ~RawOperation() = default;
    [[nodiscard]] virtual bool run() = 0; // false when OpenSSL failed (or the signature is bad)
};

[[nodiscard]] Result<std::unique_ptr<RawOperation>> rawVerify(jose::JwsAlgorithm alg, const keys::Key& key,
                                                              std::string_view signingInput,
                                                              std::span<const std::uint8_t> signature);
[[nodiscard]] Result<std::unique_ptr<RawOperation>> rawSign(jose::JwsAlgorithm alg, const keys::Key& key,
                                                            std::string_view signingInput);

// SHA-256 throughput of OpenSSL's EVP digest on a large buffer, in bytes per second of this
// process's CPU time: the yardstick for the secret search (each guess costs a fixed number of
// 64-byte compressions).
[[nodiscard]] Result<double> sha256BytesPerCpuSecond(double seconds);

// CPU time this process has used, all threads together (CLOCK_PROCESS_CPUTIME_ID): measurements on
// a busy machine count only the time the work actually ran.
[[nodiscard]] double processCpuSeconds();

} // namespace jwtwb::bench
