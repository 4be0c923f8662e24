#pragma once

// SHA-256 and SHA-512 compression functions (FIPS 180-4 §6.2.2, §6.4.2) as inline code, for the
// secret search's per-guess HMAC and for the tests that check it. Core-internal: include only
// from core/crack .cpp files. OpenSSL has no public single-block API any more (SHA256_Transform is
// deprecated), and its one-shot HMAC re-pads the key for every guess.

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define JWTWB_SHA_NI 1
#include <immintrin.h>
#else
#define JWTWB_SHA_NI 0
#endif

namespace jwtwb::crack::sha {

inline constexpr std::size_t kSha256Block = 64;
inline constexpr std::size_t kSha512Block = 128;

// First 32 bits of the fractional parts of the cube roots of the first 64 primes (FIPS 180-4 §4.2.2).
alignas(64) inline constexpr std::array<std::uint32_t, 64> kSha256K = {
    0x428a2f98U, 0x71374491U, 0xb5c0fbcfU, 0xe9b5dba5U, 0x3956c25bU, 0x59f111f1U, 0x923f82a4U, 0xab1c5ed5U,
    0xd807aa98U, 0x12835b01U, 0x243185beU, 0x550c7dc3U, 0x72be5d74U, 0x80deb1feU, 0x9bdc06a7U, 0xc19bf174U,
    0xe49b69c1U, 0xefbe4786U, 0x0fc19dc6U, 0x240ca1ccU, 0x2de92c6fU, 0x4a7484aaU, 0x5cb0a9dcU, 0x76f988daU,
    0x983e5152U, 0xa831c66dU, 0xb00327c8U, 0xbf597fc7U, 0xc6e00bf3U, 0xd5a79147U, 0x06ca6351U, 0x14292967U,
    0x27b70a85U, 0x2e1b2138U, 0x4d2c6dfcU, 0x53380d13U, 0x650a7354U, 0x766a0abbU, 0x81c2c92eU, 0x92722c85U,
    0xa2bfe8a1U, 0xa81a664bU, 0xc24b8b70U, 0xc76c51a3U, 0xd192e819U, 0xd6990624U, 0xf40e3585U, 0x106aa070U,
    0x19a4c116U, 0x1e376c08U, 0x2748774cU, 0x34b0bcb5U, 0x391c0cb3U, 0x4ed8aa4aU, 0x5b9cca4fU, 0x682e6ff3U,
    0x748f82eeU, 0x78a5636fU, 0x84c87814U, 0x8cc70208U, 0x90befffaU, 0xa4506cebU, 0xbef9a3f7U, 0xc67178f2U,
};

// FIPS 180-4 §5.3.3
inline constexpr std::array<std::uint32_t, 8> kSha256Init = {
    0x6a09e667U, 0xbb67ae85U, 0x3c6ef372U, 0xa54ff53aU, 0x510e527fU, 0x9b05688cU, 0x1f83d9abU, 0x5be0cd19U,
};

// First 64 bits of the fractional parts of the cube roots of the first 80 primes (FIPS 180-4 §4.2.3).
inline constexpr std::array<std::uint64_t, 80> kSha512K = {
    0x428a2f98d728ae22ULL, 0x7137449123ef65cdULL, 0xb5c0fbcfec4d3b2fULL, 0xe9b5dba58189dbbcULL, 0x3956c25bf348b538ULL,
    0x59f111f1b605d019ULL, 0x923f82a4af194f9bULL, 0xab1c5ed5da6d8118ULL, 0xd807aa98a3030242ULL, 0x12835b0145706fbeULL,
    0x243185be4ee4b28cULL, 0x550c7dc3d5ffb4e2ULL, 0x72be5d74f27b896fULL, 0x80deb1fe3b1696b1ULL, 0x9bdc06a725c71235ULL,
    0xc19bf174cf692694ULL, 0xe49b69c19ef14ad2ULL, 0xefbe4786384f25e3ULL, 0x0fc19dc68b8cd5b5ULL, 0x240ca1cc77ac9c65ULL,
    0x2de92c6f592b0275ULL, 0x4a7484aa6ea6e483ULL, 0x5cb0a9dcbd41fbd4ULL, 0x76f988da831153b5ULL, 0x983e5152ee66dfabULL,
    0xa831c66d2db43210ULL, 0xb00327c898fb213fULL, 0xbf597fc7beef0ee4ULL, 0xc6e00bf33da88fc2ULL, 0xd5a79147930aa725ULL,
    0x06ca6351e003826fULL, 0x142929670a0e6e70ULL, 0x27b70a8546d22ffcULL, 0x2e1b21385c26c926ULL, 0x4d2c6dfc5ac42aedULL,
    0x53380d139d95b3dfULL, 0x650a73548baf63deULL, 0x766a0abb3c77b2a8ULL, 0x81c2c92e47edaee6ULL, 0x92722c851482353bULL,
    0xa2bfe8a14cf10364ULL, 0xa81a664bbc423001ULL, 0xc24b8b70d0f89791ULL, 0xc76c51a30654be30ULL, 0xd192e819d6ef5218ULL,
    0xd69906245565a910ULL, 0xf40e35855771202aULL, 0x106aa07032bbd1b8ULL, 0x19a4c116b8d2d0c8ULL, 0x1e376c085141ab53ULL,
    0x2748774cdf8eeb99ULL, 0x34b0bcb5e19b48a8ULL, 0x391c0cb3c5c95a63ULL, 0x4ed8aa4ae3418acbULL, 0x5b9cca4f7763e373ULL,
    0x682e6ff3d6b2b8a3ULL, 0x748f82ee5defb2fcULL, 0x78a5636f43172f60ULL, 0x84c87814a1f0ab72ULL, 0x8cc702081a6439ecULL,
    0x90befffa23631e28ULL, 0xa4506cebde82bde9ULL, 0xbef9a3f7b2c67915ULL, 0xc67178f2e372532bULL, 0xca273eceea26619cULL,
    0xd186b8c721c0c207ULL, 0xeada7dd6cde0eb1eULL, 0xf57d4f7fee6ed178ULL, 0x06f067aa72176fbaULL, 0x0a637dc5a2c898a6ULL,
    0x113f9804bef90daeULL, 0x1b710b35131c471bULL, 0x28db77f523047d84ULL, 0x32caab7b40c72493ULL, 0x3c9ebe0a15c9bebcULL,
    0x431d67c49c100d4cULL, 0x4cc5d4becb3e42b6ULL, 0x597f299cfc657e2aULL, 0x5fcb6fab3ad6faecULL, 0x6c44198c4a475817ULL,
};

// FIPS 180-4 §5.3.5 and §5.3.4
inline constexpr std::array<std::uint64_t, 8> kSha512Init = {
    0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL, 0xa54ff53a5f1d36f1ULL,
    0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL, 0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL,
};
inline constexpr std::array<std::uint64_t, 8> kSha384Init = {
    0xcbbb9d5dc1059ed8ULL, 0x629a292a367cd507ULL, 0x9159015a3070dd17ULL, 0x152fecd8f70e5939ULL,
    0x67332667ffc00b31ULL, 0x8eb44a8768581511ULL, 0xdb0c2e0d64f98fa7ULL, 0x47b5481dbefa4fa4ULL,
};

[[nodiscard]] inline std::uint32_t loadBe32(const std::uint8_t* p)
{
    std::uint32_t v;
    std::memcpy(&v, p, 4);
    return __builtin_bswap32(v);
}
[[nodiscard]] inline std::uint64_t loadBe64(const std::uint8_t* p)
{
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    return __builtin_bswap64(v);
}
inline void storeBe32(std::uint8_t* p, std::uint32_t v)
{
    v = __builtin_bswap32(v);
    std::memcpy(p, &v, 4);
}
inline void storeBe64(std::uint8_t* p, std::uint64_t v)
{
    v = __builtin_bswap64(v);
    std::memcpy(p, &v, 8);
}

[[nodiscard]] inline std::uint32_t rotr32(std::uint32_t x, int n)
{
    return (x >> n) | (x << (32 - n));
}
[[nodiscard]] inline std::uint64_t rotr64(std::uint64_t x, int n)
{
    return (x >> n) | (x << (64 - n));
}

// The two SHA-2 word sizes: FIPS 180-4 §4.1.2 (SHA-256) and §4.1.3 (SHA-384/512).
struct Sha256Words {
    using Word = std::uint32_t;
    static constexpr int kRounds = 64;
    static constexpr const auto& kK = kSha256K;
    static Word load(const std::uint8_t* p) { return loadBe32(p); }
    static Word rotr(Word x, int n) { return rotr32(x, n); }
    static Word bigSigma0(Word x) { return rotr(x, 2) ^ rotr(x, 13) ^ rotr(x, 22); }
    static Word bigSigma1(Word x) { return rotr(x, 6) ^ rotr(x, 11) ^ rotr(x, 25); }
    static Word smallSigma0(Word x) { return rotr(x, 7) ^ rotr(x, 18) ^ (x >> 3); }
    static Word smallSigma1(Word x) { return rotr(x, 17) ^ rotr(x, 19) ^ (x >> 10); }
};

struct Sha512Words {
    using Word = std::uint64_t;
    static constexpr int kRounds = 80;
    static constexpr const auto& kK = kSha512K;
    static Word load(const std::uint8_t* p) { return loadBe64(p); }
    static Word rotr(Word x, int n) { return rotr64(x, n); }
    static Word bigSigma0(Word x) { return rotr(x, 28) ^ rotr(x, 34) ^ rotr(x, 39); }
    static Word bigSigma1(Word x) { return rotr(x, 14) ^ rotr(x, 18) ^ rotr(x, 41); }
    static Word smallSigma0(Word x) { return rotr(x, 1) ^ rotr(x, 8) ^ (x >> 7); }
    static Word smallSigma1(Word x) { return rotr(x, 19) ^ rotr(x, 61) ^ (x >> 6); }
};

// One block (16 words) into `state` (eight words, H0…H7), plain C++ (FIPS 180-4 §6.2.2, §6.4.2).
template <class W> inline void shaBlockPortable(typename W::Word* state, const std::uint8_t* block)
{
    using Word = typename W::Word;
    Word w[W::kRounds];
    for (int i = 0; i < 16; ++i) {
        w[i] = W::load(block + sizeof(Word) * static_cast<std::size_t>(i));
    }
    for (int i = 16; i < W::kRounds; ++i) {
        w[i] = w[i - 16] + W::smallSigma0(w[i - 15]) + w[i - 7] + W::smallSigma1(w[i - 2]);
    }
    Word a = state[0], b = state[1], c = state[2], d = state[3];
    Word e = state[4], f = state[5], g = state[6], h = state[7];
    for (int i = 0; i < W::kRounds; ++i) {
        const Word t1 = h + W::bigSigma1(e) + ((e & f) ^ (~e & g)) + W::kK[static_cast<std::size_t>(i)] + w[i];
        const Word t2 = W::bigSigma0(a) + ((a & b) ^ (a & c) ^ (b & c));
        h = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    const Word result[8] = {a, b, c, d, e, f, g, h};
    for (int i = 0; i < 8; ++i) {
        state[i] += result[i];
    }
}

inline void sha256BlockPortable(std::uint32_t* state, const std::uint8_t* block)
{
    shaBlockPortable<Sha256Words>(state, block);
}

inline void sha512BlockPortable(std::uint64_t* state, const std::uint8_t* block)
{
    shaBlockPortable<Sha512Words>(state, block);
}

#if JWTWB_SHA_NI

#define JWTWB_TARGET_SHA_NI __attribute__((target("sha,sse4.1,ssse3")))

// SHA-256 state as the SHA extensions want it: ABEF and CDGH in two registers.
struct NiState {
    __m128i abef;
    __m128i cdgh;
};

JWTWB_TARGET_SHA_NI inline NiState niLoad(const std::uint32_t* state)
{
    const __m128i dcba = _mm_shuffle_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(state)), 0xB1);
    const __m128i efgh = _mm_shuffle_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(state + 4)), 0x1B);
    return {_mm_alignr_epi8(dcba, efgh, 8), _mm_blend_epi16(efgh, dcba, 0xF0)};
}

JWTWB_TARGET_SHA_NI inline void niStore(const NiState& s, std::uint32_t* state)
{
    const __m128i feba = _mm_shuffle_epi32(s.abef, 0x1B);
    const __m128i dchg = _mm_shuffle_epi32(s.cdgh, 0xB1);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(state), _mm_blend_epi16(feba, dchg, 0xF0));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(state + 4), _mm_alignr_epi8(dchg, feba, 8));
}

// The digest H0…H7 as big-endian bytes, straight from the register form.
JWTWB_TARGET_SHA_NI inline void niStoreDigest(const NiState& s, std::uint8_t* out)
{
    const __m128i swap = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
    const __m128i feba = _mm_shuffle_epi32(s.abef, 0x1B);
    const __m128i dchg = _mm_shuffle_epi32(s.cdgh, 0xB1);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out), _mm_shuffle_epi8(_mm_blend_epi16(feba, dchg, 0xF0), swap));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out + 16), _mm_shuffle_epi8(_mm_alignr_epi8(dchg, feba, 8), swap));
}

// One block for each of N independent states. The N instruction streams are independent, so an
// out-of-order core overlaps them and hides the latency of sha256rnds2, which alone would leave
// the SHA unit idle most of the time.
template <int N> JWTWB_TARGET_SHA_NI inline void niBlocks(NiState* states, const std::uint8_t* const* blocks)
{
    const __m128i swap = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
    __m128i msg[N][4];
    NiState saved[N];
#pragma GCC unroll 8
    for (int n = 0; n < N; ++n) {
        saved[n] = states[n];
    }
#pragma GCC unroll 16
    for (int g = 0; g < 16; ++g) {
        const __m128i k = _mm_load_si128(reinterpret_cast<const __m128i*>(kSha256K.data() + 4 * g));
#pragma GCC unroll 8
        for (int n = 0; n < N; ++n) {
            __m128i* m = msg[n];
            NiState& s = states[n];
            if (g < 4) {
                m[g] = _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(blocks[n] + 16 * g)), swap);
            }
            __m128i wk = _mm_add_epi32(m[g % 4], k);
            s.cdgh = _mm_sha256rnds2_epu32(s.cdgh, s.abef, wk);
            if (g >= 3 && g <= 14) {
                const __m128i t = _mm_alignr_epi8(m[g % 4], m[(g + 3) % 4], 4);
                m[(g + 1) % 4] = _mm_sha256msg2_epu32(_mm_add_epi32(m[(g + 1) % 4], t), m[g % 4]);
            }
            wk = _mm_shuffle_epi32(wk, 0x0E);
            s.abef = _mm_sha256rnds2_epu32(s.abef, s.cdgh, wk);
            if (g >= 1 && g <= 12) {
                m[(g + 3) % 4] = _mm_sha256msg1_epu32(m[(g + 3) % 4], m[g % 4]);
            }
        }
    }
#pragma GCC unroll 8
    for (int n = 0; n < N; ++n) {
        states[n].abef = _mm_add_epi32(states[n].abef, saved[n].abef);
        states[n].cdgh = _mm_add_epi32(states[n].cdgh, saved[n].cdgh);
    }
}

JWTWB_TARGET_SHA_NI inline void sha256BlocksNi(std::uint32_t* state, const std::uint8_t* blocks, std::size_t count)
{
    NiState s = niLoad(state);
    for (std::size_t i = 0; i < count; ++i) {
        const std::uint8_t* block = blocks + i * kSha256Block;
        niBlocks<1>(&s, &block);
    }
    niStore(s, state);
}

#endif

} // namespace jwtwb::crack::sha
