#include "MainWindow.h"
#include "TestData.h"
#include "UiTestSupport.h"
#include "encoding/Json.h"
#include "jose/CompactToken.h"
#include "jwe/EncryptedJwt.h"
#include "keys/KeyExport.h"
#include "keys/KeyGenerator.h"
#include "keys/KeyReader.h"
#include "pages/DecoderPage.h"
#include "pages/SignerPage.h"
#include "support/Clock.h"
#include "widgets/EncryptionStep.h"
#include "widgets/JsonEditor.h"
#include "widgets/KeyInput.h"
#include "widgets/VerificationPanel.h"

#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace jwtwb;
using namespace jwtwb::ui;

namespace {

constexpr qint64 kNow = 1800000000; // 2027-01-15T08:00:00Z
const QString kClaims = QStringLiteral("{\"sub\": \"alice\", \"iat\": 1799999940, \"exp\": 1800003600}");
const QString kSigningSecret = QStringLiteral("a-string-secret-at-least-256-bits-long");
const QString kShared256 = QStringLiteral("0123456789abcdef0123456789abcdef"); // 32 bytes as UTF-8
const QString kShared128 = QStringLiteral("00112233445566778899aabbccddeeff"); // 16 bytes as hex
const QString kPassphrase = QStringLiteral("correct horse battery staple");

// How the recipient's key is given to the signer, and what decrypts with core afterwards.
enum class Recipient { Rsa, RsaPrivateText, EcP256, X25519, Ed25519, Shared256, Shared128, Passphrase, RsaOaepOnly };

struct RecipientKey {
    QString text; // for the key box, or the secret
    keys::SecretEncoding encoding = keys::SecretEncoding::Utf8;
    bool secret = false;
    std::vector<keys::Key> decryptWith;
};

keys::Key generated(const keys::KeySpec& spec)
{
    auto key = keys::generateKey(spec);
    if (!key) {
        qFatal("cannot generate: %s", key.error().message.c_str());
    }
    return *key;
}

QString jwkText(const keys::Key& key, bool includePrivate)
{
    auto jwk = keys::exportJwk(key, includePrivate);
    if (!jwk) {
        qFatal("cannot export: %s", jwk.error().message.c_str());
    }
    return QString::fromStdString(jwk->dump(2));
}

keys::Key secretKey(const QString& text, keys::SecretEncoding encoding)
{
    keys::KeyReadOptions options;
    options.secretEncoding = encoding;
    auto reading = keys::readKeys(text.toStdString(), options);
    if (!reading) {
        qFatal("cannot read the secret: %s", reading.error().message.c_str());
    }
    return reading->keys.front();
}

RecipientKey recipient(Recipient kind)
{
    switch (kind) {
    case Recipient::Rsa:
    case Recipient::RsaPrivateText:
    case Recipient::RsaOaepOnly: {
        static const keys::Key rsa = generated({keys::KeyType::Rsa, 2048, keys::Curve::None});
        keys::Key shown = rsa;
        if (kind == Recipient::RsaOaepOnly) {
            shown.parameters().alg = "RSA-OAEP";
        }
        return {jwkText(shown, kind == Recipient::RsaPrivateText), {}, false, {rsa}};
    }
    case Recipient::EcP256: {
        const keys::Key ec = generated({keys::KeyType::Ec, 0, keys::Curve::P256});
        return {jwkText(ec, false), {}, false, {ec}};
    }
    case Recipient::X25519: {
        const keys::Key okp = generated({keys::KeyType::Okp, 0, keys::Curve::X25519});
        return {jwkText(okp, false), {}, false, {okp}};
    }
    case Recipient::Ed25519: {
        const keys::Key ed = generated({keys::KeyType::Okp, 0, keys::Curve::Ed25519});
        return {jwkText(ed, false), {}, false, {ed}};
    }
    case Recipient::Shared256:
        return {kShared256, keys::SecretEncoding::Utf8, true, {secretKey(kShared256, keys::SecretEncoding::Utf8)}};
    case Recipient::Shared128:
        return {kShared128, keys::SecretEncoding::Hex, true, {secretKey(kShared128, keys::SecretEncoding::Hex)}};
    case Recipient::Passphrase:
        return {kPassphrase, keys::SecretEncoding::Utf8, true, {secretKey(kPassphrase, keys::SecretEncoding::Utf8)}};
    }
    return {};
}

} // namespace

Q_DECLARE_METATYPE(Recipient)
Q_DECLARE_METATYPE(EncryptionStep::Mode)

// The signer's encryption step: the algorithms each key can do, and tokens that core decrypts.
class TestSignerEncrypt : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void offersOnlyWhatTheKeyFits_data();
    void offersOnlyWhatTheKeyFits();
    void roundTrip_data();
    void roundTrip();
    void encryptingInsteadOfSigningSetsSigningAside();
    void refusesKeysThatCannotEncrypt();
    void passphraseEncryptsOffTheGuiThread();
    void openInDecoderDecryptsAndVerifies_data();
    void openInDecoderDecryptsAndVerifies();
    void screenshots_data();
    void screenshots();

private:
    void giveRecipient(const RecipientKey& key);
    QString waitForToken();

    QTemporaryDir m_config;
    SignerPage* m_page = nullptr;
};

void TestSignerEncrypt::initTestCase()
{
    QVERIFY(m_config.isValid());
    QStandardPaths::setTestModeEnabled(true);
    test::isolateSettings(m_config.path());
}

void TestSignerEncrypt::init()
{
    QSettings().clear();
    applyColorScheme(*qApp, ColorScheme::Light);
    Clock::setFixed(test::at(kNow));
    m_page = new SignerPage;
    m_page->resize(1200, 760);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page));
    m_page->setPayloadText(kClaims);
}

void TestSignerEncrypt::cleanup()
{
    Clock::useSystemTime();
    delete m_page;
    m_page = nullptr;
}

void TestSignerEncrypt::giveRecipient(const RecipientKey& key)
{
    KeyInput* input = m_page->encryptionStep()->keyInput();
    if (key.secret) {
        input->setSecret(key.text, key.encoding);
    } else {
        input->setKeyText(key.text);
    }
}

QString TestSignerEncrypt::waitForToken()
{
    [&] { QTRY_VERIFY_WITH_TIMEOUT(!m_page->isEncrypting(), 10000); }();
    return m_page->token();
}

void TestSignerEncrypt::offersOnlyWhatTheKeyFits_data()
{
    QTest::addColumn<Recipient>("kind");
    QTest::addColumn<QStringList>("algorithms");
    QTest::addColumn<QString>("chosen");
    QTest::addColumn<QString>("dirEncryptions"); // with dir chosen: the encs of the key's size

    const QStringList rsa{"RSA-OAEP", "RSA-OAEP-256", "RSA-OAEP-384", "RSA-OAEP-512"};
    const QStringList ecdh{"ECDH-ES", "ECDH-ES+A128KW", "ECDH-ES+A192KW", "ECDH-ES+A256KW"};
    const QStringList pbes2{"PBES2-HS256+A128KW", "PBES2-HS384+A192KW", "PBES2-HS512+A256KW"};
    QTest::newRow("RSA public key") << Recipient::Rsa << rsa << "RSA-OAEP-256"
                                    << "";
    QTest::newRow("RSA private key: its public half") << Recipient::RsaPrivateText << rsa << "RSA-OAEP-256"
                                                      << "";
    QTest::newRow("JWK with alg RSA-OAEP") << Recipient::RsaOaepOnly << QStringList{"RSA-OAEP"} << "RSA-OAEP"
                                           << "";
    QTest::newRow("EC P-256") << Recipient::EcP256 << ecdh << "ECDH-ES+A256KW"
                              << "";
    QTest::newRow("X25519") << Recipient::X25519 << ecdh << "ECDH-ES+A256KW"
                            << "";
    QTest::newRow("256-bit shared key") << Recipient::Shared256
                                        << QStringList{"dir", "A256KW"} + pbes2 + QStringList{"A256GCMKW"} << "A256KW"
                                        << "A128CBC-HS256 A256GCM";
    QTest::newRow("128-bit shared key") << Recipient::Shared128
                                        << QStringList{"dir", "A128KW"} + pbes2 + QStringList{"A128GCMKW"} << "A128KW"
                                        << "A128GCM";
    QTest::newRow("passphrase") << Recipient::Passphrase << pbes2 << "PBES2-HS512+A256KW"
                                << "";
    QTest::newRow("Ed25519: none") << Recipient::Ed25519 << QStringList{} << ""
                                   << "";
}

void TestSignerEncrypt::offersOnlyWhatTheKeyFits()
{
    QFETCH(Recipient, kind);
    QFETCH(QStringList, algorithms);
    QFETCH(QString, chosen);
    QFETCH(QString, dirEncryptions);

    EncryptionStep* step = m_page->encryptionStep();
    step->setMode(EncryptionStep::Mode::AfterSigning);
    giveRecipient(recipient(kind));
    QCOMPARE(step->algorithms(), algorithms);
    QCOMPARE(step->algorithm(), chosen);
    if (!chosen.isEmpty()) {
        QCOMPARE(step->encryptions().size(), 6); // every enc goes with a wrapped or agreed key
        QCOMPARE(step->encryption(), QStringLiteral("A256GCM"));
    }
    if (!dirEncryptions.isEmpty()) {
        step->setAlgorithm(QStringLiteral("dir"));
        QCOMPARE(step->encryptions(), dirEncryptions.split(QLatin1Char(' ')));
    }
    if (kind == Recipient::RsaPrivateText) {
        QVERIFY2(step->keyInput()->statusText().contains("Only its public half is used"),
                 qPrintable(step->keyInput()->statusText()));
        QVERIFY(!step->keyInput()->key()->hasPrivate());
    }
}

void TestSignerEncrypt::roundTrip_data()
{
    QTest::addColumn<EncryptionStep::Mode>("mode");
    QTest::addColumn<Recipient>("kind");
    QTest::addColumn<QString>("alg");
    QTest::addColumn<QString>("enc");
    QTest::addColumn<bool>("compress");

    const auto nested = EncryptionStep::Mode::AfterSigning;
    const auto claims = EncryptionStep::Mode::InsteadOfSigning;
    QTest::newRow("nested, RSA-OAEP-256, A256GCM") << nested << Recipient::Rsa << "RSA-OAEP-256"
                                                   << "A256GCM" << false;
    QTest::newRow("nested, RSA-OAEP, A192GCM, zip") << nested << Recipient::Rsa << "RSA-OAEP"
                                                    << "A192GCM" << true;
    QTest::newRow("nested, ECDH-ES, A128CBC-HS256") << nested << Recipient::EcP256 << "ECDH-ES"
                                                    << "A128CBC-HS256" << false;
    QTest::newRow("nested, ECDH-ES+A256KW on X25519, A256GCM") << nested << Recipient::X25519 << "ECDH-ES+A256KW"
                                                               << "A256GCM" << false;
    QTest::newRow("nested, dir, A128CBC-HS256") << nested << Recipient::Shared256 << "dir"
                                                << "A128CBC-HS256" << false;
    QTest::newRow("claims, A128KW, A128GCM") << claims << Recipient::Shared128 << "A128KW"
                                             << "A128GCM" << false;
    QTest::newRow("claims, A256GCMKW, A256CBC-HS512") << claims << Recipient::Shared256 << "A256GCMKW"
                                                      << "A256CBC-HS512" << false;
    QTest::newRow("claims, PBES2-HS256+A128KW, A128GCM") << claims << Recipient::Passphrase << "PBES2-HS256+A128KW"
                                                         << "A128GCM" << false;
    QTest::newRow("claims, RSA-OAEP-512, A256GCM") << claims << Recipient::Rsa << "RSA-OAEP-512"
                                                   << "A256GCM" << false;
}

void TestSignerEncrypt::roundTrip()
{
    QFETCH(EncryptionStep::Mode, mode);
    QFETCH(Recipient, kind);
    QFETCH(QString, alg);
    QFETCH(QString, enc);
    QFETCH(bool, compress);

    m_page->keyInput()->setSecret(kSigningSecret, keys::SecretEncoding::Utf8);
    EncryptionStep* step = m_page->encryptionStep();
    step->setMode(mode);
    const RecipientKey key = recipient(kind);
    giveRecipient(key);
    step->setAlgorithm(alg);
    step->setEncryption(enc);
    step->setCompress(compress);
    QCOMPARE(step->algorithm(), alg);
    QCOMPARE(step->encryption(), enc);
    const QString token = waitForToken();
    QVERIFY2(!token.isEmpty(), qPrintable(m_page->blockedReason()));
    QCOMPARE(token.count(QLatin1Char('.')), 4);

    const keys::Key signing = secretKey(kSigningSecret, keys::SecretEncoding::Utf8);
    jwe::EncryptedJwtOptions options;
    options.verify.claims.now = test::at(kNow);
    const auto report
        = jwe::decryptJwt(token.toStdString(), key.decryptWith, jose::KeySource::single(signing), options);
    QVERIFY2(report, report ? "" : report.error().message.c_str());
    const auto& header = report->decrypted.header;
    QCOMPARE(QString::fromStdString(header["alg"].get<std::string>()), alg);
    QCOMPARE(QString::fromStdString(header["enc"].get<std::string>()), enc);
    QCOMPARE(report->decrypted.compressed, compress);
    QVERIFY(report->valid());
    const encoding::Json expected = test::parseJsonOrDie(kClaims);
    if (mode == EncryptionStep::Mode::AfterSigning) {
        QCOMPARE(report->content, jwe::JweContent::NestedJwt);
        QVERIFY(header["cty"] == encoding::Json("JWT"));
        QVERIFY(report->nested->token().payloadJson->value == expected);
        QVERIFY(report->nested->signature.valid());
    } else {
        QCOMPARE(report->content, jwe::JweContent::Claims);
        QVERIFY(header["typ"] == encoding::Json("JWT"));
        QVERIFY(test::parseJsonOrDie(QString::fromUtf8(report->decrypted.plaintext.view().data(),
                                                       static_cast<qsizetype>(report->decrypted.plaintext.size())))
                == expected);
    }
}

void TestSignerEncrypt::encryptingInsteadOfSigningSetsSigningAside()
{
    EncryptionStep* step = m_page->encryptionStep();
    step->setMode(EncryptionStep::Mode::InsteadOfSigning);
    giveRecipient(recipient(Recipient::Shared256));
    QVERIFY(!m_page->findChild<JsonEditor*>(QStringLiteral("headerEdit"))->isEnabled());
    QVERIFY(!m_page->keyInput()->isVisible());
    // No signing key needed: the claims alone are encrypted.
    m_page->keyInput()->clear();
    const QString token = waitForToken();
    QVERIFY2(!token.isEmpty(), qPrintable(m_page->blockedReason()));
    const auto decoded = jose::decodeCompact(token.toStdString());
    QVERIFY(decoded);
    QCOMPARE(decoded->kind, jose::TokenKind::Jwe);
    QVERIFY(!decoded->header.value.contains("cty"));
    QVERIFY(decoded->header.value["alg"] == encoding::Json("A256KW"));

    // Back to signing: the header and the key are used again.
    step->setMode(EncryptionStep::Mode::Off);
    QVERIFY(m_page->findChild<JsonEditor*>(QStringLiteral("headerEdit"))->isEnabled());
    QVERIFY(m_page->keyInput()->isVisible());
    QVERIFY(m_page->token().isEmpty()); // the signing key was cleared
}

void TestSignerEncrypt::refusesKeysThatCannotEncrypt()
{
    m_page->keyInput()->setSecret(kSigningSecret, keys::SecretEncoding::Utf8);
    m_page->encryptionStep()->setMode(EncryptionStep::Mode::AfterSigning);
    QVERIFY2(m_page->blockedReason().startsWith("Not encrypted: Give the recipient's public key"),
             qPrintable(m_page->blockedReason()));
    giveRecipient(recipient(Recipient::Ed25519));
    QVERIFY2(m_page->blockedReason().contains("Ed25519 public key cannot encrypt a JWE"),
             qPrintable(m_page->blockedReason()));
    QVERIFY(m_page->token().isEmpty());
}

void TestSignerEncrypt::passphraseEncryptsOffTheGuiThread()
{
    m_page->keyInput()->setSecret(kSigningSecret, keys::SecretEncoding::Utf8);
    EncryptionStep* step = m_page->encryptionStep();
    step->setMode(EncryptionStep::Mode::AfterSigning);
    giveRecipient(recipient(Recipient::Passphrase));
    QCOMPARE(step->algorithm(), QStringLiteral("PBES2-HS512+A256KW"));
    // 600 000 PBKDF2 iterations: the window stays responsive, and no token is shown meanwhile.
    QVERIFY(m_page->isEncrypting());
    QVERIFY(m_page->token().isEmpty());
    QVERIFY(!m_page->findChild<QPushButton*>(QStringLiteral("copyButton"))->isEnabled());
    const QString token = waitForToken();
    QVERIFY(!token.isEmpty());
    const auto decoded = jose::decodeCompact(token.toStdString());
    QVERIFY(decoded);
    QVERIFY(decoded->header.value["p2c"] == encoding::Json(600000));
}

void TestSignerEncrypt::openInDecoderDecryptsAndVerifies_data()
{
    QTest::addColumn<Recipient>("kind");
    QTest::addColumn<QString>("decrypted");
    QTest::newRow("shared key") << Recipient::Shared256 << "Decrypted with A256KW / A256GCM";
    QTest::newRow("RSA private key as text") << Recipient::RsaPrivateText << "Decrypted with RSA-OAEP-256 / A256GCM";
}

void TestSignerEncrypt::openInDecoderDecryptsAndVerifies()
{
    QFETCH(Recipient, kind);
    QFETCH(QString, decrypted);

    MainWindow window;
    window.resize(1200, 760);
    SignerPage* signer = window.signerPage();
    signer->setPayloadText(kClaims);
    signer->keyInput()->setSecret(kSigningSecret, keys::SecretEncoding::Utf8);
    signer->encryptionStep()->setMode(EncryptionStep::Mode::AfterSigning);
    const RecipientKey key = recipient(kind);
    if (key.secret) {
        signer->encryptionStep()->keyInput()->setSecret(key.text, key.encoding);
    } else {
        signer->encryptionStep()->keyInput()->setKeyText(key.text);
    }
    QTRY_VERIFY(!signer->isEncrypting() && !signer->token().isEmpty());
    QTest::mouseClick(signer->findChild<QPushButton*>(QStringLiteral("openInDecoderButton")), Qt::LeftButton);
    const VerificationPanel* panel = window.decoderPage()->verificationPanel();
    QTRY_COMPARE_WITH_TIMEOUT(panel->verdictText(), QStringLiteral("Valid"), 10000);
    QVERIFY2(panel->reasonText().contains(decrypted), qPrintable(panel->reasonText()));
    QVERIFY2(panel->reasonText().contains("Layer 2, signature: The signature is valid (HS256)"),
             qPrintable(panel->reasonText()));
}

void TestSignerEncrypt::screenshots_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void TestSignerEncrypt::screenshots()
{
    QFETCH(bool, dark);
    applyColorScheme(*qApp, dark ? ColorScheme::Dark : ColorScheme::Light);
    SignerPage page;
    page.resize(1280, 800);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    page.setPayloadText(kClaims);
    page.keyInput()->setSecret(kSigningSecret, keys::SecretEncoding::Utf8);
    page.encryptionStep()->setMode(EncryptionStep::Mode::AfterSigning);
    page.encryptionStep()->keyInput()->setKeyText(recipient(Recipient::Rsa).text);
    QTRY_VERIFY(!page.isEncrypting() && !page.token().isEmpty());
    const QString scheme = dark ? QStringLiteral("dark") : QStringLiteral("light");
    test::saveShot(page, QStringLiteral("signer-encrypt-nested-") + scheme);
    page.encryptionStep()->setMode(EncryptionStep::Mode::InsteadOfSigning);
    page.encryptionStep()->keyInput()->setSecret(kPassphrase, keys::SecretEncoding::Utf8);
    QTRY_VERIFY_WITH_TIMEOUT(!page.isEncrypting() && !page.token().isEmpty(), 10000);
    test::saveShot(page, QStringLiteral("signer-encrypt-claims-") + scheme);
    applyColorScheme(*qApp, ColorScheme::Light);
}

QTEST_MAIN(TestSignerEncrypt)
#include "TestSignerEncrypt.moc"
