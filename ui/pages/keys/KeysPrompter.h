#pragma once

#include "crypto/SecureBytes.h"
#include "dialogs/ExportKeyDialog.h"
#include "dialogs/ImportKeyDialog.h"
#include "dialogs/UnsavedKeystoreDialog.h"

#include <QString>

#include <optional>

namespace jwtwb::keys {
class Key;
}

namespace jwtwb::ui {

// Every question the Keys page asks the user, in one place: DialogKeysPrompter asks with dialogs,
// tests answer from a script. A nullopt or false answer means the user cancelled or declined.
class KeysPrompter
{
public:
    virtual ~KeysPrompter() = default;

    // Before deleting the key labelled `label`.
    [[nodiscard]] virtual bool confirmDelete(const QString& label) = 0;
    // What to import: pasted text, a file or a secret.
    [[nodiscard]] virtual std::optional<ImportKeyDialog::Request> askImport() = 0;
    // The passphrase of an encrypted private key being imported.
    [[nodiscard]] virtual std::optional<crypto::SecureBytes> askKeyPassphrase() = 0;
    // Before a private key leaves the keystore; asked a second time (`second`) for a key tagged
    // "production".
    [[nodiscard]] virtual bool confirmPrivateExport(const QString& label, bool second) = 0;
    // The format and file for "Export to File…".
    [[nodiscard]] virtual std::optional<ExportKeyDialog::Choice> askExportFile(const keys::Key& key,
                                                                               const QString& label)
        = 0;
    // The passphrase that encrypts an exported private key, typed twice.
    [[nodiscard]] virtual std::optional<crypto::SecureBytes> askExportPassphrase(const QString& label) = 0;
    // A new passphrase for the keystore at `path`, typed twice.
    [[nodiscard]] virtual std::optional<crypto::SecureBytes> askNewKeystorePassphrase(const QString& path) = 0;
    // Changes are only in memory (a save failed, or the user locks or quits with such changes).
    [[nodiscard]] virtual UnsavedKeystoreDialog::Choice askUnsaved(UnsavedKeystoreDialog::Situation situation,
                                                                   const QString& path, const QString& reason)
        = 0;
    // Where to save the keystore instead; empty when cancelled.
    [[nodiscard]] virtual QString askSaveAsPath(const QString& current) = 0;
};

} // namespace jwtwb::ui
