#pragma once

#include "Error.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>

namespace jwtwb::jose {

// A deny-list of token IDs (jti, RFC 7519 §4.1.7): a token whose jti is listed is revoked.
class RevocationList
{
public:
    // One jti per line. Spaces around it and a CR are trimmed; blank lines and lines starting with
    // '#' are skipped. Invalid UTF-8 is an error naming the line.
    [[nodiscard]] static Result<RevocationList> parse(std::string_view text);

    [[nodiscard]] bool contains(std::string_view jti) const;
    [[nodiscard]] std::size_t size() const { return m_ids.size(); }

private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
    };

    std::unordered_set<std::string, Hash, std::equal_to<>> m_ids;
};

} // namespace jwtwb::jose
