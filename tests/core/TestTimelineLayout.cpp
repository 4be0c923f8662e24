#include "TestData.h"
#include "encoding/Json.h"
#include "inspect/TimelineLayout.h"
#include "jose/NumericDate.h"

#include <QStringList>
#include <QTest>

#include <limits>

using namespace jwtwb;
using namespace jwtwb::jose;
using namespace jwtwb::inspect;
using encoding::Json;
using std::chrono::seconds;
using std::chrono::sys_seconds;

namespace {

constexpr qint64 kNow = 1795860000; // 2026-11-28T10:00:00Z (date -u -d @1795860000)
constexpr qint64 kLimit = kTimelineLimit;
// The jwt.io sample token's claims: a lone iat of 2018-01-18T01:30:22Z, no exp.
constexpr auto kSampleClaims = R"({"sub":"1234567890","name":"John Doe","iat":1516239022})";

using test::at;

LifetimeSummary summaryOf(const QString& claims, qint64 now = kNow, int leeway = 0)
{
    return summarizeLifetime(test::parseJsonOrDie(claims), at(now), seconds(leeway));
}

QString iso(sys_seconds time)
{
    return QString::fromStdString(formatUtc(time));
}

QString optionalIso(const std::optional<sys_seconds>& time)
{
    return time ? iso(*time) : QStringLiteral("-");
}

QString rangeText(const std::optional<TimeRange>& range)
{
    return range ? iso(range->start) + QLatin1Char('/') + iso(range->end) : QStringLiteral("-");
}

TimeRange range(qint64 start, qint64 end)
{
    return {at(start), at(end)};
}

} // namespace

Q_DECLARE_METATYPE(TimeRange)

class TestTimelineLayout : public QObject
{
    Q_OBJECT

private slots:
    void row_data();
    void row();
    void offAxisMarkers();
    void fit_data();
    void fit();
    void zoom_data();
    void zoom();
    void pan_data();
    void pan();
    void fractions();
    void ticks_data();
    void ticks();
    void ticksNeverRunAway();
    void millisecondsAsSeconds();
};

void TestTimelineLayout::row_data()
{
    QTest::addColumn<QString>("claims");
    QTest::addColumn<int>("leeway");
    QTest::addColumn<QString>("markers");
    QTest::addColumn<QString>("validFrom");
    QTest::addColumn<QString>("validUntil");
    QTest::addColumn<bool>("neverValid");
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<bool>("suspicious");

    QTest::newRow("iat nbf exp, 30 s leeway")
        << R"({"iat":1795859940,"nbf":1795860000,"exp":1795863600})" << 30 << "iat nbf exp"
        << "2026-11-28T10:00:00Z"
        << "2026-11-28T11:00:00Z" << false << "2026-11-28T09:59:30Z/2026-11-28T10:00:00Z"
        << "2026-11-28T11:00:00Z/2026-11-28T11:00:30Z" << false;
    QTest::newRow("no nbf: from iat, no band before") << R"({"exp":1795860600,"iat":1795860000})" << 30 << "iat exp"
                                                      << "2026-11-28T10:00:00Z"
                                                      << "2026-11-28T10:10:00Z" << false << "-"
                                                      << "2026-11-28T10:10:00Z/2026-11-28T10:10:30Z" << false;
    QTest::newRow("no leeway: no bands") << R"({"nbf":1795860000,"exp":1795860600})" << 0 << "nbf exp"
                                         << "2026-11-28T10:00:00Z"
                                         << "2026-11-28T10:10:00Z" << false << "-"
                                         << "-" << false;
    QTest::newRow("exp only: open start") << R"({"exp":1795860600})" << 0 << "exp"
                                          << "-"
                                          << "2026-11-28T10:10:00Z" << false << "-"
                                          << "-" << false;
    QTest::newRow("no exp: open end") << R"({"iat":1795860000,"auth_time":1795859000})" << 0 << "iat auth_time"
                                      << "2026-11-28T10:00:00Z"
                                      << "-" << false << "-"
                                      << "-" << false;
    QTest::newRow("exp before iat") << R"({"iat":1795860000,"exp":1795859990})" << 30 << "iat exp"
                                    << "2026-11-28T10:00:00Z"
                                    << "2026-11-28T09:59:50Z" << true << "-"
                                    << "-" << true;
    QTest::newRow("nbf after exp") << R"({"nbf":1795860100,"exp":1795860000})" << 30 << "nbf exp"
                                   << "2026-11-28T10:01:40Z"
                                   << "2026-11-28T10:00:00Z" << true << "-"
                                   << "-" << true;
    QTest::newRow("fractional edges round up") << R"({"nbf":1795859999.5,"exp":1795860000.25})" << 0 << "nbf exp"
                                               << "2026-11-28T10:00:00Z"
                                               << "2026-11-28T10:00:01Z" << false << "-"
                                               << "-" << false;
    QTest::newRow("invalid claims are no markers") << R"({"iat":"yesterday","exp":1795860600})" << 0 << "exp"
                                                   << "-"
                                                   << "2026-11-28T10:10:00Z" << false << "-"
                                                   << "-" << true;
    QTest::newRow("lifetime over the bound") << R"({"iat":1795860000,"exp":1795946401})" << 0 << "iat exp"
                                             << "2026-11-28T10:00:00Z"
                                             << "2026-11-29T10:00:01Z" << false << "-"
                                             << "-" << true;
    QTest::newRow("not an object") << "[]" << 0 << ""
                                   << "-"
                                   << "-" << false << "-"
                                   << "-" << true;
}

void TestTimelineLayout::row()
{
    QFETCH(QString, claims);
    QFETCH(int, leeway);
    QFETCH(QString, markers);
    QFETCH(QString, validFrom);
    QFETCH(QString, validUntil);
    QFETCH(bool, neverValid);
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(bool, suspicious);

    const TimelineRow row = layoutTimelineRow(summaryOf(claims, kNow, leeway));
    QStringList names;
    for (const auto& marker : row.markers) {
        names << QString::fromStdString(marker.claim);
        QVERIFY(!marker.looksLikeMilliseconds);
        QVERIFY(!marker.offAxis);
    }
    QCOMPARE(names.join(QLatin1Char(' ')), markers);
    QCOMPARE(optionalIso(row.validFrom), validFrom);
    QCOMPARE(optionalIso(row.validUntil), validUntil);
    QCOMPARE(row.neverValid, neverValid);
    QCOMPARE(rangeText(row.leewayBeforeStart), before);
    QCOMPARE(rangeText(row.leewayAfterEnd), after);
    QCOMPARE(row.suspicious, suspicious);
}

void TestTimelineLayout::offAxisMarkers()
{
    // exp in milliseconds for 2026-11-28T11:00:00Z is, read as seconds, far beyond the axis limit;
    // 100000000000 (the threshold) is just within it.
    const TimelineRow row = layoutTimelineRow(summaryOf(QStringLiteral(R"({"iat":100000000000,"exp":1795863600000})")));
    QCOMPARE(row.markers.size(), std::size_t(2));
    QVERIFY(row.markers[0].looksLikeMilliseconds);
    QVERIFY(!row.markers[0].offAxis);
    QVERIFY(row.markers[1].looksLikeMilliseconds);
    QVERIFY(row.markers[1].offAxis);
    QVERIFY(row.suspicious);

    const TimelineRow negative = layoutTimelineRow(summaryOf(QStringLiteral(R"({"nbf":-900000000001})")));
    QVERIFY(negative.markers.at(0).offAxis);
    QVERIFY(!negative.markers.at(0).looksLikeMilliseconds);
}

void TestTimelineLayout::fit_data()
{
    QTest::addColumn<QStringList>("tokens");
    QTest::addColumn<int>("leeway");
    QTest::addColumn<qint64>("extra");
    QTest::addColumn<QString>("start");
    QTest::addColumn<QString>("end");

    // One token of 20 min around now: a tenth (2 min) of margin on each side.
    QTest::newRow("one token") << QStringList{R"({"iat":1795859400,"exp":1795860600})"} << 0 << 0LL
                               << "2026-11-28T09:48:00Z"
                               << "2026-11-28T10:12:00Z";
    // The leeway band after exp (10 min) widens the range: 09:50–10:20, 3 min of margin.
    QTest::newRow("leeway band") << QStringList{R"({"iat":1795859400,"exp":1795860600})"} << 600 << 0LL
                                 << "2026-11-28T09:47:00Z"
                                 << "2026-11-28T10:23:00Z";
    // An access token and a refresh token: 09:00 to 10:00 the next day (25 h), 2 h 30 min of margin.
    QTest::newRow("two tokens") << QStringList{R"({"iat":1795856400,"exp":1795860000})",
                                               R"({"iat":1795856400,"exp":1795946400})"}
                                << 0 << 0LL << "2026-11-28T06:30:00Z"
                                << "2026-11-29T12:30:00Z";
    // A milliseconds exp is left out: only iat and now remain, both at 10:00: an hour around them.
    QTest::newRow("milliseconds left out")
        << QStringList{R"({"iat":1795860000,"exp":1795863600000})"} << 0 << 0LL << "2026-11-28T09:30:00Z"
        << "2026-11-28T10:30:00Z";
    // The real clock (an extra instant) at 12:00 while the what-if time is 10:00.
    QTest::newRow("extra instant") << QStringList{R"({"exp":1795860600})"} << 0 << kNow + 7200 << "2026-11-28T09:48:00Z"
                                   << "2026-11-28T12:12:00Z";
    // A tiny span still gets 5 s on each side.
    QTest::newRow("minimum margin") << QStringList{R"({"exp":1795860010})"} << 0 << 0LL << "2026-11-28T09:59:55Z"
                                    << "2026-11-28T10:00:15Z";
    // The RFC 7519 token (exp 2011-03-22T18:43:00Z) checked today.
    QTest::newRow("RFC 7519 today") << QStringList{R"({"iss":"joe","exp":1300819380})"} << 0 << 0LL
                                    << "2009-08-26T19:35:18Z"
                                    << "2028-06-23T09:07:42Z";
    // The jwt.io sample alone (iat 2018-01-18T01:30:22Z, no exp): nothing to squeeze, 2018 is in view.
    QTest::newRow("jwt.io sample alone") << QStringList{kSampleClaims} << 0 << 0LL << "2017-02-28T10:15:25Z"
                                         << "2027-10-18T01:14:57Z";
    // Next to a fresh 1-hour token its lone iat would squeeze that hour into 1/70000 of the axis: it is
    // pinned to the edge instead, and the hour (10:00–11:00) fills the range but its margins.
    QTest::newRow("jwt.io sample and a fresh hour")
        << QStringList{kSampleClaims, R"({"iat":1795860000,"exp":1795863600})"} << 0 << 0LL << "2026-11-28T09:54:00Z"
        << "2026-11-28T11:06:00Z";
    // Lone instants join nearest first while the range stays within 20 × the hour: an iat 10 h before
    // (11 h in all) does, an exp 15 h after the hour (26 h) does not.
    QTest::newRow("lone instants join while the hour stays readable")
        << QStringList{R"({"iat":1795860000,"exp":1795863600})", R"({"exp":1795917600})", R"({"iat":1795824000})"} << 0
        << 0LL << "2026-11-27T22:54:00Z"
        << "2026-11-28T12:06:00Z";
    // Two tokens that each span time are always both in view (the union of their extents), however
    // different: the RFC 7519 example's lone exp of 2011 is pinned, the day-long token is not.
    QTest::newRow("extents always shown")
        << QStringList{R"({"iat":1795860000,"exp":1795863600})", R"({"iat":1795860000,"exp":1795946400})",
                       R"({"iss":"joe","exp":1300819380})"}
        << 0 << 0LL << "2026-11-28T07:36:00Z"
        << "2026-11-29T12:24:00Z";
    // The what-if time (an extra) is always in view, even when it squeezes.
    QTest::newRow("what-if time always shown") << QStringList{kSampleClaims, R"({"iat":1795860000,"exp":1795863600})"}
                                               << 0 << kNow - 10 * 86400LL << "2026-11-17T09:54:00Z"
                                               << "2026-11-29T11:06:00Z";
    // An iat 1000 s after the lower limit: its margin is cut at the limit, the other side keeps its own.
    QTest::newRow("cut at the limit") << QStringList{R"({"iat":-899999999000})"} << 0 << 0LL
                                      << QString::fromStdString(formatUtc(at(-kLimit))) << "4884-08-01T14:58:20Z";
}

void TestTimelineLayout::fit()
{
    QFETCH(QStringList, tokens);
    QFETCH(int, leeway);
    QFETCH(qint64, extra);
    QFETCH(QString, start);
    QFETCH(QString, end);

    std::vector<LifetimeSummary> summaries;
    for (const QString& claims : tokens) {
        summaries.push_back(summaryOf(claims, kNow, leeway));
    }
    std::vector<sys_seconds> extras;
    if (extra != 0) {
        extras.push_back(at(extra));
    }
    const TimeRange fitted = fitTimeRange(summaries, extras);
    QCOMPARE(iso(fitted.start), start);
    QCOMPARE(iso(fitted.end), end);
}

void TestTimelineLayout::zoom_data()
{
    QTest::addColumn<TimeRange>("from");
    QTest::addColumn<double>("factor");
    QTest::addColumn<double>("anchor");
    QTest::addColumn<TimeRange>("expected");

    QTest::newRow("in, centre") << range(0, 1000) << 0.5 << 0.5 << range(250, 750);
    QTest::newRow("in, at start") << range(0, 1000) << 0.5 << 0.0 << range(0, 500);
    QTest::newRow("in, at end") << range(0, 1000) << 0.5 << 1.0 << range(500, 1000);
    QTest::newRow("in, at a quarter") << range(1000, 2000) << 0.2 << 0.25 << range(1200, 1400);
    QTest::newRow("out, centre") << range(0, 1000) << 2.0 << 0.5 << range(-500, 1500);
    QTest::newRow("not below the minimum span") << range(0, 1000) << 0.0001 << 0.5 << range(495, 505);
    QTest::newRow("not beyond the limits") << range(0, 1000) << 1e12 << 0.5 << range(-kLimit, kLimit);
    QTest::newRow("pushed back from the limit")
        << range(kLimit - 100, kLimit) << 2.0 << 0.5 << range(kLimit - 200, kLimit);
    QTest::newRow("anchor outside is clamped") << range(0, 1000) << 0.5 << 7.0 << range(500, 1000);
    QTest::newRow("zero factor changes nothing") << range(0, 1000) << 0.0 << 0.5 << range(0, 1000);
    QTest::newRow("NaN factor changes nothing")
        << range(0, 1000) << std::numeric_limits<double>::quiet_NaN() << 0.5 << range(0, 1000);
}

void TestTimelineLayout::zoom()
{
    QFETCH(TimeRange, from);
    QFETCH(double, factor);
    QFETCH(double, anchor);
    QFETCH(TimeRange, expected);
    const TimeRange zoomed = zoomTimeRange(from, factor, anchor);
    QCOMPARE(zoomed.start.time_since_epoch().count(), expected.start.time_since_epoch().count());
    QCOMPARE(zoomed.end.time_since_epoch().count(), expected.end.time_since_epoch().count());
}

void TestTimelineLayout::pan_data()
{
    QTest::addColumn<TimeRange>("from");
    QTest::addColumn<qint64>("delta");
    QTest::addColumn<TimeRange>("expected");

    QTest::newRow("later") << range(0, 1000) << 500LL << range(500, 1500);
    QTest::newRow("earlier") << range(0, 1000) << -1500LL << range(-1500, -500);
    QTest::newRow("stops at the upper limit")
        << range(kLimit - 1000, kLimit - 100) << 500LL << range(kLimit - 900, kLimit);
    QTest::newRow("stops at the lower limit")
        << range(-kLimit + 10, -kLimit + 110) << std::numeric_limits<qint64>::min() << range(-kLimit, -kLimit + 100);
    QTest::newRow("huge jump") << range(0, 1000) << std::numeric_limits<qint64>::max() << range(kLimit - 1000, kLimit);
}

void TestTimelineLayout::pan()
{
    QFETCH(TimeRange, from);
    QFETCH(qint64, delta);
    QFETCH(TimeRange, expected);
    const TimeRange panned = panTimeRange(from, seconds(delta));
    QCOMPARE(panned.start.time_since_epoch().count(), expected.start.time_since_epoch().count());
    QCOMPARE(panned.end.time_since_epoch().count(), expected.end.time_since_epoch().count());
}

void TestTimelineLayout::fractions()
{
    const TimeRange r = range(100, 1100);
    QCOMPARE(timeFraction(r, at(100)), 0.0);
    QCOMPARE(timeFraction(r, at(350)), 0.25);
    QCOMPARE(timeFraction(r, at(1100)), 1.0);
    QCOMPARE(timeFraction(r, at(-900)), -1.0);
    QCOMPARE(timeFraction(range(5, 5), at(10)), 0.0);
    QCOMPARE(timeAtFraction(r, 0.25), at(350));
    QCOMPARE(timeAtFraction(r, 0.2504), at(350)); // nearest whole second
    QCOMPARE(timeAtFraction(r, 2.0), at(2100));
    QCOMPARE(timeAtFraction(r, 1e30), at(kLimit));
    QCOMPARE(timeAtFraction(r, std::numeric_limits<double>::quiet_NaN()), at(100));
    // At the far ends of the axis, a second still maps back to itself.
    const TimeRange wide = range(-kLimit, kLimit);
    QCOMPARE(timeAtFraction(wide, timeFraction(wide, at(kNow))), at(kNow));
}

void TestTimelineLayout::ticks_data()
{
    QTest::addColumn<qint64>("start");
    QTest::addColumn<qint64>("end");
    QTest::addColumn<int>("maxTicks");
    QTest::addColumn<int>("utcOffset");
    QTest::addColumn<int>("unit");
    QTest::addColumn<QStringList>("expected");

    const int second = int(TickUnit::Second);
    const int minute = int(TickUnit::Minute);
    const int day = int(TickUnit::Day);
    const int month = int(TickUnit::Month);
    const int year = int(TickUnit::Year);

    // A minute, at most 6 ticks: 10 s would make 6, so 15 s.
    QTest::newRow("15 s") << kNow << kNow + 60 << 6 << 0 << second
                          << QStringList{"2026-11-28T10:00:00Z", "2026-11-28T10:00:15Z", "2026-11-28T10:00:30Z",
                                         "2026-11-28T10:00:45Z", "2026-11-28T10:01:00Z"};
    // 10:07 to 11:52 (105 min), at most 8 ticks: every 15 min, on the quarter hours.
    QTest::newRow("15 min") << 1795860420LL << 1795866720LL << 8 << 0 << minute
                            << QStringList{"2026-11-28T10:15:00Z", "2026-11-28T10:30:00Z", "2026-11-28T10:45:00Z",
                                           "2026-11-28T11:00:00Z", "2026-11-28T11:15:00Z", "2026-11-28T11:30:00Z",
                                           "2026-11-28T11:45:00Z"};
    // Three days from 10:00 UTC: the midnights in UTC…
    QTest::newRow("days, UTC") << kNow << 1796119200LL << 5 << 0 << day
                               << QStringList{"2026-11-29T00:00:00Z", "2026-11-30T00:00:00Z", "2026-12-01T00:00:00Z"};
    // …and in Central European Time (UTC+1), an hour earlier.
    QTest::newRow("days, UTC+1") << kNow << 1796119200LL << 5 << 3600 << day
                                 << QStringList{"2026-11-28T23:00:00Z", "2026-11-29T23:00:00Z", "2026-11-30T23:00:00Z"};
    // And in UTC−5 (New York in winter), five hours later.
    QTest::newRow("days, UTC-5") << kNow << 1796119200LL << 5 << -18000 << day
                                 << QStringList{"2026-11-29T05:00:00Z", "2026-11-30T05:00:00Z", "2026-12-01T05:00:00Z"};
    // November and December 2026 (2026-11-01 is a Sunday): the Mondays.
    QTest::newRow("weeks") << 1793491200LL << 1798675200LL << 10 << 0 << day
                           << QStringList{"2026-11-02T00:00:00Z", "2026-11-09T00:00:00Z", "2026-11-16T00:00:00Z",
                                          "2026-11-23T00:00:00Z", "2026-11-30T00:00:00Z", "2026-12-07T00:00:00Z",
                                          "2026-12-14T00:00:00Z", "2026-12-21T00:00:00Z", "2026-12-28T00:00:00Z"};
    // 2026-01-15 to 2026-12-20, at most 6 ticks: quarters.
    QTest::newRow("quarters") << 1768435200LL << 1797724800LL << 6 << 0 << month
                              << QStringList{"2026-04-01T00:00:00Z", "2026-07-01T00:00:00Z", "2026-10-01T00:00:00Z"};
    // From the RFC 7519 exp to today, at most 8 ticks: every second year.
    QTest::newRow("years") << 1300819380LL << kNow << 8 << 0 << year
                           << QStringList{"2012-01-01T00:00:00Z", "2014-01-01T00:00:00Z", "2016-01-01T00:00:00Z",
                                          "2018-01-01T00:00:00Z", "2020-01-01T00:00:00Z", "2022-01-01T00:00:00Z",
                                          "2024-01-01T00:00:00Z", "2026-01-01T00:00:00Z"};
    // New year in UTC+1 is 23:00 UTC the day before.
    QTest::newRow("years, UTC+1") << 1300819380LL << 1420070400LL << 4 << 3600 << year
                                  << QStringList{"2011-12-31T23:00:00Z", "2012-12-31T23:00:00Z", "2013-12-31T23:00:00Z",
                                                 "2014-12-31T23:00:00Z"};
    // Across 1970.
    QTest::newRow("before 1970") << -10LL << 10LL << 5 << 0 << second
                                 << QStringList{"1969-12-31T23:59:50Z", "1969-12-31T23:59:55Z", "1970-01-01T00:00:00Z",
                                                "1970-01-01T00:00:05Z", "1970-01-01T00:00:10Z"};
    // ±2·10^11 s is about year −4368 to 8307: every 5000 years.
    QTest::newRow("millennia") << -200000000000LL << 200000000000LL << 6 << 0 << year
                               << QStringList{"0000-01-01T00:00:00Z", "5000-01-01T00:00:00Z"};
    // The whole axis, about year −26550 to 30489: every 10000 years.
    QTest::newRow("whole axis") << -kLimit << kLimit << 10 << 0 << year
                                << QStringList{"-20000-01-01T00:00:00Z", "-10000-01-01T00:00:00Z",
                                               "0000-01-01T00:00:00Z",   "+10000-01-01T00:00:00Z",
                                               "+20000-01-01T00:00:00Z", "+30000-01-01T00:00:00Z"};
}

void TestTimelineLayout::ticks()
{
    QFETCH(qint64, start);
    QFETCH(qint64, end);
    QFETCH(int, maxTicks);
    QFETCH(int, utcOffset);
    QFETCH(int, unit);
    QFETCH(QStringList, expected);

    QStringList actual;
    for (const TimelineTick& tick : timelineTicks(range(start, end), maxTicks, seconds(utcOffset))) {
        actual << iso(tick.time);
        QCOMPARE(int(tick.unit), unit);
    }
    QCOMPARE(actual, expected);
}

void TestTimelineLayout::ticksNeverRunAway()
{
    // Whatever is asked, the count stays bounded and the ticks within the range.
    for (int maxTicks : {-5, 0, 1, 3, 100}) {
        for (qint64 span : {10LL, 61LL, 86401LL, 40000000LL, 2 * kLimit}) {
            const TimeRange r = range(-kLimit, -kLimit + span);
            const auto ticks = timelineTicks(r, maxTicks);
            QVERIFY(ticks.size() <= std::size_t(2 * std::max(maxTicks, 1) + 4));
            for (const auto& tick : ticks) {
                QVERIFY(r.contains(tick.time));
            }
        }
    }
}

void TestTimelineLayout::millisecondsAsSeconds()
{
    const Json claims = test::parseJsonOrDie(
        QStringLiteral(R"({"sub":"alice","exp":1795863600000,"nbf":1795859000,"iat":1795860000123})"));
    const LifetimeSummary summary = summarizeLifetime(claims, at(kNow), seconds(0));
    QVERIFY(summary.hasWarning(LifetimeWarningKind::MillisecondsTimestamp));

    const Json reread = inspect::millisecondsAsSeconds(claims, summary);
    // Member order kept; exact thousands become whole seconds, the rest keep their fraction.
    QCOMPARE(QString::fromStdString(reread.dump()),
             QStringLiteral(R"({"sub":"alice","exp":1795863600,"nbf":1795859000,"iat":1795860000.123})"));
    const LifetimeSummary after = summarizeLifetime(reread, at(kNow), seconds(0));
    QVERIFY(!after.hasWarning(LifetimeWarningKind::MillisecondsTimestamp));
    QCOMPARE(QString::fromStdString(describeState(after)), QStringLiteral("valid for another 1 h"));

    // Nothing to change: the claims come back as they were.
    const Json plain = test::parseJsonOrDie(QStringLiteral(R"({"exp":1795863600})"));
    QVERIFY(inspect::millisecondsAsSeconds(plain, summarizeLifetime(plain, at(kNow), seconds(0))) == plain);
    const Json array = test::parseJsonOrDie(QStringLiteral("[1795863600000]"));
    QVERIFY(inspect::millisecondsAsSeconds(array, summarizeLifetime(array, at(kNow), seconds(0))) == array);
}

QTEST_GUILESS_MAIN(TestTimelineLayout)
#include "TestTimelineLayout.moc"
