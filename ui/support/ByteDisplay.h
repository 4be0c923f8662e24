#pragma once

#include "Bytes.h"

#include <QString>

#include <span>
#include <vector>

namespace jwtwb::ui {

// Bytes as a person reads them — UTF-8 text when they are text, otherwise hex ("7b 22 …") — with
// the way back and forth between byte offsets and positions in that text (UTF-16 units).
class ByteDisplay
{
public:
    enum class Mode { Text, Hex };

    [[nodiscard]] static ByteDisplay text(std::span<const std::uint8_t> bytes); // hex when not UTF-8
    [[nodiscard]] static ByteDisplay hex(std::span<const std::uint8_t> bytes);

    [[nodiscard]] Mode mode() const { return m_mode; }
    [[nodiscard]] const QString& string() const { return m_text; }
    // Position where byte `offset` is shown (offset == size: the end of the text).
    [[nodiscard]] int position(std::size_t offset) const;
    // The byte shown at `position`: the first byte of its character, or of its hex pair.
    [[nodiscard]] std::size_t byteAt(int position) const;

private:
    Mode m_mode = Mode::Text;
    QString m_text;
    std::vector<int> m_positions; // one per byte, and one for the end
};

} // namespace jwtwb::ui
