#include "TimeText.h"

#include "support/Convert.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

namespace jwtwb::ui {
namespace {

bool isCLocale(const QLocale& locale)
{
    return locale.language() == QLocale::C;
}

// The locale's long time format (it has the seconds) without its zone ("t", "tttt"): zoneName()
// follows at the end, the same in every language and Qt version.
QString timeFormat(const QLocale& locale)
{
    const QString format = locale.timeFormat(QLocale::LongFormat);
    QString result;
    bool quoted = false;
    for (const QChar c : format) {
        if (c == QLatin1Char('\'')) {
            quoted = !quoted;
        }
        if (quoted || c != QLatin1Char('t')) {
            result += c;
        }
    }
    return result.simplified();
}

} // namespace

QDateTime displayTime(std::chrono::sys_seconds time, bool utc)
{
    const QDateTime inUtc = toQDateTime(time);
    return utc ? inUtc : inUtc.toLocalTime();
}

// The locale's short date format, whose year is often two digits ("M/d/yy"): a token's dates span
// centuries, so the year gets four.
QString dateFormat()
{
    const QLocale locale;
    if (isCLocale(locale)) {
        return QStringLiteral("yyyy-MM-dd");
    }
    static const QRegularExpression twoDigitYear(QStringLiteral("(?<!y)yy(?!y)"));
    return locale.dateFormat(QLocale::ShortFormat).replace(twoDigitYear, QStringLiteral("yyyy"));
}

QString formatDate(const QDate& date)
{
    return QLocale().toString(date, dateFormat());
}

QString formatDateTime(std::chrono::sys_seconds time, bool utc)
{
    const QLocale locale;
    const QString format
        = dateFormat() + QLatin1Char(' ') + (isCLocale(locale) ? QStringLiteral("HH:mm:ss") : timeFormat(locale));
    return locale.toString(displayTime(time, utc), format) + QLatin1Char(' ') + zoneName(time, utc);
}

QString zoneName(std::chrono::sys_seconds time, bool utc)
{
    if (utc) {
        return QStringLiteral("UTC");
    }
    const QString abbreviation = displayTime(time, false).timeZoneAbbreviation();
    return abbreviation.isEmpty() ? QCoreApplication::translate("TimeText", "local time") : abbreviation;
}

} // namespace jwtwb::ui
