#pragma once

#include <QDateTime>

#include <chrono>

namespace jwtwb::ui {

// The one clock of the UI (core never reads the time: it is passed in). Tests fix it so that every
// "valid for another 12 min" is reproducible; the application leaves it on the system clock.
class Clock
{
public:
    // The current time in UTC, whole seconds: the fixed time when one is set.
    [[nodiscard]] static QDateTime now();
    [[nodiscard]] static std::chrono::sys_seconds nowSeconds();

    // From now on, now() returns `time` (until useSystemTime()); an invalid time means the system clock.
    static void setFixed(const QDateTime& time);
    static void setFixed(std::chrono::sys_seconds time);
    static void useSystemTime();
    [[nodiscard]] static bool isFixed();

private:
    static QDateTime s_fixed;
};

} // namespace jwtwb::ui
