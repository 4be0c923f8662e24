#include "MainWindow.h"
#include "TestData.h"
#include "TestKeys.h"
#include "UiTestSupport.h"
#include "encoding/Base64Url.h"
#include "inspect/Lint.h"
#include "jose/Algorithm.h"
#include "jose/CompactToken.h"
#include "jose/JwsSigner.h"
#include "jose/JwtVerifier.h"
#include "jose/KeyAlgorithmCheck.h"
#include "keys/KeyExport.h"
#include "keys/KeyImport.h"
#include "keys/Thumbprint.h"
#include "pages/DecoderPage.h"
#include "pages/SignerPage.h"
#include "support/Clock.h"
#include "widgets/ClaimHelpers.h"
#include "widgets/JsonEditor.h"
#include "widgets/KeyInput.h"
#include "widgets/TokenEdit.h"
#include "widgets/VerificationPanel.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QToolButton>

#include <algorithm>

using namespace jwtwb;
using namespace jwtwb::ui;

namespace {

constexpr qint64 kNow = 1800000000; // 2027-01-15T08:00:00Z
const QString kPassphrase = test::kKeyFilePassphrase;

QString keyFile(const QString& name)
{
    return QString::fromStdString(test::readDataFile(QStringLiteral("keys/") + name));
}

// The JWK of an RFC example ("vectors/rfc/rfc7515.json", "RFC7515-A.2").
QString rfcKey(const QString& file, const QString& id)
{
    const auto vectors = test::loadJson(QStringLiteral("vectors/rfc/") + file);
    for (const auto& vector : vectors["vectors"]) {
        if (vector["id"] == id.toStdString()) {
            const auto& key = vector.contains("key") ? vector["key"] : vector["jwk"];
            return QString::fromStdString(encoding::toPrettyJson(key));
        }
    }
    qFatal("no vector %s in %s", qPrintable(id), qPrintable(file));
}

encoding::Json decodedHeader(const QString& token)
{
    const auto decoded = jose::decodeCompact(token.toStdString());
    if (!decoded) {
        return encoding::Json();
    }
    return decoded->header.value;
}

encoding::Json decodedPayload(const QString& token)
{
    const auto decoded = jose::decodeCompact(token.toStdString());
    return decoded && decoded->payloadJson ? decoded->payloadJson->value : encoding::Json();
}

} // namespace

class TestSignerPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void firstTokenIsTheJwtIoSample();
    void signsEveryAlgorithm_data();
    void signsEveryAlgorithm();
    void generatedKeys_data();
    void generatedKeys();
    void rsaGenerationRunsOffThreadAndCancels();
    void keyFiles();
    void keyErrorsAreShown_data();
    void keyErrorsAreShown();
    void onlyAlgorithmsTheKeyCanDo_data();
    void onlyAlgorithmsTheKeyCanDo();
    void headerAlgCannotDisagreeWithTheKey();
    void kidFollowsTheKey();
    void memberOrderKeptAsTyped();
    void claimHelpersUseTheClock_data();
    void claimHelpersUseTheClock();
    void customDurationErrors();
    void jtiIsARandomUuid();
    void templatesFillPlaceholders_data();
    void templatesFillPlaceholders();
    void undoRedoInEditors();
    void invalidJsonBlocksSigning_data();
    void invalidJsonBlocksSigning();
    void unsecuredOnlyWhenChecked();
    void warningBannerShowsDecoderFindings();
    void draftsSurviveRestartWithoutKeys();
    void copyAndOpenInDecoder();
    void openInDecoderVerifies_data();
    void openInDecoderVerifies();
    void verificationTabShots_data();
    void verificationTabShots();
    void screenshots_data();
    void screenshots();
    void generatedPrivateKeyIsMasked();

private:
    void chooseAlgorithm(const QString& name);
    void verifyOutput(const QString& alg, const keys::Key& key);
    [[nodiscard]] QStringList offeredAlgorithms() const;
    [[nodiscard]] bool generate(const keys::KeySpec& spec);
    [[nodiscard]] std::optional<std::vector<inspect::FindingCode>> bannerMatchesLint();

    QTemporaryDir m_config;
    SignerPage* m_page = nullptr;
    JsonEditor* m_header = nullptr;
    JsonEditor* m_payload = nullptr;
    QComboBox* m_algorithm = nullptr;
    QCheckBox* m_unsecured = nullptr;
    QLabel* m_blocked = nullptr;
    QLabel* m_banner = nullptr;
    TokenEdit* m_output = nullptr;
};

void TestSignerPage::initTestCase()
{
    QVERIFY(m_config.isValid());
    test::isolateSettings(m_config.path(), QStringLiteral("jwt-workbench-signer-test"));
}

void TestSignerPage::init()
{
    QSettings().clear();
    applyColorScheme(*qApp, ColorScheme::Light);
    m_page = new SignerPage;
    Clock::setFixed(test::at(kNow));
    m_page->resize(1200, 760);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page));
    m_header = m_page->findChild<JsonEditor*>(QStringLiteral("headerEdit"));
    m_payload = m_page->findChild<JsonEditor*>(QStringLiteral("payloadEdit"));
    m_algorithm = m_page->findChild<QComboBox*>(QStringLiteral("algorithmChoice"));
    m_unsecured = m_page->findChild<QCheckBox*>(QStringLiteral("unsecuredCheck"));
    m_blocked = m_page->findChild<QLabel*>(QStringLiteral("blockedLabel"));
    m_banner = m_page->findChild<QLabel*>(QStringLiteral("warningBanner"));
    m_output = m_page->findChild<TokenEdit*>(QStringLiteral("outputToken"));
    QVERIFY(m_header && m_payload && m_algorithm && m_unsecured && m_blocked && m_banner && m_output);
}

void TestSignerPage::cleanup()
{
    Clock::useSystemTime();
    delete m_page;
    m_page = nullptr;
}

void TestSignerPage::chooseAlgorithm(const QString& name)
{
    const int index = m_algorithm->findData(name);
    QVERIFY2(index >= 0, qPrintable(name + " not offered: " + offeredAlgorithms().join(' ')));
    m_algorithm->setCurrentIndex(index);
    emit m_algorithm->activated(index);
    QCOMPARE(m_page->algorithm(), name);
}

QStringList TestSignerPage::offeredAlgorithms() const
{
    QStringList names;
    for (int i = 0; i < m_algorithm->count(); ++i) {
        names << m_algorithm->itemData(i).toString();
    }
    return names;
}

// The core verifier, not the page, decides whether the output is right.
void TestSignerPage::verifyOutput(const QString& alg, const keys::Key& key)
{
    const QString token = m_page->token();
    QVERIFY2(!token.isEmpty(), qPrintable(m_page->blockedReason()));
    QCOMPARE(m_output->toPlainText(), token);
    jose::JwtVerifyOptions options;
    options.jws.algorithms.push_back(*jose::parseAlgorithm(alg.toStdString()));
    options.claims.now = test::at(kNow);
    const auto result = jose::verifyJwt(token.toStdString(), jose::KeySource::single(key), options);
    QVERIFY2(result, result ? "" : result.error().message.c_str());
    QVERIFY2(result->signature.valid(), result->signature.reason.c_str());
    const auto header = encoding::parseJson(asText(result->header()));
    QVERIFY(header && header->value["alg"] == alg.toStdString());
}

bool TestSignerPage::generate(const keys::KeySpec& spec)
{
    QSignalSpy finished(m_page->keyInput(), &KeyInput::generationFinished);
    m_page->keyInput()->generate(spec);
    if (!finished.wait(60000)) {
        return false;
    }
    return finished.first().first().toBool();
}

void TestSignerPage::firstTokenIsTheJwtIoSample()
{
    // The default draft and jwt.io's demo secret give jwt.io's current sample token, byte for byte.
    QCOMPARE(m_page->algorithm(), QStringLiteral("HS256"));
    QCOMPARE(m_page->token(), test::kCurrentSampleToken);
    const TokenColors colors = tokenColors(QApplication::palette());
    QCOMPARE(test::colorAt(*m_output, 0), colors.header);
    QCOMPARE(test::colorAt(*m_output, static_cast<int>(test::kCurrentSampleToken.indexOf('.')) + 2), colors.payload);
    QCOMPARE(test::colorAt(*m_output, static_cast<int>(test::kCurrentSampleToken.size()) - 1), colors.signature);
}

void TestSignerPage::signsEveryAlgorithm_data()
{
    QTest::addColumn<QString>("source"); // secret-utf8, secret-hex, text
    QTest::addColumn<QString>("keyText");
    QTest::addColumn<QString>("passphrase");
    QTest::addColumn<QString>("verifyWith"); // public key text; empty: the key itself
    QTest::addColumn<QStringList>("algorithms");

    const QStringList hmac{"HS256", "HS384", "HS512"};
    const QStringList rsa{"RS256", "RS384", "RS512", "PS256", "PS384", "PS512"};
    QTest::newRow("RFC 7515 A.1 oct JWK") << "text" << rfcKey("rfc7515.json", "RFC7515-A.1") << ""
                                          << "" << hmac;
    QTest::newRow("64-byte secret, hex") << "secret-hex" << QString("0123456789abcdef").repeated(8) << ""
                                         << "" << hmac;
    QTest::newRow("64-byte secret, UTF-8") << "secret-utf8" << QString("s").repeated(64) << ""
                                           << "" << hmac;
    QTest::newRow("RFC 7515 A.2 RSA JWK") << "text" << rfcKey("rfc7515.json", "RFC7515-A.2") << ""
                                          << "" << rsa;
    QTest::newRow("RSA PKCS#8 PEM") << "text" << keyFile("rsa-2048-pkcs8.pem") << "" << keyFile("rsa-2048-spki.pem")
                                    << rsa;
    QTest::newRow("RSA PKCS#1 encrypted PEM") << "text" << keyFile("rsa-2048-pkcs1-encrypted.pem") << kPassphrase
                                              << keyFile("rsa-2048-pkcs1-public.pem") << QStringList{"RS256", "PS512"};
    QTest::newRow("RFC 7515 A.3 P-256 JWK") << "text" << rfcKey("rfc7515.json", "RFC7515-A.3") << ""
                                            << "" << QStringList{"ES256"};
    QTest::newRow("P-256 SEC1 PEM") << "text" << keyFile("ec-p256-sec1.pem") << "" << keyFile("ec-p256-spki.pem")
                                    << QStringList{"ES256"};
    QTest::newRow("P-384 encrypted PKCS#8")
        << "text" << keyFile("ec-p384-pkcs8-encrypted.pem") << kPassphrase << "" << QStringList{"ES384"};
    QTest::newRow("RFC 7515 A.4 P-521 JWK") << "text" << rfcKey("rfc7515.json", "RFC7515-A.4") << ""
                                            << "" << QStringList{"ES512"};
    QTest::newRow("RFC 8037 A.1 Ed25519 JWK") << "text" << rfcKey("rfc8037.json", "RFC8037-A.1") << ""
                                              << "" << QStringList{"EdDSA"};
    QTest::newRow("Ed25519 PKCS#8 PEM") << "text" << keyFile("ed25519-pkcs8.pem") << ""
                                        << "" << QStringList{"EdDSA"};
}

void TestSignerPage::signsEveryAlgorithm()
{
    QFETCH(QString, source);
    QFETCH(QString, keyText);
    QFETCH(QString, passphrase);
    QFETCH(QString, verifyWith);
    QFETCH(QStringList, algorithms);
    if (source == "secret-hex") {
        m_page->keyInput()->setSecret(keyText, keys::SecretEncoding::Hex);
    } else if (source == "secret-utf8") {
        m_page->keyInput()->setSecret(keyText, keys::SecretEncoding::Utf8);
    } else {
        m_page->keyInput()->setKeyText(keyText, passphrase);
    }
    QVERIFY2(m_page->keyInput()->key(), qPrintable(m_page->keyInput()->statusText()));
    QCOMPARE(offeredAlgorithms().size() >= algorithms.size(), true);

    // The verification key is imported here, independently of the page.
    std::optional<keys::Key> verifier;
    if (source == "secret-hex") {
        verifier = keys::importSecret(keyText.toStdString(), keys::SecretEncoding::Hex)->key;
    } else if (source == "secret-utf8") {
        verifier = keys::importSecret(keyText.toStdString(), keys::SecretEncoding::Utf8)->key;
    } else if (!verifyWith.isEmpty()) {
        verifier = keys::importKeys(verifyWith.toStdString())->front();
        QVERIFY(!verifier->hasPrivate());
    } else {
        const auto imported = keys::importKeys(keyText.toStdString(), passphrase.toStdString());
        QVERIFY(imported);
        const auto& key = imported->front();
        verifier = key.type() == keys::KeyType::Oct ? key : *key.publicKey();
    }
    for (const QString& alg : algorithms) {
        chooseAlgorithm(alg);
        verifyOutput(alg, *verifier);
        QVERIFY(m_header->toPlainText().contains(QStringLiteral("\"alg\": \"%1\"").arg(alg)));
    }
}

void TestSignerPage::generatedKeys_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<int>("bits");
    QTest::addColumn<int>("curve");
    QTest::addColumn<QStringList>("algorithms");
    QTest::newRow("HMAC 512") << int(keys::KeyType::Oct) << 512 << int(keys::Curve::None)
                              << QStringList{"HS256", "HS384", "HS512"};
    QTest::newRow("P-256") << int(keys::KeyType::Ec) << 0 << int(keys::Curve::P256) << QStringList{"ES256"};
    QTest::newRow("P-384") << int(keys::KeyType::Ec) << 0 << int(keys::Curve::P384) << QStringList{"ES384"};
    QTest::newRow("P-521") << int(keys::KeyType::Ec) << 0 << int(keys::Curve::P521) << QStringList{"ES512"};
    QTest::newRow("secp256k1") << int(keys::KeyType::Ec) << 0 << int(keys::Curve::Secp256k1) << QStringList{"ES256K"};
    QTest::newRow("Ed25519") << int(keys::KeyType::Okp) << 0 << int(keys::Curve::Ed25519) << QStringList{"EdDSA"};
    QTest::newRow("Ed448") << int(keys::KeyType::Okp) << 0 << int(keys::Curve::Ed448) << QStringList{"EdDSA"};
}

void TestSignerPage::generatedKeys()
{
    QFETCH(int, type);
    QFETCH(int, bits);
    QFETCH(int, curve);
    QFETCH(QStringList, algorithms);
    QVERIFY(generate({static_cast<keys::KeyType>(type), bits, static_cast<keys::Curve>(curve)}));
    const keys::Key* key = m_page->keyInput()->key();
    QVERIFY(key);
    QCOMPARE(offeredAlgorithms(), algorithms);
    const keys::Key verifier = key->type() == keys::KeyType::Oct ? *key : *key->publicKey();
    for (const QString& alg : algorithms) {
        chooseAlgorithm(alg);
        verifyOutput(alg, verifier);
    }
    if (key->type() != keys::KeyType::Oct) {
        // A generated key is named by its RFC 7638 thumbprint, and the header says so.
        const auto print = keys::thumbprint(verifier);
        QVERIFY(print);
        QVERIFY(decodedHeader(m_page->token())["kid"] == encoding::base64UrlEncode(*print));
    }
}

void TestSignerPage::rsaGenerationRunsOffThreadAndCancels()
{
    QSignalSpy finished(m_page->keyInput(), &KeyInput::generationFinished);
    const QString before = m_page->token();
    m_page->keyInput()->generate({keys::KeyType::Rsa, 16384});
    QVERIFY(m_page->keyInput()->isGenerating());
    auto* cancel = m_page->keyInput()->findChild<QPushButton*>(QStringLiteral("cancelGenerateButton"));
    QVERIFY(cancel && cancel->isVisible());
    // The GUI thread is free while the key is being made: edits still sign live.
    m_payload->setPlainText(QStringLiteral("{\"sub\":\"still responsive\"}"));
    QVERIFY(m_page->token() != before);
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY(!m_page->keyInput()->isGenerating());
    QVERIFY(!cancel->isVisible());
    QVERIFY(m_page->keyInput()->statusText().contains(QStringLiteral("cancel"), Qt::CaseInsensitive));

    QVERIFY(generate({keys::KeyType::Rsa, 2048}));
    chooseAlgorithm(QStringLiteral("PS256"));
    verifyOutput(QStringLiteral("PS256"), *m_page->keyInput()->key()->publicKey());
}

void TestSignerPage::keyFiles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // DER made here from the PEM's base64 body, without the program's help.
    QByteArray body;
    for (const QString& line : keyFile("rsa-2048-pkcs8.pem").split('\n')) {
        if (!line.startsWith("-----")) {
            body += line.trimmed().toLatin1();
        }
    }
    QFile der(dir.filePath("key.der"));
    QVERIFY(der.open(QIODevice::WriteOnly));
    der.write(QByteArray::fromBase64(body));
    der.close();
    QString error;
    QVERIFY2(m_page->keyInput()->loadFile(der.fileName(), &error), qPrintable(error));
    QVERIFY2(m_page->keyInput()->key(), qPrintable(m_page->keyInput()->statusText()));
    const auto spki = keys::importPem(keyFile("rsa-2048-spki.pem").toStdString());
    QVERIFY(spki);
    chooseAlgorithm(QStringLiteral("RS384"));
    verifyOutput(QStringLiteral("RS384"), *spki);

    QVERIFY(m_page->keyInput()->loadFile(test::dataPath("keys/ed25519-pkcs8.pem"), &error));
    QCOMPARE(m_page->algorithm(), QStringLiteral("EdDSA"));

    QVERIFY(!m_page->keyInput()->loadFile(dir.filePath("missing.pem"), &error));
    QVERIFY2(error.contains("missing.pem"), qPrintable(error));
    QFile big(dir.filePath("big.pem"));
    QVERIFY(big.open(QIODevice::WriteOnly));
    big.write(QByteArray(2 * 1024 * 1024, 'A'));
    big.close();
    QVERIFY(!m_page->keyInput()->loadFile(big.fileName(), &error));
    QVERIFY2(error.contains("1 MiB"), qPrintable(error));
}

void TestSignerPage::keyErrorsAreShown_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("hex that is not hex") << "hex"
                                         << "xyz0"
                                         << "hex";
    QTest::newRow("base64 that is not base64") << "base64"
                                               << "a!b="
                                               << "base64";
    QTest::newRow("encrypted PEM without passphrase")
        << "text" << keyFile("ec-p384-pkcs8-encrypted.pem") << "passphrase";
    QTest::newRow("DSA key") << "text" << keyFile("dsa-2048-pkcs8.pem") << "DSA";
    QTest::newRow("not a key") << "text"
                               << "hello"
                               << "";
}

void TestSignerPage::keyErrorsAreShown()
{
    QFETCH(QString, source);
    QFETCH(QString, text);
    QFETCH(QString, message);
    if (source == "hex") {
        m_page->keyInput()->setSecret(text, keys::SecretEncoding::Hex);
    } else if (source == "base64") {
        m_page->keyInput()->setSecret(text, keys::SecretEncoding::Base64);
    } else {
        m_page->keyInput()->setKeyText(text);
    }
    QVERIFY(!m_page->keyInput()->key());
    const QString status = m_page->keyInput()->statusText();
    QVERIFY2(!status.isEmpty() && status.contains(message, Qt::CaseInsensitive), qPrintable(status));
    QVERIFY(m_page->token().isEmpty());
    QVERIFY2(m_blocked->text().contains(QStringLiteral("key")), qPrintable(m_blocked->text()));
    QVERIFY(offeredAlgorithms().isEmpty());
}

void TestSignerPage::onlyAlgorithmsTheKeyCanDo_data()
{
    QTest::addColumn<QString>("keyText");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("RSA") << keyFile("rsa-2048-pkcs8.pem")
                         << QStringList{"RS256", "RS384", "RS512", "PS256", "PS384", "PS512"};
    QTest::newRow("P-256") << keyFile("ec-p256-sec1.pem") << QStringList{"ES256"};
    QTest::newRow("Ed25519") << keyFile("ed25519-pkcs8.pem") << QStringList{"EdDSA"};
    QTest::newRow("public key cannot sign") << keyFile("rsa-2048-spki.pem") << QStringList{};
    QTest::newRow("X448 is for key agreement") << keyFile("x448-pkcs8.pem") << QStringList{};
    QTest::newRow("JWK restricted to RS384") << QString::fromStdString(encoding::toPrettyJson([] {
        auto jwk = test::parseJsonOrDie(rfcKey("rfc7515.json", "RFC7515-A.2"));
        jwk["alg"] = "RS384";
        return jwk;
    }())) << QStringList{"RS384"};
}

void TestSignerPage::onlyAlgorithmsTheKeyCanDo()
{
    QFETCH(QString, keyText);
    QFETCH(QStringList, expected);
    m_page->keyInput()->setKeyText(keyText);
    QCOMPARE(offeredAlgorithms(), expected);
    QVERIFY(!offeredAlgorithms().contains(QStringLiteral("none")));
    if (expected.isEmpty()) {
        QVERIFY(m_page->token().isEmpty());
        QVERIFY(m_blocked->isVisible());
        return;
    }
    // Every choice the list offers gives a token the key really signed, with the header saying so.
    for (const QString& alg : expected) {
        chooseAlgorithm(alg);
        QVERIFY(decodedHeader(m_page->token())["alg"] == alg.toStdString());
        QVERIFY(jose::checkKeyForAlgorithm(*m_page->keyInput()->key(), *jose::parseAlgorithm(alg.toStdString()),
                                           jose::KeyPurpose::Sign));
    }
}

void TestSignerPage::headerAlgCannotDisagreeWithTheKey()
{
    m_page->keyInput()->setKeyText(keyFile("rsa-2048-pkcs8.pem"));
    QCOMPARE(m_page->algorithm(), QStringLiteral("RS256"));
    QVERIFY(m_header->toPlainText().contains("\"alg\": \"RS256\"")); // the HS256 draft followed the key
    // Typing HMAC into the header (the algorithm-confusion attack) does not sign.
    m_page->setHeaderText(QStringLiteral("{\"alg\": \"HS256\", \"typ\": \"JWT\"}"));
    QVERIFY(m_page->token().isEmpty());
    QVERIFY(m_blocked->isVisible());
    QVERIFY2(m_blocked->text().contains("HS256") && m_blocked->text().contains("RS256"), qPrintable(m_blocked->text()));
    QCOMPARE(m_page->algorithm(), QStringLiteral("RS256"));
    // Typing one the key can do selects it.
    m_page->setHeaderText(QStringLiteral("{\"alg\": \"PS384\", \"typ\": \"JWT\"}"));
    QCOMPARE(m_page->algorithm(), QStringLiteral("PS384"));
    verifyOutput(QStringLiteral("PS384"), *keys::importPem(keyFile("rsa-2048-spki.pem").toStdString()));
    // No alg at all: blocked until an algorithm is chosen, which puts it back.
    m_page->setHeaderText(QStringLiteral("{\"typ\": \"JWT\"}"));
    QVERIFY(m_page->token().isEmpty());
    chooseAlgorithm(QStringLiteral("RS512"));
    QCOMPARE(m_header->toPlainText(), QStringLiteral("{\"alg\": \"RS512\", \"typ\": \"JWT\"}"));
    QVERIFY(!m_page->token().isEmpty());
    // Back to a secret: the header follows to HMAC.
    m_page->keyInput()->setSecret(QString("k").repeated(32), keys::SecretEncoding::Utf8);
    QCOMPARE(m_page->algorithm(), QStringLiteral("HS256"));
    QVERIFY(decodedHeader(m_page->token())["alg"] == "HS256");
}

void TestSignerPage::kidFollowsTheKey()
{
    auto jwk = test::parseJsonOrDie(rfcKey("rfc7515.json", "RFC7515-A.3"));
    jwk["kid"] = "signing-key-1";
    m_page->keyInput()->setKeyText(QString::fromStdString(encoding::toPrettyJson(jwk)));
    QCOMPARE(m_header->toPlainText(),
             QStringLiteral("{\n  \"alg\": \"ES256\",\n  \"kid\": \"signing-key-1\",\n  "
                            "\"typ\": \"JWT\"\n}"));
    QVERIFY(decodedHeader(m_page->token())["kid"] == "signing-key-1");
    // A key without a kid takes the old key's kid away rather than sign under a wrong name.
    m_page->keyInput()->setKeyText(keyFile("ec-p256-sec1.pem"));
    QVERIFY(!decodedHeader(m_page->token()).contains("kid"));
    // A kid the user typed stays.
    m_page->setHeaderText(QStringLiteral("{\"alg\":\"ES256\",\"kid\":\"mine\"}"));
    m_page->keyInput()->setKeyText(keyFile("ec-p256-spki.pem"));
    m_page->keyInput()->setKeyText(keyFile("ec-p256-sec1.pem"));
    QVERIFY(decodedHeader(m_page->token())["kid"] == "mine");
}

void TestSignerPage::memberOrderKeptAsTyped()
{
    m_page->keyInput()->setSecret(QString("k").repeated(64), keys::SecretEncoding::Utf8);
    m_page->setHeaderText(QStringLiteral("{\"typ\":\"JWT\",\"cty\":\"x\",\"alg\":\"HS256\"}"));
    m_page->setPayloadText(QStringLiteral("{\"z\": 1, \"a\": {\"y\": 2, \"b\": 3}, \"m\": [3, 1]}"));
    chooseAlgorithm(QStringLiteral("HS512"));
    QCOMPARE(m_header->toPlainText(), QStringLiteral("{\"typ\":\"JWT\",\"cty\":\"x\",\"alg\":\"HS512\"}"));
    const auto decoded = jose::decodeCompact(m_page->token().toStdString());
    QVERIFY(decoded);
    QCOMPARE(QString::fromStdString(std::string(decoded->headerText())),
             QStringLiteral("{\"typ\":\"JWT\",\"cty\":\"x\",\"alg\":\"HS512\"}"));
    QCOMPARE(QString::fromUtf8(asText(decoded->payload())),
             QStringLiteral("{\"z\":1,\"a\":{\"y\":2,\"b\":3},\"m\":[3,1]}"));
}

void TestSignerPage::claimHelpersUseTheClock_data()
{
    QTest::addColumn<QString>("button");
    QTest::addColumn<QString>("expiry"); // preset label or custom text
    QTest::addColumn<QString>("claim");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("iat") << "iatButton"
                         << ""
                         << "iat" << kNow;
    QTest::newRow("nbf") << "nbfButton"
                         << ""
                         << "nbf" << kNow;
    QTest::newRow("exp 5 min") << "expButton"
                               << "5 min"
                               << "exp" << kNow + 300;
    QTest::newRow("exp 15 min") << "expButton"
                                << "15 min"
                                << "exp" << kNow + 900;
    QTest::newRow("exp 1 h") << "expButton"
                             << "1 h"
                             << "exp" << kNow + 3600;
    QTest::newRow("exp 1 day") << "expButton"
                               << "1 day"
                               << "exp" << kNow + 86400;
    QTest::newRow("exp 90m") << "expButton"
                             << "90m"
                             << "exp" << kNow + 5400;
    QTest::newRow("exp 2h30m") << "expButton"
                               << "2h30m"
                               << "exp" << kNow + 9000;
    QTest::newRow("exp 1w") << "expButton"
                            << "1w"
                            << "exp" << kNow + 7 * 86400;
}

void TestSignerPage::claimHelpersUseTheClock()
{
    QFETCH(QString, button);
    QFETCH(QString, expiry);
    QFETCH(QString, claim);
    QFETCH(qint64, expected);
    auto* helpers = m_page->findChild<ClaimHelpers*>();
    QVERIFY(helpers);
    if (!expiry.isEmpty()) {
        helpers->setExpiryText(expiry);
    }
    m_page->setPayloadText(QStringLiteral("{\n  \"sub\": \"1234567890\",\n  \"name\": \"John Doe\"\n}"));
    const QString before = m_payload->toPlainText();
    QTest::mouseClick(m_page->findChild<QPushButton*>(button), Qt::LeftButton);
    QVERIFY(decodedPayload(m_page->token())[claim.toStdString()] == expected);
    // Added after what was typed, which is left as it was.
    QVERIFY(m_payload->toPlainText().startsWith(before.left(before.lastIndexOf(u'\n'))));
    QVERIFY(m_payload->toPlainText().contains(QStringLiteral("\"%1\": %2").arg(claim).arg(expected)));
    // A second press replaces the value in place.
    Clock::setFixed(test::at(kNow + 10));
    QTest::mouseClick(m_page->findChild<QPushButton*>(button), Qt::LeftButton);
    QVERIFY(decodedPayload(m_page->token())[claim.toStdString()] == expected + 10);
    QCOMPARE(m_payload->toPlainText().count(QStringLiteral("\"%1\"").arg(claim)), 1);
}

void TestSignerPage::customDurationErrors()
{
    auto* helpers = m_page->findChild<ClaimHelpers*>();
    helpers->setExpiryText(QStringLiteral("soon"));
    const QString before = m_payload->toPlainText();
    QTest::mouseClick(m_page->findChild<QPushButton*>(QStringLiteral("expButton")), Qt::LeftButton);
    QCOMPARE(m_payload->toPlainText(), before);
    auto* error = m_page->findChild<QLabel*>(QStringLiteral("claimHelperError"));
    QVERIFY(error && error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("soon")), qPrintable(error->text()));
}

void TestSignerPage::jtiIsARandomUuid()
{
    const QRegularExpression uuid(
        QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
    QTest::mouseClick(m_page->findChild<QPushButton*>(QStringLiteral("jtiButton")), Qt::LeftButton);
    const auto first = decodedPayload(m_page->token())["jti"];
    QVERIFY(first.is_string());
    QVERIFY(uuid.match(QString::fromStdString(first.get<std::string>())).hasMatch());
    QTest::mouseClick(m_page->findChild<QPushButton*>(QStringLiteral("jtiButton")), Qt::LeftButton);
    QVERIFY(decodedPayload(m_page->token())["jti"] != first);
}

void TestSignerPage::templatesFillPlaceholders_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("typ");
    QTest::addColumn<qint64>("lifetime");
    QTest::newRow("access token") << 0 << "at+jwt" << qint64(900);
    QTest::newRow("ID token") << 1 << "JWT" << qint64(3600);
    QTest::newRow("refresh token") << 2 << "JWT" << qint64(30 * 86400);
    QTest::newRow("service to service") << 3 << "JWT" << qint64(300);
}

void TestSignerPage::templatesFillPlaceholders()
{
    QFETCH(int, index);
    QFETCH(QString, typ);
    QFETCH(qint64, lifetime);
    m_page->findChild<QComboBox*>(QStringLiteral("templateChoice"))->setCurrentIndex(index);
    QTest::mouseClick(m_page->findChild<QPushButton*>(QStringLiteral("applyTemplateButton")), Qt::LeftButton);
    const auto payload = decodedPayload(m_page->token());
    for (const char* claim : {"iss", "sub", "aud"}) {
        QVERIFY2(payload.contains(claim), claim);
    }
    QVERIFY(payload["iat"] == kNow);
    QVERIFY(payload["exp"] == kNow + lifetime);
    QVERIFY(decodedHeader(m_page->token())["typ"] == typ.toStdString());
    QVERIFY(decodedHeader(m_page->token())["alg"] == "HS256");
}

void TestSignerPage::undoRedoInEditors()
{
    const QString before = m_payload->toPlainText();
    const QString token = m_page->token();
    QTest::mouseClick(m_page->findChild<QPushButton*>(QStringLiteral("iatButton")), Qt::LeftButton);
    const QString after = m_payload->toPlainText();
    QVERIFY(after != before);
    m_payload->setFocus();
    QTest::keySequence(m_payload, QKeySequence::Undo);
    QCOMPARE(m_payload->toPlainText(), before);
    QCOMPARE(m_page->token(), token);
    QTest::keySequence(m_payload, QKeySequence::Redo);
    QCOMPARE(m_payload->toPlainText(), after);

    // The algorithm written into the header is one undo step too.
    m_page->keyInput()->setSecret(QString("k").repeated(64), keys::SecretEncoding::Utf8);
    const QString header = m_header->toPlainText();
    chooseAlgorithm(QStringLiteral("HS384"));
    m_header->setFocus();
    QTest::keySequence(m_header, QKeySequence::Undo);
    QCOMPARE(m_header->toPlainText(), header);
}

void TestSignerPage::invalidJsonBlocksSigning_data()
{
    QTest::addColumn<bool>("inHeader");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reason");
    QTest::newRow("payload syntax") << false << "{\n  \"sub\": \"a\",\n  \"iat\": 15x\n}"
                                    << "line 3, column";
    QTest::newRow("payload duplicate") << false << "{\"sub\": \"a\",\n \"sub\": \"b\"}"
                                       << "Duplicate member \"sub\" at line 2, column 2";
    QTest::newRow("nested duplicate") << false << "{\"a\": {\"x\": 1, \"x\": 2}}"
                                      << "Duplicate member \"x\" in /a";
    QTest::newRow("payload array") << false << "[1, 2]"
                                   << "must be a JSON object";
    QTest::newRow("payload empty") << false << ""
                                   << "Not signed";
    QTest::newRow("header unterminated") << true << "{\"alg\": \"HS256"
                                         << "line 1";
    QTest::newRow("header duplicate alg") << true << "{\"alg\":\"HS256\",\"alg\":\"none\"}"
                                          << "Duplicate member \"alg\"";
}

void TestSignerPage::invalidJsonBlocksSigning()
{
    QFETCH(bool, inHeader);
    QFETCH(QString, text);
    QFETCH(QString, reason);
    QVERIFY(!m_page->token().isEmpty());
    JsonEditor* editor = inHeader ? m_header : m_payload;
    editor->setPlainText(text);
    QVERIFY(m_page->token().isEmpty());
    QVERIFY(m_output->toPlainText().isEmpty());
    QVERIFY(m_blocked->isVisible());
    QVERIFY2(m_blocked->text().contains(reason), qPrintable(m_blocked->text()));
    auto* status
        = m_page->findChild<QLabel*>(inHeader ? QStringLiteral("headerStatus") : QStringLiteral("payloadStatus"));
    QVERIFY(status->isVisible() && !status->text().isEmpty());
    QCOMPARE(m_page->findChild<QPushButton*>(QStringLiteral("copyButton"))->isEnabled(), false);
    if (!text.isEmpty()) {
        QCOMPARE(editor->extraSelections().size(), 1); // the character the problem is about is marked
    }
    test::saveShot(*m_page, QStringLiteral("signer-invalid-%1").arg(QTest::currentDataTag()).replace(' ', '-'));
}

void TestSignerPage::unsecuredOnlyWhenChecked()
{
    // alg "none" typed into the header is not enough.
    m_page->setHeaderText(QStringLiteral("{\"alg\":\"none\"}"));
    QVERIFY(m_page->token().isEmpty());
    QVERIFY(!offeredAlgorithms().contains(QStringLiteral("none")));
    m_unsecured->setChecked(true);
    QCOMPARE(offeredAlgorithms(), QStringList{"none"});
    QVERIFY(!m_page->keyInput()->isEnabled());
    const QString token = m_page->token();
    QVERIFY(token.endsWith(u'.'));
    QVERIFY(decodedHeader(token)["alg"] == "none");
    QVERIFY(m_banner->isVisible());
    // Unchecking goes back to the key's algorithms and rewrites the header.
    m_unsecured->setChecked(false);
    QCOMPARE(m_page->algorithm(), QStringLiteral("HS256"));
    QVERIFY(decodedHeader(m_page->token())["alg"] == "HS256");
}

// The banner shows what core's lint says about the output (not Info), and nothing else.
std::optional<std::vector<inspect::FindingCode>> TestSignerPage::bannerMatchesLint()
{
    const auto decoded = jose::decodeCompact(m_page->token().toStdString(), jose::Base64Mode::Lenient);
    if (!decoded) {
        qWarning("no token");
        return std::nullopt;
    }
    inspect::LintOptions options;
    options.now = test::at(kNow);
    options.key = m_unsecured->isChecked() ? nullptr : m_page->keyInput()->key();
    std::vector<inspect::FindingCode> shown;
    for (const auto& finding : inspect::lint(*decoded, options)) {
        const bool expected = finding.severity != inspect::Severity::Info;
        if (m_banner->text().contains(QString::fromStdString(finding.title).toHtmlEscaped()) != expected) {
            qWarning("banner and lint disagree on: %s", finding.title.c_str());
            return std::nullopt;
        }
        if (expected) {
            shown.push_back(finding.code);
        }
    }
    if (m_banner->isVisible() != !shown.empty()) {
        qWarning("banner visibility is wrong");
        return std::nullopt;
    }
    return shown;
}

void TestSignerPage::warningBannerShowsDecoderFindings()
{
    // The sample has no exp. A short secret, accepted on purpose, is a finding too.
    const auto first = bannerMatchesLint();
    QVERIFY(first);
    QVERIFY(std::ranges::find(*first, inspect::FindingCode::WeakHmacSecret) == first->end());
    QVERIFY(std::ranges::find(*first, inspect::FindingCode::MissingExp) != first->end());
    m_page->findChild<QCheckBox*>(QStringLiteral("acceptWeakKeys"))->setChecked(true);
    m_page->keyInput()->setSecret(test::kSampleSecret, keys::SecretEncoding::Utf8);
    const auto weak = bannerMatchesLint();
    QVERIFY(weak);
    QVERIFY(std::ranges::find(*weak, inspect::FindingCode::WeakHmacSecret) != weak->end());

    // A strong secret and an exp: those two go away.
    m_page->keyInput()->setSecret(QString("0123456789abcdef").repeated(4), keys::SecretEncoding::Hex);
    QTest::mouseClick(m_page->findChild<QPushButton*>(QStringLiteral("iatButton")), Qt::LeftButton);
    QTest::mouseClick(m_page->findChild<QPushButton*>(QStringLiteral("expButton")), Qt::LeftButton);
    const auto second = bannerMatchesLint();
    QVERIFY(second);
    QVERIFY(std::ranges::find(*second, inspect::FindingCode::WeakHmacSecret) == second->end());
    QVERIFY(std::ranges::find(*second, inspect::FindingCode::MissingExp) == second->end());

    // Unsecured: the banner says so.
    m_unsecured->setChecked(true);
    const auto third = bannerMatchesLint();
    QVERIFY(third);
    QVERIFY(std::ranges::find(*third, inspect::FindingCode::AlgNone) != third->end());
}

void TestSignerPage::draftsSurviveRestartWithoutKeys()
{
    const QString secret = QStringLiteral("a-secret-that-must-never-be-stored-0123456789");
    m_page->keyInput()->setSecret(secret, keys::SecretEncoding::Utf8);
    m_page->setHeaderText(QStringLiteral("{\"typ\":\"JWT\",\"alg\":\"HS256\"}"));
    chooseAlgorithm(QStringLiteral("HS384"));
    m_page->setPayloadText(QStringLiteral("{\"sub\":\"draft\"}"));
    delete m_page;

    QSettings settings;
    for (const QString& name : settings.allKeys()) {
        QVERIFY2(!settings.value(name).toString().contains(secret), qPrintable(name));
    }
    m_page = new SignerPage;
    m_header = m_page->findChild<JsonEditor*>(QStringLiteral("headerEdit"));
    QCOMPARE(m_page->headerText(), QStringLiteral("{\"typ\":\"JWT\",\"alg\":\"HS384\"}"));
    QCOMPARE(m_page->payloadText(), QStringLiteral("{\"sub\":\"draft\"}"));
    QCOMPARE(m_page->algorithm(), QStringLiteral("HS384"));
    QVERIFY(m_page->keyInput()->findChild<QLineEdit*>(QStringLiteral("secretEdit"))->text() != secret);
}

void TestSignerPage::copyAndOpenInDecoder()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("pages"));
    SignerPage* signer = window.signerPage();
    tabs->setCurrentWidget(signer);
    signer->keyInput()->setKeyText(keyFile("ed25519-pkcs8.pem"));
    const QString token = signer->token();
    QVERIFY(!token.isEmpty());
    QTest::mouseClick(signer->findChild<QPushButton*>(QStringLiteral("copyButton")), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), token);
    QVERIFY(QGuiApplication::clipboard()->mimeData()->hasFormat(QStringLiteral("x-kde-passwordManagerHint")));
    QTest::mouseClick(signer->findChild<QPushButton*>(QStringLiteral("openInDecoderButton")), Qt::LeftButton);
    QCOMPARE(tabs->currentWidget(), window.decoderPage());
    QCOMPARE(window.decoderPage()->tokenText(), token);
}

void TestSignerPage::openInDecoderVerifies_data()
{
    QTest::addColumn<QString>("secret"); // with its encoding, or empty for a key
    QTest::addColumn<int>("encoding");
    QTest::addColumn<QString>("keyText");
    QTest::addColumn<QString>("alg");
    QTest::addColumn<int>("decoderFound"); // keys::KeyInputKind: what the decoder reads
    QTest::newRow("HS256 UTF-8 secret") << "a shared secret of 32 bytes, ok!" << int(keys::SecretEncoding::Utf8)
                                        << QString() << "HS256" << int(keys::KeyInputKind::Secret);
    QTest::newRow("HS256 hex secret") << "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"
                                      << int(keys::SecretEncoding::Hex) << QString() << "HS256"
                                      << int(keys::KeyInputKind::Secret);
    QTest::newRow("ES256 PEM") << QString() << 0 << keyFile("ec-p256-sec1.pem") << "ES256"
                               << int(keys::KeyInputKind::Pem);
    encoding::Json jwk = test::parseJsonOrDie(rfcKey("rfc7515.json", "RFC7515-A.3"));
    jwk["kid"] = "signer-es256";
    QTest::newRow("ES256 JWK with kid") << QString() << 0 << QString::fromStdString(jwk.dump()) << "ES256"
                                        << int(keys::KeyInputKind::Jwk);
    QTest::newRow("EdDSA PEM") << QString() << 0 << keyFile("ed25519-pkcs8.pem") << "EdDSA"
                               << int(keys::KeyInputKind::Pem);
}

void TestSignerPage::openInDecoderVerifies()
{
    // The token just signed shows Valid in the decoder: its key (the public half) or secret comes along.
    QFETCH(QString, secret);
    QFETCH(int, encoding);
    QFETCH(QString, keyText);
    QFETCH(QString, alg);
    QFETCH(int, decoderFound);
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    SignerPage* signer = window.signerPage();
    VerificationPanel* verification = window.decoderPage()->verificationPanel();
    // A key left in the decoder from before is replaced, not added to.
    verification->keyInput()->setKeyText(keyFile("rsa-2048-spki.pem"));
    if (secret.isEmpty()) {
        signer->keyInput()->setKeyText(keyText);
    } else {
        signer->keyInput()->setSecret(secret, static_cast<keys::SecretEncoding>(encoding));
    }
    QTRY_COMPARE(signer->algorithm(), alg);
    const QString token = signer->token();
    QVERIFY2(!token.isEmpty(), qPrintable(signer->blockedReason()));
    QTest::mouseClick(signer->findChild<QPushButton*>(QStringLiteral("openInDecoderButton")), Qt::LeftButton);
    QCOMPARE(window.decoderPage()->tokenText(), token);
    QTRY_VERIFY2(verification->state() == VerificationState::Valid, qPrintable(verification->reasonText()));
    QCOMPARE(verification->keyInput()->foundKind(), std::optional(static_cast<keys::KeyInputKind>(decoderFound)));
    const auto& keys = verification->keyInput()->keys();
    QCOMPARE(keys.size(), std::size_t(1));
    // Only what verifies: a key pair's public half, never its private key.
    QCOMPARE(keys.front().hasPrivate(), !secret.isEmpty());
}

void TestSignerPage::verificationTabShots_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<int>("scheme");
    QTest::addColumn<QSize>("size");
    for (const char* scenario :
         {"rs256-empty-box", "rs256-pasted-pem", "leftover-ec-key", "confusion", "secret-by-hand", "signer-es256"}) {
        for (const auto& [name, scheme] :
             {std::pair{"light", ColorScheme::Light}, std::pair{"dark", ColorScheme::Dark}}) {
            for (const QSize size : {QSize(1280, 800), QSize(900, 600)}) {
                QTest::addRow("%s-%s-%dx%d", scenario, name, size.width(), size.height())
                    << scenario << int(scheme) << size;
            }
        }
    }
}

void TestSignerPage::verificationTabShots()
{
    // The decoder's Verification tab after each of the situations of issue 21 item 3, to look at.
    QFETCH(QString, scenario);
    QFETCH(int, scheme);
    QFETCH(QSize, size);
    applyColorScheme(*qApp, static_cast<ColorScheme>(scheme));
    MainWindow window;
    window.resize(size);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    DecoderPage* decoder = window.decoderPage();
    VerificationPanel* verification = decoder->verificationPanel();
    auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("pages"));
    VerificationState expected = VerificationState::Valid;
    if (scenario == "rs256-empty-box") {
        const encoding::Json rs256 = test::loadJson(QStringLiteral("vectors/cookbook/jws/4_1.rsa_v15_signature.json"));
        decoder->setTokenText(QString::fromStdString(rs256["output"]["compact"].get<std::string>()));
        QTRY_COMPARE(verification->keyInput()->source(), KeyInput::Source::KeyText);
        expected = VerificationState::NotVerified;
    } else if (scenario == "secret-by-hand") {
        // "HMAC secret" picked by hand, then a public key's PEM typed into it.
        const std::string pem = test::readDataFile(QStringLiteral("keys/rsa-2048-spki.pem"));
        decoder->setTokenText(test::kSampleToken);
        auto* sourceBox = verification->findChild<QComboBox*>(QStringLiteral("keySource"));
        sourceBox->setCurrentIndex(1);
        emit sourceBox->activated(1);
        sourceBox->setCurrentIndex(0);
        emit sourceBox->activated(0);
        auto* secretEdit = verification->findChild<QLineEdit*>(QStringLiteral("secretEdit"));
        secretEdit->setText(QString::fromStdString(pem));
        QCOMPARE(verification->keyInput()->source(), KeyInput::Source::Secret);
        expected = VerificationState::Invalid;
    } else if (scenario == "rs256-pasted-pem") {
        const encoding::Json rs256 = test::loadJson(QStringLiteral("vectors/cookbook/jws/4_1.rsa_v15_signature.json"));
        const encoding::Json jwk = test::loadJson(QStringLiteral("vectors/cookbook/jwk/3_3.rsa_public_key.json"));
        decoder->setTokenText(QString::fromStdString(rs256["output"]["compact"].get<std::string>()));
        QTRY_COMPARE(verification->keyInput()->source(), KeyInput::Source::KeyText);
        verification->keyInput()->setKeyText(
            QString::fromStdString(keys::exportPublicPem(keys::importJwk(jwk).value()).value()));
    } else if (scenario == "leftover-ec-key") {
        verification->keyInput()->setKeyText(keyFile("ec-p256-sec1.pem"));
        decoder->setTokenText(test::kSampleToken);
        expected = VerificationState::Invalid;
    } else if (scenario == "confusion") {
        const std::string pem = test::readDataFile(QStringLiteral("keys/rsa-2048-spki.pem"));
        const keys::Key forged = keys::Key::fromSecret(crypto::SecureBytes(pem));
        decoder->setTokenText(QString::fromStdString(
            jose::signCompact(R"({"alg":"HS256","typ":"JWT"})", asBytes(R"({"sub":"admin","admin":true})"), &forged)
                .value()));
        verification->keyInput()->setKeyText(QString::fromStdString(pem));
        expected = VerificationState::Invalid;
    } else {
        tabs->setCurrentWidget(window.signerPage());
        window.signerPage()->keyInput()->setKeyText(keyFile("ec-p256-sec1.pem"));
        QTRY_COMPARE(window.signerPage()->algorithm(), QStringLiteral("ES256"));
        QTest::mouseClick(window.signerPage()->findChild<QPushButton*>(QStringLiteral("openInDecoderButton")),
                          Qt::LeftButton);
    }
    tabs->setCurrentWidget(decoder);
    auto* decoderTabs = decoder->findChild<QTabWidget*>(QStringLiteral("decoderTabs"));
    for (int i = 0; i < decoderTabs->count(); ++i) {
        if (decoderTabs->tabText(i).remove(QLatin1Char('&')).startsWith(QStringLiteral("Verification"))) {
            decoderTabs->setCurrentIndex(i);
        }
    }
    QTRY_VERIFY2(verification->state() == expected, qPrintable(verification->reasonText()));
    QTRY_VERIFY(verification->isVisible());
    QApplication::processEvents();
    test::saveShot(window, QStringLiteral("verification-tab-%1").arg(QTest::currentDataTag()));
}

void TestSignerPage::screenshots_data()
{
    QTest::addColumn<int>("scheme");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<bool>("jwk");
    QTest::newRow("light-1280x800") << int(ColorScheme::Light) << QSize(1280, 800) << false;
    QTest::newRow("dark-1280x800") << int(ColorScheme::Dark) << QSize(1280, 800) << false;
    QTest::newRow("light-1024x640") << int(ColorScheme::Light) << QSize(1024, 640) << false;
    QTest::newRow("dark-1024x640") << int(ColorScheme::Dark) << QSize(1024, 640) << false;
    QTest::newRow("light-1024x640-jwk") << int(ColorScheme::Light) << QSize(1024, 640) << true;
    QTest::newRow("dark-1280x800-jwk") << int(ColorScheme::Dark) << QSize(1280, 800) << true;
}

void TestSignerPage::screenshots()
{
    QFETCH(int, scheme);
    QFETCH(QSize, size);
    QFETCH(bool, jwk);
    applyColorScheme(*qApp, static_cast<ColorScheme>(scheme));
    MainWindow window;
    Clock::setFixed(test::at(kNow));
    if (jwk) {
        auto key = test::parseJsonOrDie(rfcKey("rfc7515.json", "RFC7515-A.3"));
        key["kid"] = "signing-key-1";
        window.signerPage()->keyInput()->setKeyText(QString::fromStdString(encoding::toPrettyJson(key)));
        QTest::mouseClick(window.signerPage()->findChild<QPushButton*>(QStringLiteral("expButton")), Qt::LeftButton);
    }
    window.findChild<QTabWidget*>(QStringLiteral("pages"))->setCurrentWidget(window.signerPage());
    window.resize(size);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.size(), size);
    // Nothing the user must read or press is squeezed below what it needs.
    for (QWidget* widget : window.signerPage()->findChildren<QWidget*>()) {
        if (!widget->isVisible()
            || !(qobject_cast<QPushButton*>(widget) || qobject_cast<QComboBox*>(widget)
                 || qobject_cast<QCheckBox*>(widget))) {
            continue;
        }
        QVERIFY2(widget->width() >= widget->minimumSizeHint().width()
                     && widget->height() >= widget->minimumSizeHint().height(),
                 qPrintable(widget->objectName()));
        QVERIFY2(window.rect().contains(QRect(widget->mapTo(&window, QPoint(0, 0)), widget->size())),
                 qPrintable(widget->objectName()));
    }
    auto* output = window.signerPage()->findChild<TokenEdit*>(QStringLiteral("outputToken"));
    QVERIFY(output->height() >= 3 * output->fontMetrics().height());
    for (auto* editor : window.signerPage()->findChildren<JsonEditor*>()) {
        QVERIFY(editor->height() >= 4 * editor->fontMetrics().height());
    }
    test::saveShot(window, QStringLiteral("signer-page-%1").arg(QTest::currentDataTag()));
    // It also fits the smallest window the main window test uses (720×520).
    QVERIFY2(window.minimumSizeHint().width() <= 720 && window.minimumSizeHint().height() <= 520,
             qPrintable(
                 QStringLiteral("%1x%2").arg(window.minimumSizeHint().width()).arg(window.minimumSizeHint().height())));
}

// Like an HMAC secret, a generated private key is not shown: its JWK with the private members as
// bullets, until Show; the key itself signs as before.
void TestSignerPage::generatedPrivateKeyIsMasked()
{
    QVERIFY(generate({keys::KeyType::Ec, 0, keys::Curve::P256}));
    KeyInput* input = m_page->keyInput();
    auto* keyText = input->findChild<QPlainTextEdit*>(QStringLiteral("keyText"));
    auto* masked = input->findChild<QPlainTextEdit*>(QStringLiteral("maskedKeyText"));
    auto* reveal = input->findChild<QToolButton*>(QStringLiteral("revealKey"));
    QVERIFY(keyText && masked && reveal);
    const auto jwk = encoding::parseJson(keyText->toPlainText().toStdString());
    QVERIFY(jwk && jwk->value.contains("d"));
    const QString d = QString::fromStdString(jwk->value["d"].get<std::string>());
    QVERIFY(input->isKeyMasked());
    QVERIFY(!keyText->isVisible());
    QVERIFY(masked->isVisible());
    QVERIFY(!masked->toPlainText().contains(d));
    QVERIFY(masked->toPlainText().contains(QStringLiteral("\"d\": \"••••••••\"")));
    QVERIFY(masked->toPlainText().contains(QStringLiteral("\"crv\": \"P-256\"")));
    QVERIFY(reveal->isVisible());
    QCOMPARE(reveal->text(), QStringLiteral("Show"));
    QVERIFY(!m_page->token().isEmpty());
    for (const bool dark : {false, true}) {
        applyColorScheme(*qApp, dark ? ColorScheme::Dark : ColorScheme::Light);
        for (const QSize size : {QSize(1280, 800), QSize(900, 600)}) {
            m_page->resize(size);
            QCoreApplication::processEvents();
            test::saveShot(*m_page,
                           QStringLiteral("signer-generated-key-masked-%1-%2x%3")
                               .arg(dark ? "dark" : "light")
                               .arg(size.width())
                               .arg(size.height()));
        }
    }
    applyColorScheme(*qApp, ColorScheme::Light);

    reveal->click();
    QVERIFY(!input->isKeyMasked());
    QVERIFY(keyText->isVisible());
    QVERIFY(keyText->toPlainText().contains(d));
    QCOMPARE(reveal->text(), QStringLiteral("Hide"));
    reveal->click();
    QVERIFY(input->isKeyMasked());

    // Typed text stays as typed: nothing to hide from the person who typed it.
    input->setKeyText(keyText->toPlainText());
    QVERIFY(!input->isKeyMasked());
    QVERIFY(keyText->isVisible());
}

QTEST_MAIN(TestSignerPage)
#include "TestSignerPage.moc"
