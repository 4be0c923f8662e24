#include "CliRunner.h"
#include "TestData.h"
#include "encoding/Json.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace jwtwb;
using encoding::Json;
using test::runCli;

namespace {

constexpr qint64 kNow = 1795860000; // 2026-11-28T10:00:00Z
const QString kEcKey = QStringLiteral(JWTWB_TEST_DATA_DIR "/keys/ec-p256-sec1.pem");
const QString kRsaKey = QStringLiteral(JWTWB_TEST_DATA_DIR "/keys/rsa-2048-pkcs8.pem");

} // namespace

// jwtwb rotate: the tokens a new key set breaks, through the real executable.
class TestCliRotate : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void retiringAKeyBreaksItsLiveTokens();
    void jsonReport();
    void batchAndErrors();

private:
    QString write(const QString& name, const QByteArray& content);
    Json publicJwk(const QString& pem, const char* kid);
    QString sign(const QString& pem, const char* kid, const char* alg, const QString& claims);

    QTemporaryDir m_dir;
    QString m_oldSet; // EC "2026-11" and RSA "2026-12"
    QString m_newSet; // RSA "2026-12" only: the EC key retired
};

QString TestCliRotate::write(const QString& name, const QByteArray& content)
{
    QFile file(m_dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size()) {
        qFatal("cannot write %s", qPrintable(name));
    }
    return file.fileName();
}

Json TestCliRotate::publicJwk(const QString& pem, const char* kid)
{
    const auto run = runCli({"key", "convert", pem, "--to", "jwk"});
    if (run.exitCode != 0) {
        qFatal("key convert failed: %s", qPrintable(run.err));
    }
    Json jwk = test::parseJsonOrDie(run.out);
    jwk["kid"] = kid;
    return jwk;
}

QString TestCliRotate::sign(const QString& pem, const char* kid, const char* alg, const QString& claims)
{
    const auto run = runCli({"sign", "--alg", alg, "--key", pem, "--header", QStringLiteral(R"({"kid":"%1"})").arg(kid),
                             "--payload", claims});
    if (run.exitCode != 0) {
        qFatal("sign failed: %s", qPrintable(run.err));
    }
    return run.out.trimmed();
}

void TestCliRotate::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const Json ec = publicJwk(kEcKey, "2026-11");
    const Json rsa = publicJwk(kRsaKey, "2026-12");
    m_oldSet = write("old.json", QByteArray::fromStdString(Json{{"keys", {ec, rsa}}}.dump()));
    m_newSet = write("new.json", QByteArray::fromStdString(Json{{"keys", {rsa}}}.dump()));
}

void TestCliRotate::retiringAKeyBreaksItsLiveTokens()
{
    const QString live = sign(kEcKey, "2026-11", "ES256", QStringLiteral(R"({"exp":%1})").arg(kNow + 900));
    const QString expired = sign(kEcKey, "2026-11", "ES256", QStringLiteral(R"({"exp":%1})").arg(kNow - 60));
    const QString other = sign(kRsaKey, "2026-12", "RS256", QStringLiteral(R"({"exp":%1})").arg(kNow + 3600));

    const auto run = runCli(
        {"rotate", "--jwks", m_oldSet, "--jwks-new", m_newSet, "--now", QString::number(kNow), live, expired, other});
    QCOMPARE(run.exitCode, 1);
    const QStringList lines = run.out.split('\n', Qt::SkipEmptyParts);
    QVERIFY2(lines.size() == 7, qPrintable(run.out));
    QVERIFY2(lines[1].contains(QRegularExpression(R"(^1 +breaks +kid "2026-11" +— +expires in 15 min$)")),
             qPrintable(lines[1]));
    QVERIFY2(lines[2].contains(R"(new set: no key in the set fits this token)"), qPrintable(lines[2]));
    QVERIFY2(
        lines[3].contains(QRegularExpression(R"(^2 +breaks, expired anyway +kid "2026-11" +— +expired 1 min ago$)")),
        qPrintable(lines[3]));
    QVERIFY2(lines[5].contains(QRegularExpression(R"(^3 +unaffected +kid "2026-12" +kid "2026-12" +expires in 1 h$)")),
             qPrintable(lines[5]));
    QCOMPARE(lines[6],
             QStringLiteral("1 token fails now; it would expire within 15 min; 1 more would fail but has "
                            "expired anyway"));

    // Only expired tokens break: nothing a user holds stops working, exit 0.
    const auto safe = runCli(
        {"rotate", "--jwks", m_oldSet, "--jwks-new", m_newSet, "--now", QString::number(kNow), expired, other});
    QCOMPARE(safe.exitCode, 0);
    // The same tokens an hour later: the live one has expired too.
    QCOMPARE(runCli({"rotate", "--jwks", m_oldSet, "--jwks-new", m_newSet, "--now", QString::number(kNow + 3600), live})
                 .exitCode,
             0);
}

void TestCliRotate::jsonReport()
{
    const QString live = sign(kEcKey, "2026-11", "ES256", QStringLiteral(R"({"sub":"forever"})"));
    const auto run = runCli(
        {"rotate", "--jwks", m_oldSet, "--jwks-new", m_newSet, "--now", QString::number(kNow), "--json", live});
    QCOMPARE(run.exitCode, 1);
    const Json report = test::parseJsonOrDie(run.out);
    QVERIFY(report["breaksLiveTokens"] == true);
    QVERIFY(report["summary"] == "1 token fails now; it never expires (no exp)");
    const Json& token = report["tokens"][0];
    QVERIFY(token["fate"] == "breaks");
    QVERIFY(token["old"]["verifies"] == true);
    QVERIFY(token["old"]["kid"] == "2026-11");
    QVERIFY(token["old"]["key"] == 0);
    QVERIFY(token["new"]["verifies"] == false);
    QVERIFY(token["new"]["reason"].get<std::string>().find("no key in the set fits") != std::string::npos);
    QVERIFY(token["exp"].is_null());
}

void TestCliRotate::batchAndErrors()
{
    const QString live = sign(kRsaKey, "2026-12", "RS256", QStringLiteral(R"({"exp":%1})").arg(kNow + 60));
    const auto batch = runCli({"rotate", "--jwks", m_oldSet, "--jwks-new", m_newSet, "--now", QString::number(kNow),
                               "--batch", "-", "--json"},
                              ("\n" + live + "\r\nnot-a-token\n").toUtf8());
    QCOMPARE(batch.exitCode, 0); // the broken line never verified: nothing breaks
    const Json report = test::parseJsonOrDie(batch.out);
    QCOMPARE(report["tokens"].size(), std::size_t(2));
    QVERIFY(report["tokens"][0]["fate"] == "unaffected");
    QVERIFY(report["tokens"][1]["fate"] == "never verifies");
    QVERIFY(report["tokens"][1].contains("error"));

    const auto noTokens = runCli({"rotate", "--jwks", m_oldSet, "--jwks-new", m_newSet});
    QCOMPARE(noTokens.exitCode, 2);
    QVERIFY2(noTokens.err.contains("no token"), qPrintable(noTokens.err));
    const auto missingSet = runCli({"rotate", "--jwks", m_oldSet, "--jwks-new", m_dir.filePath("none.json"), live});
    QCOMPARE(missingSet.exitCode, 2);
    QVERIFY2(missingSet.err.contains("none.json"), qPrintable(missingSet.err));
    const auto noNewSet = runCli({"rotate", "--jwks", m_oldSet, live});
    QCOMPARE(noNewSet.exitCode, 2);
    QVERIFY2(noNewSet.err.contains("--jwks-new"), qPrintable(noNewSet.err));
}

QTEST_GUILESS_MAIN(TestCliRotate)
#include "TestCliRotate.moc"
