#pragma once

#include "encoding/Json.h"
#include "jose/CompactToken.h"

#include <optional>
#include <string>
#include <vector>

namespace jwtwb::inspect {

enum class MemberChange { Same, Added, Removed, Changed };

[[nodiscard]] std::string_view memberChangeName(MemberChange change); // "same", "added", "removed", "changed"

// One header parameter or claim, side by side.
struct MemberDiff {
    std::string part; // "header" or "payload"
    std::string name;
    MemberChange change = MemberChange::Same;
    std::optional<encoding::Json> before; // in the first token
    std::optional<encoding::Json> after; // in the second
    std::string note; // for time claims: "1 h later", "5 min earlier"; else empty
};

struct TokenDiff {
    std::vector<MemberDiff>
        members; // header first, then payload; each in the first token's order, then the second's new ones
    bool payloadsComparable = true; // both payloads are JSON objects; else the payload is one member "payload"

    // The same header and claims (member order aside).
    [[nodiscard]] bool same() const;
    [[nodiscard]] std::size_t count(MemberChange change) const;
};

// Compares two decoded tokens member by member (RFC 7519 claims and JOSE header parameters).
[[nodiscard]] TokenDiff diffTokens(const jose::CompactToken& first, const jose::CompactToken& second);

} // namespace jwtwb::inspect
