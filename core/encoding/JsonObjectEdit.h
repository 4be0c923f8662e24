#pragma once

#include "Error.h"
#include "encoding/Json.h"

#include <string>
#include <string_view>

namespace jwtwb::encoding {

// Edits one top-level member of a JSON object written as text, leaving everything else exactly as
// typed: member order, whitespace, escapes and the other values. This is how the signer keeps the
// header's "alg" and "kid" (and the payload's iat, exp, jti…) in sync without reformatting what the
// user wrote. The text must be a valid JSON object without repeated members (Errc::InvalidJson,
// Errc::NotAJsonObject, Errc::DuplicateMember otherwise).

// Replaces the member's value, or adds the member: after the member named `after` when there is
// one, otherwise as the first member. An added member copies the layout of its neighbours (one
// member per line with their indentation, or all on one line).
[[nodiscard]] Result<std::string> setObjectMember(std::string_view objectText, std::string_view name, const Json& value,
                                                  std::string_view after = {});

// Removes the member and the separator that belonged to it; the text is unchanged when it is absent.
[[nodiscard]] Result<std::string> removeObjectMember(std::string_view objectText, std::string_view name);

} // namespace jwtwb::encoding
