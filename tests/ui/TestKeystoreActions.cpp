#include "ScriptedKeysPrompter.h"
#include "TestData.h"
#include "TestKeys.h"
#include "encoding/Base64Url.h"
#include "keys/Keystore.h"
#include "keys/Thumbprint.h"
#include "models/KeyListModel.h"
#include "pages/keys/KeystoreActions.h"
#include "support/KeystoreSession.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace jwtwb;
using namespace jwtwb::ui;

Q_DECLARE_METATYPE(keys::SecretEncoding)

// The Keys page's actions without a single widget: a session, the list model, a scripted prompter.
// Every change is saved at once, so each check reopens the file.
class TestKeystoreActions : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void importEveryKeyFormat_data();
    void importEveryKeyFormat();
    void importSecrets_data();
    void importSecrets();
    void encryptedKeyAsksForItsPassphrase();
    void duplicateIsReportedNotAdded();
    void deleteAsksAndUndoRestores();
    void detailsAreSaved();
    void privateExportAsksFirst();
    void failedSaveAsksAndKeepsTheChange();
    void changePassphraseAsksForTheNewOne();

private:
    [[nodiscard]] keys::Keystore reopen(std::string_view passphrase = "actions") const;
    [[nodiscard]] QString write(const QString& name, const QByteArray& bytes) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<KeystoreSession> m_session;
    std::unique_ptr<KeyListModel> m_model;
    std::unique_ptr<test::ScriptedKeysPrompter> m_prompter;
    std::unique_ptr<KeystoreActions> m_actions;
};

namespace {

constexpr keys::KeystoreOptions kFast{1000};
QString thumbprintOf(const keys::Key& key)
{
    return QString::fromStdString(encoding::base64UrlEncode(keys::thumbprint(key).value()));
}

} // namespace

void TestKeystoreActions::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("keystore.jwe"));
    m_session = std::make_unique<KeystoreSession>(m_path, kFast);
    QVERIFY(m_session->unlock(crypto::SecureBytes(std::string_view("actions"))));
    m_model = std::make_unique<KeyListModel>();
    m_model->setKeystore(m_session->editableKeystore());
    m_prompter = std::make_unique<test::ScriptedKeysPrompter>();
    m_actions = std::make_unique<KeystoreActions>(m_session.get(), m_model.get(), m_prompter.get());
}

void TestKeystoreActions::cleanup()
{
    m_actions.reset();
    m_model.reset();
    m_session.reset();
    m_prompter.reset();
    m_dir.reset();
}

keys::Keystore TestKeystoreActions::reopen(std::string_view passphrase) const
{
    auto keystore = keys::Keystore::open(m_path.toStdString(), crypto::SecureBytes(passphrase));
    if (!keystore) {
        qFatal("cannot reopen the keystore: %s", keystore.error().message.c_str());
    }
    return std::move(*keystore);
}

QString TestKeystoreActions::write(const QString& name, const QByteArray& bytes) const
{
    QFile file(m_dir->filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) {
        qFatal("cannot write %s", qPrintable(file.fileName()));
    }
    return file.fileName();
}

// The Keys page's entry point for each key format: a file, and the same text pasted.
void TestKeystoreActions::importEveryKeyFormat_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<bool>("binary"); // a file only: binary DER cannot be pasted
    QTest::addColumn<QString>("thumbprint");
    QTest::addColumn<bool>("isPrivate");
    QTest::newRow("PEM SubjectPublicKeyInfo")
        << test::keyFileBytes(QStringLiteral("ec-p256-spki.pem")) << false << test::kP256Thumbprint << false;
    QTest::newRow("PEM PKCS#8") << test::keyFileBytes(QStringLiteral("rsa-2048-pkcs8.pem")) << false
                                << test::kRsaThumbprint << true;
    QTest::newRow("PEM PKCS#1") << test::keyFileBytes(QStringLiteral("rsa-2048-pkcs1.pem")) << false
                                << test::kRsaThumbprint << true;
    QTest::newRow("PEM PKCS#1 public") << test::keyFileBytes(QStringLiteral("rsa-2048-pkcs1-public.pem")) << false
                                       << test::kRsaThumbprint << false;
    QTest::newRow("PEM SEC1") << test::keyFileBytes(QStringLiteral("ec-p256-sec1.pem")) << false
                              << test::kP256Thumbprint << true;
    QTest::newRow("PEM certificate") << test::keyFileBytes(QStringLiteral("ec-p256-certificate.pem")) << false
                                     << test::kP256Thumbprint << false;
    QTest::newRow("PEM Ed25519") << test::keyFileBytes(QStringLiteral("ed25519-pkcs8.pem")) << false
                                 << test::kEd25519Thumbprint << true;
    QTest::newRow("DER PKCS#8") << test::derOfKeyFile(QStringLiteral("rsa-2048-pkcs8.pem")) << true
                                << test::kRsaThumbprint << true;
    QTest::newRow("DER SubjectPublicKeyInfo")
        << test::derOfKeyFile(QStringLiteral("ec-p256-spki.pem")) << true << test::kP256Thumbprint << false;
    QTest::newRow("DER certificate") << test::derOfKeyFile(QStringLiteral("ec-p256-certificate.pem")) << true
                                     << test::kP256Thumbprint << false;
    QTest::newRow("base64 DER") << test::derOfKeyFile(QStringLiteral("ed25519-pkcs8.pem")).toBase64() << false
                                << test::kEd25519Thumbprint << true;
    // RFC 7638 §3.1's example key and its thumbprint.
    QTest::newRow("JWK") << QByteArray(
        R"({"kty":"RSA","e":"AQAB","n":"0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw"})")
                         << false << QStringLiteral("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs") << false;
}

void TestKeystoreActions::importEveryKeyFormat()
{
    QFETCH(QByteArray, content);
    QFETCH(bool, binary);
    QFETCH(QString, thumbprint);
    QFETCH(bool, isPrivate);
    const QString report = m_actions->importFile(write(QStringLiteral("key"), content));
    QVERIFY2(report.startsWith(QStringLiteral("Imported 1 key(s)")), qPrintable(report));
    if (!binary) {
        // Pasted: the same key again, reported as already stored.
        const QString again = m_actions->importText(QString::fromUtf8(content));
        QVERIFY2(again.contains(QStringLiteral("left out")), qPrintable(again));
    }
    const auto stored = reopen();
    QCOMPARE(stored.entries().size(), std::size_t{1});
    QCOMPARE(thumbprintOf(stored.entries().front().key), thumbprint);
    QCOMPARE(stored.entries().front().key.hasPrivate(), isPrivate);
}

void TestKeystoreActions::importSecrets_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<keys::SecretEncoding>("encoding");
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("utf8") << QStringLiteral("s3cr3t") << keys::SecretEncoding::Utf8 << QByteArray("s3cr3t");
    QTest::newRow("hex") << QStringLiteral("73336372337400") << keys::SecretEncoding::Hex << QByteArray("s3cr3t\0", 7);
    QTest::newRow("base64") << QStringLiteral("czNjcjN0") << keys::SecretEncoding::Base64 << QByteArray("s3cr3t");
    QTest::newRow("base64url") << QStringLiteral("-_8") << keys::SecretEncoding::Base64Url << QByteArray("\xfb\xff", 2);
}

void TestKeystoreActions::importSecrets()
{
    QFETCH(QString, text);
    QFETCH(keys::SecretEncoding, encoding);
    QFETCH(QByteArray, bytes);
    QVERIFY(
        m_actions->importSecret(text, encoding, QStringLiteral("webhook")).startsWith(QStringLiteral("Imported 1")));
    const auto stored = reopen();
    QCOMPARE(stored.entries().front().label, std::string("webhook"));
    const auto& secret = stored.entries().front().key.secret();
    QCOMPARE(QByteArray(reinterpret_cast<const char*>(secret.data()), static_cast<qsizetype>(secret.size())), bytes);
    QVERIFY(m_actions->importSecret(QStringLiteral("zz"), keys::SecretEncoding::Hex, {})
                .startsWith(QStringLiteral("Nothing imported")));
}

void TestKeystoreActions::encryptedKeyAsksForItsPassphrase()
{
    int asked = 0;
    std::optional<QString> answer;
    m_prompter->setPassphrasePrompt([&] {
        ++asked;
        return answer;
    });
    const QString file
        = write(QStringLiteral("encrypted.pem"), test::keyFileBytes(QStringLiteral("ec-p384-pkcs8-encrypted.pem")));
    QVERIFY(m_actions->importFile(file).contains(QStringLiteral("passphrase"))); // cancelled
    answer = QStringLiteral("not it");
    QVERIFY(m_actions->importFile(file).contains(QStringLiteral("wrong passphrase")));
    answer = test::kKeyFilePassphrase;
    QVERIFY(m_actions->importFile(file).startsWith(QStringLiteral("Imported 1")));
    QCOMPARE(asked, 3);
    QCOMPARE(thumbprintOf(reopen().entries().front().key), test::kP384Thumbprint);
}

void TestKeystoreActions::duplicateIsReportedNotAdded()
{
    QSignalSpy added(m_actions.get(), &KeystoreActions::keyAdded);
    QVERIFY(m_actions->importText(QString::fromUtf8(test::keyFileBytes(QStringLiteral("ec-p256-sec1.pem"))))
                .startsWith("Imported 1"));
    // The public half of a stored private key is the same key.
    const QString report
        = m_actions->importText(QString::fromUtf8(test::keyFileBytes(QStringLiteral("ec-p256-spki.pem"))));
    QVERIFY2(report.startsWith(QStringLiteral("Imported 0 key(s); left out:")), qPrintable(report));
    QCOMPARE(added.size(), 1);
    QCOMPARE(reopen().entries().size(), std::size_t{1});
}

void TestKeystoreActions::deleteAsksAndUndoRestores()
{
    QVERIFY(m_actions->importText(QString::fromUtf8(test::keyFileBytes(QStringLiteral("ed25519-pkcs8.pem"))))
                .startsWith("Imported 1"));
    const QString kid = QString::fromStdString(reopen().entries().front().kid());
    QStringList asked;
    bool answer = false;
    m_prompter->setDeleteConfirmation([&](const QString& label) {
        asked << label;
        return answer;
    });
    QVERIFY(!m_actions->deleteKey(kid));
    QCOMPARE(asked, QStringList{QStringLiteral("Imported Ed25519 key")});
    QCOMPARE(reopen().entries().size(), std::size_t{1});
    QVERIFY(!m_actions->canUndoDelete());

    answer = true;
    QVERIFY(m_actions->deleteKey(kid));
    QVERIFY(reopen().entries().empty());
    QVERIFY(m_actions->canUndoDelete());
    QVERIFY(m_actions->undoDelete());
    QVERIFY(!m_actions->canUndoDelete());
    const auto restored = reopen();
    QCOMPARE(restored.entries().size(), std::size_t{1});
    QCOMPARE(QString::fromStdString(restored.entries().front().kid()), kid);
}

void TestKeystoreActions::detailsAreSaved()
{
    QVERIFY(m_actions->importText(QString::fromUtf8(test::keyFileBytes(QStringLiteral("ec-p256-sec1.pem"))))
                .startsWith("Imported 1"));
    const QString kid = QString::fromStdString(reopen().entries().front().kid());
    QVERIFY(m_actions->setDetails(kid, QStringLiteral("  billing signer "), QStringLiteral("production, , billing"),
                                  QStringLiteral("rotated yearly")));
    const auto entry = reopen().entries().front();
    QCOMPARE(entry.label, std::string("billing signer"));
    QCOMPARE(entry.tags, (std::vector<std::string>{"production", "billing"}));
    QCOMPARE(entry.notes, std::string("rotated yearly"));
}

void TestKeystoreActions::privateExportAsksFirst()
{
    QVERIFY(m_actions->importText(QString::fromUtf8(test::keyFileBytes(QStringLiteral("ec-p256-sec1.pem"))))
                .startsWith("Imported 1"));
    const QString kid = QString::fromStdString(reopen().entries().front().kid());
    QVERIFY(m_actions->setDetails(kid, QStringLiteral("release"), QStringLiteral("production"), {}));
    const QList<const keys::KeystoreEntry*> entries{&m_session->keystore()->entries().front()};
    QList<bool> asked;
    bool answer = false;
    m_prompter->setPrivateExportConfirmation([&](const QString&, bool second) {
        asked << second;
        return answer || !second;
    });
    const QString file = m_dir->filePath(QStringLiteral("private.jwk"));
    QVERIFY(!m_actions->exportToFile(entries, KeyExportFormat::PrivateJwk, file));
    QCOMPARE(asked, (QList<bool>{false, true})); // tagged production: asked twice
    QVERIFY(!QFileInfo::exists(file));
    answer = true;
    QVERIFY(m_actions->exportToFile(entries, KeyExportFormat::PrivateJwk, file));
    QCOMPARE(QFileInfo(file).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    // Public material needs no confirmation.
    asked.clear();
    QVERIFY(
        m_actions->exportToFile(entries, KeyExportFormat::PublicPem, m_dir->filePath(QStringLiteral("public.pem"))));
    QVERIFY(asked.isEmpty());
}

void TestKeystoreActions::failedSaveAsksAndKeepsTheChange()
{
    QVERIFY(m_actions->importText(QString::fromUtf8(test::keyFileBytes(QStringLiteral("ec-p256-sec1.pem"))))
                .startsWith("Imported 1"));
    // A folder where the backup of the previous file goes: the next save fails (also for root).
    QVERIFY(QDir().mkpath(m_path + QStringLiteral(".bak/in-the-way")));
    QList<UnsavedKeystoreDialog::Situation> situations;
    m_prompter->setUnsavedPrompt([&](UnsavedKeystoreDialog::Situation situation, const QString&, const QString&) {
        situations << situation;
        return UnsavedKeystoreDialog::Choice::Keep;
    });
    QSignalSpy status(m_actions.get(), &KeystoreActions::statusMessage);
    const QString report
        = m_actions->importText(QString::fromUtf8(test::keyFileBytes(QStringLiteral("ed25519-pkcs8.pem"))));
    QCOMPARE(situations, QList<UnsavedKeystoreDialog::Situation>{UnsavedKeystoreDialog::Situation::SaveFailed});
    QVERIFY2(report.contains(QStringLiteral("memory only")), qPrintable(report));
    QVERIFY(m_session->hasUnsavedChanges());
    QCOMPARE(m_model->rowCount(), 2); // the change is kept in memory
    QCOMPARE(reopen().entries().size(), std::size_t{1}); // the file is the old one
    QVERIFY(QDir(m_path + QStringLiteral(".bak")).removeRecursively());
    QVERIFY(m_actions->save());
    QCOMPARE(reopen().entries().size(), std::size_t{2});
}

void TestKeystoreActions::changePassphraseAsksForTheNewOne()
{
    QVERIFY(m_actions->importText(QString::fromUtf8(test::keyFileBytes(QStringLiteral("ec-p256-sec1.pem"))))
                .startsWith("Imported 1"));
    std::optional<QString> answer;
    m_prompter->setNewKeystorePassphrasePrompt(
        [&](const QString& path) { return path == m_path ? answer : std::nullopt; });
    QVERIFY(!m_actions->changePassphrase());
    answer = QStringLiteral("a new passphrase");
    QVERIFY(m_actions->changePassphrase());
    QCOMPARE(reopen("a new passphrase").entries().size(), std::size_t{1});
    QVERIFY(!keys::Keystore::open(m_path.toStdString(), crypto::SecureBytes(std::string_view("actions"))));
}

QTEST_MAIN(TestKeystoreActions)
#include "TestKeystoreActions.moc"
