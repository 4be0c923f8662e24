#include "TestData.h"
#include "inspect/ClaimCatalog.h"

#include <QTest>

#include <limits>

using namespace jwtwb;
using namespace jwtwb::inspect;
using test::toQString;

namespace {

constexpr qint64 kNow = 1795860000; // 2026-11-28T10:00:00Z
constexpr qint64 kMinute = 60;
constexpr qint64 kHour = 3600;
constexpr qint64 kDay = 86400;

} // namespace

class TestClaimCatalog : public QObject
{
    Q_OBJECT

private slots:
    void everyNamedClaimHasAMeaning_data();
    void everyNamedClaimHasAMeaning();
    void unknownClaims_data();
    void unknownClaims();
    void sharedNamesCoverEveryIssuer();
    void relativeTime_data();
    void relativeTime();
    void relativeTimeExtremes();
};

void TestClaimCatalog::everyNamedClaimHasAMeaning_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("numericDate");

    const auto add = [](std::initializer_list<const char*> names, bool numericDate = false) {
        for (const char* name : names) {
            QTest::newRow(name) << QString::fromLatin1(name) << numericDate;
        }
    };
    // RFC 7519 §4.1
    add({"iss", "sub", "aud", "jti"});
    add({"exp", "nbf", "iat"}, true);
    // OpenID Connect Core §2 (ID token) and §5.1 (standard claims)
    add({"auth_time", "updated_at"}, true);
    add({"nonce", "acr", "amr", "azp", "at_hash", "c_hash", "sid", "s_hash"});
    add({"name", "given_name", "family_name", "middle_name", "nickname", "preferred_username", "profile", "picture",
         "website", "email", "email_verified", "gender", "birthdate", "zoneinfo", "locale", "phone_number",
         "phone_number_verified", "address"});
    // RFC 8693 and RFC 9068
    add({"act", "may_act", "scope", "client_id", "cnf", "roles", "groups", "entitlements"});
    // Microsoft Entra ID
    add({"tid", "oid", "upn", "ver", "appid", "idp", "ipaddr", "unique_name", "wids", "scp", "uti", "rh", "xms_cc",
         "xms_pdl", "idtyp", "aio"});
    // Auth0, Keycloak, Google
    add({"gty", "permissions", "org_id"});
    add({"realm_access", "resource_access", "session_state", "typ", "allowed-origins"});
    add({"hd"});
}

void TestClaimCatalog::everyNamedClaimHasAMeaning()
{
    QFETCH(QString, name);
    QFETCH(bool, numericDate);
    const ClaimInfo* info = findClaim(name.toStdString());
    QVERIFY(info);
    QVERIFY2(info->meaning.size() > 10, qPrintable(toQString(info->meaning)));
    QVERIFY(info->meaning.ends_with('.'));
    QVERIFY(!info->source.empty());
    QCOMPARE(info->kind == ClaimValueKind::NumericDate, numericDate);
    if (!name.startsWith(QLatin1String("xms_"))) {
        QCOMPARE(toQString(info->name), name);
    }
}

void TestClaimCatalog::unknownClaims_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("custom") << QStringLiteral("https://example.com/roles");
    QTest::newRow("empty") << QString();
    QTest::newRow("case differs") << QStringLiteral("EXP");
    QTest::newRow("prefix of a name") << QStringLiteral("ex");
    QTest::newRow("longer than a name") << QStringLiteral("expires");
    QTest::newRow("xms_ alone") << QStringLiteral("xms_");
    QTest::newRow("before every name") << QStringLiteral("a");
    QTest::newRow("after every name") << QStringLiteral("zzz");
}

void TestClaimCatalog::unknownClaims()
{
    QFETCH(QString, name);
    QCOMPARE(findClaim(name.toStdString()), nullptr);
}

void TestClaimCatalog::sharedNamesCoverEveryIssuer()
{
    // roles: Entra ID app roles and RFC 9068 SCIM roles; typ: Keycloak's token type, not the header.
    const ClaimInfo* roles = findClaim("roles");
    QVERIFY(roles);
    QVERIFY(toQString(roles->meaning).contains(QLatin1String("Entra")));
    QVERIFY(toQString(roles->meaning).contains(QLatin1String("9068")));
    const ClaimInfo* typ = findClaim("typ");
    QVERIFY(typ);
    QVERIFY(toQString(typ->meaning).contains(QLatin1String("Keycloak")));
    QVERIFY(toQString(typ->meaning).contains(QLatin1String("header")));
    const ClaimInfo* azp = findClaim("azp");
    QVERIFY(azp);
    QVERIFY(toQString(azp->meaning).contains(QLatin1String("Google")));
}

void TestClaimCatalog::relativeTime_data()
{
    QTest::addColumn<qint64>("offset"); // when − now, seconds
    QTest::addColumn<QString>("expected");

    QTest::newRow("same second") << qint64(0) << QStringLiteral("now");
    QTest::newRow("one second ahead") << qint64(1) << QStringLiteral("in 1 s");
    QTest::newRow("one second ago") << qint64(-1) << QStringLiteral("1 s ago");
    QTest::newRow("59 s") << qint64(59) << QStringLiteral("in 59 s");
    QTest::newRow("60 s") << qint64(60) << QStringLiteral("in 1 min");
    QTest::newRow("14 min 59 s") << 14 * kMinute + 59 << QStringLiteral("in 14 min");
    QTest::newRow("14 min ago") << -14 * kMinute << QStringLiteral("14 min ago");
    QTest::newRow("59 min 59 s ago") << -(kHour - 1) << QStringLiteral("59 min ago");
    QTest::newRow("1 h") << kHour << QStringLiteral("in 1 h");
    QTest::newRow("1 h 5 min ago") << -(kHour + 5 * kMinute) << QStringLiteral("1 h 5 min ago");
    QTest::newRow("23 h 59 min") << kDay - 1 << QStringLiteral("in 23 h 59 min");
    QTest::newRow("1 day") << kDay << QStringLiteral("in 1 day");
    QTest::newRow("1 day 5 h ago") << -(kDay + 5 * kHour) << QStringLiteral("1 day 5 h ago");
    QTest::newRow("3 days ago") << -3 * kDay << QStringLiteral("3 days ago");
    QTest::newRow("3 days less a second ago") << -(3 * kDay - 1) << QStringLiteral("2 days ago");
    QTest::newRow("364 days") << 364 * kDay << QStringLiteral("in 364 days");
    QTest::newRow("1 year") << 365 * kDay << QStringLiteral("in 1 year");
    QTest::newRow("2 years ago") << -730 * kDay << QStringLiteral("2 years ago");
}

void TestClaimCatalog::relativeTime()
{
    QFETCH(qint64, offset);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(inspect::relativeTime(test::at(kNow + offset), test::at(kNow))), expected);
}

void TestClaimCatalog::relativeTimeExtremes()
{
    // Differences beyond 64 bits must not overflow into the wrong direction.
    const auto min = test::at(std::numeric_limits<qint64>::min());
    const auto max = test::at(std::numeric_limits<qint64>::max());
    QVERIFY(QString::fromStdString(inspect::relativeTime(max, min)).startsWith(QLatin1String("in ")));
    QVERIFY(QString::fromStdString(inspect::relativeTime(min, max)).endsWith(QLatin1String(" ago")));
    QCOMPARE(QString::fromStdString(inspect::relativeTime(max, max)), QStringLiteral("now"));
}

QTEST_GUILESS_MAIN(TestClaimCatalog)
#include "TestClaimCatalog.moc"
