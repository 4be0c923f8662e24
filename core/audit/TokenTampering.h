#pragma once

#include "Bytes.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace jwtwb::audit {

// Small pure helpers that damage tokens on purpose, for the test fixtures.

// "BASE64URL(header).BASE64URL(payload)." from exact texts: an unsecured token with an empty
// signature, also for "alg" spellings no signer accepts ("None", "NONE").
[[nodiscard]] std::string unsignedCompact(std::string_view headerText, std::string_view payloadText);

struct BitFlip {
    std::size_t offset; // in the decoded bytes
    std::uint8_t before;
    std::uint8_t after;
};

// Flips the lowest bit of the last letter or digit that sits inside a string (outside escapes)
// or is a digit of a number, so that compact JSON stays well-formed JSON ('T' becomes 'U', '0'
// becomes '1'). Nothing changes, and the result is empty, when there is no such character.
[[nodiscard]] std::optional<BitFlip> flipBitInJsonText(std::string& json);

// Flips the lowest bit of the middle byte; nothing for empty bytes.
[[nodiscard]] std::optional<BitFlip> flipBitInMiddle(Bytes& bytes);

// Non-canonical spellings of canonical base64url text that a lenient decoder reads as the same
// bytes and RFC 7515 §2 forbids.
// '=' padding up to a multiple of four characters; unchanged when there is nothing to pad.
[[nodiscard]] std::string withPadding(std::string_view base64Url);
// The unused low bits of the last character set; empty when the length is a multiple of four
// (no unused bits).
[[nodiscard]] std::optional<std::string> withNonZeroTrailingBits(std::string_view base64Url);
// The standard alphabet: '-' becomes '+', '_' becomes '/'.
[[nodiscard]] std::string withStandardAlphabet(std::string_view base64Url);

} // namespace jwtwb::audit
