#include "SegmentMap.h"

#include <algorithm>

namespace jwtwb::inspect {

using namespace jose; // inspect explains what jose defines
namespace {

bool isContinuationByte(char c)
{
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

bool isUnencoded(const CompactToken& token, std::size_t segment)
{
    return token.unencodedPayload && token.segments[segment].role == SegmentRole::Payload;
}

// Padding characters ('=') encode nothing: they belong to the group before them.
std::size_t dataCharacters(const CompactToken& token, const Segment& segment)
{
    std::size_t count = segment.length;
    while (count > 0 && token.text[segment.offset + count - 1] == '=') {
        --count;
    }
    return count;
}

} // namespace

Range bytesOfCharacters(Range characters, std::size_t charCount, std::size_t byteCount)
{
    const std::size_t begin = std::min(characters.begin, charCount);
    const std::size_t end = std::min(characters.end, charCount);
    if (begin >= end) {
        return {};
    }
    const std::size_t firstGroup = begin / 4;
    const std::size_t lastGroup = (end - 1) / 4;
    return {std::min(firstGroup * 3, byteCount), std::min((lastGroup + 1) * 3, byteCount)};
}

Range charactersOfBytes(Range bytes, std::size_t charCount, std::size_t byteCount)
{
    const std::size_t begin = std::min(bytes.begin, byteCount);
    const std::size_t end = std::min(bytes.end, byteCount);
    if (begin >= end) {
        return {};
    }
    const std::size_t firstGroup = begin / 3;
    const std::size_t lastGroup = (end - 1) / 3;
    return {std::min(firstGroup * 4, charCount), std::min((lastGroup + 1) * 4, charCount)};
}

Range wholeUtf8Characters(std::string_view text, Range bytes)
{
    std::size_t begin = std::min(bytes.begin, text.size());
    std::size_t end = std::min(bytes.end, text.size());
    while (begin > 0 && isContinuationByte(text[begin])) {
        --begin;
    }
    while (end < text.size() && end > begin && isContinuationByte(text[end])) {
        ++end;
    }
    return {begin, std::max(begin, end)};
}

std::optional<SegmentSpan> spanOfCharacters(const CompactToken& token, Range characters)
{
    for (std::size_t i = 0; i < token.segments.size(); ++i) {
        const Segment& segment = token.segments[i];
        if (characters.begin < segment.offset || characters.begin >= segment.offset + segment.length) {
            continue;
        }
        const std::size_t first = characters.begin - segment.offset;
        const std::size_t last = std::min(characters.end, segment.offset + segment.length) - segment.offset;
        const std::size_t byteCount = segment.bytes.size();
        if (isUnencoded(token, i)) {
            return SegmentSpan{i, {characters.begin, segment.offset + last}, {first, std::min(last, byteCount)}};
        }
        const std::size_t charCount = dataCharacters(token, segment);
        const Range bytes
            = bytesOfCharacters({std::min(first, charCount ? charCount - 1 : 0), last}, charCount, byteCount);
        Range group = charactersOfBytes(bytes, charCount, byteCount);
        if (group.empty()) {
            group = {first, last}; // padding alone, or an empty segment
        }
        if (group.end == charCount) {
            group.end = segment.length; // the padding goes with the last group
        }
        return SegmentSpan{i, {segment.offset + group.begin, segment.offset + group.end}, bytes};
    }
    return std::nullopt;
}

std::optional<SegmentSpan> spanAtCharacter(const CompactToken& token, std::size_t offset)
{
    return spanOfCharacters(token, {offset, offset + 1});
}

SegmentSpan spanOfBytes(const CompactToken& token, std::size_t segment, Range bytes)
{
    const Segment& part = token.segments.at(segment);
    const std::size_t byteCount = part.bytes.size();
    if (isUnencoded(token, segment)) {
        const Range clamped{std::min(bytes.begin, byteCount), std::min(bytes.end, byteCount)};
        return {segment, {part.offset + clamped.begin, part.offset + clamped.end}, clamped};
    }
    const std::size_t charCount = dataCharacters(token, part);
    Range characters = charactersOfBytes(bytes, charCount, byteCount);
    const Range whole = bytesOfCharacters(characters, charCount, byteCount);
    if (characters.end == charCount && !characters.empty()) {
        characters.end = part.length;
    }
    return {segment, {part.offset + characters.begin, part.offset + characters.end}, whole};
}

} // namespace jwtwb::inspect
