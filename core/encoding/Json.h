#pragma once

#include "Error.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace jwtwb::encoding {

// Member order matters to people reading tokens: every JSON value in core keeps it.
using Json = nlohmann::ordered_json;

struct DuplicateMember {
    std::string path; // JSON Pointer (RFC 6901) of the object holding the member, "" for the root
    std::string key;
    std::size_t offset; // byte offset of the repeated key's opening quote
};

struct ParsedJson {
    Json value; // for a repeated member the lexically last value, as RFC 7515 §5.2 allows
    std::vector<DuplicateMember> duplicates;
};

inline constexpr std::size_t kMaxJsonDepth = 256;

// Strict RFC 8259 parsing: invalid UTF-8, syntax errors and nesting deeper than kMaxJsonDepth are
// errors with a byte position; duplicate members are reported, not refused.
// Integers that fit 64 bits are kept exactly (number_unsigned, or number_integer when negative),
// other numbers are doubles; one beyond a double's range is an error (as infinity it would be
// written back as null), one too small for a double becomes 0. A leading byte order mark is
// skipped, as RFC 8259 §8.1 allows.
[[nodiscard]] Result<ParsedJson> parseJson(std::string_view text);

// For JSON that gets signed or trusted: a repeated member is an error (RFC 7515 §5.2 lets JOSE
// refuse them, and verifiers disagree on which value wins). Messages start with "the <what>".
[[nodiscard]] Result<Json> parseJsonNoDuplicates(std::string_view text, std::string_view what);

// Both keep member order. Invalid UTF-8 in strings (only possible in values built by code) is
// replaced with U+FFFD rather than thrown.
[[nodiscard]] std::string toPrettyJson(const Json& value, int indent = 2);
[[nodiscard]] std::string toCompactJson(const Json& value);

// "line 3, column 7" for a byte offset, counting columns in characters.
[[nodiscard]] std::string describePosition(std::string_view text, std::size_t offset);

} // namespace jwtwb::encoding
