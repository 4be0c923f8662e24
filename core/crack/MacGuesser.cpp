#include "MacGuesser.h"

#include "crack/ShaRounds.h"
#include "crypto/SecureBytes.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

namespace jwtwb::crack {
namespace {

using jose::JwsAlgorithm;

constexpr std::uint8_t kIpad = 0x36;
constexpr std::uint8_t kOpad = 0x5c;

// How many guesses go through the SHA extensions side by side (see sha::niBlocks).
constexpr int kNiLanes = 4;

struct Prepared {
    JwsAlgorithm alg;
    const std::uint8_t* blocks;
    std::size_t blockCount;
    const std::uint8_t* outerTail;
};

std::size_t blockSize(JwsAlgorithm alg)
{
    return alg == JwsAlgorithm::HS256 ? sha::kSha256Block : sha::kSha512Block;
}

std::size_t digestSize(JwsAlgorithm alg)
{
    return jose::algorithmInfo(alg).signatureSize;
}

// RFC 2104 §2: the key zero-padded to one block, hashed first when it is longer, XOR ipad.
// Long keys are rare in wordlists; only they allocate.
[[gnu::noinline]] void hashedKeyBlock(JwsAlgorithm alg, const Guess& guess, std::uint8_t* block)
{
    const auto key = std::span<const std::uint8_t>(guess.data, guess.size);
    Bytes digest
        = alg == JwsAlgorithm::HS256 ? sha256(key, bestShaKernel()) : sha512Family(jose::algorithmInfo(alg).hash, key);
    std::memcpy(block, digest.data(), digest.size());
    crypto::wipe(digest);
}

inline void ipadBlock(JwsAlgorithm alg, const Guess& guess, std::uint8_t* block, std::size_t size)
{
    std::memset(block, 0, size);
    if (guess.size > size) {
        hashedKeyBlock(alg, guess, block);
    } else if (guess.size > 0) {
        std::memcpy(block, guess.data, guess.size);
    }
    for (std::size_t i = 0; i < size; ++i) {
        block[i] ^= kIpad;
    }
}

inline void ipadToOpad(std::uint8_t* block, std::size_t size)
{
    for (std::size_t i = 0; i < size; ++i) {
        block[i] ^= kIpad ^ kOpad;
    }
}

std::uint64_t hmacSha256Portable(const Prepared& p, const Guess& guess)
{
    alignas(16) std::uint8_t block[sha::kSha256Block];
    ipadBlock(p.alg, guess, block, sizeof block);
    auto inner = sha::kSha256Init;
    sha::sha256BlockPortable(inner.data(), block);
    ipadToOpad(block, sizeof block);
    auto outer = sha::kSha256Init;
    sha::sha256BlockPortable(outer.data(), block);
    for (std::size_t i = 0; i < p.blockCount; ++i) {
        sha::sha256BlockPortable(inner.data(), p.blocks + i * sha::kSha256Block);
    }
    for (std::size_t i = 0; i < inner.size(); ++i) {
        sha::storeBe32(block + 4 * i, inner[i]);
    }
    std::memcpy(block + 32, p.outerTail, sha::kSha256Block - 32);
    sha::sha256BlockPortable(outer.data(), block);
    return (static_cast<std::uint64_t>(outer[0]) << 32) | outer[1];
}

std::uint64_t hmacSha512Portable(const Prepared& p, const Guess& guess)
{
    const auto& init = p.alg == JwsAlgorithm::HS384 ? sha::kSha384Init : sha::kSha512Init;
    const std::size_t digest = digestSize(p.alg);
    alignas(16) std::uint8_t block[sha::kSha512Block];
    ipadBlock(p.alg, guess, block, sizeof block);
    auto inner = init;
    sha::sha512BlockPortable(inner.data(), block);
    ipadToOpad(block, sizeof block);
    auto outer = init;
    sha::sha512BlockPortable(outer.data(), block);
    for (std::size_t i = 0; i < p.blockCount; ++i) {
        sha::sha512BlockPortable(inner.data(), p.blocks + i * sha::kSha512Block);
    }
    for (std::size_t i = 0; i < digest / 8; ++i) {
        sha::storeBe64(block + 8 * i, inner[i]);
    }
    std::memcpy(block + digest, p.outerTail, sha::kSha512Block - digest);
    sha::sha512BlockPortable(outer.data(), block);
    return outer[0];
}

#if JWTWB_SHA_NI
template <int N> JWTWB_TARGET_SHA_NI void hmacSha256Ni(const Prepared& p, const Guess* guesses, std::uint64_t* prefixes)
{
    static const sha::NiState kInit = sha::niLoad(sha::kSha256Init.data());
    alignas(16) std::uint8_t blocks[N][sha::kSha256Block];
    const std::uint8_t* pointers[N];
    sha::NiState inner[N];
    sha::NiState outer[N];
#pragma GCC unroll 8
    for (int n = 0; n < N; ++n) {
        ipadBlock(p.alg, guesses[n], blocks[n], sha::kSha256Block);
        pointers[n] = blocks[n];
        inner[n] = kInit;
        outer[n] = kInit;
    }
    sha::niBlocks<N>(inner, pointers);
#pragma GCC unroll 8
    for (int n = 0; n < N; ++n) {
        ipadToOpad(blocks[n], sha::kSha256Block);
    }
    sha::niBlocks<N>(outer, pointers);
    for (std::size_t i = 0; i < p.blockCount; ++i) {
#pragma GCC unroll 8
        for (int n = 0; n < N; ++n) {
            pointers[n] = p.blocks + i * sha::kSha256Block;
        }
        sha::niBlocks<N>(inner, pointers);
    }
#pragma GCC unroll 8
    for (int n = 0; n < N; ++n) {
        sha::niStoreDigest(inner[n], blocks[n]);
        std::memcpy(blocks[n] + 32, p.outerTail, sha::kSha256Block - 32);
        pointers[n] = blocks[n];
    }
    sha::niBlocks<N>(outer, pointers);
#pragma GCC unroll 8
    for (int n = 0; n < N; ++n) {
        // ABEF: A in the top lane, B below it, so the high half is A ‖ B, the MAC's first 8 bytes.
        prefixes[n] = static_cast<std::uint64_t>(_mm_extract_epi64(outer[n].abef, 1));
    }
}
#endif

// Message blocks for a hash whose first `blockSize` bytes are already compressed (the key block).
Bytes innerBlocks(std::span<const std::uint8_t> message, std::size_t blockSize)
{
    const std::size_t lengthBytes = blockSize / 8; // 8 for SHA-256, 16 for SHA-512
    Bytes out(message.begin(), message.end());
    out.push_back(0x80);
    while (out.size() % blockSize != blockSize - lengthBytes) {
        out.push_back(0);
    }
    const std::uint64_t bits = (static_cast<std::uint64_t>(message.size()) + blockSize) * 8;
    for (std::size_t i = 0; i < lengthBytes; ++i) {
        out.push_back(i + 8 < lengthBytes ? 0 : static_cast<std::uint8_t>(bits >> (8 * (lengthBytes - 1 - i))));
    }
    return out;
}

} // namespace

Result<MacGuesser> MacGuesser::create(JwsAlgorithm alg, std::span<const std::uint8_t> signingInput,
                                      std::span<const std::uint8_t> mac, ShaKernel kernel, unsigned prefilterBits)
{
    if (jose::algorithmInfo(alg).family != jose::AlgorithmFamily::Hmac) {
        return fail(Errc::UnsupportedAlgorithm,
                    fmt::format("{} is not an HMAC algorithm: only HS256, HS384 and HS512 tokens have a secret to "
                                "search for",
                                jose::algorithmName(alg)));
    }
    const std::size_t size = digestSize(alg);
    if (mac.size() != size) {
        return fail(Errc::MalformedToken,
                    fmt::format("the signature has {} bytes; an {} signature has {}", mac.size(),
                                jose::algorithmName(alg), size));
    }
    if (prefilterBits == 0 || prefilterBits > 64) {
        return fail(Errc::InvalidKey, "the prefilter compares 1 to 64 bits");
    }
    MacGuesser guesser;
    guesser.m_alg = alg;
    guesser.m_kernel = alg == JwsAlgorithm::HS256 && kernel == ShaKernel::ShaExtensions && shaExtensionsAvailable()
        ? ShaKernel::ShaExtensions
        : ShaKernel::Portable;
    const std::size_t block = blockSize(alg);
    guesser.m_blocks = innerBlocks(signingInput, block);
    guesser.m_blockCount = guesser.m_blocks.size() / block;
    // The outer hash is one block: key block, then digest, 0x80, zeros and the length.
    Bytes outer = innerBlocks(Bytes(size, 0), block);
    guesser.m_outerTail.assign(outer.begin() + static_cast<std::ptrdiff_t>(size), outer.end());
    guesser.m_expected = sha::loadBe64(mac.data());
    guesser.m_mask = prefilterBits == 64 ? ~std::uint64_t{0} : ~(~std::uint64_t{0} >> prefilterBits);
    return guesser;
}

std::uint32_t MacGuesser::test(std::span<const Guess> guesses) const
{
    const std::size_t count = std::min(guesses.size(), kMaxBatch);
    const Prepared p{m_alg, m_blocks.data(), m_blockCount, m_outerTail.data()};
    std::uint64_t prefixes[kMaxBatch];
    if (m_alg != JwsAlgorithm::HS256) {
        for (std::size_t i = 0; i < count; ++i) {
            prefixes[i] = hmacSha512Portable(p, guesses[i]);
        }
    } else if (m_kernel == ShaKernel::ShaExtensions) {
#if JWTWB_SHA_NI
        std::size_t i = 0;
        for (; i + kNiLanes <= count; i += kNiLanes) {
            hmacSha256Ni<kNiLanes>(p, guesses.data() + i, prefixes + i);
        }
        for (; i < count; ++i) {
            hmacSha256Ni<1>(p, guesses.data() + i, prefixes + i);
        }
#endif
    } else {
        for (std::size_t i = 0; i < count; ++i) {
            prefixes[i] = hmacSha256Portable(p, guesses[i]);
        }
    }
    std::uint32_t hits = 0;
    for (std::size_t i = 0; i < count; ++i) {
        if (((prefixes[i] ^ m_expected) & m_mask) == 0) {
            hits |= 1U << i;
        }
    }
    return hits;
}

} // namespace jwtwb::crack
