#pragma once

using EVP_PKEY = struct evp_pkey_st;

namespace jwtwb::keys {

// CVE-2017-15361 (ROCA): RSA keys made by Infineon's RSALib have primes of the form
// k·M + (65537^a mod M), and such a modulus can be factored. Their modulus is, modulo each small
// prime p up to 167, a power of 65537 mod p; a random modulus is that for all 38 primes with a
// probability far below 2^-100. True for an RSA key whose modulus has that fingerprint. Key runs
// it once, when the key is made (Key::hasRocaFingerprint).
//
// This is the ROCA authors' "moduli" test (crocs-muni/roca, has_fingerprint_moduli). Moduli built on
// purpose to pass it without being ROCA keys exist (their test_fake_mods); no key generator makes
// them, and refusing one costs nothing.
[[nodiscard]] bool modulusHasRocaFingerprint(const EVP_PKEY* rsaKey);

} // namespace jwtwb::keys
