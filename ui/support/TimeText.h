#pragma once

#include <QDateTime>
#include <QString>

#include <chrono>

namespace jwtwb::ui {

// Instants as the user interface shows them, in UTC or local time, in the default QLocale's way
// (Translations sets it). The C locale (LANG=C, as in scripts and tests) gets ISO 8601's order.

[[nodiscard]] QDateTime displayTime(std::chrono::sys_seconds time, bool utc);

// The locale's numeric date format with a four-digit year: "M/d/yyyy", "dd.MM.yyyy"; "yyyy-MM-dd" in C.
[[nodiscard]] QString dateFormat();

// A date in that format: "11/28/2026", "28.11.2026"; "2026-11-28" in C.
[[nodiscard]] QString formatDate(const QDate& date);

// That date and the locale's time with seconds, then the zone: "11/28/2026 11:00:00 AM CET",
// "28.11.2026 11:00:00 CET"; "2026-11-28 10:00:00 UTC" in C.
[[nodiscard]] QString formatDateTime(std::chrono::sys_seconds time, bool utc);

// "UTC", or the local zone's abbreviation at `time` ("CET", "CEST", "UTC+05:30").
[[nodiscard]] QString zoneName(std::chrono::sys_seconds time, bool utc);

} // namespace jwtwb::ui
