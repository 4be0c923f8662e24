#include "Clock.h"

#include "support/Convert.h"

#include <QTimeZone>

namespace jwtwb::ui {

QDateTime Clock::s_fixed;

QDateTime Clock::now()
{
    if (s_fixed.isValid()) {
        return s_fixed;
    }
    return toQDateTime(std::chrono::sys_seconds(std::chrono::seconds(QDateTime::currentSecsSinceEpoch())));
}

std::chrono::sys_seconds Clock::nowSeconds()
{
    return toSysSeconds(now());
}

void Clock::setFixed(const QDateTime& time)
{
    s_fixed = time.isValid() ? QDateTime::fromSecsSinceEpoch(time.toSecsSinceEpoch(), QTimeZone::utc()) : QDateTime();
}

void Clock::setFixed(std::chrono::sys_seconds time)
{
    s_fixed = toQDateTime(time);
}

void Clock::useSystemTime()
{
    s_fixed = QDateTime();
}

bool Clock::isFixed()
{
    return s_fixed.isValid();
}

} // namespace jwtwb::ui
