#include "ScriptedKeysPrompter.h"
#include "TestData.h"
#include "TestKeys.h"
#include "UiTestSupport.h"
#include "dialogs/ExportKeyDialog.h"
#include "dialogs/ImportKeyDialog.h"
#include "dialogs/NewPassphraseDialog.h"
#include "encoding/Base64Url.h"
#include "keys/KeyExport.h"
#include "keys/KeyGenerator.h"
#include "keys/KeyImport.h"
#include "keys/Keystore.h"
#include "keys/Thumbprint.h"
#include "models/KeyListModel.h"
#include "pages/KeysPage.h"
#include "support/Clipboard.h"
#include "support/KeyFile.h"
#include "widgets/SecretField.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTreeView>

#include <sys/stat.h>

using namespace jwtwb;
using namespace jwtwb::ui;
using Format = KeyExportFormat;

Q_DECLARE_METATYPE(keys::SecretEncoding)
Q_DECLARE_METATYPE(KeyExportFormat)

// The Keys page's files: import from a key file (PEM, encrypted PEM, DER, JWK Set), a plain secret
// in a named encoding, and export to a file in every format, read back with core.
class TestKeysPageFiles : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void importPemFiles_data();
    void importPemFiles();
    void importEncryptedPemFile_data();
    void importEncryptedPemFile();
    void importDerFile();
    void importJwksFile();
    void refuseBadFiles_data();
    void refuseBadFiles();
    void importSecret_data();
    void importSecret();
    void duplicatesByThumbprint();
    void importActionUsesTheDialog();
    void exportToFile_data();
    void exportToFile();
    void exportPublicJwksOfTheSelection();
    void refusedExportWritesNothing();
    void exportToFileAction();
    void encryptedPemToClipboard();
    void importDialog();
    void exportDialogs();
    void screenshots_data();
    void screenshots();

private:
    void openPage();
    [[nodiscard]] keys::Keystore reopen() const;
    [[nodiscard]] QString writeFile(const QString& name, const QByteArray& content) const;
    void select(const QString& label);

    static constexpr keys::KeystoreOptions kFast{.iterations = 1000};
    static constexpr const char* kPassphrase = "files";
    QTemporaryDir m_dir;
    QString m_path;
    int m_run = 0;
    std::unique_ptr<KeysPage> m_page;
};

namespace {

using test::kEd25519Thumbprint;
using test::kKeyFilePassphrase;
using test::kP256Thumbprint;
using test::kP384Thumbprint;
using test::kRsaThumbprint;

QString keyFile(const char* name)
{
    return test::dataPath(QStringLiteral("keys/") + QLatin1String(name));
}

QString thumbprintOf(const keys::Key& key)
{
    auto print = keys::thumbprint(key);
    return print ? QString::fromStdString(encoding::base64UrlEncode(*print)) : QStringLiteral("(none)");
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

unsigned modeOf(const QString& path)
{
    struct stat info {
    };
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? (info.st_mode & 07777) : 0;
}

encoding::Json publicJwk(const keys::Key& key)
{
    auto jwk = keys::exportJwk(key, false);
    return jwk ? *jwk : encoding::Json();
}

std::string privateMember(const keys::Key& key, const char* member)
{
    auto jwk = keys::exportJwk(key, true);
    return jwk && jwk->contains(member) ? (*jwk)[member].get<std::string>() : std::string("(none)");
}

} // namespace

void TestKeysPageFiles::initTestCase()
{
    QVERIFY(m_dir.isValid());
    test::isolateSettings(m_dir.filePath(QStringLiteral("settings")));
    QStandardPaths::setTestModeEnabled(true);
}

void TestKeysPageFiles::init()
{
    // A new keystore for every test, with one production key.
    m_path = m_dir.filePath(QStringLiteral("keystore-%1.jwe").arg(++m_run));
    auto keystore
        = keys::Keystore::create(m_path.toStdString(), crypto::SecureBytes(std::string_view(kPassphrase)), kFast);
    auto production = keys::importPem(test::readDataFile(QStringLiteral("keys/ed25519-pkcs8.pem")));
    QVERIFY(production);
    QVERIFY(keystore.add({std::move(*production), "release signer", "2026-11-29T05:00:00Z", {}, {"production"}}));
    QVERIFY(keystore.save());
    openPage();
}

void TestKeysPageFiles::cleanup()
{
    m_page.reset();
}

void TestKeysPageFiles::openPage()
{
    m_page = std::make_unique<KeysPage>(m_path, kFast);
    m_page->resize(900, 600);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    QVERIFY(test::unlockAsUser(*m_page, QLatin1String(kPassphrase)));
    test::scripted(*m_page)->setPassphrasePrompt([] {
        QTest::qFail("no passphrase was expected", __FILE__, __LINE__);
        return std::optional<QString>();
    });
    test::scripted(*m_page)->setPrivateExportConfirmation([](const QString&, bool) { return true; });
}

keys::Keystore TestKeysPageFiles::reopen() const
{
    auto keystore = keys::Keystore::open(m_path.toStdString(), crypto::SecureBytes(std::string_view(kPassphrase)));
    if (!keystore) {
        qFatal("cannot reopen %s: %s", qPrintable(m_path), keystore.error().message.c_str());
    }
    return std::move(*keystore);
}

QString TestKeysPageFiles::writeFile(const QString& name, const QByteArray& content) const
{
    const QString path = m_dir.filePath(QString::number(m_run) + QLatin1Char('-') + name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size()) {
        qFatal("cannot write %s", qPrintable(path));
    }
    return path;
}

void TestKeysPageFiles::select(const QString& label)
{
    auto* view = m_page->findChild<QTreeView*>();
    const auto found = view->model()->match(view->model()->index(0, 0), Qt::DisplayRole, label);
    QVERIFY2(!found.isEmpty(), qPrintable(label));
    view->setCurrentIndex(found.front());
}

void TestKeysPageFiles::importPemFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("thumbprint");
    QTest::addColumn<bool>("isPrivate");
    QTest::newRow("PKCS#8 RSA") << keyFile("rsa-2048-pkcs8.pem") << kRsaThumbprint << true;
    QTest::newRow("PKCS#1 RSA public") << keyFile("rsa-2048-pkcs1-public.pem") << kRsaThumbprint << false;
    QTest::newRow("SEC1 with parameters") << keyFile("ec-p256-sec1-with-parameters.pem") << kP256Thumbprint << true;
    QTest::newRow("certificate") << keyFile("ec-p256-certificate.pem") << kP256Thumbprint << false;
}

void TestKeysPageFiles::importPemFiles()
{
    QFETCH(QString, file);
    QFETCH(QString, thumbprint);
    QFETCH(bool, isPrivate);
    const QString report = m_page->actions()->importFile(file);
    QVERIFY2(report.startsWith(QStringLiteral("Imported 1 key(s)")), qPrintable(report));
    auto stored = reopen();
    QCOMPARE(stored.entries().size(), std::size_t{2});
    const keys::Key& key = stored.entries().back().key;
    QCOMPARE(thumbprintOf(key), thumbprint);
    QCOMPARE(QString::fromStdString(key.parameters().kid), thumbprint); // the default kid
    QCOMPARE(key.hasPrivate(), isPrivate);
}

void TestKeysPageFiles::importEncryptedPemFile_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("thumbprint");
    QTest::newRow("PKCS#8 PBES2") << keyFile("ec-p384-pkcs8-encrypted.pem") << kP384Thumbprint;
    QTest::newRow("PKCS#1 legacy") << keyFile("rsa-2048-pkcs1-encrypted.pem") << kRsaThumbprint;
}

void TestKeysPageFiles::importEncryptedPemFile()
{
    QFETCH(QString, file);
    QFETCH(QString, thumbprint);
    int asked = 0;
    test::scripted(*m_page)->setPassphrasePrompt([&] {
        ++asked;
        return std::optional<QString>();
    });
    QVERIFY(m_page->actions()->importFile(file).startsWith(QStringLiteral("Nothing imported")));
    QCOMPARE(asked, 1);
    test::scripted(*m_page)->setPassphrasePrompt([] { return std::optional(QStringLiteral("not the passphrase")); });
    QVERIFY(m_page->actions()->importFile(file).startsWith(QStringLiteral("Nothing imported")));
    QCOMPARE(m_page->model()->rowCount(), 1);

    test::scripted(*m_page)->setPassphrasePrompt([] { return std::optional(kKeyFilePassphrase); });
    const QString report = m_page->actions()->importFile(file);
    QVERIFY2(report.startsWith(QStringLiteral("Imported 1 key(s)")), qPrintable(report));
    auto stored = reopen();
    QCOMPARE(thumbprintOf(stored.entries().back().key), thumbprint);
    QVERIFY(stored.entries().back().key.hasPrivate());
}

void TestKeysPageFiles::importDerFile()
{
    // Binary DER, made from the PEM test keys: PKCS#8 private, SPKI public, an encrypted PKCS#8.
    const QString pkcs8
        = writeFile(QStringLiteral("rsa.der"), test::derOfKeyFile(QStringLiteral("rsa-2048-pkcs8.pem")));
    QVERIFY(m_page->actions()->importFile(pkcs8).startsWith(QStringLiteral("Imported 1 key(s)")));
    const QString spki
        = writeFile(QStringLiteral("p256-public.der"), test::derOfKeyFile(QStringLiteral("ec-p256-spki.pem")));
    QVERIFY(m_page->actions()->importFile(spki).startsWith(QStringLiteral("Imported 1 key(s)")));
    const QString encrypted
        = writeFile(QStringLiteral("p384.der"), test::derOfKeyFile(QStringLiteral("ec-p384-pkcs8-encrypted.pem")));
    test::scripted(*m_page)->setPassphrasePrompt([] { return std::optional(kKeyFilePassphrase); });
    const QString report = m_page->actions()->importFile(encrypted);
    QVERIFY2(report.startsWith(QStringLiteral("Imported 1 key(s)")), qPrintable(report));

    auto stored = reopen();
    QCOMPARE(stored.entries().size(), std::size_t{4});
    QCOMPARE(thumbprintOf(stored.entries().at(1).key), kRsaThumbprint);
    QVERIFY(stored.entries().at(1).key.hasPrivate());
    QCOMPARE(thumbprintOf(stored.entries().at(2).key), kP256Thumbprint);
    QVERIFY(!stored.entries().at(2).key.hasPrivate());
    QCOMPARE(thumbprintOf(stored.entries().at(3).key), kP384Thumbprint);
}

void TestKeysPageFiles::importJwksFile()
{
    // RFC 7517 A.1: an EC and an RSA public key, with their kids.
    const encoding::Json vectors = test::loadJson(QStringLiteral("vectors/rfc/rfc7517.json"));
    encoding::Json set;
    for (const auto& vector : vectors["vectors"]) {
        if (vector["id"] == "RFC7517-A.1") {
            set = vector["jwks"];
        }
    }
    QVERIFY(set.is_object());
    const QString path = writeFile(QStringLiteral("keys.jwks"), QByteArray::fromStdString(set.dump(2)));
    const QString report = m_page->actions()->importFile(path);
    QVERIFY2(report.startsWith(QStringLiteral("Imported 2 key(s)")), qPrintable(report));
    auto stored = reopen();
    QCOMPARE(stored.entries().size(), std::size_t{3});
    QCOMPARE(stored.entries().at(1).kid(), std::string("1"));
    QCOMPARE(stored.entries().at(2).kid(), std::string("2011-04-29"));
    QVERIFY(publicJwk(stored.entries().at(2).key)["n"] == set["keys"][1]["n"]);
}

void TestKeysPageFiles::refuseBadFiles_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected");
    QTest::newRow("too large") << QByteArray(static_cast<qsizetype>(kMaxKeyFileSize) + 1, 'A')
                               << QStringLiteral("larger than 1 MiB");
    QByteArray binary;
    for (int i = 0; i < 256; ++i) {
        binary.append(static_cast<char>(255 - i));
    }
    QTest::newRow("binary garbage") << binary << QStringLiteral("binary data that is not DER");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("the key input is empty");
    QTest::newRow("text garbage") << QByteArray("hello, this is not a key\n") << QStringLiteral("Nothing imported");
    QTest::newRow("DER-like garbage") << QByteArray("\x30\x82\x01\x00garbage", 11)
                                      << QStringLiteral("Nothing imported");
    QTest::newRow("truncated PEM") << readAll(keyFile("rsa-2048-pkcs8.pem")).left(300)
                                   << QStringLiteral("Nothing imported");
}

void TestKeysPageFiles::refuseBadFiles()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    const QString path = writeFile(QStringLiteral("bad.key"), content);
    QSignalSpy status(m_page.get(), &KeysPage::statusMessage);
    const QString report = m_page->actions()->importFile(path);
    QVERIFY2(report.contains(expected), qPrintable(report));
    QVERIFY2(report.contains(QFileInfo(path).fileName()), qPrintable(report));
    QCOMPARE(status.size(), 1);
    QCOMPARE(status.front().front().toString(), report);
    QCOMPARE(m_page->model()->rowCount(), 1);
    QVERIFY(m_page->actions()
                ->importFile(m_dir.filePath(QStringLiteral("missing.pem")))
                .contains(QStringLiteral("cannot open"), Qt::CaseInsensitive));
}

void TestKeysPageFiles::importSecret_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<keys::SecretEncoding>("encoding");
    QTest::addColumn<QByteArray>("bytes");
    // The same 32 bytes written four ways (encoded with Python's base64 and bytes.hex), and text.
    const QByteArray bytes = QByteArray::fromHex("fbffbf003e3f404142434445464748494a4b4c4d4e4f50515253545556575859");
    QTest::newRow("hex") << QStringLiteral("fbffbf003e3f404142434445464748494a4b4c4d4e4f50515253545556575859")
                         << keys::SecretEncoding::Hex << bytes;
    QTest::newRow("base64") << QStringLiteral("+/+/AD4/QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFk=")
                            << keys::SecretEncoding::Base64 << bytes;
    QTest::newRow("base64url") << QStringLiteral("-_-_AD4_QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFk")
                               << keys::SecretEncoding::Base64Url << bytes;
    QTest::newRow("UTF-8") << QStringLiteral("clé secrète 🔑") << keys::SecretEncoding::Utf8
                           << QByteArray::fromHex("636cc3a92073656372c3a8746520f09f9491");
    QTest::newRow("hex read as text") << QStringLiteral("fbffbf00") << keys::SecretEncoding::Utf8
                                      << QByteArray("fbffbf00");
}

void TestKeysPageFiles::importSecret()
{
    QFETCH(QString, text);
    QFETCH(keys::SecretEncoding, encoding);
    QFETCH(QByteArray, bytes);
    const QString report = m_page->actions()->importSecret(text, encoding, QStringLiteral("webhook secret"));
    QVERIFY2(report.startsWith(QStringLiteral("Imported 1 key(s)")), qPrintable(report));
    auto stored = reopen();
    QCOMPARE(stored.entries().size(), std::size_t{2});
    const keys::KeystoreEntry& entry = stored.entries().back();
    QCOMPARE(entry.label, std::string("webhook secret"));
    QCOMPARE(entry.key.type(), keys::KeyType::Oct);
    const auto& secret = entry.key.secret();
    QCOMPARE(QByteArray(reinterpret_cast<const char*>(secret.data()), static_cast<qsizetype>(secret.size())), bytes);

    // Not valid in the encoding: nothing added, the reason said.
    const QString bad = m_page->actions()->importSecret(QStringLiteral("not hex!"), keys::SecretEncoding::Hex, {});
    QVERIFY2(bad.startsWith(QStringLiteral("Nothing imported")), qPrintable(bad));
    QVERIFY(m_page->actions()
                ->importSecret({}, keys::SecretEncoding::Utf8, {})
                .startsWith(QStringLiteral("Nothing imported")));
    QCOMPARE(m_page->model()->rowCount(), 2);
}

void TestKeysPageFiles::duplicatesByThumbprint()
{
    QVERIFY(m_page->actions()->importFile(keyFile("ec-p256-sec1.pem")).startsWith(QStringLiteral("Imported 1 key(s)")));
    // The public half, the certificate and the DER of the same key are the same key.
    for (const QString& path :
         {keyFile("ec-p256-spki.pem"), keyFile("ec-p256-certificate.pem"),
          writeFile(QStringLiteral("p256.der"), test::derOfKeyFile(QStringLiteral("ec-p256-sec1.pem")))}) {
        const QString report = m_page->actions()->importFile(path);
        QVERIFY2(report.startsWith(QStringLiteral("Imported 0 key(s); left out:")), qPrintable(report));
        QVERIFY2(report.contains(QStringLiteral("already in the keystore")), qPrintable(report));
    }
    QVERIFY(m_page->actions()
                ->importSecret(QStringLiteral("00ff"), keys::SecretEncoding::Hex, QStringLiteral("a"))
                .startsWith(QStringLiteral("Imported 1 key(s)")));
    // The same bytes in another encoding.
    QVERIFY(m_page->actions()
                ->importSecret(QStringLiteral("AP8="), keys::SecretEncoding::Base64, QStringLiteral("b"))
                .startsWith(QStringLiteral("Imported 0 key(s); left out:")));
    QCOMPARE(reopen().entries().size(), std::size_t{3});
}

void TestKeysPageFiles::importActionUsesTheDialog()
{
    std::optional<ImportKeyDialog::Request> request = ImportKeyDialog::Request{};
    request->way = ImportKeyDialog::Way::File;
    request->path = keyFile("rsa-2048-spki.pem");
    int asked = 0;
    test::scripted(*m_page)->setImportPrompt([&] {
        ++asked;
        return request;
    });
    m_page->findChild<QTreeView*>()->setFocus();
    QTest::keySequence(m_page->window(), QKeySequence(Qt::CTRL | Qt::Key_I));
    QCOMPARE(asked, 1);
    QCOMPARE(m_page->model()->rowCount(), 2);

    request = ImportKeyDialog::Request{ImportKeyDialog::Way::Secret,
                                       QStringLiteral("c2VjcmV0"),
                                       {},
                                       keys::SecretEncoding::Base64,
                                       QStringLiteral("from the dialog")};
    m_page->findChild<QAction*>(QStringLiteral("importAction"))->trigger();
    auto stored = reopen();
    QCOMPARE(stored.entries().size(), std::size_t{3});
    QCOMPARE(stored.entries().back().label, std::string("from the dialog"));
    QCOMPARE(stored.entries().back().key.secret().size(), std::size_t{6}); // "secret"

    request.reset(); // cancelled
    m_page->findChild<QAction*>(QStringLiteral("importAction"))->trigger();
    QCOMPARE(m_page->model()->rowCount(), 3);
}

void TestKeysPageFiles::exportToFile_data()
{
    QTest::addColumn<Format>("format");
    QTest::addColumn<unsigned>("mode");
    QTest::newRow("public JWK") << Format::PublicJwk << 0644U;
    QTest::newRow("public JWKS") << Format::PublicJwks << 0644U;
    QTest::newRow("public PEM") << Format::PublicPem << 0644U;
    QTest::newRow("private JWK") << Format::PrivateJwk << 0600U;
    QTest::newRow("private PEM") << Format::PrivatePem << 0600U;
    QTest::newRow("private PEM, encrypted") << Format::PrivatePemEncrypted << 0600U;
}

void TestKeysPageFiles::exportToFile()
{
    QFETCH(Format, format);
    QFETCH(unsigned, mode);
    QVERIFY(m_page->actions()->importFile(keyFile("ec-p256-sec1.pem")).startsWith(QStringLiteral("Imported 1 key(s)")));
    const keys::Key stored = reopen().entries().back().key;
    int passphraseAsked = 0;
    test::scripted(*m_page)->setExportPassphrasePrompt([&](const QString&) {
        ++passphraseAsked;
        return std::optional(QStringLiteral("export pass"));
    });
    QList<bool> confirmations;
    test::scripted(*m_page)->setPrivateExportConfirmation([&](const QString&, bool second) {
        confirmations << second;
        return true;
    });
    const QString path = m_dir.filePath(QStringLiteral("%1-export").arg(m_run));
    QVERIFY(m_page->exportToFile(format, path));
    QCOMPARE(modeOf(path), mode);
    QCOMPARE(confirmations, isPrivateFormat(format) ? QList<bool>{false} : QList<bool>{});
    QCOMPARE(passphraseAsked, format == Format::PrivatePemEncrypted ? 1 : 0);

    const std::string text = readAll(path).toStdString();
    QVERIFY(text.ends_with('\n'));
    Result<keys::Key> readBack = std::unexpected(Error{});
    switch (format) {
    case Format::PublicJwk:
    case Format::PrivateJwk: readBack = keys::importJwk(text); break;
    case Format::PublicJwks: {
        auto set = keys::importJwks(text);
        QVERIFY(set);
        QCOMPARE(set->keys.size(), std::size_t{1});
        QVERIFY(set->skipped.empty());
        readBack = set->keys.front();
        break;
    }
    case Format::PublicPem:
    case Format::PrivatePem: readBack = keys::importPem(text); break;
    case Format::PrivatePemEncrypted: {
        QVERIFY(text.starts_with("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
        auto without = keys::importPem(text);
        QVERIFY(!without);
        QCOMPARE(without.error().code, Errc::PassphraseRequired);
        auto wrong = keys::importPem(text, "export pas");
        QVERIFY(!wrong);
        QCOMPARE(wrong.error().code, Errc::WrongPassphrase);
        readBack = keys::importPem(text, "export pass");
        break;
    }
    }
    QVERIFY2(readBack, readBack ? "" : readBack.error().message.c_str());
    QCOMPARE(thumbprintOf(*readBack), kP256Thumbprint);
    QCOMPARE(readBack->hasPrivate(), isPrivateFormat(format));
    if (isPrivateFormat(format)) {
        QCOMPARE(privateMember(*readBack, "d"), privateMember(stored, "d"));
    } else {
        QVERIFY(text.find(privateMember(stored, "d")) == std::string::npos);
        encoding::Json expected = publicJwk(stored);
        encoding::Json got = publicJwk(*readBack);
        if (format == Format::PublicPem) {
            expected.erase("kid"); // PEM has no kid
        }
        QVERIFY(got == expected);
    }
}

void TestKeysPageFiles::exportPublicJwksOfTheSelection()
{
    QVERIFY(
        m_page->actions()->importFile(keyFile("rsa-2048-spki.pem")).startsWith(QStringLiteral("Imported 1 key(s)")));
    QVERIFY(m_page->actions()
                ->importSecret(QStringLiteral("s3cret"), keys::SecretEncoding::Utf8, QStringLiteral("secret"))
                .startsWith(QStringLiteral("Imported 1 key(s)")));
    auto* view = m_page->findChild<QTreeView*>();
    view->setFocus();
    view->selectAll();
    const QString path = m_dir.filePath(QStringLiteral("%1-published.jwks").arg(m_run));
    QVERIFY(m_page->exportToFile(Format::PublicJwks, path));
    auto set = keys::importJwks(readAll(path).toStdString());
    QVERIFY(set);
    QCOMPARE(set->keys.size(), std::size_t{2}); // the secret is left out
    QStringList prints;
    for (const auto& key : set->keys) {
        QVERIFY(!key.hasPrivate());
        prints << thumbprintOf(key);
    }
    prints.sort();
    QStringList expected{kRsaThumbprint, kEd25519Thumbprint};
    expected.sort();
    QCOMPARE(prints, expected);
    QCOMPARE(modeOf(path), 0644U);
}

void TestKeysPageFiles::refusedExportWritesNothing()
{
    select(QStringLiteral("release signer")); // tagged production: asked twice
    QList<bool> asked;
    QStringList labels;
    bool answer = false;
    test::scripted(*m_page)->setPrivateExportConfirmation([&](const QString& label, bool second) {
        labels << label;
        asked << second;
        return answer || !second;
    });
    int passphraseAsked = 0;
    std::optional<QString> passphrase;
    test::scripted(*m_page)->setExportPassphrasePrompt([&](const QString&) {
        ++passphraseAsked;
        return passphrase;
    });
    const QString path = m_dir.filePath(QStringLiteral("%1-refused").arg(m_run));
    for (const Format format : {Format::PrivateJwk, Format::PrivatePem, Format::PrivatePemEncrypted}) {
        asked.clear();
        QVERIFY(!m_page->exportToFile(format, path));
        QCOMPARE(asked, (QList<bool>{false, true}));
        QVERIFY(!QFileInfo::exists(path));
    }
    QCOMPARE(passphraseAsked, 0); // refused before the passphrase
    QCOMPARE(labels.size(), 6);
    QCOMPARE(labels.front(), QStringLiteral("release signer"));

    answer = true;
    QVERIFY(!m_page->exportToFile(Format::PrivatePemEncrypted, path)); // passphrase cancelled
    QCOMPARE(passphraseAsked, 1);
    passphrase = QString();
    QSignalSpy status(m_page.get(), &KeysPage::statusMessage);
    QVERIFY(!m_page->exportToFile(Format::PrivatePemEncrypted, path)); // empty passphrase
    QVERIFY(status.back().front().toString().contains(QStringLiteral("passphrase is empty")));
    QVERIFY(!QFileInfo::exists(path));

    // A secret has no PEM: refused before anything is asked.
    QVERIFY(m_page->actions()
                ->importSecret(QStringLiteral("s3cret"), keys::SecretEncoding::Utf8, QStringLiteral("secret"))
                .startsWith(QStringLiteral("Imported 1 key(s)")));
    select(QStringLiteral("secret"));
    asked.clear();
    QVERIFY(!m_page->exportToFile(Format::PrivatePem, path));
    QVERIFY(!m_page->exportToFile(Format::PublicJwk, path));
    QVERIFY(asked.isEmpty());
    QVERIFY(!QFileInfo::exists(path));
    // Its private JWK is possible.
    QVERIFY(m_page->exportToFile(Format::PrivateJwk, path));
    QCOMPARE(modeOf(path), 0600U);

    // A folder that does not exist: a clear message.
    QVERIFY(!m_page->exportToFile(Format::PrivateJwk, m_dir.filePath(QStringLiteral("no/such/folder/key.json"))));
    const QString missingFolder = status.back().front().toString();
    QVERIFY2(missingFolder.startsWith(QStringLiteral("Nothing written: cannot write")), qPrintable(missingFolder));
    QVERIFY2(missingFolder.contains(QStringLiteral("no/such/folder does not exist")), qPrintable(missingFolder));
}

void TestKeysPageFiles::exportToFileAction()
{
    select(QStringLiteral("release signer"));
    const QString path = m_dir.filePath(QStringLiteral("%1-action.pem").arg(m_run));
    QString promptedLabel;
    test::scripted(*m_page)->setExportFilePrompt([&](const keys::Key& key, const QString& label) {
        promptedLabel = label;
        [&] { QCOMPARE(thumbprintOf(key), kEd25519Thumbprint); }();
        return std::optional(ExportKeyDialog::Choice{Format::PublicPem, path});
    });
    auto* action = m_page->findChild<QAction*>(QStringLiteral("exportToFileAction"));
    QVERIFY(action);
    action->trigger();
    QCOMPARE(promptedLabel, QStringLiteral("release signer"));
    QVERIFY(readAll(path).startsWith("-----BEGIN PUBLIC KEY-----"));

    QFile::remove(path);
    test::scripted(*m_page)->setExportFilePrompt([](const keys::Key&, const QString&) { return std::nullopt; });
    action->trigger();
    QVERIFY(!QFileInfo::exists(path));
}

void TestKeysPageFiles::encryptedPemToClipboard()
{
    select(QStringLiteral("release signer"));
    test::scripted(*m_page)->setExportPassphrasePrompt(
        [](const QString&) { return std::optional(QStringLiteral("clip pass")); });
    Clipboard::instance()->clearSecret();
    const QString text = m_page->exportSelected(Format::PrivatePemEncrypted);
    QVERIFY(text.startsWith(QStringLiteral("-----BEGIN ENCRYPTED PRIVATE KEY-----")));
    QCOMPARE(QGuiApplication::clipboard()->text(), text);
    QVERIFY(Clipboard::instance()->secretPending());
    auto key = keys::importPem(text.toStdString(), "clip pass");
    QVERIFY(key);
    QCOMPARE(thumbprintOf(*key), kEd25519Thumbprint);
    Clipboard::instance()->clearSecret();
}

void TestKeysPageFiles::importDialog()
{
    ImportKeyDialog dialog;
    auto* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled()); // nothing pasted yet
    dialog.findChild<QPlainTextEdit*>(QStringLiteral("importText"))->setPlainText(QStringLiteral("{\"kty\": …}"));
    QVERIFY(ok->isEnabled());
    QCOMPARE(dialog.request().way, ImportKeyDialog::Way::Text);

    dialog.setPath(keyFile("ec-p256-spki.pem"));
    QCOMPARE(dialog.request().way, ImportKeyDialog::Way::File);
    QCOMPARE(dialog.request().path, keyFile("ec-p256-spki.pem"));
    QVERIFY(ok->isEnabled());

    dialog.setWay(ImportKeyDialog::Way::Secret);
    QVERIFY(!ok->isEnabled());
    auto* field = dialog.findChild<SecretField*>();
    auto* edit = field->findChild<QLineEdit*>(QStringLiteral("secretEdit"));
    QCOMPARE(edit->echoMode(), QLineEdit::Password);
    field->setSecret(QStringLiteral("zz"), keys::SecretEncoding::Hex);
    QVERIFY(!ok->isEnabled());
    QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("secretStatus"))->text().contains(QStringLiteral("cannot")));
    field->setEncoding(keys::SecretEncoding::Utf8);
    QVERIFY(ok->isEnabled());
    dialog.findChild<QLineEdit*>(QStringLiteral("secretLabel"))->setText(QStringLiteral(" label "));
    const auto request = dialog.request();
    QCOMPARE(request.way, ImportKeyDialog::Way::Secret);
    QCOMPARE(request.text, QStringLiteral("zz"));
    QCOMPARE(request.encoding, keys::SecretEncoding::Utf8);
    QCOMPARE(request.label, QStringLiteral("label"));
}

void TestKeysPageFiles::exportDialogs()
{
    const std::unique_ptr<NewPassphraseDialog> passphrase(
        NewPassphraseDialog::forExport(QStringLiteral("release signer"), nullptr));
    QVERIFY(passphrase->windowTitle().contains("Exported Key"));
    auto* ok = passphrase->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    auto* first = passphrase->findChild<QLineEdit*>(QStringLiteral("newPassphrase"));
    auto* second = passphrase->findChild<QLineEdit*>(QStringLiteral("newPassphraseAgain"));
    QCOMPARE(first->echoMode(), QLineEdit::Password);
    QCOMPARE(second->echoMode(), QLineEdit::Password);
    QVERIFY(!ok->isEnabled());
    first->setText(QStringLiteral("tr0ub4dor"));
    QVERIFY(!ok->isEnabled());
    second->setText(QStringLiteral("tr0ub4do"));
    QVERIFY(!ok->isEnabled());
    QVERIFY(passphrase->findChild<QLabel*>(QStringLiteral("passphraseAdvice"))->text().contains("differ"));
    second->setText(QStringLiteral("tr0ub4dor"));
    QVERIFY(ok->isEnabled());
    QCOMPARE(passphrase->takePassphrase().view(), std::string_view("tr0ub4dor"));
    QVERIFY(first->text().isEmpty() && second->text().isEmpty()); // taken, not left in the fields

    // A secret: only its private JWK.
    auto secret = keys::generateKey({keys::KeyType::Oct, 256});
    QVERIFY(secret);
    ExportKeyDialog forSecret(*secret, QStringLiteral("webhook secret"));
    QCOMPARE(forSecret.choice().format, Format::PrivateJwk);
    QVERIFY(forSecret.choice().path.endsWith(QStringLiteral("/webhook-secret.jwk.json")));
    auto* formats = forSecret.findChild<QComboBox*>(QStringLiteral("exportFormat"));
    QCOMPARE(formats->count(), 6);
    int enabled = 0;
    for (int row = 0; row < formats->count(); ++row) {
        enabled += (formats->model()->flags(formats->model()->index(row, 0)) & Qt::ItemIsEnabled) ? 1 : 0;
    }
    QCOMPARE(enabled, 1);

    auto ec = keys::importPem(test::readDataFile(QStringLiteral("keys/ec-p256-spki.pem")));
    QVERIFY(ec);
    ExportKeyDialog dialog(*ec, QStringLiteral("Staging signer #2"));
    QCOMPARE(dialog.choice().format, Format::PublicJwk);
    dialog.setFormat(Format::PrivatePemEncrypted);
    QCOMPARE(dialog.choice().format, Format::PrivatePemEncrypted);
    QVERIFY2(dialog.choice().path.endsWith(QStringLiteral("/staging-signer-2.pem")), qPrintable(dialog.choice().path));
    QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("exportNote"))->text().contains(QStringLiteral("encrypted")));
    dialog.setPath(m_dir.filePath(QStringLiteral("chosen.key")));
    dialog.setFormat(Format::PublicPem); // a name the user chose stays
    QCOMPARE(dialog.choice().path, m_dir.filePath(QStringLiteral("chosen.key")));
}

void TestKeysPageFiles::screenshots_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void TestKeysPageFiles::screenshots()
{
    QFETCH(bool, dark);
    applyColorScheme(*qApp, dark ? ColorScheme::Dark : ColorScheme::Light);
    const QString scheme = dark ? QStringLiteral("dark") : QStringLiteral("light");

    ImportKeyDialog import;
    import.setWay(ImportKeyDialog::Way::Secret);
    import.findChild<SecretField*>()->setSecret(QStringLiteral("c2VjcmV0IGtleQ=="), keys::SecretEncoding::Base64);
    import.findChild<QLineEdit*>(QStringLiteral("secretLabel"))->setText(QStringLiteral("webhook secret"));
    import.show();
    QVERIFY(QTest::qWaitForWindowExposed(&import));
    test::saveShot(import, QStringLiteral("import-key-secret-") + scheme);
    import.setPath(keyFile("ec-p256-certificate.pem"));
    test::saveShot(import, QStringLiteral("import-key-file-") + scheme);
    import.setWay(ImportKeyDialog::Way::Text);
    import.findChild<QPlainTextEdit*>(QStringLiteral("importText"))
        ->setPlainText(QString::fromStdString(test::readDataFile(QStringLiteral("keys/ec-p256-spki.pem"))));
    test::saveShot(import, QStringLiteral("import-key-text-") + scheme);

    auto ec = keys::importPem(test::readDataFile(QStringLiteral("keys/ec-p256-sec1.pem")));
    QVERIFY(ec);
    ExportKeyDialog exportDialog(*ec, QStringLiteral("staging signer"));
    exportDialog.setFormat(Format::PrivatePemEncrypted);
    exportDialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&exportDialog));
    test::saveShot(exportDialog, QStringLiteral("export-key-") + scheme);

    const std::unique_ptr<NewPassphraseDialog> passphraseDialog(
        NewPassphraseDialog::forExport(QStringLiteral("staging signer"), nullptr));
    NewPassphraseDialog& passphrase = *passphraseDialog;
    passphrase.findChild<QLineEdit*>(QStringLiteral("newPassphrase"))->setText(QStringLiteral("tr0ub4dor"));
    passphrase.findChild<QLineEdit*>(QStringLiteral("newPassphraseAgain"))->setText(QStringLiteral("tr0ub"));
    passphrase.show();
    QVERIFY(QTest::qWaitForWindowExposed(&passphrase));
    test::saveShot(passphrase, QStringLiteral("export-passphrase-") + scheme);

    // Nothing is cut off: every label gets the height its text needs at the dialog's width.
    for (QWidget* dialog : std::initializer_list<QWidget*>{&import, &exportDialog, &passphrase}) {
        for (QLabel* label : dialog->findChildren<QLabel*>()) {
            if (label->isVisible() && label->wordWrap()) {
                QVERIFY2(label->height() >= label->heightForWidth(label->width()), qPrintable(label->text()));
            }
        }
    }
    applyColorScheme(*qApp, ColorScheme::Light);
}

QTEST_MAIN(TestKeysPageFiles)
#include "TestKeysPageFiles.moc"
