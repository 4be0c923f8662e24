#pragma once

#include "jose/CompactToken.h"

#include <cstddef>
#include <optional>
#include <string_view>

namespace jwtwb::inspect {

// Where the characters of a compact token and the bytes they decode to meet, for the decoder's
// X-ray: base64url turns each group of 4 characters into 3 bytes (the last group may be shorter),
// and a byte range is widened to whole UTF-8 characters when it is shown as text.

struct Range {
    std::size_t begin = 0;
    std::size_t end = 0; // one past the last

    [[nodiscard]] bool empty() const { return begin >= end; }
    [[nodiscard]] std::size_t size() const { return empty() ? 0 : end - begin; }
    friend bool operator==(const Range&, const Range&) = default;
};

// Characters [begin, end) of a base64url segment of `charCount` characters that encodes `byteCount`
// bytes: the bytes of the whole 4-character groups they touch.
[[nodiscard]] Range bytesOfCharacters(Range characters, std::size_t charCount, std::size_t byteCount);
// The reverse: the whole 4-character groups that encode bytes [begin, end).
[[nodiscard]] Range charactersOfBytes(Range bytes, std::size_t charCount, std::size_t byteCount);
// Widens a byte range of UTF-8 text so that it starts and ends on character boundaries.
[[nodiscard]] Range wholeUtf8Characters(std::string_view text, Range bytes);

// One place in a token: a segment (index into jose::CompactToken::segments), characters as offsets
// into jose::CompactToken::text, and the segment's bytes they stand for.
struct SegmentSpan {
    std::size_t segment = 0;
    Range characters;
    Range bytes;
};

// The group that the character at `offset` (in jose::CompactToken::text) belongs to; nullopt on a dot
// or past the end. An RFC 7797 unencoded payload maps character for byte.
[[nodiscard]] std::optional<SegmentSpan> spanAtCharacter(const jose::CompactToken& token, std::size_t offset);
// Characters [begin, end) of the token text: the groups they touch, within the segment of `begin`.
[[nodiscard]] std::optional<SegmentSpan> spanOfCharacters(const jose::CompactToken& token, Range characters);
// Bytes of one segment: the characters that encode them (whole groups), bytes widened to whole groups.
[[nodiscard]] SegmentSpan spanOfBytes(const jose::CompactToken& token, std::size_t segment, Range bytes);

} // namespace jwtwb::inspect
