#include "EmsaPkcs1.h"

#include <algorithm>
#include <array>

namespace jwtwb::crypto {
namespace {

// The DER of DigestInfo up to the hash itself, from RFC 8017 §9.2, note 1. SHA-2 only: no JWS
// algorithm signs SHA-1.
constexpr std::array<std::uint8_t, 19> kSha256Prefix = {0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01,
                                                        0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20};
constexpr std::array<std::uint8_t, 19> kSha384Prefix = {0x30, 0x41, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01,
                                                        0x65, 0x03, 0x04, 0x02, 0x02, 0x05, 0x00, 0x04, 0x30};
constexpr std::array<std::uint8_t, 19> kSha512Prefix = {0x30, 0x51, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01,
                                                        0x65, 0x03, 0x04, 0x02, 0x03, 0x05, 0x00, 0x04, 0x40};

std::span<const std::uint8_t> digestInfoPrefix(HashAlg hash)
{
    switch (hash) {
    case HashAlg::Sha1: return {};
    case HashAlg::Sha256: return kSha256Prefix;
    case HashAlg::Sha384: return kSha384Prefix;
    case HashAlg::Sha512: return kSha512Prefix;
    }
    return kSha256Prefix;
}

} // namespace

bool encodeEmsaPkcs1v15(HashAlg hash, std::span<const std::uint8_t> digest, std::span<std::uint8_t> em)
{
    const std::span<const std::uint8_t> prefix = digestInfoPrefix(hash);
    const std::size_t tLen = prefix.size() + digest.size();
    if (prefix.empty() || digest.size() != hashSize(hash) || em.size() < tLen + 11) {
        return false;
    }
    const std::size_t paddingEnd = em.size() - tLen - 1; // where the 00 separator goes
    em[0] = 0x00;
    em[1] = 0x01;
    std::fill(em.begin() + 2, em.begin() + static_cast<std::ptrdiff_t>(paddingEnd), std::uint8_t{0xff});
    em[paddingEnd] = 0x00;
    std::ranges::copy(prefix, em.begin() + static_cast<std::ptrdiff_t>(paddingEnd) + 1);
    std::ranges::copy(digest, em.end() - static_cast<std::ptrdiff_t>(digest.size()));
    return true;
}

} // namespace jwtwb::crypto
