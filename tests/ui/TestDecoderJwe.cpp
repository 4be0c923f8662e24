#include "MainWindow.h"
#include "TestData.h"
#include "UiTestSupport.h"
#include "encoding/Base64Url.h"
#include "encoding/Json.h"
#include "jwe/EncryptedJwt.h"
#include "jwe/JweEncrypter.h"
#include "jwe/JweSerialization.h"
#include "keys/KeyReader.h"
#include "keys/Keystore.h"
#include "models/ClaimsModel.h"
#include "pages/DecoderPage.h"
#include "pages/TimelinePage.h"
#include "support/Clock.h"
#include "support/Convert.h"
#include "support/JweDecryption.h"
#include "support/KeystoreSession.h"
#include "support/Translations.h"
#include "widgets/JsonView.h"
#include "widgets/KeyInput.h"
#include "widgets/TimelineWidget.h"
#include "widgets/VerificationPanel.h"
#include "widgets/XRayView.h"

#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>

using namespace jwtwb;
using namespace jwtwb::ui;

namespace {

enum Tab { kDecodedTab, kClaimsTab, kVerificationTab, kFindingsTab, kXRayTab };

const QString kCookbook = QStringLiteral("vectors/cookbook/jwe/");
const QString kNesting = QStringLiteral("vectors/cookbook/6.nesting_signatures_and_encryption.json");
constexpr qint64 kBeforeNestedExp = 1300819000; // the nested token of RFC 7520 §6 expires at 1300819380

encoding::Json vector(const QString& name)
{
    return test::loadJson(kCookbook + name + QStringLiteral(".json"));
}

QString text(const encoding::Json& value)
{
    return QString::fromStdString(value.get<std::string>());
}

QString jwk(const encoding::Json& key)
{
    return QString::fromStdString(key.dump(2));
}

QString jwkSet(const encoding::Json& key)
{
    return QString::fromStdString(encoding::Json{{"keys", encoding::Json::array({key})}}.dump(2));
}

std::vector<keys::Key> readKeys(const QString& keyText)
{
    auto reading = keys::readKeys(keyText.toStdString());
    if (!reading) {
        qFatal("cannot read the test key: %s", reading.error().message.c_str());
    }
    return std::move(reading->keys);
}

std::string b64(std::string_view bytes)
{
    return encoding::base64UrlEncode(std::span(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()));
}

// The compact token with part `index` replaced.
QString withPart(const QString& token, int index, const QString& part)
{
    QStringList parts = token.split(QLatin1Char('.'));
    parts[index] = part;
    return parts.join(QLatin1Char('.'));
}

QString withHeader(const QString& token, const encoding::Json& header)
{
    return withPart(token, 0, QString::fromStdString(b64(encoding::toCompactJson(header))));
}

QString withFlippedTagByte(const QString& token)
{
    auto tag = encoding::base64UrlDecode(token.section(QLatin1Char('.'), 4, 4).toStdString());
    if (!tag) {
        qFatal("bad tag");
    }
    (*tag)[3] ^= 0x01;
    return withPart(token, 4, QString::fromStdString(encoding::base64UrlEncode(*tag)));
}

// A JWE made here with core: `plaintext` under a 256-bit dir key, optionally compressed.
QString encrypted(std::string_view plaintext, const keys::Key& key, encoding::Json header, bool compress = false)
{
    jwe::EncryptOptions options;
    options.protectedHeader = std::move(header);
    options.compress = compress;
    auto message = jwe::encryptJwe(std::span(reinterpret_cast<const std::uint8_t*>(plaintext.data()), plaintext.size()),
                                   key, std::move(options));
    if (!message) {
        qFatal("cannot encrypt: %s", message.error().message.c_str());
    }
    auto compact = jwe::toJweCompact(*message);
    if (!compact) {
        qFatal("cannot serialize: %s", compact.error().message.c_str());
    }
    return QString::fromStdString(*compact);
}

keys::Key dirKey()
{
    return keys::Key::fromSecret(crypto::SecureBytes(std::string_view("0123456789abcdef0123456789abcdef")));
}

} // namespace

// The decoder with encrypted tokens: the five parts, decryption with every kind of key source, each
// failure named, nested tokens layer by layer, decrypted claims in the Claims tab and on the timeline.
class TestDecoderJwe : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void showsFivePartsBeforeDecryption();
    void decryptsCookbookVectors_data();
    void decryptsCookbookVectors();
    void namesEachFailure_data();
    void namesEachFailure();
    void nestedTokenShowsBothLayers();
    void decryptedClaimsFillClaimsAndTimeline();
    void passphraseIsNotTriedPerKeystroke();
    void decryptsWithStoredKeyByKid();
    void xrayExplainsKeyManagement_data();
    void xrayExplainsKeyManagement();
    void xrayExplainsJsonSerialization();
    void screenshots_data();
    void screenshots();

private:
    void setDecryptionKey(const QString& keyText);
    void waitForDecryption();
    [[nodiscard]] QString payloadText() const;

    QTemporaryDir m_config;
    DecoderPage* m_page = nullptr;
};

void TestDecoderJwe::initTestCase()
{
    QVERIFY(m_config.isValid());
    QStandardPaths::setTestModeEnabled(true);
    test::isolateSettings(m_config.path());
    QVERIFY(Translations::install(QStringLiteral("en"))); // "183 bytes", as the program says it
}

void TestDecoderJwe::cleanupTestCase()
{
    Clock::useSystemTime();
}

void TestDecoderJwe::init()
{
    applyColorScheme(*qApp, ColorScheme::Light);
    Clock::useSystemTime();
    m_page = new DecoderPage;
    m_page->resize(1100, 700);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page));
}

void TestDecoderJwe::cleanup()
{
    delete m_page;
    m_page = nullptr;
}

void TestDecoderJwe::setDecryptionKey(const QString& keyText)
{
    m_page->verificationPanel()->decryptionKeyInput()->setKeyText(keyText);
}

void TestDecoderJwe::waitForDecryption()
{
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->verificationPanel()->isDecrypting(), 10000);
}

QString TestDecoderJwe::payloadText() const
{
    return m_page->findChild<JsonView*>(QStringLiteral("payloadView"))->toPlainText();
}

void TestDecoderJwe::showsFivePartsBeforeDecryption()
{
    const auto file = vector(QStringLiteral("5_2.key_encryption_using_rsa-oaep_with_aes-gcm"));
    m_page->setTokenText(text(file["output"]["compact"]));
    auto* parts = m_page->findChild<QLabel*>(QStringLiteral("jwePartsLabel"));
    QVERIFY(parts->isVisible());
    for (const char* name :
         {"protected header", "encrypted key", "initialization vector", "ciphertext", "authentication tag"}) {
        QVERIFY2(parts->text().contains(QLatin1String(name)), name);
    }
    QVERIFY2(parts->text().contains("encrypted with RSA-OAEP to the recipient's RSA public key"),
             qPrintable(parts->text()));
    QVERIFY(m_page->findChild<JsonView*>(QStringLiteral("headerView"))->toPlainText().contains("RSA-OAEP"));
    QVERIFY2(payloadText().startsWith("This is a JWE: its content is encrypted. Give the decryption key"),
             qPrintable(payloadText()));
    // Five colours, one per part.
    const auto* edit = m_page->findChild<QPlainTextEdit*>(QStringLiteral("tokenEdit"));
    QSet<QRgb> colours;
    int start = 0;
    for (const QString& part : text(file["output"]["compact"]).split(QLatin1Char('.'))) {
        colours.insert(test::colorAt(*edit, start).rgb());
        start += static_cast<int>(part.size()) + 1;
    }
    QCOMPARE(colours.size(), 5);
    const VerificationPanel* panel = m_page->verificationPanel();
    QCOMPARE(panel->verdictText(), QStringLiteral("Not decrypted"));
    QVERIFY(!m_page->findChild<QWidget*>(QStringLiteral("decryptionBox"))->isHidden());
    QCOMPARE(panel->decryptionKeyInput()->source(), KeyInput::Source::KeyText); // RSA: a private key
}

void TestDecoderJwe::decryptsCookbookVectors_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("serialization"); // the member of "output": compact, json_flat or json
    QTest::addColumn<int>("keyIndex"); // of several keys in "input" (one per recipient); -1: one key
    QTest::addColumn<bool>("asSet");
    QTest::addColumn<QString>("decryptedWith");
    QTest::addColumn<QString>("shown");

    const QString frodo = QStringLiteral("You can trust us to stick with you through thick and thin");
    const struct {
        const char* file;
        const char* serialization;
        int keyIndex;
        const char* decrypted;
        QString shown;
    } rows[] = {
        {"5_1.key_encryption_using_rsa_v15_and_aes-hmac-sha2", "compact", -1, "RSA1_5 / A128CBC-HS256", frodo},
        {"5_2.key_encryption_using_rsa-oaep_with_aes-gcm", "compact", -1, "RSA-OAEP / A256GCM", frodo},
        {"5_3.key_wrap_using_pbes2-aes-keywrap_with-aes-cbc-hmac-sha2", "compact", -1,
         "PBES2-HS512+A256KW / A128CBC-HS256", QStringLiteral("\"kid\": \"77c7e2b8-6e13-45cf-8672-617b5b45243a\"")},
        {"5_4.key_agreement_with_key_wrapping_using_ecdh-es_and_aes-keywrap_with_aes-gcm", "compact", -1,
         "ECDH-ES+A128KW / A128GCM", frodo},
        {"5_5.key_agreement_using_ecdh-es_with_aes-cbc-hmac-sha2", "compact", -1, "ECDH-ES / A128CBC-HS256", frodo},
        {"5_6.direct_encryption_using_aes-gcm", "compact", -1, "dir / A128GCM", frodo},
        {"5_7.key_wrap_using_aes-gcm_keywrap_with_aes-cbc-hmac-sha2", "compact", -1, "A256GCMKW / A128CBC-HS256",
         frodo},
        {"5_8.key_wrap_using_aes-keywrap_with_aes-gcm", "compact", -1, "A128KW / A128GCM", frodo},
        {"5_8.key_wrap_using_aes-keywrap_with_aes-gcm", "json_flat", -1, "A128KW / A128GCM", frodo},
        {"5_9.compressed_content", "compact", -1, "A128KW / A128GCM", frodo},
        {"5_10.including_additional_authentication_data", "json_flat", -1, "A128KW / A128GCM", frodo},
        {"5_10.including_additional_authentication_data", "json", -1, "A128KW / A128GCM", frodo},
        {"5_11.protecting_specific_header_fields", "json_flat", -1, "A128KW / A128GCM", frodo},
        {"5_12.protecting_content_only", "json_flat", -1, "A128KW / A128GCM", frodo},
        {"5_13.encrypting_to_multiple_recipients", "json", 1,
         "ECDH-ES+A256KW / A128CBC-HS256, key kid=peregrin.took@tuckborough.example, as recipient 2", frodo},
        {"5_13.encrypting_to_multiple_recipients", "json", 2,
         "A256GCMKW / A128CBC-HS256, key kid=18ec08e1-bfa9-4d95-b205-2b4dd1d4321d, as recipient 3", frodo},
    };
    for (const auto& row : rows) {
        for (const bool asSet : {false, true}) {
            QTest::addRow("%s, %s, %s%s", row.file, row.serialization, asSet ? "JWK Set" : "JWK",
                          row.keyIndex >= 0 ? qPrintable(QStringLiteral(", key %1").arg(row.keyIndex)) : "")
                << QString::fromLatin1(row.file) << QString::fromLatin1(row.serialization) << row.keyIndex << asSet
                << QStringLiteral("Decrypted with %1").arg(QString::fromUtf8(row.decrypted)) << row.shown;
        }
    }
}

void TestDecoderJwe::decryptsCookbookVectors()
{
    QFETCH(QString, file);
    QFETCH(QString, serialization);
    QFETCH(int, keyIndex);
    QFETCH(bool, asSet);
    QFETCH(QString, decryptedWith);
    QFETCH(QString, shown);

    const auto vectorFile = vector(file);
    const auto& input = vectorFile["input"];
    const auto& output = vectorFile["output"][serialization.toStdString()];
    m_page->setTokenText(output.is_string() ? text(output) : QString::fromStdString(output.dump(2)));
    // PBES2's key is a passphrase: as an oct JWK of its UTF-8 bytes, the same secret a JWK Set holds.
    const encoding::Json key = !input.contains("key")
        ? encoding::Json{{"kty", "oct"}, {"k", b64(input["pwd"].get<std::string>())}}
        : keyIndex >= 0 ? input["key"][static_cast<std::size_t>(keyIndex)]
                        : input["key"];
    setDecryptionKey(asSet ? jwkSet(key) : jwk(key));
    waitForDecryption();
    const VerificationPanel* panel = m_page->verificationPanel();
    QVERIFY2(panel->reasonText().contains(decryptedWith), qPrintable(panel->reasonText()));
    QVERIFY2(panel->state() == VerificationState::Valid, qPrintable(panel->verdictText()));
    QVERIFY2(payloadText().contains(shown), qPrintable(payloadText()));
    if (file.startsWith(QLatin1String("5_9"))) {
        QVERIFY2(panel->reasonText().contains("inflated (zip DEF)"), qPrintable(panel->reasonText()));
    }
    // The Decoded tab's line under the parts says it too.
    const auto* line = m_page->findChild<QLabel*>(QStringLiteral("signatureLabel"));
    QVERIFY2(line->text().contains(decryptedWith), qPrintable(line->text()));
}

void TestDecoderJwe::namesEachFailure_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("keyText");
    QTest::addColumn<bool>("secret");
    QTest::addColumn<QString>("verdict");

    const auto rsaOaep = vector(QStringLiteral("5_2.key_encryption_using_rsa-oaep_with_aes-gcm"));
    const auto rsa15 = vector(QStringLiteral("5_1.key_encryption_using_rsa_v15_and_aes-hmac-sha2"));
    const auto keyWrap = vector(QStringLiteral("5_8.key_wrap_using_aes-keywrap_with_aes-gcm"));
    const auto pbes2 = vector(QStringLiteral("5_3.key_wrap_using_pbes2-aes-keywrap_with-aes-cbc-hmac-sha2"));
    const QString rsaOaepToken = text(rsaOaep["output"]["compact"]);
    const QString pbes2Token = text(pbes2["output"]["compact"]);
    const QString password = text(pbes2["input"]["pwd"]);

    QTest::newRow("wrong key") << rsaOaepToken << jwk(rsa15["input"]["key"]) << false
                               << "Not decrypted: wrong key, or the token was changed";
    QTest::newRow("tag mismatch") << withFlippedTagByte(text(keyWrap["output"]["compact"]))
                                  << jwk(keyWrap["input"]["key"]) << false
                                  << "Not decrypted: wrong key, or the token was changed";
    QTest::newRow("wrong passphrase") << pbes2Token << "not the passphrase" << true
                                      << "Not decrypted: wrong passphrase";
    QTest::newRow("unsupported alg") << withHeader(rsaOaepToken, {{"alg", "RSA-OAEP-999"}, {"enc", "A256GCM"}})
                                     << jwk(rsaOaep["input"]["key"]) << false << "Not decrypted: unsupported algorithm";
    QTest::newRow("unsupported enc") << withHeader(rsaOaepToken, {{"alg", "RSA-OAEP"}, {"enc", "A256CCM"}})
                                     << jwk(rsaOaep["input"]["key"]) << false << "Not decrypted: unsupported algorithm";
    encoding::Json costly = pbes2["encrypting_content"]["protected"];
    costly["p2c"] = 20'000'000;
    QTest::newRow("p2c over the cap") << withHeader(pbes2Token, costly) << password << true
                                      << "Not decrypted: over a safety limit";
    // 17 MiB of zeros deflate to a few kilobytes: the inflated size is what the cap is about.
    const std::string zeros(std::size_t{17} << 20, '\0');
    QTest::newRow("decompression cap") << encrypted(zeros, dirKey(), {{"alg", "dir"}, {"enc", "A256GCM"}}, true)
                                       << "0123456789abcdef0123456789abcdef" << true
                                       << "Not decrypted: over a safety limit";
    QTest::newRow("key of the wrong type")
        << rsaOaepToken << jwk(keyWrap["input"]["key"]) << false << "Not decrypted: the key does not fit";
}

void TestDecoderJwe::namesEachFailure()
{
    QFETCH(QString, token);
    QFETCH(QString, keyText);
    QFETCH(bool, secret);
    QFETCH(QString, verdict);

    m_page->setTokenText(token);
    KeyInput* input = m_page->verificationPanel()->decryptionKeyInput();
    if (secret) {
        input->setSecret(keyText, keys::SecretEncoding::Utf8);
    } else {
        input->setKeyText(keyText);
    }
    waitForDecryption();
    const VerificationPanel* panel = m_page->verificationPanel();
    QCOMPARE(panel->verdictText(), verdict);
    QCOMPARE(panel->state(), VerificationState::Invalid);
    // Core's own sentence, word for word.
    const auto expected = jwe::decryptJwt(token.toStdString(), input->keys(), jose::KeySource{});
    QVERIFY(!expected);
    QVERIFY2(panel->reasonText().contains(toSentence(expected.error().message)),
             qPrintable(panel->reasonText() + QStringLiteral("\n≠ ") + toSentence(expected.error().message)));
    QVERIFY2(payloadText().contains("the key given does not decrypt it", Qt::CaseInsensitive),
             qPrintable(payloadText()));
    m_page->findChild<QTabWidget*>(QStringLiteral("decoderTabs"))->setCurrentIndex(kVerificationTab);
    test::saveShot(*m_page,
                   QStringLiteral("decoder-jwe-failure-")
                       + QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-')));
}

void TestDecoderJwe::nestedTokenShowsBothLayers()
{
    Clock::setFixed(test::at(kBeforeNestedExp));
    const auto nesting = test::loadJson(kNesting);
    m_page->setTokenText(text(nesting["encrypt"]["output"]["compact"]));
    VerificationPanel* panel = m_page->verificationPanel();
    setDecryptionKey(jwk(nesting["encrypt"]["input"]["key"]));
    waitForDecryption();
    // Decrypted, and the nested token decoded, before any signature key.
    QCOMPARE(panel->verdictText(), QStringLiteral("Decrypted · signature not verified"));
    auto* innerHeader = m_page->findChild<JsonView*>(QStringLiteral("innerHeaderView"));
    QVERIFY(innerHeader->isVisible());
    QVERIFY2(innerHeader->toPlainText().contains("\"PS256\""), qPrintable(innerHeader->toPlainText()));
    QVERIFY2(payloadText().contains("\"iss\": \"hobbiton.example\""), qPrintable(payloadText()));

    encoding::Json publicKey = nesting["sign"]["input"]["key"];
    for (const char* member : {"d", "p", "q", "dp", "dq", "qi"}) {
        publicKey.erase(member);
    }
    panel->keyInput()->setKeyText(jwk(publicKey));
    QTRY_COMPARE(panel->verdictText(), QStringLiteral("Valid"));
    const QString reasons = panel->reasonText();
    QVERIFY2(reasons.contains("Layer 1, encryption: Decrypted with RSA-OAEP / A128GCM, key "
                              "kid=samwise.gamgee@hobbiton.example."),
             qPrintable(reasons));
    QVERIFY2(reasons.contains("Layer 2, signature: The signature is valid (PS256)"), qPrintable(reasons));

    // The inner claims are checked at the verification time: after exp the second layer says so.
    Clock::setFixed(test::at(kBeforeNestedExp + 3600));
    panel->verify();
    QCOMPARE(panel->verdictText(), QStringLiteral("Invalid: the claims do not hold"));
    QVERIFY2(panel->reasonText().contains("Layer 1, encryption: Decrypted"), qPrintable(panel->reasonText()));

    // The wrong signature key: the first layer holds, the second does not.
    panel->keyInput()->setKeyText(jwk(nesting["encrypt"]["input"]["key"]));
    QTRY_VERIFY(panel->state() == VerificationState::Invalid);
    QVERIFY2(panel->reasonText().contains("Layer 2, signature:"), qPrintable(panel->reasonText()));
}

void TestDecoderJwe::decryptedClaimsFillClaimsAndTimeline()
{
    const qint64 now = 1800000000;
    Clock::setFixed(test::at(now));
    const encoding::Json claims{{"sub", "alice"}, {"iat", now - 60}, {"exp", now + 3600}};
    const QString token
        = encrypted(encoding::toCompactJson(claims), dirKey(), {{"alg", "dir"}, {"enc", "A256GCM"}, {"typ", "JWT"}});

    MainWindow window;
    window.resize(1100, 700);
    DecoderPage* page = window.decoderPage();
    page->setTokenText(token);
    TimelineWidget* timeline = window.timelinePage()->timeline();
    QVERIFY(timeline->rowIndex(QStringLiteral("Decoder")) < 0); // encrypted: nothing to show yet
    page->verificationPanel()->decryptionKeyInput()->setSecret(QStringLiteral("0123456789abcdef0123456789abcdef"),
                                                               keys::SecretEncoding::Utf8);
    QTRY_VERIFY(page->decryptedClaims().has_value());
    QVERIFY(*page->decryptedClaims() == claims);
    QCOMPARE(page->verificationPanel()->verdictText(), QStringLiteral("Valid (decrypted)"));
    auto* claimsView = page->findChild<QTableView*>(QStringLiteral("claimsView"));
    QVERIFY(claimsView);
    const QAbstractItemModel* model = claimsView->model();
    QStringList names;
    for (int row = 0; row < model->rowCount(); ++row) {
        names << model->index(row, 0).data().toString();
    }
    QCOMPARE(names, QStringList({"sub", "iat", "exp"}));
    QVERIFY(timeline->rowIndex(QStringLiteral("Decoder")) >= 0);

    // The key gone: the claims are gone from both.
    page->verificationPanel()->decryptionKeyInput()->clear();
    QTRY_VERIFY(!page->decryptedClaims().has_value());
    QCOMPARE(model->rowCount(), 0);
    QVERIFY(timeline->rowIndex(QStringLiteral("Decoder")) < 0);
}

void TestDecoderJwe::passphraseIsNotTriedPerKeystroke()
{
    const auto pbes2 = vector(QStringLiteral("5_3.key_wrap_using_pbes2-aes-keywrap_with-aes-cbc-hmac-sha2"));
    m_page->setTokenText(text(pbes2["output"]["compact"]));
    m_page->findChild<QTabWidget*>(QStringLiteral("decoderTabs"))->setCurrentIndex(kVerificationTab);
    VerificationPanel* panel = m_page->verificationPanel();
    KeyInput* input = panel->decryptionKeyInput();
    QCOMPARE(input->source(), KeyInput::Source::Secret); // PBES2 asks for the passphrase
    QSignalSpy runs(panel->decryption(), &JweDecryption::started);
    auto* edit = input->findChild<QLineEdit*>(QStringLiteral("secretEdit"));
    QVERIFY(edit);
    for (const QChar c : text(pbes2["input"]["pwd"])) { // keyClicks takes ASCII only; this passphrase has en dashes
        QTest::sendKeyEvent(QTest::Click, edit, Qt::Key_unknown, QString(c), Qt::NoModifier);
    }
    QCOMPARE(edit->text(), text(pbes2["input"]["pwd"]));
    QCOMPARE(runs.size(), 0); // still typing
    QVERIFY(panel->isDecrypting());
    waitForDecryption();
    QCOMPARE(runs.size(), 1);
    QCOMPARE(panel->state(), VerificationState::Valid);
    // Options of the verification do not decrypt again.
    panel->setExpectedIssuer(QStringLiteral("someone"));
    panel->setLeewaySeconds(30);
    panel->verify();
    QCOMPARE(runs.size(), 1);
    QVERIFY(!panel->isDecrypting());
}

void TestDecoderJwe::decryptsWithStoredKeyByKid()
{
    QTemporaryDir dir;
    const auto rsaOaep = vector(QStringLiteral("5_2.key_encryption_using_rsa-oaep_with_aes-gcm"));
    const auto wrap = vector(QStringLiteral("5_8.key_wrap_using_aes-keywrap_with_aes-gcm"));
    const QString path = dir.filePath(QStringLiteral("keystore.jwe"));
    const keys::KeystoreOptions fast{1000};
    auto keystore = keys::Keystore::create(path.toStdString(), crypto::SecureBytes(std::string_view("pw")), fast);
    for (const auto& file : {rsaOaep, wrap}) {
        const auto keys = readKeys(jwk(file["input"]["key"]));
        QVERIFY(keystore.add({keys.front(), "cookbook", "2027-01-01T00:00:00Z", {}, {}}));
    }
    QVERIFY(keystore.save());
    KeystoreSession session(path, fast);
    QVERIFY(session.unlock(crypto::SecureBytes(std::string_view("pw"))));
    m_page->setKeystoreSession(&session);

    KeyInput* input = m_page->verificationPanel()->decryptionKeyInput();
    m_page->setTokenText(text(rsaOaep["output"]["compact"]));
    input->setSource(KeyInput::Source::Keystore);
    waitForDecryption();
    QVERIFY2(m_page->verificationPanel()->reasonText().contains(
                 "Decrypted with RSA-OAEP / A256GCM, key kid=samwise.gamgee@hobbiton.example"),
             qPrintable(m_page->verificationPanel()->reasonText()));
    // The same choice, by kid, for a token of the other stored key.
    m_page->setTokenText(text(wrap["output"]["compact"]));
    waitForDecryption();
    QVERIFY2(m_page->verificationPanel()->reasonText().contains("Decrypted with A128KW / A128GCM"),
             qPrintable(m_page->verificationPanel()->reasonText()));
    m_page->setKeystoreSession(nullptr);
}

void TestDecoderJwe::xrayExplainsKeyManagement_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("steps");

    QTest::newRow("RSA-OAEP") << "5_2.key_encryption_using_rsa-oaep_with_aes-gcm"
                              << QStringList{"OAEP padding (SHA-1, MGF1 with SHA-1)", "A256GCM: AES-GCM"};
    QTest::newRow("RSA1_5") << "5_1.key_encryption_using_rsa_v15_and_aes-hmac-sha2"
                            << QStringList{"Bleichenbacher", "HMAC-SHA-256 over AAD ‖ IV ‖ ciphertext ‖ AL"};
    QTest::newRow("PBES2") << "5_3.key_wrap_using_pbes2-aes-keywrap_with-aes-cbc-hmac-sha2"
                           << QStringList{"PBKDF2 with HMAC-SHA-512 runs 8192 times"};
    QTest::newRow("ECDH-ES+A128KW") << "5_4.key_agreement_with_key_wrapping_using_ecdh-es_and_aes-keywrap_with_aes-gcm"
                                    << QStringList{"on P-384", "Concat KDF", "a 16-byte key that wraps"};
    QTest::newRow("ECDH-ES") << "5_5.key_agreement_using_ecdh-es_with_aes-cbc-hmac-sha2"
                             << QStringList{"content key (CEK) itself, so the encrypted key is empty"};
    QTest::newRow("dir") << "5_6.direct_encryption_using_aes-gcm" << QStringList{"dir: no key is sent"};
    QTest::newRow("A256GCMKW") << "5_7.key_wrap_using_aes-gcm_keywrap_with_aes-cbc-hmac-sha2"
                               << QStringList{"encrypted with AES-GCM under the 32-byte shared key"};
    QTest::newRow("A128KW, zip") << "5_9.compressed_content"
                                 << QStringList{"AES Key Wrap (RFC 3394)", "compressed with DEFLATE"};
}

// The JSON serialization: no characters to map, but the members, each recipient's key management
// and an "aad" member in the AAD.
void TestDecoderJwe::xrayExplainsJsonSerialization()
{
    const auto withAad = vector(QStringLiteral("5_10.including_additional_authentication_data"));
    m_page->setTokenText(QString::fromStdString(withAad["output"]["json_flat"].dump(2)));
    QString steps = m_page->xray()->stepsText();
    for (const char* expected : {"JSON serialization", "aad, 183 bytes", "This token has an \u201caad\u201d member",
                                 "‖ BASE64URL(aad) follows"}) {
        QVERIFY2(steps.contains(QString::fromUtf8(expected)), qPrintable(QString::fromUtf8(expected) + "\n" + steps));
    }
    auto* parts = m_page->findChild<QLabel*>(QStringLiteral("jwePartsLabel"));
    QVERIFY2(parts->text().contains("JSON serialization"), qPrintable(parts->text()));
    QVERIFY(m_page->findChild<JsonView*>(QStringLiteral("headerView"))->toPlainText().contains("\"protected\""));

    const auto recipients = vector(QStringLiteral("5_13.encrypting_to_multiple_recipients"));
    m_page->setTokenText(QString::fromStdString(recipients["output"]["json"].dump(2)));
    steps = m_page->xray()->stepsText();
    for (const char* expected :
         {"The content key for recipient 1: RSA1_5", "The content key for recipient 2: ECDH-ES+A256KW",
          "The content key for recipient 3: A256GCMKW", "Unprotected headers are not covered"}) {
        QVERIFY2(steps.contains(QString::fromUtf8(expected)), qPrintable(QString::fromUtf8(expected) + "\n" + steps));
    }
}

void TestDecoderJwe::xrayExplainsKeyManagement()
{
    QFETCH(QString, file);
    QFETCH(QStringList, steps);

    const auto vectorFile = vector(file);
    const QString token = text(vectorFile["output"]["compact"]);
    m_page->setTokenText(token);
    XRayView* xray = m_page->xray();
    const QString text = xray->stepsText();
    for (const QString& expected :
         QStringList{"Five parts", "Additional authenticated data (AAD)", "ASCII(BASE64URL(UTF8(protected header)))",
                     "\u201caad\u201d member", "What the tag protects"}
             + steps) {
        QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral(" not in:\n") + text));
    }
    // Each part maps to its bytes: the first character of the IV lights up the IV's first bytes.
    const int ivStart = static_cast<int>(token.section(QLatin1Char('.'), 0, 1).size()) + 1;
    xray->selectTokenCharacters(ivStart, ivStart + 1);
    QCOMPARE(xray->highlightedDecoded().part, 2);
    QVERIFY2(xray->detailText().startsWith("Initialization vector characters 1–4"), qPrintable(xray->detailText()));
    // With the key, the last step says what came of it.
    setDecryptionKey(
        jwk(vectorFile["input"].contains("key")
                ? vectorFile["input"]["key"]
                : encoding::Json{{"kty", "oct"}, {"k", b64(vectorFile["input"]["pwd"].get<std::string>())}}));
    waitForDecryption();
    QTRY_VERIFY2(xray->stepsText().contains("Decrypted with"), qPrintable(xray->stepsText()));
}

void TestDecoderJwe::screenshots_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

// The README's images: the nested token of RFC 7520 §6 decrypted and verified, at 1024×700.
void TestDecoderJwe::screenshots()
{
    QFETCH(bool, dark);
    applyColorScheme(*qApp, dark ? ColorScheme::Dark : ColorScheme::Light);
    Clock::setFixed(test::at(kBeforeNestedExp));
    const auto nesting = test::loadJson(kNesting);
    encoding::Json publicKey = nesting["sign"]["input"]["key"];
    for (const char* member : {"d", "p", "q", "dp", "dq", "qi"}) {
        publicKey.erase(member);
    }
    DecoderPage page;
    page.resize(1024, 700);
    page.findChild<QSplitter*>(QStringLiteral("decoderSplitter"))->setSizes({250, 450}); // the whole token in view
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    page.setTokenText(text(nesting["encrypt"]["output"]["compact"]));
    page.verificationPanel()->decryptionKeyInput()->setKeyText(jwk(nesting["encrypt"]["input"]["key"]));
    page.verificationPanel()->keyInput()->setKeyText(jwk(publicKey));
    QTRY_VERIFY_WITH_TIMEOUT(page.verificationPanel()->state() == VerificationState::Valid, 10000);
    const QString scheme = dark ? QStringLiteral("dark") : QStringLiteral("light");
    auto* tabs = page.findChild<QTabWidget*>(QStringLiteral("decoderTabs"));
    const std::array names{QStringLiteral("decoded"), QStringLiteral("claims"), QStringLiteral("verification"),
                           QStringLiteral("findings"), QStringLiteral("xray")};
    for (int tab = kDecodedTab; tab <= kXRayTab; ++tab) {
        tabs->setCurrentIndex(tab);
        test::saveShot(page, QStringLiteral("decoder-jwe-%1-%2").arg(names[static_cast<std::size_t>(tab)], scheme));
    }
    // The JSON serialization with three recipients, decrypted as the second.
    const auto recipients = vector(QStringLiteral("5_13.encrypting_to_multiple_recipients"));
    page.setTokenText(QString::fromStdString(recipients["output"]["json"].dump(2)));
    page.verificationPanel()->decryptionKeyInput()->setKeyText(jwk(recipients["input"]["key"][1]));
    QTRY_VERIFY_WITH_TIMEOUT(page.verificationPanel()->state() == VerificationState::Valid, 10000);
    for (const int tab : {int(kDecodedTab), int(kXRayTab)}) {
        tabs->setCurrentIndex(tab);
        test::saveShot(page,
                       QStringLiteral("decoder-jwe-json-%1-%2").arg(names[static_cast<std::size_t>(tab)], scheme));
    }
    tabs->setCurrentIndex(kDecodedTab);
    applyColorScheme(*qApp, ColorScheme::Light);
}

QTEST_MAIN(TestDecoderJwe)
#include "TestDecoderJwe.moc"
