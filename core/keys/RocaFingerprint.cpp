#include "RocaFingerprint.h"

#include "ossl/BigNum.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>

#include <array>
#include <bitset>
#include <cstdint>

namespace jwtwb::keys {
namespace {

constexpr std::array<std::uint32_t, 38> kPrimes
    = {3,  5,  7,  11, 13, 17,  19,  23,  29,  31,  37,  41,  43,  47,  53,  59,  61,  67,  71,
       73, 79, 83, 89, 97, 101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167};
constexpr std::uint32_t kGenerator = 65537;

// For each prime p, which residues mod p are powers of 65537: the subgroup the fingerprint lies in.
using Residues = std::bitset<168>;

std::array<Residues, kPrimes.size()> powersOfGenerator()
{
    std::array<Residues, kPrimes.size()> out;
    for (std::size_t i = 0; i < kPrimes.size(); ++i) {
        const std::uint32_t p = kPrimes[i];
        std::uint32_t power = 1;
        do {
            out[i].set(power);
            power = power * (kGenerator % p) % p;
        } while (power != 1);
    }
    return out;
}

} // namespace

bool modulusHasRocaFingerprint(const EVP_PKEY* rsaKey)
{
    const auto modulus = ossl::pkeyBnParam(rsaKey, OSSL_PKEY_PARAM_RSA_N);
    if (!modulus) {
        return false;
    }
    static const auto subgroups = powersOfGenerator();
    for (std::size_t i = 0; i < kPrimes.size(); ++i) {
        const BN_ULONG residue = BN_mod_word(modulus.get(), kPrimes[i]);
        if (residue == static_cast<BN_ULONG>(-1) || !subgroups[i].test(static_cast<std::size_t>(residue))) {
            return false;
        }
    }
    return true;
}

} // namespace jwtwb::keys
