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

const QString kSample = QStringLiteral(
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ."
    "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c");

Json parse(const QString& text)
{
    return test::parseJsonOrDie(text);
}

} // namespace

// verify, sign and key against RFC vectors, through the real executable.
class TestCliCommands : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void verifySampleToken();
    void verifyTakesTheWrappersItKnows_data();
    void verifyTakesTheWrappersItKnows();
    void verifyJsonReport();
    void verifyRfcExamplesWithJwkFiles();
    void verifyClaimOptions_data();
    void verifyClaimOptions();
    void verifyWithKeySet();
    void verifyErrors_data();
    void verifyErrors();
    void verifyKeyThatDoesNotFit();
    void verifyAlgorithmConfusion();
    void batchVerification();
    void verifyRevoked();
    void signReproducesSample();
    void signRoundTrip_data();
    void signRoundTrip();
    void signClaimHelpers();
    void signRefusals_data();
    void signRefusals();
    void keyInspectAndThumbprint();
    void keyConversions();
    void benchReportsEveryLine();

private:
    QString write(const QString& name, const QByteArray& content);
    QString writeJson(const QString& name, const Json& value);
    QTemporaryDir m_dir;
    Json m_rfc7515;
};

QString TestCliCommands::write(const QString& name, const QByteArray& content)
{
    QFile file(m_dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size()) {
        qFatal("cannot write %s", qPrintable(name));
    }
    return file.fileName();
}

QString TestCliCommands::writeJson(const QString& name, const Json& value)
{
    return write(name, QByteArray::fromStdString(value.dump()));
}

void TestCliCommands::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_rfc7515 = test::loadJson(QStringLiteral("vectors/rfc/rfc7515.json"));
}

void TestCliCommands::verifySampleToken()
{
    // jwt.io's secret is 19 bytes: the signature matches, and a conforming verifier refuses the key.
    const auto refused = runCli({"verify", kSample, "--secret", "your-256-bit-secret"});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.out.contains("the signature matches this secret, but a conforming verifier refuses the secret: "
                                  "the secret is 19 bytes; RFC 7518 §3.2 requires at least 32 bytes for HS256"),
             qPrintable(refused.out));
    QVERIFY(refused.out.contains("result: INVALID"));
    // The opt-out: valid, with the weakness as a warning.
    const auto ok = runCli({"verify", kSample, "--secret", "your-256-bit-secret", "--allow-weak-keys"});
    QCOMPARE(ok.exitCode, 0);
    QVERIFY2(ok.out.contains("result: VALID"), qPrintable(ok.out));
    QVERIFY(ok.out.contains("warning: the secret is 19 bytes"));
    const auto bad = runCli({"verify", kSample, "--secret", "not-the-secret", "--allow-weak-keys"});
    QCOMPARE(bad.exitCode, 1);
    QVERIFY(bad.out.contains("result: INVALID"));
    QVERIFY(bad.out.contains("does not match"));
    const auto badAndWeak = runCli({"verify", kSample, "--secret", "not-the-secret"});
    QCOMPARE(badAndWeak.exitCode, 1);
    QVERIFY2(badAndWeak.out.contains("refuses the secret: the secret is 14 bytes")
                 && badAndWeak.out.contains("does not "
                                            "match this secret either"),
             qPrintable(badAndWeak.out));
    // The secret from a file, token from stdin.
    const QString secretFile = write("secret.txt", "your-256-bit-secret\n");
    QCOMPARE(runCli({"verify", "-", "--secret-file", secretFile, "--allow-weak-keys"}, ("Bearer " + kSample).toUtf8())
                 .exitCode,
             0);
}

void TestCliCommands::verifyTakesTheWrappersItKnows_data()
{
    QTest::addColumn<QString>("input");
    QTest::newRow("bare") << kSample;
    QTest::newRow("bare, spaces and a line break") << "  " + kSample + "\n";
    QTest::newRow("in quotes") << "\"" + kSample + "\"";
    QTest::newRow("Bearer") << "Bearer " + kSample;
    QTest::newRow("Authorization header") << "Authorization: Bearer " + kSample;
    QTest::newRow("URL fragment") << "https://app.example/cb#id_token=" + kSample + "&state=af0ifjsldkj";
    QTest::newRow("URL query") << "https://app.example/cb?access_token=" + kSample;
    QTest::newRow("token response") << R"({"access_token":")" + kSample
            + R"(","token_type":"Bearer","expires_in":3600})";
}

void TestCliCommands::verifyTakesTheWrappersItKnows()
{
    QFETCH(QString, input);
    const auto run = runCli({"verify", input, "--secret", "your-256-bit-secret", "--allow-weak-keys"});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    QVERIFY(run.out.contains("result: VALID"));
}

void TestCliCommands::verifyJsonReport()
{
    const auto run = runCli({"verify", kSample, "--secret", QString(32, 'w'), "--json"});
    QCOMPARE(run.exitCode, 1);
    const Json report = parse(run.out);
    QVERIFY(report["valid"] == false);
    QVERIFY(report["signature"]["code"] == "ERR_JWS_SIGNATURE_MISMATCH");
    const auto weak = runCli({"verify", kSample, "--secret", "your-256-bit-secret", "--json"});
    QVERIFY2(parse(weak.out)["signature"]["code"] == "ERR_JWS_WEAK_KEY", qPrintable(weak.out));
    QVERIFY(report["signature"]["alg"] == "HS256");
    QVERIFY(report["payload"]["name"] == "John Doe");
}

void TestCliCommands::verifyRfcExamplesWithJwkFiles()
{
    int verified = 0;
    for (const auto& v : m_rfc7515["vectors"]) {
        if (v["type"] != "jws-compact" || v["key"].is_null()) {
            continue;
        }
        const QString keyFile = writeJson(QString::fromStdString(v["id"].get<std::string>()) + ".jwk", v["key"]);
        const QString token = QString::fromStdString(v["compact"].get<std::string>());
        if (!v["payload"].get<std::string>().starts_with('{')) { // A.4 signs plain text: a JWS, not a JWT
            const auto jwt = runCli({"verify", token, "--key", keyFile, "--json"});
            QCOMPARE(jwt.exitCode, 1);
            QVERIFY(parse(jwt.out)["claims"][0]["code"] == "ERR_JWT_CLAIMS_NOT_OBJECT");
            QVERIFY(parse(jwt.out)["claims"][0]["message"].get<std::string>().find("not JSON") != std::string::npos);
            QCOMPARE(runCli({"verify", token, "--key", keyFile, "--jws"}).exitCode, 0);
            ++verified;
            continue;
        }
        // The examples expired in 2011: valid before, expired after.
        const auto before = runCli({"verify", token, "--key", keyFile, "--now", "2011-03-22T18:00:00Z", "--json"});
        QVERIFY2(before.exitCode == 0, qPrintable(before.out + before.err));
        QVERIFY(parse(before.out)["signature"]["verdict"] == "valid");
        const auto after = runCli({"verify", token, "--key", keyFile, "--now", "2026-11-28T10:00:00Z", "--json"});
        QCOMPARE(after.exitCode, 1);
        QVERIFY(parse(after.out)["claims"][0]["code"] == "ERR_JWT_EXPIRED");
        ++verified;
    }
    QCOMPARE(verified, 4);
}

void TestCliCommands::verifyClaimOptions_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("code");
    // RFC 7515 A.1: {"iss":"joe","exp":1300819380,"http://example.com/is_root":true}, HS256.
    QTest::newRow("right issuer") << QStringList{"--iss", "joe"} << 0 << QString();
    QTest::newRow("wrong issuer") << QStringList{"--iss", "mallory"} << 1 << "ERR_JWT_UNEXPECTED_ISSUER";
    QTest::newRow("audience missing") << QStringList{"--aud", "api"} << 1 << "ERR_JWT_CLAIM_MISSING";
    QTest::newRow("alg allowed") << QStringList{"--alg", "HS256"} << 0 << QString();
    QTest::newRow("alg not allowed") << QStringList{"--alg", "RS256"} << 1 << "ERR_JWS_ALG_NOT_ALLOWED";
    QTest::newRow("expired by 10 s") << QStringList{"--now", "1300819390"} << 1 << "ERR_JWT_EXPIRED";
    QTest::newRow("within leeway") << QStringList{"--now", "1300819390", "--leeway", "30s"} << 0 << QString();
    QTest::newRow("required claim") << QStringList{"--require", "sub"} << 1 << "ERR_JWT_CLAIM_MISSING";
}

void TestCliCommands::verifyClaimOptions()
{
    QFETCH(QStringList, options);
    QFETCH(int, exitCode);
    QFETCH(QString, code);
    const Json& a1 = m_rfc7515["vectors"][0];
    const QString keyFile = writeJson("a1.jwk", a1["key"]);
    QStringList arguments{"verify", QString::fromStdString(a1["compact"].get<std::string>()), "--key", keyFile,
                          "--json"};
    if (!options.contains("--now")) {
        arguments << "--now"
                  << "1300819000";
    }
    const auto run = runCli(arguments + options);
    QCOMPARE(run.exitCode, exitCode);
    if (!code.isEmpty()) {
        QVERIFY2(run.out.contains(code), qPrintable(run.out));
    }
}

void TestCliCommands::verifyWithKeySet()
{
    // Keys by kid in a JWKS: the RFC 7515 A.2 token (RS256) verifies with a set of its RSA key and
    // the A.3 EC key, also when both share one kid (RFC 7517 §4.5 allows that across key types).
    const Json& a2 = m_rfc7515["vectors"][1];
    const QString token = QString::fromStdString(a2["compact"].get<std::string>());
    Json rsa = a2["key"];
    rsa["kid"] = "rsa-1";
    Json ec = m_rfc7515["vectors"][2]["key"];
    ec["kid"] = "ec-1";
    const auto verifyWith = [&](const QString& name, const Json& keys) {
        return runCli(
            {"verify", token, "--jwks", writeJson(name, Json{{"keys", keys}}), "--now", "1300819000", "--json"});
    };
    const auto run = verifyWith("set.jwks", Json::array({ec, rsa}));
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    ec["kid"] = "rsa-1";
    QCOMPARE(verifyWith("same-kid-other-type.jwks", Json::array({ec, rsa})).exitCode, 0);

    // Refused, whatever the key: two RSA keys under one kid, and a secret beside public keys.
    Json otherRsa = rsa;
    otherRsa["n"] = m_rfc7515["vectors"][1]["key"]["n"].get<std::string>(); // the same key twice is still two
    const auto duplicate = verifyWith("duplicate-kid.jwks", Json::array({rsa, otherRsa}));
    QCOMPARE(duplicate.exitCode, 1);
    QVERIFY2(parse(duplicate.out)["signature"]["code"] == "ERR_JWKS_AMBIGUOUS", qPrintable(duplicate.out));
    QVERIFY(duplicate.out.contains("two keys with the kid \\\"rsa-1\\\""));
    const auto mixed = verifyWith("mixed.jwks", Json::array({m_rfc7515["vectors"][0]["key"], rsa}));
    QCOMPARE(mixed.exitCode, 1);
    QVERIFY2(parse(mixed.out)["signature"]["code"] == "ERR_JWKS_AMBIGUOUS", qPrintable(mixed.out));
    QVERIFY(mixed.out.contains("mixes shared secrets"));
    // The opt-out is for weak keys only: an ambiguous set stays refused.
    const auto optOut
        = runCli({"verify", token, "--jwks",
                  writeJson("mixed2.jwks", Json{{"keys", Json::array({m_rfc7515["vectors"][0]["key"], rsa})}}), "--now",
                  "1300819000", "--allow-weak-keys"});
    QCOMPARE(optOut.exitCode, 1);
}

void TestCliCommands::verifyKeyThatDoesNotFit()
{
    // jwt.io's HS256 sample and an EC key left over from another token: the key does not fit, and
    // that is all; nothing here is an attack.
    const QString ecKey = QStringLiteral(JWTWB_TEST_DATA_DIR "/keys/ec-p256-sec1.pem");
    const auto run = runCli({"verify", kSample, "--key", ecKey});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.contains("this is an EC P-256 private key; HS256 needs a shared secret"), qPrintable(run.out));
    QVERIFY2(!run.out.contains("confusion"), qPrintable(run.out));
    const auto json = runCli({"verify", kSample, "--key", ecKey, "--json"});
    QVERIFY(parse(json.out)["signature"]["code"] == "ERR_JWS_KEY_MISMATCH");
}

void TestCliCommands::verifyAlgorithmConfusion()
{
    // The attack: HS256 signed with the issuer's public key PEM as the secret, then checked by a
    // verifier that holds that public key; and a verifier given the public key's text as its secret.
    const QString publicPem = QStringLiteral(JWTWB_TEST_DATA_DIR "/keys/rsa-2048-spki.pem");
    const QString pemText = QString::fromStdString(test::readDataFile(QStringLiteral("keys/rsa-2048-spki.pem")));
    const auto forged = runCli({"sign", "--alg", "HS256", "--secret", pemText, "--claim", "sub=admin"});
    QVERIFY2(forged.exitCode == 0, qPrintable(forged.err));
    const QString token = forged.out.trimmed();
    for (const QStringList& key : {QStringList{"--key", publicPem}, QStringList{"--secret", pemText}}) {
        const auto run = runCli(QStringList{"verify", token, "--json"} + key);
        QCOMPARE(run.exitCode, 1);
        const Json report = parse(run.out);
        QVERIFY2(report["signature"]["code"] == "ERR_JWS_ALGORITHM_CONFUSION", qPrintable(run.out));
        QVERIFY2(report["signature"]["reason"].get<std::string>().find("algorithm-confusion attack")
                     != std::string::npos,
                 qPrintable(run.out));
    }
}

void TestCliCommands::verifyErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("no key") << QStringList{"verify", kSample} << 2 << "no key";
    QTest::newRow("missing key file") << QStringList{"verify", kSample, "--key", "/nonexistent/key.pem"} << 2
                                      << "cannot open";
    QTest::newRow("two key options") << QStringList{"verify", kSample, "--secret", "a", "--secret-file", "b"} << 2
                                     << "one of";
    QTest::newRow("bad encoding") << QStringList{"verify", kSample, "--secret", "a", "--secret-encoding", "rot13"} << 2
                                  << "rot13";
    QTest::newRow("bad hex secret") << QStringList{"verify", kSample, "--secret", "zz", "--secret-encoding", "hex"} << 2
                                    << "hex";
    QTest::newRow("bad leeway") << QStringList{"verify", kSample, "--secret", "a", "--leeway", "soon"} << 2
                                << "--leeway";
    QTest::newRow("bad now") << QStringList{"verify", kSample, "--secret", "a", "--now", "tomorrow"} << 2 << "--now";
    QTest::newRow("malformed token") << QStringList{"verify", "abc.def", "--secret", "a"} << 1 << "2 parts";
    // verify takes exactly one token; decode stays lenient (TestCli).
    QTest::newRow("a character after the token") << QStringList{"verify", kSample + "?", "--secret", "a"} << 2
                                                 << "the token is followed by \"?\" (position 155)";
    QTest::newRow("a character after a Bearer value")
        << QStringList{"verify", "Bearer " + kSample + "?", "--secret", "a"} << 2 << "followed by \"?\"";
    QTest::newRow("words before the token")
        << QStringList{"verify", "the token: " + kSample, "--secret", "a"} << 2 << "preceded by \"the token: \"";
    QTest::newRow("words after the token")
        << QStringList{"verify", kSample + " (expired?)", "--secret", "a"} << 2 << "followed by \" (expired?)\"";
    QTest::newRow("unknown alg option") << QStringList{"verify", kSample, "--secret", "a", "--alg", "HS999"} << 2
                                        << "HS999";
}

void TestCliCommands::verifyErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const auto run = runCli(arguments);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QCOMPARE(run.err.count('\n'), 1);
}

void TestCliCommands::batchVerification()
{
    const auto forged
        = runCli({"sign", "--alg", "HS256", "--secret", QString(32, QLatin1Char('o')), "--payload", "{\"sub\":\"x\"}"});
    QCOMPARE(forged.exitCode, 0);
    QByteArray lines;
    QList<bool> expected;
    for (int i = 0; i < 300; ++i) {
        const bool good = i % 3 != 1;
        lines += (good ? kSample : (i % 2 ? forged.out.trimmed() : QStringLiteral("not a token"))).toUtf8() + "\n";
        expected << good;
    }
    const QString file = write("batch.txt", lines);
    const auto run = runCli(
        {"verify", "--batch", file, "--secret", "your-256-bit-secret", "--allow-weak-keys", "--jobs", "4", "--json"});
    QCOMPARE(run.exitCode, 1); // not all valid
    const QStringList out = run.out.split('\n', Qt::SkipEmptyParts);
    QCOMPARE(out.size(), 300);
    for (int i = 0; i < out.size(); ++i) {
        const Json line = parse(out[i]);
        QVERIFY(line["line"] == i + 1); // input order kept
        QCOMPARE(line["valid"].get<bool>(), expected[i]);
    }
    // All valid from stdin: exit 0, text output with line numbers.
    const auto valid = runCli({"verify", "--batch", "-", "--secret", "your-256-bit-secret", "--allow-weak-keys"},
                              (kSample + "\n" + kSample + "\n").toUtf8());
    QCOMPARE(valid.exitCode, 0);
    QCOMPARE(valid.out, QStringLiteral("1\tVALID\n2\tVALID\n"));
    // A line with more than the token is that line's error, named; the others go on.
    const auto extra
        = runCli({"verify", "--batch", "-", "--secret", "your-256-bit-secret", "--allow-weak-keys", "--json"},
                 (kSample + "?\n" + kSample + "\n").toUtf8());
    QCOMPARE(extra.exitCode, 1);
    const QStringList extraLines = extra.out.split('\n', Qt::SkipEmptyParts);
    QCOMPARE(extraLines.size(), 2);
    QVERIFY2(parse(extraLines[0])["error"] == "ERR_INPUT_EXTRA_TEXT", qPrintable(extraLines[0]));
    QVERIFY(parse(extraLines[1])["valid"] == true);
}

void TestCliCommands::verifyRevoked()
{
    const QString secret(32, QLatin1Char('r'));
    const auto sign = [&](const QString& payload) {
        const auto run = runCli({"sign", "--alg", "HS256", "--secret", secret, "--payload", payload});
        if (run.exitCode != 0) {
            qFatal("sign failed: %s", qPrintable(run.err));
        }
        return run.out.trimmed();
    };
    const QString revoked = sign(R"({"jti":"id-2","sub":"a"})");
    const QString live = sign(R"({"jti":"id-3","sub":"b"})");
    const QString noJti = sign(R"({"sub":"c"})");
    const QString denyList = write("revoked.txt", "# revoked after the incident\nid-1\nid-2\r\n\n");

    const auto refused = runCli({"verify", revoked, "--secret", secret, "--revoked", denyList});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.out.contains(R"(the jti "id-2" is on the deny-list: the token is revoked [ERR_JWT_REVOKED])"),
             qPrintable(refused.out));
    const auto json = runCli({"verify", revoked, "--secret", secret, "--revoked", denyList, "--json"});
    const Json report = parse(json.out);
    QVERIFY(report["valid"] == false);
    QVERIFY2(json.out.contains("ERR_JWT_REVOKED"), qPrintable(json.out));
    // Without the list the same token is valid: the list decided.
    QCOMPARE(runCli({"verify", revoked, "--secret", secret}).exitCode, 0);
    QCOMPARE(runCli({"verify", live, "--secret", secret, "--revoked", denyList}).exitCode, 0);
    const auto warned = runCli({"verify", noJti, "--secret", secret, "--revoked", denyList});
    QCOMPARE(warned.exitCode, 0);
    QVERIFY2(warned.out.contains("warning: the token has no jti, so the deny-list cannot revoke it"),
             qPrintable(warned.out));

    const auto batch = runCli({"verify", "--batch", "-", "--secret", secret, "--revoked", denyList, "--jobs", "2"},
                              (live + "\n" + revoked + "\n" + noJti + "\n").toUtf8());
    QCOMPARE(batch.exitCode, 1);
    QCOMPARE(batch.out.section('\n', 0, 0), QStringLiteral("1\tVALID"));
    QVERIFY2(batch.out.section('\n', 1, 1).startsWith(QStringLiteral("2\tINVALID")), qPrintable(batch.out));
    QCOMPARE(batch.out.section('\n', 2, 2), QStringLiteral("3\tVALID"));

    const auto missing = runCli({"verify", live, "--secret", secret, "--revoked", m_dir.filePath("none.txt")});
    QCOMPARE(missing.exitCode, 2);
    QVERIFY2(missing.err.contains("--revoked " + m_dir.filePath("none.txt") + ": cannot open"),
             qPrintable(missing.err));
    const auto notUtf8 = runCli({"verify", live, "--secret", secret, "--revoked", write("bad.txt", "id-1\n\xff\n")});
    QCOMPARE(notUtf8.exitCode, 2);
    QVERIFY2(notUtf8.err.contains("line 2 of the deny-list is not valid UTF-8"), qPrintable(notUtf8.err));
}

void TestCliCommands::signReproducesSample()
{
    const QStringList sample{"sign",
                             "--alg",
                             "HS256",
                             "--secret",
                             "your-256-bit-secret",
                             "--payload",
                             R"({"sub":"1234567890", "name":"John Doe", "iat":1516239022})"};
    // Its 19-byte secret is refused, as verify refuses it, unless asked for.
    const auto refused = runCli(sample);
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains("the secret is 19 bytes"), qPrintable(refused.err));
    const auto run = runCli(sample + QStringList{"--allow-weak-keys"});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out.trimmed(), kSample);
}

void TestCliCommands::signRoundTrip_data()
{
    QTest::addColumn<QString>("alg");
    QTest::addColumn<QString>("vector"); // RFC key used for signing
    QTest::newRow("RS256") << "RS256"
                           << "RFC7515-A.2";
    QTest::newRow("PS384") << "PS384"
                           << "RFC7515-A.2";
    QTest::newRow("ES256") << "ES256"
                           << "RFC7515-A.3";
    QTest::newRow("ES512") << "ES512"
                           << "RFC7515-A.4";
}

void TestCliCommands::signRoundTrip()
{
    QFETCH(QString, alg);
    QFETCH(QString, vector);
    const auto it
        = std::ranges::find_if(m_rfc7515["vectors"], [&](const Json& v) { return v["id"] == vector.toStdString(); });
    QVERIFY(it != m_rfc7515["vectors"].end());
    const QString privateKey = writeJson(alg + ".jwk", (*it)["key"]);
    const auto publicKey = runCli({"key", "public", privateKey, "--to", "pem"});
    QCOMPARE(publicKey.exitCode, 0);
    QVERIFY(publicKey.out.startsWith("-----BEGIN PUBLIC KEY-----"));
    const QString publicFile = write(alg + ".pub.pem", publicKey.out.toUtf8());
    const auto token = runCli({"sign", "--alg", alg, "--key", privateKey, "--claim", "sub=alice"});
    QVERIFY2(token.exitCode == 0, qPrintable(token.err));
    const auto verify = runCli({"verify", token.out.trimmed(), "--key", publicFile, "--alg", alg});
    QVERIFY2(verify.exitCode == 0, qPrintable(verify.out + verify.err));
}

void TestCliCommands::signClaimHelpers()
{
    const auto run = runCli({"sign",
                             "--alg",
                             "HS256",
                             "--secret",
                             "0123456789abcdef0123456789abcdef",
                             "--now",
                             "2026-11-28T10:00:00Z",
                             "--iat",
                             "--exp",
                             "+1h",
                             "--nbf",
                             "now",
                             "--claim",
                             "admin=true",
                             "--claim",
                             "n=42",
                             "--claim",
                             "name=Ann",
                             "--claim",
                             "roles=[\"a\",\"b\"]"});
    QCOMPARE(run.exitCode, 0);
    const auto decoded = runCli({"decode", "--json", run.out.trimmed()});
    const Json payload = parse(decoded.out)["payload"];
    QCOMPARE(
        QString::fromStdString(payload.dump()),
        QStringLiteral(
            R"({"iat":1795860000,"nbf":1795860000,"exp":1795863600,"admin":true,"n":42,"name":"Ann","roles":["a","b"]})"));
}

void TestCliCommands::signRefusals_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("unsecured when asked for") << QStringList{"sign", "--alg", "none", "--unsecured"} << QString();
    QTest::newRow("none needs the explicit flag")
        << QStringList{"sign", "--alg", "none", "--secret", "s"} << "explicitly";
    QTest::newRow("none takes no key") << QStringList{"sign", "--alg", "none", "--unsecured", "--secret", "s"}
                                       << "takes no key";
    QTest::newRow("no key") << QStringList{"sign", "--alg", "HS256"} << "no key";
    QTest::newRow("alg contradiction")
        << QStringList{"sign", "--alg", "HS256", "--secret", "s", "--header", R"({"alg":"HS384"})"} << "contradicts";
    QTest::newRow("HMAC with EC key file")
        << QStringList{"sign", "--alg", "HS256", "--key", "EC"} << "; HS256 needs a shared secret";
    QTest::newRow("duplicate payload member")
        << QStringList{"sign", "--alg", "HS256", "--secret", "s", "--payload", R"({"a":1,"a":2})"} << "twice";
}

void TestCliCommands::signRefusals()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    if (arguments.contains("EC")) {
        arguments.replace(arguments.indexOf("EC"), writeJson("ec.jwk", m_rfc7515["vectors"][2]["key"]));
    }
    const auto run = runCli(arguments);
    if (message.isEmpty()) { // the explicit unsecured choice works
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.trimmed().endsWith('.'));
        return;
    }
    QVERIFY(run.exitCode != 0);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
}

void TestCliCommands::keyInspectAndThumbprint()
{
    const Json file = test::loadJson(QStringLiteral("vectors/rfc/rfc7638.json"));
    const Json& v = file["vectors"][0];
    const QString keyFile = writeJson("rfc7638.jwk", v["jwk"]);
    const auto thumb = runCli({"key", "thumbprint", keyFile});
    QCOMPARE(thumb.exitCode, 0);
    QCOMPARE(thumb.out.trimmed(), QString::fromStdString(v["thumbprint_b64u"].get<std::string>()));
    const auto uri = runCli({"key", "thumbprint", keyFile, "--uri"});
    QCOMPARE(uri.out.trimmed(), "urn:ietf:params:oauth:jwk-thumbprint:sha-256:" + thumb.out.trimmed());
    const auto inspect = runCli({"key", "inspect", keyFile, "--json"});
    QCOMPARE(inspect.exitCode, 0);
    const Json info = parse(inspect.out);
    QVERIFY(info["kty"] == "RSA");
    QVERIFY(info["bits"] == 2048);
    QVERIFY(info["private"] == false);
    QVERIFY(info["thumbprint_sha256"] == v["thumbprint_b64u"]);
    QVERIFY(info["algorithms"] == Json::array({"RS256"})); // the JWK's "alg" limits it
    const auto text = runCli({"key", "inspect", "-"}, QByteArray::fromStdString(v["jwk"].dump()));
    QVERIFY2(text.out.contains("RSA 2048-bit public key"), qPrintable(text.out));
    // JWE: a public RSA key encrypts with RSA-OAEP*; its private key also reads RSA1_5.
    const auto publicPem = runCli({"key", "inspect", QStringLiteral(JWTWB_TEST_DATA_DIR "/keys/rsa-2048-spki.pem")});
    QVERIFY2(publicPem.out.contains("encryption (JWE): RSA-OAEP, RSA-OAEP-256, RSA-OAEP-384, RSA-OAEP-512\n"),
             qPrintable(publicPem.out));
    const auto privatePem
        = runCli({"key", "inspect", QStringLiteral(JWTWB_TEST_DATA_DIR "/keys/rsa-2048-pkcs8.pem"), "--json"});
    QVERIFY2(parse(privatePem.out)["encryption_algorithms"]
                 == Json::array({"RSA1_5", "RSA-OAEP", "RSA-OAEP-256", "RSA-OAEP-384", "RSA-OAEP-512"}),
             qPrintable(privatePem.out));
    const auto signingOnly = runCli({"key", "inspect", QStringLiteral(JWTWB_TEST_DATA_DIR "/keys/ed25519-pkcs8.pem")});
    QVERIFY2(signingOnly.out.contains("encryption (JWE): none\n"), qPrintable(signingOnly.out));
}

void TestCliCommands::keyConversions()
{
    const Json& a3 = m_rfc7515["vectors"][2]; // ES256 private JWK
    const QString jwk = writeJson("es256.jwk", a3["key"]);
    // JWK → encrypted PKCS#8 PEM → JWK gives back the same private key.
    const QString passphrase = write("pass.txt", "correct horse battery staple\n");
    const auto pem = runCli({"key", "convert", jwk, "--to", "pem", "--private", "--out-passphrase-file", passphrase});
    QCOMPARE(pem.exitCode, 0);
    QVERIFY(pem.out.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
    const QString pemFile = write("es256.pem", pem.out.toUtf8());
    const auto back = runCli({"key", "convert", pemFile, "--to", "jwk", "--private", "--passphrase-file", passphrase});
    QVERIFY2(back.exitCode == 0, qPrintable(back.err));
    const Json roundTrip = parse(back.out);
    for (const char* member : {"kty", "crv", "x", "y", "d"}) {
        QVERIFY2(roundTrip[member] == a3["key"][member], member);
    }
    const auto wrong = runCli({"key", "inspect", pemFile, "--passphrase-file", write("wrong.txt", "nope\n")});
    QVERIFY(wrong.exitCode != 0);
    QVERIFY2(wrong.err.contains("passphrase"), qPrintable(wrong.err));
    // Public only by default, and as a set.
    const auto pub = runCli({"key", "convert", jwk, "--to", "jwks"});
    const Json set = parse(pub.out);
    QCOMPARE(set["keys"].size(), std::size_t(1));
    QVERIFY(!set["keys"][0].contains("d"));
}

void TestCliCommands::benchReportsEveryLine()
{
    // Speed is not asserted here (that is what `jwtwb bench` itself is for): only that every line
    // is measured, with operations that succeeded.
    const auto run = runCli({"bench", "--seconds", "0.02", "--json"});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const Json report = parse(run.out);
    // verify and sign for five algorithms, two batches, three JWE decryptions
    QCOMPARE(report["results"].size(), std::size_t(15));
    int batches = 0;
    int decryptions = 0;
    for (const auto& line : report["results"]) {
        QVERIFY(line["jwtwb_ops_per_second"].get<double>() > 0);
        // A batch is compared with the in-process verify, every other line with OpenSSL.
        const bool batch = line["operation"] == "batch";
        batches += batch;
        if (line["operation"] == "decrypt") {
            ++decryptions;
            QVERIFY(line["enc"] == "A256GCM" && line["plaintext_bytes"] == 1024);
        }
        QVERIFY(line[batch ? "in_process_verify_ops_per_second" : "openssl_ops_per_second"].get<double>() > 0);
        // The median round ratio lies within the middle half of the rounds' ratios.
        const auto ratio = line["ratio"].get<double>();
        const auto& quartiles = line["ratio_quartiles"];
        QCOMPARE(quartiles.size(), std::size_t(2));
        QVERIFY(quartiles[0].get<double>() > 0);
        QVERIFY(quartiles[0].get<double>() <= ratio && ratio <= quartiles[1].get<double>());
    }
    QCOMPARE(batches, 2);
    QCOMPARE(decryptions, 3);
    QVERIFY(report["results"][0]["alg"] == "HS256");
    const auto one = runCli({"bench", "--seconds", "0.02", "--alg", "ES256"});
    QCOMPARE(one.exitCode, 0);
    QVERIFY(one.out.contains("ES256 verify") && !one.out.contains("RS256") && !one.out.contains("decrypt"));
    QVERIFY(one.out.contains("middle half of the rounds' ratios"));
    const auto decrypt = runCli({"bench", "--seconds", "0.02", "--alg", "ECDH-ES+A256KW"});
    QCOMPARE(decrypt.exitCode, 0);
    QVERIFY(decrypt.out.contains("ECDH-ES+A256KW decrypt") && !decrypt.out.contains("verify"));
}

QTEST_GUILESS_MAIN(TestCliCommands)
#include "TestCliCommands.moc"
