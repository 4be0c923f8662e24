#include "CliRunner.h"
#include "TestData.h"
#include "TestKeys.h"
#include "encoding/Json.h"

#include <QFile>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>

using namespace jwtwb;
using encoding::Json;
using test::runCli;

namespace {

// A key file of tests/data/keys/ and the token algorithm it signs or verifies.
struct KeyFile {
    QString file;
    QString alg;
    bool encrypted; // under test::kKeyFilePassphrase
    bool isPrivate;
    QString publicFile; // its public key as SubjectPublicKeyInfo PEM
    QString thumbprint; // tests/data/keys/README.md
    bool hasDer; // its PEM body is the whole key as DER (not so for legacy PEM encryption)
};

const QList<KeyFile>& keyFiles()
{
    static const QList<KeyFile> all{
        {"rsa-2048-pkcs8.pem", "RS256", false, true, "rsa-2048-spki.pem", test::kRsaThumbprint, true},
        {"rsa-2048-pkcs1.pem", "RS256", false, true, "rsa-2048-spki.pem", test::kRsaThumbprint, true},
        {"rsa-2048-pkcs1-encrypted.pem", "RS256", true, true, "rsa-2048-spki.pem", test::kRsaThumbprint, false},
        {"rsa-2048-pkcs1-public.pem", "RS256", false, false, "rsa-2048-spki.pem", test::kRsaThumbprint, true},
        {"rsa-2048-spki.pem", "RS256", false, false, "rsa-2048-spki.pem", test::kRsaThumbprint, true},
        {"ec-p256-sec1-with-parameters.pem", "ES256", false, true, "ec-p256-spki.pem", test::kP256Thumbprint, false},
        {"ec-p256-sec1.pem", "ES256", false, true, "ec-p256-spki.pem", test::kP256Thumbprint, true},
        {"ec-p256-spki.pem", "ES256", false, false, "ec-p256-spki.pem", test::kP256Thumbprint, true},
        {"ec-p256-certificate.pem", "ES256", false, false, "ec-p256-spki.pem", test::kP256Thumbprint, true},
        {"ec-p384-pkcs8-encrypted.pem", "ES384", true, true, "", test::kP384Thumbprint, true},
        {"ed25519-pkcs8.pem", "EdDSA", false, true, "", test::kEd25519Thumbprint, true},
    };
    return all;
}

} // namespace

// `jwtwb verify --key FILE` and `jwtwb sign --key FILE` for every way a key file comes (PEM, DER,
// base64 DER, JWK, JWK Set), with tokens signed here by the matching private key; and the refusals
// of key files that hold no usable key, which name the file.
class TestCliKeyFormats : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void verifyAndSign_data();
    void verifyAndSign();
    void refusals_data();
    void refusals();
    void secretFiles_data();
    void secretFiles();

private:
    QString write(const QString& name, const QByteArray& content);
    QString tokenFor(const QString& alg) const { return m_tokens.value(alg); }

    QTemporaryDir m_dir;
    QString m_passphraseFile;
    QMap<QString, QString> m_tokens; // by alg, each signed by that alg's private key file
};

QString TestCliKeyFormats::write(const QString& name, const QByteArray& content)
{
    QFile file(m_dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size()) {
        qFatal("cannot write %s", qPrintable(name));
    }
    return file.fileName();
}

void TestCliKeyFormats::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_passphraseFile = write("passphrase.txt", test::kKeyFilePassphrase.toUtf8() + "\n");
    const QList<QStringList> signers{
        {"RS256", "rsa-2048-pkcs8.pem"},
        {"ES256", "ec-p256-sec1.pem"},
        {"ES384", "ec-p384-pkcs8-encrypted.pem", "--passphrase-file", m_passphraseFile},
        {"EdDSA", "ed25519-pkcs8.pem"},
    };
    for (const auto& signer : signers) {
        const auto run = runCli(QStringList{"sign", "--alg", signer[0], "--key", test::dataPath("keys/" + signer[1]),
                                            "--claim", "sub=alice"}
                                + signer.mid(2));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        m_tokens.insert(signer[0], run.out.trimmed());
    }
    // RFC 7515 A.3's P-256 key as a JWK: ES256 tokens for the JWK rows (no kid in the token).
    const Json a3 = test::loadJson(QStringLiteral("vectors/rfc/rfc7515.json"))["vectors"][2]["key"];
    const QString jwkFile = write("a3-private.jwk", QByteArray::fromStdString(a3.dump()));
    const auto run = runCli({"sign", "--alg", "ES256", "--key", jwkFile, "--claim", "sub=alice"});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    m_tokens.insert("ES256 (RFC 7515 A.3)", run.out.trimmed());
}

void TestCliKeyFormats::verifyAndSign_data()
{
    QTest::addColumn<QByteArray>("content"); // of the key file
    QTest::addColumn<QString>("option"); // --key or --jwks
    QTest::addColumn<QString>("token"); // key of m_tokens
    QTest::addColumn<QString>("alg");
    QTest::addColumn<bool>("encrypted");
    QTest::addColumn<QString>("publicFile"); // for a private key: verifies what it signs; empty: not signed with
    QTest::addColumn<QStringList>("thumbprints"); // what `jwtwb key thumbprint` prints, a line each; empty: unchecked

    for (const auto& k : keyFiles()) {
        const QByteArray pem = test::keyFileBytes(k.file);
        const QString signs = k.isPrivate ? (k.publicFile.isEmpty() ? QStringLiteral("-") : k.publicFile) : QString();
        const auto row = [&](const QString& how, const QByteArray& content) {
            QTest::newRow(qPrintable(k.file + how))
                << content << "--key" << k.alg << k.alg << k.encrypted << signs << QStringList{k.thumbprint};
        };
        row("", pem);
        if (k.hasDer) {
            const QByteArray der = test::derOfPem(pem);
            row(" as DER", der);
            row(" as base64 DER", der.toBase64() + "\n");
            row(" as base64url DER in CR LF lines",
                test::wrapped(der.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals), 64,
                              "\r\n"));
        }
    }
    QTest::newRow("PEM with two keys (a key set)")
        << test::keyFileBytes("rsa-2048-spki.pem") + test::keyFileBytes("ec-p256-certificate.pem") << "--key"
        << "ES256"
        << "ES256" << false << QString() << QStringList{test::kRsaThumbprint, test::kP256Thumbprint};

    Json a3 = test::loadJson(QStringLiteral("vectors/rfc/rfc7515.json"))["vectors"][2]["key"];
    QTest::newRow("private JWK") << QByteArray::fromStdString(a3.dump()) << "--key"
                                 << "ES256 (RFC 7515 A.3)"
                                 << "ES256" << false << QString() << QStringList();
    a3.erase("d");
    QTest::newRow("public JWK") << QByteArray::fromStdString(a3.dump()) << "--key"
                                << "ES256 (RFC 7515 A.3)"
                                << "ES256" << false << QString() << QStringList();
    Json set = Json::object();
    set["keys"] = Json::array({a3, test::parseJsonOrDie(R"({"kty":"EC","crv":"P-192","x":"AA","y":"AA"})")});
    QTest::newRow("JWK Set with a key it cannot use") << QByteArray::fromStdString(set.dump()) << "--key"
                                                      << "ES256 (RFC 7515 A.3)"
                                                      << "ES256" << false << QString() << QStringList();
    QTest::newRow("JWK file as --jwks") << QByteArray::fromStdString(a3.dump()) << "--jwks"
                                        << "ES256 (RFC 7515 A.3)"
                                        << "ES256" << false << QString() << QStringList();
}

void TestCliKeyFormats::verifyAndSign()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, option);
    QFETCH(QString, token);
    QFETCH(QString, alg);
    QFETCH(bool, encrypted);
    QFETCH(QString, publicFile);
    QFETCH(QStringList, thumbprints);
    const QString file = write(QStringLiteral("key-%1").arg(QTest::currentDataTag()).replace(' ', '-'), content);
    const QStringList passphrase = encrypted ? QStringList{"--passphrase-file", m_passphraseFile} : QStringList();

    const auto verified = runCli(QStringList{"verify", tokenFor(token), option, file} + passphrase);
    QVERIFY2(verified.exitCode == 0, qPrintable(verified.out + verified.err));
    QVERIFY2(verified.out.contains("signature: valid (" + alg + ")"), qPrintable(verified.out));
    QVERIFY(verified.out.contains("result: VALID"));
    QVERIFY2(verified.err.isEmpty(), qPrintable(verified.err));

    if (!thumbprints.isEmpty()) {
        const auto printed = runCli(QStringList{"key", "thumbprint", file} + passphrase);
        QVERIFY2(printed.exitCode == 0, qPrintable(printed.err));
        QCOMPARE(printed.out.trimmed().split('\n'), thumbprints);
    }

    if (publicFile.isEmpty()) {
        return;
    }
    const auto signedToken
        = runCli(QStringList{"sign", "--alg", alg, "--key", file, "--claim", "sub=bob"} + passphrase);
    QVERIFY2(signedToken.exitCode == 0, qPrintable(signedToken.err));
    // The public key from the fixture files where there is one; else the key file itself.
    const QStringList verifier
        = publicFile == "-" ? QStringList{file} + passphrase : QStringList{test::dataPath("keys/" + publicFile)};
    const auto check = runCli(QStringList{"verify", signedToken.out.trimmed(), "--key"} + verifier);
    QVERIFY2(check.exitCode == 0, qPrintable(check.out + check.err));
    QVERIFY(check.out.contains("signature: valid (" + alg + ")"));
}

void TestCliKeyFormats::refusals_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("command"); // verify or sign
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QString>("message"); // after "jwtwb: FILE: "

    const auto row
        = [](const char* name, const QByteArray& content, const QString& message, const QString& command = "verify",
             const QStringList& extra = {}) { QTest::newRow(name) << content << command << extra << message; };
    const QByteArray sampleToken
        = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5M"
          "DIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
    row("empty file", "", "the key input is empty");
    row("a token", sampleToken + "\n", "this is a token, not a key: a JWS in compact form");
    row("OpenSSH private key", test::keyFileBytes("ec-p256-openssh"),
        "an OpenSSH private key: OpenSSH's own key format is not supported; convert it to PKCS#8 with 'ssh-keygen -p "
        "-m PKCS8 -f FILE'");
    row("OpenSSH private key for sign", test::keyFileBytes("ed25519-openssh"), "an OpenSSH private key (Ed25519)",
        "sign", {"--alg", "EdDSA"});
    row("OpenSSH public key line", test::keyFileBytes("ed25519-openssh.pub"),
        "an OpenSSH public key (\"ssh-ed25519 AAAA…\"), which this program does not read");
    row("SSH2 public key", test::keyFileBytes("ec-p256-ssh2.pub"), "an SSH2 public key (RFC 4716)");
    row("OpenPGP key", test::keyFileBytes("pgp-ed25519-public.asc"), "an OpenPGP block (\"PGP PUBLIC KEY BLOCK\")");
    row("DSA key", test::keyFileBytes("dsa-2048-pkcs8.pem"), "DSA keys are not used by JOSE");
    row("encrypted key without a passphrase", test::keyFileBytes("ec-p384-pkcs8-encrypted.pem"),
        "the private key is encrypted: a passphrase is needed");
    row("encrypted DER for sign without a passphrase",
        test::derOfPem(test::keyFileBytes("ec-p384-pkcs8-encrypted.pem")),
        "the private key is encrypted: a passphrase is needed", "sign", {"--alg", "ES384"});
    row("binary data", QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), "not a key: binary data that is not DER");
    row("DER with octets after the key", test::derOfPem(test::keyFileBytes("ec-p256-spki.pem")) + QByteArray(3, '\0'),
        "the DER data has 3 octets of unexpected data after the key");
    row("larger than 1 MiB", QByteArray(1024 * 1024 + 1, 'A'), "the input is larger than 1 MiB");
    row("JWK Set without a usable key", R"({"keys":[{"kty":"EC","crv":"P-192","x":"AA","y":"AA"}]})",
        "the JWK Set holds no usable key: keys[0]: JWK member \"crv\": unknown curve \"P-192\"");
    row("a secret in a key file", "your-256-bit-secret\n", "not a key: expected PEM, DER (binary or base64)");
}

void TestCliKeyFormats::refusals()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, command);
    QFETCH(QStringList, extra);
    QFETCH(QString, message);
    const QString file = write(QStringLiteral("refused-%1").arg(QTest::currentDataTag()).replace(' ', '-'), content);
    const QStringList arguments = command == "verify" ? QStringList{"verify", tokenFor("ES256"), "--key", file}
                                                      : QStringList{"sign", "--key", file, "--claim", "sub=x"} + extra;
    const auto run = runCli(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.startsWith("jwtwb: " + file + ": " + message), qPrintable(run.err));
    QCOMPARE(run.err.count('\n'), 1);

    // From standard input the message says so.
    if (command == "verify") {
        const auto piped = runCli({"verify", tokenFor("ES256"), "--key", "-"}, content);
        QCOMPARE(piped.exitCode, 2);
        QVERIFY2(piped.err.startsWith("jwtwb: standard input: " + message), qPrintable(piped.err));
    }
}

void TestCliKeyFormats::secretFiles_data()
{
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<QByteArray>("content"); // of the --secret-file
    QTest::addColumn<QString>("message"); // empty: signs and verifies; else the error after "jwtwb: FILE: "

    // 32 bytes, spelled in each encoding; the file's first line is the secret.
    const QByteArray secret = "0123456789abcdef0123456789ABCDEF";
    QTest::newRow("utf8") << "utf8" << secret + "\n" << QString();
    QTest::newRow("base64") << "base64" << secret.toBase64() + "\n" << QString();
    QTest::newRow("base64url") << "base64url"
                               << secret.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)
                               << QString();
    QTest::newRow("hex") << "hex" << secret.toHex() + "\r\n" << QString();
    QTest::newRow("auto (hex)") << "auto" << secret.toHex() << QString();
    QTest::newRow("not hex") << "hex" << QByteArray("zz\n") << "the secret is not hex";
    QTest::newRow("empty") << "utf8" << QByteArray("\n") << "the secret is empty";
}

void TestCliKeyFormats::secretFiles()
{
    QFETCH(QString, encoding);
    QFETCH(QByteArray, content);
    QFETCH(QString, message);
    const QString file = write(QStringLiteral("secret-%1").arg(QTest::currentDataTag()).replace(' ', '-'), content);
    const QStringList secret{"--secret-file", file, "--secret-encoding", encoding};
    const auto token = runCli(QStringList{"sign", "--alg", "HS256", "--claim", "sub=alice"} + secret);
    if (!message.isEmpty()) {
        QCOMPARE(token.exitCode, 2);
        QVERIFY2(token.err.startsWith("jwtwb: " + file + ": " + message), qPrintable(token.err));
        return;
    }
    QVERIFY2(token.exitCode == 0, qPrintable(token.err));
    // The same bytes given the other way verify it.
    const auto verified = runCli({"verify", token.out.trimmed(), "--secret", "0123456789abcdef0123456789ABCDEF"});
    QVERIFY2(verified.exitCode == 0, qPrintable(verified.out + verified.err));
    QVERIFY(verified.out.contains("signature: valid (HS256)"));
    const auto fromFile = runCli(QStringList{"verify", token.out.trimmed()} + secret);
    QCOMPARE(fromFile.exitCode, 0);
}

QTEST_GUILESS_MAIN(TestCliKeyFormats)
#include "TestCliKeyFormats.moc"
