#include "MainWindow.h"
#include "TestData.h"
#include "TestKeys.h"
#include "UiTestSupport.h"
#include "encoding/Json.h"
#include "jose/JwsSigner.h"
#include "keys/KeyExport.h"
#include "keys/KeyGenerator.h"
#include "keys/KeyReader.h"
#include "keys/Keystore.h"
#include "pages/KeysPage.h"
#include "pages/RotationPage.h"
#include "pages/rotation/RotationKeyModel.h"
#include "pages/rotation/RotationRehearsal.h"
#include "pages/rotation/RotationTokenModel.h"
#include "support/Clock.h"
#include "support/KeystoreSession.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>

#include <optional>

using namespace jwtwb;
using namespace jwtwb::ui;
using rotation::TokenFate;

namespace {

constexpr qint64 kNow = 1795860000; // 2026-11-28T10:00:00Z
constexpr keys::KeystoreOptions kFast{1000};

keys::Key keyFile(const char* name, const char* kid)
{
    auto reading = keys::readKeys(test::readDataFile(QStringLiteral("keys/") + QLatin1String(name)));
    if (!reading) {
        qFatal("cannot read %s: %s", name, reading.error().message.c_str());
    }
    keys::Key key = reading->keys.front();
    key.parameters().kid = kid;
    return key;
}

QString jwks(const std::vector<keys::Key>& keys, bool includePrivate)
{
    auto json = keys::exportJwks(keys, includePrivate);
    if (!json) {
        qFatal("cannot export: %s", json.error().message.c_str());
    }
    return QString::fromStdString(encoding::toCompactJson(*json));
}

QString sign(const keys::Key& key, const char* alg, const char* sub, std::optional<qint64> expiresIn)
{
    const encoding::Json header = {{"alg", alg}, {"kid", key.parameters().kid}, {"typ", "JWT"}};
    encoding::Json claims = {{"sub", sub}, {"iat", kNow - 600}};
    if (expiresIn) {
        claims["exp"] = kNow + *expiresIn;
    }
    const std::string payload = encoding::toCompactJson(claims);
    auto token
        = jose::signCompact(encoding::toCompactJson(header),
                            std::span(reinterpret_cast<const std::uint8_t*>(payload.data()), payload.size()), &key);
    if (!token) {
        qFatal("cannot sign: %s", token.error().message.c_str());
    }
    return QString::fromStdString(*token);
}

QString cell(const QTableView* table, int row, int column)
{
    return table->model()->index(row, column).data().toString();
}

} // namespace

// The rotation page: a current key set, what happens to each key, keys added, and for each token
// which key verifies it before and after, as core's rehearsal says.
class TestRotationPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void fates_data();
    void fates();
    void removingAKeySaysSoInTheSummary();
    void retiredKeyVerifiesUntilRemoved();
    void typingRehearsesAfterAPause();
    void fromKeystore();
    void fromLockedKeystoreAsksToUnlock();
    void exportHoldsPublicKeysOfTheNewSetOnly();
    void badKeyTextGivesAMessage_data();
    void badKeyTextGivesAMessage();
    void tokensAreCapped();
    void example();
    void inTheWindow();

private:
    // The page with the RSA and EC keys as the current set and the four tokens below.
    void fill(RotationPage& page) const;
    [[nodiscard]] static int rowOfKid(const RotationPage& page, const QString& kid);

    QTemporaryDir m_config;
    QTemporaryDir m_dir;
    keys::Key m_rsa = keyFile("rsa-2048-pkcs8.pem", "r1");
    keys::Key m_ec = keyFile("ec-p256-sec1.pem", "e1");
    keys::Key m_ed = keyFile("ed25519-pkcs8.pem", "d1");
    QStringList m_tokens;
};

void TestRotationPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_config.isValid());
    QVERIFY(m_dir.isValid());
    test::isolateSettings(m_config.path());
    applyColorScheme(*qApp, ColorScheme::Light);
    Clock::setFixed(test::at(kNow));
    m_tokens = {
        sign(m_rsa, "RS256", "alice", 15 * 60), // 0: live, signed by r1
        sign(m_ec, "ES256", "bob", 3600), // 1: live, signed by e1
        sign(m_rsa, "RS256", "carol", -3600), // 2: expired an hour ago, signed by r1
        sign(m_ed, "EdDSA", "dave", 7200), // 3: signed by d1, which only the added keys hold
    };
}

void TestRotationPage::cleanupTestCase()
{
    Clock::useSystemTime();
}

void TestRotationPage::fill(RotationPage& page) const
{
    page.keyText()->setPlainText(jwks({*m_rsa.publicKey(), *m_ec.publicKey()}, false));
    page.tokenText()->setPlainText(m_tokens.join(QStringLiteral("\n\n")) + QLatin1Char('\n'));
    page.rehearseNow();
}

int TestRotationPage::rowOfKid(const RotationPage& page, const QString& kid)
{
    const auto& entries = page.rehearsal()->keys()->entries();
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (QString::fromStdString(entries[i].key.parameters().kid) == kid) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

void TestRotationPage::fates_data()
{
    QTest::addColumn<int>("rsaState"); // KeyState of r1
    QTest::addColumn<bool>("addEd"); // d1 added to the new set
    QTest::addColumn<int>("token");
    QTest::addColumn<QString>("oldKey");
    QTest::addColumn<QString>("newKey");
    QTest::addColumn<int>("fate");

    const int keep = int(KeyState::Keep);
    const int remove = int(KeyState::Remove);
    const int retire = int(KeyState::Retire);
    QTest::newRow("kept key") << keep << false << 0 << "kid \"r1\""
                              << "kid \"r1\"" << int(TokenFate::Unaffected);
    QTest::newRow("other key kept") << remove << false << 1 << "kid \"e1\""
                                    << "kid \"e1\"" << int(TokenFate::Unaffected);
    QTest::newRow("removed key, live token") << remove << false << 0 << "kid \"r1\""
                                             << "none: " << int(TokenFate::Breaks);
    QTest::newRow("removed key, expired token") << remove << false << 2 << "kid \"r1\""
                                                << "none: " << int(TokenFate::BreaksExpired);
    QTest::newRow("retired key") << retire << false << 0 << "kid \"r1\""
                                 << "kid \"r1\" (retired)" << int(TokenFate::Unaffected);
    QTest::newRow("key in neither set") << keep << false << 3 << "none: "
                                        << "none: " << int(TokenFate::NeverVerifies);
    QTest::newRow("added key") << keep << true << 3 << "none: "
                               << "kid \"d1\"" << int(TokenFate::StartsVerifying);
}

void TestRotationPage::fates()
{
    QFETCH(int, rsaState);
    QFETCH(bool, addEd);
    QFETCH(int, token);
    QFETCH(QString, oldKey);
    QFETCH(QString, newKey);
    QFETCH(int, fate);

    RotationPage page;
    QAbstractItemModelTester keyTester(page.rehearsal()->keys());
    QAbstractItemModelTester tokenTester(page.rehearsal()->tokens());
    fill(page);
    QCOMPARE(page.rehearsal()->keys()->rowCount(), 2);
    if (addEd) {
        QVERIFY(page.addKeys(jwks({*m_ed.publicKey()}, false)));
        QCOMPARE(page.rehearsal()->keys()->rowCount(), 3);
    }
    page.setKeyState(rowOfKid(page, QStringLiteral("r1")), KeyState(rsaState));

    const QTableView* table = page.tokenTable();
    QCOMPARE(table->model()->rowCount(), 4);
    QCOMPARE(cell(table, token, RotationTokenModel::OldKeyColumn).left(oldKey.size()), oldKey);
    QCOMPARE(cell(table, token, RotationTokenModel::NewKeyColumn).left(newKey.size()), newKey);
    QCOMPARE(table->model()->index(token, 0).data(Qt::UserRole).toInt(), fate);
    QCOMPARE(cell(table, 0, RotationTokenModel::SubjectColumn), QStringLiteral("alice"));
}

void TestRotationPage::removingAKeySaysSoInTheSummary()
{
    RotationPage page;
    fill(page);
    QCOMPARE(page.summary(), QStringLiteral("No token that is still valid would fail."));
    page.setKeyState(rowOfKid(page, QStringLiteral("r1")), KeyState::Remove);
    QCOMPARE(
        page.summary(),
        QStringLiteral("1 token fails now; it would expire within 15 min; 1 more would fail but has expired anyway."));
    const QTableView* table = page.tokenTable();
    QCOMPARE(cell(table, 0, RotationTokenModel::FateColumn), QStringLiteral("Breaks"));
    QCOMPARE(cell(table, 0, RotationTokenModel::LifetimeColumn), QStringLiteral("expires in 15 min"));
    QCOMPARE(cell(table, 2, RotationTokenModel::FateColumn), QStringLiteral("Breaks (expired anyway)"));
    QCOMPARE(cell(table, 2, RotationTokenModel::LifetimeColumn), QStringLiteral("expired 1 h ago"));
    // A breaking row stands out in the theme's colour for failures.
    QCOMPARE(table->model()->index(0, RotationTokenModel::FateColumn).data(Qt::ForegroundRole).value<QColor>(),
             statusColors(QGuiApplication::palette()).bad);
    QVERIFY(!table->model()->index(1, RotationTokenModel::FateColumn).data(Qt::ForegroundRole).isValid());
    test::saveShot(page, QStringLiteral("rotation-removed"));
}

void TestRotationPage::retiredKeyVerifiesUntilRemoved()
{
    RotationPage page;
    fill(page);
    page.setKeyState(rowOfKid(page, QStringLiteral("r1")), KeyState::Retire);
    QCOMPARE(page.summary(), QStringLiteral("No token that is still valid would fail."));
    QVERIFY(page.rehearsal()->tokens()->dependsOnRetiredKey(0));
    QVERIFY(page.rehearsal()->tokens()->dependsOnRetiredKey(2));
    QVERIFY(!page.rehearsal()->tokens()->dependsOnRetiredKey(1));
    QCOMPARE(cell(page.tokenTable(), 0, RotationTokenModel::FateColumn),
             QStringLiteral("Fails once the retired key is removed"));
    auto* retired = page.findChild<QLabel*>(QStringLiteral("rotationRetiredSummary"));
    QVERIFY(retired && !retired->isHidden());
    QCOMPARE(retired->text(),
             QStringLiteral("Verified only by a retired key: 2 token(s). Once the retired keys are "
                            "removed: 1 token fails now; it would expire within 15 min; 1 more "
                            "would fail but has expired anyway."));
    // Still published: the retired key is in the exported set.
    const auto keys
        = QJsonDocument::fromJson(page.newSetJson().toUtf8()).object().value(QStringLiteral("keys")).toArray();
    QCOMPARE(keys.size(), 2);
    page.setKeyState(rowOfKid(page, QStringLiteral("r1")), KeyState::Keep);
    QVERIFY(retired->isHidden());
}

void TestRotationPage::typingRehearsesAfterAPause()
{
    RotationPage page;
    page.keyText()->setPlainText(jwks({*m_rsa.publicKey()}, false));
    QTest::keyClicks(page.tokenText(), m_tokens.at(0));
    QCOMPARE(page.tokenTable()->model()->rowCount(), 0); // not at every key stroke
    QTRY_COMPARE(page.tokenTable()->model()->rowCount(), 1);
    QCOMPARE(cell(page.tokenTable(), 0, RotationTokenModel::OldKeyColumn), QStringLiteral("kid \"r1\""));
}

void TestRotationPage::fromKeystore()
{
    const QString path = m_dir.filePath(QStringLiteral("keystore.jwe"));
    auto keystore = keys::Keystore::create(path.toStdString(), crypto::SecureBytes(std::string_view("pass")), kFast);
    QVERIFY(keystore.add({m_rsa, "signer", "2026-01-01T00:00:00Z", {}, {}}));
    auto secret = keys::generateKey({keys::KeyType::Oct, 256, keys::Curve::None});
    QVERIFY(secret);
    secret->parameters().kid = "h1";
    QVERIFY(keystore.add({*secret, "webhook", "2026-01-01T00:00:00Z", {}, {}}));
    QVERIFY(keystore.save());
    keystore.lock();

    KeystoreSession session(path, kFast);
    QVERIFY(session.unlock(crypto::SecureBytes(std::string_view("pass"))));
    RotationPage page;
    page.setKeystoreSession(&session);
    QSignalSpy unlock(&page, &RotationPage::keystoreUnlockRequested);
    page.findChild<QPushButton*>(QStringLiteral("fromKeystoreButton"))->click();
    QCOMPARE(unlock.size(), 0);
    QCOMPARE(page.rehearsal()->keys()->rowCount(), 1);
    QCOMPARE(cell(page.keyTable(), 0, RotationKeyModel::KeyColumn), QStringLiteral("r1"));
    QVERIFY(!page.rehearsal()->keys()->entries().front().key.hasPrivate());
    QCOMPARE(page.keyMessage(),
             QStringLiteral("Took the public halves of 1 key(s) from the keystore. Left out 1 HMAC "
                            "secret(s): they have no public half to publish."));
    // Only public members reach the key box.
    const auto box = QJsonDocument::fromJson(page.keyText()->toPlainText().toUtf8()).object();
    const auto first = box.value(QStringLiteral("keys")).toArray().at(0).toObject();
    QCOMPARE(first.value(QStringLiteral("kid")).toString(), QStringLiteral("r1"));
    QVERIFY(!first.contains(QStringLiteral("d")));
    page.tokenText()->setPlainText(m_tokens.at(0));
    page.rehearseNow();
    QCOMPARE(cell(page.tokenTable(), 0, RotationTokenModel::OldKeyColumn), QStringLiteral("kid \"r1\""));
}

void TestRotationPage::fromLockedKeystoreAsksToUnlock()
{
    KeystoreSession session(m_dir.filePath(QStringLiteral("none.jwe")), kFast);
    RotationPage page;
    page.setKeystoreSession(&session);
    QSignalSpy unlock(&page, &RotationPage::keystoreUnlockRequested);
    page.findChild<QPushButton*>(QStringLiteral("fromKeystoreButton"))->click();
    QCOMPARE(unlock.size(), 1);
    QCOMPARE(page.rehearsal()->keys()->rowCount(), 0);
    QVERIFY(!page.keyMessage().isEmpty());
}

void TestRotationPage::exportHoldsPublicKeysOfTheNewSetOnly()
{
    auto secret = keys::generateKey({keys::KeyType::Oct, 256, keys::Curve::None});
    QVERIFY(secret);
    secret->parameters().kid = "h1";
    RotationPage page;
    // Private keys pasted into the current set, and a private key added: only public halves go out.
    page.keyText()->setPlainText(jwks({m_rsa, m_ec, *secret}, true));
    page.rehearseNow();
    QCOMPARE(page.rehearsal()->keys()->rowCount(), 3);
    QVERIFY(page.addKeys(jwks({m_ed}, true)));
    page.setKeyState(rowOfKid(page, QStringLiteral("e1")), KeyState::Remove);
    page.setKeyState(rowOfKid(page, QStringLiteral("r1")), KeyState::Retire);

    const QString path = m_dir.filePath(QStringLiteral("new.jwks"));
    QVERIFY(page.exportNewSet(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    const auto keys = QJsonDocument::fromJson(text).object().value(QStringLiteral("keys")).toArray();
    QStringList kids;
    for (const auto& key : keys) {
        const QJsonObject jwk = key.toObject();
        kids << jwk.value(QStringLiteral("kid")).toString();
        for (const char* member : {"d", "p", "q", "dp", "dq", "qi", "k", "oth"}) {
            QVERIFY2(!jwk.contains(QLatin1String(member)), member);
        }
    }
    QCOMPARE(kids, (QStringList{QStringLiteral("r1"), QStringLiteral("d1")}));
    QCOMPARE(page.findChild<QLabel*>(QStringLiteral("rotationExportMessage"))->text(),
             QStringLiteral("1 HMAC secret(s) left out: a secret is never published in a JWK Set."));
    QCOMPARE(page.newSetJson().toUtf8() + '\n', text);
}

void TestRotationPage::badKeyTextGivesAMessage_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("words") << "not a key at all";
    QTest::newRow("keys not an array") << "{\"keys\": 5}";
    QTest::newRow("a token") << m_tokens.at(0);
    QTest::newRow("broken PEM") << "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n";
}

void TestRotationPage::badKeyTextGivesAMessage()
{
    QFETCH(QString, text);
    RotationPage page;
    page.keyText()->setPlainText(text);
    page.rehearseNow();
    const auto expected = keys::readKeys(text.toStdString());
    QVERIFY(!expected);
    QCOMPARE(page.keyMessage().left(20).toLower(), QString::fromStdString(expected.error().message).left(20).toLower());
    QCOMPARE(page.rehearsal()->keys()->rowCount(), 0);
    // Fixed text clears the message.
    page.keyText()->setPlainText(jwks({*m_rsa.publicKey()}, false));
    page.rehearseNow();
    QCOMPARE(page.keyMessage(), QString());
    QCOMPARE(page.rehearsal()->keys()->rowCount(), 1);
}

void TestRotationPage::tokensAreCapped()
{
    RotationPage page;
    QStringList lines;
    for (int i = 0; i < RotationRehearsal::kMaxTokens + 5; ++i) {
        lines << QStringLiteral("not-a-token-%1").arg(i);
    }
    page.tokenText()->setPlainText(lines.join(QLatin1Char('\n')));
    page.rehearseNow();
    QCOMPARE(page.tokenTable()->model()->rowCount(), RotationRehearsal::kMaxTokens);
    auto* message = page.findChild<QLabel*>(QStringLiteral("rotationTokenMessage"));
    QVERIFY(!message->isHidden());
    QVERIFY2(message->text().contains(QStringLiteral("5 more left out")), qPrintable(message->text()));
}

void TestRotationPage::example()
{
    RotationPage page;
    page.resize(1280, 700);
    page.loadExample();
    QCOMPARE(page.rehearsal()->keys()->rowCount(), 4);
    QCOMPARE(page.tokenTable()->model()->rowCount(), 8);
    QCOMPARE(page.summary(),
             QStringLiteral("2 tokens fail now; all would expire within 15 min; 1 more would fail "
                            "but has expired anyway; 1 token starts verifying."));
    // Loading it again starts from the example's states, not from changes made meanwhile.
    page.setKeyState(0, KeyState::Keep);
    page.loadExample();
    QCOMPARE(page.rehearsal()->keys()->rowCount(), 4);
    QVERIFY(page.summary().startsWith(QStringLiteral("2 tokens fail now")));
    test::saveShot(page, QStringLiteral("rotation-example"));
}

void TestRotationPage::inTheWindow()
{
    MainWindow window;
    QVERIFY(window.rotationPage());
    auto* pages = window.findChild<QTabWidget*>(QStringLiteral("pages"));
    const int index = pages->indexOf(window.rotationPage());
    QCOMPARE(index, 5); // after Compare, Alt+6
    QCOMPARE(pages->tabText(index), QStringLiteral("Rotation"));
    QSignalSpy unlock(window.rotationPage(), &RotationPage::keystoreUnlockRequested);
    pages->setCurrentWidget(window.rotationPage());
    window.rotationPage()->findChild<QPushButton*>(QStringLiteral("fromKeystoreButton"))->click();
    QCOMPARE(unlock.size(), 1);
    QCOMPARE(pages->currentWidget(), static_cast<QWidget*>(window.keysPage()));
}

QTEST_MAIN(TestRotationPage)
#include "TestRotationPage.moc"
