#pragma once

#include <QDateTime>
#include <QString>

#include <chrono>

namespace jwtwb::ui {

// Instants as the timeline and its page show them, in UTC or local time.

[[nodiscard]] QDateTime displayTime(std::chrono::sys_seconds time, bool utc);

// "2026-11-28 10:00:00 UTC", "2026-11-28 11:00:00 CET".
[[nodiscard]] QString formatDateTime(std::chrono::sys_seconds time, bool utc);

// "UTC", or the local zone's abbreviation at `time` ("CET", "CEST", "UTC+05:30").
[[nodiscard]] QString zoneName(std::chrono::sys_seconds time, bool utc);

} // namespace jwtwb::ui
