#include "CliRunner.h"
#include "TestData.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace jwtwb::test;

// `jwtwb sd decode|verify|issue|present` on RFC 9901's example (tests/data/sdjwt) and on SD-JWTs
// they make: exit codes, the text and JSON reports with their codes, and a round trip.
class TestCliSd : public QObject
{
    Q_OBJECT

private slots:
    void decodeRfcPresentation();
    void decodeFindings();
    void verify_data();
    void verify();
    void issuePresentVerify();
    void presentRfcSelection();
};

namespace {

QString data(const QString& name)
{
    return dataPath(QStringLiteral("sdjwt/") + name);
}

QString rfc(const QString& name)
{
    return QString::fromStdString(readDataFile(QStringLiteral("sdjwt/") + name)).trimmed();
}

QJsonObject json(const CliRun& run)
{
    return QJsonDocument::fromJson(run.outBytes).object();
}

} // namespace

void TestCliSd::decodeRfcPresentation()
{
    const CliRun run = runCli({"sd", "decode", "--json"}, rfc(QStringLiteral("presentation.txt")).toUtf8());
    QCOMPARE(run.exitCode, 0);
    const QJsonObject out = json(run);
    QVERIFY(out.value("ok").toBool());
    QCOMPARE(out.value("sd_alg").toString(), QStringLiteral("sha-256"));
    QCOMPARE(out.value("undisclosed_digests").toInt(), 6);
    const QJsonArray disclosures = out.value("disclosures").toArray();
    QCOMPARE(disclosures.size(), 4);
    QCOMPARE(disclosures.at(0).toObject().value("digest").toString(),
             QStringLiteral("TGf4oLbgwd5JQaHyKVQZU9UdGE0w5rtDsrZzfUaomLo"));
    QCOMPARE(disclosures.at(0).toObject().value("offset").toInt(), 1187);
    QCOMPARE(out.value("key_binding_jwt").toObject().value("offset").toInt(), 1541);
    QCOMPARE(out.value("claims").toObject().value("given_name").toString(), QStringLiteral("John"));

    const CliRun text = runCli({"sd", "decode", rfc(QStringLiteral("presentation.txt"))});
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.contains(QStringLiteral("family_name: \"Doe\"")));
    QVERIFY(text.out.contains(QStringLiteral("6 undisclosed digests")));
}

void TestCliSd::decodeFindings()
{
    // The issuance with a disclosure repeated: a duplicate digest, exit 1, its code in the JSON.
    const QString issuance = rfc(QStringLiteral("issuance.txt"));
    const QString repeated = issuance + issuance.section(QLatin1Char('~'), 1, 1) + QLatin1Char('~');
    const CliRun run = runCli({"sd", "decode", repeated, "--json"});
    QCOMPARE(run.exitCode, 1);
    const QJsonArray findings = json(run).value("findings").toArray();
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings.at(0).toObject().value("code").toString(), QStringLiteral("ERR_SDJWT_DIGEST_DUPLICATE"));

    QCOMPARE(runCli({"sd", "decode", "not an SD-JWT"}).exitCode, 2);
}

void TestCliSd::verify_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("failed"); // the key binding check that fails
    const QStringList rfcExpectations{"--aud", "https://verifier.example.org", "--nonce", "1234567890"};
    QTest::newRow("the RFC's presentation") << (rfcExpectations + QStringList{"--now", "1718298766"}) << 0 << "";
    QTest::newRow("another nonce") << QStringList{"--aud",     "https://verifier.example.org", "--nonce", "x", "--now",
                                                  "1718298766"}
                                   << 1 << "nonce";
    QTest::newRow("a day later") << (rfcExpectations + QStringList{"--now", "1718385166"}) << 1 << "iat";
    QTest::newRow("without a key") << QStringList{"--now", "1718298766"} << 2 << "";
}

void TestCliSd::verify()
{
    QFETCH(QStringList, options);
    QFETCH(int, exitCode);
    QFETCH(QString, failed);
    QStringList arguments{"sd", "verify", rfc(QStringLiteral("presentation.txt")), "--json"};
    if (exitCode != 2) {
        arguments << "--key" << data(QStringLiteral("issuer-key.jwk"));
    }
    const CliRun run = runCli(arguments + options);
    QCOMPARE(run.exitCode, exitCode);
    if (exitCode == 2) {
        return;
    }
    const QJsonObject out = json(run);
    QCOMPARE(out.value("valid").toBool(), exitCode == 0);
    QCOMPARE(out.value("issuer").toObject().value("signature").toObject().value("code").toString(),
             QStringLiteral("OK"));
    for (const auto& check : out.value("key_binding").toArray()) {
        const QJsonObject object = check.toObject();
        QCOMPARE(object.value("outcome").toString(),
                 object.value("check").toString() == failed ? QStringLiteral("failed") : QStringLiteral("passed"));
    }
}

void TestCliSd::issuePresentVerify()
{
    const CliRun issued
        = runCli({"sd", "issue", "--key", data(QStringLiteral("issuer-private-key.jwk")), "--payload",
                  R"({"iss":"https://issuer.example","given_name":"Erika","address":{"street":"Heidestr. 17"}})",
                  "--sd", "given_name", "--sd", "address", "--sd", "address/street", "--decoys", "2", "--holder-key",
                  data(QStringLiteral("holder-private-key.jwk"))});
    QCOMPARE(issued.exitCode, 0);
    const CliRun presented = runCli({"sd", "present", issued.out.trimmed(), "--disclose", "address/street",
                                     "--holder-key", data(QStringLiteral("holder-private-key.jwk")), "--aud",
                                     "https://verifier.example", "--nonce", "n-0S6", "--now", "1700000000"});
    QCOMPARE(presented.exitCode, 0);
    const CliRun verified
        = runCli({"sd", "verify", presented.out.trimmed(), "--key", data(QStringLiteral("issuer-key.jwk")), "--aud",
                  "https://verifier.example", "--nonce", "n-0S6", "--now", "1700000060", "--require-key-binding"});
    QVERIFY2(verified.exitCode == 0, qPrintable(verified.out + verified.err));
    QVERIFY(verified.out.contains(QStringLiteral("valid SD-JWT")));
    QVERIFY(verified.out.contains(QStringLiteral("street in /address")));
    QVERIFY(!verified.out.contains(QStringLiteral("given_name")));

    const CliRun unknown = runCli({"sd", "issue", "--key", data(QStringLiteral("issuer-private-key.jwk")), "--payload",
                                   R"({"a":1})", "--sd", "b"});
    QCOMPARE(unknown.exitCode, 1);
    QCOMPARE(unknown.err.trimmed(), QStringLiteral("jwtwb: --sd: the payload has no claim or element at \"/b\""));

    // As `jwtwb sign` does, the key's kid goes into the header, after alg and --typ.
    QTemporaryDir dir;
    QFile keyFile(dir.filePath(QStringLiteral("issuer.jwk")));
    QFile source(data(QStringLiteral("issuer-private-key.jwk")));
    QVERIFY(source.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::WriteOnly));
    QJsonObject jwk = QJsonDocument::fromJson(source.readAll()).object();
    jwk.insert(QStringLiteral("kid"), QStringLiteral("issuer-2025"));
    keyFile.write(QJsonDocument(jwk).toJson());
    keyFile.close();
    const CliRun named = runCli({"sd", "issue", "--key", keyFile.fileName(), "--payload", R"({"a":1})", "--sd", "a",
                                 "--typ", "example+sd-jwt"});
    QCOMPARE(named.exitCode, 0);
    const QByteArray header = QByteArray::fromBase64(named.out.section(u'.', 0, 0).toLatin1(),
                                                     QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    QCOMPARE(header, QByteArray(R"({"alg":"ES256","typ":"example+sd-jwt","kid":"issuer-2025"})"));

    const CliRun undisclosable = runCli({"sd", "present", rfc(QStringLiteral("issuance.txt")), "--disclose", "iss"});
    QCOMPARE(undisclosable.exitCode, 1);
    QVERIFY2(undisclosable.err.startsWith(QStringLiteral("jwtwb: --disclose: no disclosure discloses \"/iss\"")),
             qPrintable(undisclosable.err));
}

void TestCliSd::presentRfcSelection()
{
    const CliRun run = runCli({"sd", "present", rfc(QStringLiteral("issuance.txt")), "--disclose", "family_name",
                               "--disclose", "address", "--disclose", "given_name", "--disclose", "nationalities/0"});
    QCOMPARE(run.exitCode, 0);
    // §5.2's four disclosures, in issuance order, without a KB-JWT.
    const QString rfcPresentation = rfc(QStringLiteral("presentation.txt"));
    const QStringList parts = rfcPresentation.split(QLatin1Char('~'));
    const QStringList out = run.out.trimmed().split(QLatin1Char('~'));
    QCOMPARE(out.size(), 6);
    QCOMPARE(out.front(), parts.front());
    QVERIFY(out.back().isEmpty());
    for (int i = 1; i < 5; ++i) {
        QVERIFY(parts.contains(out.at(i)));
    }
}

QTEST_GUILESS_MAIN(TestCliSd)
#include "TestCliSd.moc"
