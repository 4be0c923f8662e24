#include "MainWindow.h"
#include "TestData.h"
#include "TestKeys.h"
#include "UiTestSupport.h"
#include "encoding/Json.h"
#include "jose/CompactToken.h"
#include "jose/JwsSigner.h"
#include "jose/JwtVerifier.h"
#include "keys/KeyExport.h"
#include "keys/KeyImport.h"
#include "pages/DecoderPage.h"
#include "pages/SignerPage.h"
#include "support/Clock.h"
#include "widgets/KeyInput.h"
#include "widgets/SecretField.h"
#include "widgets/VerificationPanel.h"

#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QToolButton>

#include <memory>
#include <utility>

using namespace jwtwb;
using namespace jwtwb::ui;

namespace {

constexpr qint64 kNow = 1800000000; // 2027-01-15T08:00:00Z
const QString kPassphrase = test::kKeyFilePassphrase;
const QString kCertificateSubject = QStringLiteral("CN=test.example,O=JWT Workbench Tests,C=DE");
// 38 bytes, enough for HS256: written in each encoding a secret can be given in.
const QByteArray kSecret = "a-string-secret-at-least-256-bits-long";
const QString kNoPrivateKey = QStringLiteral("A public key cannot sign: give its private key, or generate a key.");

// The four ways a key reaches a KeyInput.
enum class Entry { DecoderPaste, DecoderFile, SignerPaste, SignerFile };

bool isDecoder(Entry entry)
{
    return entry == Entry::DecoderPaste || entry == Entry::DecoderFile;
}

bool isFile(Entry entry)
{
    return entry == Entry::DecoderFile || entry == Entry::SignerFile;
}

const char* entryName(Entry entry)
{
    switch (entry) {
    case Entry::DecoderPaste: return "decoder, pasted";
    case Entry::DecoderFile: return "decoder, file";
    case Entry::SignerPaste: return "signer, pasted";
    case Entry::SignerFile: return "signer, file";
    }
    return "?";
}

// A key file of tests/data/keys/ that the program reads.
struct Fixture {
    const char* file;
    QString phrase; // how core describes the key
    QString structure; // what its PEM label stands for; empty for a certificate
    bool isPrivate;
    bool encrypted; // under kPassphrase
    bool hasDer; // its PEM body is the key as DER (not so for legacy PEM encryption)
    const char* alg; // the test token's algorithm; "" for a key no JWS algorithm uses
    const char* privateFile; // the private key that signs the test token
};

const std::vector<Fixture>& fixtures()
{
    const QString rsaPrivate = QStringLiteral("an RSA 2048-bit private key");
    const QString rsaPublic = QStringLiteral("an RSA 2048-bit public key");
    const QString p256Private = QStringLiteral("an EC P-256 private key");
    const QString p256Public = QStringLiteral("an EC P-256 public key");
    static const std::vector<Fixture> all{
        {"rsa-2048-pkcs8.pem", rsaPrivate, "PKCS#8", true, false, true, "RS256", "rsa-2048-pkcs8.pem"},
        {"rsa-2048-pkcs1.pem", rsaPrivate, "PKCS#1", true, false, true, "PS384", "rsa-2048-pkcs8.pem"},
        {"rsa-2048-pkcs1-encrypted.pem", rsaPrivate, "legacy-encrypted PKCS#1", true, true, false, "RS512",
         "rsa-2048-pkcs8.pem"},
        {"rsa-2048-pkcs1-public.pem", rsaPublic, "PKCS#1", false, false, true, "RS256", "rsa-2048-pkcs8.pem"},
        {"rsa-2048-spki.pem", rsaPublic, "SubjectPublicKeyInfo", false, false, true, "PS256", "rsa-2048-pkcs8.pem"},
        {"ec-p256-sec1-with-parameters.pem", p256Private, "SEC1", true, false, false, "ES256", "ec-p256-sec1.pem"},
        {"ec-p256-sec1.pem", p256Private, "SEC1", true, false, true, "ES256", "ec-p256-sec1.pem"},
        {"ec-p256-spki.pem", p256Public, "SubjectPublicKeyInfo", false, false, true, "ES256", "ec-p256-sec1.pem"},
        {"ec-p256-certificate.pem", p256Public + " from the X.509 certificate for \"" + kCertificateSubject + "\"", "",
         false, false, true, "ES256", "ec-p256-sec1.pem"},
        {"ec-p384-pkcs8-encrypted.pem", "an EC P-384 private key", "encrypted PKCS#8", true, true, true, "ES384",
         "ec-p384-pkcs8-encrypted.pem"},
        {"ed25519-pkcs8.pem", "an Ed25519 private key", "PKCS#8", true, false, true, "EdDSA", "ed25519-pkcs8.pem"},
        {"x448-pkcs8.pem", "an X448 private key", "PKCS#8", true, false, true, "", "ec-p256-sec1.pem"},
    };
    return all;
}

keys::Key privateKeyOf(const char* file)
{
    auto key = keys::importPem(test::readDataFile(QStringLiteral("keys/") + file), kPassphrase.toStdString());
    if (!key) {
        qFatal("cannot read %s: %s", file, key.error().message.c_str());
    }
    return *key;
}

QString jwkText(const keys::Key& key, bool includePrivate, const char* kid)
{
    auto jwk = keys::exportJwk(key, includePrivate);
    if (!jwk) {
        qFatal("cannot export a JWK: %s", jwk.error().message.c_str());
    }
    (*jwk)["kid"] = kid;
    return QString::fromStdString(encoding::toPrettyJson(*jwk));
}

// A token signed at test time by core, with `key`.
QString signedToken(const keys::Key& key, const QString& alg, const QString& kid = {})
{
    encoding::Json header = {{"alg", alg.toStdString()}, {"typ", "JWT"}};
    if (!kid.isEmpty()) {
        header["kid"] = kid.toStdString();
    }
    const std::string payload = R"({"sub":"key formats","iat":1799999940})";
    auto token = jose::signCompact(encoding::toCompactJson(header), asBytes(payload), &key);
    if (!token) {
        qFatal("cannot sign the test token: %s", token.error().message.c_str());
    }
    return QString::fromStdString(*token);
}

QString sentence(const QString& text)
{
    return text.left(1).toUpper() + text.mid(1) + QLatin1Char('.');
}

// Ctrl+A, Ctrl+V into the widget, as a user replaces what is there with the clipboard.
void paste(QWidget* widget, const QString& text)
{
    QGuiApplication::clipboard()->setText(text);
    widget->setFocus();
    QTest::keyClick(widget, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(widget, Qt::Key_V, Qt::ControlModifier);
}

} // namespace

// Every key format through both entry points of the one KeyInput: the decoder (pasted, and a file)
// and the signer (pasted, and a file). The tokens are signed by core at test time; the decoder
// must call them valid, and what the signer signs must verify with the public key.
class TestKeyInputFormats : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void everyFormat_data();
    void everyFormat();
    void refusals_data();
    void refusals();
    void screenshots_data();
    void screenshots();

private:
    // Gives the key as the entry says; for a secret, `encoding` is chosen first. False: the file
    // was not read (then `loadError` says why).
    [[nodiscard]] bool give(KeyInput* input, Entry entry, const QByteArray& content, const QString& fileName,
                            int encoding, QString* loadError);
    // Types the passphrase into its field, which must be shown while the key waits for it.
    void typePassphrase(KeyInput* input, const QString& passphrase);

    QTemporaryDir m_config;
    QTemporaryDir m_files;
};

void TestKeyInputFormats::initTestCase()
{
    QVERIFY(m_config.isValid() && m_files.isValid());
    test::isolateSettings(m_config.path(), QStringLiteral("jwt-workbench-key-formats-test"));
    applyColorScheme(*qApp, ColorScheme::Light);
    Clock::setFixed(test::at(kNow));
}

void TestKeyInputFormats::cleanupTestCase()
{
    Clock::useSystemTime();
}

bool TestKeyInputFormats::give(KeyInput* input, Entry entry, const QByteArray& content, const QString& fileName,
                               int encoding, QString* loadError)
{
    if (encoding >= 0) {
        input->findChild<SecretField*>()->setEncoding(static_cast<keys::SecretEncoding>(encoding));
    }
    if (isFile(entry)) {
        const QString path = m_files.filePath(fileName);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size()) {
            qFatal("cannot write %s", qPrintable(path));
        }
        file.close();
        return input->loadFile(path, loadError);
    }
    // Pasted where it goes: the secret field, or the key box (chosen as a user would when another
    // source is shown; the decoder shows the one its token asks for).
    const auto wanted = encoding >= 0 ? KeyInput::Source::Secret : KeyInput::Source::KeyText;
    if (input->source() != wanted) {
        auto* sources = input->findChild<QComboBox*>(QStringLiteral("keySource"));
        sources->setCurrentIndex(static_cast<int>(wanted));
        emit sources->activated(static_cast<int>(wanted));
    }
    QWidget* target = encoding >= 0 ? static_cast<QWidget*>(input->findChild<QLineEdit*>(QStringLiteral("secretEdit")))
                                    : input->findChild<QPlainTextEdit*>(QStringLiteral("keyText"));
    if (target == nullptr || !target->isVisible()) {
        qWarning("the field to paste into is not shown");
        return false;
    }
    paste(target, QString::fromUtf8(content));
    return true;
}

void TestKeyInputFormats::typePassphrase(KeyInput* input, const QString& passphrase)
{
    auto* field = input->findChild<QLineEdit*>(QStringLiteral("pemPassphrase"));
    QVERIFY(field);
    QVERIFY2(field->isVisible(), qPrintable(input->statusText()));
    QVERIFY(input->keys().empty());
    QCOMPARE(input->errorText(), QStringLiteral("The private key is encrypted: a passphrase is needed."));
    field->setFocus();
    QTest::keyClicks(field, passphrase);
}

void TestKeyInputFormats::everyFormat_data()
{
    QTest::addColumn<int>("entry");
    QTest::addColumn<QByteArray>("content"); // pasted as text, or the file's bytes
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("passphrase");
    QTest::addColumn<int>("encoding"); // a secret's keys::SecretEncoding; -1 for key material
    QTest::addColumn<int>("found"); // keys::KeyInputKind, as foundKind() must say
    QTest::addColumn<QString>("description"); // the first line of the status, from core
    QTest::addColumn<bool>("isPrivate"); // the signer signs with it
    QTest::addColumn<bool>("isSet");
    QTest::addColumn<QString>("alg"); // "": no JWS algorithm uses the key
    QTest::addColumn<QString>("kid"); // the test token's header kid
    QTest::addColumn<QByteArray>("signWith"); // PEM of the private key that signs the test token, or the secret
    const auto all = {Entry::DecoderPaste, Entry::DecoderFile, Entry::SignerPaste, Entry::SignerFile};
    const auto row = [](Entry entry, const QString& format) {
        return &QTest::newRow(qPrintable(QStringLiteral("%1: %2").arg(format, QLatin1String(entryName(entry)))));
    };

    for (const Fixture& fixture : fixtures()) {
        const QByteArray pem = test::keyFileBytes(fixture.file);
        const QByteArray signWith = test::keyFileBytes(fixture.privateFile);
        const QString passphrase = fixture.encrypted ? kPassphrase : QString();
        const QString pemDescription
            = sentence(QStringLiteral("%1 (%2PEM)")
                           .arg(fixture.phrase,
                                fixture.structure.isEmpty() ? QString() : fixture.structure + QStringLiteral(", ")));
        for (const Entry entry : all) {
            *row(entry, QLatin1String(fixture.file))
                << int(entry) << pem << QString::fromLatin1(fixture.file) << passphrase << -1
                << int(keys::KeyInputKind::Pem) << pemDescription << fixture.isPrivate << false
                << QString::fromLatin1(fixture.alg) << QString() << signWith;
        }
        if (!fixture.hasDer) {
            continue;
        }
        // Binary DER as a file, base64 DER pasted: both read as base64 DER (a file comes back as its base64).
        const QByteArray der = test::derOfPem(pem);
        const QString derDescription = sentence(fixture.phrase + QStringLiteral(" (base64 DER)"));
        for (const Entry entry : all) {
            const QString format = QString::fromLatin1(fixture.file).remove(QLatin1String(".pem"))
                + (isFile(entry) ? QStringLiteral(" as binary DER") : QStringLiteral(" as base64 DER"));
            *row(entry, format) << int(entry) << (isFile(entry) ? der : der.toBase64()) << QStringLiteral("key.der")
                                << passphrase << -1 << int(keys::KeyInputKind::Base64Der) << derDescription
                                << fixture.isPrivate << false << QString::fromLatin1(fixture.alg) << QString()
                                << signWith;
        }
    }

    // JWKs, written by core from the test keys; a JWK Set only for the decoder (the signer refuses
    // sets: see refusals).
    const keys::Key ec = privateKeyOf("ec-p256-sec1.pem");
    const keys::Key rsa = privateKeyOf("rsa-2048-pkcs8.pem");
    const QString privateJwk = jwkText(ec, true, "ec-jwk");
    const QString publicJwk = jwkText(rsa, false, "rsa-jwk");
    encoding::Json set = {{"keys", encoding::Json::array()}};
    set["keys"].push_back(test::parseJsonOrDie(jwkText(ec, false, "ec-jwk")));
    set["keys"].push_back(test::parseJsonOrDie(publicJwk));
    for (const Entry entry : all) {
        *row(entry, QStringLiteral("private JWK"))
            << int(entry) << privateJwk.toUtf8() << QStringLiteral("key.jwk") << QString() << -1
            << int(keys::KeyInputKind::Jwk) << QStringLiteral("An EC P-256 private key (JWK, kid \"ec-jwk\").") << true
            << false << QStringLiteral("ES256") << QString() << test::keyFileBytes("ec-p256-sec1.pem");
        *row(entry, QStringLiteral("public JWK"))
            << int(entry) << publicJwk.toUtf8() << QStringLiteral("key.jwk") << QString() << -1
            << int(keys::KeyInputKind::Jwk) << QStringLiteral("An RSA 2048-bit public key (JWK, kid \"rsa-jwk\").")
            << false << false << QStringLiteral("RS384") << QString() << test::keyFileBytes("rsa-2048-pkcs8.pem");
        if (isDecoder(entry)) {
            *row(entry, QStringLiteral("JWK Set"))
                << int(entry) << QByteArray::fromStdString(encoding::toPrettyJson(set)) << QStringLiteral("keys.jwks")
                << QString() << -1 << int(keys::KeyInputKind::Jwks) << QStringLiteral("A JWK Set: 2 keys.") << false
                << true << QStringLiteral("RS256") << QStringLiteral("rsa-jwk")
                << test::keyFileBytes("rsa-2048-pkcs8.pem");
        }
    }

    // HMAC secrets in the encoding the user names; a file holds the secret as text, with a line break.
    const std::pair<keys::SecretEncoding, QByteArray> secrets[]{
        {keys::SecretEncoding::Utf8, kSecret},
        {keys::SecretEncoding::Base64, kSecret.toBase64()},
        {keys::SecretEncoding::Base64Url,
         kSecret.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)},
        {keys::SecretEncoding::Hex, kSecret.toHex()},
    };
    for (const auto& [encoding, written] : secrets) {
        const QString name = QString::fromStdString(std::string(keys::secretEncodingName(encoding)));
        for (const Entry entry : all) {
            *row(entry, QStringLiteral("secret in ") + name)
                << int(entry) << (isFile(entry) ? written + '\n' : written) << QStringLiteral("secret.txt") << QString()
                << int(encoding) << int(keys::KeyInputKind::Secret)
                << QStringLiteral("An HMAC secret: 38 bytes, written in %1.").arg(name) << true << false
                << QStringLiteral("HS256") << QString() << kSecret;
        }
    }
}

void TestKeyInputFormats::everyFormat()
{
    QFETCH(int, entry);
    QFETCH(QByteArray, content);
    QFETCH(QString, fileName);
    QFETCH(QString, passphrase);
    QFETCH(int, encoding);
    QFETCH(int, found);
    QFETCH(QString, description);
    QFETCH(bool, isPrivate);
    QFETCH(bool, isSet);
    QFETCH(QString, alg);
    QFETCH(QString, kid);
    QFETCH(QByteArray, signWith);
    const auto how = static_cast<Entry>(entry);

    // The key that signs the test token, read by core here (not through the widget), and what verifies it.
    const keys::Key signingKey = encoding >= 0
        ? keys::Key::fromSecret(crypto::SecureBytes(signWith.toStdString()))
        : keys::importPem(signWith.toStdString(), kPassphrase.toStdString()).value();
    const keys::Key verifyingKey = encoding >= 0 ? signingKey : signingKey.publicKey().value();

    QString loadError;
    if (isDecoder(how)) {
        DecoderPage page;
        page.resize(1280, 800);
        page.findChild<QTabWidget*>(QStringLiteral("decoderTabs"))->setCurrentIndex(2); // Verification
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        // X448 verifies no JWS algorithm: the test token is ES256, which it must not fit.
        page.setTokenText(signedToken(signingKey, alg.isEmpty() ? QStringLiteral("ES256") : alg, kid));
        VerificationPanel* panel = page.verificationPanel();
        KeyInput* input = panel->keyInput();
        QVERIFY2(give(input, how, content, fileName, encoding, &loadError), qPrintable(loadError));
        if (!passphrase.isEmpty()) {
            QCOMPARE(panel->state(), VerificationState::NotVerified);
            typePassphrase(input, passphrase);
            if (QTest::currentTestFailed()) {
                return;
            }
        }
        QCOMPARE(input->foundKind(), std::optional(static_cast<keys::KeyInputKind>(found)));
        QVERIFY2(input->errorText().isEmpty(), qPrintable(input->errorText()));
        QCOMPARE(input->statusText().section(QLatin1Char('\n'), 0, 0), description);
        QCOMPARE(input->isKeySet(), isSet);
        QCOMPARE(input->keys().size(), std::size_t(isSet ? 2 : 1));
        if (alg.isEmpty()) {
            QCOMPARE(panel->state(), VerificationState::Invalid);
            QCOMPARE(panel->verdictText(), QStringLiteral("Invalid: the key does not fit"));
            return;
        }
        QVERIFY2(panel->state() == VerificationState::Valid, qPrintable(panel->reasonText()));
        QVERIFY2(panel->reasonText().startsWith(QStringLiteral("The signature is valid (%1)").arg(alg)),
                 qPrintable(panel->reasonText()));
        return;
    }

    SignerPage page;
    page.resize(1280, 800);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    KeyInput* input = page.keyInput();
    QVERIFY2(give(input, how, content, fileName, encoding, &loadError), qPrintable(loadError));
    if (!passphrase.isEmpty()) {
        QVERIFY(page.token().isEmpty());
        typePassphrase(input, passphrase);
        if (QTest::currentTestFailed()) {
            return;
        }
    }
    QCOMPARE(input->foundKind(), std::optional(static_cast<keys::KeyInputKind>(found)));
    QCOMPARE(input->statusText().section(QLatin1Char('\n'), 0, 0), description);
    if (!isPrivate) {
        // A public key is refused, in words, and nothing is signed.
        QVERIFY(input->key() == nullptr);
        QCOMPARE(input->errorText(), kNoPrivateKey);
        QCOMPARE(input->statusText(), description + QLatin1Char('\n') + kNoPrivateKey);
        QVERIFY(page.token().isEmpty());
        QVERIFY2(page.blockedReason().contains(QStringLiteral("give a key")), qPrintable(page.blockedReason()));
        return;
    }
    QVERIFY2(input->errorText().isEmpty(), qPrintable(input->errorText()));
    QVERIFY(input->key() != nullptr);
    // A private key read from a file is masked until Show; typed or pasted text stays as it is.
    QCOMPARE(input->isKeyMasked(), how == Entry::SignerFile && encoding < 0);
    auto* algorithms = page.findChild<QComboBox*>(QStringLiteral("algorithmChoice"));
    if (alg.isEmpty()) {
        QCOMPARE(algorithms->count(), 0);
        QVERIFY2(page.blockedReason().contains(QStringLiteral("cannot sign any JWS algorithm")),
                 qPrintable(page.blockedReason()));
        return;
    }
    const int index = algorithms->findData(alg);
    QVERIFY2(index >= 0, qPrintable(alg));
    algorithms->setCurrentIndex(index);
    emit algorithms->activated(index);
    const QString token = page.token();
    QVERIFY2(!token.isEmpty(), qPrintable(page.blockedReason()));

    // Core decides whether the signer's token is right: with the public key (or the secret), and only `alg`.
    jose::JwtVerifyOptions options;
    options.jws.algorithms.push_back(*jose::parseAlgorithm(alg.toStdString()));
    options.claims.now = test::at(kNow);
    const auto verified = jose::verifyJwt(token.toStdString(), jose::KeySource::single(verifyingKey), options);
    QVERIFY2(verified, verified ? "" : verified.error().message.c_str());
    QVERIFY2(verified->signature.valid(), verified->signature.reason.c_str());
    auto decoded = jose::decodeCompact(token.toStdString());
    QVERIFY(decoded && decoded->header.value["alg"] == alg.toStdString());
}

void TestKeyInputFormats::refusals_data()
{
    QTest::addColumn<int>("entry");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<bool>("loads"); // false: the file is refused before it reaches a box
    QTest::addColumn<QString>("status"); // what the user reads under the key
    QTest::addColumn<QString>("error"); // errorText(); for a file that is not read, loadFile's message
    QTest::addColumn<bool>("whole"); // false: core's sentence goes on, and these are its start
    const auto all = {Entry::DecoderPaste, Entry::DecoderFile, Entry::SignerPaste, Entry::SignerFile};
    const auto row = [](Entry entry, const QString& what) {
        return &QTest::newRow(qPrintable(QStringLiteral("%1: %2").arg(what, QLatin1String(entryName(entry)))));
    };
    const QString cannotRead = QStringLiteral("The key cannot be read: ");

    const QString token = signedToken(privateKeyOf("rsa-2048-pkcs8.pem"), QStringLiteral("RS256"));
    const QString tokenError = QStringLiteral("This is a token, not a key: a JWS in compact form "
                                              "(header.payload.signature); give the key that verifies it.");
    for (const Entry entry : {Entry::DecoderPaste, Entry::SignerPaste}) {
        *row(entry, QStringLiteral("a token pasted as a key"))
            << int(entry) << token.toUtf8() << QString() << true << cannotRead + tokenError << tokenError << true;
    }

    const QString openSsh = QStringLiteral("An OpenSSH private key: OpenSSH's own key format is not supported; "
                                           "convert it to PKCS#8 with 'ssh-keygen -p -m PKCS8 -f FILE' (this "
                                           "rewrites FILE in place).");
    const QString openSshPublic = QStringLiteral("An OpenSSH public key (\"ecdsa-sha2-nistp256 AAAA…\"), which this "
                                                 "program does not read: convert it to PEM with 'ssh-keygen -e -m "
                                                 "PKCS8 -f FILE'.");
    const QString dsa = QStringLiteral("DSA keys are not used by JOSE");
    for (const Entry entry : all) {
        *row(entry, QStringLiteral("OpenSSH private key"))
            << int(entry) << test::keyFileBytes(QStringLiteral("ec-p256-openssh")) << QStringLiteral("id_ecdsa") << true
            << cannotRead + openSsh << openSsh << true;
        *row(entry, QStringLiteral("OpenSSH public key"))
            << int(entry) << test::keyFileBytes(QStringLiteral("ec-p256-openssh.pub")) << QStringLiteral("id_ecdsa.pub")
            << true << cannotRead + openSshPublic << openSshPublic << true;
        *row(entry, QStringLiteral("DSA key")) << int(entry) << test::keyFileBytes(QStringLiteral("dsa-2048-pkcs8.pem"))
                                               << QStringLiteral("dsa.pem") << true << cannotRead + dsa << dsa << false;
    }

    // Binary that is not DER (a PNG's signature): refused with core's reason, the box left as it was.
    const QByteArray garbage = QByteArray("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe", 19);
    const QString garbageError = QStringLiteral("garbage.bin cannot be read: Not a key: binary data that is not DER (a "
                                                "DER key or certificate begins with the byte 0x30, this with 0x89).");
    for (const Entry entry : {Entry::DecoderFile, Entry::SignerFile}) {
        *row(entry, QStringLiteral("binary garbage"))
            << int(entry) << garbage << QStringLiteral("garbage.bin") << false << garbageError << garbageError << true;
    }

    // Not for signing: a set, however private its keys.
    encoding::Json set = {{"keys", encoding::Json::array()}};
    set["keys"].push_back(test::parseJsonOrDie(jwkText(privateKeyOf("ec-p256-sec1.pem"), true, "ec")));
    set["keys"].push_back(test::parseJsonOrDie(jwkText(privateKeyOf("ed25519-pkcs8.pem"), true, "ed")));
    const QString oneKey = QStringLiteral("The signer signs with one key: give a single private key, not a set.");
    for (const Entry entry : {Entry::SignerPaste, Entry::SignerFile}) {
        *row(entry, QStringLiteral("private JWK Set"))
            << int(entry) << QByteArray::fromStdString(encoding::toPrettyJson(set)) << QStringLiteral("keys.jwks")
            << true << QStringLiteral("A JWK Set: 2 keys.\n") + oneKey << oneKey << true;
    }
}

void TestKeyInputFormats::refusals()
{
    QFETCH(int, entry);
    QFETCH(QByteArray, content);
    QFETCH(QString, fileName);
    QFETCH(bool, loads);
    QFETCH(QString, status);
    QFETCH(QString, error);
    QFETCH(bool, whole);
    const auto how = static_cast<Entry>(entry);

    std::unique_ptr<QWidget> page;
    KeyInput* input = nullptr;
    VerificationPanel* panel = nullptr;
    if (isDecoder(how)) {
        auto* decoder = new DecoderPage;
        page.reset(decoder);
        decoder->findChild<QTabWidget*>(QStringLiteral("decoderTabs"))->setCurrentIndex(2);
        decoder->setTokenText(signedToken(privateKeyOf("ec-p256-sec1.pem"), QStringLiteral("ES256")));
        panel = decoder->verificationPanel();
        input = panel->keyInput();
    } else {
        auto* signer = new SignerPage;
        page.reset(signer);
        input = signer->keyInput();
    }
    page->resize(1280, 800);
    page->show();
    QVERIFY(QTest::qWaitForWindowExposed(page.get()));

    const std::size_t keysBefore = input->keys().size(); // the signer starts with its demo secret
    QString loadError;
    QCOMPARE(give(input, how, content, fileName, -1, &loadError), loads);
    if (!loads) {
        QCOMPARE(loadError, error);
        QCOMPARE(input->statusText(), status);
        QCOMPARE(input->keys().size(), keysBefore); // the box keeps what it had
    } else if (!whole) {
        QVERIFY2(input->statusText().startsWith(status), qPrintable(input->statusText()));
        QVERIFY2(input->errorText().startsWith(error), qPrintable(input->errorText()));
    } else {
        QCOMPARE(input->statusText(), status);
        QCOMPARE(input->errorText(), error);
    }
    auto* statusLabel = input->findChild<QLabel*>(QStringLiteral("keyStatus"));
    QVERIFY(statusLabel->isVisible());
    QCOMPARE(statusLabel->palette().color(QPalette::WindowText), tokenColors(QApplication::palette()).error);
    if (!loads) {
        return;
    }
    QVERIFY(input->keys().empty());
    QVERIFY(input->key() == nullptr);
    if (panel != nullptr) {
        QCOMPARE(panel->state(), VerificationState::NotVerified);
        QCOMPARE(panel->reasonText(), QStringLiteral("The key cannot be read: ") + input->errorText());
    } else {
        auto* signer = static_cast<SignerPage*>(page.get());
        QVERIFY(signer->token().isEmpty());
        QVERIFY2(signer->blockedReason().contains(QStringLiteral("give a key")), qPrintable(signer->blockedReason()));
    }
}

void TestKeyInputFormats::screenshots_data()
{
    QTest::addColumn<bool>("signer");
    QTest::addColumn<int>("scheme");
    for (const bool signer : {false, true}) {
        for (const auto& [name, scheme] :
             {std::pair{"light", ColorScheme::Light}, std::pair{"dark", ColorScheme::Dark}}) {
            QTest::addRow("%s-%s", signer ? "signer-generated-key" : "decoder-verification-key", name)
                << signer << int(scheme);
        }
    }
}

// The decoder's Verification tab with a key pasted, and the signer with a generated key, at
// 1280×800: saved to look at, and checked for what they must show.
void TestKeyInputFormats::screenshots()
{
    QFETCH(bool, signer);
    QFETCH(int, scheme);
    applyColorScheme(*qApp, static_cast<ColorScheme>(scheme));
    MainWindow window;
    window.resize(1280, 800);
    auto* pages = window.findChild<QTabWidget*>(QStringLiteral("pages"));
    KeyInput* input = nullptr;
    if (signer) {
        pages->setCurrentWidget(window.signerPage());
        input = window.signerPage()->keyInput();
    } else {
        DecoderPage* decoder = window.decoderPage();
        decoder->setTokenText(signedToken(privateKeyOf("rsa-2048-pkcs8.pem"), QStringLiteral("RS256")));
        decoder->findChild<QTabWidget*>(QStringLiteral("decoderTabs"))->setCurrentIndex(2);
        input = decoder->verificationPanel()->keyInput();
    }
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    if (signer) {
        auto* kinds = input->findChild<QComboBox*>(QStringLiteral("generateKind"));
        QVERIFY(kinds && kinds->isVisible());
        QCOMPARE(kinds->currentText(), QStringLiteral("HMAC secret, 256 bits (HS256)")); // the default
        kinds->setCurrentIndex(kinds->findText(QStringLiteral("EC P-256 (ES256)")));
        QSignalSpy finished(input, &KeyInput::generationFinished);
        QTest::mouseClick(input->findChild<QPushButton*>(QStringLiteral("generateButton")), Qt::LeftButton);
        QVERIFY(finished.wait(30000));
        QVERIFY(finished.first().first().toBool());
        // Masked: the private member's value is bullets, the rest of the JWK readable.
        auto* masked = input->findChild<QPlainTextEdit*>(QStringLiteral("maskedKeyText"));
        QVERIFY(masked->isVisible());
        QVERIFY(!input->findChild<QPlainTextEdit*>(QStringLiteral("keyText"))->isVisible());
        QVERIFY(masked->toPlainText().contains(QStringLiteral("\"d\": \"••••••••\"")));
        QVERIFY(masked->toPlainText().contains(QStringLiteral("\"crv\": \"P-256\"")));
        auto* reveal = input->findChild<QToolButton*>(QStringLiteral("revealKey"));
        QVERIFY(reveal->isVisible());
        QCOMPARE(reveal->text(), QStringLiteral("Show"));
        QVERIFY2(input->statusText().startsWith(QStringLiteral("An EC P-256 private key (JWK, kid \"")),
                 qPrintable(input->statusText()));
        QCOMPARE(window.signerPage()->algorithm(), QStringLiteral("ES256"));
        QVERIFY(!window.signerPage()->token().isEmpty());
    } else {
        paste(input->findChild<QPlainTextEdit*>(QStringLiteral("keyText")),
              QString::fromUtf8(test::keyFileBytes("rsa-2048-spki.pem")));
        VerificationPanel* panel = window.decoderPage()->verificationPanel();
        QCOMPARE(panel->state(), VerificationState::Valid);
        QCOMPARE(input->statusText(), QStringLiteral("An RSA 2048-bit public key (SubjectPublicKeyInfo, PEM)."));
        QVERIFY(input->findChild<QPlainTextEdit*>(QStringLiteral("keyText"))->isVisible());
        QVERIFY(!input->findChild<QLineEdit*>(QStringLiteral("pemPassphrase"))->isVisible());
    }

    // Saved once the layout has settled, then checked as it was saved:
    QApplication::processEvents();
    test::saveShot(window, QStringLiteral("key-input-%1").arg(QTest::currentDataTag()));
    // everything of the key input is in view (the decoder's tab scrolls), none of it squeezed, and
    // its status is readable.
    QWidget* view = &window;
    for (QWidget* up = input->parentWidget(); up != nullptr; up = up->parentWidget()) {
        if (auto* scroll = qobject_cast<QScrollArea*>(up)) {
            view = scroll->viewport();
            break;
        }
    }
    for (QWidget* widget : input->findChildren<QWidget*>()) {
        if (!widget->isVisible() || widget->objectName().startsWith(QLatin1String("qt_"))) {
            continue;
        }
        QVERIFY2(view->rect().contains(QRect(widget->mapTo(view, QPoint(0, 0)), widget->size())),
                 qPrintable(widget->objectName()));
        QVERIFY2(widget->width() >= widget->minimumSizeHint().width()
                     && widget->height() >= widget->minimumSizeHint().height(),
                 qPrintable(widget->objectName()));
    }
    auto* status = input->findChild<QLabel*>(QStringLiteral("keyStatus"));
    QVERIFY(status->isVisible());
    const QColor text = status->palette().color(QPalette::WindowText);
    const QColor background = status->palette().color(QPalette::Window);
    QVERIFY2(test::contrast(text, background) >= 4.5, qPrintable(text.name() + " on " + background.name()));
    QVERIFY(status->height() >= status->heightForWidth(status->width()));
    applyColorScheme(*qApp, ColorScheme::Light);
}

QTEST_MAIN(TestKeyInputFormats)
#include "TestKeyInputFormats.moc"
