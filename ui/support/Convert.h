#pragma once

// The one place where core's std::string / bytes meet QString / QByteArray.

#include "Bytes.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QTimeZone>

#include <chrono>
#include <span>
#include <string>
#include <string_view>

namespace jwtwb::ui {

[[nodiscard]] inline QString toQString(std::string_view utf8)
{
    return QString::fromUtf8(utf8.data(), static_cast<qsizetype>(utf8.size()));
}

[[nodiscard]] inline std::string toStdString(const QString& text)
{
    return text.toStdString();
}

[[nodiscard]] inline QByteArray toQByteArray(std::span<const std::uint8_t> bytes)
{
    return {reinterpret_cast<const char*>(bytes.data()), static_cast<qsizetype>(bytes.size())};
}

// Core reports positions as byte offsets into UTF-8; Qt text positions count UTF-16 units.
[[nodiscard]] inline int utf16Offset(std::string_view utf8, std::size_t byteOffset)
{
    return static_cast<int>(toQString(utf8.substr(0, std::min(byteOffset, utf8.size()))).size());
}

// Core's instants are whole seconds in UTC; a QDateTime is cut to whole seconds on the way in.
[[nodiscard]] inline std::chrono::sys_seconds toSysSeconds(const QDateTime& time)
{
    return std::chrono::sys_seconds(std::chrono::seconds(time.toSecsSinceEpoch()));
}

[[nodiscard]] inline QDateTime toQDateTime(std::chrono::sys_seconds time)
{
    return QDateTime::fromSecsSinceEpoch(time.time_since_epoch().count(), QTimeZone::utc());
}

// Core's messages start in lower case without a full stop, to fit into longer sentences; alone
// in the UI they become sentences.
[[nodiscard]] inline QString toSentence(std::string_view message)
{
    QString out = toQString(message);
    if (!out.isEmpty()) {
        out[0] = out[0].toUpper();
        if (!out.endsWith(QLatin1Char('.'))) {
            out += QLatin1Char('.');
        }
    }
    return out;
}

} // namespace jwtwb::ui
