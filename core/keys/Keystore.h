#pragma once

#include "Error.h"
#include "crypto/SecureBytes.h"
#include "jwe/Pbes2.h"
#include "keys/KeystoreEntry.h"
#include "keys/TokenHistory.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace jwtwb::keys {

struct KeystoreOptions {
    // PBES2 iteration count (p2c) for every save. Lower values are for unit tests of other
    // behaviour only: PBKDF2 at the default takes a noticeable fraction of a second.
    std::uint64_t iterations = jwe::kDefaultP2c;
};

// The unlocked key set of one keystore file (see KeystoreFormat.h for the format). Keys, secrets
// and the passphrase live only in memory, in wiping buffers, until lock(); changes reach the file
// only through save() or saveAs(), which replace it atomically and keeps the previous file as "<path>.bak".
// Nothing here ever writes to a file that failed to open. Opening or saving successfully removes the
// temporary files a killed save left beside the keystore (io::removeStaleTemporaries).
// What save() writes, as a value: copies of the keys and the history, and the passphrase, for sealing
// on another thread (PBKDF2 takes a noticeable fraction of a second). See Keystore::snapshot().
struct KeystoreContent {
    std::vector<KeystoreEntry> entries;
    TokenHistory history;
    crypto::SecureBytes passphrase;
    std::uint64_t iterations;
    std::uint64_t revision; // Keystore::revision() when the copy was made
};

class Keystore
{
public:
    // A new, empty keystore for `path` (nothing is written until save()).
    [[nodiscard]] static Keystore create(std::string path, crypto::SecureBytes passphrase,
                                         KeystoreOptions options = {});
    // Errors as openKeystoreText(), and Errc::Io for a missing or unreadable file. Keys without a kid
    // (written by other tools) get the default one.
    [[nodiscard]] static Result<Keystore> open(std::string path, crypto::SecureBytes passphrase,
                                               KeystoreOptions options = {});

    [[nodiscard]] const std::string& path() const { return m_path; }
    [[nodiscard]] std::string backupPath() const { return m_path + ".bak"; }
    [[nodiscard]] bool isLocked() const { return m_locked; }
    [[nodiscard]] const std::vector<KeystoreEntry>& entries() const { return m_entries; }
    [[nodiscard]] const KeystoreEntry* find(std::string_view kid) const;

    // Adds a key; without a kid it gets its RFC 7638 SHA-256 thumbprint as kid. A key whose
    // thumbprint is already there (also the public half of a stored private key), or a kid that
    // is taken, is Errc::DuplicateKey naming the stored key. Returns the kid.
    [[nodiscard]] Result<std::string> add(KeystoreEntry entry);
    // What add() checks first, without adding: gives the entry its default kid and reports a
    // duplicate (for models that must announce a row before it appears).
    [[nodiscard]] Result<void> prepare(KeystoreEntry& entry) const;
    [[nodiscard]] Result<void> remove(std::string_view kid); // Errc::KeyNotFound
    [[nodiscard]] Result<void> setMetadata(std::string_view kid, std::string label, std::string notes,
                                           std::vector<std::string> tags);

    // Creates the keystore's folder (mode 0700) when it is missing. On failure the file on disk is
    // as it was and the keys in memory are unchanged, so that the caller can try again.
    [[nodiscard]] Result<void> save();
    // Saves to another file, which is the keystore's path from then on (only when that worked).
    [[nodiscard]] Result<void> saveAs(std::string path);
    // Re-encrypts with the new passphrase and saves.
    [[nodiscard]] Result<void> changePassphrase(crypto::SecureBytes newPassphrase);

    // The decoder's recent tokens, saved with the keys (see TokenHistory). A history the file held
    // but that could not be read is left out, and historyError() says why; the keys are all there.
    [[nodiscard]] const TokenHistory& history() const { return m_history; }
    [[nodiscard]] const std::string& historyError() const { return m_historyError; }
    [[nodiscard]] Result<void> recordToken(std::string_view token, std::string seen, std::size_t capacity);
    [[nodiscard]] Result<void> clearHistory();

    // Counts every change of the keys, their details or the history; isModified() while the file
    // holds an older revision.
    [[nodiscard]] std::uint64_t revision() const { return m_revision; }
    [[nodiscard]] bool isModified() const { return m_revision != m_savedRevision; }

    // save() in two halves, for saving off the GUI thread: snapshot() here, seal(content) on any
    // thread, then writeSealed() here. A snapshot older than the keystore's last change is not
    // written (Errc::Cancelled): the file must never go back to fewer keys or an older history.
    [[nodiscard]] KeystoreContent snapshot() const;
    [[nodiscard]] static Result<std::string> seal(const KeystoreContent& content);
    [[nodiscard]] Result<void> writeSealed(std::string_view text, std::uint64_t revision);

    // Forgets the keys, the history and the passphrase (wiped); the object can only be destroyed afterwards.
    void lock();

private:
    Keystore(std::string path, crypto::SecureBytes passphrase, KeystoreOptions options);
    [[nodiscard]] Result<void> checkUnlocked() const;
    [[nodiscard]] Result<void> write(std::string_view text);
    void removeLeftovers() const;

    std::string m_path;
    crypto::SecureBytes m_passphrase;
    KeystoreOptions m_options;
    std::vector<KeystoreEntry> m_entries;
    TokenHistory m_history;
    std::string m_historyError;
    std::uint64_t m_revision = 0;
    std::uint64_t m_savedRevision = 0;
    bool m_locked = false;
};

} // namespace jwtwb::keys
