#include "ShaDigest.h"

#include "crack/ShaRounds.h"

#if JWTWB_SHA_NI
#include <cpuid.h>
#endif

namespace jwtwb::crack {
namespace {

// The message and its padding (FIPS 180-4 §5.1): 0x80, zeros, and the length in bits in the
// last `lengthBytes` bytes of the final block.
Bytes padded(std::span<const std::uint8_t> data, std::size_t blockSize, std::size_t lengthBytes)
{
    Bytes out(data.begin(), data.end());
    out.push_back(0x80);
    while (out.size() % blockSize != blockSize - lengthBytes) {
        out.push_back(0);
    }
    const std::uint64_t bits = static_cast<std::uint64_t>(data.size()) * 8;
    for (std::size_t i = 0; i < lengthBytes; ++i) {
        out.push_back(i + 8 < lengthBytes ? 0 : static_cast<std::uint8_t>(bits >> (8 * (lengthBytes - 1 - i))));
    }
    return out;
}

} // namespace

bool shaExtensionsAvailable()
{
#if JWTWB_SHA_NI
    static const bool available = [] {
        unsigned eax = 0, ebx = 0, ecx = 0, edx = 0;
        if (__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx) == 0) {
            return false;
        }
        const bool sha = (ebx & (1U << 29)) != 0;
        __get_cpuid(1, &eax, &ebx, &ecx, &edx);
        const bool sse41 = (ecx & (1U << 19)) != 0;
        const bool ssse3 = (ecx & (1U << 9)) != 0;
        return sha && sse41 && ssse3;
    }();
    return available;
#else
    return false;
#endif
}

ShaKernel bestShaKernel()
{
    return shaExtensionsAvailable() ? ShaKernel::ShaExtensions : ShaKernel::Portable;
}

Bytes sha256(std::span<const std::uint8_t> data, ShaKernel kernel)
{
    const Bytes message = padded(data, sha::kSha256Block, 8);
    auto state = sha::kSha256Init;
#if JWTWB_SHA_NI
    if (kernel == ShaKernel::ShaExtensions && shaExtensionsAvailable()) {
        sha::sha256BlocksNi(state.data(), message.data(), message.size() / sha::kSha256Block);
    } else
#endif
    {
        (void)kernel;
        for (std::size_t offset = 0; offset < message.size(); offset += sha::kSha256Block) {
            sha::sha256BlockPortable(state.data(), message.data() + offset);
        }
    }
    Bytes out(32);
    for (std::size_t i = 0; i < state.size(); ++i) {
        sha::storeBe32(out.data() + 4 * i, state[i]);
    }
    return out;
}

Bytes sha512Family(crypto::HashAlg hash, std::span<const std::uint8_t> data)
{
    const Bytes message = padded(data, sha::kSha512Block, 16);
    auto state = hash == crypto::HashAlg::Sha384 ? sha::kSha384Init : sha::kSha512Init;
    for (std::size_t offset = 0; offset < message.size(); offset += sha::kSha512Block) {
        sha::sha512BlockPortable(state.data(), message.data() + offset);
    }
    Bytes out(64);
    for (std::size_t i = 0; i < state.size(); ++i) {
        sha::storeBe64(out.data() + 8 * i, state[i]);
    }
    out.resize(hash == crypto::HashAlg::Sha384 ? 48 : 64);
    return out;
}

} // namespace jwtwb::crack
