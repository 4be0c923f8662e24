#pragma once

#include <QMainWindow>

class QAction;
class QTabWidget;
class QToolButton;

namespace jwtwb::ui {

class ComparePage;
class DecoderPage;
class KeysPage;
class LearnPage;
class KeystoreSession;
class RotationPage;
class SignerPage;
class TimelinePage;
class TokenHistoryActions;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);

    [[nodiscard]] DecoderPage* decoderPage() const { return m_decoderPage; }
    [[nodiscard]] SignerPage* signerPage() const { return m_signerPage; }
    [[nodiscard]] TimelinePage* timelinePage() const { return m_timelinePage; }
    [[nodiscard]] KeysPage* keysPage() const { return m_keysPage; }
    [[nodiscard]] ComparePage* comparePage() const { return m_comparePage; }
    [[nodiscard]] RotationPage* rotationPage() const { return m_rotationPage; }
    [[nodiscard]] LearnPage* learnPage() const { return m_learnPage; }
    // Makes `page` (one of the pages above) the current one.
    void showPage(QWidget* page);
    [[nodiscard]] TokenHistoryActions* tokenHistory() const { return m_history; }
    // The unlocked keystore, shared by the Keys page, the decoder and the signer.
    [[nodiscard]] KeystoreSession* keystoreSession() const { return m_keystore; }
    [[nodiscard]] QAction* pasteOnFocusAction() const { return m_pasteOnFocusAction; }
    // The keystore's lock state in the status bar: click locks it (or, when locked, opens the Keys page).
    [[nodiscard]] QToolButton* keystoreButton() const { return m_keystoreButton; }

    // The keystore file: keystore.jwe in the application data folder, or the file last chosen with
    // Save As on the Keys page.
    [[nodiscard]] static QString keystorePath();
    // Restores geometry and, when the user allowed it, the last token; otherwise shows the sample.
    void restoreState();

    [[nodiscard]] static QString sampleToken();

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void createActions();
    void createGoMenu();
    void copyToken();
    void pasteToken();
    void openTokenFile();
    void saveState();
    void pasteTokenFromClipboard();
    void showAbout();
    void exportTestTokens();
    void presentSdJwt();
    void connectPages();

    KeystoreSession* m_keystore; // first: the pages use it
    QTabWidget* m_tabs;
    DecoderPage* m_decoderPage;
    SignerPage* m_signerPage;
    TimelinePage* m_timelinePage;
    KeysPage* m_keysPage;
    ComparePage* m_comparePage;
    RotationPage* m_rotationPage;
    LearnPage* m_learnPage;
    TokenHistoryActions* m_history;
    QToolButton* m_keystoreButton;
    QAction* m_pasteOnFocusAction = nullptr;
};

} // namespace jwtwb::ui
