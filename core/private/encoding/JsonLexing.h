#pragma once

// Lexical helpers shared by the JSON readers in encoding/ (Json.cpp, JsonMembers.cpp); not a public API.

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// For the readers' small steps: a caller whose position is passed to a call that is not inlined
// keeps it in memory, and then every step waits on the store before it.
#if defined(__GNUC__)
#define JWTWB_ALWAYS_INLINE __attribute__((always_inline))
#else
#define JWTWB_ALWAYS_INLINE
#endif

namespace jwtwb::encoding::lexing {

inline constexpr bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

inline constexpr bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Bytes that end the fast scan of a string: the closing quote, an escape or a control character.
inline constexpr auto kStringStop = [] {
    std::array<bool, 256> stop{};
    for (std::size_t c = 0; c < 0x20; ++c) {
        stop[c] = true;
    }
    stop['"'] = true;
    stop['\\'] = true;
    return stop;
}();

// Offset of the first byte at or after i that ends the fast scan of a string, or text.size().
JWTWB_ALWAYS_INLINE inline std::size_t findStringStop(std::string_view text, std::size_t i)
{
#if defined(__SSE2__)
    // Sixteen bytes at a time (SSE2 is part of x86-64 itself).
    const auto stopsAt = [&](std::size_t offset) {
        const __m128i c = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + offset));
        const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(c, _mm_set1_epi8(0x1F)), c); // c <= 0x1F, unsigned
        const __m128i stops = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(c, _mm_set1_epi8('"')), _mm_cmpeq_epi8(c, _mm_set1_epi8('\\'))), control);
        return static_cast<unsigned>(_mm_movemask_epi8(stops));
    };
    for (; i + 16 <= text.size(); i += 16) {
        if (const unsigned mask = stopsAt(i); mask != 0) {
            return i + static_cast<std::size_t>(std::countr_zero(mask));
        }
    }
    if (i < text.size() && text.size() >= 16) {
        // The last sixteen bytes of the text, of which those before i were looked at already.
        const std::size_t last = text.size() - 16;
        const unsigned mask = stopsAt(last) >> (i - last);
        return mask != 0 ? i + static_cast<std::size_t>(std::countr_zero(mask)) : text.size();
    }
#else
    if constexpr (std::endian::native == std::endian::little) {
        // Eight bytes at a time. Each test sets the high bit of the bytes it matches; bits above a
        // match may be wrong (borrows), but the lowest set bit is always a real match.
        constexpr std::uint64_t kOnes = 0x0101'0101'0101'0101;
        constexpr std::uint64_t kHighBits = 0x8080'8080'8080'8080;
        const auto zeroBytes = [](std::uint64_t word) { return (word - kOnes) & ~word & kHighBits; };
        for (; i + sizeof(std::uint64_t) <= text.size(); i += sizeof(std::uint64_t)) {
            std::uint64_t word = 0;
            std::memcpy(&word, text.data() + i, sizeof word);
            const std::uint64_t stops = zeroBytes(word ^ (kOnes * '"')) | zeroBytes(word ^ (kOnes * '\\'))
                | ((word - kOnes * 0x20) & ~word & kHighBits);
            if (stops != 0) {
                return i + static_cast<std::size_t>(std::countr_zero(stops)) / 8;
            }
        }
    }
#endif
    while (i < text.size() && !kStringStop[static_cast<unsigned char>(text[i])]) {
        ++i;
    }
    return i;
}

// Most JSON is ASCII; the byte-by-byte UTF-8 check is only needed when it is not.
inline bool isAscii(std::string_view text)
{
    std::size_t i = 0;
#if defined(__SSE2__)
    __m128i seen16 = _mm_setzero_si128();
    for (; i + 16 <= text.size(); i += 16) {
        seen16 = _mm_or_si128(seen16, _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i)));
    }
    if (_mm_movemask_epi8(seen16) != 0) {
        return false;
    }
#endif
    std::uint64_t seen = 0;
    for (; i + sizeof seen <= text.size(); i += sizeof seen) {
        std::uint64_t word = 0;
        std::memcpy(&word, text.data() + i, sizeof word);
        seen |= word;
    }
    for (; i < text.size(); ++i) {
        seen |= static_cast<unsigned char>(text[i]);
    }
    return (seen & 0x8080'8080'8080'8080) == 0;
}

// Whether two member names are equal, without a library call for the short names that JOSE
// headers and claims sets have.
JWTWB_ALWAYS_INLINE inline bool sameName(std::string_view a, std::string_view b)
{
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i] != b[i]) {
            return false;
        }
    }
    return true;
}

// A position in JSON text, for the readers to build on.
class Cursor
{
protected:
    explicit Cursor(std::string_view text)
        : m_text(text)
    { }

    [[nodiscard]] JWTWB_ALWAYS_INLINE char peek() const { return m_pos < m_text.size() ? m_text[m_pos] : '\0'; }

    JWTWB_ALWAYS_INLINE void skipWhitespace()
    {
        // Whitespace is at most ' ': one comparison settles the usual case of none.
        while (m_pos < m_text.size() && static_cast<unsigned char>(m_text[m_pos]) <= ' ' && isSpace(m_text[m_pos])) {
            ++m_pos;
        }
    }

    // Whether the next byte, after any whitespace, is `c`; then it is passed. Compact JSON has no
    // whitespace, so the usual case costs one comparison.
    JWTWB_ALWAYS_INLINE bool consume(char c)
    {
        if (peek() != c) {
            skipWhitespace();
            if (peek() != c) {
                return false;
            }
        }
        ++m_pos;
        return true;
    }

    JWTWB_ALWAYS_INLINE void skipDigits()
    {
        while (m_pos < m_text.size() && isDigit(m_text[m_pos])) {
            ++m_pos;
        }
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
};

} // namespace jwtwb::encoding::lexing
