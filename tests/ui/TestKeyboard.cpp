#include "MainWindow.h"
#include "ScriptedKeysPrompter.h"
#include "UiTestSupport.h"
#include "crypto/SecureBytes.h"
#include "dialogs/FixturesDialog.h"
#include "dialogs/ImportKeyDialog.h"
#include "keys/KeyGenerator.h"
#include "keys/Keystore.h"
#include "pages/DecoderPage.h"
#include "pages/KeysPage.h"
#include "pages/SignerPage.h"
#include "support/Clipboard.h"
#include "widgets/KeyInput.h"
#include "widgets/VerificationPanel.h"

#include <QAbstractButton>
#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QFileInfo>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTreeView>

using namespace jwtwb;
using namespace jwtwb::ui;

namespace {

constexpr int kDecoder = 0;
constexpr int kSigner = 1;
constexpr int kTimeline = 2;
constexpr int kKeys = 3;
constexpr int kCompare = 4;
constexpr int kRotation = 5;
constexpr int kLearn = 6;
const QString kPassphrase = QStringLiteral("open sesame");

// The letter after a single '&' ("&Tools" is T), or a null QChar.
QChar mnemonicOf(const QString& text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text[i] == u'&') {
            if (text[i + 1] != u'&') {
                return text[i + 1].toUpper();
            }
            ++i; // "&&" is a literal ampersand
        }
    }
    return {};
}

// How a Tab stop is named in the expected orders: its objectName; a tab widget's bar and a spin
// box's line edit by their owner's.
QString stopName(const QWidget* widget)
{
    if (widget == nullptr) {
        return QStringLiteral("(no focus)");
    }
    const QString name = widget->objectName();
    if (name == QLatin1String("qt_tabwidget_tabbar")) {
        return widget->parentWidget()->objectName() + QStringLiteral("Bar");
    }
    if (name == QLatin1String("qt_spinbox_lineedit")) {
        return widget->parentWidget()->objectName();
    }
    return name.isEmpty() ? QStringLiteral("unnamed %1").arg(QLatin1String(widget->metaObject()->className())) : name;
}

} // namespace

class TestKeyboard : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void tabLeavesEveryEditor();
    void focusChain_data();
    void focusChain();
    void pagesFromAnyFocus_data();
    void pagesFromAnyFocus();
    void menuMnemonics();
    void altOpensItsMenu_data();
    void altOpensItsMenu();
    void standardShortcuts_data();
    void standardShortcuts();
    void copyAndPasteToken();

private:
    void showAndActivate(MainWindow& window);
    static void unlockKeys(MainWindow& window);
    QTemporaryDir m_config;
};

void TestKeyboard::initTestCase()
{
    QVERIFY(m_config.isValid());
    QStandardPaths::setTestModeEnabled(true);
    test::isolateSettings(m_config.path(), QStringLiteral("jwt-workbench-keyboard-test"));
    // A keystore of this test's own, for the Keys page's unlocked view.
    const QString path = MainWindow::keystorePath();
    QFile::remove(path);
    QVERIFY(QDir().mkpath(QFileInfo(path).path()));
    auto keystore = keys::Keystore::create(path.toStdString(), crypto::SecureBytes(kPassphrase.toStdString()), {1000});
    QVERIFY(keystore.add({*keys::generateKey({keys::KeyType::Ec, 0, keys::Curve::P256}),
                          "staging signer",
                          "2026-11-29T02:00:00Z",
                          {},
                          {"staging"}}));
    QVERIFY(keystore.save());
}

void TestKeyboard::cleanupTestCase()
{
    QFile::remove(MainWindow::keystorePath());
    QFile::remove(MainWindow::keystorePath() + QStringLiteral(".bak"));
}

void TestKeyboard::showAndActivate(MainWindow& window)
{
    window.resize(1280, 800);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
}

void TestKeyboard::unlockKeys(MainWindow& window)
{
    auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("pages"));
    tabs->setCurrentWidget(window.keysPage());
    QVERIFY(test::unlockAsUser(*window.keysPage(), kPassphrase));
}

// Tab inserts no tab character anywhere: every multi-line editor passes focus on. The key text box
// of the verification key is checked by hand, as the user found it.
void TestKeyboard::tabLeavesEveryEditor()
{
    MainWindow window;
    showAndActivate(window);
    QList<QPlainTextEdit*> editors = window.findChildren<QPlainTextEdit*>();
    ImportKeyDialog importDialog(&window);
    FixturesDialog fixturesDialog(&window);
    editors += importDialog.findChildren<QPlainTextEdit*>();
    editors += fixturesDialog.findChildren<QPlainTextEdit*>();
    QVERIFY(editors.size() >= 15);
    for (const QPlainTextEdit* editor : editors) {
        QVERIFY2(editor->tabChangesFocus(), qPrintable(stopName(editor)));
    }

    auto* tabs = window.decoderPage()->findChild<QTabWidget*>(QStringLiteral("decoderTabs"));
    tabs->setCurrentIndex(2); // Verification
    KeyInput* keyInput = window.decoderPage()->verificationPanel()->keyInput();
    keyInput->setSource(KeyInput::Source::KeyText);
    auto* jwk = keyInput->findChild<QPlainTextEdit*>(QStringLiteral("keyText"));
    QVERIFY(jwk->isVisible());
    jwk->setFocus(Qt::OtherFocusReason);
    QTest::keyClicks(jwk, QStringLiteral("{\"kty\":"));
    QTest::keyClick(jwk, Qt::Key_Tab);
    QCOMPARE(jwk->toPlainText(), QStringLiteral("{\"kty\":"));
    QVERIFY(!jwk->hasFocus());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab, Qt::ShiftModifier);
    QVERIFY(jwk->hasFocus());
    QCOMPARE(jwk->toPlainText(), QStringLiteral("{\"kty\":"));
}

// One row per page (and per tab of the decoder): Tab from the page tabs visits every stop in
// reading order, top to bottom and left to right, and comes back to the page tabs.
void TestKeyboard::focusChain_data()
{
    QTest::addColumn<int>("page");
    QTest::addColumn<int>("decoderTab");
    QTest::addColumn<bool>("unlocked");
    QTest::addColumn<QStringList>("expected");

    const QString pagesBar = QStringLiteral("pagesBar");
    const QString decoderTop = QStringLiteral("pagesBar tokenEdit decoderTabsBar");
    const QString end = QStringLiteral("keystoreLock");
    const auto row = [&](const char* name, int page, int decoderTab, bool unlocked, const QString& stops) {
        QTest::newRow(name) << page << decoderTab << unlocked << stops.split(QLatin1Char(' '));
    };
    row("decoder: decoded", kDecoder, 0, false, decoderTop + " headerView payloadView " + end);
    row("decoder: claims", kDecoder, 1, false, decoderTop + " claimsView " + end);
    row("decoder: verification", kDecoder, 2, false,
        decoderTop
            + " keySource openKeyFile secretEdit revealSecret secretEncoding allowedAlgorithms expectedIssuer "
              "expectedAudience leeway verifyNow acceptWeakKeys revokedIds "
            + end);
    row("decoder: findings", kDecoder, 3, false, decoderTop + " findingsView " + end);
    row("decoder: x-ray", kDecoder, 4, false,
        decoderTop + " xrayToken xrayHeader xrayPayload xraySignature xraySteps " + end);
    row("decoder: weak secret", kDecoder, 5, false, decoderTop + " useList rules mask start secret reveal " + end);
    row("signer", kSigner, -1, false,
        pagesBar
            + " headerEdit payloadEdit iatButton nbfButton jtiButton expButton expiryPreset templateChoice "
              "applyTemplateButton keySource openKeyFile secretEdit revealSecret secretEncoding generateKind "
              "generateButton algorithmChoice unsecuredCheck acceptWeakKeys encryptMode sdJwtCheck copyButton "
              "openInDecoderButton "
              "outputToken "
            + end);
    row("timeline", kTimeline, -1, false,
        pagesBar
            + " tokenList removeButton nameEdit tokenInput addButton verificationTimeEdit zoomOutButton "
              "zoomInButton "
              "fitButton zoneCombo leewaySpin boundSpin whatIfSlider timeline "
            + end);
    row("keys: locked", kKeys, -1, false, pagesBar + " passphrase unlockButton " + end);
    row("compare", kCompare, -1, false, pagesBar + " firstToken secondToken hideSame diffView " + end);
    row("rotation", kRotation, -1, false,
        pagesBar
            + " rotationKeyText fromKeystoreButton addKeysButton addKeyFileButton rotationKeys keepKeyButton "
              "retireKeyButton removeKeyButton rotationTokenText rotationAllowWeakKeys loadExampleButton "
              "rotationTokens exportNewSetButton copyNewSetButton "
            + end);
    // Reset Progress is disabled while no lesson is done.
    row("learn", kLearn, -1, false, pagesBar + " lessonList startLesson checkLesson showMeLesson " + end);
    row("keys: unlocked", kKeys, -1, true,
        pagesBar
            + " generateKind filter lockButton keyList labelEdit tagsEdit notesEdit saveDetails publicFormsBar "
              "publicJwk "
            + end);
}

void TestKeyboard::focusChain()
{
    QFETCH(int, page);
    QFETCH(int, decoderTab);
    QFETCH(bool, unlocked);
    QFETCH(QStringList, expected);

    MainWindow window;
    window.decoderPage()->setTokenText(test::kSampleToken);
    showAndActivate(window);
    auto* pages = window.findChild<QTabWidget*>(QStringLiteral("pages"));
    pages->setCurrentIndex(page);
    if (decoderTab >= 0) {
        window.decoderPage()->findChild<QTabWidget*>(QStringLiteral("decoderTabs"))->setCurrentIndex(decoderTab);
    }
    if (unlocked) {
        unlockKeys(window);
        auto* list = window.keysPage()->findChild<QTreeView*>(QStringLiteral("keyList"));
        list->setCurrentIndex(list->model()->index(0, 0)); // the details can be edited
    }

    QWidget* first = pages->findChild<QTabBar*>(QString(), Qt::FindDirectChildrenOnly);
    first->setFocus(Qt::TabFocusReason);
    QCOMPARE(QApplication::focusWidget(), first);
    QStringList stops{stopName(first)};
    for (int i = 0; i < 60; ++i) {
        QWidget* before = QApplication::focusWidget();
        QTest::keyClick(before, Qt::Key_Tab);
        // Tab steps through a date field's sections (year, month…) before it leaves, as everywhere in Qt.
        for (int section = 0;
             section < 8 && QApplication::focusWidget() == before && qobject_cast<QDateTimeEdit*>(before) != nullptr;
             ++section) {
            QTest::keyClick(before, Qt::Key_Tab);
        }
        QWidget* after = QApplication::focusWidget();
        if (after == first) {
            break;
        }
        if (after == before || stops.size() > 40) {
            stops << QStringLiteral("stuck in ") + stopName(after);
            break;
        }
        stops << stopName(after);
    }
    QCOMPARE(stops.join(QLatin1Char(' ')), expected.join(QLatin1Char(' '))); // as one line, easy to read
}

// Ctrl+Tab / Ctrl+PgDown go to the next page and Ctrl+Shift+Tab / Ctrl+PgUp back, wherever the
// focus is: in an editor, or on the decoder's own tabs (which keep their tab).
void TestKeyboard::pagesFromAnyFocus_data()
{
    QTest::addColumn<int>("page");
    QTest::addColumn<int>("decoderTab");
    QTest::addColumn<QString>("focus");

    QTest::newRow("token editor") << kDecoder << 0 << QStringLiteral("tokenEdit");
    QTest::newRow("decoder's tabs") << kDecoder << 1 << QStringLiteral("decoderTabs");
    QTest::newRow("JWK editor") << kDecoder << 2 << QStringLiteral("keyText");
    QTest::newRow("claims table") << kDecoder << 1 << QStringLiteral("claimsView");
    QTest::newRow("signer payload") << kSigner << -1 << QStringLiteral("payloadEdit");
    QTest::newRow("timeline token") << kTimeline << -1 << QStringLiteral("tokenInput");
    QTest::newRow("keys passphrase") << kKeys << -1 << QStringLiteral("passphrase");
}

void TestKeyboard::pagesFromAnyFocus()
{
    QFETCH(int, page);
    QFETCH(int, decoderTab);
    QFETCH(QString, focus);

    MainWindow window;
    showAndActivate(window);
    auto* pages = window.findChild<QTabWidget*>(QStringLiteral("pages"));
    auto* decoderTabs = window.decoderPage()->findChild<QTabWidget*>(QStringLiteral("decoderTabs"));
    pages->setCurrentIndex(page);
    if (decoderTab >= 0) {
        decoderTabs->setCurrentIndex(decoderTab);
    }
    window.decoderPage()->verificationPanel()->keyInput()->setSource(KeyInput::Source::KeyText);
    auto* widget = pages->currentWidget()->findChild<QWidget*>(focus);
    QVERIFY(widget && widget->isVisible());
    widget->setFocus(Qt::OtherFocusReason);
    const int innerTab = decoderTabs->currentIndex();

    const auto press = [&](Qt::Key key, Qt::KeyboardModifiers modifiers) {
        QWidget* target = QApplication::focusWidget() ? QApplication::focusWidget() : &window;
        QTest::keyClick(target, key, modifiers);
    };
    const int next = (page + 1) % pages->count();
    press(Qt::Key_Tab, Qt::ControlModifier);
    QCOMPARE(pages->currentIndex(), next);
    // Ctrl+Shift+Tab arrives as Backtab with both modifiers.
    press(Qt::Key_Backtab, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(pages->currentIndex(), page);
    widget->setFocus(Qt::OtherFocusReason);
    press(Qt::Key_PageDown, Qt::ControlModifier);
    QCOMPARE(pages->currentIndex(), next);
    press(Qt::Key_PageUp, Qt::ControlModifier);
    QCOMPARE(pages->currentIndex(), page);
    widget->setFocus(Qt::OtherFocusReason);
    press(Qt::Key_PageUp, Qt::ControlModifier);
    QCOMPARE(pages->currentIndex(), (page + pages->count() - 1) % pages->count());
    QCOMPARE(decoderTabs->currentIndex(), innerTab); // the decoder's tabs did not move
    // Alt+1…4 go straight to a page.
    for (int i = 0; i < pages->count(); ++i) {
        press(static_cast<Qt::Key>(Qt::Key_1 + i), Qt::AltModifier);
        QCOMPARE(pages->currentIndex(), i);
    }
}

// Every menu item has an Alt letter of its own in its menu; the menu titles' letters are unique
// and no page, tab title or button takes one of them.
void TestKeyboard::menuMnemonics()
{
    MainWindow window;
    showAndActivate(window);
    QMap<QChar, QString> bar;
    for (const QAction* menuAction : window.menuBar()->actions()) {
        const QChar letter = mnemonicOf(menuAction->text());
        QVERIFY2(!letter.isNull(), qPrintable(menuAction->text()));
        QVERIFY2(!bar.contains(letter), qPrintable(menuAction->text() + " and " + bar.value(letter)));
        bar.insert(letter, menuAction->text());
        QMap<QChar, QString> items;
        for (const QAction* item : menuAction->menu()->actions()) {
            if (item->isSeparator()) {
                continue;
            }
            const QChar itemLetter = mnemonicOf(item->text());
            QVERIFY2(!itemLetter.isNull(), qPrintable(item->text()));
            QVERIFY2(!items.contains(itemLetter), qPrintable(item->text() + " and " + items.value(itemLetter)));
            items.insert(itemLetter, item->text());
        }
    }

    auto* pages = window.findChild<QTabWidget*>(QStringLiteral("pages"));
    for (bool unlocked : {false, true}) {
        if (unlocked) {
            unlockKeys(window);
        }
        for (int page = 0; page < pages->count(); ++page) {
            pages->setCurrentIndex(page);
            QStringList texts;
            for (const auto* tabBar : window.findChildren<QTabBar*>()) {
                for (int i = 0; tabBar->isVisible() && i < tabBar->count(); ++i) {
                    texts << tabBar->tabText(i);
                }
            }
            for (const auto* button : window.findChildren<QAbstractButton*>()) {
                texts << (button->isVisible() ? button->text() : QString());
            }
            for (const auto* label : window.findChildren<QLabel*>()) {
                texts << (label->isVisible() && label->buddy() ? label->text() : QString());
            }
            for (const auto* box : window.findChildren<QGroupBox*>()) {
                texts << (box->isVisible() ? box->title() : QString());
            }
            for (const QString& text : texts) {
                const QChar letter = mnemonicOf(text);
                QVERIFY2(letter.isNull() || !bar.contains(letter),
                         qPrintable(QStringLiteral("\"%1\" on page %2 takes Alt+%3 from the menu \"%4\"")
                                        .arg(text, pages->tabText(page), letter, bar.value(letter))));
            }
        }
    }
}

void TestKeyboard::altOpensItsMenu_data()
{
    QTest::addColumn<int>("page");
    QTest::addColumn<Qt::Key>("key");
    QTest::addColumn<QString>("menu");

    for (int page : {kDecoder, kSigner, kTimeline, kKeys}) {
        const QByteArray where = QByteArrayLiteral("page ") + QByteArray::number(page);
        QTest::newRow(where + ", Alt+T") << page << Qt::Key_T << QStringLiteral("&Tools");
        QTest::newRow(where + ", Alt+F") << page << Qt::Key_F << QStringLiteral("&File");
        QTest::newRow(where + ", Alt+S") << page << Qt::Key_S << QStringLiteral("&Settings");
        QTest::newRow(where + ", Alt+G") << page << Qt::Key_G << QStringLiteral("&Go");
        QTest::newRow(where + ", Alt+E") << page << Qt::Key_E << QStringLiteral("&Edit");
        QTest::newRow(where + ", Alt+H") << page << Qt::Key_H << QStringLiteral("&Help");
    }
}

void TestKeyboard::altOpensItsMenu()
{
    QFETCH(int, page);
    QFETCH(Qt::Key, key);
    QFETCH(QString, menu);

    MainWindow window;
    showAndActivate(window);
    auto* pages = window.findChild<QTabWidget*>(QStringLiteral("pages"));
    pages->setCurrentIndex(page);
    QMenu* opened = nullptr;
    for (QAction* action : window.menuBar()->actions()) {
        if (action->text() == menu) {
            opened = action->menu();
        }
    }
    QVERIFY(opened);
    QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : &window, key, Qt::AltModifier);
    QTRY_VERIFY(opened->isVisible());
    QCOMPARE(pages->currentIndex(), page);
    if (page == kDecoder) {
        test::saveShot(*opened, QStringLiteral("menu-") + QString(menu).remove(QLatin1Char('&')).toLower());
    }
    opened->close();
}

// Shortcuts shown in the menus: the desktop's standard keys where KDE and GNOME have one.
void TestKeyboard::standardShortcuts_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<QList<QKeySequence>>("keys");

    QTest::newRow("open") << QStringLiteral("openAction") << QKeySequence::keyBindings(QKeySequence::Open);
    QTest::newRow("quit") << QStringLiteral("quitAction") << QKeySequence::keyBindings(QKeySequence::Quit);
    QTest::newRow("copy token") << QStringLiteral("copyTokenAction")
                                << QList<QKeySequence>{QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C)};
    QTest::newRow("paste token") << QStringLiteral("pasteTokenAction")
                                 << QList<QKeySequence>{QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V)};
    QTest::newRow("decoder") << QStringLiteral("goDecoderAction")
                             << QList<QKeySequence>{QKeySequence(Qt::ALT | Qt::Key_1)};
    QTest::newRow("keys") << QStringLiteral("goKeysAction") << QList<QKeySequence>{QKeySequence(Qt::ALT | Qt::Key_4)};
    QTest::newRow("compare") << QStringLiteral("goCompareAction")
                             << QList<QKeySequence>{QKeySequence(Qt::ALT | Qt::Key_5)};
    QTest::newRow("rotation") << QStringLiteral("goRotationAction")
                              << QList<QKeySequence>{QKeySequence(Qt::ALT | Qt::Key_6)};
    QTest::newRow("learn") << QStringLiteral("goLearnAction") << QList<QKeySequence>{QKeySequence(Qt::ALT | Qt::Key_7)};
    QTest::newRow("next page") << QStringLiteral("nextPageAction")
                               << QList<QKeySequence>{QKeySequence(Qt::CTRL | Qt::Key_Tab),
                                                      QKeySequence(Qt::CTRL | Qt::Key_PageDown)};
    QTest::newRow("previous page") << QStringLiteral("previousPageAction")
                                   << QList<QKeySequence>{QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Tab),
                                                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Backtab),
                                                          QKeySequence(Qt::CTRL | Qt::Key_PageUp)};
}

void TestKeyboard::standardShortcuts()
{
    QFETCH(QString, action);
    QFETCH(QList<QKeySequence>, keys);

    MainWindow window;
    auto* found = window.findChild<QAction*>(action);
    QVERIFY(found);
    QCOMPARE(found->shortcuts(), keys);
    // In a menu, so that the menu shows the shortcut.
    bool inMenu = false;
    for (const QAction* menuAction : window.menuBar()->actions()) {
        inMenu = inMenu || menuAction->menu()->actions().contains(found);
    }
    QVERIFY(inMenu);
}

// Ctrl+Shift+V decodes the clipboard from any page; Ctrl+Shift+C copies the token in view as a
// secret (cleared later), the signer's on the Signer page.
void TestKeyboard::copyAndPasteToken()
{
    MainWindow window;
    showAndActivate(window);
    auto* pages = window.findChild<QTabWidget*>(QStringLiteral("pages"));
    pages->setCurrentIndex(kTimeline);
    QGuiApplication::clipboard()->setText(QStringLiteral("Authorization: Bearer ") + test::kSampleToken + "\n");
    QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : &window, Qt::Key_V,
                    Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(pages->currentIndex(), kDecoder);
    QCOMPARE(window.decoderPage()->tokenText(), QStringLiteral("Authorization: Bearer ") + test::kSampleToken);

    QGuiApplication::clipboard()->clear();
    QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : &window, Qt::Key_C,
                    Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), test::kSampleToken); // the token, not the header around it
    QVERIFY(Clipboard::instance()->secretPending());

    pages->setCurrentIndex(kSigner);
    QVERIFY(!window.signerPage()->token().isEmpty());
    QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : &window, Qt::Key_C,
                    Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), window.signerPage()->token());
    Clipboard::instance()->clearSecret();
}

QTEST_MAIN(TestKeyboard)
#include "TestKeyboard.moc"
