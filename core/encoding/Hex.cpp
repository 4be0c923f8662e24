#include "Hex.h"

#include <fmt/format.h>

namespace jwtwb::encoding {
namespace {

int nibble(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

} // namespace

std::string toHex(std::span<const std::uint8_t> bytes)
{
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (const auto byte : bytes) {
        out += kDigits[byte >> 4];
        out += kDigits[byte & 0x0F];
    }
    return out;
}

Result<Bytes> fromHex(std::string_view hex)
{
    if (hex.size() % 2 != 0) {
        return fail(Errc::InvalidHex, fmt::format("hex text has an odd number of digits ({})", hex.size()), hex.size());
    }
    Bytes out;
    out.reserve(hex.size() / 2);
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        const int high = nibble(hex[i]);
        const int low = nibble(hex[i + 1]);
        if (high < 0 || low < 0) {
            const std::size_t at = high < 0 ? i : i + 1;
            return fail(Errc::InvalidHex, fmt::format("'{}' at position {} is not a hex digit", hex[at], at), at);
        }
        out.push_back(static_cast<std::uint8_t>((high << 4) | low));
    }
    return out;
}

} // namespace jwtwb::encoding
