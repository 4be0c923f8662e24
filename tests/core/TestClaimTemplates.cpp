#include "TestData.h"
#include "jose/ClaimTemplates.h"

#include <QTest>

using namespace jwtwb;
using namespace jwtwb::jose;

class TestClaimTemplates : public QObject
{
    Q_OBJECT

private slots:
    void shapes_data();
    void shapes();
    void everyTemplateListed();
};

void TestClaimTemplates::shapes_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("typ");
    QTest::addColumn<qint64>("lifetime");
    QTest::addColumn<QStringList>("required"); // what the defining spec requires, in its order
    QTest::addColumn<bool>("hasJti");
    QTest::newRow("access token: RFC 9068 §2.2")
        << int(ClaimTemplate::AccessToken) << "at+jwt" << qint64(900)
        << QStringList{"iss", "exp", "aud", "sub", "client_id", "iat", "jti"} << true;
    QTest::newRow("ID token: OIDC Core §2") << int(ClaimTemplate::IdToken) << "JWT" << qint64(3600)
                                            << QStringList{"iss", "sub", "aud", "exp", "iat"} << false;
    QTest::newRow("refresh token") << int(ClaimTemplate::RefreshToken) << "JWT" << qint64(30 * 86400)
                                   << QStringList{"iss", "sub", "aud", "iat", "exp", "jti"} << true;
    QTest::newRow("service to service: RFC 7523 §3") << int(ClaimTemplate::ServiceToService) << "JWT" << qint64(300)
                                                     << QStringList{"iss", "sub", "aud", "iat", "exp", "jti"} << true;
}

void TestClaimTemplates::shapes()
{
    QFETCH(int, kind);
    QFETCH(QString, typ);
    QFETCH(qint64, lifetime);
    QFETCH(QStringList, required);
    QFETCH(bool, hasJti);
    const auto now = test::at(1800000000);
    const auto claims = templateClaims(static_cast<ClaimTemplate>(kind), now, "jti-1");
    QCOMPARE(QString::fromUtf8(templateInfo(static_cast<ClaimTemplate>(kind)).typ), typ);
    QStringList order;
    for (const auto& [name, value] : claims.items()) {
        if (required.contains(QString::fromStdString(name))) {
            order << QString::fromStdString(name);
        }
    }
    QCOMPARE(order, required);
    QVERIFY(claims["iat"] == 1800000000);
    QVERIFY(claims["exp"] == 1800000000 + lifetime);
    QCOMPARE(claims.contains("jti"), hasJti);
    if (hasJti) {
        QVERIFY(claims["jti"] == "jti-1");
    }
    if (kind == int(ClaimTemplate::ServiceToService)) {
        QVERIFY(claims["iss"] == claims["sub"]); // RFC 7523 §3: the client is both
    }
}

void TestClaimTemplates::everyTemplateListed()
{
    QCOMPARE(claimTemplates().size(), std::size_t{4});
    for (std::size_t i = 0; i < claimTemplates().size(); ++i) {
        QCOMPARE(static_cast<std::size_t>(claimTemplates()[i].kind), i);
        QVERIFY(!claimTemplates()[i].name.empty());
    }
}

QTEST_GUILESS_MAIN(TestClaimTemplates)
#include "TestClaimTemplates.moc"
