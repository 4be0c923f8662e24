#pragma once

#include "encoding/Json.h"
#include "jose/Algorithm.h"

#include <string>
#include <string_view>
#include <vector>

// What the checks of a proof of possession share: a DPoP proof (RFC 9449) and an SD-JWT key binding
// JWT (RFC 9901) are both JWTs signed with a holder's key, checked one rule at a time.
namespace jwtwb::jose {

// A member of a claims set (or a header), or nullptr when `claims` is not an object or lacks it.
[[nodiscard]] const encoding::Json* findClaim(const encoding::Json& claims, std::string_view name);

// The same, only when the member is a string.
[[nodiscard]] const std::string* findStringClaim(const encoding::Json& claims, std::string_view name);

// What a check that a proof or key binding JWT goes through came to.
enum class CheckOutcome { Passed, Failed, NotChecked };

[[nodiscard]] std::string_view checkOutcomeName(CheckOutcome outcome); // "passed", "failed", "not checked"

// The signature algorithms without HMAC and `none`: what a holder signs a proof with.
[[nodiscard]] std::vector<JwsAlgorithm> asymmetricAlgorithms();

} // namespace jwtwb::jose
