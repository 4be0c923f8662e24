#pragma once

#include "Error.h"
#include "crypto/SecureBytes.h"
#include "encoding/Json.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace jwtwb::keys {

// The keystore's JWK Set member that holds the history; other JOSE tools ignore it (RFC 7517 §5).
inline constexpr std::string_view kHistoryMember = "jwtwb-history";
inline constexpr std::size_t kDefaultHistoryCapacity = 50;

struct TokenHistoryEntry {
    crypto::SecureBytes token; // a credential: wiped like a key
    std::string seen; // RFC 3339 UTC, as the caller gave it (core never reads the clock)
};

// The last tokens the decoder showed, newest first. It lives only inside the encrypted keystore.
class TokenHistory
{
public:
    explicit TokenHistory(std::size_t capacity = kDefaultHistoryCapacity);

    [[nodiscard]] TokenHistory clone() const;

    [[nodiscard]] const std::vector<TokenHistoryEntry>& entries() const { return m_entries; }
    [[nodiscard]] std::size_t size() const { return m_entries.size(); }
    [[nodiscard]] bool empty() const { return m_entries.empty(); }
    [[nodiscard]] std::size_t capacity() const { return m_capacity; }

    // Puts the token first, seen at `seen`; the same token already there moves up instead of
    // appearing twice, and the oldest beyond the capacity are dropped. An empty token is ignored.
    void add(std::string_view token, std::string seen);
    // At least 1; the oldest beyond it are dropped at once.
    void setCapacity(std::size_t capacity);
    void clear();

    // [{"token": "…", "seen": "…"}, …], newest first. The caller wipes it (crypto::wipe) when done.
    [[nodiscard]] encoding::Json toJson() const;
    // Errc::InvalidJson naming what is wrong ("jwtwb-history[2]: \"token\" is not a string").
    // Members it does not know are ignored; all entries are kept, also beyond the capacity.
    [[nodiscard]] static Result<TokenHistory> fromJson(const encoding::Json& member);

private:
    std::vector<TokenHistoryEntry> m_entries;
    std::size_t m_capacity;
};

} // namespace jwtwb::keys
