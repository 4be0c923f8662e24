#include "MainWindow.h"
#include "ScriptedKeysPrompter.h"
#include "UiTestSupport.h"
#include "dialogs/TokenHistoryDialog.h"
#include "encoding/Base64Url.h"
#include "keys/KeyGenerator.h"
#include "keys/Keystore.h"
#include "models/TokenHistoryModel.h"
#include "pages/DecoderPage.h"
#include "pages/KeysPage.h"
#include "support/Clock.h"
#include "support/KeystoreSession.h"
#include "support/Theme.h"
#include "support/TokenHistoryActions.h"
#include "support/TokenHistoryRecorder.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDirIterator>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QTreeView>

using namespace jwtwb;
using namespace jwtwb::ui;

namespace {

const QString kPassphrase = QStringLiteral("correct horse battery staple");
constexpr qint64 kNow = 1795860000; // 2026-11-28T10:00:00Z
constexpr int kSaveWait = 30000; // PBKDF2 at 600 000 iterations on a busy machine

QString tokenWith(const std::string& claims)
{
    return QString::fromStdString(encoding::base64UrlEncode(std::string_view(R"({"alg":"HS256","typ":"JWT"})")) + "."
                                  + encoding::base64UrlEncode(std::string_view(claims))
                                  + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c");
}

const QString kAlice = tokenWith(R"({"iss":"https://login.example","sub":"alice","exp":1795863600})");
const QString kBob = tokenWith(R"({"iss":"https://other.example","sub":"bob","exp":1795867200})");

QStringList historyOf(const KeystoreSession& session)
{
    QStringList tokens;
    if (session.keystore()) {
        for (const auto& entry : session.keystore()->history().entries()) {
            tokens << QString::fromUtf8(entry.token.view());
        }
    }
    return tokens;
}

// The history as the file holds it, opened again from disk.
QStringList historyInFile()
{
    auto opened = keys::Keystore::open(MainWindow::keystorePath().toStdString(),
                                       crypto::SecureBytes(kPassphrase.toStdString()), {1000});
    if (!opened) {
        return {QStringLiteral("cannot open: ") + QString::fromStdString(opened.error().message)};
    }
    QStringList tokens;
    for (const auto& entry : opened->history().entries()) {
        tokens << QString::fromUtf8(entry.token.view());
    }
    return tokens;
}

bool saved(const KeystoreSession& session)
{
    return !session.isSavingInBackground() && session.keystore() && !session.keystore()->isModified();
}

} // namespace

class TestTokenHistoryRecorder : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void offByDefault();
    void recordsAfterAPauseIntoTheKeystore();
    void nothingInPlainText();
    void lockedSaysSo();
    void listAndReopen_data();
    void listAndReopen();
    void clear();
    void turningOff_data();
    void turningOff();

private:
    void showAndUnlock(MainWindow& window);
    void turnOn(MainWindow& window);
    void record(MainWindow& window, const QString& token);
    std::unique_ptr<QTemporaryDir> m_profile;
};

void TestTokenHistoryRecorder::init()
{
    QLocale::setDefault(QLocale::c()); // dates in ISO 8601's order, whatever the system's locale
    // A fresh profile per test: settings and the data folder (the keystore) in one temporary folder.
    m_profile = std::make_unique<QTemporaryDir>();
    QVERIFY(m_profile->isValid());
    qputenv("XDG_DATA_HOME", QFile::encodeName(m_profile->path() + QStringLiteral("/data")));
    test::isolateSettings(m_profile->path() + QStringLiteral("/config"), QStringLiteral("jwt-workbench-history-test"));
    Clock::setFixed(QDateTime::fromSecsSinceEpoch(kNow, QTimeZone::utc()));
    const QString path = MainWindow::keystorePath();
    QVERIFY(path.startsWith(m_profile->path()));
    QVERIFY(QDir().mkpath(QFileInfo(path).path()));
    auto keystore = keys::Keystore::create(path.toStdString(), crypto::SecureBytes(kPassphrase.toStdString()), {1000});
    QVERIFY(keystore.add({*keys::generateKey({keys::KeyType::Ec, 0, keys::Curve::P256}), "signer", "", {}, {}}));
    QVERIFY(keystore.save());
}

void TestTokenHistoryRecorder::cleanup()
{
    Clock::useSystemTime();
    m_profile.reset();
}

void TestTokenHistoryRecorder::showAndUnlock(MainWindow& window)
{
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.findChild<QTabWidget*>(QStringLiteral("pages"))->setCurrentWidget(window.keysPage());
    QVERIFY(test::unlockAsUser(*window.keysPage(), kPassphrase));
}

void TestTokenHistoryRecorder::turnOn(MainWindow& window)
{
    window.tokenHistory()->keepAction()->setChecked(true);
    QVERIFY(TokenHistoryRecorder::isEnabled());
}

void TestTokenHistoryRecorder::record(MainWindow& window, const QString& token)
{
    window.decoderPage()->setTokenText(token);
    QVERIFY(window.tokenHistory()->recorder()->isPending());
    QTRY_VERIFY_WITH_TIMEOUT(historyOf(*window.keystoreSession()).value(0) == token, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(saved(*window.keystoreSession()), kSaveWait);
}

void TestTokenHistoryRecorder::offByDefault()
{
    const QByteArray before = [] {
        QFile file(MainWindow::keystorePath());
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }();
    MainWindow window;
    window.restoreState();
    QVERIFY(!window.tokenHistory()->keepAction()->isChecked());
    showAndUnlock(window);
    window.decoderPage()->setTokenText(kAlice);
    QVERIFY(!window.tokenHistory()->recorder()->isPending());
    QTest::qWait(TokenHistoryRecorder::kPauseMs + 300);
    QCOMPARE(historyOf(*window.keystoreSession()), QStringList());
    QVERIFY(!window.keystoreSession()->isSavingInBackground());
    QFile file(MainWindow::keystorePath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), before); // not even saved again
    QVERIFY(!QFile::exists(MainWindow::keystorePath() + QStringLiteral(".bak")));
}

void TestTokenHistoryRecorder::recordsAfterAPauseIntoTheKeystore()
{
    MainWindow window;
    window.restoreState();
    showAndUnlock(window);
    turnOn(window);
    // Typing: only the token that stays is recorded, and only tokens that decode.
    window.decoderPage()->setTokenText(kAlice.left(40));
    window.decoderPage()->setTokenText(QStringLiteral("not a token"));
    QTest::qWait(TokenHistoryRecorder::kPauseMs + 300);
    QCOMPARE(historyOf(*window.keystoreSession()), QStringList());
    window.decoderPage()->setTokenText(kBob.left(30));
    record(window, kAlice);
    QCOMPARE(historyOf(*window.keystoreSession()), QStringList{kAlice});
    QCOMPARE(historyInFile(), QStringList{kAlice});
    record(window, kBob);
    record(window, kAlice); // seen again: first, once
    QCOMPARE(historyInFile(), (QStringList{kAlice, kBob}));

    // Survives locking and unlocking.
    window.keystoreSession()->lock();
    QCOMPARE(historyOf(*window.keystoreSession()), QStringList());
    QVERIFY(test::unlockAsUser(*window.keysPage(), kPassphrase));
    QCOMPARE(historyOf(*window.keystoreSession()), (QStringList{kAlice, kBob}));
    QCOMPARE(window.keystoreSession()->keystore()->entries().size(), std::size_t(1)); // the key is still there
}

// The token never reaches a file in plain text: not the settings, not the keystore, not its backup.
void TestTokenHistoryRecorder::nothingInPlainText()
{
    {
        MainWindow window;
        window.restoreState();
        showAndUnlock(window);
        turnOn(window);
        record(window, kAlice);
        window.close(); // writes the settings
    }
    const QStringList parts = kAlice.split(QLatin1Char('.'));
    QStringList files;
    QDirIterator it(m_profile->path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        files << QFileInfo(path).fileName();
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        for (const QString& part : {parts[1], parts[2], QStringLiteral("alice")}) {
            QVERIFY2(!bytes.contains(part.toUtf8()), qPrintable(path + QStringLiteral(" holds ") + part));
        }
    }
    QVERIFY2(files.contains(QStringLiteral("keystore.jwe")), qPrintable(files.join(QLatin1Char(' '))));
    QVERIFY2(files.contains(QStringLiteral("jwt-workbench-history-test.ini")),
             qPrintable(files.join(QLatin1Char(' '))));
    QCOMPARE(QSettings().value(QStringLiteral("history/enabled")).toBool(), true); // the choice is a setting
    QCOMPARE(historyInFile(), QStringList{kAlice});
}

void TestTokenHistoryRecorder::lockedSaysSo()
{
    MainWindow window;
    window.restoreState();
    window.show();
    turnOn(window);
    window.decoderPage()->setTokenText(kAlice);
    QVERIFY(!window.tokenHistory()->recorder()->isPending()); // locked: nothing to record into
    window.tokenHistory()->showAction()->trigger();
    TokenHistoryDialog* dialog = window.tokenHistory()->dialog();
    QTRY_VERIFY(dialog->isVisible());
    QVERIFY2(dialog->message().contains(QStringLiteral("The keystore is locked")), qPrintable(dialog->message()));
    auto* unlock = dialog->findChild<QPushButton*>(QStringLiteral("unlockForHistory"));
    QVERIFY(unlock->isVisible());
    QVERIFY(!dialog->findChild<QPushButton*>(QStringLiteral("clearHistory"))->isEnabled());
    unlock->click();
    QCOMPARE(window.findChild<QTabWidget*>(QStringLiteral("pages"))->currentWidget(), window.keysPage());
    QVERIFY(!dialog->isVisible());
}

void TestTokenHistoryRecorder::listAndReopen_data()
{
    QTest::addColumn<int>("scheme");
    QTest::newRow("light") << int(ColorScheme::Light);
    QTest::newRow("dark") << int(ColorScheme::Dark);
}

void TestTokenHistoryRecorder::listAndReopen()
{
    QFETCH(int, scheme);
    applyColorScheme(*qApp, static_cast<ColorScheme>(scheme));
    MainWindow window;
    window.restoreState();
    showAndUnlock(window);
    turnOn(window);
    record(window, kAlice);
    record(window, kBob);
    window.decoderPage()->setTokenText(QStringLiteral("something else"));

    window.tokenHistory()->showAction()->trigger();
    TokenHistoryDialog* dialog = window.tokenHistory()->dialog();
    QTRY_VERIFY(dialog->isVisible());
    QAbstractItemModelTester tester(dialog->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto cell = [&](int row, int column) { return dialog->model()->index(row, column).data().toString(); };
    QCOMPARE(dialog->model()->rowCount(), 2);
    QCOMPARE(cell(0, TokenHistoryModel::Issuer), QStringLiteral("https://other.example"));
    QCOMPARE(cell(0, TokenHistoryModel::Subject), QStringLiteral("bob"));
    QCOMPARE(cell(0, TokenHistoryModel::Expires), QStringLiteral("2026-11-28 12:00:00 UTC"));
    QCOMPARE(cell(0, TokenHistoryModel::Seen), QStringLiteral("2026-11-28 10:00:00 UTC"));
    QCOMPARE(cell(1, TokenHistoryModel::Subject), QStringLiteral("alice"));
    QCOMPARE(cell(1, TokenHistoryModel::Expires), QStringLiteral("2026-11-28 11:00:00 UTC"));
    QVERIFY2(dialog->message().startsWith(QStringLiteral("Up to 50 tokens")), qPrintable(dialog->message()));
    dialog->resize(820, 300);
    const QImage shot(test::saveShot(
        *dialog, scheme == int(ColorScheme::Dark) ? QStringLiteral("history-dark") : QStringLiteral("history-light")));
    QCOMPARE(shot.size(), QSize(820, 300) * shot.devicePixelRatio());

    QTreeView* view = dialog->view();
    view->setCurrentIndex(dialog->model()->index(1, 0));
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Return);
    QCOMPARE(window.decoderPage()->shownToken(), kAlice);
    QCOMPARE(window.findChild<QTabWidget*>(QStringLiteral("pages"))->currentWidget(), window.decoderPage());
    applyColorScheme(*qApp, ColorScheme::Light);
}

void TestTokenHistoryRecorder::clear()
{
    MainWindow window;
    window.restoreState();
    showAndUnlock(window);
    turnOn(window);
    record(window, kAlice);
    QVERIFY(window.tokenHistory()->clearAction()->isEnabled());
    window.tokenHistory()->clearAction()->trigger();
    QCOMPARE(historyOf(*window.keystoreSession()), QStringList());
    QVERIFY(!window.tokenHistory()->clearAction()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(saved(*window.keystoreSession()), kSaveWait);
    QCOMPARE(historyInFile(), QStringList());
    QVERIFY(TokenHistoryRecorder::isEnabled()); // clearing is not turning off
}

void TestTokenHistoryRecorder::turningOff_data()
{
    QTest::addColumn<bool>("answer");
    QTest::newRow("and clear") << true;
    QTest::newRow("and keep") << false;
}

void TestTokenHistoryRecorder::turningOff()
{
    QFETCH(bool, answer);
    MainWindow window;
    window.restoreState();
    showAndUnlock(window);
    turnOn(window);
    record(window, kAlice);
    int asked = -1;
    window.tokenHistory()->setClearQuestion([&](QWidget*, int count) {
        asked = count;
        return answer;
    });
    window.tokenHistory()->keepAction()->setChecked(false);
    QCOMPARE(asked, 1);
    QVERIFY(!TokenHistoryRecorder::isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(saved(*window.keystoreSession()), kSaveWait);
    QCOMPARE(historyInFile(), answer ? QStringList() : QStringList{kAlice});
    // Off: nothing more is recorded.
    window.decoderPage()->setTokenText(kBob);
    QVERIFY(!window.tokenHistory()->recorder()->isPending());
}

QTEST_MAIN(TestTokenHistoryRecorder)
#include "TestTokenHistoryRecorder.moc"
