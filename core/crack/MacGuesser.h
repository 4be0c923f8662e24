#pragma once

#include "Bytes.h"
#include "Error.h"
#include "crack/ShaDigest.h"
#include "jose/Algorithm.h"

#include <cstdint>
#include <span>

namespace jwtwb::crack {

// One candidate secret: bytes owned by the caller for the duration of MacGuesser::test().
struct Guess {
    const std::uint8_t* data;
    std::size_t size;
};

// Computes HMAC-SHA-256/384/512 of one token's signing input for many candidate secrets and says
// which ones produce the token's MAC. Everything that does not depend on the key is prepared
// once: the message blocks with their padding (the inner hash's length is fixed) and the outer
// block's padding. Per guess that leaves two compressions for the ipad and opad states, the
// message blocks, and one for the outer hash, with no allocation and no indirect call.
//
// test() compares only the first `prefilterBits` bits (64 by default) of each MAC: a match is a
// candidate the caller must confirm with the ordinary verifier (jose::verifySignature).
class MacGuesser
{
public:
    static constexpr std::size_t kMaxBatch = 32;

    [[nodiscard]] static Result<MacGuesser> create(jose::JwsAlgorithm alg, std::span<const std::uint8_t> signingInput,
                                                   std::span<const std::uint8_t> mac,
                                                   ShaKernel kernel = bestShaKernel(), unsigned prefilterBits = 64);

    // Bit i is set when guesses[i] passes the prefilter; at most kMaxBatch guesses.
    [[nodiscard]] std::uint32_t test(std::span<const Guess> guesses) const;

    [[nodiscard]] jose::JwsAlgorithm alg() const { return m_alg; }
    [[nodiscard]] ShaKernel kernel() const { return m_kernel; }
    // Compression-function calls per guess with a key no longer than the hash's block.
    [[nodiscard]] std::size_t compressionsPerGuess() const { return 3 + m_blockCount; }

private:
    MacGuesser() = default;

    jose::JwsAlgorithm m_alg = jose::JwsAlgorithm::HS256;
    ShaKernel m_kernel = ShaKernel::Portable;
    Bytes m_blocks; // the signing input with SHA padding for an inner hash that starts after one key block
    std::size_t m_blockCount = 0;
    Bytes m_outerTail; // the outer block after the inner digest: padding and length
    std::uint64_t m_expected = 0; // first 8 bytes of the token's MAC, big-endian
    std::uint64_t m_mask = 0; // which bits of the first 8 bytes the prefilter compares
};

} // namespace jwtwb::crack
