#include "Utf8.h"

#include <cstdint>

namespace jwtwb::encoding {
namespace {

// The ill-formed sequence at `i`, or nullopt when a well-formed character starts there;
// `next` is set to the offset after the character or the ill-formed sequence.
std::optional<Utf8Error> scanAt(const std::uint8_t* bytes, std::size_t size, std::size_t i, std::size_t& next)
{
    const std::uint8_t lead = bytes[i];
    next = i + 1;
    if (lead < 0x80) {
        return std::nullopt;
    }
    if (lead <= 0xBF) {
        return Utf8Error{i, 1, Utf8Problem::StrayContinuation};
    }
    if (lead <= 0xC1) {
        return Utf8Error{i, 1, Utf8Problem::Overlong};
    }
    if (lead >= 0xF5) {
        return Utf8Error{i, 1, Utf8Problem::InvalidLeadByte};
    }
    const std::size_t length = lead <= 0xDF ? 2 : lead <= 0xEF ? 3 : 4;
    std::uint8_t low = 0x80;
    std::uint8_t high = 0xBF;
    Utf8Problem outOfRange = Utf8Problem::MissingContinuation;
    if (lead == 0xE0 || lead == 0xF0) {
        low = lead == 0xE0 ? 0xA0 : 0x90;
        outOfRange = Utf8Problem::Overlong;
    } else if (lead == 0xED) {
        high = 0x9F;
        outOfRange = Utf8Problem::Surrogate;
    } else if (lead == 0xF4) {
        high = 0x8F;
        outOfRange = Utf8Problem::AboveMaximum;
    }
    for (std::size_t k = 1; k < length; ++k) {
        if (i + k >= size) {
            next = i + k;
            return Utf8Error{i, k, Utf8Problem::Truncated};
        }
        const std::uint8_t byte = bytes[i + k];
        const bool continues = k == 1 ? byte >= low && byte <= high : byte >= 0x80 && byte <= 0xBF;
        if (!continues) {
            next = i + k;
            const bool isContinuation = byte >= 0x80 && byte <= 0xBF;
            return Utf8Error{i, k, k == 1 && isContinuation ? outOfRange : Utf8Problem::MissingContinuation};
        }
    }
    next = i + length;
    return std::nullopt;
}

} // namespace

std::optional<std::size_t> findInvalidUtf8(std::string_view text)
{
    const auto errors = listInvalidUtf8(text, 1);
    return errors.empty() ? std::nullopt : std::optional(errors.front().offset);
}

std::vector<Utf8Error> listInvalidUtf8(std::string_view text, std::size_t limit)
{
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
    std::vector<Utf8Error> errors;
    std::size_t i = 0;
    while (i < text.size() && errors.size() < limit) {
        std::size_t next = i;
        if (auto error = scanAt(bytes, text.size(), i, next)) {
            errors.push_back(*error);
        }
        i = next;
    }
    return errors;
}

std::string_view describe(Utf8Problem problem)
{
    switch (problem) {
    case Utf8Problem::StrayContinuation: return "a continuation byte without a lead byte";
    case Utf8Problem::InvalidLeadByte: return "a byte that never occurs in UTF-8";
    case Utf8Problem::Overlong: return "an overlong encoding";
    case Utf8Problem::Surrogate: return "a UTF-16 surrogate";
    case Utf8Problem::AboveMaximum: return "a code point above U+10FFFF";
    case Utf8Problem::MissingContinuation: return "a lead byte without its continuation";
    case Utf8Problem::Truncated: return "the text ends inside a character";
    }
    return "ill-formed";
}

} // namespace jwtwb::encoding
