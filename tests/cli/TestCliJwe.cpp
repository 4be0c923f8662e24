#include "CliRunner.h"
#include "TestData.h"
#include "TestKeys.h"
#include "encoding/Json.h"
#include "keys/KeyExport.h"
#include "keys/KeyGenerator.h"

#include <QDir>
#include <QFile>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>

using namespace jwtwb;
using encoding::Json;
using test::runCli;

namespace {

// The RFC 7520 §6 nested token's inner JWS has "exp": 1300819380.
const QString kBeforeNestedExp = QStringLiteral("1300819000");

QString text(const Json& value)
{
    return QString::fromStdString(value.get<std::string>());
}

// One character of a compact token's part changed to another base64url character (not the last
// one of the part, whose unused bits could make the change invisible).
QString tampered(const QString& token, int part)
{
    QStringList parts = token.split('.');
    QString& changed = parts[part];
    changed[1] = changed[1] == 'A' ? 'B' : 'A';
    return parts.join('.');
}

// A compact JWE whose protected header is `header` and whose other parts are placeholders.
QString withHeader(const QByteArray& header)
{
    return QString::fromLatin1(header.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals))
        + QStringLiteral(".AAAA.AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA");
}

} // namespace

// `jwtwb decrypt` and `jwtwb encrypt`: the RFC 7520 cookbook's JWEs and its nested token through
// the command line, every exit code with each way a decryption fails, the --json report, and
// round trips from encrypt to decrypt.
class TestCliJwe : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cookbook_data();
    void cookbook();
    void multipleRecipients_data();
    void multipleRecipients();
    void nested_data();
    void nested();
    void exitCodes_data();
    void exitCodes();
    void jsonReport();
    void binaryPlaintext();
    void encryptedClaims_data();
    void encryptedClaims();
    void roundTrip_data();
    void roundTrip();
    void encryptHeader_data();
    void encryptHeader();
    void encryptRefusals_data();
    void encryptRefusals();

private:
    QString write(const QString& name, const QByteArray& content);
    QString writeJson(const QString& name, const Json& value);
    QString keyFile(const QString& name) const { return test::dataPath(QStringLiteral("keys/") + name); }
    QString encrypt(const QStringList& arguments, const QByteArray& input = {});

    QTemporaryDir m_dir;
    QMap<QString, QString> m_files; // cookbook keys and outputs by name ("5_2.key", "5_2.compact"), generated keys
    QString m_nestedToken;
    QString m_innerToken; // the JWS inside it
};

QString TestCliJwe::write(const QString& name, const QByteArray& content)
{
    QFile file(m_dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size()) {
        qFatal("cannot write %s", qPrintable(name));
    }
    return file.fileName();
}

QString TestCliJwe::writeJson(const QString& name, const Json& value)
{
    return write(name, QByteArray::fromStdString(encoding::toCompactJson(value)));
}

// `jwtwb encrypt` with these arguments; the JWE it prints, or a failed test.
QString TestCliJwe::encrypt(const QStringList& arguments, const QByteArray& input)
{
    const auto run = runCli(QStringList{"encrypt"} + arguments, input);
    if (run.exitCode != 0) {
        qWarning("encrypt failed: %s", qPrintable(run.err));
        return {};
    }
    return run.out.trimmed();
}

void TestCliJwe::initTestCase()
{
    QVERIFY(m_dir.isValid());
    for (const QString& name : QDir(test::dataPath("vectors/cookbook/jwe")).entryList({"*.json"})) {
        const Json vector = test::loadJson("vectors/cookbook/jwe/" + name);
        const QString id = name.section('.', 0, 0);
        const Json& input = vector["input"];
        if (input.contains("pwd")) {
            m_files[id + ".key"] = write(id + ".pwd", QByteArray::fromStdString(input["pwd"].get<std::string>()));
        } else if (input["key"].is_array()) {
            m_files[id + ".key"] = writeJson(id + ".jwks", Json{{"keys", input["key"]}});
            for (std::size_t i = 0; i < input["key"].size(); ++i) {
                m_files[QStringLiteral("%1.key%2").arg(id).arg(i)]
                    = writeJson(id + QString::number(i) + ".jwk", input["key"][i]);
            }
        } else {
            m_files[id + ".key"] = writeJson(id + ".jwk", input["key"]);
        }
        for (const auto& [form, output] : vector["output"].items()) {
            const QString file = id + "." + QString::fromStdString(form);
            m_files[file] = output.is_string() ? write(file, QByteArray::fromStdString(output.get<std::string>()))
                                               : writeJson(file, output);
        }
    }
    const Json nesting = test::loadJson("vectors/cookbook/6.nesting_signatures_and_encryption.json");
    m_files["6.key"] = writeJson("6.jwk", nesting["encrypt"]["input"]["key"]);
    Json signer = nesting["sign"]["input"]["key"];
    for (const char* member : {"d", "p", "q", "dp", "dq", "qi"}) {
        signer.erase(member);
    }
    m_files["6.verify"] = writeJson("6-verify.jwk", signer);
    m_files["6.verifySet"] = writeJson("6-verify.jwks", Json{{"keys", Json::array({signer})}});
    m_nestedToken = text(nesting["encrypt"]["output"]["compact"]);
    m_innerToken = text(nesting["sign"]["output"]["compact"]);

    // Keys the test data has no file for, made here: EC P-384 and P-521, X25519, and shared secrets.
    const std::pair<keys::KeySpec, QString> generated[] = {
        {{keys::KeyType::Ec, 0, keys::Curve::P384}, "p384"},
        {{keys::KeyType::Ec, 0, keys::Curve::P521}, "p521"},
        {{keys::KeyType::Okp, 0, keys::Curve::X25519}, "x25519"},
    };
    for (const auto& [spec, name] : generated) {
        auto key = keys::generateKey(spec);
        QVERIFY(key.has_value());
        m_files[name] = write(name + ".pem", QByteArray::fromStdString(*keys::exportPrivatePem(*key)));
        m_files[name + ".pub"] = write(name + "-public.pem", QByteArray::fromStdString(*keys::exportPublicPem(*key)));
    }
    for (const int bytes : {16, 24, 32, 48, 64}) {
        m_files[QStringLiteral("hex%1").arg(bytes)]
            = write(QStringLiteral("secret%1.hex").arg(bytes), QByteArray(bytes, char(0x5a + bytes)).toHex());
    }
    m_files["passphrase"] = write("passphrase.txt", "Grüße aus Mordor\n");
}

void TestCliJwe::cookbook_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("form");
    for (const QString& name : QDir(test::dataPath("vectors/cookbook/jwe")).entryList({"*.json"})) {
        const QString id = name.section('.', 0, 0);
        for (const QString form : {"compact", "json", "json_flat"}) {
            if (m_files.contains(id + "." + form)) {
                QTest::addRow("%s %s", qPrintable(id), qPrintable(form)) << id << form;
            }
        }
    }
}

// Every cookbook JWE of RFC 7520 §5 in each serialization it comes in: the plaintext on stdout,
// byte for byte, and what --json says about it.
void TestCliJwe::cookbook()
{
    QFETCH(QString, id);
    QFETCH(QString, form);
    const Json vector = test::loadJson(
        "vectors/cookbook/jwe/" + QDir(test::dataPath("vectors/cookbook/jwe")).entryList({id + ".*.json"}).front());
    const QString keyFile = m_files[id + ".key"];
    const QString keyOption = keyFile.endsWith(".pwd") ? "--secret-file"
        : keyFile.endsWith(".jwks")                    ? "--jwks"
                                                       : "--key";
    const QStringList arguments{"decrypt", "-", keyOption, keyFile};
    QFile token(m_files[id + "." + form]);
    QVERIFY(token.open(QIODevice::ReadOnly));
    const QByteArray input = token.readAll();

    const auto run = runCli(arguments, input);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.outBytes, QByteArray::fromStdString(vector["input"]["plaintext"].get<std::string>()));
    QCOMPARE(run.err, QString());

    const auto report = runCli(arguments + QStringList{"--json"}, input);
    QCOMPARE(report.exitCode, 0);
    const Json json = test::parseJsonOrDie(report.out);
    QCOMPARE(json["valid"].get<bool>(), true);
    QCOMPARE(json["decrypted"].get<bool>(), true);
    QCOMPARE(text(json["plaintext"]), text(vector["input"]["plaintext"]));
    QCOMPARE(text(json["plaintext_encoding"]), QStringLiteral("utf8"));
    // §5.3's plaintext is a JWK Set: a JSON object, which is read as a claims set (with nothing to refuse).
    QCOMPARE(text(json["content"]), id == "5_3" ? QStringLiteral("claims") : QStringLiteral("other"));
    QVERIFY(json["alg"] == json["header"]["alg"]);
    QVERIFY(json["enc"] == json["header"]["enc"]);
    const Json& alg = vector["input"]["alg"];
    QVERIFY(alg.is_array() ? std::ranges::find(alg, json["alg"]) != alg.end() : alg == json["alg"]);
    QCOMPARE(json["compressed"].get<bool>(), vector["input"].contains("zip"));
}

void TestCliJwe::multipleRecipients_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("recipient");
    QTest::addColumn<QString>("alg");
    QTest::newRow("RSA key") << "5_13.key0" << 0 << "RSA1_5";
    QTest::newRow("EC P-384 key") << "5_13.key1" << 1 << "ECDH-ES+A256KW";
    QTest::newRow("shared key") << "5_13.key2" << 2 << "A256GCMKW";
}

// RFC 7520 §5.13, one JWE for three recipients: each recipient's own key opens it, and --json
// names the recipient and the key's kid.
void TestCliJwe::multipleRecipients()
{
    QFETCH(QString, key);
    QFETCH(int, recipient);
    QFETCH(QString, alg);
    QFile token(m_files["5_13.json"]);
    QVERIFY(token.open(QIODevice::ReadOnly));
    const auto run = runCli({"decrypt", "-", "--key", m_files[key], "--json"}, token.readAll());
    QCOMPARE(run.exitCode, 0);
    const Json json = test::parseJsonOrDie(run.out);
    QCOMPARE(json["recipient"].get<int>(), recipient);
    QCOMPARE(text(json["alg"]), alg);
    QCOMPARE(json["key"]["index"].get<int>(), 0);
    QVERIFY(json["key"]["kid"].is_string());
    QVERIFY(json["header"]["kid"] == json["key"]["kid"]);
}

void TestCliJwe::nested_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("signatureCode"); // empty: no "nested" report
    QTest::addColumn<QString>("claimCode"); // the first claim finding's code, if any
    QTest::addColumn<QString>("message"); // what the text mode says on stderr

    QTest::newRow("valid, verified") << QStringList{"--verify-key", m_files["6.verify"], "--now", kBeforeNestedExp} << 0
                                     << "OK"
                                     << ""
                                     << "";
    QTest::newRow("valid, key from a set")
        << QStringList{"--verify-jwks", m_files["6.verifySet"], "--now", kBeforeNestedExp} << 0 << "OK"
        << ""
        << "";
    QTest::newRow("inner token expired") << QStringList{"--verify-key", m_files["6.verify"], "--now", "1400000000"} << 1
                                         << "OK"
                                         << "ERR_JWT_EXPIRED"
                                         << "nested token: claim: the token expired";
    QTest::newRow("another signer's key")
        << QStringList{"--verify-key", keyFile("rsa-2048-spki.pem"), "--now", kBeforeNestedExp} << 1
        << "ERR_JWS_SIGNATURE_MISMATCH"
        << ""
        << "nested token: signature: invalid";
    QTest::newRow("inner algorithm not allowed")
        << QStringList{"--verify-key", m_files["6.verify"], "--now", kBeforeNestedExp, "--verify-alg", "RS256"} << 1
        << "ERR_JWS_ALG_NOT_ALLOWED"
        << ""
        << "nested token: signature: invalid";
    QTest::newRow("wrong issuer") << QStringList{"--verify-key", m_files["6.verify"], "--now", kBeforeNestedExp,
                                                 "--iss",        "mordor.example"}
                                  << 1 << "OK"
                                  << "ERR_JWT_UNEXPECTED_ISSUER"
                                  << "nested token: claim:";
    QTest::newRow("not verified: decrypted is enough") << QStringList{} << 0 << "ERR_JWS_NO_KEY"
                                                       << "ERR_JWT_EXPIRED"
                                                       << "signature was not verified";
}

// RFC 7520 §6: a JWS (PS256) inside a JWE (RSA-OAEP, "cty": "JWT"). With a verification key the
// exit code covers the inner signature and claims too; --json carries the inner verification in
// the shape `jwtwb verify --json` prints.
void TestCliJwe::nested()
{
    QFETCH(QStringList, options);
    QFETCH(int, exitCode);
    QFETCH(QString, signatureCode);
    QFETCH(QString, claimCode);
    QFETCH(QString, message);
    const QStringList arguments = QStringList{"decrypt", m_nestedToken, "--key", m_files["6.key"]} + options;
    const Json vector = test::loadJson("vectors/cookbook/6.nesting_signatures_and_encryption.json");

    const auto run = runCli(arguments);
    QCOMPARE(run.exitCode, exitCode);
    QCOMPARE(run.out, text(vector["sign"]["output"]["compact"])); // printed whatever the inner verdict
    QVERIFY2(message.isEmpty() ? run.err.isEmpty() : run.err.contains(message), qPrintable(run.err));

    const auto report = runCli(arguments + QStringList{"--json"});
    QCOMPARE(report.exitCode, exitCode);
    const Json json = test::parseJsonOrDie(report.out);
    QCOMPARE(json["valid"].get<bool>(), exitCode == 0);
    QCOMPARE(text(json["content"]), QStringLiteral("nested-jwt"));
    QCOMPARE(text(json["header"]["cty"]), QStringLiteral("JWT"));
    const Json& nested = json["nested"];
    QCOMPARE(text(nested["signature"]["code"]), signatureCode);
    QCOMPARE(text(nested["signature"]["alg"]), QStringLiteral("PS256"));
    QCOMPARE(text(nested["header"]["alg"]), QStringLiteral("PS256"));
    QCOMPARE(text(nested["payload"]["iss"]), QStringLiteral("hobbiton.example"));
    QCOMPARE(nested["claims"].empty(), claimCode.isEmpty());
    if (!claimCode.isEmpty()) {
        QCOMPARE(text(nested["claims"][0]["code"]), claimCode);
    }
    // The same inner verification as `jwtwb verify` on the inner token.
    const QStringList verifyOptions = options.isEmpty() ? QStringList{"--key", m_files["6.verify"]} : options;
    QStringList verifyArguments{"verify", run.out, "--json"};
    for (const QString& option : verifyOptions) {
        verifyArguments << (option == "--verify-key"        ? "--key"
                                : option == "--verify-jwks" ? "--jwks"
                                : option == "--verify-alg"  ? "--alg"
                                                            : option);
    }
    if (!options.isEmpty()) {
        QVERIFY(test::parseJsonOrDie(runCli(verifyArguments).out) == nested);
    }
}

void TestCliJwe::exitCodes_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("code"); // in --json; empty when the error is a usage error on stderr only

    const auto file = [this](const QString& name) {
        QFile f(m_files[name]);
        if (!f.open(QIODevice::ReadOnly)) {
            qFatal("cannot read %s", qPrintable(name));
        }
        return QString::fromUtf8(f.readAll());
    };
    const QString dir = file("5_6.compact");
    const QString rsa = file("5_2.compact");
    const QString pbes2 = file("5_3.compact");
    const QString zip = file("5_9.compact");
    const QStringList dirKey{"--key", m_files["5_6.key"]};
    const QStringList rsaKey{"--key", m_files["5_2.key"]};

    QTest::newRow("decrypted") << QStringList{"decrypt", dir} + dirKey << QByteArray() << 0 << "";
    QTest::newRow("from stdin") << QStringList{"decrypt", "-"} + dirKey << dir.toUtf8() << 0 << "";
    QTest::newRow("after Bearer") << QStringList{"decrypt", "Bearer " + dir} + dirKey << QByteArray() << 0 << "";
    QTest::newRow("in a token response") << QStringList{"decrypt", "-", "--member", "id_token"}
            + dirKey << QByteArray(R"({"access_token":"opaque","id_token":")" + dir.toUtf8() + R"("})")
                                         << 0 << "";
    QTest::newRow("compressed, under the cap")
        << QStringList{"decrypt", zip, "--key", m_files["5_9.key"], "--max-inflated-size", "1000"} << QByteArray() << 0
        << "";
    QTest::newRow("p2c at the cap") << QStringList{"decrypt",          pbes2,       "--secret-file",
                                                   m_files["5_3.key"], "--max-p2c", "8192"}
                                    << QByteArray() << 0 << "";

    // 1: this JWE does not decrypt with this key, within these limits.
    QTest::newRow("wrong shared key") << QStringList{"decrypt",           dir,  "--secret-file", m_files["hex16"],
                                                     "--secret-encoding", "hex"}
                                      << QByteArray() << 1 << "ERR_JWE_DECRYPTION_FAILED";
    QTest::newRow("wrong RSA key") << QStringList{"decrypt", rsa, "--key", keyFile("rsa-2048-pkcs8.pem")}
                                   << QByteArray() << 1 << "ERR_JWE_DECRYPTION_FAILED";
    QTest::newRow("wrong AES key wrap key")
        << QStringList{"decrypt", file("5_8.compact"), "--secret-file", m_files["hex16"], "--secret-encoding", "hex"}
        << QByteArray() << 1 << "ERR_JWE_DECRYPTION_FAILED";
    QTest::newRow("wrong passphrase") << QStringList{"decrypt", pbes2, "--secret-file", m_files["passphrase"]}
                                      << QByteArray() << 1 << "ERR_KEY_WRONG_PASSPHRASE";
    QTest::newRow("tampered tag") << QStringList{"decrypt", tampered(dir, 4)} + dirKey << QByteArray() << 1
                                  << "ERR_JWE_DECRYPTION_FAILED";
    QTest::newRow("tampered ciphertext") << QStringList{"decrypt", tampered(rsa, 3)} + rsaKey << QByteArray() << 1
                                         << "ERR_JWE_DECRYPTION_FAILED";
    QTest::newRow("tampered encrypted key")
        << QStringList{"decrypt", tampered(rsa, 1)} + rsaKey << QByteArray() << 1 << "ERR_JWE_DECRYPTION_FAILED";
    const QString otherKid = QString::fromLatin1(
        QByteArray(R"({"alg":"dir","kid":"77c7e2b8-6e13-45cf-8672-617b5b45243b","enc":"A128GCM"})")
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    QTest::newRow("tampered header") << QStringList{"decrypt", otherKid + dir.mid(dir.indexOf('.'))} + dirKey
                                     << QByteArray() << 1 << "ERR_JWE_DECRYPTION_FAILED";
    QTest::newRow("public key only") << QStringList{"decrypt", rsa, "--key", keyFile("rsa-2048-spki.pem")}
                                     << QByteArray() << 1 << "ERR_KEY_MISMATCH";
    QTest::newRow("EC key for RSA-OAEP") << QStringList{"decrypt", rsa, "--key", keyFile("ec-p256-sec1.pem")}
                                         << QByteArray() << 1 << "ERR_KEY_MISMATCH";
    QTest::newRow("unsupported alg") << QStringList{"decrypt", withHeader(R"({"alg":"RSA-OAEP-999","enc":"A256GCM"})")}
            + dirKey << QByteArray() << 1
                                     << "ERR_ALG_UNSUPPORTED";
    QTest::newRow("unsupported enc") << QStringList{"decrypt", withHeader(R"({"alg":"dir","enc":"A512GCM"})")} + dirKey
                                     << QByteArray() << 1 << "ERR_ALG_UNSUPPORTED";
    QTest::newRow("unsupported zip") << QStringList{"decrypt",
                                                    withHeader(R"({"alg":"dir","enc":"A128GCM","zip":"GZIP"})")}
            + dirKey << QByteArray() << 1
                                     << "ERR_ALG_UNSUPPORTED";
    QTest::newRow("unknown crit") << QStringList{"decrypt",
                                                 withHeader(R"({"alg":"dir","enc":"A128GCM","crit":["x"],"x":1})")}
            + dirKey << QByteArray()
                                  << 1 << "ERR_ALG_UNSUPPORTED";
    QTest::newRow("p2c over the cap") << QStringList{"decrypt",          pbes2,       "--secret-file",
                                                     m_files["5_3.key"], "--max-p2c", "8191"}
                                      << QByteArray() << 1 << "ERR_INPUT_LIMIT_EXCEEDED";
    QTest::newRow("inflate cap reached")
        << QStringList{"decrypt", zip, "--key", m_files["5_9.key"], "--max-inflated-size", "100"} << QByteArray() << 1
        << "ERR_INPUT_LIMIT_EXCEEDED";

    // 2: not a JWE, or options that make no sense.
    QTest::newRow("malformed: two parts")
        << QStringList{"decrypt", "abc.def"} + dirKey << QByteArray() << 2 << "ERR_INPUT_MALFORMED_TOKEN";
    QTest::newRow("malformed: a JWS") << QStringList{"decrypt", m_innerToken} + dirKey << QByteArray() << 2
                                      << "ERR_INPUT_MALFORMED_TOKEN";
    QTest::newRow("malformed: bad base64url") << QStringList{"decrypt", QString(dir).replace(60, 1, "*")} + dirKey
                                              << QByteArray() << 2 << "ERR_INPUT_BASE64URL";
    QTest::newRow("malformed: no enc") << QStringList{"decrypt", withHeader(R"({"alg":"dir"})")} + dirKey
                                       << QByteArray() << 2 << "ERR_INPUT_MALFORMED_TOKEN";
    QTest::newRow("malformed: JSON serialization")
        << QStringList{"decrypt", "-"} + dirKey << QByteArray(R"({"protected":"eyJ","ciphertext":)") << 2
        << "ERR_INPUT_JSON";
    QTest::newRow("malformed: text around the token")
        << QStringList{"decrypt", "token: " + dir + " (expires soon)"} + dirKey << QByteArray() << 2 << "";
    QTest::newRow("empty input") << QStringList{"decrypt", "-"} + dirKey << QByteArray() << 2 << "ERR_INPUT_EMPTY";
    QTest::newRow("no key") << QStringList{"decrypt", dir} << QByteArray() << 2 << "";
    QTest::newRow("unreadable key file") << QStringList{"decrypt", dir, "--key", m_dir.filePath("missing.pem")}
                                         << QByteArray() << 2 << "";
    QTest::newRow("two key options") << QStringList{"decrypt", dir, "--key", m_files["5_6.key"], "--secret", "x"}
                                     << QByteArray() << 2 << "";
    QTest::newRow("both verification options")
        << QStringList{"decrypt", dir, "--verify-key", m_files["6.verify"], "--verify-jwks", m_files["6.verifySet"]}
            + dirKey
        << QByteArray() << 2 << "";
    QTest::newRow("bad --leeway") << QStringList{"decrypt", dir, "--leeway", "soon"} + dirKey << QByteArray() << 2
                                  << "";
    QTest::newRow("bad --max-p2c") << QStringList{"decrypt", dir, "--max-p2c", "-1"} + dirKey << QByteArray() << 2
                                   << "";
    QTest::newRow("bad --verify-alg") << QStringList{"decrypt", dir, "--verify-alg", "A256GCM"} + dirKey << QByteArray()
                                      << 2 << "";
}

// 0 decrypted, 1 this JWE does not decrypt (a wrong key, changed data, an algorithm not
// supported, a cap reached), 2 not a JWE or bad options; --json carries the error's stable code.
void TestCliJwe::exitCodes()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, input);
    QFETCH(int, exitCode);
    QFETCH(QString, code);

    const auto run = runCli(arguments, input);
    QVERIFY2(run.exitCode == exitCode, qPrintable(QString::number(run.exitCode) + ": " + run.err));
    if (exitCode != 0) {
        QVERIFY(run.out.isEmpty());
        QVERIFY(!run.err.isEmpty());
        if (run.err.startsWith("jwtwb: ")) { // not an option CLI11 refused
            QCOMPARE(run.err.count('\n'), 1);
        }
    }
    const auto report = runCli(arguments + QStringList{"--json"}, input);
    QCOMPARE(report.exitCode, exitCode);
    if (exitCode == 0) {
        QCOMPARE(test::parseJsonOrDie(report.out)["decrypted"].get<bool>(), true);
    } else if (!code.isEmpty()) {
        const Json json = test::parseJsonOrDie(report.out);
        QCOMPARE(text(json["error"]), code);
        QCOMPARE(json["valid"].get<bool>(), false);
        QCOMPARE(json["decrypted"].get<bool>(), false);
        QVERIFY(!text(json["message"]).isEmpty());
    } else {
        QVERIFY(report.out.isEmpty());
        QVERIFY(!report.err.isEmpty());
    }
}

// Every member of the --json report of a plain (not nested) JWE, and nothing that is not there.
void TestCliJwe::jsonReport()
{
    const QString token = encrypt({"--alg", "A128KW", "--key", m_files["5_8.key"], "--payload", "¡hola!", "--zip"});
    const Json json = test::parseJsonOrDie(runCli({"decrypt", token, "--key", m_files["5_8.key"], "--json"}).out);
    std::vector<std::string> members;
    for (const auto& [name, value] : json.items()) {
        members.push_back(name);
    }
    const std::vector<std::string> expected{
        "valid", "decrypted", "alg",     "enc",       "compressed",        "recipient",
        "key",   "header",    "content", "plaintext", "plaintext_encoding"};
    QCOMPARE(members, expected);
    QCOMPARE(json["valid"].get<bool>(), true);
    QCOMPARE(text(json["alg"]), QStringLiteral("A128KW"));
    QCOMPARE(text(json["enc"]), QStringLiteral("A256GCM"));
    QCOMPARE(json["compressed"].get<bool>(), true);
    QCOMPARE(json["recipient"].get<int>(), 0);
    QVERIFY(json["key"] == (Json{{"index", 0}, {"kid", "81b20965-8332-43d9-a468-82160ad91ac8"}}));
    QCOMPARE(text(json["header"]["kid"]), QStringLiteral("81b20965-8332-43d9-a468-82160ad91ac8"));
    QCOMPARE(text(json["header"]["zip"]), QStringLiteral("DEF"));
    QCOMPARE(text(json["content"]), QStringLiteral("other"));
    QCOMPARE(text(json["plaintext"]), QStringLiteral("¡hola!"));
    QCOMPARE(text(json["plaintext_encoding"]), QStringLiteral("utf8"));
}

// Plaintext that is not UTF-8: the exact bytes on stdout, base64url in --json.
void TestCliJwe::binaryPlaintext()
{
    QByteArray bytes;
    for (int i = 0; i < 256; ++i) {
        bytes += char(255 - i);
    }
    const QString token = encrypt({"--alg", "dir", "--enc", "A128CBC-HS256", "--secret-file", m_files["hex32"],
                                   "--secret-encoding", "hex", "--payload-file", "-"},
                                  bytes);
    const QStringList arguments{"decrypt", token, "--secret-file", m_files["hex32"], "--secret-encoding", "hex"};
    const auto run = runCli(arguments);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.outBytes, bytes);
    const Json json = test::parseJsonOrDie(runCli(arguments + QStringList{"--json"}).out);
    QCOMPARE(text(json["plaintext_encoding"]), QStringLiteral("base64url"));
    QCOMPARE(QByteArray::fromBase64(text(json["plaintext"]).toLatin1(), QByteArray::Base64UrlEncoding), bytes);
}

void TestCliJwe::encryptedClaims_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("claimCode");
    QTest::newRow("expired") << QStringList{} << 1 << "ERR_JWT_EXPIRED";
    QTest::newRow("in time") << QStringList{"--now", "1499999000"} << 0 << "";
    QTest::newRow("in the leeway") << QStringList{"--now", "1500000020", "--leeway", "30s"} << 0 << "";
    QTest::newRow("wrong audience") << QStringList{"--now", "1499999000", "--aud", "other"} << 1
                                    << "ERR_JWT_UNEXPECTED_AUDIENCE";
}

// A JWE whose plaintext is a claims set (an encrypted JWT, no signature inside): its claims are
// checked with verify's options and count for the exit code.
void TestCliJwe::encryptedClaims()
{
    QFETCH(QStringList, options);
    QFETCH(int, exitCode);
    QFETCH(QString, claimCode);
    const QString claims = R"({"sub":"frodo","aud":"shire","exp":1500000000})";
    const QString token = encrypt({"--alg", "ECDH-ES", "--key", keyFile("ec-p256-spki.pem"), "--payload", claims});
    const QStringList arguments = QStringList{"decrypt", token, "--key", keyFile("ec-p256-sec1.pem")} + options;
    const auto run = runCli(arguments);
    QCOMPARE(run.exitCode, exitCode);
    QCOMPARE(run.out, claims);
    QCOMPARE(run.err.contains(claimCode), true);
    const Json json = test::parseJsonOrDie(runCli(arguments + QStringList{"--json"}).out);
    QCOMPARE(text(json["content"]), QStringLiteral("claims"));
    QCOMPARE(json["valid"].get<bool>(), exitCode == 0);
    QCOMPARE(json["claims"].empty(), claimCode.isEmpty());
    if (!claimCode.isEmpty()) {
        QCOMPARE(text(json["claims"][0]["code"]), claimCode);
    }
}

void TestCliJwe::roundTrip_data()
{
    QTest::addColumn<QStringList>("encryptKey");
    QTest::addColumn<QStringList>("decryptKey");
    QTest::addColumn<QString>("alg");
    QTest::addColumn<QString>("enc");
    QTest::addColumn<QStringList>("options");

    const QStringList rsaPublic{"--key", keyFile("rsa-2048-spki.pem")};
    const QStringList rsaPrivate{"--key", keyFile("rsa-2048-pkcs8.pem")};
    const QStringList p256Public{"--key", keyFile("ec-p256-spki.pem")};
    const QStringList p256Private{"--key", keyFile("ec-p256-sec1.pem")};
    const auto hex = [this](int bytes) {
        return QStringList{"--secret-file", m_files[QStringLiteral("hex%1").arg(bytes)], "--secret-encoding", "hex"};
    };
    const QStringList passphrase{"--secret-file", m_files["passphrase"]};
    const QStringList none;

    QTest::newRow("dir A128GCM") << hex(16) << hex(16) << "dir"
                                 << "A128GCM" << none;
    QTest::newRow("dir A256CBC-HS512") << hex(64) << hex(64) << "dir"
                                       << "A256CBC-HS512" << none;
    QTest::newRow("A128KW A128CBC-HS256") << hex(16) << hex(16) << "A128KW"
                                          << "A128CBC-HS256" << none;
    QTest::newRow("A192KW A192GCM") << hex(24) << hex(24) << "A192KW"
                                    << "A192GCM" << none;
    QTest::newRow("A256KW A256GCM, zip") << hex(32) << hex(32) << "A256KW"
                                         << "A256GCM" << QStringList{"--zip"};
    QTest::newRow("A128GCMKW A192CBC-HS384") << hex(16) << hex(16) << "A128GCMKW"
                                             << "A192CBC-HS384" << none;
    QTest::newRow("A256GCMKW A256GCM, flattened") << hex(32) << hex(32) << "A256GCMKW"
                                                  << "A256GCM" << QStringList{"--serialization", "flattened"};
    QTest::newRow("A192GCMKW A128GCM, --json-serialization") << hex(24) << hex(24) << "A192GCMKW"
                                                             << "A128GCM" << QStringList{"--json-serialization"};
    QTest::newRow("PBES2-HS256+A128KW A128GCM") << passphrase << passphrase << "PBES2-HS256+A128KW"
                                                << "A128GCM" << QStringList{"--p2c", "1000"};
    QTest::newRow("PBES2-HS512+A256KW A256CBC-HS512, default p2c") << passphrase << passphrase << "PBES2-HS512+A256KW"
                                                                   << "A256CBC-HS512" << none;
    QTest::newRow("RSA-OAEP A256GCM") << rsaPublic << rsaPrivate << "RSA-OAEP"
                                      << "A256GCM" << none;
    QTest::newRow("RSA-OAEP-256 A128CBC-HS256, general JSON")
        << rsaPublic << rsaPrivate << "RSA-OAEP-256"
        << "A128CBC-HS256" << QStringList{"--serialization", "general"};
    QTest::newRow("RSA-OAEP-384 A192GCM") << rsaPublic << rsaPrivate << "RSA-OAEP-384"
                                          << "A192GCM" << none;
    QTest::newRow("RSA-OAEP-512, from the private key file") << rsaPrivate << rsaPrivate << "RSA-OAEP-512"
                                                             << "A256GCM" << none;
    QTest::newRow("ECDH-ES P-256") << p256Public << p256Private << "ECDH-ES"
                                   << "A256GCM" << none;
    QTest::newRow("ECDH-ES+A128KW P-384")
        << QStringList{"--key", m_files["p384.pub"]} << QStringList{"--key", m_files["p384"]} << "ECDH-ES+A128KW"
        << "A128CBC-HS256" << none;
    QTest::newRow("ECDH-ES+A192KW P-521")
        << QStringList{"--key", m_files["p521.pub"]} << QStringList{"--key", m_files["p521"]} << "ECDH-ES+A192KW"
        << "A192GCM" << none;
    QTest::newRow("ECDH-ES+A256KW P-256, zip") << p256Private << p256Private << "ECDH-ES+A256KW"
                                               << "A256GCM" << QStringList{"--zip"};
    QTest::newRow("ECDH-ES X25519") << QStringList{"--key", m_files["x25519.pub"]}
                                    << QStringList{"--key", m_files["x25519"]} << "ECDH-ES"
                                    << "A128GCM" << none;
    QTest::newRow("ECDH-ES+A256KW X448") << QStringList{"--key", keyFile("x448-pkcs8.pem")}
                                         << QStringList{"--key", keyFile("x448-pkcs8.pem")} << "ECDH-ES+A256KW"
                                         << "A256CBC-HS512" << none;
}

// `jwtwb encrypt` then `jwtwb decrypt`: the same bytes come back, with the header asked for.
void TestCliJwe::roundTrip()
{
    QFETCH(QStringList, encryptKey);
    QFETCH(QStringList, decryptKey);
    QFETCH(QString, alg);
    QFETCH(QString, enc);
    QFETCH(QStringList, options);
    const QByteArray payload = "Even the smallest person can change the course of the future. — Galadriel\n";
    const auto encrypted = runCli(
        QStringList{"encrypt", "--alg", alg, "--enc", enc, "--payload-file", "-"} + encryptKey + options, payload);
    QVERIFY2(encrypted.exitCode == 0, qPrintable(encrypted.err));
    const bool json = options.contains("--serialization") || options.contains("--json-serialization");
    QCOMPARE(encrypted.out.trimmed().startsWith('{'), json);
    QCOMPARE(encrypted.out.count('.'), json ? 0 : 4);

    const auto decrypted = runCli(QStringList{"decrypt", "-"} + decryptKey, encrypted.outBytes);
    QVERIFY2(decrypted.exitCode == 0, qPrintable(decrypted.err));
    QCOMPARE(decrypted.outBytes, payload);
    const auto report = runCli(QStringList{"decrypt", "-", "--json"} + decryptKey, encrypted.outBytes);
    const Json header = test::parseJsonOrDie(report.out)["header"];
    QCOMPARE(text(header["alg"]), alg);
    QCOMPARE(text(header["enc"]), enc);
    QCOMPARE(header.contains("zip"), options.contains("--zip"));
    QVERIFY(!header.contains("cty")); // plain text, not a token
    if (alg.startsWith("PBES2")) {
        QCOMPARE(header["p2c"].get<int>(), options.contains("--p2c") ? 1000 : 600000);
    }
}

void TestCliJwe::encryptHeader_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("payload");
    QTest::addColumn<QString>("header"); // the protected header expected, as compact JSON

    const QString jws = m_innerToken;
    const QStringList jwk{"--key", m_files["5_8.key"]}; // kid 81b20965-…
    QTest::newRow("kid from the key")
        << jwk << "x"
        << R"({"alg":"A128KW","enc":"A256GCM","kid":"81b20965-8332-43d9-a468-82160ad91ac8"})";
    QTest::newRow("--kid") << jwk + QStringList{"--kid", "k1"} << "x"
                           << R"({"alg":"A128KW","enc":"A256GCM","kid":"k1"})";
    QTest::newRow("--kid ''") << jwk + QStringList{"--kid", ""} << "x"
                              << R"({"alg":"A128KW","enc":"A256GCM"})";
    QTest::newRow("a signed token: cty JWT") << jwk + QStringList{"--kid", ""} << jws + "\n"
                                             << R"({"alg":"A128KW","enc":"A256GCM","cty":"JWT"})";
    QTest::newRow("--cty ''") << jwk + QStringList{"--kid", "", "--cty", ""} << jws
                              << R"({"alg":"A128KW","enc":"A256GCM"})";
    QTest::newRow("--cty") << jwk + QStringList{"--kid", "", "--cty", "text/plain"} << "x"
                           << R"({"alg":"A128KW","enc":"A256GCM","cty":"text/plain"})";
    QTest::newRow("--header") << jwk + QStringList{"--kid", "", "--header", R"({"typ":"secevent+jwt","apu":"QQ"})"}
                              << "x"
                              << R"({"alg":"A128KW","enc":"A256GCM","typ":"secevent+jwt","apu":"QQ"})";
    QTest::newRow("--header with the same alg")
        << jwk + QStringList{"--kid", "", "--header", R"({"alg":"A128KW","x":1})"} << "x"
        << R"({"alg":"A128KW","enc":"A256GCM","x":1})";
    QTest::newRow("--zip") << jwk + QStringList{"--kid", "", "--zip"} << "x"
                           << R"({"alg":"A128KW","enc":"A256GCM","zip":"DEF"})";
}

// The protected header that `jwtwb encrypt` writes: alg and enc first, the key's kid, cty JWT for a
// token inside, and what --header adds.
void TestCliJwe::encryptHeader()
{
    QFETCH(QStringList, options);
    QFETCH(QString, payload);
    QFETCH(QString, header);
    const QString token = encrypt(QStringList{"--alg", "A128KW", "--payload", payload} + options);
    QVERIFY(!token.isEmpty());
    const QByteArray written
        = QByteArray::fromBase64(token.section('.', 0, 0).toLatin1(), QByteArray::Base64UrlEncoding);
    QCOMPARE(QString::fromUtf8(written), header);
    const auto decrypted = runCli({"decrypt", token, "--key", m_files["5_8.key"]});
    QCOMPARE(decrypted.exitCode, 0);
    QCOMPARE(decrypted.out, header.contains("JWT") ? payload.trimmed() : payload); // a token without its line break
}

void TestCliJwe::encryptRefusals_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");

    const QStringList rsa{"--key", keyFile("rsa-2048-spki.pem"), "--payload", "x"};
    QTest::newRow("RSA1_5") << QStringList{"--alg", "RSA1_5"} + rsa << 1
                            << "RSA1_5 is only decrypted here, never used to encrypt";
    QTest::newRow("unknown alg") << QStringList{"--alg", "RSA-OAEP-1024"} + rsa << 2
                                 << "--alg RSA-OAEP-1024: not a JWE key management algorithm";
    QTest::newRow("unknown enc") << QStringList{"--alg", "RSA-OAEP", "--enc", "A256CTR"} + rsa << 2
                                 << "--enc A256CTR: not a JWE content encryption algorithm";
    QTest::newRow("no alg") << rsa << 2 << "--alg is required";
    QTest::newRow("RSA key for A256KW") << QStringList{"--alg", "A256KW"} + rsa << 1
                                        << "A256KW needs a symmetric key, not an RSA 2048-bit public key";
    QTest::newRow("EC key for RSA-OAEP") << QStringList{"--alg",     "RSA-OAEP", "--key", keyFile("ec-p256-spki.pem"),
                                                        "--payload", "x"}
                                         << 1 << "RSA-OAEP needs an RSA key";
    QTest::newRow("Ed25519 key for ECDH-ES")
        << QStringList{"--alg", "ECDH-ES", "--key", keyFile("ed25519-pkcs8.pem"), "--payload", "x"} << 1
        << "ECDH-ES needs an EC P-256, P-384 or P-521 key, or an X25519 or X448 key";
    QTest::newRow("dir key of the wrong size")
        << QStringList{"--alg", "dir", "--secret-file", m_files["hex16"], "--secret-encoding", "hex", "--payload", "x"}
        << 1 << "dir with A256GCM needs a 256-bit symmetric key";
    QTest::newRow("--p2c without PBES2") << QStringList{"--alg", "RSA-OAEP", "--p2c", "1000"} + rsa << 2
                                         << "--p2c is the iteration count of the PBES2 algorithms only";
    QTest::newRow("--aad in compact") << QStringList{"--alg", "RSA-OAEP", "--aad", "x"} + rsa << 2
                                      << "--aad needs the JSON serialization";
    QTest::newRow("--header contradicts --alg")
        << QStringList{"--alg", "RSA-OAEP", "--header", R"({"alg":"RSA-OAEP-256"})"} + rsa << 2
        << "--alg RSA-OAEP contradicts the header's \"alg\"";
    QTest::newRow("no payload") << QStringList{"--alg", "RSA-OAEP", "--key", keyFile("rsa-2048-spki.pem")} << 2
                                << "give --payload or --payload-file";
    QTest::newRow("no key") << QStringList{"--alg", "RSA-OAEP", "--payload", "x"} << 2 << "no key";
    QTest::newRow("a key set of three") << QStringList{"--alg",     "RSA-OAEP", "--jwks", m_files["5_13.key"],
                                                       "--payload", "x"}
                                        << 2 << "the key file holds 3 keys; encrypting needs exactly one";
    QTest::newRow("bad serialization") << QStringList{"--alg", "RSA-OAEP", "--serialization", "xml"} + rsa << 2
                                       << "--serialization takes compact, flattened or general";
}

// What `jwtwb encrypt` refuses, with the reason on stderr: RSA1_5 (decrypt only), names it does
// not know, keys that do not fit the algorithm (1, as `jwtwb sign`), options that contradict.
void TestCliJwe::encryptRefusals()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const auto run = runCli(QStringList{"encrypt"} + arguments);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
}

QTEST_GUILESS_MAIN(TestCliJwe)
#include "TestCliJwe.moc"
