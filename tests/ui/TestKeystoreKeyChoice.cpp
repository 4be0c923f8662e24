#include "MainWindow.h"
#include "TestData.h"
#include "UiTestSupport.h"
#include "encoding/Base64Url.h"
#include "encoding/Json.h"
#include "jose/CompactToken.h"
#include "jose/JwsSigner.h"
#include "jose/JwtVerifier.h"
#include "keys/KeyExport.h"
#include "keys/KeyGenerator.h"
#include "keys/Keystore.h"
#include "pages/DecoderPage.h"
#include "pages/KeysPage.h"
#include "pages/SignerPage.h"
#include "pages/keys/KeystoreActions.h"
#include "support/Clock.h"
#include "support/KeystoreSession.h"
#include "support/Theme.h"
#include "widgets/KeyInput.h"
#include "widgets/StoredKeyChooser.h"
#include "widgets/VerificationPanel.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>

using namespace jwtwb;
using namespace jwtwb::ui;

namespace {

constexpr qint64 kNow = 1800000000; // 2027-01-15T08:00:00Z
constexpr keys::KeystoreOptions kFast{1000};
constexpr std::string_view kPassphrase = "stored keys";

crypto::SecureBytes passphrase()
{
    return crypto::SecureBytes(kPassphrase);
}

keys::Key generated(const keys::KeySpec& spec, const char* kid)
{
    auto key = keys::generateKey(spec);
    if (!key) {
        qFatal("cannot generate a key: %s", key.error().message.c_str());
    }
    key->parameters().kid = kid;
    return *key;
}

std::vector<std::uint8_t> bytesOf(std::string_view text)
{
    return {text.begin(), text.end()};
}

} // namespace

// The decoder's verification panel and the signer with keys from the keystore (through the
// KeystoreSession the Keys page shares with them).
class TestKeystoreKeyChoice : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void decoderSuggestsKeyByKid_data();
    void decoderSuggestsKeyByKid();
    void lockingDropsTheDecodersKey();
    void keystoreChangesReachTheDecoder();
    void signerUsesStoredKey_data();
    void signerUsesStoredKey();
    void signerListsPublicKeysDisabled();
    void lockingDropsTheSignersKey();
    void nothingFromTheKeystoreInSettings();
    void unlockButtonsOpenTheKeysPage();
    void screenshots_data();
    void screenshots();

private:
    // A token signed by the stored key `kid`, with `headerKid` in its header ("": none).
    [[nodiscard]] QString tokenSignedBy(const char* kid, const QString& headerKid) const;
    [[nodiscard]] const keys::KeystoreEntry& stored(const char* kid) const;

    QTemporaryDir m_dir;
    QTemporaryDir m_config;
    QString m_master; // the keystore every test starts from
    std::unique_ptr<keys::Keystore> m_reference; // the same keys, opened by the test itself
    std::unique_ptr<KeystoreSession> m_session; // on a copy of the master, per test
    int m_copies = 0;
};

void TestKeystoreKeyChoice::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QVERIFY(m_config.isValid());
    test::isolateSettings(m_config.path());
    applyColorScheme(*qApp, ColorScheme::Light);
    Clock::setFixed(test::at(kNow));

    m_master = m_dir.filePath(QStringLiteral("master.jwe"));
    auto keystore = keys::Keystore::create(m_master.toStdString(), passphrase(), kFast);
    QVERIFY(keystore.add(
        {generated({keys::KeyType::Ec, 0, keys::Curve::P256}, "ec-1"), "API signer", "2027-01-01T00:00:00Z", {}, {}}));
    QVERIFY(keystore.add({generated({keys::KeyType::Oct, 256, keys::Curve::None}, "oct-1"),
                          "Webhook secret",
                          "2027-01-01T00:00:00Z",
                          {},
                          {}}));
    auto publicOnly = generated({keys::KeyType::Okp, 0, keys::Curve::Ed25519}, "ed-pub").publicKey();
    QVERIFY(publicOnly);
    QVERIFY(keystore.add({*publicOnly, "Partner's key", "2027-01-01T00:00:00Z", {}, {}}));
    QVERIFY(keystore.save());

    auto reference = keys::Keystore::open(m_master.toStdString(), passphrase());
    QVERIFY(reference);
    m_reference = std::make_unique<keys::Keystore>(std::move(*reference));
}

void TestKeystoreKeyChoice::cleanupTestCase()
{
    m_reference->lock();
    Clock::useSystemTime();
}

void TestKeystoreKeyChoice::init()
{
    const QString copy = m_dir.filePath(QStringLiteral("keystore-%1.jwe").arg(++m_copies));
    QVERIFY(QFile::copy(m_master, copy));
    m_session = std::make_unique<KeystoreSession>(copy, kFast);
    QSignalSpy locked(m_session.get(), &KeystoreSession::lockedChanged);
    QVERIFY(m_session->unlock(passphrase()));
    QCOMPARE(locked.size(), 1);
    QCOMPARE(m_session->keystore()->entries().size(), std::size_t{3});
}

void TestKeystoreKeyChoice::cleanup()
{
    m_session.reset();
}

const keys::KeystoreEntry& TestKeystoreKeyChoice::stored(const char* kid) const
{
    const keys::KeystoreEntry* entry = m_reference->find(kid);
    if (entry == nullptr) {
        qFatal("no stored key %s", kid);
    }
    return *entry;
}

QString TestKeystoreKeyChoice::tokenSignedBy(const char* kid, const QString& headerKid) const
{
    const keys::Key& key = stored(kid).key;
    encoding::Json header = {{"alg", key.type() == keys::KeyType::Oct ? "HS256" : "ES256"}, {"typ", "JWT"}};
    if (!headerKid.isEmpty()) {
        header["kid"] = headerKid.toStdString();
    }
    const encoding::Json claims = {{"sub", "alice"}, {"iat", kNow - 60}, {"exp", kNow + 3600}};
    auto token = jose::signCompact(encoding::toCompactJson(header), bytesOf(encoding::toCompactJson(claims)), &key);
    if (!token) {
        qFatal("cannot sign: %s", token.error().message.c_str());
    }
    return QString::fromStdString(*token);
}

void TestKeystoreKeyChoice::decoderSuggestsKeyByKid_data()
{
    QTest::addColumn<QString>("headerKid");
    QTest::addColumn<QString>("choice"); // "auto": left to the suggestion; "": all stored keys
    QTest::addColumn<QString>("chosenKid");
    QTest::addColumn<bool>("keySet");
    QTest::addColumn<int>("state");
    QTest::addColumn<QString>("note");
    QTest::addColumn<QString>("reason");

    const int valid = int(VerificationState::Valid);
    const int invalid = int(VerificationState::Invalid);
    QTest::newRow("suggested by kid") << "ec-1"
                                      << "auto"
                                      << "ec-1" << false << valid << "“API signer” matches the token's kid."
                                      << "The signature is valid (ES256)";
    QTest::newRow("all stored keys") << "ec-1"
                                     << ""
                                     << "" << true << valid << "“API signer” matches the token's kid."
                                     << "The signature is valid (ES256)";
    QTest::newRow("unknown kid: all keys explain")
        << "nope"
        << "auto"
        << "" << true << invalid << "No stored key has the token's kid “nope”."
        << "its kid \"ec-1\" is not the token's \"nope\"";
    QTest::newRow("another key chosen") << "ec-1"
                                        << "oct-1"
                                        << "oct-1" << false << invalid
                                        << "“API signer” matches the token's kid; you chose another key."
                                        << "This is a 256-bit secret; ES256 needs an EC key on P-256";
}

void TestKeystoreKeyChoice::decoderSuggestsKeyByKid()
{
    QFETCH(QString, headerKid);
    QFETCH(QString, choice);
    QFETCH(QString, chosenKid);
    QFETCH(bool, keySet);
    QFETCH(int, state);
    QFETCH(QString, note);
    QFETCH(QString, reason);

    DecoderPage page;
    page.setKeystoreSession(m_session.get());
    KeyInput* input = page.verificationPanel()->keyInput();
    input->setSource(KeyInput::Source::Keystore);
    QCOMPARE(input->source(), KeyInput::Source::Keystore);
    page.setTokenText(tokenSignedBy("ec-1", headerKid));
    StoredKeyChooser* chooser = input->storedKeyChooser();
    if (choice != QLatin1String("auto")) {
        chooser->choose(choice);
    }

    QCOMPARE(chooser->chosenKid(), chosenKid);
    QCOMPARE(input->isKeySet(), keySet);
    QCOMPARE(chooser->noteText(), note);
    const VerificationPanel* panel = page.verificationPanel();
    QCOMPARE(int(panel->state()), state);
    QVERIFY2(panel->reasonText().contains(reason) || panel->keySelectionText().contains(reason),
             qPrintable(panel->reasonText() + QLatin1Char('\n') + panel->keySelectionText()));
    // The decoder holds no private key: public halves, and the secret (which is its own public form).
    for (const auto& key : input->keys()) {
        QVERIFY(key.type() == keys::KeyType::Oct || key.describe().find("public") != std::string::npos);
    }
    auto* list = page.findChild<QComboBox*>(QStringLiteral("storedKeyChoice"));
    QVERIFY(list);
    // All public keys, all secrets (never one set: verification refuses a mixed one), and the three stored keys.
    QCOMPARE(list->count(), 5);
    QCOMPARE(list->itemText(0), QStringLiteral("All stored public keys (chosen by kid)"));
    QCOMPARE(list->itemText(1), QStringLiteral("All stored secrets (chosen by kid)"));
    if (choice.isEmpty()) {
        QCOMPARE(list->currentIndex(), 0); // an ES256 token: the public keys
        QVERIFY(
            std::ranges::none_of(input->keys(), [](const keys::Key& key) { return key.type() == keys::KeyType::Oct; }));
        // An HS256 token with no kid: all stored secrets, and it verifies with the stored one.
        page.setTokenText(tokenSignedBy("oct-1", QString()));
        QCOMPARE(list->currentIndex(), 1);
        QVERIFY(!input->keys().empty());
        QVERIFY(
            std::ranges::all_of(input->keys(), [](const keys::Key& key) { return key.type() == keys::KeyType::Oct; }));
        QCOMPARE(page.verificationPanel()->state(), VerificationState::Valid);
        return;
    }
    const int suggested = list->findData(QStringLiteral("ec-1"));
    QCOMPARE(list->itemText(suggested).contains(QStringLiteral("matches the token's kid")), headerKid == "ec-1");
}

void TestKeystoreKeyChoice::lockingDropsTheDecodersKey()
{
    DecoderPage page;
    page.setKeystoreSession(m_session.get());
    KeyInput* input = page.verificationPanel()->keyInput();
    input->setSource(KeyInput::Source::Keystore);
    page.setTokenText(tokenSignedBy("ec-1", QStringLiteral("ec-1")));
    QCOMPARE(page.verificationPanel()->state(), VerificationState::Valid);

    m_session->lock();
    QVERIFY(input->keys().empty());
    QCOMPARE(page.verificationPanel()->state(), VerificationState::NotVerified);
    QVERIFY2(page.verificationPanel()->reasonText().contains(QStringLiteral("The keystore is locked")),
             qPrintable(page.verificationPanel()->reasonText()));
    auto* lockedLabel = page.findChild<QLabel*>(QStringLiteral("keystoreLockedLabel"));
    QVERIFY(lockedLabel && !lockedLabel->isHidden());
    QCOMPARE(lockedLabel->text(), QStringLiteral("The keystore is locked."));

    // Unlocked again, the same choice comes back.
    QVERIFY(m_session->unlock(passphrase()));
    QCOMPARE(input->storedKeyChooser()->chosenKid(), QStringLiteral("ec-1"));
    QCOMPARE(page.verificationPanel()->state(), VerificationState::Valid);
}

void TestKeystoreKeyChoice::keystoreChangesReachTheDecoder()
{
    KeysPage keysPage(m_session.get());
    QVERIFY(keysPage.isUnlocked()); // the session was unlocked before the page existed
    DecoderPage page;
    page.setKeystoreSession(m_session.get());
    KeyInput* input = page.verificationPanel()->keyInput();
    input->setSource(KeyInput::Source::Keystore);
    page.setTokenText(tokenSignedBy("ec-1", QStringLiteral("ec-1")));
    input->storedKeyChooser()->choose(QStringLiteral("ec-1"));
    auto* list = page.findChild<QComboBox*>(QStringLiteral("storedKeyChoice"));

    // A key imported on the Keys page appears in the decoder's list.
    auto jwk = keys::exportJwk(generated({keys::KeyType::Ec, 0, keys::Curve::P384}, "ec-new"), false);
    QVERIFY(jwk);
    keysPage.actions()->importText(QString::fromStdString(encoding::toCompactJson(*jwk)));
    QCOMPARE(list->count(), 6); // the two all-key rows and four stored keys
    QVERIFY(list->findData(QStringLiteral("ec-new")) > 0);

    // The chosen key deleted: dropped, with a message, and no longer used.
    QVERIFY(m_session->editableKeystore()->remove("ec-1"));
    QVERIFY(m_session->saveChanges());
    QCOMPARE(list->count(), 5);
    QVERIFY(input->storedKeyChooser()->isAllChosen());
    QVERIFY2(input->storedKeyChooser()->noteText().contains(
                 QStringLiteral("The key you chose, “API signer”, is no longer in the keystore.")),
             qPrintable(input->storedKeyChooser()->noteText()));
    QCOMPARE(page.verificationPanel()->state(), VerificationState::Invalid);

    // Locking through the Keys page locks the decoder's keys too.
    keysPage.lock();
    QVERIFY(!m_session->isUnlocked());
    QVERIFY(input->keys().empty());
}

void TestKeystoreKeyChoice::signerUsesStoredKey_data()
{
    QTest::addColumn<QString>("kid");
    QTest::addColumn<QString>("algorithm");
    QTest::addColumn<QStringList>("offered");

    QTest::newRow("EC P-256") << "ec-1"
                              << "ES256" << QStringList{QStringLiteral("ES256")};
    QTest::newRow("HMAC secret") << "oct-1"
                                 << "HS256" << QStringList{QStringLiteral("HS256")};
}

void TestKeystoreKeyChoice::signerUsesStoredKey()
{
    QFETCH(QString, kid);
    QFETCH(QString, algorithm);
    QFETCH(QStringList, offered);

    SignerPage page;
    page.setKeystoreSession(m_session.get());
    page.setHeaderText(QStringLiteral("{\"alg\": \"HS256\", \"typ\": \"JWT\"}"));
    page.keyInput()->chooseStoredKey(kid);
    QVERIFY(page.keyInput()->key());
    QCOMPARE(QString::fromStdString(page.keyInput()->key()->parameters().kid), kid);
    QVERIFY(page.keyInput()->statusText().contains(QStringLiteral("kid ") + kid));
    QCOMPARE(page.algorithm(), algorithm);
    auto* algorithms = page.findChild<QComboBox*>(QStringLiteral("algorithmChoice"));
    QStringList names;
    for (int i = 0; i < algorithms->count(); ++i) {
        names << algorithms->itemData(i).toString();
    }
    for (const QString& name : offered) {
        QVERIFY2(names.contains(name), qPrintable(names.join(QLatin1Char(' '))));
    }
    QVERIFY2(page.headerText().contains(QStringLiteral("\"kid\": \"%1\"").arg(kid)), qPrintable(page.headerText()));

    const QString token = page.token();
    QVERIFY2(!token.isEmpty(), qPrintable(page.blockedReason()));
    const auto decoded = jose::decodeCompact(token.toStdString());
    QVERIFY(decoded);
    QVERIFY(decoded->header.value["kid"] == encoding::Json(kid.toStdString()));
    QVERIFY(decoded->header.value["alg"] == encoding::Json(algorithm.toStdString()));

    // Verified by core with the key as the test opened it: the public half for a key pair.
    const keys::Key& own = stored(kid.toLatin1().constData()).key;
    auto verifyKey = own.type() == keys::KeyType::Oct ? Result<keys::Key>(own) : own.publicKey();
    QVERIFY(verifyKey);
    jose::JwtVerifyOptions options;
    options.claims.now = Clock::nowSeconds();
    const auto verified = jose::verifyJwt(token.toStdString(), jose::KeySource::single(*verifyKey), options);
    QVERIFY(verified);
    QVERIFY2(verified->signature.valid(), verified->signature.reason.c_str());
}

void TestKeystoreKeyChoice::signerListsPublicKeysDisabled()
{
    SignerPage page;
    page.setKeystoreSession(m_session.get());
    page.keyInput()->chooseStoredKey(QStringLiteral("ec-1"));
    auto* list = page.findChild<QComboBox*>(QStringLiteral("storedKeyChoice"));
    QVERIFY(list);
    QCOMPARE(list->count(), 3); // no "all keys" for signing
    const int publicOnly = list->findData(QStringLiteral("ed-pub"));
    QVERIFY(publicOnly >= 0);
    QVERIFY(list->itemText(publicOnly).contains(QStringLiteral("public key only, cannot sign")));
    QVERIFY(!qobject_cast<QStandardItemModel*>(list->model())->item(publicOnly)->isEnabled());
    page.keyInput()->chooseStoredKey(QStringLiteral("ed-pub")); // refused: the EC key stays
    QCOMPARE(QString::fromStdString(page.keyInput()->key()->parameters().kid), QStringLiteral("ec-1"));
}

void TestKeystoreKeyChoice::lockingDropsTheSignersKey()
{
    SignerPage page;
    page.setKeystoreSession(m_session.get());
    page.keyInput()->chooseStoredKey(QStringLiteral("ec-1"));
    QVERIFY(!page.token().isEmpty());

    m_session->lock();
    QVERIFY(page.keyInput()->key() == nullptr);
    QVERIFY(page.token().isEmpty());
    QVERIFY2(page.blockedReason().contains(QStringLiteral("give a key")), qPrintable(page.blockedReason()));
    auto* lockedLabel = page.findChild<QLabel*>(QStringLiteral("keystoreLockedLabel"));
    QVERIFY(lockedLabel && !lockedLabel->isHidden());

    QVERIFY(m_session->unlock(passphrase()));
    QVERIFY(page.keyInput()->key());
    QCOMPARE(QString::fromStdString(page.keyInput()->key()->parameters().kid), QStringLiteral("ec-1"));
    QVERIFY(!page.token().isEmpty());
}

void TestKeystoreKeyChoice::nothingFromTheKeystoreInSettings()
{
    {
        SignerPage signer;
        signer.setKeystoreSession(m_session.get());
        signer.keyInput()->chooseStoredKey(QStringLiteral("oct-1"));
        QVERIFY(!signer.token().isEmpty());
        signer.keyInput()->chooseStoredKey(QStringLiteral("ec-1"));
        QVERIFY(!signer.token().isEmpty());
        DecoderPage decoder;
        decoder.setKeystoreSession(m_session.get());
        decoder.verificationPanel()->keyInput()->setSource(KeyInput::Source::Keystore);
        decoder.setTokenText(signer.token());
        QCOMPARE(decoder.verificationPanel()->state(), VerificationState::Valid);
    }
    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray saved = file.readAll();
    QVERIFY(saved.contains("signer")); // the drafts are there…
    // …and no key material: not the secret, not the EC private or public key.
    const auto secret = keys::exportJwk(stored("oct-1").key, true);
    const auto ec = keys::exportJwk(stored("ec-1").key, true);
    QVERIFY(secret && ec);
    for (const auto& value : {(*secret)["k"], (*ec)["d"], (*ec)["x"], (*ec)["y"]}) {
        QVERIFY2(!saved.contains(QByteArray::fromStdString(value.get<std::string>())), "key material in the settings");
    }
}

void TestKeystoreKeyChoice::unlockButtonsOpenTheKeysPage()
{
    MainWindow window;
    auto* pages = window.findChild<QTabWidget*>(QStringLiteral("pages"));
    QVERIFY(!window.keystoreSession()->isUnlocked());
    window.decoderPage()->setTokenText(test::kSampleToken);
    window.decoderPage()->verificationPanel()->keyInput()->setSource(KeyInput::Source::Keystore);
    QVERIFY(window.decoderPage()->verificationPanel()->reasonText().contains(QStringLiteral("keystore is locked")));
    window.decoderPage()->findChild<QPushButton*>(QStringLiteral("unlockKeystoreButton"))->click();
    QCOMPARE(pages->currentWidget(), window.keysPage());

    pages->setCurrentWidget(window.signerPage());
    window.signerPage()->findChild<QPushButton*>(QStringLiteral("unlockKeystoreButton"))->click();
    QCOMPARE(pages->currentWidget(), window.keysPage());
}

void TestKeystoreKeyChoice::screenshots_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void TestKeystoreKeyChoice::screenshots()
{
    QFETCH(bool, dark);
    applyColorScheme(*qApp, dark ? ColorScheme::Dark : ColorScheme::Light);
    const QString scheme = dark ? QStringLiteral("dark") : QStringLiteral("light");

    DecoderPage decoder;
    decoder.setKeystoreSession(m_session.get());
    decoder.resize(1280, 800);
    decoder.verificationPanel()->keyInput()->setSource(KeyInput::Source::Keystore);
    decoder.setTokenText(tokenSignedBy("ec-1", QStringLiteral("ec-1")));
    decoder.findChild<QTabWidget*>(QStringLiteral("decoderTabs"))->setCurrentIndex(2);
    decoder.show();
    QVERIFY(QTest::qWaitForWindowExposed(&decoder));
    QCOMPARE(decoder.verificationPanel()->state(), VerificationState::Valid);
    test::saveShot(decoder, QStringLiteral("keystore-key-decoder-") + scheme);

    SignerPage signer;
    signer.setKeystoreSession(m_session.get());
    signer.resize(1280, 800);
    signer.keyInput()->chooseStoredKey(QStringLiteral("ec-1"));
    signer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&signer));
    QVERIFY(!signer.token().isEmpty());
    test::saveShot(signer, QStringLiteral("keystore-key-signer-") + scheme);

    m_session->lock();
    QTRY_VERIFY(decoder.findChild<QLabel*>(QStringLiteral("keystoreLockedLabel"))->isVisible());
    QApplication::processEvents(); // the layout after the change, not before
    test::saveShot(decoder, QStringLiteral("keystore-key-decoder-locked-") + scheme);
    applyColorScheme(*qApp, ColorScheme::Light);
}

QTEST_MAIN(TestKeystoreKeyChoice)
#include "TestKeystoreKeyChoice.moc"
