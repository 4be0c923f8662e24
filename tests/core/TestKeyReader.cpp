#include "KeyTestSupport.h"
#include "TestKeys.h"

#include "encoding/Base64Url.h"
#include "keys/KeyReader.h"
#include "keys/Thumbprint.h"

#include <QDir>
#include <QTest>

#include <vector>

using namespace jwtwb;
using namespace jwtwb::keys;
using encoding::Json;

namespace {

const QString kPassphrase = test::kKeyFilePassphrase;
// tests/data/keys/README.md; the others are in TestKeys.h.
const QString kX448Thumbprint = QStringLiteral("UDHV44ChZrTjZ-E0qiZoYdaMQnAha6yxVwgVmXr4C70");
const QString kCertificateSubject = QStringLiteral("CN=test.example,O=JWT Workbench Tests,C=DE");
// The jwt.io sample token (HS256).
const QByteArray kSampleToken
    = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIy"
      "fQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

// A key file of tests/data/keys/ that holds a key JOSE uses.
struct Fixture {
    QString file;
    QString phrase; // how the description names the key
    QString structure; // what its PEM label stands for; empty for a certificate
    bool encrypted; // under kPassphrase
    KeyType type;
    Curve curve;
    int bits;
    bool isPrivate;
    QString thumbprint;
    bool hasDer; // its last PEM body is the same key as DER (not so for legacy PEM encryption)
};

const std::vector<Fixture>& fixtures()
{
    const QString rsaPrivate = QStringLiteral("an RSA 2048-bit private key");
    const QString rsaPublic = QStringLiteral("an RSA 2048-bit public key");
    const QString p256Private = QStringLiteral("an EC P-256 private key");
    const QString p256Public = QStringLiteral("an EC P-256 public key");
    static const std::vector<Fixture> all{
        {"rsa-2048-pkcs8.pem", rsaPrivate, "PKCS#8", false, KeyType::Rsa, Curve::None, 2048, true, test::kRsaThumbprint,
         true},
        {"rsa-2048-pkcs1.pem", rsaPrivate, "PKCS#1", false, KeyType::Rsa, Curve::None, 2048, true, test::kRsaThumbprint,
         true},
        {"rsa-2048-pkcs1-encrypted.pem", rsaPrivate, "legacy-encrypted PKCS#1", true, KeyType::Rsa, Curve::None, 2048,
         true, test::kRsaThumbprint, false},
        {"rsa-2048-pkcs1-public.pem", rsaPublic, "PKCS#1", false, KeyType::Rsa, Curve::None, 2048, false,
         test::kRsaThumbprint, true},
        {"rsa-2048-spki.pem", rsaPublic, "SubjectPublicKeyInfo", false, KeyType::Rsa, Curve::None, 2048, false,
         test::kRsaThumbprint, true},
        {"ec-p256-sec1-with-parameters.pem", p256Private, "SEC1", false, KeyType::Ec, Curve::P256, 256, true,
         test::kP256Thumbprint, false}, // its DER is ec-p256-sec1.pem's
        {"ec-p256-sec1.pem", p256Private, "SEC1", false, KeyType::Ec, Curve::P256, 256, true, test::kP256Thumbprint,
         true},
        {"ec-p256-spki.pem", p256Public, "SubjectPublicKeyInfo", false, KeyType::Ec, Curve::P256, 256, false,
         test::kP256Thumbprint, true},
        {"ec-p256-certificate.pem", p256Public + " from the X.509 certificate for \"" + kCertificateSubject + "\"", "",
         false, KeyType::Ec, Curve::P256, 256, false, test::kP256Thumbprint, true},
        {"ec-p384-pkcs8-encrypted.pem", "an EC P-384 private key", "encrypted PKCS#8", true, KeyType::Ec, Curve::P384,
         384, true, test::kP384Thumbprint, true},
        {"ed25519-pkcs8.pem", "an Ed25519 private key", "PKCS#8", false, KeyType::Okp, Curve::Ed25519, 256, true,
         test::kEd25519Thumbprint, true},
        {"x448-pkcs8.pem", "an X448 private key", "PKCS#8", false, KeyType::Okp, Curve::X448, 448, true,
         kX448Thumbprint, true},
    };
    return all;
}

// A key file of tests/data/keys/ that must be refused, and what the refusal must say.
struct Refused {
    QString file;
    Errc code;
    QStringList fragments;
};

const std::vector<Refused>& refusedFiles()
{
    static const std::vector<Refused> all{
        {"dsa-2048-pkcs8.pem", Errc::UnsupportedKey, {"DSA keys are not used by JOSE"}},
        {"ec-brainpool256-pkcs8.pem", Errc::UnsupportedKey, {"brainpoolP256r1 is not used by JOSE"}},
        {"ec-p256-openssh",
         Errc::UnsupportedKey,
         {"an OpenSSH private key: OpenSSH's own key format is not supported", "'ssh-keygen -p -m PKCS8 -f FILE'"}},
        {"ed25519-openssh",
         Errc::UnsupportedKey,
         {"an OpenSSH private key (Ed25519)", "'ssh-keygen -p -m PKCS8 -f FILE'", "OpenSSH 10.3 or later"}},
        {"ec-p256-openssh.pub",
         Errc::UnsupportedKey,
         {"an OpenSSH public key (\"ecdsa-sha2-nistp256 AAAA…\")", "'ssh-keygen -e -m PKCS8 -f FILE'"}},
        {"ed25519-openssh.pub",
         Errc::UnsupportedKey,
         {"an OpenSSH public key (\"ssh-ed25519 AAAA…\")", "ssh-keygen cannot convert Ed25519 public keys",
          "'ssh-keygen -p -m PKCS8 -f FILE'"}},
        {"ec-p256-ssh2.pub",
         Errc::UnsupportedKey,
         {"an SSH2 public key (RFC 4716)", "'ssh-keygen -i -f FILE > key.pub'", "'ssh-keygen -e -m PKCS8 -f key.pub'"}},
        {"pgp-ed25519-public.asc",
         Errc::UnsupportedKey,
         {"an OpenPGP block (\"PGP PUBLIC KEY BLOCK\")", "OpenPGP keys are not supported"}},
    };
    return all;
}

QByteArray withCrLf(QByteArray text)
{
    return text.replace("\n", "\r\n");
}

QString thumbprintOf(const Key& key)
{
    auto bytes = thumbprint(key);
    return bytes ? QString::fromStdString(encoding::base64UrlEncode(*bytes))
                 : QStringLiteral("error: ") + QString::fromStdString(bytes.error().message);
}

Json rfc7517A1()
{
    return test::loadJson(QStringLiteral("vectors/rfc/rfc7517.json"))["vectors"][0]["jwks"];
}

QString errcText(Errc code)
{
    return QString::fromUtf8(errcName(code));
}

} // namespace

// keys::readKeys(): every format a key comes in, each input the reader must refuse and the words it
// refuses it with, and secrets in each encoding. Keys are checked against the thumbprints in
// tests/data/keys/README.md and the RFC 7638 example, computed outside this project.
class TestKeyReader : public QObject
{
    Q_OBJECT

private slots:
    void everyKeyFileHasARow();
    void keys_data();
    void keys();
    void errors_data();
    void errors();
    void secrets_data();
    void secrets();
    void passphraseAskedThenGiven();
    void scryptAtOpenSslsDefaultsIsRead();
    void errorPositionsCountFromTheInputsStart();
};

void TestKeyReader::everyKeyFileHasARow()
{
    QStringList covered{QStringLiteral("README.md")};
    for (const auto& fixture : fixtures()) {
        covered << fixture.file;
    }
    for (const auto& refused : refusedFiles()) {
        covered << refused.file;
    }
    const QStringList files = QDir(test::dataPath(QStringLiteral("keys"))).entryList(QDir::Files);
    QVERIFY(files.size() > 10);
    for (const auto& file : files) {
        QVERIFY2(covered.contains(file), qPrintable(file + QStringLiteral(" has no row in TestKeyReader")));
    }
}

void TestKeyReader::keys_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("passphrase");
    QTest::addColumn<int>("found");
    QTest::addColumn<bool>("isSet");
    QTest::addColumn<QStringList>("thumbprints"); // one per key, in order; empty where none is published
    QTest::addColumn<int>("type"); // of the first key, and so on
    QTest::addColumn<int>("curve");
    QTest::addColumn<int>("bits");
    QTest::addColumn<bool>("isPrivate");
    QTest::addColumn<QString>("description");
    QTest::addColumn<QStringList>("skipped"); // a fragment of each reason, in order

    const auto row = [](const QString& name, const QByteArray& input, const Fixture& f, KeyInputKind found,
                        const QString& description) {
        QTest::newRow(qPrintable(name)) << input << (f.encrypted ? kPassphrase : QString()) << int(found) << false
                                        << QStringList{f.thumbprint} << int(f.type) << int(f.curve) << f.bits
                                        << f.isPrivate << description << QStringList();
    };
    for (const auto& f : fixtures()) {
        const QByteArray pem = test::keyFileBytes(f.file);
        const QString inPem = f.structure.isEmpty() ? QStringLiteral(" (PEM)") : " (" + f.structure + ", PEM)";
        row(f.file, pem, f, KeyInputKind::Pem, f.phrase + inPem);
        if (!f.hasDer) {
            continue;
        }
        const QByteArray der = test::derOfPem(pem);
        row(f.file + " as DER", der, f, KeyInputKind::Der, f.phrase + " (DER)");
        row(f.file + " as base64 DER", der.toBase64(), f, KeyInputKind::Base64Der, f.phrase + " (base64 DER)");
        row(f.file + " as base64 DER in lines", test::wrapped(der.toBase64(), 64, "\n"), f, KeyInputKind::Base64Der,
            f.phrase + " (base64 DER)");
        row(f.file + " as base64url DER in CR LF lines",
            test::wrapped(der.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals), 76, "\r\n"), f,
            KeyInputKind::Base64Der, f.phrase + " (base64 DER)");
    }

    // What editors and tools do to a PEM file.
    const Fixture& spki = fixtures()[4];
    QCOMPARE(spki.file, QStringLiteral("rsa-2048-spki.pem"));
    const QString spkiPem = spki.phrase + " (SubjectPublicKeyInfo, PEM)";
    row("PEM with CR LF", withCrLf(test::keyFileBytes(spki.file)), spki, KeyInputKind::Pem, spkiPem);
    row("PEM after a UTF-8 byte order mark", "\xEF\xBB\xBF" + test::keyFileBytes(spki.file), spki, KeyInputKind::Pem,
        spkiPem);
    row("PEM after openssl pkcs12's Bag Attributes",
        "Bag Attributes\n    localKeyID: 01 00 00 00\nsubject=/CN=x\n" + test::keyFileBytes(spki.file), spki,
        KeyInputKind::Pem, spkiPem);
    row("PEM indented and without its last line break", "  " + test::keyFileBytes(spki.file).trimmed(), spki,
        KeyInputKind::Pem, spkiPem);

    // Several PEM blocks: a key set.
    QTest::newRow("PEM with a public key and a certificate")
        << test::keyFileBytes(QStringLiteral("rsa-2048-spki.pem"))
            + test::keyFileBytes(QStringLiteral("ec-p256-certificate.pem"))
        << QString() << int(KeyInputKind::Pem) << true << QStringList{test::kRsaThumbprint, test::kP256Thumbprint}
        << int(KeyType::Rsa) << int(Curve::None) << 2048 << false
        << "PEM with 2 keys: an RSA 2048-bit public key (SubjectPublicKeyInfo); an EC P-256 public key from the "
           "X.509 certificate for \""
            + kCertificateSubject + "\""
        << QStringList();

    // RFC 7638 §3.1: the JWK and its thumbprint.
    const Json rfc7638 = test::loadJson(QStringLiteral("vectors/rfc/rfc7638.json"))["vectors"][0];
    const QString rfc7638Thumbprint = QString::fromStdString(rfc7638["thumbprint_b64u"].get<std::string>());
    const QByteArray jwk = test::jsonText(rfc7638["jwk"]);
    QTest::newRow("JWK (RFC 7638)") << jwk << QString() << int(KeyInputKind::Jwk) << false
                                    << QStringList{rfc7638Thumbprint} << int(KeyType::Rsa) << int(Curve::None) << 2048
                                    << false << "an RSA 2048-bit public key (JWK, kid \"2011-04-29\")" << QStringList();
    QTest::newRow("JWK after a byte order mark and with spaces")
        << "\xEF\xBB\xBF\n  " + jwk + "\n\n"
        << QString() << int(KeyInputKind::Jwk) << false << QStringList{rfc7638Thumbprint} << int(KeyType::Rsa)
        << int(Curve::None) << 2048 << false << "an RSA 2048-bit public key (JWK, kid \"2011-04-29\")" << QStringList();
    const Json hmacJwk = test::loadJson(QStringLiteral("vectors/rfc/rfc7515.json"))["vectors"][0]["key"];
    QTest::newRow("JWK of an HMAC secret (RFC 7515 A.1)")
        << test::jsonText(hmacJwk) << QString() << int(KeyInputKind::Jwk) << false << QStringList{QString()}
        << int(KeyType::Oct) << int(Curve::None) << 512 << true << "an HMAC secret of 64 bytes (JWK)" << QStringList();

    // RFC 7517 A.1 (an EC key, then the RSA key of RFC 7638) and a key no JOSE library can use.
    Json set = rfc7517A1();
    QTest::newRow("JWK Set") << test::jsonText(set) << QString() << int(KeyInputKind::Jwks) << true
                             << QStringList{QString(), rfc7638Thumbprint} << int(KeyType::Ec) << int(Curve::P256) << 256
                             << false << "a JWK Set: 2 keys" << QStringList();
    set["keys"].push_back(test::parseJsonOrDie(R"({"kty":"EC","crv":"P-192","kid":"old","x":"AA","y":"AA"})"));
    QTest::newRow("JWK Set with a key it cannot use")
        << test::jsonText(set) << QString() << int(KeyInputKind::Jwks) << true
        << QStringList{QString(), rfc7638Thumbprint} << int(KeyType::Ec) << int(Curve::P256) << 256 << false
        << "a JWK Set: 2 usable keys, 1 skipped"
        << QStringList{"keys[2] (kid \"old\"): JWK member \"crv\": unknown curve "
                       "\"P-192\""};
    Json one = Json::object();
    one["keys"] = Json::array({rfc7638["jwk"]});
    QTest::newRow("JWK Set of one key") << test::jsonText(one) << QString() << int(KeyInputKind::Jwks) << true
                                        << QStringList{rfc7638Thumbprint} << int(KeyType::Rsa) << int(Curve::None)
                                        << 2048 << false << "a JWK Set: 1 key" << QStringList();
}

void TestKeyReader::keys()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, passphrase);
    QFETCH(int, found);
    QFETCH(bool, isSet);
    QFETCH(QStringList, thumbprints);
    QFETCH(int, type);
    QFETCH(int, curve);
    QFETCH(int, bits);
    QFETCH(bool, isPrivate);
    QFETCH(QString, description);
    QFETCH(QStringList, skipped);

    const std::string passphraseText = passphrase.toStdString();
    KeyReadOptions options;
    options.passphrase = passphraseText;
    const std::span<const std::uint8_t> bytes(reinterpret_cast<const std::uint8_t*>(input.constData()),
                                              static_cast<std::size_t>(input.size()));
    const auto reading = readKeys(bytes, options);
    JWTWB_VERIFY_OK(reading);
    QCOMPARE(QString::fromStdString(reading->description), description);
    QCOMPARE(int(reading->found), found);
    QCOMPARE(reading->isSet, isSet);
    QVERIFY(!reading->secretEncoding);
    QVERIFY(reading->notes.empty());
    QCOMPARE(reading->keys.size(), static_cast<std::size_t>(thumbprints.size()));
    for (qsizetype i = 0; i < thumbprints.size(); ++i) {
        if (!thumbprints[i].isEmpty()) {
            QCOMPARE(thumbprintOf(reading->keys[static_cast<std::size_t>(i)]), thumbprints[i]);
        }
    }
    const Key& key = reading->keys.front();
    QCOMPARE(int(key.type()), type);
    QCOMPARE(int(key.curve()), curve);
    QCOMPARE(key.bits(), bits);
    QCOMPARE(key.hasPrivate(), isPrivate);
    QCOMPARE(reading->skipped.size(), static_cast<std::size_t>(skipped.size()));
    for (qsizetype i = 0; i < skipped.size(); ++i) {
        const QString reason = QString::fromStdString(reading->skipped[static_cast<std::size_t>(i)]);
        QVERIFY2(reason.contains(skipped[i]), qPrintable(reason));
    }
    // The text overload reads the same.
    const auto again = readKeys(std::string_view(input.constData(), static_cast<std::size_t>(input.size())), options);
    JWTWB_VERIFY_OK(again);
    QCOMPARE(again->description, reading->description);
}

void TestKeyReader::errors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("passphrase");
    QTest::addColumn<int>("code");
    QTest::addColumn<QStringList>("fragments"); // each in the message

    const auto row
        = [](const char* name, const QByteArray& input, Errc code, const QStringList& fragments,
             const QString& passphrase = {}) { QTest::newRow(name) << input << passphrase << int(code) << fragments; };
    for (const auto& refused : refusedFiles()) {
        QTest::newRow(qPrintable(refused.file))
            << test::keyFileBytes(refused.file) << QString() << int(refused.code) << refused.fragments;
    }

    row("empty", "", Errc::EmptyInput, {"the key input is empty"});
    row("only whitespace", " \r\n\t\n", Errc::EmptyInput, {"the key input is empty"});
    row("only a byte order mark", "\xEF\xBB\xBF\n", Errc::EmptyInput, {"the key input is empty"});
    row("larger than 1 MiB", QByteArray(static_cast<qsizetype>(kMaxKeyInputSize) + 1, 'A'), Errc::InputTooLarge,
        {"larger than 1 MiB"});
    row("a PEM file padded beyond 1 MiB",
        test::keyFileBytes(QStringLiteral("rsa-2048-spki.pem"))
            + QByteArray(static_cast<qsizetype>(kMaxKeyInputSize), '\n'),
        Errc::InputTooLarge, {"larger than 1 MiB"});

    // Encrypted keys: no passphrase, so that a GUI can ask; a wrong one.
    const QByteArray pkcs8 = test::keyFileBytes(QStringLiteral("ec-p384-pkcs8-encrypted.pem"));
    const QByteArray legacy = test::keyFileBytes(QStringLiteral("rsa-2048-pkcs1-encrypted.pem"));
    const QByteArray pkcs8Der = test::derOfPem(pkcs8);
    const QStringList needed{"the private key is encrypted: a passphrase is needed"};
    const QStringList wrong{"wrong passphrase for the encrypted private key"};
    row("encrypted PKCS#8 PEM without a passphrase", pkcs8, Errc::PassphraseRequired, needed);
    row("legacy-encrypted PKCS#1 without a passphrase", legacy, Errc::PassphraseRequired, needed);
    row("encrypted PKCS#8 DER without a passphrase", pkcs8Der, Errc::PassphraseRequired, needed);
    row("encrypted PKCS#8 base64 DER without a passphrase", pkcs8Der.toBase64(), Errc::PassphraseRequired, needed);
    row("encrypted PKCS#8 PEM, wrong passphrase", pkcs8, Errc::WrongPassphrase, wrong, "Tr0ub4dor&3");
    row("legacy-encrypted PKCS#1, wrong passphrase", legacy, Errc::WrongPassphrase, wrong, "Tr0ub4dor&3");
    row("encrypted PKCS#8 DER, wrong passphrase", pkcs8Der, Errc::WrongPassphrase, wrong, "Tr0ub4dor&3");

    // Crafted key derivation that would hold the reader for hours (OpenSSL itself runs it, and the
    // readKeys fuzz target would time out): refused before any work, also with the right passphrase.
    const QByteArray pbkdf2 = QByteArray::fromStdString(
        test::readDataFile(QStringLiteral("regressions/pkcs8-pbkdf2-2147483647-iterations.pem")));
    const QStringList iterations{"asks for 2147483647 key-derivation iterations, more than the 1000000 allowed",
                                 "refused before any work was done"};
    row("PKCS#8 PEM with 2^31 - 1 PBKDF2 iterations", pbkdf2, Errc::LimitExceeded, iterations, kPassphrase);
    row("PKCS#8 DER with 2^31 - 1 PBKDF2 iterations", test::derOfPem(pbkdf2), Errc::LimitExceeded, iterations,
        kPassphrase);
    row("PKCS#8 base64 DER with 2^31 - 1 PBKDF2 iterations", test::derOfPem(pbkdf2).toBase64(), Errc::LimitExceeded,
        iterations, kPassphrase);
    row("PKCS#8 PEM with 2^31 - 1 PBKDF2 iterations, no passphrase", pbkdf2, Errc::PassphraseRequired, needed);
    row("PKCS#8 PEM with scrypt p = 4096",
        QByteArray::fromStdString(test::readDataFile(QStringLiteral("regressions/pkcs8-scrypt-p4096.pem"))),
        Errc::LimitExceeded, {"scrypt with N = 16384, r = 8, p = 4096", "refused before any work was done"},
        kPassphrase);

    // An RSA private key (PKCS#1 DER) whose modulus the fuzzer made even: OpenSSL decodes it, the
    // JWK reader refused its public JWK (FuzzKeyFile, tests/data/regressions).
    row("RSA DER key with an even modulus",
        QByteArray::fromStdString(test::readDataFile(QStringLiteral("regressions/rsa-pkcs1-der-even-modulus.der"))),
        Errc::InvalidKey, {"not a usable RSA key: its modulus must be odd"});

    // A token where its key belongs.
    const QStringList token{"this is a token, not a key", "a JWS in compact form"};
    row("JWS", kSampleToken, Errc::InvalidKey, token);
    row("JWS with a line break", kSampleToken + "\n", Errc::InvalidKey, token);
    row("Bearer JWS", "Bearer " + kSampleToken, Errc::InvalidKey, token);
    const Json rfc7516 = test::loadJson(QStringLiteral("vectors/rfc/rfc7516.json"));
    row("JWE (RFC 7516 A.1)", QByteArray::fromStdString(rfc7516["vectors"][0]["compact"].get<std::string>()),
        Errc::InvalidKey, {"this is a token, not a key", "a JWE in compact form"});

    // JWK Sets a verifier could not choose from.
    row("JWK Set without a usable key",
        R"({"keys":[{"kty":"DSA","kid":"a"},{"kty":"EC","crv":"P-192","x":"AA","y":"AA"}]})", Errc::UnsupportedKey,
        {"the JWK Set holds no usable key", "keys[0] (kid \"a\"): JWK member \"kty\": unknown key type \"DSA\"",
         "; keys[1]: JWK member \"crv\": unknown curve \"P-192\""});
    row("empty JWK Set", R"({"keys":[]})", Errc::UnsupportedKey, {"the JWK Set holds no keys"});
    row("JWK Set whose keys is no array", R"({"keys":{"kty":"oct"}})", Errc::InvalidKey, {"\"keys\" must be an array"});

    // PEM that holds no key JOSE uses.
    const QByteArray parameters = test::keyFileBytes(QStringLiteral("ec-p256-sec1-with-parameters.pem"));
    row("only EC PARAMETERS", parameters.left(parameters.indexOf("-----BEGIN EC PRIVATE KEY")), Errc::UnsupportedKey,
        {"only parameters (\"EC PARAMETERS\")"});
    row("DSA key after an RSA key",
        test::keyFileBytes(QStringLiteral("rsa-2048-spki.pem"))
            + test::keyFileBytes(QStringLiteral("dsa-2048-pkcs8.pem")),
        Errc::UnsupportedKey, {"PEM block 2: DSA keys are not used by JOSE"});
    row("truncated PEM", "-----BEGIN PRIVATE KEY-----\nMIIE", Errc::InvalidPem, {"is truncated"});
    row("damaged PEM body", "-----BEGIN PUBLIC KEY-----\nMIIB*AAA\n-----END PUBLIC KEY-----\n", Errc::InvalidPem,
        {"the base64 body of the PEM block \"PUBLIC KEY\" is damaged"});
    row("certificate request", "-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n",
        Errc::UnsupportedKey, {"a certificate signing request is not a key"});

    // DER that is not a key.
    const QByteArray spkiDer = test::derOfPem(test::keyFileBytes(QStringLiteral("rsa-2048-spki.pem")));
    row("DER with two octets after the key", spkiDer + QByteArray(2, '\0'), Errc::InvalidKey,
        {"2 octets of unexpected data after the key"});
    row("truncated DER", spkiDer.left(100), Errc::InvalidKey, {"not a DER key or certificate"});
    row("base64 of a SEQUENCE that is no key", "MIIBCgKCAQEAAAAAAAAAAAAAAAAAAAAA", Errc::InvalidKey,
        {"not a DER key or certificate"});
    row("binary data that is not DER", QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), Errc::InvalidKey,
        {"binary data that is not DER", "this with 0x89"});

    // Text that is no key.
    row("a secret given as a key", "your-256-bit-secret", Errc::InvalidKey,
        {"not a key: expected PEM, DER (binary or base64), a JWK or a JWK Set", "an HMAC secret is given as a secret"});
    row("JSON array of a JWK", R"([{"kty":"oct","k":"AAAA"}])", Errc::InvalidKey,
        {"a JSON array, not a key: a JWK Set is an object"});
    row("JSON object without kty or keys", R"({"access_token":"x"})", Errc::InvalidKey,
        {"a JSON object that is not a key", "\"kty\"", "\"keys\""});
    row("broken JSON", R"({"kty":"oct")", Errc::InvalidJson, {});
    row("JWK with a duplicate member", R"({"kty":"oct","k":"AAAA","k":"BBBB"})", Errc::DuplicateMember, {"\"k\""});
    row("JWK without its key", R"({"kty":"EC","crv":"P-256"})", Errc::InvalidKey, {"\"x\""});
}

void TestKeyReader::errors()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, passphrase);
    QFETCH(int, code);
    QFETCH(QStringList, fragments);
    const std::string passphraseText = passphrase.toStdString();
    KeyReadOptions options;
    options.passphrase = passphraseText;
    const auto reading = readKeys(std::string_view(input.constData(), static_cast<std::size_t>(input.size())), options);
    QVERIFY2(!reading, reading ? reading->description.c_str() : "");
    QCOMPARE(errcText(reading.error().code), errcText(static_cast<Errc>(code)));
    const QString message = QString::fromStdString(reading.error().message);
    for (const auto& fragment : fragments) {
        QVERIFY2(message.contains(fragment), qPrintable(message));
    }
}

void TestKeyReader::secrets_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("encoding"); // asked for
    QTest::addColumn<int>("code"); // -1: read
    QTest::addColumn<QByteArray>("secretHex");
    QTest::addColumn<int>("used");
    QTest::addColumn<QString>("description"); // or a fragment of the error
    QTest::addColumn<QString>("note"); // a fragment of the one note, or empty for none

    // RFC 7515 A.1's HMAC key, in each spelling.
    const Json hmacJwk = test::loadJson(QStringLiteral("vectors/rfc/rfc7515.json"))["vectors"][0]["key"];
    const QByteArray k = QByteArray::fromStdString(hmacJwk["k"].get<std::string>());
    const QByteArray bytes = QByteArray::fromBase64(k, QByteArray::Base64UrlEncoding);
    QCOMPARE(bytes.size(), 64);
    const QByteArray hex = bytes.toHex();
    const QByteArray base64 = bytes.toBase64();
    QVERIFY(base64.contains('+') || base64.contains('/') || base64.contains('='));
    const QString described = QStringLiteral("an HMAC secret: 64 bytes, written in %1");

    const auto read = [](const char* name, const QByteArray& input, SecretEncoding asked, const QByteArray& secretHex,
                         SecretEncoding used, const QString& description, const QString& note = {}) {
        QTest::newRow(name) << input << int(asked) << -1 << secretHex << int(used) << description << note;
    };
    read("utf8", "your-256-bit-secret", SecretEncoding::Utf8, QByteArray("your-256-bit-secret").toHex(),
         SecretEncoding::Utf8, "an HMAC secret: 19 bytes, written in UTF-8");
    read("utf8 keeps spaces", " a secret ", SecretEncoding::Utf8, QByteArray(" a secret ").toHex(),
         SecretEncoding::Utf8, "an HMAC secret: 10 bytes, written in UTF-8");
    read("utf8 of one byte", "x", SecretEncoding::Utf8, "78", SecretEncoding::Utf8,
         "an HMAC secret: 1 byte, written in UTF-8");
    read("base64url", k, SecretEncoding::Base64Url, hex, SecretEncoding::Base64Url, described.arg("base64url"));
    read("base64", base64, SecretEncoding::Base64, hex, SecretEncoding::Base64, described.arg("base64"));
    read("base64 with a line break", base64 + "\n", SecretEncoding::Base64, hex, SecretEncoding::Base64,
         described.arg("base64"));
    read("hex", hex, SecretEncoding::Hex, hex, SecretEncoding::Hex, described.arg("hex"));
    read("hex in upper case", hex.toUpper(), SecretEncoding::Hex, hex, SecretEncoding::Hex, described.arg("hex"));
    read("auto: hex", hex, SecretEncoding::Auto, hex, SecretEncoding::Hex, described.arg("hex"), "guessed hex");
    read("auto: base64", base64, SecretEncoding::Auto, hex, SecretEncoding::Base64, described.arg("base64"),
         "guessed base64");
    read("auto: base64url", k, SecretEncoding::Auto, hex, SecretEncoding::Base64Url, described.arg("base64url"),
         "guessed base64url");
    read("auto: text", "your-256-bit-secret", SecretEncoding::Auto, QByteArray("your-256-bit-secret").toHex(),
         SecretEncoding::Utf8, "an HMAC secret: 19 bytes, written in UTF-8", "taken as UTF-8 text");
    const QByteArray pem = test::keyFileBytes(QStringLiteral("rsa-2048-spki.pem"));
    read("a public key's PEM as a secret", pem, SecretEncoding::Utf8, pem.toHex(), SecretEncoding::Utf8,
         QStringLiteral("an HMAC secret: %1 bytes, written in UTF-8").arg(pem.size()),
         "this text is PEM, taken as the secret's bytes because a secret was asked for");
    read("a token as a secret stays a secret", kSampleToken, SecretEncoding::Utf8, kSampleToken.toHex(),
         SecretEncoding::Utf8, QStringLiteral("an HMAC secret: %1 bytes, written in UTF-8").arg(kSampleToken.size()));

    const auto refuse
        = [](const char* name, const QByteArray& input, SecretEncoding asked, Errc code, const QString& fragment) {
              QTest::newRow(name) << input << int(asked) << int(code) << QByteArray() << 0 << fragment << QString();
          };
    refuse("empty", "", SecretEncoding::Utf8, Errc::EmptyInput, "the secret is empty");
    refuse("empty hex", "  \n", SecretEncoding::Hex, Errc::EmptyInput, "the secret is empty");
    refuse("empty auto", "", SecretEncoding::Auto, Errc::EmptyInput, "the secret is empty");
    refuse("not hex", "zz", SecretEncoding::Hex, Errc::InvalidHex, "the secret is not hex");
    refuse("not base64url", "a+b/", SecretEncoding::Base64Url, Errc::InvalidBase64Url, "the secret is not base64url");
    refuse("not UTF-8", "\xff\xfe", SecretEncoding::Utf8, Errc::InvalidUtf8, "not valid UTF-8");
    refuse("larger than 1 MiB", QByteArray(static_cast<qsizetype>(kMaxKeyInputSize) + 1, 'a'), SecretEncoding::Utf8,
           Errc::InputTooLarge, "larger than 1 MiB");
}

void TestKeyReader::secrets()
{
    QFETCH(QByteArray, input);
    QFETCH(int, encoding);
    QFETCH(int, code);
    QFETCH(QByteArray, secretHex);
    QFETCH(int, used);
    QFETCH(QString, description);
    QFETCH(QString, note);
    KeyReadOptions options;
    options.secretEncoding = static_cast<SecretEncoding>(encoding);
    const auto reading = readKeys(std::string_view(input.constData(), static_cast<std::size_t>(input.size())), options);
    if (code >= 0) {
        JWTWB_VERIFY_ERROR(reading, static_cast<Errc>(code), description);
        return;
    }
    JWTWB_VERIFY_OK(reading);
    QCOMPARE(QString::fromStdString(reading->description), description);
    QCOMPARE(int(reading->found), int(KeyInputKind::Secret));
    QVERIFY(!reading->isSet);
    QCOMPARE(reading->keys.size(), std::size_t(1));
    const Key& key = reading->keys.front();
    QCOMPARE(int(key.type()), int(KeyType::Oct));
    QVERIFY(key.hasPrivate());
    const auto secret = key.secret().span();
    QCOMPARE(QByteArray(reinterpret_cast<const char*>(secret.data()), static_cast<qsizetype>(secret.size())).toHex(),
             secretHex);
    QVERIFY(reading->secretEncoding.has_value());
    QCOMPARE(int(*reading->secretEncoding), used);
    if (note.isEmpty()) {
        QVERIFY(reading->notes.empty());
    } else {
        QCOMPARE(reading->notes.size(), std::size_t(1));
        QVERIFY2(QString::fromStdString(reading->notes.front()).contains(note), reading->notes.front().c_str());
    }
}

void TestKeyReader::scryptAtOpenSslsDefaultsIsRead()
{
    // openssl pkcs8 -topk8 -scrypt: N = 16384, r = 8, p = 1, well inside the limit.
    const std::string pem = test::readDataFile(QStringLiteral("regressions/ed25519-pkcs8-scrypt.pem"));
    const std::string passphrase = kPassphrase.toStdString();
    KeyReadOptions options;
    options.passphrase = passphrase;
    const auto reading = readKeys(pem, options);
    QVERIFY2(reading, reading ? "" : reading.error().message.c_str());
    QCOMPARE(thumbprintOf(reading->keys.front()), test::kEd25519Thumbprint);
}

void TestKeyReader::passphraseAskedThenGiven()
{
    // What a GUI does: read, learn that a passphrase is needed, ask, read again.
    const std::string pem = test::keyFileBytes(QStringLiteral("ec-p384-pkcs8-encrypted.pem")).toStdString();
    const auto first = readKeys(pem);
    JWTWB_VERIFY_ERROR(first, Errc::PassphraseRequired, "a passphrase is needed");
    const std::string passphrase = kPassphrase.toStdString();
    KeyReadOptions options;
    options.passphrase = passphrase;
    const auto second = readKeys(pem, options);
    JWTWB_VERIFY_OK(second);
    QCOMPARE(thumbprintOf(second->keys.front()), test::kP384Thumbprint);
    // A passphrase given for a key that is not encrypted does no harm.
    const auto plain = readKeys(test::keyFileBytes(QStringLiteral("ec-p256-sec1.pem")).toStdString(), options);
    JWTWB_VERIFY_OK(plain);
    QCOMPARE(thumbprintOf(plain->keys.front()), test::kP256Thumbprint);
}

void TestKeyReader::errorPositionsCountFromTheInputsStart()
{
    // Not from the start of the block that failed.
    const QByteArray first = test::keyFileBytes(QStringLiteral("rsa-2048-spki.pem"));
    const QByteArray input = first + "-----BEGIN X509 CRL-----\nMIIB\n-----END X509 CRL-----\n";
    const auto reading = readKeys(input.toStdString());
    JWTWB_VERIFY_ERROR(reading, Errc::UnsupportedKey, "PEM block 2: the PEM block \"X509 CRL\"");
    QVERIFY(reading.error().position.has_value());
    QCOMPARE(*reading.error().position, static_cast<std::size_t>(first.size()));

    // Nor from after a byte order mark: "*" is the 11th byte of the body's line.
    const QByteArray damaged = "-----BEGIN PUBLIC KEY-----\nMIIBIjANBg*A\n-----END PUBLIC KEY-----\n";
    const auto plain = readKeys(damaged.toStdString());
    const auto marked = readKeys(("\xEF\xBB\xBF" + damaged).toStdString());
    JWTWB_VERIFY_ERROR(plain, Errc::InvalidPem, "is damaged");
    JWTWB_VERIFY_ERROR(marked, Errc::InvalidPem, "is damaged");
    QCOMPARE(plain.error().position, std::optional<std::size_t>(static_cast<std::size_t>(damaged.indexOf('*'))));
    QCOMPARE(marked.error().position, std::optional<std::size_t>(static_cast<std::size_t>(damaged.indexOf('*') + 3)));
}

QTEST_GUILESS_MAIN(TestKeyReader)
#include "TestKeyReader.moc"
