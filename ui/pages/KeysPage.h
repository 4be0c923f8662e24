#pragma once

#include "dialogs/UnsavedKeystoreDialog.h"
#include "keys/Keystore.h"
#include "support/KeyExportText.h"

#include <QString>
#include <QTimer>
#include <QWidget>

#include <chrono>
#include <memory>

class QAction;
class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;

namespace jwtwb::ui {

class KeyDetailsPane;
class KeyGenerationTask;
class KeyKindCombo;
class KeyListModel;
class KeyListPane;
class KeysPrompter;
class KeystoreActions;
class KeystoreLockedView;
class KeystoreSession;

// The keystore. Locked: KeystoreLockedView unlocks it, or creates it with a passphrase typed twice.
// Unlocked: the toolbar, the key list (KeyListPane) and the selected key's details (KeyDetailsPane);
// what the buttons do is in KeystoreActions, and every question goes through one KeysPrompter.
// Every change is saved at once (the keystore keeps the previous file as .bak), and a save that
// fails is never silent. It locks after an idle time.
class KeysPage : public QWidget
{
    Q_OBJECT

public:
    // The keystore shared with the other pages (not owned).
    explicit KeysPage(KeystoreSession* session, QWidget* parent = nullptr);
    // A keystore of this page's own. Tests pass a low PBES2 iteration count in `options`.
    explicit KeysPage(QString keystorePath, keys::KeystoreOptions options = {}, QWidget* parent = nullptr);
    ~KeysPage() override;

    [[nodiscard]] bool isUnlocked() const;
    [[nodiscard]] KeystoreSession* session() const { return m_session; }
    [[nodiscard]] KeyListModel* model() const { return m_model; }
    [[nodiscard]] KeystoreActions* actions() const { return m_actions; }
    [[nodiscard]] bool isGenerating() const;

    // The questions the page asks; dialogs (DialogKeysPrompter) unless a test gives its own.
    void setPrompter(std::unique_ptr<KeysPrompter> prompter);
    [[nodiscard]] KeysPrompter* prompter() const { return m_prompter.get(); }

    // The selected key (PublicJwks: every selected key) to the clipboard or to a file; see
    // KeystoreActions::exportToClipboard and exportToFile.
    QString exportSelected(KeyExportFormat format);
    bool exportToFile(KeyExportFormat format, const QString& path);

    // The keystore locks itself after this long without keyboard or mouse input in the application.
    static constexpr std::chrono::minutes kDefaultIdleLock{10};
    void setIdleLockInterval(std::chrono::milliseconds interval);
    [[nodiscard]] std::chrono::milliseconds idleLockInterval() const;

    // Before locking or quitting: see KeystoreActions::resolveUnsaved.
    [[nodiscard]] bool resolveUnsaved(UnsavedKeystoreDialog::Situation situation);

public slots:
    void lock();

signals:
    void statusMessage(const QString& message);
    void lockedChanged(bool locked);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void showLocked();
    void showUnlocked();
    void showSaveState();
    void generateChosen();
    void generated();
    void updateActions();
    [[nodiscard]] QList<const keys::KeystoreEntry*> entriesFor(KeyExportFormat format) const;

    KeystoreSession* m_session;
    KeyListModel* m_model;
    std::unique_ptr<KeysPrompter> m_prompter;
    KeystoreActions* m_actions;
    QStackedWidget* m_stack;
    KeystoreLockedView* m_lockedView;
    QPushButton* m_lockButton;
    QWidget* m_unsavedBar;
    QLabel* m_unsavedLabel;
    KeyKindCombo* m_generateKind;
    QProgressBar* m_busy;
    QPushButton* m_cancelGenerate;
    KeyListPane* m_list;
    KeyDetailsPane* m_details = nullptr; // made in the constructor's body, after the toolbar
    QAction* m_generateAction;
    QAction* m_importAction;
    QAction* m_deleteAction;
    QAction* m_undoAction;
    QAction* m_exportAction;
    QAction* m_passphraseAction;
    KeyGenerationTask* m_generation;
    QTimer m_idleTimer;
};

} // namespace jwtwb::ui
