#include "TestData.h"
#include "encoding/Json.h"
#include "jose/NumericDate.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace jwtwb;
using namespace jwtwb::jose;
using encoding::Json;
using std::chrono::seconds;
using std::chrono::sys_seconds;

namespace {

using test::at;

Json parse(const QString& text)
{
    return test::parseJsonOrDie(text);
}

} // namespace

class TestNumericDate : public QObject
{
    Q_OBJECT

private slots:
    void values_data();
    void values();
    void notFiniteNumbers();
    void absent();
    void readsFromClaimsObject();
    void roundedUp_data();
    void roundedUp();
    void formatUtc_data();
    void formatUtc();
    void problems_data();
    void problems();
    void millisecondsSentence();
};

void TestNumericDate::values_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<int>("status");
    QTest::addColumn<qint64>("time");
    QTest::addColumn<bool>("fractional");
    QTest::addColumn<bool>("milliseconds");
    QTest::addColumn<qint64>("asMilliseconds");

    const int valid = int(NumericDateStatus::Valid);
    const int notNumber = int(NumericDateStatus::NotANumber);
    const int range = int(NumericDateStatus::OutOfRange);

    // RFC 7519 §3.1: exp 1300819380 is 2011-03-22T18:43:00Z.
    QTest::newRow("RFC 7519 exp") << "1300819380" << valid << 1300819380LL << false << false << 1300819LL;
    QTest::newRow("zero") << "0" << valid << 0LL << false << false << 0LL;
    QTest::newRow("negative: before 1970") << "-1" << valid << -1LL << false << false << -1LL;
    QTest::newRow("fractional") << "1300819380.75" << valid << 1300819380LL << true << false << 1300819LL;
    QTest::newRow("negative fractional rounds down") << "-0.5" << valid << -1LL << true << false << -1LL;
    QTest::newRow("integral float") << "1300819380.0" << valid << 1300819380LL << false << false << 1300819LL;
    QTest::newRow("exponent") << "1.3e9" << valid << 1300000000LL << false << false << 1300000LL;
    QTest::newRow("largest") << "9007199254740991" << valid << 9007199254740991LL << false << true << 9007199254740LL;
    QTest::newRow("smallest") << "-9007199254740991" << valid << -9007199254740991LL << false << false
                              << -9007199254741LL;
    QTest::newRow("largest as float") << "9007199254740991.0" << valid << 9007199254740991LL << false << true
                                      << 9007199254740LL;
    QTest::newRow("one past the largest") << "9007199254740992" << range << 0LL << false << false << 0LL;
    QTest::newRow("one below the smallest") << "-9007199254740992" << range << 0LL << false << false << 0LL;
    QTest::newRow("largest unsigned 64-bit") << "18446744073709551615" << range << 0LL << false << false << 0LL;
    QTest::newRow("smallest signed 64-bit") << "-9223372036854775808" << range << 0LL << false << false << 0LL;
    QTest::newRow("huge float") << "1e300" << range << 0LL << false << false << 0LL;
    QTest::newRow("huge negative float") << "-1e300" << range << 0LL << false << false << 0LL;
    // kMillisecondsThreshold = 1e11 s (5138-11-16T09:46:40Z; 1973-03-03T09:46:40Z as milliseconds).
    QTest::newRow("just below the milliseconds threshold")
        << "99999999999" << valid << 99999999999LL << false << false << 99999999LL;
    QTest::newRow("fraction below the threshold")
        << "99999999999.5" << valid << 99999999999LL << true << false << 99999999LL;
    QTest::newRow("at the milliseconds threshold")
        << "100000000000" << valid << 100000000000LL << false << true << 100000000LL;
    QTest::newRow("RFC 7519 exp in milliseconds")
        << "1300819380000" << valid << 1300819380000LL << false << true << 1300819380LL;
    QTest::newRow("milliseconds with a fraction")
        << "1300819380123.5" << valid << 1300819380123LL << true << true << 1300819380LL;
    QTest::newRow("microseconds") << "1300819380000000" << valid << 1300819380000000LL << false << true
                                  << 1300819380000LL;
    QTest::newRow("very negative is not milliseconds")
        << "-1300819380000" << valid << -1300819380000LL << false << false << -1300819380LL;
    QTest::newRow("string") << R"("1300819380")" << notNumber << 0LL << false << false << 0LL;
    QTest::newRow("date string") << R"("2011-03-22T18:43:00Z")" << notNumber << 0LL << false << false << 0LL;
    QTest::newRow("boolean") << "true" << notNumber << 0LL << false << false << 0LL;
    QTest::newRow("null") << "null" << notNumber << 0LL << false << false << 0LL;
    QTest::newRow("array") << "[1300819380]" << notNumber << 0LL << false << false << 0LL;
    QTest::newRow("object") << R"({"seconds":1300819380})" << notNumber << 0LL << false << false << 0LL;
}

void TestNumericDate::values()
{
    QFETCH(QString, json);
    QFETCH(int, status);
    QFETCH(qint64, time);
    QFETCH(bool, fractional);
    QFETCH(bool, milliseconds);
    QFETCH(qint64, asMilliseconds);

    const Json value = parse(json);
    const NumericDate date = toNumericDate("exp", value);
    QCOMPARE(date.claim, std::string("exp"));
    QCOMPARE(int(date.status), status);
    QVERIFY(date.value == value);
    QVERIFY(date.present());
    QCOMPARE(date.valid(), status == int(NumericDateStatus::Valid));
    QCOMPARE(date.invalid(), status != int(NumericDateStatus::Valid));
    if (date.valid()) {
        QCOMPARE(date.time.time_since_epoch().count(), time);
        QCOMPARE(date.fractional, fractional);
        QCOMPARE(date.looksLikeMilliseconds, milliseconds);
        QCOMPARE(date.asMilliseconds.time_since_epoch().count(), asMilliseconds);
        QVERIFY(describeProblem(date).empty());
    } else {
        QVERIFY(!date.looksLikeMilliseconds);
        QVERIFY(!describeProblem(date).empty());
    }
}

void TestNumericDate::notFiniteNumbers()
{
    // JSON text cannot hold these, but a Json built by code can.
    const NumericDate nan = toNumericDate("nbf", Json(std::numeric_limits<double>::quiet_NaN()));
    QCOMPARE(nan.status, NumericDateStatus::OutOfRange);
    QCOMPARE(describeProblem(nan),
             std::string("nbf is NaN, not a NumericDate (a number of seconds since 1970-01-01T00:00:00Z)"));
    for (const double infinity : {std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()}) {
        const NumericDate date = toNumericDate("iat", Json(infinity));
        QCOMPARE(date.status, NumericDateStatus::OutOfRange);
        QCOMPARE(describeProblem(date),
                 std::string("iat is infinite, not a NumericDate (a number of seconds since 1970-01-01T00:00:00Z)"));
    }
}

void TestNumericDate::absent()
{
    const NumericDate date = readNumericDate(Json::object({{"iss", "joe"}}), "nbf");
    QCOMPARE(date.claim, std::string("nbf"));
    QCOMPARE(date.status, NumericDateStatus::Absent);
    QVERIFY(!date.present());
    QVERIFY(!date.valid());
    QVERIFY(!date.invalid());
    QVERIFY(describeProblem(date).empty());
    QVERIFY(describeMilliseconds(date).empty());

    // Claims that are not an object have no claims at all.
    for (const char* text : {"[1300819380]", "1300819380", "\"exp\"", "null"}) {
        QCOMPARE(readNumericDate(parse(QString::fromLatin1(text)), "exp").status, NumericDateStatus::Absent);
    }
}

void TestNumericDate::readsFromClaimsObject()
{
    // RFC 7519 §3.1, parsed from the exact octets (CR LF included).
    const Json vector = test::loadJson(QStringLiteral("vectors/rfc/rfc7519.json"))["vectors"][0];
    QCOMPARE(vector["id"].get<std::string>(), std::string("RFC7519-3.1"));
    const auto claims = encoding::parseJson(vector["claims"].get<std::string>());
    QVERIFY(claims.has_value());

    const NumericDate exp = readNumericDate(claims->value, "exp");
    QCOMPARE(exp.status, NumericDateStatus::Valid);
    QCOMPARE(exp.time, at(1300819380));
    QCOMPARE(jose::formatUtc(exp.time), std::string("2011-03-22T18:43:00Z"));
    QVERIFY(!exp.fractional);
    QVERIFY(!exp.looksLikeMilliseconds);

    QCOMPARE(readNumericDate(claims->value, "iat").status, NumericDateStatus::Absent);
    // Any claim can be read as a date; these are not dates.
    QCOMPARE(readNumericDate(claims->value, "iss").status, NumericDateStatus::NotANumber);
    QCOMPARE(describeProblem(readNumericDate(claims->value, "http://example.com/is_root")),
             std::string("http://example.com/is_root is a boolean (true), not a NumericDate (a number of seconds "
                         "since 1970-01-01T00:00:00Z)"));
}

void TestNumericDate::roundedUp_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<qint64>("time");
    QTest::addColumn<qint64>("roundedUp");
    QTest::newRow("integer") << "1300819380" << 1300819380LL << 1300819380LL;
    QTest::newRow("quarter") << "1300819380.25" << 1300819380LL << 1300819381LL;
    QTest::newRow("just above an integer") << "1300819380.001" << 1300819380LL << 1300819381LL;
    QTest::newRow("negative half") << "-0.5" << -1LL << 0LL;
    QTest::newRow("negative integer") << "-7" << -7LL << -7LL;
}

void TestNumericDate::roundedUp()
{
    QFETCH(QString, json);
    QFETCH(qint64, time);
    QFETCH(qint64, roundedUp);
    const NumericDate date = toNumericDate("exp", parse(json));
    QVERIFY(date.valid());
    QCOMPARE(date.time.time_since_epoch().count(), time);
    QCOMPARE(date.roundedUp().time_since_epoch().count(), roundedUp);
}

void TestNumericDate::formatUtc_data()
{
    QTest::addColumn<qint64>("time");
    QTest::addColumn<QString>("text");
    // Checked with Python's datetime (years past 9999 through the 400-year Gregorian cycle).
    QTest::newRow("epoch") << 0LL << "1970-01-01T00:00:00Z";
    QTest::newRow("RFC 7519 exp") << 1300819380LL << "2011-03-22T18:43:00Z";
    QTest::newRow("before the epoch") << -1LL << "1969-12-31T23:59:59Z";
    QTest::newRow("leap day") << 951782400LL << "2000-02-29T00:00:00Z";
    QTest::newRow("the brief's now") << 1795860000LL << "2026-11-28T10:00:00Z";
    QTest::newRow("last of year 9999") << 253402300799LL << "9999-12-31T23:59:59Z";
    QTest::newRow("first of year 10000") << 253402300800LL << "+10000-01-01T00:00:00Z";
    QTest::newRow("milliseconds threshold") << 100000000000LL << "5138-11-16T09:46:40Z";
    QTest::newRow("RFC 7519 exp in ms, as seconds") << 1300819380000LL << "+43191-04-29T20:40:00Z";
    QTest::newRow("year 1") << -62135596800LL << "0001-01-01T00:00:00Z";
    QTest::newRow("year 0") << -62167219200LL << "0000-01-01T00:00:00Z";
    QTest::newRow("year -1") << -62167219201LL << "-0001-12-31T23:59:59Z";
    QTest::newRow("largest NumericDate") << 9007199254740991LL << "+285428751-11-12T07:36:31Z";
    QTest::newRow("smallest NumericDate") << -9007199254740991LL << "-285424812-02-20T16:23:29Z";
}

void TestNumericDate::formatUtc()
{
    QFETCH(qint64, time);
    QFETCH(QString, text);
    QCOMPARE(QString::fromStdString(jose::formatUtc(sys_seconds(seconds(time)))), text);
}

void TestNumericDate::problems_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("message");
    QTest::newRow("string")
        << R"("tomorrow")"
        << R"(exp is a string ("tomorrow"), not a NumericDate (a number of seconds since 1970-01-01T00:00:00Z))";
    QTest::newRow("boolean")
        << "false"
        << "exp is a boolean (false), not a NumericDate (a number of seconds since 1970-01-01T00:00:00Z)";
    QTest::newRow("null") << "null"
                          << "exp is null, not a NumericDate (a number of seconds since 1970-01-01T00:00:00Z)";
    QTest::newRow("array")
        << "[1, 2]"
        << "exp is an array ([1,2]), not a NumericDate (a number of seconds since 1970-01-01T00:00:00Z)";
    QTest::newRow("long string is cut")
        << R"("0123456789012345678901234567890123456789012345678901234567890")"
        << R"(exp is a string ("01234567890123456789012345678901234567890123456…), not a NumericDate (a number of seconds since 1970-01-01T00:00:00Z))";
    QTest::newRow("huge") << "1e300"
                          << "exp 1e+300 is out of range: a NumericDate must be within 9007199254740991 seconds of "
                             "1970-01-01T00:00:00Z";
    QTest::newRow("huge integer") << "18446744073709551615"
                                  << "exp 18446744073709551615 is out of range: a NumericDate must be within "
                                     "9007199254740991 seconds of 1970-01-01T00:00:00Z";
}

void TestNumericDate::problems()
{
    QFETCH(QString, json);
    QFETCH(QString, message);
    const NumericDate date = readNumericDate(Json::object({{"exp", parse(json)}}), "exp");
    QVERIFY(date.invalid());
    QCOMPARE(QString::fromStdString(describeProblem(date)), message);
    QVERIFY(describeMilliseconds(date).empty());
}

void TestNumericDate::millisecondsSentence()
{
    const NumericDate date = toNumericDate("exp", Json(1300819380000));
    QCOMPARE(QString::fromStdString(describeMilliseconds(date)),
             QStringLiteral("exp 1300819380000 looks like milliseconds, not seconds: as seconds it is "
                            "+43191-04-29T20:40:00Z, as milliseconds 2011-03-22T18:43:00Z"));
    QVERIFY(describeMilliseconds(toNumericDate("exp", Json(1300819380))).empty());
}

QTEST_GUILESS_MAIN(TestNumericDate)
#include "TestNumericDate.moc"
