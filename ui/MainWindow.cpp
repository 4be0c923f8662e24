#include "MainWindow.h"

#include "dialogs/FixturesDialog.h"
#include "dialogs/SdPresentDialog.h"
#include "inspect/TokenExtractor.h"
#include "jose/CompactToken.h"
#include "pages/ComparePage.h"
#include "pages/DecoderPage.h"
#include "pages/KeysPage.h"
#include "pages/LearnPage.h"
#include "pages/RotationPage.h"
#include "pages/SignerPage.h"
#include "pages/TimelinePage.h"
#include "support/Clipboard.h"
#include "support/Clock.h"
#include "support/Convert.h"
#include "support/JsonHighlighting.h"
#include "support/KeystoreSession.h"
#include "support/TokenHistoryActions.h"
#include "support/TokenHistoryRecorder.h"
#include "support/VerificationTime.h"
#include "widgets/KeyInput.h"
#include "widgets/VerificationPanel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QFile>
#include <QFileDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QToolButton>

#include <array>

namespace jwtwb::ui {
namespace {

constexpr auto kGeometryKey = "window/geometry";
constexpr auto kStateKey = "window/state";
constexpr auto kPasteOnFocusKey = "decoder/pasteOnFocus";
constexpr qsizetype kMaxClipboardToken = 1024 * 1024;
// Written by earlier builds, whose "Remember Last Token" kept the decoder's token in the settings
// file in plain text: removed on start. Tokens are kept only in the keystore's encrypted history.
constexpr std::array kRetiredTokenKeys{"decoder/lastToken", "decoder/rememberToken"};
constexpr auto kKeystorePathKey = "keystore/path"; // set by Save As on the Keys page

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_keystore(new KeystoreSession(keystorePath(), {}, this))
    , m_tabs(new QTabWidget(this))
    , m_decoderPage(new DecoderPage(m_tabs))
    , m_signerPage(new SignerPage(m_tabs))
    , m_timelinePage(new TimelinePage(m_tabs))
    , m_keysPage(new KeysPage(m_keystore, m_tabs))
    , m_comparePage(new ComparePage(m_tabs))
    , m_rotationPage(new RotationPage(m_tabs))
    , m_learnPage(new LearnPage(this, m_tabs)) // its lessons drive the pages above, once started
    , m_history(new TokenHistoryActions(m_keystore, this))
    , m_keystoreButton(new QToolButton(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("JWT Workbench"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/jwt-workbench.svg")));
    m_tabs->setObjectName(QStringLiteral("pages"));
    m_tabs->setDocumentMode(true);
    m_tabs->setTabBarAutoHide(true); // pages appear as they are built; one page needs no tab bar
    // No mnemonics in the page titles: Alt+letter belongs to the menu bar; pages are Alt+1…7 (Go menu).
    // The tab data is the page's name for `jwt-workbench --page`, the same in every language.
    const auto addPage = [this](QWidget* page, const QString& title, const char* name) {
        m_tabs->tabBar()->setTabData(m_tabs->addTab(page, title), QString::fromLatin1(name));
    };
    addPage(m_decoderPage, tr("Decoder"), "decoder");
    addPage(m_signerPage, tr("Signer"), "signer");
    addPage(m_timelinePage, tr("Timeline"), "timeline");
    addPage(m_keysPage, tr("Keys"), "keys");
    addPage(m_comparePage, tr("Compare"), "compare");
    addPage(m_rotationPage, tr("Rotation"), "rotation");
    addPage(m_learnPage, tr("Learn"), "learn");
    setCentralWidget(m_tabs);
    createActions();
    connectPages();
    m_keystoreButton->setObjectName(QStringLiteral("keystoreLock"));
    m_keystoreButton->setAutoRaise(true);
    statusBar()->addPermanentWidget(m_keystoreButton);
    const auto showLockState = [this] {
        const bool locked = !m_keystore->isUnlocked();
        m_keystoreButton->setText(locked                                ? tr("Keystore locked")
                                      : m_keystore->hasUnsavedChanges() ? tr("Keystore unlocked · not saved")
                                                                        : tr("Keystore unlocked"));
        m_keystoreButton->setToolTip(locked ? tr("Open the Keys page to unlock the keystore")
                                            : tr("Lock the keystore now"));
    };
    showLockState();
    connect(m_keystore, &KeystoreSession::lockedChanged, this, showLockState);
    connect(m_keystore, &KeystoreSession::unsavedChanged, this, showLockState);
    connect(m_keystore, &KeystoreSession::pathChanged, this,
            [](const QString& path) { QSettings().setValue(kKeystorePathKey, path); });
    connect(m_keystoreButton, &QToolButton::clicked, this, [this] {
        if (m_keystore->isUnlocked()) {
            m_keysPage->lock(); // for every page (asks first about unsaved changes)
        } else {
            m_tabs->setCurrentWidget(m_keysPage);
        }
    });
    statusBar()->showMessage(tr("Offline: nothing you paste leaves this computer."));
    resize(1280, 800);
}

void MainWindow::showPage(QWidget* page)
{
    m_tabs->setCurrentWidget(page);
}

QString MainWindow::keystorePath()
{
    if (const QString chosen = QSettings().value(kKeystorePathKey).toString(); !chosen.isEmpty()) {
        return chosen;
    }
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/keystore.jwe");
}

void MainWindow::connectPages()
{
    const auto showMessage = [this](const QString& message) { statusBar()->showMessage(message, 8000); };
    connect(m_decoderPage, &DecoderPage::statusMessage, this, showMessage);
    connect(m_signerPage, &SignerPage::statusMessage, this, showMessage);
    connect(m_keysPage, &KeysPage::statusMessage, this, showMessage);
    connect(m_rotationPage, &RotationPage::statusMessage, this, showMessage);
    m_decoderPage->setKeystoreSession(m_keystore);
    m_signerPage->setKeystoreSession(m_keystore);
    m_rotationPage->setKeystoreSession(m_keystore);
    const auto showKeysPage = [this] { m_tabs->setCurrentWidget(m_keysPage); };
    connect(m_decoderPage, &DecoderPage::keystoreUnlockRequested, this, showKeysPage);
    connect(m_signerPage, &SignerPage::keystoreUnlockRequested, this, showKeysPage);
    connect(m_rotationPage, &RotationPage::keystoreUnlockRequested, this, showKeysPage);
    connect(m_signerPage, &SignerPage::openInDecoder, this,
            [this](const QString& token, const KeyMaterial& key, const KeyMaterial& decryptionKey) {
                // So that the token just made decrypts and verifies.
                m_decoderPage->verificationPanel()->decryptionKeyInput()->useKey(decryptionKey);
                m_decoderPage->verificationPanel()->keyInput()->useKey(key);
                m_decoderPage->setTokenText(token);
                m_tabs->setCurrentWidget(m_decoderPage);
            });
    // The decoder's token is always on the timeline, and the window has one verification time: the
    // decoder's "Verify at" and the timeline's what-if time show and set the same one.
    connect(m_decoderPage, &DecoderPage::shownTokenChanged, this,
            [this](const QString& token) { m_timelinePage->setToken(tr("Decoder"), token); });
    // A JWE's claims reach the timeline once the decoder has decrypted it.
    connect(m_decoderPage, &DecoderPage::decryptedClaimsChanged, this, [this] {
        if (const auto& claims = m_decoderPage->decryptedClaims()) {
            m_timelinePage->setClaims(tr("Decoder"), *claims);
        } else {
            m_timelinePage->setToken(tr("Decoder"), m_decoderPage->shownToken());
        }
    });
    const QString signerToken = tr("Signer", "the signer's token, named on the timeline");
    connect(m_signerPage, &SignerPage::tokenChanged, this,
            [this, signerToken](const QString& token) { m_timelinePage->setToken(signerToken, token); });
    // The token history (off unless turned on) keeps what the decoder shows, in the keystore only.
    connect(m_decoderPage, &DecoderPage::shownTokenChanged, m_history->recorder(), &TokenHistoryRecorder::tokenShown);
    connect(m_history, &TokenHistoryActions::openToken, this, [this](const QString& token) {
        m_decoderPage->setTokenText(token);
        m_tabs->setCurrentWidget(m_decoderPage);
    });
    connect(m_history, &TokenHistoryActions::unlockRequested, this, showKeysPage);
    connect(m_history, &TokenHistoryActions::statusMessage, this, showMessage);
    if (!m_signerPage->token().isEmpty()) {
        m_timelinePage->setToken(signerToken, m_signerPage->token());
    }
    auto* verificationTime = new VerificationTime(this);
    m_timelinePage->shareVerificationTime(verificationTime);
    m_decoderPage->verificationPanel()->shareVerificationTime(verificationTime);
    m_rotationPage->shareVerificationTime(verificationTime);
}

void MainWindow::exportTestTokens()
{
    FixturesDialog dialog(this);
    dialog.setSource(m_tabs->currentWidget() == m_signerPage ? m_signerPage->token() : m_decoderPage->shownToken());
    dialog.setNow(Clock::nowSeconds());
    dialog.exec();
}

// Not modal: the presentation can go to the decoder while the dialog stays open for another one.
void MainWindow::presentSdJwt()
{
    auto* dialog = new SdPresentDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setKeystoreSession(m_keystore);
    const QString shown = m_decoderPage->shownToken().contains(u'~') ? m_decoderPage->shownToken()
                                                                     : m_decoderPage->tokenText().trimmed();
    if (shown.contains(u'~')) {
        dialog->setSdJwt(shown);
    }
    connect(dialog, &SdPresentDialog::openInDecoder, this, [this](const QString& presentation) {
        m_decoderPage->setTokenText(presentation);
        m_tabs->setCurrentWidget(m_decoderPage);
    });
    dialog->show();
}

QString MainWindow::sampleToken()
{
    QFile file(QStringLiteral(":/samples/jwt-io-sample.jwt"));
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QString::fromUtf8(file.readAll()).trimmed();
}

void MainWindow::createActions()
{
    auto* fileMenu = menuBar()->addMenu(tr("&File"));
    auto* open = fileMenu->addAction(QIcon::fromTheme(QStringLiteral("document-open")), tr("&Open Token File…"), this,
                                     &MainWindow::openTokenFile);
    open->setObjectName(QStringLiteral("openAction"));
    open->setShortcut(QKeySequence::Open);
    open->setStatusTip(tr("Decode a token read from a file"));
    fileMenu->addSeparator();
    auto* quit
        = fileMenu->addAction(QIcon::fromTheme(QStringLiteral("application-exit")), tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence::Quit);

    // Ctrl+C and Ctrl+V stay with the focused field (a selection in the payload is not the token).
    auto* editMenu = menuBar()->addMenu(tr("&Edit"));
    auto* copyToken = editMenu->addAction(QIcon::fromTheme(QStringLiteral("edit-copy")), tr("&Copy Token"), this,
                                          &MainWindow::copyToken);
    copyToken->setObjectName(QStringLiteral("copyTokenAction"));
    copyToken->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    copyToken->setStatusTip(tr("Copy the signer's token on the Signer page, else the decoder's; cleared from the "
                               "clipboard after 30 s"));
    auto* pasteToken = editMenu->addAction(QIcon::fromTheme(QStringLiteral("edit-paste")), tr("&Paste Token"), this,
                                           &MainWindow::pasteToken);
    pasteToken->setObjectName(QStringLiteral("pasteTokenAction"));
    pasteToken->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    pasteToken->setStatusTip(tr("Decode the clipboard's text in the decoder"));
    editMenu->addAction(m_decoderPage->copyForBugReportAction());

    createGoMenu();

    auto* toolsMenu = menuBar()->addMenu(tr("&Tools"));
    auto* fixtures = toolsMenu->addAction(tr("&Export Test Tokens…"), this, &MainWindow::exportTestTokens);
    fixtures->setObjectName(QStringLiteral("exportTestTokensAction"));
    fixtures->setStatusTip(tr("Write tokens that a correct verifier must accept or reject, from the decoder's or "
                              "the signer's token"));
    auto* present = toolsMenu->addAction(tr("&Present SD-JWT…"), this, &MainWindow::presentSdJwt);
    present->setObjectName(QStringLiteral("presentSdJwtAction"));
    present->setStatusTip(tr("Choose which disclosures of an SD-JWT to reveal, and add a key binding JWT"));
    toolsMenu->addSeparator();
    toolsMenu->addAction(m_history->showAction());
    toolsMenu->addAction(m_history->clearAction());

    auto* settingsMenu = menuBar()->addMenu(tr("&Settings"));
    m_pasteOnFocusAction = settingsMenu->addAction(tr("&Paste Token from Clipboard on Focus"));
    m_pasteOnFocusAction->setObjectName(QStringLiteral("pasteOnFocusAction"));
    m_pasteOnFocusAction->setCheckable(true);
    m_pasteOnFocusAction->setStatusTip(tr("When this window becomes active and the clipboard holds a token, decode "
                                          "it. Off unless you turn it on."));
    connect(m_pasteOnFocusAction, &QAction::toggled, this, [](bool on) { QSettings().setValue(kPasteOnFocusKey, on); });
    settingsMenu->addAction(m_history->keepAction());

    auto* helpMenu = menuBar()->addMenu(tr("&Help"));
    auto* about = helpMenu->addAction(QIcon::fromTheme(QStringLiteral("help-about")), tr("&About JWT Workbench"), this,
                                      &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("aboutAction"));
}

// Pages by number (Alt+1…7) and in turn: Ctrl+Tab and Ctrl+PgDown forward, Ctrl+Shift+Tab and Ctrl+PgUp
// back. Window shortcuts come before the focused widget, so they work from any field, and the
// decoder's inner tabs do not take Ctrl+Tab from the pages.
void MainWindow::createGoMenu()
{
    auto* goMenu = menuBar()->addMenu(tr("&Go"));
    const std::array<QString, 7> names{QStringLiteral("goDecoderAction"),  QStringLiteral("goSignerAction"),
                                       QStringLiteral("goTimelineAction"), QStringLiteral("goKeysAction"),
                                       QStringLiteral("goCompareAction"),  QStringLiteral("goRotationAction"),
                                       QStringLiteral("goLearnAction")};
    const std::array<QString, 7> texts{tr("&Decoder"), tr("&Signer"),   tr("&Timeline"), tr("&Keys"),
                                       tr("&Compare"), tr("&Rotation"), tr("&Learn")};
    for (int i = 0; i < m_tabs->count(); ++i) {
        QAction* page = goMenu->addAction(texts.at(i), this, [this, i] { m_tabs->setCurrentIndex(i); });
        page->setObjectName(names.at(i));
        page->setShortcut(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + i)));
        m_tabs->setTabToolTip(i, page->shortcut().toString(QKeySequence::NativeText));
    }
    goMenu->addSeparator();
    const auto step = [this](int by) {
        m_tabs->setCurrentIndex((m_tabs->currentIndex() + by + m_tabs->count()) % m_tabs->count());
    };
    QAction* next = goMenu->addAction(tr("&Next Page"), this, [step] { step(1); });
    next->setObjectName(QStringLiteral("nextPageAction"));
    next->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Tab), QKeySequence(Qt::CTRL | Qt::Key_PageDown)});
    QAction* previous = goMenu->addAction(tr("&Previous Page"), this, [step] { step(-1); });
    previous->setObjectName(QStringLiteral("previousPageAction"));
    // Ctrl+Shift+Tab as the menu shows it, and as X11 delivers it (Backtab).
    previous->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Tab),
                            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Backtab),
                            QKeySequence(Qt::CTRL | Qt::Key_PageUp)});
}

void MainWindow::copyToken()
{
    const QString token = m_tabs->currentWidget() == m_signerPage ? m_signerPage->token() : m_decoderPage->shownToken();
    if (token.isEmpty()) {
        statusBar()->showMessage(tr("There is no token to copy"), 8000);
        return;
    }
    // A token is a bearer credential: marked for password managers and cleared after a while.
    Clipboard::instance()->copySecret(token);
    statusBar()->showMessage(tr("Token copied to the clipboard (cleared again in 30 s)"), 8000);
}

void MainWindow::pasteToken()
{
    const QString text = QGuiApplication::clipboard()->text();
    if (text.trimmed().isEmpty()) {
        statusBar()->showMessage(tr("The clipboard holds no text to decode"), 8000);
        return;
    }
    if (text.size() > kMaxClipboardToken) {
        statusBar()->showMessage(tr("The clipboard's text is too long to be a token"), 8000);
        return;
    }
    m_decoderPage->setTokenText(text.trimmed());
    m_tabs->setCurrentWidget(m_decoderPage);
}

void MainWindow::restoreState()
{
    QSettings settings;
    restoreGeometry(settings.value(kGeometryKey).toByteArray());
    QMainWindow::restoreState(settings.value(kStateKey).toByteArray());
    for (const char* key : kRetiredTokenKeys) {
        settings.remove(QLatin1String(key));
    }
    const QSignalBlocker pasteBlocker(m_pasteOnFocusAction);
    m_pasteOnFocusAction->setChecked(settings.value(kPasteOnFocusKey, false).toBool());
    m_decoderPage->setTokenText(sampleToken());
}

void MainWindow::saveState()
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, QMainWindow::saveState());
}

void MainWindow::changeEvent(QEvent* event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::ActivationChange && isActiveWindow() && m_pasteOnFocusAction->isChecked()) {
        pasteTokenFromClipboard();
    }
}

// Only text that holds a token replaces the decoder's, so that copying anything else and coming
// back never loses the token being studied.
void MainWindow::pasteTokenFromClipboard()
{
    const QString text = QGuiApplication::clipboard()->text();
    if (text.isEmpty() || text.size() > kMaxClipboardToken || text == m_decoderPage->tokenText()) {
        return;
    }
    const auto extracted = inspect::extractToken(toStdString(text));
    if (!extracted || !jose::decodeCompact(extracted->token, jose::Base64Mode::Lenient)) {
        return;
    }
    m_decoderPage->setTokenText(text);
    m_tabs->setCurrentWidget(m_decoderPage);
    statusBar()->showMessage(tr("Decoded the token from the clipboard"), 8000);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!m_keysPage->resolveUnsaved(UnsavedKeystoreDialog::Situation::BeforeQuit)) {
        event->ignore();
        return;
    }
    saveState();
    event->accept();
}

void MainWindow::openTokenFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Token File"), QString(),
                                                      tr("Tokens and text (*.jwt *.jws *.txt *.json);;All files (*)"));
    if (path.isEmpty()) {
        return;
    }
    QString error;
    if (!m_decoderPage->loadFile(path, &error)) {
        QMessageBox::warning(this, tr("Open Token File"), error);
    }
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About JWT Workbench"),
                       tr("<h3>JWT Workbench %1</h3><p>An offline workbench for JSON Web Tokens. Nothing you paste or "
                          "load ever leaves this computer.</p><p>JSON highlighting: %2. Licensed under the Apache "
                          "License 2.0.</p>")
                           .arg(QApplication::applicationVersion(), JsonHighlighting::backendName()));
}

} // namespace jwtwb::ui
