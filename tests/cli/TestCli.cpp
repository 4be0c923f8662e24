#include "CliRunner.h"
#include "TestData.h"
#include "encoding/Json.h"

#include <QTest>

using namespace jwtwb;
using encoding::Json;

namespace {

const QString kSample = QStringLiteral(
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ."
    "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c");

using Run = test::CliRun;
using test::runCli;

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void decodesSampleToken();
    void decodeJsonOutput();
    void readsStandardInput();
    void rfc7515Examples();
    void malformedInput_data();
    void malformedInput();
    void warnsAboutNonCanonicalEncoding();
    void strictRefusesNonCanonicalEncoding();
    void jweShowsHeader();
    void versionAndHelp();
    void usageErrors();
};

void TestCli::decodesSampleToken()
{
    const Run run = runCli({"decode", kSample});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.err, QString());
    const QString expected = QStringLiteral(
        "Header:\n{\n  \"alg\": \"HS256\",\n  \"typ\": \"JWT\"\n}\n\n"
        "Payload:\n{\n  \"sub\": \"1234567890\",\n  \"name\": \"John Doe\",\n  \"iat\": 1516239022\n}\n\n"
        "Signature (32 bytes):\nSflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c\n");
    QCOMPARE(run.out, expected);
}

void TestCli::decodeJsonOutput()
{
    const Run run = runCli({"decode", "--json", "Authorization: Bearer " + kSample});
    QCOMPARE(run.exitCode, 0);
    const auto parsed = encoding::parseJson(run.out.toStdString());
    QVERIFY(parsed.has_value());
    const Json& out = parsed->value;
    QCOMPARE(out["kind"].get<std::string>(), std::string("JWS"));
    QCOMPARE(out["source"].get<std::string>(), std::string("Authorization header"));
    QCOMPARE(encoding::toCompactJson(out["payload"]),
             std::string(R"({"sub":"1234567890","name":"John Doe","iat":1516239022})"));
    QCOMPARE(out["signature"].get<std::string>(), std::string("SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"));
    QCOMPARE(QString::fromStdString(out["signing_input"].get<std::string>()), kSample.left(kSample.lastIndexOf('.')));
    QVERIFY(out["warnings"].empty());
}

void TestCli::readsStandardInput()
{
    const Run dash = runCli({"decode", "-"}, ("{\"access_token\": \"" + kSample + "\"}\n").toUtf8());
    QCOMPARE(dash.exitCode, 0);
    QVERIFY(dash.out.contains("\"name\": \"John Doe\""));
    const Run implicit = runCli({"decode"}, kSample.toUtf8());
    QCOMPARE(implicit.exitCode, 0);
    QVERIFY(implicit.out.contains("\"sub\": \"1234567890\""));
}

void TestCli::rfc7515Examples()
{
    QCOMPARE(test::compactJwsVectors(QStringLiteral("vectors/rfc/rfc7515.json")).size(), std::size_t(5));
    for (const auto& vector : test::compactJwsVectors(QStringLiteral("vectors/rfc/rfc7515.json"))) {
        const Run run = runCli({"decode", "--json", QString::fromStdString(vector["compact"].get<std::string>())});
        QCOMPARE(run.exitCode, 0);
        const auto out = encoding::parseJson(run.out.toStdString());
        QVERIFY(out.has_value());
        QVERIFY(out->value["header"]["alg"] == vector["alg"]);
        QVERIFY(out->value["signature"] == vector["signature_b64u"]);
        QVERIFY(out->value["signing_input"] == vector["signing_input"]);
    }
}

void TestCli::malformedInput_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("message");
    QTest::newRow("two parts") << "eyJhbGciOiJub25lIn0.e30"
                               << "signature part is missing";
    QTest::newRow("bad base64") << "eyJhbGciOiJub25lIn0.e3$0."
                                << "the payload (part 2) is not valid base64url";
    QTest::newRow("header not JSON") << "bm90IGpzb24.e30."
                                     << "the header (part 1) is not valid JSON";
    QTest::newRow("empty") << "   "
                           << "empty";
    QTest::newRow("garbage") << "hello world"
                             << "no '.'";
}

void TestCli::malformedInput()
{
    QFETCH(QString, token);
    QFETCH(QString, message);
    const Run run = runCli({"decode", token});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.out, QString());
    QVERIFY2(run.err.startsWith("jwtwb: ") && run.err.contains(message), qPrintable(run.err));
    QCOMPARE(run.err.count('\n'), 1); // one line
}

void TestCli::warnsAboutNonCanonicalEncoding()
{
    const Run run = runCli({"decode", "eyJhbGciOiJIUzI1NiJ9.eyJhIjoiPz8_In0=.c2ln"});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.contains("warning: payload: '=' padding"), qPrintable(run.err));
    QVERIFY(run.out.contains("\"a\": \"???\""));
}

void TestCli::strictRefusesNonCanonicalEncoding()
{
    const Run run = runCli({"decode", "--strict", "eyJhbGciOiJIUzI1NiJ9.eyJhIjoiPz8_In0=.c2ln"});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("must not be padded"), qPrintable(run.err));
}

void TestCli::jweShowsHeader()
{
    const Json file = test::loadJson(QStringLiteral("vectors/rfc/rfc7516.json"));
    int seen = 0;
    for (const auto& vector : file["vectors"]) {
        if (vector["type"] != "jwe-compact") {
            continue;
        }
        ++seen;
        const Run run = runCli({"decode", QString::fromStdString(vector["compact"].get<std::string>())});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("This is a JWE"));
        QVERIFY(run.out.contains(QString::fromStdString(vector["enc"].get<std::string>())));
    }
    QVERIFY(seen >= 3);
}

void TestCli::versionAndHelp()
{
    const Run version = runCli({"--version"});
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.startsWith("jwtwb "));
    const Run help = runCli({"--help"});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains("decode"));
    const Run decodeHelp = runCli({"decode", "--help"});
    QCOMPARE(decodeHelp.exitCode, 0);
    QVERIFY(decodeHelp.out.contains("--json"));
}

void TestCli::usageErrors()
{
    const Run none = runCli({});
    QCOMPARE(none.exitCode, 2);
    const Run unknown = runCli({"frobnicate"});
    QCOMPARE(unknown.exitCode, 2);
    const Run badFlag = runCli({"decode", "--nope", kSample});
    QCOMPARE(badFlag.exitCode, 2);
}

QTEST_GUILESS_MAIN(TestCli)
#include "TestCli.moc"
