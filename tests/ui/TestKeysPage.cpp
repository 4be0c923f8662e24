#include "ScriptedKeysPrompter.h"
#include "UiTestSupport.h"
#include "encoding/Base64Url.h"
#include "keys/KeyExport.h"
#include "keys/KeyGenerator.h"
#include "keys/KeyImport.h"
#include "keys/Keystore.h"
#include "keys/Thumbprint.h"
#include "models/KeyListModel.h"
#include "pages/KeysPage.h"
#include "support/Clipboard.h"
#include "widgets/JsonView.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QDirIterator>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTreeView>

using namespace jwtwb;
using namespace jwtwb::ui;

class TestKeysPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void wrongPassphraseStaysLocked();
    void unlockListFilterDetails();
    void lockForgetsKeys();
    void noKeystoreYet();
    void generateEveryKindLeavesNoSecretOutside();
    void cancelRsaGeneration();
    void importJwksPemAndDuplicates();
    void deleteConfirmAndUndo();
    void editDetails();
    void exportPublicAndPrivate();
    void idleLock();
    void screenshots_data();
    void screenshots();
    void columnsFitTheirContents_data();
    void columnsFitTheirContents();
    void sortedByLabelAsTheArrowSays();

private:
    void unlockWith(KeysPage& page, const QString& passphrase);
    [[nodiscard]] static keys::Keystore reopen(const QString& path, const char* passphrase);
    [[nodiscard]] static QAction* action(KeysPage& page, const char* name);
    static constexpr keys::KeystoreOptions kFast{1000};
    QTemporaryDir m_dir;
    QString m_path;
};

void TestKeysPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("keystore.jwe"));
    // A low iteration count for speed; the file says how many to use when opening.
    auto keystore
        = keys::Keystore::create(m_path.toStdString(), crypto::SecureBytes(std::string_view("open sesame")), {1000});
    QVERIFY(keystore.add({*keys::generateKey({keys::KeyType::Ec, 0, keys::Curve::P256}),
                          "staging signer",
                          "2026-11-29T02:00:00Z",
                          {},
                          {"staging"}}));
    QVERIFY(keystore.add({*keys::generateKey({keys::KeyType::Okp, 0, keys::Curve::Ed25519}),
                          "release signer",
                          "2026-11-29T02:01:00Z",
                          {},
                          {"production"}}));
    QVERIFY(keystore.add({*keys::generateKey({keys::KeyType::Oct, 256, keys::Curve::None}),
                          "webhook secret",
                          "2026-11-29T02:02:00Z",
                          {},
                          {}}));
    QVERIFY(keystore.save());
}

void TestKeysPage::unlockWith(KeysPage& page, const QString& passphrase)
{
    auto* edit = page.findChild<QLineEdit*>(QStringLiteral("passphrase"));
    QVERIFY(edit);
    QCOMPARE(edit->echoMode(), QLineEdit::Password);
    (void)test::unlockAsUser(page, passphrase);
}

void TestKeysPage::wrongPassphraseStaysLocked()
{
    KeysPage page(m_path);
    page.resize(900, 600);
    page.show();
    unlockWith(page, QStringLiteral("not it"));
    QVERIFY(!page.isUnlocked());
    QVERIFY(page.findChild<QLabel*>(QStringLiteral("error"))->text().contains("wrong passphrase"));
    QVERIFY(page.findChild<QLineEdit*>(QStringLiteral("passphrase"))->text().isEmpty());
    test::saveShot(page, QStringLiteral("keys-locked-wrong-passphrase"));
}

void TestKeysPage::unlockListFilterDetails()
{
    KeysPage page(m_path);
    page.resize(900, 600);
    page.show();
    QSignalSpy locked(&page, &KeysPage::lockedChanged);
    unlockWith(page, QStringLiteral("open sesame"));
    QVERIFY(page.isUnlocked());
    QCOMPARE(locked.size(), 1);
    QCOMPARE(locked.front().front().toBool(), false);
    QCOMPARE(page.model()->rowCount(), 3);

    auto* view = page.findChild<QTreeView*>();
    auto* filter = page.findChild<QLineEdit*>(QStringLiteral("filter"));
    QTest::keyClicks(filter, QStringLiteral("product"));
    QCOMPARE(view->model()->rowCount(), 1);
    QCOMPARE(view->model()->index(0, KeyListModel::LabelColumn).data().toString(), QStringLiteral("release signer"));
    view->setCurrentIndex(view->model()->index(0, 0));
    auto* details = page.findChild<JsonView*>();
    QVERIFY(details->toPlainText().contains("\"crv\": \"Ed25519\""));
    QVERIFY(!details->toPlainText().contains("\"d\""));
    // The other public form, the thumbprint URI (RFC 9278) and what the key can be used for.
    const QString pem = page.findChild<QPlainTextEdit*>(QStringLiteral("publicPem"))->toPlainText();
    QVERIFY(pem.startsWith(QStringLiteral("-----BEGIN PUBLIC KEY-----")));
    const auto publicKey = keys::importPem(pem.toStdString());
    QVERIFY(publicKey && !publicKey->hasPrivate() && publicKey->curve() == keys::Curve::Ed25519);
    const QString facts = page.findChild<QLabel*>(QStringLiteral("keyFacts"))->text();
    const auto print = keys::thumbprint(*publicKey);
    QVERIFY(print);
    QVERIFY2(facts.contains(QStringLiteral("urn:ietf:params:oauth:jwk-thumbprint:sha-256:")
                            + QString::fromStdString(encoding::base64UrlEncode(*print))),
             qPrintable(facts));
    QVERIFY2(facts.contains(QStringLiteral("Signs and verifies: EdDSA")), qPrintable(facts));
    test::saveShot(page, QStringLiteral("keys-unlocked"));

    filter->clear();
    QCOMPARE(view->model()->rowCount(), 3);
    const QModelIndex secret
        = view->model()->match(view->model()->index(0, 0), Qt::DisplayRole, "webhook secret").front();
    view->setCurrentIndex(secret);
    QVERIFY(details->toPlainText().contains("no public form"));
}

void TestKeysPage::lockForgetsKeys()
{
    KeysPage page(m_path);
    unlockWith(page, QStringLiteral("open sesame"));
    QVERIFY(page.isUnlocked());
    page.lock();
    QVERIFY(!page.isUnlocked());
    QCOMPARE(page.model()->rowCount(), 0);
    QVERIFY(page.findChild<QLabel*>(QStringLiteral("lockedMessage"))->text().contains("is locked"));
}

void TestKeysPage::noKeystoreYet()
{
    KeysPage page(m_dir.filePath(QStringLiteral("new.jwe")));
    QVERIFY(page.findChild<QLabel*>(QStringLiteral("lockedMessage"))->text().contains("no keystore yet"));
    unlockWith(page, QStringLiteral("a new one"));
    QVERIFY(page.isUnlocked());
    QCOMPARE(page.model()->rowCount(), 0);
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("new.jwe")))); // nothing written until there is a change
}

keys::Keystore TestKeysPage::reopen(const QString& path, const char* passphrase)
{
    auto opened = keys::Keystore::open(path.toStdString(), crypto::SecureBytes(std::string_view(passphrase)));
    if (!opened) {
        qFatal("cannot reopen %s: %s", qPrintable(path), opened.error().message.c_str());
    }
    return std::move(*opened);
}

QAction* TestKeysPage::action(KeysPage& page, const char* name)
{
    auto* found = page.findChild<QAction*>(QLatin1String(name));
    if (found == nullptr) {
        qFatal("no action %s", name);
    }
    return found;
}

void TestKeysPage::generateEveryKindLeavesNoSecretOutside()
{
    const QString path = m_dir.filePath(QStringLiteral("generated.jwe"));
    KeysPage page(path, kFast);
    page.show();
    QVERIFY(QTest::qWaitForWindowActive(&page));
    unlockWith(page, QStringLiteral("generate"));
    QSettings settings; // the application's settings file, in the test-mode folder
    settings.setValue(QStringLiteral("test/touched"), true);
    settings.sync();
    auto* kind = page.findChild<QComboBox*>(QStringLiteral("generateKind"));
    int expected = 0;
    for (int i = 0; i < kind->count(); ++i) {
        if (kind->itemText(i).contains(QStringLiteral("RSA 3072"))
            || kind->itemText(i).contains(QStringLiteral("RSA 4096"))) {
            continue; // slow; RSA 2048 stands for them
        }
        kind->setCurrentIndex(i);
        if (i == 0) {
            page.findChild<QTreeView*>()->setFocus();
            QTest::keySequence(page.window(), QKeySequence::New); // the shortcut
        } else {
            action(page, "generateAction")->trigger();
        }
        QTRY_VERIFY_WITH_TIMEOUT(!page.isGenerating(), 30000);
        ++expected;
        QCOMPARE(page.model()->rowCount(), expected);
    }
    QCOMPARE(expected, 10);

    auto stored = reopen(path, "generate");
    QCOMPARE(static_cast<int>(stored.entries().size()), expected);
    // No secret byte string or its base64url form in any file of the test's folders but the keystore.
    QList<QByteArray> secrets;
    for (const auto& entry : stored.entries()) {
        QVERIFY(!entry.kid().empty());
        auto jwk = keys::exportJwk(entry.key, true);
        QVERIFY(jwk);
        for (const char* member : {"d", "k", "p", "q"}) {
            if (jwk->contains(member)) {
                const std::string value = (*jwk)[member].get<std::string>();
                secrets << QByteArray::fromStdString(value);
                auto raw = encoding::base64UrlDecode(value);
                QVERIFY(raw);
                secrets << QByteArray(reinterpret_cast<const char*>(raw->data()), static_cast<qsizetype>(raw->size()));
            }
        }
    }
    QCOMPARE(secrets.size(), 2 * 10 + 2 * 2); // d or k of each, p and q of the RSA key
    QStringList folders{m_dir.path()};
    for (auto location : {QStandardPaths::GenericConfigLocation, QStandardPaths::AppDataLocation,
                          QStandardPaths::AppConfigLocation, QStandardPaths::GenericDataLocation}) {
        folders << QStandardPaths::writableLocation(location);
    }
    QVERIFY(QFile::exists(settings.fileName()));
    int searched = 0;
    for (const QString& folder : folders) {
        QDirIterator files(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            const QString file = files.next();
            if (QFileInfo(file).fileName().startsWith(QStringLiteral("generated.jwe"))) {
                continue; // the encrypted keystore and its .bak
            }
            QFile in(file);
            QVERIFY(in.open(QIODevice::ReadOnly));
            const QByteArray content = in.readAll();
            ++searched;
            for (const QByteArray& secret : secrets) {
                QVERIFY2(!content.contains(secret), qPrintable(file));
            }
        }
    }
    QVERIFY(searched >= 2); // at least the settings file and the other keystore
    QFile keystoreFile(path);
    QVERIFY(keystoreFile.open(QIODevice::ReadOnly));
    const QByteArray encrypted = keystoreFile.readAll();
    for (const QByteArray& secret : secrets) {
        QVERIFY(!encrypted.contains(secret));
    }
}

void TestKeysPage::cancelRsaGeneration()
{
    KeysPage page(m_dir.filePath(QStringLiteral("cancel.jwe")), kFast);
    page.resize(1024, 640);
    page.show();
    unlockWith(page, QStringLiteral("cancel"));
    auto* kind = page.findChild<QComboBox*>(QStringLiteral("generateKind"));
    kind->setCurrentIndex(kind->findText(QStringLiteral("RSA 4096 bits"), Qt::MatchStartsWith));
    QVERIFY(kind->currentIndex() >= 0);
    action(page, "generateAction")->trigger();
    QVERIFY(page.isGenerating());
    auto* cancel = page.findChild<QPushButton*>(QStringLiteral("cancelGenerate"));
    QVERIFY(cancel->isVisible() && cancel->isEnabled());
    QVERIFY(!action(page, "generateAction")->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!page.isGenerating(), 30000);
    QCOMPARE(page.model()->rowCount(), 0);
    QVERIFY(!cancel->isVisible());
    QVERIFY(action(page, "generateAction")->isEnabled());
}

void TestKeysPage::importJwksPemAndDuplicates()
{
    const QString path = m_dir.filePath(QStringLiteral("import.jwe"));
    KeysPage page(path, kFast);
    page.show();
    QVERIFY(QTest::qWaitForWindowActive(&page));
    unlockWith(page, QStringLiteral("import"));
    std::vector<keys::Key> keys{*keys::generateKey({keys::KeyType::Ec, 0, keys::Curve::P384}),
                                *keys::generateKey({keys::KeyType::Okp, 0, keys::Curve::Ed448})};
    auto jwks = keys::exportJwks(keys, false);
    QVERIFY(jwks);
    const QString jwksText = QString::fromStdString(encoding::toPrettyJson(*jwks));
    QVERIFY(page.actions()->importText(jwksText).startsWith(QStringLiteral("Imported 2 key(s)")));
    QCOMPARE(page.model()->rowCount(), 2);

    // Again through the action and its shortcut: both are duplicates, found by thumbprint.
    test::scripted(page)->setImportTextPrompt([&] { return std::optional(jwksText); });
    QSignalSpy status(&page, &KeysPage::statusMessage);
    page.findChild<QTreeView*>()->setFocus();
    QTest::keySequence(page.window(), QKeySequence(Qt::CTRL | Qt::Key_I));
    QCOMPARE(status.size(), 1);
    const QString report = status.front().front().toString();
    QVERIFY2(report.startsWith(QStringLiteral("Imported 0 key(s); left out:")), qPrintable(report));
    QCOMPARE(page.model()->rowCount(), 2);

    // An encrypted PEM asks for its passphrase; cancelling imports nothing.
    const auto rsa = *keys::generateKey({keys::KeyType::Rsa, 2048});
    const auto pem = keys::exportPrivatePem(rsa, "pem pass");
    QVERIFY(pem);
    test::scripted(page)->setPassphrasePrompt([] { return std::nullopt; });
    QVERIFY(page.actions()->importText(QString::fromStdString(*pem)).startsWith(QStringLiteral("Nothing imported")));
    test::scripted(page)->setPassphrasePrompt([] { return std::optional(QStringLiteral("pem pass")); });
    QVERIFY(page.actions()->importText(QString::fromStdString(*pem)).startsWith(QStringLiteral("Imported 1 key(s)")));
    QCOMPARE(page.model()->rowCount(), 3);
    QVERIFY(page.actions()->importText(QStringLiteral("not a key")).startsWith(QStringLiteral("Nothing imported")));

    auto stored = reopen(path, "import");
    QCOMPARE(stored.entries().size(), std::size_t{3});
    QVERIFY(stored.entries().back().key.hasPrivate());
}

void TestKeysPage::deleteConfirmAndUndo()
{
    const QString path = m_dir.filePath(QStringLiteral("delete.jwe"));
    {
        auto keystore = keys::Keystore::create(path.toStdString(), crypto::SecureBytes(std::string_view("del")), kFast);
        QVERIFY(
            keystore.add({*keys::generateKey({keys::KeyType::Oct, 256}), "first", "2026-11-29T02:00:00Z", "n", {"a"}}));
        QVERIFY(
            keystore.add({*keys::generateKey({keys::KeyType::Oct, 384}), "second", "2026-11-29T02:00:00Z", {}, {}}));
        QVERIFY(keystore.save());
    }
    KeysPage page(path, kFast);
    page.show();
    QVERIFY(QTest::qWaitForWindowActive(&page));
    unlockWith(page, QStringLiteral("del"));
    auto* view = page.findChild<QTreeView*>();
    QVERIFY(!action(page, "deleteAction")->isEnabled());
    QVERIFY(!action(page, "undoDeleteAction")->isEnabled());
    view->setCurrentIndex(view->model()->match(view->model()->index(0, 0), Qt::DisplayRole, "first").front());
    QString asked;
    test::scripted(page)->setDeleteConfirmation([&](const QString& label) {
        asked = label;
        return false;
    });
    view->setFocus();
    QTest::keySequence(page.window(), QKeySequence::Delete);
    QCOMPARE(asked, QStringLiteral("first"));
    QCOMPARE(page.model()->rowCount(), 2);

    test::scripted(page)->setDeleteConfirmation([](const QString&) { return true; });
    QTest::keySequence(page.window(), QKeySequence::Delete);
    QCOMPARE(page.model()->rowCount(), 1);
    QCOMPARE(reopen(path, "del").entries().size(), std::size_t{1}); // saved at once
    QVERIFY(action(page, "undoDeleteAction")->isEnabled());

    QTest::keySequence(page.window(), QKeySequence::Undo);
    QCOMPARE(page.model()->rowCount(), 2);
    QVERIFY(!action(page, "undoDeleteAction")->isEnabled());
    auto stored = reopen(path, "del");
    QCOMPARE(stored.entries().size(), std::size_t{2});
    const auto& back = stored.entries().back();
    QVERIFY(back.label == "first");
    QVERIFY(back.notes == "n");
    QVERIFY(back.hasTag("a"));
}

void TestKeysPage::editDetails()
{
    const QString path = m_dir.filePath(QStringLiteral("details.jwe"));
    KeysPage page(path, kFast);
    page.show();
    unlockWith(page, QStringLiteral("details"));
    QVERIFY(
        page.actions()
            ->importText(QStringLiteral(
                R"({"kty":"oct","k":"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow"})"))
            .startsWith(QStringLiteral("Imported 1")));
    auto* view = page.findChild<QTreeView*>();
    view->setCurrentIndex(view->model()->index(0, 0));
    auto* label = page.findChild<QLineEdit*>(QStringLiteral("labelEdit"));
    QCOMPARE(label->text(), QStringLiteral("Imported oct 512 key"));
    label->setText(QStringLiteral("HS512 webhook"));
    page.findChild<QLineEdit*>(QStringLiteral("tagsEdit"))->setText(QStringLiteral(" production , billing,, "));
    page.findChild<QPlainTextEdit*>(QStringLiteral("notesEdit"))->setPlainText(QStringLiteral("rotated yearly"));
    QTest::mouseClick(page.findChild<QPushButton*>(QStringLiteral("saveDetails")), Qt::LeftButton);
    QCOMPARE(view->model()->index(0, KeyListModel::LabelColumn).data().toString(), QStringLiteral("HS512 webhook"));
    auto stored = reopen(path, "details");
    const auto& entry = stored.entries().front();
    QVERIFY(entry.label == "HS512 webhook");
    QVERIFY(entry.notes == "rotated yearly");
    QVERIFY(entry.tags == (std::vector<std::string>{"production", "billing"}));
}

void TestKeysPage::exportPublicAndPrivate()
{
    KeysPage page(m_path);
    page.show();
    QVERIFY(QTest::qWaitForWindowActive(&page));
    unlockWith(page, QStringLiteral("open sesame"));
    auto* view = page.findChild<QTreeView*>();
    const auto select = [&](const char* label) {
        view->setCurrentIndex(view->model()->match(view->model()->index(0, 0), Qt::DisplayRole, label).front());
    };
    QList<std::pair<QString, bool>> asked;
    bool answer = false;
    test::scripted(page)->setPrivateExportConfirmation([&](const QString& label, bool second) {
        asked.append({label, second});
        return answer;
    });
    Clipboard::instance()->clearSecret();

    select("staging signer");
    const QString publicJwk = page.exportSelected(KeyExportFormat::PublicJwk);
    QVERIFY(publicJwk.contains(QStringLiteral("\"crv\": \"P-256\"")));
    QVERIFY(!publicJwk.contains(QStringLiteral("\"d\"")));
    QCOMPARE(QGuiApplication::clipboard()->text(), publicJwk);
    QVERIFY(!Clipboard::instance()->secretPending());
    QVERIFY(page.exportSelected(KeyExportFormat::PublicPem).startsWith(QStringLiteral("-----BEGIN PUBLIC KEY-----")));
    QVERIFY(asked.isEmpty());

    QVERIFY(page.exportSelected(KeyExportFormat::PrivateJwk).isEmpty()); // refused
    QCOMPARE(asked.size(), 1);
    QCOMPARE(QGuiApplication::clipboard()->text().startsWith(QStringLiteral("-----BEGIN PUBLIC KEY-----")), true);
    answer = true;
    const QString privateJwk = page.exportSelected(KeyExportFormat::PrivateJwk);
    QVERIFY(privateJwk.contains(QStringLiteral("\"d\"")));
    QCOMPARE(asked.size(), 2);
    QVERIFY((asked.back() == std::pair{QStringLiteral("staging signer"), false}));
    QVERIFY(Clipboard::instance()->secretPending());
    QCOMPARE(QGuiApplication::clipboard()->text(), privateJwk);
    QVERIFY(page.exportSelected(KeyExportFormat::PrivatePem).startsWith(QStringLiteral("-----BEGIN PRIVATE KEY-----")));
    Clipboard::instance()->clearSecret();

    // A production key asks twice.
    asked.clear();
    select("release signer");
    QVERIFY(page.exportSelected(KeyExportFormat::PrivatePem).startsWith(QStringLiteral("-----BEGIN PRIVATE KEY-----")));
    QCOMPARE(asked.size(), 2);
    QVERIFY((asked.back() == std::pair{QStringLiteral("release signer"), true}));
    Clipboard::instance()->clearSecret();
    asked.clear();
    test::scripted(page)->setPrivateExportConfirmation([&](const QString& label, bool second) {
        asked.append({label, second});
        return !second;
    });
    QVERIFY(page.exportSelected(KeyExportFormat::PrivateJwk).isEmpty());
    QCOMPARE(asked.size(), 2);
    QVERIFY(!Clipboard::instance()->secretPending());

    // A secret: no public form, no PEM; its JWK only as a private export.
    select("webhook secret");
    QVERIFY(page.exportSelected(KeyExportFormat::PublicJwk).isEmpty());
    QVERIFY(page.exportSelected(KeyExportFormat::PrivatePem).isEmpty());

    // Ctrl+E: the public JWK Set of every selected key, secrets left out.
    view->setFocus();
    view->selectAll();
    QTest::keySequence(page.window(), QKeySequence(Qt::CTRL | Qt::Key_E));
    auto jwks = encoding::parseJsonNoDuplicates(QGuiApplication::clipboard()->text().toStdString(), "JWK Set");
    QVERIFY(jwks);
    QCOMPARE((*jwks)["keys"].size(), std::size_t{2});
    QVERIFY(!QGuiApplication::clipboard()->text().contains(QStringLiteral("\"d\"")));
}

void TestKeysPage::idleLock()
{
    KeysPage page(m_path);
    QCOMPARE(page.idleLockInterval(), std::chrono::milliseconds(std::chrono::minutes(10)));
    page.setIdleLockInterval(std::chrono::milliseconds(300));
    page.show();
    unlockWith(page, QStringLiteral("open sesame"));
    QVERIFY(page.isUnlocked());
    // Input keeps it open…
    for (int i = 0; i < 6; ++i) {
        QTest::qWait(100);
        QTest::keyClick(page.findChild<QLineEdit*>(QStringLiteral("filter")), Qt::Key_A);
    }
    QVERIFY(page.isUnlocked());
    // …and without any it locks itself.
    QSignalSpy locked(&page, &KeysPage::lockedChanged);
    QTRY_VERIFY_WITH_TIMEOUT(!page.isUnlocked(), 3000);
    QCOMPARE(locked.size(), 1);
    QCOMPARE(page.model()->rowCount(), 0);
}

void TestKeysPage::screenshots_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void TestKeysPage::screenshots()
{
    QFETCH(bool, dark);
    applyColorScheme(*qApp, dark ? ColorScheme::Dark : ColorScheme::Light);
    KeysPage page(m_path);
    page.resize(1024, 640);
    page.show();
    unlockWith(page, QStringLiteral("open sesame"));
    auto* view = page.findChild<QTreeView*>();
    view->setCurrentIndex(view->model()->index(1, 0));
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    test::saveShot(page, dark ? QStringLiteral("keys-page-dark") : QStringLiteral("keys-page-light"));
    applyColorScheme(*qApp, ColorScheme::Light);
}

void TestKeysPage::columnsFitTheirContents_data()
{
    QTest::addColumn<bool>("dark");
    QTest::addColumn<QSize>("size");
    QTest::newRow("light 1280x800") << false << QSize(1280, 800);
    QTest::newRow("dark 1280x800") << true << QSize(1280, 800);
    QTest::newRow("light 900x600") << false << QSize(900, 600);
    QTest::newRow("dark 900x600") << true << QSize(900, 600);
}

// A keystore started empty: the keys generated afterwards have labels and dates wider than the
// headers the columns were first sized for ("New E…", "2026-12-…"). Every label, type and date
// is shown whole.
void TestKeysPage::columnsFitTheirContents()
{
    QFETCH(bool, dark);
    QFETCH(QSize, size);
    applyColorScheme(*qApp, dark ? ColorScheme::Dark : ColorScheme::Light);
    const QString path = m_dir.filePath(QStringLiteral("columns-%1.jwe").arg(QTest::currentDataTag()));
    KeysPage page(path, kFast);
    page.resize(size);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    unlockWith(page, QStringLiteral("columns"));
    QVERIFY(page.isUnlocked());
    auto* kind = page.findChild<QComboBox*>(QStringLiteral("generateKind"));
    for (const QString& name : {QStringLiteral("EC P-256"), QStringLiteral("Ed25519")}) {
        const int index = kind->findText(name, Qt::MatchContains);
        QVERIFY(index >= 0);
        kind->setCurrentIndex(index);
        action(page, "generateAction")->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!page.isGenerating(), 30000);
    }
    QCOMPARE(page.model()->rowCount(), 2);
    auto* view = page.findChild<QTreeView*>(QStringLiteral("keyList"));
    view->setCurrentIndex(view->model()->index(0, 0));
    QCoreApplication::processEvents();
    const QFontMetrics metrics = view->fontMetrics();
    for (const int column : {KeyListModel::LabelColumn, KeyListModel::TypeColumn, KeyListModel::CreatedColumn}) {
        for (int row = 0; row < view->model()->rowCount(); ++row) {
            const QModelIndex index = view->model()->index(row, column);
            const QString text = index.data().toString();
            QVERIFY(!text.isEmpty());
            // The view's own measure (text plus the delegate's margins), and the bare text as a floor.
            const QAbstractItemView* itemView = view;
            QVERIFY2(
                view->columnWidth(column) >= itemView->sizeHintForColumn(column)
                    && view->columnWidth(column) >= metrics.horizontalAdvance(text),
                qPrintable(QStringLiteral("\"%1\" in a column %2 px wide").arg(text).arg(view->columnWidth(column))));
        }
    }
    test::saveShot(
        page, QStringLiteral("keys-columns-%1").arg(QString::fromLatin1(QTest::currentDataTag()).replace(' ', '-')));
    applyColorScheme(*qApp, ColorScheme::Light);
}

// The header's arrow is on Label and says ascending, and the rows are in that order, whatever the
// case of the first letter; a key added or renamed later takes its place.
void TestKeysPage::sortedByLabelAsTheArrowSays()
{
    KeysPage page(m_path);
    page.resize(900, 600);
    page.show();
    unlockWith(page, QStringLiteral("open sesame"));
    auto* view = page.findChild<QTreeView*>(QStringLiteral("keyList"));
    QVERIFY(view->header()->isSortIndicatorShown());
    QCOMPARE(view->header()->sortIndicatorSection(), int(KeyListModel::LabelColumn));
    QCOMPARE(view->header()->sortIndicatorOrder(), Qt::AscendingOrder);
    const auto labels = [view] {
        QStringList out;
        for (int row = 0; row < view->model()->rowCount(); ++row) {
            out << view->model()->index(row, KeyListModel::LabelColumn).data().toString();
        }
        return out;
    };
    QCOMPARE(labels(), (QStringList{"release signer", "staging signer", "webhook secret"}));
    QVERIFY(page.model()->addKey(
        {*keys::generateKey({keys::KeyType::Ec, 0, keys::Curve::P256}), "Zeta", "2026-11-29T03:00:00Z", {}, {}}));
    QVERIFY(page.model()->addKey(
        {*keys::generateKey({keys::KeyType::Ec, 0, keys::Curve::P256}), "Alpha", "2026-11-29T03:00:01Z", {}, {}}));
    QCOMPARE(labels(), (QStringList{"Alpha", "release signer", "staging signer", "webhook secret", "Zeta"}));
    test::saveShot(page, QStringLiteral("keys-sorted-by-label"));
    page.lock(); // the two keys were never saved: the keystore file stays as the other tests expect
}

QTEST_MAIN(TestKeysPage)
#include "TestKeysPage.moc"
