#include "ByteDisplay.h"

#include "encoding/Hex.h"
#include "encoding/Utf8.h"
#include "support/Convert.h"

#include <algorithm>

namespace jwtwb::ui {

ByteDisplay ByteDisplay::text(std::span<const std::uint8_t> bytes)
{
    const std::string_view utf8 = asText(bytes);
    if (encoding::findInvalidUtf8(utf8)) {
        return hex(bytes);
    }
    ByteDisplay display;
    display.m_text = toQString(utf8);
    display.m_positions.reserve(bytes.size() + 1);
    int position = 0;
    for (std::size_t i = 0; i < bytes.size();) {
        const std::uint8_t lead = bytes[i];
        const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        for (std::size_t k = 0; k < length; ++k) {
            display.m_positions.push_back(position);
        }
        position += length == 4 ? 2 : 1; // beyond the BMP: a surrogate pair
        i += length;
    }
    display.m_positions.push_back(position);
    return display;
}

ByteDisplay ByteDisplay::hex(std::span<const std::uint8_t> bytes)
{
    ByteDisplay display;
    display.m_mode = Mode::Hex;
    const QString digits = toQString(encoding::toHex(bytes));
    display.m_text.reserve(digits.size() * 3 / 2);
    for (qsizetype i = 0; i < digits.size(); i += 2) {
        display.m_positions.push_back(static_cast<int>(display.m_text.size()));
        if (i > 0) {
            display.m_positions.back() += 1;
            display.m_text += QLatin1Char(' ');
        }
        display.m_text += digits.mid(i, 2);
    }
    display.m_positions.push_back(static_cast<int>(display.m_text.size()));
    return display;
}

int ByteDisplay::position(std::size_t offset) const
{
    return m_positions[std::min(offset, m_positions.size() - 1)];
}

std::size_t ByteDisplay::byteAt(int position) const
{
    const std::size_t byteCount = m_positions.size() - 1;
    auto k = static_cast<std::size_t>(
        std::lower_bound(m_positions.begin(), m_positions.begin() + static_cast<std::ptrdiff_t>(byteCount), position)
        - m_positions.begin());
    if ((k == byteCount || m_positions[k] > position) && k > 0) {
        --k; // inside the hex pair or the character that starts before `position`
    }
    while (k > 0 && m_positions[k - 1] == m_positions[k]) {
        --k; // the first byte of a multi-byte character
    }
    return k;
}

} // namespace jwtwb::ui
