#include "Base64Url.h"
#include "Text.h"

#include <array>
#include <cstddef>
#include <fmt/format.h>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define JWTWB_BASE64_SSSE3 1
#endif

namespace jwtwb::encoding {
namespace {

constexpr std::string_view kUrlAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr std::string_view kStdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

constexpr std::uint8_t kInvalid = 0xFF;

// One table for both alphabets: '-' and '+' are 62, '_' and '/' are 63.
constexpr std::array<std::uint8_t, 256> makeDecodeTable()
{
    std::array<std::uint8_t, 256> table{};
    table.fill(kInvalid);
    for (std::size_t i = 0; i < 64; ++i) {
        table[static_cast<std::uint8_t>(kUrlAlphabet[i])] = static_cast<std::uint8_t>(i);
        table[static_cast<std::uint8_t>(kStdAlphabet[i])] = static_cast<std::uint8_t>(i);
    }
    return table;
}

constexpr auto kDecodeTable = makeDecodeTable();

// URL alphabet only, for the strict fast path: the value of a character already shifted to its
// place in a group of four (24 bits), or kBadQuad, so that one OR of four lookups decodes a group.
constexpr std::uint32_t kBadQuad = 1u << 24;

constexpr std::array<std::uint32_t, 256> makeUrlTable(int shift)
{
    std::array<std::uint32_t, 256> table{};
    table.fill(kBadQuad);
    for (std::size_t i = 0; i < 64; ++i) {
        table[static_cast<std::uint8_t>(kUrlAlphabet[i])] = static_cast<std::uint32_t>(i) << shift;
    }
    return table;
}

constexpr std::array<std::array<std::uint32_t, 256>, 4> kUrlTables{makeUrlTable(18), makeUrlTable(12), makeUrlTable(6),
                                                                   makeUrlTable(0)};

#ifdef JWTWB_BASE64_SSSE3
constexpr std::size_t kInvalidBlock = std::size_t(-1);

bool hasSsse3()
{
    static const bool supported = __builtin_cpu_supports("ssse3");
    return supported;
}

// 16 URL-alphabet characters into 12 bytes per step while 16 output bytes fit (Muła and Lemire's
// nibble tables, made for this alphabet); returns how many characters it decoded (a multiple of
// 16), or kInvalidBlock at a character outside the alphabet.
__attribute__((target("ssse3"))) std::size_t decodeBlocksSsse3(const std::uint8_t* in, std::size_t length,
                                                               std::span<std::uint8_t> out)
{
    // A character is valid when no bit is set in both: its high nibble's class (2: '-', 3: digits,
    // 4 and 5: capitals and '_', 6 and 7: small letters, 0x40: everything else) and the classes in
    // which its low nibble is not allowed.
    const __m128i classOfHigh
        = _mm_setr_epi8(0x40, 0x40, 0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40);
    const __m128i refusedForLow
        = _mm_setr_epi8(0x55, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x43, 0x6B, 0x6B, 0x6A, 0x6B, 0x63);
    // What to add for the value, by high nibble: '-' → 62, '0' → 52, 'A' → 0, 'a' → 26; '_' corrected below.
    const __m128i shiftOfHigh
        = _mm_setr_epi8(0, 0, 62 - '-', 52 - '0', -'A', -'A', 26 - 'a', 26 - 'a', 0, 0, 0, 0, 0, 0, 0, 0);
    const __m128i lowNibble = _mm_set1_epi8(0x0F);
    std::size_t i = 0;
    for (; i + 16 <= length && i / 4 * 3 + 16 <= out.size(); i += 16) {
        const __m128i c = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in + i));
        const __m128i high = _mm_and_si128(_mm_srli_epi32(c, 4), lowNibble);
        const __m128i low = _mm_and_si128(c, lowNibble);
        const __m128i clash = _mm_and_si128(_mm_shuffle_epi8(classOfHigh, high), _mm_shuffle_epi8(refusedForLow, low));
        if (_mm_movemask_epi8(_mm_cmpeq_epi8(clash, _mm_setzero_si128())) != 0xFFFF) {
            return kInvalidBlock;
        }
        const __m128i underscore = _mm_and_si128(_mm_cmpeq_epi8(c, _mm_set1_epi8('_')), _mm_set1_epi8(63 - '_' + 'A'));
        const __m128i values = _mm_add_epi8(_mm_add_epi8(c, _mm_shuffle_epi8(shiftOfHigh, high)), underscore);
        const __m128i pairs = _mm_maddubs_epi16(values, _mm_set1_epi32(0x01400140)); // a << 6 | b
        const __m128i groups = _mm_madd_epi16(pairs, _mm_set1_epi32(0x00011000)); // ab << 12 | cd
        const __m128i bytes
            = _mm_shuffle_epi8(groups, _mm_setr_epi8(2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, -1, -1, -1, -1));
        _mm_storeu_si128(reinterpret_cast<__m128i*>(out.data() + i / 4 * 3), bytes);
    }
    return i;
}
#endif

std::string encode(std::span<const std::uint8_t> bytes, std::string_view alphabet, bool pad)
{
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const std::uint32_t n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
        out += alphabet[(n >> 18) & 63];
        out += alphabet[(n >> 12) & 63];
        out += alphabet[(n >> 6) & 63];
        out += alphabet[n & 63];
    }
    const std::size_t rest = bytes.size() - i;
    if (rest == 1) {
        const std::uint32_t n = bytes[i] << 16;
        out += alphabet[(n >> 18) & 63];
        out += alphabet[(n >> 12) & 63];
        if (pad) {
            out += "==";
        }
    } else if (rest == 2) {
        const std::uint32_t n = (bytes[i] << 16) | (bytes[i + 1] << 8);
        out += alphabet[(n >> 18) & 63];
        out += alphabet[(n >> 12) & 63];
        out += alphabet[(n >> 6) & 63];
        if (pad) {
            out += '=';
        }
    }
    return out;
}

std::string quoted(char c)
{
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x21 && u < 0x7F) {
        return fmt::format("'{}'", c);
    }
    return fmt::format("byte 0x{:02X}", u);
}

struct DecodeRules {
    std::string_view what;
    bool acceptStandardAlphabet;
    bool acceptUrlAlphabet;
    bool acceptPadding;
    bool requirePadding;
    bool acceptNonZeroTrailingBits;
};

void note(std::vector<Base64Note>& notes, Base64Deviation kind, std::size_t position)
{
    for (auto& existing : notes) {
        if (existing.kind == kind) {
            ++existing.count;
            return;
        }
    }
    notes.push_back({kind, position, 1});
}

// `base` is the offset of `text` in what the caller passed, so that positions refer to that.
Result<Bytes> decode(std::string_view text, std::size_t base, const DecodeRules& rules, std::vector<Base64Note>* notes)
{
    std::size_t end = text.size();
    std::size_t padding = 0;
    while (end > 0 && text[end - 1] == '=') {
        --end;
        ++padding;
    }
    if (padding > 0 && !rules.acceptPadding) {
        return fail(Errc::InvalidBase64Url,
                    fmt::format("{} must not be padded: '=' at position {}", rules.what, base + end), base + end);
    }
    Bytes out;
    out.reserve(end / 4 * 3 + 2);
    std::uint32_t buffer = 0;
    int bits = 0;
    for (std::size_t i = 0; i < end; ++i) {
        const char c = text[i];
        const std::uint8_t value = kDecodeTable[static_cast<std::uint8_t>(c)];
        if (value == kInvalid) {
            if (c == '=') {
                return fail(Errc::InvalidBase64Url,
                            fmt::format("'=' padding in the middle of {} at position {}", rules.what, base + i),
                            base + i);
            }
            if (isAsciiSpace(c)) {
                return fail(Errc::InvalidBase64Url,
                            fmt::format("whitespace ({}) inside {} at position {}", quoted(c), rules.what, base + i),
                            base + i);
            }
            return fail(Errc::InvalidBase64Url,
                        fmt::format("{} at position {} is not a {} character", quoted(c), base + i, rules.what),
                        base + i);
        }
        const bool standardChar = c == '+' || c == '/';
        const bool urlChar = c == '-' || c == '_';
        if ((standardChar && !rules.acceptStandardAlphabet) || (urlChar && !rules.acceptUrlAlphabet)) {
            return fail(Errc::InvalidBase64Url,
                        fmt::format("{} at position {} belongs to the other base64 alphabet ({})", quoted(c), base + i,
                                    urlChar ? "URL-safe, not standard" : "standard, not URL-safe"),
                        base + i);
        }
        if (standardChar && notes) {
            note(*notes, Base64Deviation::StandardAlphabet, base + i);
        }
        buffer = (buffer << 6) | value;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<std::uint8_t>((buffer >> bits) & 0xFF));
        }
    }
    if (padding > 2) {
        return fail(Errc::InvalidBase64Url,
                    fmt::format("too much padding: {} '=' characters at position {}", padding, base + end), base + end);
    }
    if (end % 4 == 1) {
        return fail(Errc::InvalidBase64Url,
                    fmt::format("{} is truncated: {} characters cannot be base64 (one character too many or three "
                                "too few at the end)",
                                rules.what, end),
                    base + end);
    }
    if (padding > 0 && (end + padding) % 4 != 0) {
        return fail(Errc::InvalidBase64Url,
                    fmt::format("wrong padding at position {}: {} '=' for {} characters", base + end, padding, end),
                    base + end);
    }
    if (rules.requirePadding && padding == 0 && end % 4 != 0) {
        return fail(Errc::InvalidBase64Url,
                    fmt::format("{} lacks its '=' padding at position {}", rules.what, base + end), base + end);
    }
    if (padding > 0 && notes) {
        note(*notes, Base64Deviation::Padding, base + end);
    }

    if (bits > 0 && (buffer & ((1u << bits) - 1)) != 0) {
        const std::size_t last = base + end - 1;
        if (!rules.acceptNonZeroTrailingBits) {
            return fail(Errc::InvalidBase64Url,
                        fmt::format("non-canonical {}: the last character {} at position {} has non-zero unused bits",
                                    rules.what, quoted(text[end - 1]), last),
                        last);
        }
        if (notes) {
            note(*notes, Base64Deviation::NonZeroTrailingBits, last);
        }
    }
    return out;
}

} // namespace

std::string base64UrlEncode(std::span<const std::uint8_t> bytes)
{
    return encode(bytes, kUrlAlphabet, false);
}

std::string base64UrlEncode(std::string_view text)
{
    return base64UrlEncode(asBytes(text));
}

std::string base64Encode(std::span<const std::uint8_t> bytes)
{
    return encode(bytes, kStdAlphabet, true);
}

bool base64UrlDecodeInto(std::string_view text, std::span<std::uint8_t> out)
{
    const std::size_t tail = text.size() % 4;
    if (tail == 1 || out.size() != base64UrlDecodedSize(text.size())) {
        return false;
    }
    const auto* in = reinterpret_cast<const std::uint8_t*>(text.data());
    std::uint8_t* o = out.data();
    const std::size_t whole = text.size() - tail;
    std::size_t i = 0;
#ifdef JWTWB_BASE64_SSSE3
    if (hasSsse3()) {
        i = decodeBlocksSsse3(in, whole, out);
        if (i == kInvalidBlock) {
            return false;
        }
        o += i / 4 * 3;
    }
#endif
    std::uint32_t bad = 0;
    for (; i < whole; i += 4, o += 3) {
        const std::uint32_t n
            = kUrlTables[0][in[i]] | kUrlTables[1][in[i + 1]] | kUrlTables[2][in[i + 2]] | kUrlTables[3][in[i + 3]];
        bad |= n;
        o[0] = static_cast<std::uint8_t>(n >> 16);
        o[1] = static_cast<std::uint8_t>(n >> 8);
        o[2] = static_cast<std::uint8_t>(n);
    }
    bool nonCanonical = false;
    if (tail > 0) {
        const std::uint32_t n
            = kUrlTables[0][in[whole]] | kUrlTables[1][in[whole + 1]] | (tail == 3 ? kUrlTables[2][in[whole + 2]] : 0);
        bad |= n;
        // The last character's unused low bits must be zero (canonical encoding, RFC 4648 §3.5).
        nonCanonical = (tail == 2 ? n & 0xFFFF : n & 0xFF) != 0;
        o[0] = static_cast<std::uint8_t>(n >> 16);
        if (tail == 3) {
            o[1] = static_cast<std::uint8_t>(n >> 8);
        }
    }
    return (bad & kBadQuad) == 0 && !nonCanonical;
}

Result<Bytes> base64UrlDecode(std::string_view text)
{
    Bytes out(base64UrlDecodedSize(text.size()));
    if (base64UrlDecodeInto(text, out)) {
        return out;
    }
    static constexpr DecodeRules kStrict{"base64url", false, true, false, false, false};
    return decode(text, 0, kStrict, nullptr); // says what is wrong
}

Result<Bytes> base64Decode(std::string_view text)
{
    static constexpr DecodeRules kStandard{"base64", true, false, true, true, true};
    return decode(text, 0, kStandard, nullptr);
}

std::string_view describe(Base64Deviation deviation)
{
    switch (deviation) {
    case Base64Deviation::SurroundingWhitespace: return "surrounding whitespace";
    case Base64Deviation::Padding: return "'=' padding, which RFC 7515 §2 forbids";
    case Base64Deviation::StandardAlphabet: return "standard base64 alphabet ('+' or '/') instead of base64url";
    case Base64Deviation::NonZeroTrailingBits: return "non-zero unused bits in the last character";
    }
    return "unknown deviation";
}

Result<LenientBase64> base64UrlDecodeLenient(std::string_view text, std::size_t base)
{
    static constexpr DecodeRules kLenient{"base64url", true, true, true, false, true};
    LenientBase64 result;
    std::size_t begin = 0;
    std::size_t end = text.size();
    while (begin < end && isAsciiSpace(text[begin])) {
        ++begin;
    }
    while (end > begin && isAsciiSpace(text[end - 1])) {
        --end;
    }
    if (begin > 0 || end < text.size()) {
        result.notes.push_back(
            {Base64Deviation::SurroundingWhitespace, base + (begin > 0 ? 0 : end), begin + (text.size() - end)});
    }
    auto bytes = decode(text.substr(begin, end - begin), base + begin, kLenient, &result.notes);
    if (!bytes) {
        return std::unexpected(bytes.error());
    }
    result.bytes = std::move(*bytes);
    return result;
}

} // namespace jwtwb::encoding
