#pragma once

#include "encoding/Json.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace jwtwb::jose {

// How claim values are quoted in the sentences of NumericDate, ClaimChecks and Lifetime, so that
// every message shows a value the same way: as compact JSON, cut short when long.

inline constexpr std::size_t kMaxQuotedValue = 48; // bytes of JSON text before "…"

// The value as compact JSON, e.g. "joe" (with its quotes), 5, [1,2]; longer than kMaxQuotedValue
// bytes it is cut at a character boundary and ends with "…".
[[nodiscard]] std::string quoteJson(const encoding::Json& value);

// A string as a JSON string literal, shortened the same way: "joe".
[[nodiscard]] std::string quoteString(std::string_view text);

// "a string", "a number", "a boolean", "null", "an array", "an object".
[[nodiscard]] std::string_view jsonKindName(const encoding::Json& value);

// The kind and the value for a sentence: a string ("tomorrow"), a boolean (true), null, an array ([1,2]).
[[nodiscard]] std::string describeJsonValue(const encoding::Json& value);

} // namespace jwtwb::jose
