#include "CliRunner.h"
#include "TestData.h"
#include "encoding/Json.h"
#include "keys/KeyExport.h"
#include "keys/KeyGenerator.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace jwtwb;
using encoding::Json;
using test::runCli;

// `jwtwb dpop create|verify`, `jwtwb diff` and `jwtwb redact`: what they print and every exit code.
class TestCliShare : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void dpopRoundTrip();
    void dpopVerifyExitCodes_data();
    void dpopVerifyExitCodes();
    void dpopRfcProof();
    void dpopCreateRefusals();
    void diffExitCodes();
    void diffJson();
    void redact();

private:
    QString signToken(const QStringList& claims, const QString& exp) const;

    QTemporaryDir m_dir;
    QString m_keyFile;
    QString m_proof;
};

namespace {

constexpr auto kNow = "1800000000";
const QString kHtu = QStringLiteral("https://api.example.com/token");

} // namespace

void TestCliShare::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_keyFile = m_dir.filePath(QStringLiteral("ec.jwk"));
    const auto key = keys::generateKey({keys::KeyType::Ec, 0, keys::Curve::P256});
    QFile file(m_keyFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray::fromStdString(keys::exportJwk(*key, true)->dump()));
    file.close();
    const auto created = runCli({"dpop", "create", "--key", m_keyFile, "--htm", "POST", "--htu", kHtu, "--now", kNow,
                                 "--access-token", "opaque-at"});
    QCOMPARE(created.exitCode, 0);
    m_proof = created.out.trimmed();
    QCOMPARE(m_proof.count(u'.'), 2);
}

QString TestCliShare::signToken(const QStringList& claims, const QString& exp) const
{
    QStringList arguments{"sign", "--alg", "ES256", "--key", m_keyFile, "--now", kNow, "--iat", "--exp", exp};
    for (const auto& claim : claims) {
        arguments << "--claim" << claim;
    }
    const auto run = runCli(arguments);
    if (run.exitCode != 0) {
        qFatal("sign failed: %s", qPrintable(run.err));
    }
    return run.out.trimmed();
}

void TestCliShare::dpopRoundTrip()
{
    const auto run = runCli({"dpop", "verify", m_proof, "--htm", "POST", "--htu", kHtu + "?q=1", "--now", "1800000030",
                             "--access-token", "opaque-at", "--json"});
    QCOMPARE(run.exitCode, 0);
    const Json report = Json::parse(run.out.toStdString());
    QVERIFY(report["valid"].get<bool>());
    QCOMPARE(report["checks"].size(), std::size_t(10));
    QVERIFY(report["checks"][8]["check"] == "ath" && report["checks"][8]["outcome"] == "passed");
    // A "DPoP:" header line is taken as it is pasted from a request.
    QCOMPARE(runCli({"dpop", "verify", "DPoP: " + m_proof, "--htm", "POST", "--htu", kHtu, "--now", kNow,
                     "--access-token", "opaque-at"})
                 .exitCode,
             0);
}

void TestCliShare::dpopVerifyExitCodes_data()
{
    QTest::addColumn<QStringList>("changes");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("says");
    QTest::newRow("other method") << QStringList{"--htm", "GET"} << 1 << "htm is \"POST\", but the request's method";
    QTest::newRow("other url") << QStringList{"--htu", "https://api.example.com/other"} << 1
                               << "is not the request's URL";
    QTest::newRow("too late") << QStringList{"--now", "1800000400"} << 1 << "outside the window";
    QTest::newRow("wider window") << QStringList{"--now", "1800000400", "--iat-window", "10m"} << 0 << "within";
    QTest::newRow("other access token") << QStringList{"--access-token", "stolen"} << 1 << "not the SHA-256";
    QTest::newRow("nonce expected") << QStringList{"--nonce", "n1"} << 1 << "the proof has none";
    QTest::newRow("bad window") << QStringList{"--iat-window", "soon"} << 2 << "--iat-window";
}

void TestCliShare::dpopVerifyExitCodes()
{
    QFETCH(QStringList, changes);
    QFETCH(int, exitCode);
    QFETCH(QString, says);
    QStringList arguments{"dpop", "verify", m_proof, "--htm",          "POST",     "--htu",
                          kHtu,   "--now",  kNow,    "--access-token", "opaque-at"};
    for (int i = 0; i + 1 < changes.size(); i += 2) {
        const auto at = arguments.indexOf(changes[i]);
        if (at >= 0) {
            arguments[at + 1] = changes[i + 1];
        } else {
            arguments << changes[i] << changes[i + 1];
        }
    }
    const auto run = runCli(arguments);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2((run.out + run.err).contains(says), qPrintable(run.out + run.err));
}

void TestCliShare::dpopRfcProof()
{
    const Json all = test::loadJson(QStringLiteral("vectors/rfc/rfc9449.json"));
    const Json& v = all["vectors"][1];
    const auto run = runCli({"dpop", "verify", QString::fromStdString(v["proof"].get<std::string>()), "--htm", "GET",
                             "--htu", QString::fromStdString(v["htu"].get<std::string>()), "--now", "1562262620",
                             "--access-token", QString::fromStdString(v["access_token"].get<std::string>())});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains(QString::fromStdString(v["jkt"].get<std::string>())));
    // Not a JWS at all: bad input.
    QCOMPARE(runCli({"dpop", "verify", "not.a-proof", "--htm", "GET", "--htu", kHtu}).exitCode, 2);
}

void TestCliShare::dpopCreateRefusals()
{
    const QString secret = m_dir.filePath(QStringLiteral("secret.txt"));
    QFile file(secret);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(40, 'k'));
    file.close();
    const auto run = runCli({"dpop", "create", "--secret-file", secret, "--htm", "POST", "--htu", kHtu});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("private RSA, EC or OKP key")), qPrintable(run.err));
    QCOMPARE(runCli({"dpop", "create", "--htm", "POST", "--htu", kHtu}).exitCode, 2); // no key
    QCOMPARE(runCli({"dpop", "create", "--key", m_keyFile, "--htu", kHtu}).exitCode, 2); // no --htm
}

void TestCliShare::diffExitCodes()
{
    const QString first = signToken({"sub=alice", "scope=read"}, "+1h");
    const QString same = signToken({"sub=alice", "scope=read"}, "+1h");
    const QString other = signToken({"sub=alice", "scope=write", "aud=api"}, "+2h");
    QCOMPARE(runCli({"diff", first, same}).exitCode, 0); // same header and claims, another signature
    const auto run = runCli({"diff", first, other});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.contains(QStringLiteral("payload.exp: 1800003600 → 1800007200 (1 h later)")), qPrintable(run.out));
    QVERIFY(run.out.contains(QStringLiteral("added    payload.aud")));
    QCOMPARE(runCli({"diff", first, "not-a-token"}).exitCode, 2);
    QCOMPARE(runCli({"diff", "-", "-"}).exitCode, 2);
    QCOMPARE(runCli({"diff", "-", first}, first.toUtf8()).exitCode, 0);
}

void TestCliShare::diffJson()
{
    const auto run = runCli({"diff", signToken({"sub=a"}, "+1h"), signToken({"sub=b"}, "+1h"), "--json"});
    QCOMPARE(run.exitCode, 1);
    const Json out = Json::parse(run.out.toStdString());
    QVERIFY(!out["same"].get<bool>());
    const auto changed = std::ranges::find_if(out["members"], [](const Json& m) { return m["name"] == "sub"; });
    QVERIFY(changed != out["members"].end());
    QVERIFY((*changed)["change"] == "changed" && (*changed)["before"] == "a" && (*changed)["after"] == "b");
}

void TestCliShare::redact()
{
    const QString token = signToken({"sub=user-771", "email=sam@shire.example", "scope=read"}, "+1h");
    const auto run = runCli({"redact", token});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(!run.out.contains(QStringLiteral("user-771")));
    QVERIFY(!run.out.contains(QStringLiteral("sam@shire.example")));
    QVERIFY(!run.out.contains(token.section(u'.', 2)));
    QVERIFY(run.out.contains(QStringLiteral("\"scope\": \"read\"")));
    const auto kept = runCli({"redact", token, "--keep", "sub", "--mask", "scope"});
    QVERIFY(kept.out.contains(QStringLiteral("user-771")));
    QVERIFY(!kept.out.contains(QStringLiteral("\"read\"")));
    // What it prints is no token: verify, with the very key that signed it, does not accept it.
    const auto verified = runCli({"verify", "-", "--key", m_keyFile}, run.out.toUtf8());
    QVERIFY(verified.exitCode == 1 || verified.exitCode == 2);
    QVERIFY(!verified.out.contains(QStringLiteral("valid signature")));
    QCOMPARE(runCli({"redact", "garbage"}).exitCode, 2);
}

QTEST_GUILESS_MAIN(TestCliShare)
#include "TestCliShare.moc"
