#pragma once

#include "Bytes.h"
#include "Error.h"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace jwtwb::encoding {

// RFC 4648 §5 base64url without padding, as RFC 7515 §2 requires, and the standard alphabet (§4).
[[nodiscard]] std::string base64UrlEncode(std::span<const std::uint8_t> bytes);
[[nodiscard]] std::string base64UrlEncode(std::string_view text);
[[nodiscard]] std::string base64Encode(std::span<const std::uint8_t> bytes); // with padding

// Strict RFC 7515 base64url: URL alphabet, no padding, no whitespace, zero trailing bits.
// Errors carry the offending position.
[[nodiscard]] Result<Bytes> base64UrlDecode(std::string_view text);

// How many bytes `length` characters of unpadded base64url hold (a length of 4n + 1 is never valid).
[[nodiscard]] constexpr std::size_t base64UrlDecodedSize(std::size_t length)
{
    return length / 4 * 3 + (length % 4 == 0 ? 0 : length % 4 - 1);
}

// base64UrlDecode into `out` (exactly base64UrlDecodedSize(text.size()) bytes) without allocating,
// for hot paths; false for anything base64UrlDecode refuses, and that says why.
[[nodiscard]] bool base64UrlDecodeInto(std::string_view text, std::span<std::uint8_t> out);

// What the lenient decoder accepted that strict decoding refuses.
enum class Base64Deviation {
    SurroundingWhitespace,
    Padding,
    StandardAlphabet, // '+' or '/'
    NonZeroTrailingBits,
};

struct Base64Note {
    Base64Deviation kind;
    std::size_t position; // first occurrence, offset in the decoded text
    std::size_t count;
};

struct LenientBase64 {
    Bytes bytes;
    std::vector<Base64Note> notes; // empty when the text was canonical base64url
};

[[nodiscard]] std::string_view describe(Base64Deviation deviation);

// Accepts surrounding whitespace, '=' padding and the standard alphabet (also mixed), and
// non-zero trailing bits, and reports each deviation. Other characters are still errors.
// Positions in errors, their messages and notes are offsets in `text` plus `base` (where `text`
// starts in a longer text, such as a token).
[[nodiscard]] Result<LenientBase64> base64UrlDecodeLenient(std::string_view text, std::size_t base = 0);

// Standard base64 (RFC 4648 §4): padding required when the length is not a multiple of 4.
[[nodiscard]] Result<Bytes> base64Decode(std::string_view text);

} // namespace jwtwb::encoding
