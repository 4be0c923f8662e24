#pragma once

#include "dialogs/ImportKeyDialog.h"
#include "dialogs/UnsavedKeystoreDialog.h"
#include "keys/Key.h"
#include "keys/KeystoreEntry.h"
#include "support/KeyExportText.h"

#include <QList>
#include <QObject>
#include <QString>

#include <optional>

namespace jwtwb::ui {

class KeyListModel;
class KeysPrompter;
class KeystoreSession;

// What the Keys page does to the keystore, without a widget: import, generate (the key is made
// elsewhere), export, delete and undo, the details of a key, the passphrase, and saving. Every change
// is saved at once; a save that fails asks (KeysPrompter::askUnsaved) until it works or the user
// keeps the change in memory. Questions go to the prompter; what happened goes to statusMessage().
class KeystoreActions : public QObject
{
    Q_OBJECT

public:
    // Not owned: the session, the model the views show (changes go through it so that they hear of
    // them), and the prompter.
    KeystoreActions(KeystoreSession* session, KeyListModel* model, KeysPrompter* prompter, QObject* parent = nullptr);

    void setPrompter(KeysPrompter* prompter) { m_prompter = prompter; }
    [[nodiscard]] bool isUnlocked() const;

    // Asks what to import, then imports it.
    void importChosen();
    // Adds every key in `text` (JWK, JWKS, PEM blocks, base64 DER) and saves; a key already there
    // (same thumbprint) is reported, not added. Returns the report also sent to statusMessage().
    QString importText(const QString& text);
    // The same for a key file: PEM (also encrypted), DER (binary), certificate, JWK or JWK Set, at
    // most kMaxKeyFileSize bytes (support/KeyFile.h).
    QString importFile(const QString& path);
    // A shared secret written in `encoding`, stored as an oct key labelled `label` (empty: a default).
    QString importSecret(const QString& text, keys::SecretEncoding encoding, const QString& label);
    // A generated key, labelled after its type.
    QString addGenerated(keys::Key key);

    // Asks, deletes the key and saves; Undo Delete brings it back until the next change.
    bool deleteKey(const QString& kid);
    [[nodiscard]] bool canUndoDelete() const { return m_deleted.has_value(); }
    bool undoDelete();
    bool setDetails(const QString& kid, const QString& label, const QString& tags, const QString& notes);
    // Asks for the new passphrase twice and re-encrypts the keystore with it.
    bool changePassphrase();

    // `entries.front()` (for PublicJwks: all of them) in `format`, after the confirmations and the
    // passphrase it needs. To the clipboard (private material as a secret, cleared after 30 s):
    // returns what was copied, empty when refused or impossible.
    QString exportToClipboard(const QList<const keys::KeystoreEntry*>& entries, KeyExportFormat format);
    // Asks for the format and file for `entries.front()`, then exportToFile().
    void exportToFileChosen(const QList<const keys::KeystoreEntry*>& entries);
    // Mode 0600 for private material, 0644 for public.
    bool exportToFile(const QList<const keys::KeystoreEntry*>& entries, KeyExportFormat format, const QString& path);

    // Saves after a change; a failure asks at once. False when the change stays only in memory.
    bool save();
    bool saveAs();
    // Before locking or quitting: true when no unsaved change is left (saved now, or discarded by the
    // user), false when the user keeps them (the lock or the quit is cancelled).
    [[nodiscard]] bool resolveUnsaved(UnsavedKeystoreDialog::Situation situation);
    // Forgets the deleted key kept for Undo (the keystore was locked).
    void forgetUndo() { m_deleted.reset(); }

signals:
    void statusMessage(const QString& message);
    void keyAdded(const QString& kid); // the views select it
    void undoChanged();

private:
    [[nodiscard]] Result<std::vector<keys::Key>> readAskingPassphrase(std::string_view input);
    QString addImported(Result<std::vector<keys::Key>> imported, const QString& label);
    [[nodiscard]] std::optional<KeyExportText> prepareExport(const QList<const keys::KeystoreEntry*>& entries,
                                                             KeyExportFormat format, const QString& nothingDone);
    void setDeleted(std::optional<keys::KeystoreEntry> entry);

    KeystoreSession* m_session;
    KeyListModel* m_model;
    KeysPrompter* m_prompter;
    std::optional<keys::KeystoreEntry> m_deleted; // for Undo, until the next change
};

} // namespace jwtwb::ui
