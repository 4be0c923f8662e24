#include "CliRunner.h"
#include "TestData.h"
#include "encoding/Json.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace jwtwb;
using jwtwb::test::runCli;

namespace {

const QString kNow = QStringLiteral("2026-11-29T00:00:00Z");
const QString kSecret = QStringLiteral("fixture-cli-test-secret-32-bytes");
const QString kClaims = QStringLiteral(R"({"sub":"alice","scope":"orders:read"})");
const QByteArray kSample
    = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0Ij"
      "oxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

encoding::Json parse(const QString& text)
{
    auto parsed = encoding::parseJson(text.toStdString());
    return parsed ? parsed->value : encoding::Json();
}

QStringList hmacArguments(const QString& out)
{
    return {QStringLiteral("fixtures"),
            QStringLiteral("--secret"),
            kSecret,
            QStringLiteral("--claims"),
            kClaims,
            QStringLiteral("--now"),
            kNow,
            QStringLiteral("--iss"),
            QStringLiteral("https://login.example"),
            QStringLiteral("--aud"),
            QStringLiteral("orders"),
            QStringLiteral("--out"),
            out};
}

// `jwtwb verify` configured as the manifest's verifierOptions say.
QStringList verifyArguments(const encoding::Json& options, const QString& tokenFile, const QStringList& key)
{
    QStringList arguments{QStringLiteral("verify"), QString::fromUtf8(readFile(tokenFile))};
    arguments << key;
    arguments << QStringLiteral("--alg") << QString::fromStdString(options["algorithms"][0].get<std::string>());
    arguments << QStringLiteral("--iss") << QString::fromStdString(options["issuer"].get<std::string>());
    arguments << QStringLiteral("--aud") << QString::fromStdString(options["audience"].get<std::string>());
    arguments << QStringLiteral("--leeway") << QString::number(options["leeway"].get<qint64>());
    arguments << QStringLiteral("--now") << QString::number(options["now"].get<qint64>());
    arguments << QStringLiteral("--max-age") << QString::number(options["maxTokenAge"].get<qint64>());
    for (const auto& claim : options["requiredClaims"]) {
        arguments << QStringLiteral("--require") << QString::fromStdString(claim.get<std::string>());
    }
    return arguments;
}

} // namespace

class TestCliFixtures : public QObject
{
    Q_OBJECT

private slots:
    void writesTokensAndManifest_data();
    void writesTokensAndManifest();
    void jsonReport();
    void fromTokenOnStdin();
    void refusesNonEmptyFolder();
    void badUsage_data();
    void badUsage();
};

void TestCliFixtures::writesTokensAndManifest_data()
{
    QTest::addColumn<QStringList>("signKey");
    QTest::addColumn<QStringList>("verifyKey");
    QTest::addColumn<int>("expectedCount");
    QTest::newRow("HS256") << QStringList{QStringLiteral("--secret"), kSecret}
                           << QStringList{QStringLiteral("--secret"), kSecret} << 32;
    QTest::newRow("ES256") << QStringList{QStringLiteral("--key"),
                                          test::dataPath(QStringLiteral("keys/ec-p256-sec1.pem"))}
                           << QStringList{QStringLiteral("--key"),
                                          test::dataPath(QStringLiteral("keys/ec-p256-spki.pem"))}
                           << 33;
}

void TestCliFixtures::writesTokensAndManifest()
{
    QFETCH(QStringList, signKey);
    QFETCH(QStringList, verifyKey);
    QFETCH(int, expectedCount);
    QTemporaryDir temporary;
    QVERIFY(temporary.isValid());
    const QString out = temporary.filePath(QStringLiteral("fixtures"));
    QStringList arguments = hmacArguments(out);
    arguments.replace(1, signKey[0]);
    arguments.replace(2, signKey[1]);
    const auto run = runCli(arguments);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(run.out.contains(QStringLiteral("01-valid.jwt")));

    const encoding::Json manifest = parse(QString::fromUtf8(readFile(out + QStringLiteral("/manifest.json"))));
    QVERIFY(manifest.is_array());
    QCOMPARE(static_cast<int>(manifest.size()), expectedCount);
    // One file per token and the manifest, nothing else (no temporary files left behind).
    QCOMPARE(QDir(out).entryList(QDir::Files | QDir::Hidden).size(), expectedCount + 1);

    int accepted = 0;
    for (const auto& entry : manifest) {
        const QString file = out + QLatin1Char('/') + QString::fromStdString(entry["file"].get<std::string>());
        const QByteArray token = readFile(file);
        QVERIFY2(token.count('.') == 2 && !token.endsWith('\n'), qPrintable(file));
        // Valid tokens signed with the real key are credentials: only the owner may read them.
        QCOMPARE(QFileInfo(file).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
        const std::string expect = entry["expect"].get<std::string>();
        QVERIFY(expect == "accept" || expect == "reject");
        QVERIFY(!entry["reason"].get<std::string>().empty());

        // Our own `jwtwb verify`, configured as stated, agrees with every expectation.
        // weak-key's entry names its own key, for a verifier to refuse.
        QStringList key = verifyKey;
        if (entry.contains("verifyWith")) {
            const QString keyFile = temporary.filePath(QStringLiteral("weak.jwk"));
            QFile jwk(keyFile);
            QVERIFY(jwk.open(QIODevice::WriteOnly));
            jwk.write(QByteArray::fromStdString(entry["verifyWith"].dump()));
            jwk.close();
            key = QStringList{QStringLiteral("--key"), keyFile};
        }
        const auto verified = runCli(verifyArguments(entry["verifierOptions"], file, key));
        QVERIFY2(verified.exitCode >= 0 && (verified.exitCode == 0) == (expect == "accept"),
                 qPrintable(QString::fromStdString(entry["name"].get<std::string>()) + QStringLiteral(": ")
                            + verified.out + verified.err));
        accepted += expect == "accept";
    }
    QCOMPARE(accepted, 6);
}

void TestCliFixtures::jsonReport()
{
    QTemporaryDir temporary;
    QStringList arguments = hmacArguments(temporary.path());
    arguments << QStringLiteral("--json");
    const auto run = runCli(arguments);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const auto report = parse(run.out);
    QVERIFY(report.is_object());
    QCOMPARE(report["fixtures"].size(), std::size_t(32));
    QVERIFY(report["fixtures"]
            == parse(QString::fromUtf8(readFile(temporary.filePath(QStringLiteral("manifest.json"))))));
    QCOMPARE(report["skipped"].size(), std::size_t(2));
    QCOMPARE(report["skipped"][0]["name"].get<std::string>(), std::string("public-key-as-hmac-secret"));
    const auto& options = report["fixtures"][0]["verifierOptions"];
    QCOMPARE(options["issuer"].get<std::string>(), std::string("https://login.example"));
    QCOMPARE(options["audience"].get<std::string>(), std::string("orders"));
    QCOMPARE(options["leeway"].get<int>(), 30);
    QCOMPARE(options["nowUtc"].get<std::string>(), kNow.toStdString());
}

void TestCliFixtures::fromTokenOnStdin()
{
    QTemporaryDir temporary;
    const auto run = runCli({QStringLiteral("fixtures"), QStringLiteral("--secret"), kSecret, QStringLiteral("--token"),
                             QStringLiteral("-"), QStringLiteral("--now"), kNow, QStringLiteral("--leeway"),
                             QStringLiteral("1m"), QStringLiteral("--out"), temporary.path(), QStringLiteral("--json")},
                            "Authorization: Bearer " + kSample + "\n");
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const auto report = parse(run.out);
    QCOMPARE(report["fixtures"][0]["verifierOptions"]["leeway"].get<int>(), 60);
    QCOMPARE(report["fixtures"][0]["verifierOptions"]["algorithms"][0].get<std::string>(), std::string("HS256"));
}

void TestCliFixtures::refusesNonEmptyFolder()
{
    QTemporaryDir temporary;
    const QString out = temporary.path();
    QVERIFY(runCli(hmacArguments(out)).exitCode == 0);
    const QByteArray before = readFile(out + QStringLiteral("/01-valid.jwt"));

    const auto again = runCli(hmacArguments(out));
    QCOMPARE(again.exitCode, 2);
    QVERIFY2(again.err.contains(QStringLiteral("not empty")) && again.err.contains(QStringLiteral("--force")),
             qPrintable(again.err));
    QCOMPARE(readFile(out + QStringLiteral("/01-valid.jwt")), before); // untouched

    // --force replaces the fixtures, removes stale ones of an earlier run, leaves other files alone.
    QFile stale(out + QStringLiteral("/30-ecdsa-psychic-signature.jwt"));
    QVERIFY(stale.open(QIODevice::WriteOnly));
    stale.close();
    QFile mine(out + QStringLiteral("/notes.txt"));
    QVERIFY(mine.open(QIODevice::WriteOnly));
    mine.write("keep me");
    mine.close();
    const auto forced = runCli(hmacArguments(out) << QStringLiteral("--force"));
    QVERIFY2(forced.exitCode == 0, qPrintable(forced.err));
    QVERIFY(!QFile::exists(stale.fileName()));
    QCOMPARE(readFile(mine.fileName()), QByteArray("keep me"));
    QVERIFY(readFile(out + QStringLiteral("/01-valid.jwt")).count('.') == 2);

    // A file where the folder should be.
    const auto notFolder = runCli(hmacArguments(mine.fileName()));
    QCOMPARE(notFolder.exitCode, 2);
    QVERIFY(notFolder.err.contains(QStringLiteral("not a folder")));
}

void TestCliFixtures::badUsage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString out = QStringLiteral("/nonexistent-jwtwb-test/out");
    const QString secret = QStringLiteral("--secret=") + kSecret;
    const QString claims = QStringLiteral("--claims=") + kClaims;
    const QString now = QStringLiteral("--now=") + kNow;
    const QString outArgument = QStringLiteral("--out=") + out;
    QTest::newRow("no out") << QStringList{secret, claims} << QStringLiteral("--out");
    QTest::newRow("no claims") << QStringList{secret, outArgument} << QStringLiteral("--token or --claims");
    QTest::newRow("both") << QStringList{secret, claims, QStringLiteral("--token=") + QString::fromLatin1(kSample),
                                         outArgument}
                          << QStringLiteral("--token or --claims");
    QTest::newRow("no key") << QStringList{claims, outArgument} << QStringLiteral("no key");
    QTest::newRow("public key") << QStringList{
        QStringLiteral("--key=") + test::dataPath(QStringLiteral("keys/ec-p256-spki.pem")), claims,
        outArgument} << QStringLiteral("private");
    QTest::newRow("bad leeway") << QStringList{secret, claims, QStringLiteral("--leeway=soon"), outArgument}
                                << QStringLiteral("--leeway");
    QTest::newRow("bad alg") << QStringList{secret, claims, QStringLiteral("--alg=HS999"), outArgument}
                             << QStringLiteral("HS999");
    QTest::newRow("alg for another key") << QStringList{secret, claims, QStringLiteral("--alg=ES256"), outArgument}
                                         << QStringLiteral("ES256");
    QTest::newRow("claims array") << QStringList{secret, QStringLiteral("--claims=[1]"), outArgument}
                                  << QStringLiteral("claims");
    QTest::newRow("claims not JSON") << QStringList{secret, QStringLiteral("--claims={sub"), outArgument}
                                     << QStringLiteral("claims");
    QTest::newRow("claims file missing") << QStringList{
        secret, QStringLiteral("--claims=/nonexistent-jwtwb-test/claims.json"),
        outArgument} << QStringLiteral("cannot open");
    QTest::newRow("bad now") << QStringList{secret, claims, QStringLiteral("--now=someday"), outArgument}
                             << QStringLiteral("--now");
    QTest::newRow("cannot create") << QStringList{secret, claims, now, QStringLiteral("--out=/proc/jwtwb-test")}
                                   << QStringLiteral("cannot create");
}

void TestCliFixtures::badUsage()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    arguments.prepend(QStringLiteral("fixtures"));
    const auto run = runCli(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QCOMPARE(run.err.count(QLatin1Char('\n')), 1); // one line
    QVERIFY(!QFile::exists(QStringLiteral("/nonexistent-jwtwb-test")));
}

QTEST_GUILESS_MAIN(TestCliFixtures)
#include "TestCliFixtures.moc"
