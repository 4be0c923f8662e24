#pragma once

#include <cstddef>
#include <string_view>

namespace jwtwb::encoding {

// ASCII whitespace as people paste it (space, tab, CR, LF, FF, VT); locale-independent.
// ASCII letters and digits, whatever the C locale says (std::isalnum asks the locale, per call).
[[nodiscard]] constexpr bool isAsciiAlnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

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

[[nodiscard]] constexpr char toLowerAscii(char c)
{
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// a == b, with the length and first byte compared inline: short names (claims, algorithms) mostly
// differ there, and then cost no call to memcmp.
[[nodiscard]] constexpr bool equalsWithQuickReject(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && (a.empty() || a.front() == b.front()) && a == b;
}

// Locale-independent, ASCII letters only.
[[nodiscard]] constexpr bool equalsIgnoringAsciiCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (toLowerAscii(a[i]) != toLowerAscii(b[i])) {
            return false;
        }
    }
    return true;
}

[[nodiscard]] constexpr bool startsWithIgnoringAsciiCase(std::string_view text, std::string_view prefix)
{
    return text.size() >= prefix.size() && equalsIgnoringAsciiCase(text.substr(0, prefix.size()), prefix);
}

} // namespace jwtwb::encoding
