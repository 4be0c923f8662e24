#pragma once

#include "Error.h"
#include "crypto/SecureBytes.h"
#include "keys/Keystore.h"

#include <QObject>
#include <QString>

#include <memory>

template <typename T> class QFutureWatcher;

namespace jwtwb::ui {

// The keystore while it is unlocked, shared by every page that uses stored keys: the Keys page
// unlocks and changes it, the decoder and the signer read it. Locking it (on request, from the
// status bar or after the Keys page's idle time) locks it for all of them at once: they hear
// entriesChanged() and drop their copies of the keys.
class KeystoreSession : public QObject
{
    Q_OBJECT

public:
    // Tests pass a low PBES2 iteration count in `options`.
    explicit KeystoreSession(QString path, keys::KeystoreOptions options = {}, QObject* parent = nullptr);
    // Locks without signals: the users of the session may be half destroyed already.
    ~KeystoreSession() override;

    [[nodiscard]] const QString& path() const { return m_path; }
    [[nodiscard]] bool fileExists() const; // false: unlocking starts a new keystore
    [[nodiscard]] bool isUnlocked() const { return m_keystore != nullptr; }
    // nullptr while locked. Entries move when keys are added or removed: look them up again after
    // entriesChanged() instead of keeping pointers.
    [[nodiscard]] const keys::Keystore* keystore() const { return m_keystore.get(); }
    // For the Keys page, which changes the keys through its model; saveChanges() afterwards.
    [[nodiscard]] keys::Keystore* editableKeystore() { return m_keystore.get(); }

    // Opens the file with the passphrase, or starts an empty keystore when there is no file yet
    // (nothing is written before the first change). A wrong passphrase or a damaged file is an
    // error with a message for the user, and the session stays locked.
    [[nodiscard]] Result<void> unlock(crypto::SecureBytes passphrase);
    // The same on a pool thread, for the GUI: PBKDF2 at 600 000 iterations takes a noticeable
    // fraction of a second. isUnlocking() until unlockFinished(); ignored while already unlocking
    // or unlocked.
    void startUnlock(crypto::SecureBytes passphrase);
    [[nodiscard]] bool isUnlocking() const { return m_unlocking != nullptr; }
    // Re-encrypts with a new passphrase and saves; when that fails, the old passphrase stays.
    [[nodiscard]] Result<void> changePassphrase(crypto::SecureBytes passphrase);
    // Saves after a change made through editableKeystore() and tells every user of the keys, also
    // when saving fails: the keys in memory have changed all the same, and stay marked unsaved
    // until a save works.
    [[nodiscard]] Result<void> saveChanges();
    // Saves to another file, which is the keystore from then on (pathChanged()).
    [[nodiscard]] Result<void> saveAs(const QString& path);
    // Changes that are only in memory: the last save failed.
    [[nodiscard]] bool hasUnsavedChanges() const { return m_unsaved; }
    // Why the last save failed (empty after a save that worked).
    [[nodiscard]] const QString& saveError() const { return m_saveError; }

    // The decoder's recent tokens, in the keystore (keys::TokenHistory). Both save in the background:
    // the file is encrypted on a pool thread and written here afterwards, unless the keystore changed
    // meanwhile (then the newer state is saved). A failed save marks the keystore unsaved, as for keys.
    [[nodiscard]] Result<void> recordToken(const QString& token, int capacity);
    [[nodiscard]] Result<void> clearHistory();
    [[nodiscard]] bool isSavingInBackground() const { return m_sealing != nullptr; }

public slots:
    // Forgets the keys and the passphrase (wiped), also unsaved changes: ask before calling this
    // when hasUnsavedChanges(). Nothing happens when already locked.
    void lock();

signals:
    void lockedChanged(bool locked);
    // After startUnlock(): `error` (a sentence) is empty when the keystore is unlocked (lockedChanged
    // came first).
    void unlockFinished(const QString& error);
    void entriesChanged(); // after unlock, lock and any change of the keys or their details
    void historyChanged(); // after unlock, lock, recordToken() and clearHistory()
    void backgroundSaveFinished(const QString& error); // empty when it worked
    void unsavedChanged(bool unsaved);
    void pathChanged(const QString& path);

private:
    QString m_path;
    keys::KeystoreOptions m_options;
    void setSaved(const Result<void>& saved);

    Result<void> adopt(Result<keys::Keystore> opened);
    void saveInBackground();
    void sealed(std::uint64_t revision, const Result<std::string>& text);
    void saveHistoryBeforeLocking();

    std::unique_ptr<keys::Keystore> m_keystore;
    QFutureWatcher<std::shared_ptr<Result<keys::Keystore>>>* m_unlocking = nullptr;
    QFutureWatcher<std::shared_ptr<Result<std::string>>>* m_sealing = nullptr;
    bool m_unsaved = false;
    QString m_saveError;
};

} // namespace jwtwb::ui
