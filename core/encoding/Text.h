#pragma once

#include <string_view>

namespace jwtwb::encoding {

// ASCII whitespace as people paste it (space, tab, CR, LF, FF, VT); locale-independent.
[[nodiscard]] constexpr bool isAsciiSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

[[nodiscard]] constexpr std::string_view trimAsciiSpace(std::string_view text)
{
    while (!text.empty() && isAsciiSpace(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && isAsciiSpace(text.back())) {
        text.remove_suffix(1);
    }
    return text;
}

} // namespace jwtwb::encoding
