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

// RFC 7519 §3.1 (HS256 with the RFC's own key): a second JWT beside the sample.
const QString kRfc7519 = QStringLiteral(
    "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNv"
    "bS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");

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
    void decodeTakesTheTokenThatDecodes_data();
    void decodeTakesTheTokenThatDecodes();
    void memberOption();
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

void TestCli::decodeTakesTheTokenThatDecodes_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("note");
    QTest::addColumn<QStringList>("members");

    const QString twoInUrl = QStringLiteral("jwtwb: decoding id_token (URL parameter), one of 2 tokens in the input: "
                                            "%1; --member NAME picks another\n");
    const QString twoInJson = QStringLiteral("jwtwb: decoding id_token (JSON member), one of 2 tokens in the input: "
                                             "%1; --member NAME picks another\n");
    QTest::newRow("oidc fragment, access_token first")
        << "https://client.example.org/cb#access_token=SlAV32hkKG&token_type=Bearer&id_token=" + kSample
            + "&expires_in=3600"
        << twoInUrl.arg("access_token, id_token") << QStringList{"access_token", "id_token"};
    QTest::newRow("oidc fragment, id_token first")
        << "https://client.example.org/cb#id_token=" + kSample + "&access_token=SlAV32hkKG&token_type=Bearer"
        << twoInUrl.arg("id_token, access_token") << QStringList{"id_token", "access_token"};
    QTest::newRow("token response, access_token first")
        << R"({"access_token":"ya29.a0AfB_byC3x9kQm2LwT7Yq","expires_in":3599,"id_token":")" + kSample + "\"}"
        << twoInJson.arg("access_token, id_token") << QStringList{"access_token", "id_token"};
    QTest::newRow("token response, id_token first")
        << R"({"id_token":")" + kSample + R"(","expires_in":3599,"access_token":"ya29.a0AfB_byC3x9kQm2LwT7Yq"})"
        << twoInJson.arg("id_token, access_token") << QStringList{"id_token", "access_token"};
    QTest::newRow("one json member") << R"({"id_token":")" + kSample + "\"}"
                                     << "jwtwb: decoding id_token (JSON member)\n"
                                     << QStringList{"id_token"};
}

void TestCli::decodeTakesTheTokenThatDecodes()
{
    QFETCH(QString, input);
    QFETCH(QString, note);
    QFETCH(QStringList, members);
    const Run run = runCli({"decode", input});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains("\"name\": \"John Doe\""));
    QCOMPARE(run.err, note);

    const Run json = runCli({"decode", "--json", "-"}, input.toUtf8());
    QCOMPARE(json.exitCode, 0);
    QCOMPARE(json.err, QString()); // the member is in the JSON
    const auto parsed = encoding::parseJson(json.out.toStdString());
    QVERIFY(parsed.has_value());
    QCOMPARE(parsed->value["member"].get<std::string>(), std::string("id_token"));
    QStringList found;
    for (const auto& member : parsed->value["members"]) {
        found << QString::fromStdString(member.get<std::string>());
    }
    QCOMPARE(found, members);
    QCOMPARE(parsed->value["payload"]["name"].get<std::string>(), std::string("John Doe"));
}

void TestCli::memberOption()
{
    // The RFC 7519 token comes first and decodes, so it is the default; --member picks the other.
    const QString response = R"({"access_token":")" + kRfc7519 + R"(","token_type":"Bearer","id_token":")" + kSample
        + R"(","refresh_token":"8xLOxBtZp8"})";
    const Run byDefault = runCli({"decode", response});
    QCOMPARE(byDefault.exitCode, 0);
    QVERIFY(byDefault.out.contains("\"iss\": \"joe\""));
    QVERIFY(byDefault.err.startsWith("jwtwb: decoding access_token (JSON member), one of 3 tokens"));

    const Run picked = runCli({"decode", "--member", "id_token", response});
    QCOMPARE(picked.exitCode, 0);
    QVERIFY(picked.out.contains("\"name\": \"John Doe\""));
    QVERIFY(picked.err.startsWith("jwtwb: decoding id_token (JSON member), one of 3 tokens"));

    // An opaque token can be picked too; decoding it then says what it is not.
    const Run opaque = runCli({"decode", "--member", "refresh_token", "--json", response});
    QCOMPARE(opaque.exitCode, 1);
    QVERIFY2(opaque.err.contains("'.'"), qPrintable(opaque.err));

    const QString unknown = QStringLiteral("jwtwb: --member: the input has no token named \"id-token\"; its tokens "
                                           "are: access_token, id_token, refresh_token\n");
    const Run decodeUnknown = runCli({"decode", "--member", "id-token", response});
    QCOMPARE(decodeUnknown.exitCode, 2);
    QCOMPARE(decodeUnknown.err, unknown);
    QCOMPARE(decodeUnknown.out, QString());

    // lint, verify and crack read their token the same way.
    const Run lintUnknown = runCli({"lint", "--member", "id-token", response});
    QCOMPARE(lintUnknown.exitCode, 2);
    QCOMPARE(lintUnknown.err, unknown);
    const Run verifyUnknown = runCli({"verify", "--member", "id-token", "--secret", "your-256-bit-secret", response});
    QCOMPARE(verifyUnknown.exitCode, 2);
    QCOMPARE(verifyUnknown.err, unknown);
    QCOMPARE(runCli({"verify", "--secret", "your-256-bit-secret", "--allow-weak-keys", response}).exitCode,
             1); // access_token
    const Run verified
        = runCli({"verify", "--member", "id_token", "--secret", "your-256-bit-secret", "--allow-weak-keys", response});
    QCOMPARE(verified.exitCode, 0);
    QVERIFY(verified.out.contains("signature: valid (HS256)"));
    const QStringList lint{"lint", "--json", "--now", "2026-11-28T10:00:00Z"};
    const Run lintPicked = runCli(lint + QStringList{"--member", "id_token", response});
    QCOMPARE(lintPicked.out, runCli(lint + QStringList{kSample}).out);
    QVERIFY(lintPicked.out != runCli(lint + QStringList{response}).out);
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
