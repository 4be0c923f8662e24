#include "TokenTampering.h"

#include "encoding/Base64Url.h"

#include <algorithm>

namespace jwtwb::audit {
namespace {

constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

bool isAlphanumeric(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

} // namespace

std::string unsignedCompact(std::string_view headerText, std::string_view payloadText)
{
    return encoding::base64UrlEncode(headerText) + "." + encoding::base64UrlEncode(payloadText) + ".";
}

std::optional<BitFlip> flipBitInJsonText(std::string& json)
{
    // A letter or digit flipped in its lowest bit stays a printable character that is neither '"'
    // nor '\\'; escapes ("\n", "\u00e9") are skipped because a flip there could break them, and a
    // number's leading digit too ("10" must not become "00").
    std::optional<std::size_t> candidate;
    bool inString = false;
    for (std::size_t i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (inString) {
            if (c == '\\') {
                i += (i + 1 < json.size() && json[i + 1] == 'u') ? 5 : 1;
            } else if (c == '"') {
                inString = false;
            } else if (isAlphanumeric(c)) {
                candidate = i;
            }
        } else if (c == '"') {
            inString = true;
        } else if (isDigit(c) && i > 0 && isDigit(json[i - 1])) {
            candidate = i;
        } else if (isDigit(c) && (i + 1 == json.size() || !isDigit(json[i + 1]))) {
            candidate = i; // a one-digit number: any digit is fine
        }
    }
    if (!candidate) {
        return std::nullopt;
    }
    const auto before = static_cast<std::uint8_t>(json[*candidate]);
    const auto after = static_cast<std::uint8_t>(before ^ 1U);
    json[*candidate] = static_cast<char>(after);
    return BitFlip{*candidate, before, after};
}

std::optional<BitFlip> flipBitInMiddle(Bytes& bytes)
{
    if (bytes.empty()) {
        return std::nullopt;
    }
    const std::size_t offset = bytes.size() / 2;
    const std::uint8_t before = bytes[offset];
    bytes[offset] = static_cast<std::uint8_t>(before ^ 1U);
    return BitFlip{offset, before, bytes[offset]};
}

std::string withPadding(std::string_view base64Url)
{
    std::string out(base64Url);
    while (out.size() % 4 != 0) {
        out += '=';
    }
    return out;
}

std::optional<std::string> withNonZeroTrailingBits(std::string_view base64Url)
{
    // A last group of 2 characters carries 8 bits in 12, one of 3 carries 16 in 18: the lowest
    // bit of the last character is always unused.
    if (base64Url.empty() || base64Url.size() % 4 == 0) {
        return std::nullopt;
    }
    const auto index = kAlphabet.find(base64Url.back());
    if (index == std::string_view::npos) {
        return std::nullopt;
    }
    std::string out(base64Url);
    out.back() = kAlphabet[index | 1U];
    return out;
}

std::string withStandardAlphabet(std::string_view base64Url)
{
    std::string out(base64Url);
    std::ranges::replace(out, '-', '+');
    std::ranges::replace(out, '_', '/');
    return out;
}

} // namespace jwtwb::audit
