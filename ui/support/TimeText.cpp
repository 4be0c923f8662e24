#include "TimeText.h"

#include "support/Convert.h"

#include <QLocale>

namespace jwtwb::ui {

QDateTime displayTime(std::chrono::sys_seconds time, bool utc)
{
    const QDateTime inUtc = toQDateTime(time);
    return utc ? inUtc : inUtc.toLocalTime();
}

QString formatDateTime(std::chrono::sys_seconds time, bool utc)
{
    return QLocale::c().toString(displayTime(time, utc), QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QLatin1Char(' ')
        + zoneName(time, utc);
}

QString zoneName(std::chrono::sys_seconds time, bool utc)
{
    if (utc) {
        return QStringLiteral("UTC");
    }
    const QString abbreviation = displayTime(time, false).timeZoneAbbreviation();
    return abbreviation.isEmpty() ? QStringLiteral("local time") : abbreviation;
}

} // namespace jwtwb::ui
