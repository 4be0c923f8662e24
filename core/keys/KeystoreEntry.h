#pragma once

#include "keys/Key.h"

#include <string>
#include <vector>

namespace jwtwb::keys {

// One key in the keystore with what we keep about it. In the file these are extra JWK members
// ("label", "created", "notes", "tags") next to the key's own; the kid is key.parameters().kid.
struct KeystoreEntry {
    Key key;
    std::string label;
    std::string created; // RFC 3339 UTC, as the caller gave it (core never reads the clock)
    std::string notes;
    std::vector<std::string> tags; // e.g. "production"

    [[nodiscard]] const std::string& kid() const { return key.parameters().kid; }
    [[nodiscard]] bool hasTag(std::string_view tag) const
    {
        for (const auto& own : tags) {
            if (own == tag) {
                return true;
            }
        }
        return false;
    }
};

} // namespace jwtwb::keys
