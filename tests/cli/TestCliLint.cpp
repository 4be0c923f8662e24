#include "CliRunner.h"
#include "TestData.h"
#include "encoding/Base64Url.h"
#include "encoding/Json.h"

#include <QTest>

using namespace jwtwb;
using encoding::Json;
using test::runCli;

namespace {

// jwt.io's sample, as the application ships it: HS256 with the 19-byte secret "your-256-bit-secret",
// iat and no exp.
QString sample()
{
    return QString::fromStdString(test::readDataFile(QStringLiteral("../../resources/samples/jwt-io-sample.jwt")))
        .trimmed();
}

const QString kNow = QStringLiteral("2026-11-28T10:00:00Z"); // 1795860000

QString token(const std::string& header, const std::string& payload)
{
    return QString::fromStdString(encoding::base64UrlEncode(header) + "." + encoding::base64UrlEncode(payload) + ".");
}

QStringList codesOf(const Json& report)
{
    QStringList codes;
    for (const auto& finding : report) {
        codes << QString::fromStdString(finding["code"].get<std::string>());
    }
    return codes;
}

} // namespace

// `jwtwb lint` through the real executable: exit codes, text and JSON output, bad input.
class TestCliLint : public QObject
{
    Q_OBJECT

private slots:
    void rfc7515ExampleIsClean();
    void warningsExitZero();
    void errorsExitOne_data();
    void errorsExitOne();
    void textFormat();
    void jsonShape();
    void weakSecretNeedsTheKey();
    void leewayAndLifetimeOptions();
    void badInput_data();
    void badInput();
};

void TestCliLint::rfc7515ExampleIsClean()
{
    const Json vectors = test::loadJson(QStringLiteral("vectors/rfc/rfc7515.json"))["vectors"];
    const QString a1 = QString::fromStdString(vectors[0]["compact"].get<std::string>());
    const auto run = runCli({"lint", a1, "--now", "2011-03-22T18:00:00Z"});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QStringLiteral("no findings\n"));
    const auto json = runCli({"lint", a1, "--now", "2011-03-22T18:00:00Z", "--json"});
    QCOMPARE(json.exitCode, 0);
    QVERIFY(test::parseJsonOrDie(json.out) == Json::array());
}

void TestCliLint::warningsExitZero()
{
    const auto run = runCli({"lint", sample(), "--now", kNow, "--json"});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(codesOf(test::parseJsonOrDie(run.out)), QStringList{QStringLiteral("LINT_MISSING_EXP")});
}

void TestCliLint::errorsExitOne_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("code");
    QTest::newRow("alg none") << token(R"({"alg":"none","typ":"JWT"})", R"({"exp":1795860600})")
                              << QStringLiteral("LINT_ALG_NONE");
    QTest::newRow("expired") << token(R"({"alg":"HS256","typ":"JWT"})", R"({"exp":1795859999})")
                             << QStringLiteral("LINT_EXPIRED");
    QTest::newRow("unknown crit") << token(R"({"alg":"HS256","typ":"JWT","crit":["x"],"x":1})", R"({"exp":1795860600})")
                                  << QStringLiteral("LINT_UNKNOWN_CRIT");
}

void TestCliLint::errorsExitOne()
{
    QFETCH(QString, token);
    QFETCH(QString, code);
    const auto run = runCli({"lint", token, "--now", kNow, "--json"});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(codesOf(test::parseJsonOrDie(run.out)).contains(code));
}

void TestCliLint::textFormat()
{
    // From standard input, as an Authorization header: errors first, each with its explanation indented.
    const QString text = token(R"({"alg":"none"})", R"({"sub":"a"})");
    const auto run = runCli({"lint", "-", "--now", kNow}, ("Authorization: Bearer " + text).toUtf8());
    QCOMPARE(run.exitCode, 1);
    const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
    QVERIFY2(lines.size() >= 9, qPrintable(run.out));
    QVERIFY2(lines[0].startsWith(QLatin1String("error    LINT_ALG_NONE  header.alg  ")), qPrintable(lines[0]));
    QVERIFY(lines[1].startsWith(QLatin1String("    ")));
    QVERIFY(lines[2].startsWith(QLatin1String("    See: RFC 8725")));
    QVERIFY2(lines[3].startsWith(QLatin1String("warning  LINT_MISSING_EXP  payload  ")), qPrintable(lines[3]));
    QVERIFY2(lines[6].startsWith(QLatin1String("info     LINT_TYP_MISSING  header  ")), qPrintable(lines[6]));
    QVERIFY(run.err.isEmpty());
}

void TestCliLint::jsonShape()
{
    const auto run = runCli({"lint", token(R"({"alg":"none"})", R"({"sub":"a"})"), "--now", kNow, "--json"});
    QCOMPARE(run.exitCode, 1);
    const Json report = test::parseJsonOrDie(run.out);
    QVERIFY(report.is_array());
    QCOMPARE(codesOf(report),
             (QStringList{QStringLiteral("LINT_ALG_NONE"), QStringLiteral("LINT_MISSING_EXP"),
                          QStringLiteral("LINT_TYP_MISSING")}));
    for (const auto& finding : report) {
        QCOMPARE(int(finding.size()), 6);
        for (const char* member : {"code", "severity", "location", "title", "explanation", "reference"}) {
            QVERIFY2(finding.contains(member) && finding[member].is_string()
                         && !finding[member].get<std::string>().empty(),
                     member);
        }
    }
    QVERIFY(report[0]["severity"] == "error");
    QVERIFY(report[0]["location"] == "header.alg");
    QVERIFY(report[1]["severity"] == "warning");
    QVERIFY(report[2]["severity"] == "info");
}

void TestCliLint::weakSecretNeedsTheKey()
{
    const auto withKey = runCli({"lint", sample(), "--now", kNow, "--secret", "your-256-bit-secret", "--json"});
    QCOMPARE(withKey.exitCode, 1);
    const Json report = test::parseJsonOrDie(withKey.out);
    QCOMPARE(codesOf(report),
             (QStringList{QStringLiteral("LINT_WEAK_HMAC_SECRET"), QStringLiteral("LINT_MISSING_EXP")}));
    QVERIFY(report[0]["explanation"].get<std::string>().find("19 bytes") != std::string::npos);
    QVERIFY(report[0]["location"] == "key");
    // The secret never appears in the output.
    QVERIFY(!withKey.out.contains(QLatin1String("your-256-bit-secret")));
    const auto strong = runCli({"lint", sample(), "--now", kNow, "--secret", "0123456789abcdef0123456789abcdef"});
    QCOMPARE(strong.exitCode, 0);
}

void TestCliLint::leewayAndLifetimeOptions()
{
    const QString expired = token(R"({"alg":"HS256","typ":"JWT"})", R"({"exp":1795859980})"); // 20 s before now
    QCOMPARE(runCli({"lint", expired, "--now", kNow}).exitCode, 1);
    QCOMPARE(runCli({"lint", expired, "--now", kNow, "--leeway", "30s"}).exitCode, 0);

    const QString week = token(R"({"alg":"HS256","typ":"JWT"})", R"({"iat":1795860000,"exp":1796464800})");
    const auto longRun = runCli({"lint", week, "--now", kNow, "--json"});
    QCOMPARE(codesOf(test::parseJsonOrDie(longRun.out)), QStringList{QStringLiteral("LINT_LONG_LIFETIME")});
    const auto allowed = runCli({"lint", week, "--now", kNow, "--max-lifetime", "8d", "--json"});
    QVERIFY(test::parseJsonOrDie(allowed.out) == Json::array());
}

void TestCliLint::badInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("message");

    QTest::newRow("not a token") << QStringList{"lint", "hello world"} << QByteArray() << QStringLiteral("jwtwb: ");
    QTest::newRow("two parts") << QStringList{"lint", "eyJhbGciOiJub25lIn0.e30"} << QByteArray()
                               << QStringLiteral("2 parts");
    QTest::newRow("header not JSON") << QStringList{"lint", "bm90IGpzb24.e30."} << QByteArray()
                                     << QStringLiteral("not valid JSON");
    QTest::newRow("empty stdin") << QStringList{"lint", "-"} << QByteArray() << QStringLiteral("jwtwb: ");
    QTest::newRow("bad now") << QStringList{"lint", sample(), "--now", "yesterday-ish"} << QByteArray()
                             << QStringLiteral("--now");
    QTest::newRow("bad leeway") << QStringList{"lint", sample(), "--leeway", "soon"} << QByteArray()
                                << QStringLiteral("--leeway");
    QTest::newRow("missing key file") << QStringList{"lint", sample(), "--key", "/nonexistent/key.pem"} << QByteArray()
                                      << QStringLiteral("jwtwb: ");
    QTest::newRow("unknown option") << QStringList{"lint", sample(), "--frobnicate"} << QByteArray()
                                    << QStringLiteral("frobnicate");
}

void TestCliLint::badInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, input);
    QFETCH(QString, message);
    const auto run = runCli(arguments, input);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestCliLint)
#include "TestCliLint.moc"
