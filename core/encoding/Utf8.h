#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace jwtwb::encoding {

// Offset of the first byte that is not part of well-formed UTF-8 (RFC 3629: no overlongs,
// no surrogates, nothing above U+10FFFF), or nullopt when the whole text is valid.
[[nodiscard]] std::optional<std::size_t> findInvalidUtf8(std::string_view text);

enum class Utf8Problem {
    StrayContinuation, // 0x80–0xBF where a character should start
    InvalidLeadByte, // 0xF5–0xFF never occur
    Overlong, // 0xC0, 0xC1, 0xE0 0x80–0x9F, 0xF0 0x80–0x8F
    Surrogate, // 0xED 0xA0–0xBF
    AboveMaximum, // 0xF4 0x90–0xBF, beyond U+10FFFF
    MissingContinuation, // a lead byte followed by a byte that does not continue it
    Truncated, // the text ends inside a character
};

// One ill-formed sequence: the maximal subpart of Unicode 15 §3.9 (a lead byte and the valid
// continuation bytes after it), so that each bad byte belongs to exactly one range.
struct Utf8Error {
    std::size_t offset = 0;
    std::size_t length = 0;
    Utf8Problem problem = Utf8Problem::InvalidLeadByte;
    friend bool operator==(const Utf8Error&, const Utf8Error&) = default;
};

// The ill-formed sequences of `text` in order, at most `limit` of them.
[[nodiscard]] std::vector<Utf8Error> listInvalidUtf8(std::string_view text, std::size_t limit = 32);
// "a lead byte without its continuation" and the like, for messages.
[[nodiscard]] std::string_view describe(Utf8Problem problem);

} // namespace jwtwb::encoding
