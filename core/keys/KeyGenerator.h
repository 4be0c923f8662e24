#pragma once

#include "Error.h"
#include "keys/Key.h"

#include <atomic>

namespace jwtwb::keys {

struct KeySpec {
    KeyType type;
    int bits = 0; // RSA modulus or secret size; 0 picks 2048 (RSA) or 256 (oct); unused for EC and OKP
    Curve curve = Curve::None; // EC: P256, P384, P521, Secp256k1; OKP: Ed25519, Ed448, X25519, X448
};

// RSA: 1024 bits and up in multiples of 8, at most 16384 (2048, 3072, 4096 are the usual sizes);
// below 1024 is Errc::WeakKey. EC and OKP: the curves above. oct: 128 to 8192 bits in multiples
// of 8 (256, 384, 512 for HS256/384/512), random from OpenSSL's RAND_bytes.
// `cancel` is polled during RSA generation (which can take seconds): when it becomes true the
// result is Errc::Cancelled. It is also checked before any generation starts.
[[nodiscard]] Result<Key> generateKey(const KeySpec& spec, const std::atomic<bool>* cancel = nullptr);

} // namespace jwtwb::keys
