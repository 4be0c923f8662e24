#pragma once

#include "encoding/Json.h"

#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>

namespace jwtwb::jose {

// A JOSE Header parameter from the union of the protected and unprotected headers
// (RFC 7515 §4), or null. The two must be disjoint, so at most one holds it.
[[nodiscard]] inline const encoding::Json* findHeaderParameter(const encoding::Json& protectedHeader,
                                                               const encoding::Json& unprotectedHeader,
                                                               std::string_view name)
{
    if (const auto it = protectedHeader.find(name); it != protectedHeader.end()) {
        return &*it;
    }
    if (const auto it = unprotectedHeader.find(name); it != unprotectedHeader.end()) {
        return &*it;
    }
    return nullptr;
}

// Header parameters that RFC 7515 §4.1 and RFC 7797 define: never valid in "crit" (RFC 7515 §4.1.11).
[[nodiscard]] inline bool isRegisteredHeaderParameter(std::string_view name)
{
    static constexpr std::string_view kNames[]
        = {"alg", "jku", "jwk", "kid", "x5u", "x5c", "x5t", "x5t#S256", "typ", "cty", "crit", "enc", "zip"};
    return std::ranges::find(kNames, name) != std::end(kNames);
}

// The first name that both headers hold, or empty when they are disjoint (RFC 7515 §7.2.1).
[[nodiscard]] inline std::string sharedHeaderParameter(const encoding::Json& protectedHeader,
                                                       const encoding::Json& unprotectedHeader)
{
    for (const auto& [name, value] : unprotectedHeader.items()) {
        if (protectedHeader.contains(name)) {
            return name;
        }
    }
    return {};
}

} // namespace jwtwb::jose
