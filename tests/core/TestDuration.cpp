#include "time/Duration.h"

#include <QTest>

using namespace jwtwb;
using namespace std::chrono;

class TestDuration : public QObject
{
    Q_OBJECT

private slots:
    void durations_data();
    void durations();
    void badDurations_data();
    void badDurations();
    void times_data();
    void times();
    void badTimes_data();
    void badTimes();
};

void TestDuration::durations_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("bare seconds") << "90" << qint64(90);
    QTest::newRow("seconds") << "30s" << qint64(30);
    QTest::newRow("minutes") << "15m" << qint64(900);
    QTest::newRow("min") << "90min" << qint64(5400);
    QTest::newRow("hours and minutes") << "2h30m" << qint64(9000);
    QTest::newRow("day") << "1d" << qint64(86400);
    QTest::newRow("week") << "1w" << qint64(604800);
    QTest::newRow("mixed") << "1d2h3m4s" << qint64(93784);
    QTest::newRow("zero") << "0s" << qint64(0);
}

void TestDuration::durations()
{
    QFETCH(QString, text);
    QFETCH(qint64, expected);
    const auto parsed = time::parseDuration(text.toStdString());
    QVERIFY2(parsed.has_value(), parsed ? "" : parsed.error().message.c_str());
    QCOMPARE(qint64(parsed->count()), expected);
}

void TestDuration::badDurations_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << ""
                           << "empty";
    QTest::newRow("unit only") << "h"
                               << "not a duration";
    QTest::newRow("unknown unit") << "5y"
                                  << "unknown unit \"y\"";
    QTest::newRow("negative") << "-5m"
                              << "not a duration";
    QTest::newRow("two bare numbers") << "5 5"
                                      << "unknown unit";
    QTest::newRow("overflow") << "999999999999999999w"
                              << "too long";
    QTest::newRow("number after bare number") << "1h30"
                                              << "unknown unit";
}

void TestDuration::badDurations()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    const auto parsed = time::parseDuration(text.toStdString());
    QVERIFY(!parsed.has_value());
    QVERIFY2(QString::fromStdString(parsed.error().message).contains(message), parsed.error().message.c_str());
}

void TestDuration::times_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("expected");
    const qint64 now = 1795860000; // 2026-11-28T10:00:00Z
    QTest::newRow("now") << "now" << now;
    QTest::newRow("plus") << "+1h" << now + 3600;
    QTest::newRow("minus") << "-30m" << now - 1800;
    QTest::newRow("unix") << "1516239022" << qint64(1516239022);
    QTest::newRow("iso Z") << "2026-11-28T10:00:00Z" << now;
    QTest::newRow("iso offset") << "2026-11-28T11:00:00+01:00" << now;
    QTest::newRow("iso negative offset") << "2026-11-28T05:30:00-04:30" << now;
    QTest::newRow("iso fraction") << "2026-11-28T10:00:00.750Z" << now;
    QTest::newRow("iso no seconds") << "2026-11-28T10:00Z" << now;
    QTest::newRow("date only") << "2026-11-28" << now - 36000;
    QTest::newRow("rfc 7519 exp") << "2011-03-22T18:43:00Z" << qint64(1300819380);
    QTest::newRow("leap day") << "2024-02-29T00:00:00Z" << qint64(1709164800);
    QTest::newRow("before 1970") << "1969-12-31T23:59:59Z" << qint64(-1);
}

void TestDuration::times()
{
    QFETCH(QString, text);
    QFETCH(qint64, expected);
    const sys_seconds now{seconds(1795860000)};
    const auto parsed = time::parseTime(text.toStdString(), now);
    QVERIFY2(parsed.has_value(), parsed ? "" : parsed.error().message.c_str());
    QCOMPARE(qint64(parsed->time_since_epoch().count()), expected);
}

void TestDuration::badTimes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("no zone") << "2026-11-28T10:00:00"
                             << "no time zone";
    QTest::newRow("bad month") << "2026-13-01"
                               << "not a time";
    QTest::newRow("bad hour") << "2026-11-28T24:00Z"
                              << "not a time";
    QTest::newRow("words") << "tomorrow"
                           << "not a time";
    QTest::newRow("bad relative") << "+1y"
                                  << "unknown unit";
    QTest::newRow("trailing") << "2026-11-28T10:00:00Zx"
                              << "not a time";
}

void TestDuration::badTimes()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    const auto parsed = time::parseTime(text.toStdString(), sys_seconds{});
    QVERIFY(!parsed.has_value());
    QVERIFY2(QString::fromStdString(parsed.error().message).contains(message), parsed.error().message.c_str());
}

QTEST_GUILESS_MAIN(TestDuration)
#include "TestDuration.moc"
