#include "TokenHistory.h"

#include <fmt/format.h>

#include <algorithm>

namespace jwtwb::keys {

TokenHistory::TokenHistory(std::size_t capacity)
    : m_capacity(std::max<std::size_t>(capacity, 1))
{ }

TokenHistory TokenHistory::clone() const
{
    TokenHistory copy(m_capacity);
    copy.m_entries.reserve(m_entries.size());
    for (const auto& entry : m_entries) {
        copy.m_entries.push_back({entry.token.clone(), entry.seen});
    }
    return copy;
}

void TokenHistory::add(std::string_view token, std::string seen)
{
    if (token.empty()) {
        return;
    }
    const auto same = std::ranges::find_if(m_entries, [&](const TokenHistoryEntry& entry) {
        return entry.token.size() == token.size() && entry.token.equals(asBytes(token));
    });
    if (same != m_entries.end()) {
        m_entries.erase(same);
    }
    m_entries.insert(m_entries.begin(), {crypto::SecureBytes(token), std::move(seen)});
    setCapacity(m_capacity);
}

void TokenHistory::setCapacity(std::size_t capacity)
{
    m_capacity = std::max<std::size_t>(capacity, 1);
    if (m_entries.size() > m_capacity) {
        m_entries.erase(m_entries.begin() + static_cast<std::ptrdiff_t>(m_capacity), m_entries.end());
    }
}

void TokenHistory::clear()
{
    m_entries.clear(); // SecureBytes wipe themselves
}

encoding::Json TokenHistory::toJson() const
{
    encoding::Json list = encoding::Json::array();
    for (const auto& entry : m_entries) {
        list.push_back({{"token", std::string(entry.token.view())}, {"seen", entry.seen}});
    }
    return list;
}

Result<TokenHistory> TokenHistory::fromJson(const encoding::Json& member)
{
    if (!member.is_array()) {
        return fail(Errc::InvalidJson, fmt::format("\"{}\" is not an array", kHistoryMember));
    }
    TokenHistory history;
    for (std::size_t i = 0; i < member.size(); ++i) {
        const encoding::Json& item = member[i];
        const std::string where = fmt::format("{}[{}]", kHistoryMember, i);
        if (!item.is_object()) {
            return fail(Errc::InvalidJson, fmt::format("{} is not an object", where));
        }
        for (const char* name : {"token", "seen"}) {
            const auto it = item.find(name);
            if (it == item.end() || !it->is_string()) {
                return fail(Errc::InvalidJson, fmt::format("{}: \"{}\" is missing or not a string", where, name));
            }
        }
        history.m_entries.push_back(
            {crypto::SecureBytes(item["token"].get_ref<const std::string&>()), item["seen"].get<std::string>()});
    }
    return history;
}

} // namespace jwtwb::keys
