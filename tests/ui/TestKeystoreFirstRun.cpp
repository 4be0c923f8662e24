#include "MainWindow.h"
#include "ScriptedKeysPrompter.h"
#include "UiTestSupport.h"
#include "encoding/Json.h"
#include "keys/KeyExport.h"
#include "keys/KeyGenerator.h"
#include "keys/Keystore.h"
#include "models/KeyListModel.h"
#include "pages/KeysPage.h"
#include "support/KeystoreSession.h"

#include <QAction>
#include <QComboBox>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QToolButton>

#include <array>
#include <deque>
#include <linux/capability.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

using namespace jwtwb;
using namespace jwtwb::ui;
using Situation = UnsavedKeystoreDialog::Situation;
using Choice = UnsavedKeystoreDialog::Choice;

namespace {

constexpr keys::KeystoreOptions kFast{1000};

unsigned modeOf(const QString& path)
{
    struct stat info {
    };
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? info.st_mode & 07777 : 0;
}

// Root ignores a folder's permissions; a test of a read-only folder drops that power from this
// thread while it runs (the saves happen on it) and takes it back afterwards.
bool setDacOverride(bool on)
{
    __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
    std::array<__user_cap_data_struct, _LINUX_CAPABILITY_U32S_3> data{};
    if (::syscall(SYS_capget, &header, data.data()) != 0) {
        return false;
    }
    for (const unsigned cap : {CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH}) {
        const unsigned bit = 1u << cap;
        data[0].effective = on ? data[0].effective | (data[0].permitted & bit) : data[0].effective & ~bit;
    }
    return ::syscall(SYS_capset, &header, data.data()) == 0;
}

bool canCreateIn(const QString& folder)
{
    QFile probe(folder + QStringLiteral("/probe"));
    if (!probe.open(QIODevice::WriteOnly)) {
        return false;
    }
    probe.remove();
    return true;
}

// The question about unsaved changes, answered from a script; records what it was asked.
struct ScriptedAnswers {
    struct Asked {
        Situation situation;
        QString path;
        QString reason;
    };
    std::deque<Choice> answers;
    QList<Asked> asked;

    test::ScriptedKeysPrompter::UnsavedPrompt prompt()
    {
        return [this](Situation situation, const QString& path, const QString& reason) {
            asked.append({situation, path, reason});
            if (answers.empty()) {
                qWarning("asked more often than scripted");
                return Choice::Keep;
            }
            const Choice answer = answers.front();
            answers.pop_front();
            return answer;
        };
    }
};

} // namespace

// The first hour of a new user: a profile where no folder exists yet, and saves that fail.
class TestKeystoreFirstRun : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void freshProfileKeepsEveryKey();
    void failedSaveAsksAndLosesNothing_data();
    void failedSaveAsksAndLosesNothing();
    void quitAsksAboutUnsavedChanges();

private:
    void unlockWith(KeysPage& page, const QString& passphrase);
    void generate(KeysPage& page, const QString& kind);
    QString makeUnwritable(const QString& how);

    QTemporaryDir m_home;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestKeystoreFirstRun::initTestCase()
{
    QVERIFY(m_home.isValid());
    test::isolateSettings(m_home.filePath(QStringLiteral("config")));
    // A data folder that does not exist yet, as on a new account.
    qputenv("XDG_DATA_HOME", QFile::encodeName(m_home.filePath(QStringLiteral("fresh/share"))));
}

void TestKeystoreFirstRun::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestKeystoreFirstRun::cleanup()
{
    setDacOverride(true);
    for (const QString& name : {QStringLiteral("read-only")}) {
        QFile::setPermissions(m_dir->filePath(name), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    m_dir.reset();
}

void TestKeystoreFirstRun::unlockWith(KeysPage& page, const QString& passphrase)
{
    QVERIFY(test::unlockAsUser(page, passphrase));
}

void TestKeystoreFirstRun::generate(KeysPage& page, const QString& kind)
{
    auto* kinds = page.findChild<QComboBox*>(QStringLiteral("generateKind"));
    kinds->setCurrentIndex(kinds->findText(kind));
    QVERIFY(kinds->currentIndex() >= 0);
    page.findChild<QAction*>(QStringLiteral("generateAction"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!page.isGenerating(), 30000);
}

void TestKeystoreFirstRun::freshProfileKeepsEveryKey()
{
    MainWindow window;
    window.show();
    const QString path = MainWindow::keystorePath();
    QVERIFY2(path.startsWith(m_home.filePath(QStringLiteral("fresh/share/"))), qPrintable(path));
    QVERIFY(!QFileInfo::exists(m_home.filePath(QStringLiteral("fresh"))));
    KeysPage& page = *window.keysPage();
    ScriptedAnswers answers;
    test::scripted(page)->setUnsavedPrompt(answers.prompt());
    QVERIFY(page.findChild<QLabel*>(QStringLiteral("lockedMessage"))->text().contains("no keystore yet"));

    unlockWith(page, QStringLiteral("correct horse battery staple"));
    QSignalSpy messages(&page, &KeysPage::statusMessage);
    generate(page, QStringLiteral("EC P-256 (ES256)"));
    QCOMPARE(page.model()->rowCount(), 1);
    QVERIFY(QFileInfo::exists(path));
    auto ed25519 = keys::generateKey({keys::KeyType::Okp, 0, keys::Curve::Ed25519});
    QVERIFY(ed25519);
    auto jwk = keys::exportJwk(*ed25519, false);
    QVERIFY(jwk);
    QCOMPARE(page.actions()->importText(QString::fromStdString(encoding::toCompactJson(*jwk))),
             QStringLiteral("Imported 1 key(s)"));
    QVERIFY(answers.asked.isEmpty());

    // The folders that were made are the user's alone; so is the file.
    for (QString folder = QFileInfo(path).path(); folder != m_home.path(); folder = QFileInfo(folder).path()) {
        QCOMPARE(modeOf(folder), 0700u);
    }
    QCOMPARE(modeOf(path), 0600u);

    window.keystoreButton()->click(); // lock from the status bar
    QVERIFY(!page.isUnlocked());
    QVERIFY(answers.asked.isEmpty()); // nothing unsaved, nothing asked
    auto stored = keys::Keystore::open(path.toStdString(),
                                       crypto::SecureBytes(std::string_view("correct horse battery staple")));
    QVERIFY2(stored, stored ? "" : stored.error().message.c_str());
    QCOMPARE(stored->entries().size(), std::size_t{2});

    unlockWith(page, QStringLiteral("correct horse battery staple"));
    QCOMPARE(page.model()->rowCount(), 2);
    for (const auto& arguments : messages) {
        QVERIFY2(!arguments.front().toString().contains("not saved", Qt::CaseInsensitive),
                 qPrintable(arguments.front().toString()));
    }
}

// A folder in which no file can be made: how, and the keystore path in it.
QString TestKeystoreFirstRun::makeUnwritable(const QString& how)
{
    if (how == QLatin1String("file in the way")) {
        QFile blocker(m_dir->filePath(QStringLiteral("data")));
        if (!blocker.open(QIODevice::WriteOnly)) {
            return {};
        }
        blocker.write("a file where the folder should be");
        return m_dir->filePath(QStringLiteral("data/jwt-workbench/keystore.jwe"));
    }
    const QString folder = m_dir->filePath(QStringLiteral("read-only"));
    QDir().mkpath(folder);
    QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner);
    setDacOverride(false);
    return folder + QStringLiteral("/keystore.jwe");
}

void TestKeystoreFirstRun::failedSaveAsksAndLosesNothing_data()
{
    QTest::addColumn<QString>("how");
    QTest::addColumn<QString>("reason");
    QTest::newRow("file in the way") << QStringLiteral("file in the way") << QStringLiteral("in the way");
    QTest::newRow("read-only folder") << QStringLiteral("read-only") << QStringLiteral("Permission denied");
}

void TestKeystoreFirstRun::failedSaveAsksAndLosesNothing()
{
    QFETCH(QString, how);
    QFETCH(QString, reason);
    const QString path = makeUnwritable(how);
    QVERIFY(!path.isEmpty());
    if (how == QLatin1String("read-only") && canCreateIn(QFileInfo(path).path())) {
        QSKIP("this process can write into a read-only folder (no way to drop CAP_DAC_OVERRIDE here)");
    }
    KeysPage page(path, kFast);
    page.resize(900, 600);
    page.show();
    ScriptedAnswers answers;
    test::scripted(page)->setUnsavedPrompt(answers.prompt());
    const QString rescue = m_dir->filePath(QStringLiteral("rescue/keystore.jwe"));
    test::scripted(page)->setSaveAsPrompt([&] { return rescue; });
    QSignalSpy messages(&page, &KeysPage::statusMessage);
    unlockWith(page, QStringLiteral("a new passphrase"));

    // The save fails: asked at once, naming the file and the reason; the key stays, marked unsaved.
    answers.answers = {Choice::Retry, Choice::Keep};
    generate(page, QStringLiteral("HMAC secret, 256 bits (HS256)"));
    QCOMPARE(answers.asked.size(), 2);
    for (const auto& asked : answers.asked) {
        QCOMPARE(asked.situation, Situation::SaveFailed);
        QCOMPARE(asked.path, path);
        QVERIFY2(asked.reason.contains(reason), qPrintable(asked.reason));
    }
    QCOMPARE(page.model()->rowCount(), 1);
    QVERIFY(page.session()->hasUnsavedChanges());
    auto* bar = page.findChild<QWidget*>(QStringLiteral("unsavedBar"));
    QVERIFY(bar->isVisible());
    QVERIFY(page.findChild<QLabel*>(QStringLiteral("unsavedMessage"))->text().contains(reason));
    for (const auto& arguments : messages) {
        QVERIFY2(!arguments.front().toString().contains("saved a", Qt::CaseInsensitive),
                 qPrintable(arguments.front().toString()));
    }
    for (const auto scheme : {ColorScheme::Light, ColorScheme::Dark}) {
        applyColorScheme(*qApp, scheme);
        QCoreApplication::processEvents();
        const QString name = QStringLiteral("keys-not-saved-%1-%2")
                                 .arg(QString(how).replace(' ', '-'),
                                      scheme == ColorScheme::Light ? QStringLiteral("light") : QStringLiteral("dark"));
        const QImage shot = QImage(test::saveShot(page, name));
        QCOMPARE(QColor(shot.pixel(2, shot.height() - 2)).lightness() < 128, scheme == ColorScheme::Dark);
        // The whole message is readable: the label is as tall as its wrapped text.
        auto* message = page.findChild<QLabel*>(QStringLiteral("unsavedMessage"));
        QVERIFY(message->height() >= message->heightForWidth(message->width()));
    }
    applyColorScheme(*qApp, ColorScheme::Light);

    // An import reports that it is in memory only.
    auto secret = keys::generateKey({keys::KeyType::Ec, 0, keys::Curve::P256});
    auto jwk = keys::exportJwk(*secret, false);
    answers.answers = {Choice::Keep};
    QVERIFY(page.actions()->importText(QString::fromStdString(encoding::toCompactJson(*jwk))).contains("memory only"));
    QCOMPARE(page.model()->rowCount(), 2);

    // Locking asks first; keeping the changes keeps the keystore unlocked.
    answers.asked.clear();
    answers.answers = {Choice::Keep};
    page.lock();
    QVERIFY(page.isUnlocked());
    QCOMPARE(answers.asked.size(), 1);
    QCOMPARE(answers.asked.front().situation, Situation::BeforeLock);
    QCOMPARE(page.model()->rowCount(), 2);

    // Idle time asks too, after one more try, and keeps the keys when told to.
    answers.asked.clear();
    answers.answers = {Choice::Keep};
    page.setIdleLockInterval(std::chrono::milliseconds(200));
    QTRY_COMPARE(answers.asked.size(), 1);
    page.setIdleLockInterval(KeysPage::kDefaultIdleLock);
    QCOMPARE(answers.asked.front().situation, Situation::BeforeLock);
    QVERIFY(page.isUnlocked());

    // Save As rescues the keys, and locking then goes ahead without another question.
    answers.asked.clear();
    answers.answers = {Choice::SaveAs};
    page.lock();
    QCOMPARE(answers.asked.size(), 1);
    QVERIFY(!page.isUnlocked());
    QCOMPARE(page.session()->path(), rescue);
    QVERIFY(!QFileInfo::exists(path));
    setDacOverride(true);
    auto stored = keys::Keystore::open(rescue.toStdString(), crypto::SecureBytes(std::string_view("a new passphrase")));
    QVERIFY2(stored, stored ? "" : stored.error().message.c_str());
    QCOMPARE(stored->entries().size(), std::size_t{2});
}

void TestKeystoreFirstRun::quitAsksAboutUnsavedChanges()
{
    const QString path = makeUnwritable(QStringLiteral("file in the way"));
    QSettings().setValue(QStringLiteral("keystore/path"), path); // where Save As put it last time
    MainWindow window;
    window.show();
    QCOMPARE(window.keystoreSession()->path(), path);
    KeysPage& page = *window.keysPage();
    ScriptedAnswers answers;
    test::scripted(page)->setUnsavedPrompt(answers.prompt());
    unlockWith(page, QStringLiteral("quit test"));
    answers.answers = {Choice::Keep};
    generate(page, QStringLiteral("HMAC secret, 256 bits (HS256)"));
    QVERIFY(window.keystoreButton()->text().contains("not saved"));

    answers.asked.clear();
    answers.answers = {Choice::Keep};
    QVERIFY(!window.close()); // cancelled
    QVERIFY(window.isVisible());
    QCOMPARE(answers.asked.size(), 1);
    QCOMPARE(answers.asked.front().situation, Situation::BeforeQuit);
    // The status bar's lock asks too.
    answers.answers = {Choice::Keep};
    window.keystoreButton()->click();
    QVERIFY(page.isUnlocked());
    QCOMPARE(answers.asked.back().situation, Situation::BeforeLock);

    answers.answers = {Choice::Discard};
    QVERIFY(window.close());
    QVERIFY(!QFileInfo::exists(path));
}

QTEST_MAIN(TestKeystoreFirstRun)
#include "TestKeystoreFirstRun.moc"
