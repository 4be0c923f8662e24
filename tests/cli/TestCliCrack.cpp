#include "CliRunner.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using jwtwb::test::runCli;

namespace {

const QString kSampleToken = QStringLiteral(
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ."
    "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c");

} // namespace

class TestCliCrack : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir{QDir().mkpath(QStringLiteral(JWTWB_TEST_OUTPUT_DIR))
                            ? QStringLiteral(JWTWB_TEST_OUTPUT_DIR "/cli-crack-XXXXXX")
                            : QString()};

    QString writeFile(const QString& name, const QByteArray& content)
    {
        QFile file(m_dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size()) {
            qFatal("cannot write %s", qPrintable(file.fileName()));
        }
        return file.fileName();
    }

    // A token signed by our own `jwtwb sign` with this secret.
    QString tokenWith(const QString& secret, const QString& alg = QStringLiteral("HS256"))
    {
        const auto signedToken
            = runCli({"sign", "--alg", alg, "--secret-file", writeFile("secret.txt", secret.toUtf8()), "--claim",
                      "sub=alice", "--allow-weak-keys"}); // the secrets a search finds are weak by nature
        if (signedToken.exitCode != 0) {
            qFatal("jwtwb sign failed: %s", qPrintable(signedToken.err));
        }
        return signedToken.out.trimmed();
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void sampleTokenFromBundledList()
    {
        const auto run = runCli({"crack", kSampleToken});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QStringLiteral("your-256-bit-secret\n"));
        QVERIFY2(run.err.contains(QLatin1String("bundled list")), qPrintable(run.err));
    }

    void json()
    {
        const auto run = runCli({"crack", "-", "--json", "--jobs", "1"}, kSampleToken.toUtf8());
        QCOMPARE(run.exitCode, 0);
        const QJsonObject out = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(out.value("found").toBool(), true);
        QCOMPARE(out.value("secret").toString(), QStringLiteral("your-256-bit-secret"));
        QCOMPARE(out.value("secret_hex").toString(), QStringLiteral("796f75722d3235362d6269742d736563726574"));
        QCOMPARE(out.value("source").toString(), QStringLiteral("bundled list"));
        QVERIFY(out.value("tried").toDouble() >= 31);
        QVERIFY(run.err.isEmpty());
    }

    void wordlistWithRules()
    {
        const QString list = writeFile("words.txt", "letmein\nmonkey\n");
        const QString token = tokenWith(QStringLiteral("Monkey2025"), QStringLiteral("HS384"));
        QCOMPARE(runCli({"crack", token, "--wordlist", list}).exitCode, 1);
        const auto run = runCli({"crack", token, "--wordlist", list, "--rules"});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QStringLiteral("Monkey2025\n"));
    }

    void mask()
    {
        const QString token = tokenWith(QStringLiteral("pin4321"), QStringLiteral("HS512"));
        const auto run = runCli({"crack", token, "--mask", "pin?d?d?d?d", "--json"});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(run.out.toUtf8()).object().value("secret").toString(),
                 QStringLiteral("pin4321"));

        const auto brute
            = runCli({"crack", tokenWith(QStringLiteral("k9")), "--mask", "?l?d", "--min-len", "1", "--max-len", "2"});
        QCOMPARE(brute.exitCode, 0);
        QCOMPARE(brute.out, QStringLiteral("k9\n"));
    }

    void notFound()
    {
        const auto run = runCli({"crack", kSampleToken, "--mask", "?d?d?d", "--json"});
        QCOMPARE(run.exitCode, 1);
        const QJsonObject out = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(out.value("found").toBool(), false);
        QCOMPARE(out.value("tried").toInt(), 1000);
        QVERIFY(!out.contains("secret"));
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("RS256 token") << QStringList{"crack", "eyJhbGciOiJSUzI1NiJ9.e30.c2ln"} << "only HS256";
        QTest::newRow("not a token") << QStringList{"crack", "hello"} << "";
        QTest::newRow("missing wordlist")
            << QStringList{"crack", kSampleToken, "--wordlist", "/nonexistent/list.txt"} << "/nonexistent/list.txt";
        QTest::newRow("bad mask") << QStringList{"crack", kSampleToken, "--mask", "?q"} << "unknown mask class";
        QTest::newRow("length without mask") << QStringList{"crack", kSampleToken, "--max-len", "4"} << "need --mask";
        QTest::newRow("bad range") << QStringList{"crack",     kSampleToken, "--mask",    "?d",
                                                  "--min-len", "5",          "--max-len", "2"}
                                   << "length range";
    }

    void badInput()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const auto run = runCli(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QCOMPARE(run.err.count(QLatin1Char('\n')), 1);
    }
};

QTEST_GUILESS_MAIN(TestCliCrack)
#include "TestCliCrack.moc"
