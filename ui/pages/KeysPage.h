#pragma once

#include "dialogs/ExportKeyDialog.h"
#include "dialogs/ImportKeyDialog.h"
#include "dialogs/UnsavedKeystoreDialog.h"
#include "keys/Keystore.h"
#include "support/KeyExportText.h"

#include <QString>
#include <QTimer>
#include <QWidget>

#include <chrono>
#include <functional>
#include <optional>
#include <vector>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTreeView;

namespace jwtwb::ui {

class JsonView;
class KeyGenerationTask;
class KeyListModel;
class KeystoreSession;

// The keystore: unlock with the passphrase, a filterable list of the keys, the selected key's
// public JWK and thumbprint with its label, tags and notes to edit; generate, import and delete.
// Every change is saved at once (the keystore keeps the previous file as .bak), and a save that
// fails is never silent; Undo re-adds the last deleted key and saves again. Export copies to the clipboard or writes a
// file. It locks after an idle time.
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
    [[nodiscard]] bool isGenerating() const;

    // Dialogs, replaceable by tests: the confirmation before deleting (gets the key's label), the
    // import prompt (ImportKeyDialog; setImportTextPrompt replaces it with one that gives text only)
    // and the prompt for the passphrase of an encrypted PEM (nullopt: cancelled).
    void setDeleteConfirmation(std::function<bool(const QString& label)> confirm);
    void setImportPrompt(std::function<std::optional<ImportKeyDialog::Request>()> prompt);
    void setImportTextPrompt(std::function<std::optional<QString>()> prompt);
    void setPassphrasePrompt(std::function<std::optional<QString>()> prompt);

    using ExportFormat = KeyExportFormat;
    // Private exports ask first, and once more for a key tagged "production" (`second` is true
    // then); the confirmer gets the key's label. Tests replace it.
    void setPrivateExportConfirmation(std::function<bool(const QString& label, bool second)> confirm);
    // Copies the selected key (the public JWKS: every selected key) to the clipboard: public
    // material as text, private as a secret (password-manager hint, cleared after 30 s). Returns
    // what was copied, empty when refused or impossible (the reason goes to the status line).
    QString exportSelected(ExportFormat format);
    // "Export to File…": the format and file (ExportKeyDialog for the selected key; nullopt:
    // cancelled), and for PrivatePemEncrypted its passphrase (ExportPassphraseDialog, asked twice;
    // gets the key's label). Tests replace them.
    void setExportFilePrompt(
        std::function<std::optional<ExportKeyDialog::Choice>(const keys::Key& key, const QString& label)> prompt);
    void setExportPassphrasePrompt(std::function<std::optional<QString>(const QString& label)> prompt);
    // Writes the selected key (PublicJwks: every selected key) to `path` with io::writeFileAtomically,
    // mode 0600 for private material and 0644 for public, after the same confirmations as the
    // clipboard. False when refused or impossible (the reason goes to the status line).
    bool exportToFile(ExportFormat format, const QString& path);

    // The keystore locks itself after this long without keyboard or mouse input in the application.
    static constexpr std::chrono::minutes kDefaultIdleLock{10};
    void setIdleLockInterval(std::chrono::milliseconds interval);
    [[nodiscard]] std::chrono::milliseconds idleLockInterval() const;

    // Adds every key in `text` (JWK, JWKS, PEM blocks, base64 DER) and saves; a key already there
    // (same thumbprint) is reported, not added. Returns the report shown in the status line.
    QString importText(const QString& text);
    // The same for a key file: PEM (also encrypted), DER (binary), certificate, JWK or JWK Set, at
    // most kMaxKeyFileSize bytes (support/KeyFile.h).
    QString importFile(const QString& path);
    // A shared secret written in `encoding`, stored as an oct key labelled `label` (empty: a default).
    QString importSecret(const QString& text, keys::SecretEncoding encoding, const QString& label);

    // A failed save asks at once (Retry, Save As…, Keep in Memory); the change stays in memory,
    // marked unsaved on the page, until a save works. Before locking or quitting with such changes
    // the same question is asked, with Discard. Tests replace the question and the file chooser.
    using UnsavedPrompt = std::function<UnsavedKeystoreDialog::Choice(UnsavedKeystoreDialog::Situation,
                                                                      const QString& path, const QString& reason)>;
    void setUnsavedPrompt(UnsavedPrompt prompt);
    void setSaveAsPrompt(std::function<QString()> prompt);
    // Before locking or quitting: true when no unsaved change is left (saved now, or discarded by the
    // user), false when the user keeps them (the lock or the quit is cancelled).
    [[nodiscard]] bool resolveUnsaved(UnsavedKeystoreDialog::Situation situation);

public slots:
    void lock();

signals:
    void statusMessage(const QString& message);
    void lockedChanged(bool locked);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void unlock();
    void showLocked();
    void showUnlocked();
    void fitColumns();
    void showDetails();
    void generateChosen();
    void generated();
    void importChosen();
    using ParseKeys = std::function<Result<std::vector<keys::Key>>(std::string_view passphrase)>;
    [[nodiscard]] Result<std::vector<keys::Key>> parseAskingPassphrase(const ParseKeys& parse);
    QString addImported(Result<std::vector<keys::Key>> imported, const QString& label);
    [[nodiscard]] std::optional<KeyExportText> prepareExport(ExportFormat format, const QString& nothingDone);
    void exportToFileChosen();
    void deleteSelected();
    void undoDelete();
    void applyMetadata();
    [[nodiscard]] QList<const keys::KeystoreEntry*> selectedEntries() const;
    [[nodiscard]] bool confirmPrivateExport(const keys::KeystoreEntry& entry);
    void updateActions();
    [[nodiscard]] const keys::KeystoreEntry* selectedEntry() const;
    void selectKid(const QString& kid);
    bool save();
    bool saveAs();
    void showSaveState();

    KeystoreSession* m_session;
    KeyListModel* m_model;
    QSortFilterProxyModel* m_filter;
    QStackedWidget* m_stack;
    QLabel* m_lockedLabel;
    QLineEdit* m_passphraseEdit;
    QPushButton* m_unlockButton;
    QLabel* m_errorLabel;
    QLineEdit* m_filterEdit;
    QTreeView* m_view;
    JsonView* m_details;
    QLabel* m_thumbprintLabel;
    QPlainTextEdit* m_publicPem;
    QPushButton* m_lockButton;
    QWidget* m_unsavedBar;
    QLabel* m_unsavedLabel;
    QComboBox* m_generateKind;
    QProgressBar* m_busy;
    QPushButton* m_cancelGenerate;
    QAction* m_generateAction;
    QAction* m_importAction;
    QAction* m_deleteAction;
    QAction* m_undoAction;
    QAction* m_exportAction;
    QLineEdit* m_labelEdit;
    QLineEdit* m_tagsEdit;
    QPlainTextEdit* m_notesEdit;
    QPushButton* m_applyMetadata;
    KeyGenerationTask* m_generation;
    QTimer m_idleTimer;
    std::optional<keys::KeystoreEntry> m_deleted; // for Undo, until the next change
    std::function<bool(const QString&)> m_confirmDelete;
    std::function<std::optional<ImportKeyDialog::Request>()> m_importPrompt;
    std::function<std::optional<QString>()> m_passphrasePrompt;
    std::function<bool(const QString&, bool)> m_confirmPrivateExport;
    std::function<std::optional<ExportKeyDialog::Choice>(const keys::Key&, const QString&)> m_exportFilePrompt;
    std::function<std::optional<QString>(const QString&)> m_exportPassphrasePrompt;
    UnsavedPrompt m_unsavedPrompt;
    std::function<QString()> m_saveAsPrompt;
};

} // namespace jwtwb::ui
