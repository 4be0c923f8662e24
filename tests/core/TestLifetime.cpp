#include "TestData.h"
#include "encoding/Json.h"
#include "jose/Lifetime.h"

#include <QStringList>
#include <QTest>

#include <limits>

using namespace jwtwb;
using namespace jwtwb::jose;
using encoding::Json;
using std::chrono::seconds;
using std::chrono::sys_seconds;

namespace {

constexpr qint64 kNow = 1795860000; // 2026-11-28T10:00:00Z
constexpr qint64 kRfcExp = 1300819380; // RFC 7519 §3.1: 2011-03-22T18:43:00Z
constexpr qint64 kDay = 86400;

using test::at;

Json parse(const QString& text)
{
    return test::parseJsonOrDie(text);
}

// The RFC 7519 §3.1 claims, parsed from the exact octets of the vector file.
QString rfcClaims()
{
    const Json vector = test::loadJson(QStringLiteral("vectors/rfc/rfc7519.json"))["vectors"][0];
    if (vector["id"] != "RFC7519-3.1") {
        qFatal("unexpected first vector in rfc7519.json");
    }
    return QString::fromStdString(vector["claims"].get<std::string>());
}

QString claimsWith(std::initializer_list<std::pair<const char*, qint64>> members)
{
    Json claims = Json::object();
    for (const auto& [name, value] : members) {
        claims[name] = value;
    }
    return QString::fromStdString(claims.dump());
}

QString kindName(LifetimeWarningKind kind)
{
    switch (kind) {
    case LifetimeWarningKind::ClaimsNotObject: return QStringLiteral("ClaimsNotObject");
    case LifetimeWarningKind::InvalidTime: return QStringLiteral("InvalidTime");
    case LifetimeWarningKind::MillisecondsTimestamp: return QStringLiteral("Milliseconds");
    case LifetimeWarningKind::IssuedInFuture: return QStringLiteral("IssuedInFuture");
    case LifetimeWarningKind::ExpiresBeforeIssued: return QStringLiteral("ExpiresBeforeIssued");
    case LifetimeWarningKind::NotBeforeAfterExpiry: return QStringLiteral("NotBeforeAfterExpiry");
    case LifetimeWarningKind::LongLifetime: return QStringLiteral("LongLifetime");
    }
    return QStringLiteral("?");
}

QStringList warningList(const LifetimeSummary& summary)
{
    QStringList list;
    for (const auto& warning : summary.warnings) {
        list << kindName(warning.kind) + QLatin1Char(':') + QString::fromStdString(warning.claim);
    }
    return list;
}

} // namespace

class TestLifetime : public QObject
{
    Q_OBJECT

private slots:
    void states_data();
    void states();
    void bothEdgesPassed();
    void readsAllFourDates();
    void negativeLeewayIsZero();
    void warnings_data();
    void warnings();
    void warningSentences_data();
    void warningSentences();
    void lifetime_data();
    void lifetime();
    void humanDuration_data();
    void humanDuration();
    void describeInstants();
};

void TestLifetime::states_data()
{
    QTest::addColumn<QString>("claims");
    QTest::addColumn<qint64>("now");
    QTest::addColumn<int>("leeway");
    QTest::addColumn<int>("state");
    QTest::addColumn<int>("edge");
    QTest::addColumn<qint64>("distance");
    QTest::addColumn<QString>("sentence");

    const int valid = int(LifetimeState::Valid);
    const int within = int(LifetimeState::ValidWithinLeeway);
    const int expired = int(LifetimeState::Expired);
    const int notYet = int(LifetimeState::NotYetValid);
    const int noExpiry = int(LifetimeState::NoExpiry);
    const int invalid = int(LifetimeState::Invalid);
    const int expEdge = int(LifetimeEdge::Expiry);
    const int nbfEdge = int(LifetimeEdge::NotBefore);
    const int none = int(LifetimeEdge::None);
    const QString rfc = rfcClaims();

    // RFC 7519 §3.1 with a fixed now before and after its exp.
    QTest::newRow("RFC: 12 min before exp")
        << rfc << kRfcExp - 720 << 0 << valid << expEdge << 720LL << "valid for another 12 min";
    QTest::newRow("RFC: 1 s before exp") << rfc << kRfcExp - 1 << 0 << valid << expEdge << 1LL
                                         << "valid for another 1 s";
    QTest::newRow("RFC: at exp") << rfc << kRfcExp << 0 << expired << expEdge << 0LL << "expired 0 s ago";
    QTest::newRow("RFC: 3 days after exp")
        << rfc << kRfcExp + 3 * kDay << 0 << expired << expEdge << -3 * kDay << "expired 3 days ago";
    QTest::newRow("RFC: 2011 token today")
        << rfc << kNow << 0 << expired << expEdge << kRfcExp - kNow << "expired 15 years ago";
    // exp against now − leeway (30 s).
    QTest::newRow("leeway: 1 s before exp")
        << rfc << kRfcExp - 1 << 30 << valid << expEdge << 1LL << "valid for another 1 s";
    QTest::newRow("leeway: at exp") << rfc << kRfcExp << 30 << within << expEdge << 0LL
                                    << "expired 0 s ago, accepted within the 30 s leeway";
    QTest::newRow("leeway: 20 s after exp") << rfc << kRfcExp + 20 << 30 << within << expEdge << -20LL
                                            << "expired 20 s ago, accepted within the 30 s leeway";
    QTest::newRow("leeway: exp == now - leeway + 1") << rfc << kRfcExp + 29 << 30 << within << expEdge << -29LL
                                                     << "expired 29 s ago, accepted within the 30 s leeway";
    QTest::newRow("leeway: exp == now - leeway")
        << rfc << kRfcExp + 30 << 30 << expired << expEdge << -30LL << "expired 30 s ago";
    // nbf against now + leeway.
    const QString nbf300 = claimsWith({{"nbf", kNow + 300}, {"exp", kNow + 3600}});
    QTest::newRow("nbf in 5 min") << nbf300 << kNow << 0 << notYet << nbfEdge << 300LL
                                  << "not valid for another 5 min (nbf)";
    QTest::newRow("nbf == now") << claimsWith({{"nbf", kNow}, {"exp", kNow + 3600}}) << kNow << 0 << valid << expEdge
                                << 3600LL << "valid for another 1 h";
    QTest::newRow("nbf == now + 1") << claimsWith({{"nbf", kNow + 1}}) << kNow << 0 << notYet << nbfEdge << 1LL
                                    << "not valid for another 1 s (nbf)";
    QTest::newRow("nbf == now + leeway") << claimsWith({{"nbf", kNow + 30}, {"exp", kNow + 3900}}) << kNow << 30
                                         << within << nbfEdge << 30LL
                                         << "not valid for another 30 s (nbf), accepted within the 30 s leeway";
    QTest::newRow("nbf == now + leeway + 1") << claimsWith({{"nbf", kNow + 31}}) << kNow << 30 << notYet << nbfEdge
                                             << 31LL << "not valid for another 31 s (nbf)";
    QTest::newRow("nbf passed, exp ahead") << claimsWith({{"nbf", kNow - 60}, {"exp", kNow + 3900}}) << kNow << 0
                                           << valid << expEdge << 3900LL << "valid for another 1 h 5 min";
    // No exp.
    QTest::newRow("no exp") << R"({"iss":"joe"})" << kNow << 0 << noExpiry << none << 0LL
                            << "valid, never expires (no exp)";
    QTest::newRow("no exp, nbf passed") << claimsWith({{"nbf", kNow - 10}, {"iat", kNow - 10}}) << kNow << 0 << noExpiry
                                        << none << 0LL << "valid, never expires (no exp)";
    QTest::newRow("no exp, nbf within leeway")
        << claimsWith({{"nbf", kNow + 10}}) << kNow << 30 << within << nbfEdge << 10LL
        << "not valid for another 10 s (nbf), accepted within the 30 s leeway";
    QTest::newRow("empty object") << "{}" << kNow << 0 << noExpiry << none << 0LL << "valid, never expires (no exp)";
    // Non-integer NumericDates: exp 0.5 s ahead is not expired, 0.5 s behind is.
    QTest::newRow("fractional exp ahead")
        << R"({"exp":1795860000.5})" << kNow << 0 << valid << expEdge << 1LL << "valid for another 1 s";
    QTest::newRow("fractional exp behind")
        << R"({"exp":1795859999.5})" << kNow << 0 << expired << expEdge << 0LL << "expired 0 s ago";
    QTest::newRow("fractional nbf ahead")
        << R"({"nbf":1795860000.5})" << kNow << 0 << notYet << nbfEdge << 1LL << "not valid for another 1 s (nbf)";
    QTest::newRow("fractional nbf behind")
        << R"({"nbf":1795859999.5})" << kNow << 0 << noExpiry << none << 0LL << "valid, never expires (no exp)";
    // Milliseconds: still read as seconds (as every verifier does), with the other reading added.
    QTest::newRow("exp in milliseconds") << claimsWith({{"exp", (kNow + 3600) * 1000}}) << kNow << 0 << valid << expEdge
                                         << 1794067740000LL
                                         << "valid for another 56889 years; exp looks like milliseconds "
                                            "(2026-11-28T11:00:00Z if read as milliseconds)";
    QTest::newRow("nbf in milliseconds") << claimsWith({{"nbf", kNow * 1000}}) << kNow << 0 << notYet << nbfEdge
                                         << 1794064140000LL
                                         << "not valid for another 56889 years (nbf); nbf looks like milliseconds "
                                            "(2026-11-28T10:00:00Z if read as milliseconds)";
    // Unusable dates.
    QTest::newRow("exp a string")
        << R"({"exp":"tomorrow"})" << kNow << 0 << invalid << none << 0LL
        << R"(cannot be checked: exp is a string ("tomorrow"), not a NumericDate (a number of seconds since 1970-01-01T00:00:00Z))";
    QTest::newRow("nbf null, exp fine")
        << R"({"nbf":null,"exp":1795863600})" << kNow << 0 << invalid << none << 0LL
        << "cannot be checked: nbf is null, not a NumericDate (a number of seconds since 1970-01-01T00:00:00Z)";
    QTest::newRow("exp huge") << R"({"exp":1e300})" << kNow << 0 << invalid << none << 0LL
                              << "cannot be checked: exp 1e+300 is out of range: a NumericDate must be within "
                                 "9007199254740991 seconds of 1970-01-01T00:00:00Z";
    QTest::newRow("iat invalid does not hide exp")
        << R"({"iat":"now","exp":1795860060})" << kNow << 0 << valid << expEdge << 60LL << "valid for another 1 min";
    QTest::newRow("payload an array") << "[1795860060]" << kNow << 0 << invalid << none << 0LL
                                      << "cannot be checked: the payload is an array, not a JSON object, so it has "
                                         "no time claims";
    QTest::newRow("payload a string") << R"("exp")" << kNow << 0 << invalid << none << 0LL
                                      << "cannot be checked: the payload is a string, not a JSON object, so it has "
                                         "no time claims";
}

void TestLifetime::states()
{
    QFETCH(QString, claims);
    QFETCH(qint64, now);
    QFETCH(int, leeway);
    QFETCH(int, state);
    QFETCH(int, edge);
    QFETCH(qint64, distance);
    QFETCH(QString, sentence);

    const LifetimeSummary summary = summarizeLifetime(parse(claims), at(now), seconds(leeway));
    QCOMPARE(summary.now, at(now));
    QCOMPARE(summary.leeway.count(), qint64(leeway));
    QCOMPARE(int(summary.state), state);
    QCOMPARE(int(summary.edge), edge);
    QCOMPARE(qint64(summary.edgeDistance.count()), distance);
    QCOMPARE(summary.expired, state == int(LifetimeState::Expired));
    QCOMPARE(summary.notYetValid, state == int(LifetimeState::NotYetValid));
    QCOMPARE(QString::fromStdString(describeState(summary)), sentence);
}

void TestLifetime::bothEdgesPassed()
{
    // nbf after exp: expired and not yet valid at once; Expired wins, both flags are set.
    const LifetimeSummary summary
        = summarizeLifetime(parse(claimsWith({{"nbf", kNow + 100}, {"exp", kNow - 100}})), at(kNow), seconds(0));
    QCOMPARE(summary.state, LifetimeState::Expired);
    QVERIFY(summary.expired);
    QVERIFY(summary.notYetValid);
    QCOMPARE(summary.edge, LifetimeEdge::Expiry);
    QCOMPARE(summary.edgeDistance.count(), qint64(-100));
    QCOMPARE(describeState(summary), std::string("expired 1 min ago"));
    QVERIFY(summary.hasWarning(LifetimeWarningKind::NotBeforeAfterExpiry));
}

void TestLifetime::readsAllFourDates()
{
    const LifetimeSummary summary = summarizeLifetime(
        parse(
            claimsWith({{"auth_time", kNow - 7200}, {"iat", kNow - 3600}, {"nbf", kNow - 3000}, {"exp", kNow + 600}})),
        at(kNow), seconds(0));
    QCOMPARE(summary.authTime.claim, std::string("auth_time"));
    QCOMPARE(summary.authTime.time, at(kNow - 7200));
    QCOMPARE(summary.iat.time, at(kNow - 3600));
    QCOMPARE(summary.nbf.time, at(kNow - 3000));
    QCOMPARE(summary.exp.time, at(kNow + 600));
    QCOMPARE(summary.state, LifetimeState::Valid);
    QVERIFY(summary.warnings.empty());

    const LifetimeSummary empty = summarizeLifetime(parse(QStringLiteral("{}")), at(kNow), seconds(0));
    QVERIFY(!empty.iat.present() && !empty.nbf.present() && !empty.exp.present() && !empty.authTime.present());
}

void TestLifetime::negativeLeewayIsZero()
{
    // A leeway of −30 s read literally would make a token 10 s from expiry already expired.
    const LifetimeSummary summary = summarizeLifetime(parse(claimsWith({{"exp", kNow + 10}})), at(kNow), seconds(-30));
    QCOMPARE(summary.leeway.count(), qint64(0));
    QCOMPARE(summary.state, LifetimeState::Valid);
    QCOMPARE(summary.edgeDistance.count(), qint64(10));
}

void TestLifetime::warnings_data()
{
    QTest::addColumn<QString>("claims");
    QTest::addColumn<int>("leeway");
    QTest::addColumn<qint64>("bound");
    QTest::addColumn<QStringList>("expected");

    const qint64 day = kDay;
    QTest::newRow("none") << claimsWith({{"iat", kNow - 60}, {"exp", kNow + 3540}}) << 0 << day << QStringList();
    QTest::newRow("RFC 7519 claims") << rfcClaims() << 0 << day << QStringList();
    QTest::newRow("exp before iat") << claimsWith({{"iat", kNow}, {"exp", kNow - 10}}) << 0 << day
                                    << QStringList{"ExpiresBeforeIssued:exp"};
    QTest::newRow("exp equal to iat") << claimsWith({{"iat", kNow}, {"exp", kNow}}) << 0 << day
                                      << QStringList{"ExpiresBeforeIssued:exp"};
    QTest::newRow("exp 1 s after iat") << claimsWith({{"iat", kNow}, {"exp", kNow + 1}}) << 0 << day << QStringList();
    QTest::newRow("nbf after exp") << claimsWith({{"nbf", kNow - 10}, {"exp", kNow - 20}}) << 0 << day
                                   << QStringList{"NotBeforeAfterExpiry:nbf"};
    QTest::newRow("nbf equal to exp") << claimsWith({{"nbf", kNow + 10}, {"exp", kNow + 10}}) << 0 << day
                                      << QStringList{"NotBeforeAfterExpiry:nbf"};
    QTest::newRow("lifetime over a day") << claimsWith({{"iat", kNow}, {"exp", kNow + day + 1}}) << 0 << day
                                         << QStringList{"LongLifetime:exp"};
    QTest::newRow("lifetime of exactly a day")
        << claimsWith({{"iat", kNow}, {"exp", kNow + day}}) << 0 << day << QStringList();
    QTest::newRow("custom bound of 1 h") << claimsWith({{"iat", kNow}, {"exp", kNow + 3601}}) << 0 << 3600LL
                                         << QStringList{"LongLifetime:exp"};
    QTest::newRow("no exp: no lifetime to bound")
        << claimsWith({{"iat", kNow - 10 * day}}) << 0 << day << QStringList();
    QTest::newRow("iat in the future") << claimsWith({{"iat", kNow + 1}}) << 0 << day
                                       << QStringList{"IssuedInFuture:iat"};
    QTest::newRow("iat == now") << claimsWith({{"iat", kNow}}) << 0 << day << QStringList();
    QTest::newRow("iat == now + leeway") << claimsWith({{"iat", kNow + 30}}) << 30 << day << QStringList();
    QTest::newRow("iat == now + leeway + 1")
        << claimsWith({{"iat", kNow + 31}}) << 30 << day << QStringList{"IssuedInFuture:iat"};
    QTest::newRow("iat in milliseconds") << claimsWith({{"iat", kNow * 1000}}) << 0 << day
                                         << QStringList{"Milliseconds:iat", "IssuedInFuture:iat"};
    QTest::newRow("all in milliseconds") << claimsWith({{"iat", kNow * 1000}, {"exp", (kNow + 3600) * 1000}}) << 0
                                         << day
                                         << QStringList{"Milliseconds:iat", "Milliseconds:exp", "IssuedInFuture:iat",
                                                        "LongLifetime:exp"};
    QTest::newRow("auth_time in milliseconds")
        << claimsWith({{"auth_time", kNow * 1000}}) << 0 << day << QStringList{"Milliseconds:auth_time"};
    QTest::newRow("invalid times") << R"({"exp":null,"auth_time":[1],"iat":"x","nbf":true})" << 0 << day
                                   << QStringList{"InvalidTime:iat", "InvalidTime:nbf", "InvalidTime:exp",
                                                  "InvalidTime:auth_time"};
    QTest::newRow("negative and fractional are fine")
        << R"({"iat":-1.5,"exp":1795863600})" << 0 << day << QStringList{"LongLifetime:exp"};
    QTest::newRow("not an object") << "[]" << 0 << day << QStringList{"ClaimsNotObject:"};
    QTest::newRow("null payload") << "null" << 0 << day << QStringList{"ClaimsNotObject:"};
}

void TestLifetime::warnings()
{
    QFETCH(QString, claims);
    QFETCH(int, leeway);
    QFETCH(qint64, bound);
    QFETCH(QStringList, expected);
    const LifetimeSummary summary = summarizeLifetime(parse(claims), at(kNow), seconds(leeway), seconds(bound));
    QCOMPARE(warningList(summary), expected);
    for (const auto& warning : summary.warnings) {
        QVERIFY(summary.hasWarning(warning.kind));
        QVERIFY(!warning.message.empty());
    }
}

void TestLifetime::warningSentences_data()
{
    QTest::addColumn<QString>("claims");
    QTest::addColumn<int>("leeway");
    QTest::addColumn<QString>("message");
    QTest::newRow("iat in the future") << claimsWith({{"iat", kNow + 7200}}) << 0
                                       << "the token was issued 2 h in the future (iat 2026-11-28T12:00:00Z; now "
                                          "2026-11-28T10:00:00Z)";
    QTest::newRow("iat in the future, leeway") << claimsWith({{"iat", kNow + 45}}) << 30
                                               << "the token was issued 45 s in the future (iat "
                                                  "2026-11-28T10:00:45Z; now 2026-11-28T10:00:00Z, leeway 30 s)";
    QTest::newRow("exp before iat") << claimsWith({{"iat", kNow}, {"exp", kNow - 10}}) << 0
                                    << "exp 2026-11-28T09:59:50Z is not after iat 2026-11-28T10:00:00Z: the token "
                                       "was never valid";
    QTest::newRow("nbf after exp") << claimsWith({{"nbf", kNow + 10}, {"exp", kNow}}) << 0
                                   << "nbf 2026-11-28T10:00:10Z is not before exp 2026-11-28T10:00:00Z: the token is "
                                      "never valid";
    QTest::newRow("long lifetime from iat") << claimsWith({{"iat", kNow}, {"exp", kNow + 30 * kDay}}) << 0
                                            << "the token is valid for 30 days (from iat to exp), longer than 1 day";
    QTest::newRow("long lifetime from nbf")
        << claimsWith({{"iat", kNow - 3600}, {"nbf", kNow}, {"exp", kNow + kDay + 5 * 3600}}) << 0
        << "the token is valid for 1 day 5 h (from nbf to exp), longer than 1 day";
    QTest::newRow("milliseconds")
        << claimsWith({{"auth_time", kNow * 1000}}) << 0
        << "auth_time 1795860000000 looks like milliseconds, not seconds: as seconds it is +58878-07-15T16:00:00Z, as "
           "milliseconds 2026-11-28T10:00:00Z";
    QTest::newRow("not an object") << "true" << 0
                                   << "the payload is a boolean, not a JSON object, so it has no time claims";
}

void TestLifetime::warningSentences()
{
    QFETCH(QString, claims);
    QFETCH(int, leeway);
    QFETCH(QString, message);
    const LifetimeSummary summary = summarizeLifetime(parse(claims), at(kNow), seconds(leeway));
    QCOMPARE(summary.warnings.size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(summary.warnings.front().message), message);
}

void TestLifetime::lifetime_data()
{
    QTest::addColumn<QString>("claims");
    QTest::addColumn<qint64>("lifetime"); // -1: none
    QTest::newRow("iat and exp") << claimsWith({{"iat", kNow - 60}, {"exp", kNow + 3540}}) << 3600LL;
    QTest::newRow("nbf and exp") << claimsWith({{"nbf", kNow}, {"exp", kNow + 10}}) << 10LL;
    QTest::newRow("nbf later than iat") << claimsWith({{"iat", kNow - 100}, {"nbf", kNow}, {"exp", kNow + 50}}) << 50LL;
    QTest::newRow("iat later than nbf") << claimsWith({{"iat", kNow}, {"nbf", kNow - 100}, {"exp", kNow + 50}}) << 50LL;
    QTest::newRow("exp before iat") << claimsWith({{"iat", kNow}, {"exp", kNow - 10}}) << -10LL;
    QTest::newRow("only exp") << claimsWith({{"exp", kNow}}) << -1LL;
    QTest::newRow("no exp") << claimsWith({{"iat", kNow}, {"nbf", kNow}}) << -1LL;
    QTest::newRow("invalid iat") << R"({"iat":"x","exp":1795860000})" << -1LL;
    QTest::newRow("RFC 7519 claims") << rfcClaims() << -1LL;
}

void TestLifetime::lifetime()
{
    QFETCH(QString, claims);
    QFETCH(qint64, lifetime);
    const LifetimeSummary summary = summarizeLifetime(parse(claims), at(kNow), seconds(0));
    QCOMPARE(summary.lifetime.has_value(), lifetime != -1);
    if (summary.lifetime) {
        QCOMPARE(qint64(summary.lifetime->count()), lifetime);
    }
}

void TestLifetime::humanDuration_data()
{
    QTest::addColumn<qint64>("duration");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << 0LL << "0 s";
    QTest::newRow("1 s") << 1LL << "1 s";
    QTest::newRow("45 s") << 45LL << "45 s";
    QTest::newRow("59 s") << 59LL << "59 s";
    QTest::newRow("60 s") << 60LL << "1 min";
    QTest::newRow("119 s is truncated") << 119LL << "1 min";
    QTest::newRow("12 min 59 s") << 779LL << "12 min";
    QTest::newRow("59 min 59 s") << 3599LL << "59 min";
    QTest::newRow("1 h") << 3600LL << "1 h";
    QTest::newRow("1 h 59 s") << 3659LL << "1 h";
    QTest::newRow("1 h 5 min") << 3900LL << "1 h 5 min";
    QTest::newRow("1 h 5 min 59 s") << 3959LL << "1 h 5 min";
    QTest::newRow("23 h 59 min 59 s") << 86399LL << "23 h 59 min";
    QTest::newRow("1 day") << 86400LL << "1 day";
    QTest::newRow("1 day 59 min") << 86400LL + 3540 << "1 day";
    QTest::newRow("1 day 5 h") << 104400LL << "1 day 5 h";
    QTest::newRow("just under 2 days") << 172799LL << "1 day 23 h";
    QTest::newRow("2 days") << 172800LL << "2 days";
    QTest::newRow("3 days") << 259200LL << "3 days";
    QTest::newRow("364 days") << 364 * 86400LL << "364 days";
    QTest::newRow("365 days") << 365 * 86400LL << "1 year";
    QTest::newRow("366 days") << 366 * 86400LL << "1 year 1 day";
    QTest::newRow("405 days") << 405 * 86400LL << "1 year 40 days";
    QTest::newRow("just under 2 years") << 730 * 86400LL - 1 << "1 year 364 days";
    QTest::newRow("2 years") << 730 * 86400LL << "2 years";
    QTest::newRow("15 years") << 15 * 365 * 86400LL + 100 * 86400 << "15 years";
    QTest::newRow("negative 20 s") << -20LL << "20 s";
    QTest::newRow("negative 3 days") << -3 * 86400LL << "3 days";
    QTest::newRow("largest") << std::numeric_limits<qint64>::max() << "292471208677 years";
    QTest::newRow("most negative") << std::numeric_limits<qint64>::min() << "292471208677 years";
}

void TestLifetime::humanDuration()
{
    QFETCH(qint64, duration);
    QFETCH(QString, text);
    QCOMPARE(QString::fromStdString(jose::humanDuration(seconds(duration))), text);
}

void TestLifetime::describeInstants()
{
    const NumericDate exp = toNumericDate("exp", Json(kRfcExp));
    QCOMPARE(jose::describeInstants(exp, at(kNow), seconds(0)),
             std::string("exp 2011-03-22T18:43:00Z; now 2026-11-28T10:00:00Z"));
    QCOMPARE(jose::describeInstants(exp, at(kNow), seconds(90)),
             std::string("exp 2011-03-22T18:43:00Z; now 2026-11-28T10:00:00Z, leeway 1 min"));
}

QTEST_GUILESS_MAIN(TestLifetime)
#include "TestLifetime.moc"
