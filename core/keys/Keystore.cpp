#include "Keystore.h"

#include "encoding/Base64Url.h"
#include "io/AtomicFile.h"
#include "keys/KeystoreFormat.h"
#include "keys/Thumbprint.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

namespace jwtwb::keys {
namespace {

std::string describeEntry(const KeystoreEntry& entry)
{
    return entry.label.empty() ? fmt::format("kid \"{}\"", entry.kid())
                               : fmt::format("\"{}\" (kid \"{}\")", entry.label, entry.kid());
}

} // namespace

Keystore::Keystore(std::string path, crypto::SecureBytes passphrase, KeystoreOptions options)
    : m_path(std::move(path))
    , m_passphrase(std::move(passphrase))
    , m_options(options)
{ }

Keystore Keystore::create(std::string path, crypto::SecureBytes passphrase, KeystoreOptions options)
{
    return Keystore(std::move(path), std::move(passphrase), options);
}

Result<Keystore> Keystore::open(std::string path, crypto::SecureBytes passphrase, KeystoreOptions options)
{
    auto text = io::readWholeFile(path, kMaxKeystoreSize);
    if (!text) {
        return std::unexpected(text.error());
    }
    auto opened = openKeystoreText(*text, passphrase);
    if (!opened) {
        Error error = opened.error();
        error.message = fmt::format("{}: {}", path, error.message);
        return std::unexpected(std::move(error));
    }
    Keystore keystore(std::move(path), std::move(passphrase), options);
    keystore.removeLeftovers();
    keystore.m_entries = std::move(opened->entries);
    keystore.m_history = std::move(opened->history);
    keystore.m_historyError = std::move(opened->historyError);
    // Keys from other tools may come without a kid: they get the default one, as add() gives.
    for (auto& entry : keystore.m_entries) {
        if (entry.kid().empty()) {
            if (auto print = thumbprint(entry.key)) {
                entry.key.parameters().kid = encoding::base64UrlEncode(*print);
            }
        }
    }
    return keystore;
}

Result<void> Keystore::checkUnlocked() const
{
    if (m_locked) {
        return fail(Errc::PassphraseRequired, "the keystore is locked");
    }
    return {};
}

const KeystoreEntry* Keystore::find(std::string_view kid) const
{
    const auto it = std::ranges::find_if(m_entries, [&](const KeystoreEntry& entry) { return entry.kid() == kid; });
    return it == m_entries.end() ? nullptr : &*it;
}

Result<void> Keystore::prepare(KeystoreEntry& entry) const
{
    if (auto unlocked = checkUnlocked(); !unlocked) {
        return unlocked;
    }
    auto print = thumbprint(entry.key);
    if (!print) {
        return std::unexpected(print.error());
    }
    for (const auto& stored : m_entries) {
        auto storedPrint = thumbprint(stored.key);
        if (storedPrint && *storedPrint == *print) {
            return fail(Errc::DuplicateKey,
                        fmt::format("this key is already in the keystore as {}", describeEntry(stored)));
        }
    }
    std::string& kid = entry.key.parameters().kid;
    if (kid.empty()) {
        kid = encoding::base64UrlEncode(*print);
    }
    if (const KeystoreEntry* stored = find(kid)) {
        return fail(Errc::DuplicateKey,
                    fmt::format("another key in the keystore has the kid \"{}\": {}", kid, describeEntry(*stored)));
    }
    return {};
}

Result<std::string> Keystore::add(KeystoreEntry entry)
{
    if (auto prepared = prepare(entry); !prepared) {
        return std::unexpected(prepared.error());
    }
    m_entries.push_back(std::move(entry));
    ++m_revision;
    return m_entries.back().kid();
}

Result<void> Keystore::remove(std::string_view kid)
{
    if (auto unlocked = checkUnlocked(); !unlocked) {
        return unlocked;
    }
    const auto it = std::ranges::find_if(m_entries, [&](const KeystoreEntry& entry) { return entry.kid() == kid; });
    if (it == m_entries.end()) {
        return fail(Errc::KeyNotFound, fmt::format("no key with kid \"{}\" in the keystore", kid));
    }
    m_entries.erase(it);
    ++m_revision;
    return {};
}

Result<void> Keystore::setMetadata(std::string_view kid, std::string label, std::string notes,
                                   std::vector<std::string> tags)
{
    if (auto unlocked = checkUnlocked(); !unlocked) {
        return unlocked;
    }
    const auto it = std::ranges::find_if(m_entries, [&](const KeystoreEntry& entry) { return entry.kid() == kid; });
    if (it == m_entries.end()) {
        return fail(Errc::KeyNotFound, fmt::format("no key with kid \"{}\" in the keystore", kid));
    }
    it->label = std::move(label);
    it->notes = std::move(notes);
    it->tags = std::move(tags);
    ++m_revision;
    return {};
}

Result<void> Keystore::save()
{
    if (auto unlocked = checkUnlocked(); !unlocked) {
        return unlocked;
    }
    auto text = sealKeystore(m_entries, m_history, m_passphrase, m_options.iterations);
    if (!text) {
        return std::unexpected(text.error());
    }
    auto written = write(*text);
    if (written) {
        m_savedRevision = m_revision;
    }
    return written;
}

KeystoreContent Keystore::snapshot() const
{
    return {m_entries, m_history.clone(), m_passphrase.clone(), m_options.iterations, m_revision};
}

Result<std::string> Keystore::seal(const KeystoreContent& content)
{
    return sealKeystore(content.entries, content.history, content.passphrase, content.iterations);
}

Result<void> Keystore::writeSealed(std::string_view text, std::uint64_t revision)
{
    if (auto unlocked = checkUnlocked(); !unlocked) {
        return unlocked;
    }
    if (revision != m_revision) {
        return fail(Errc::Cancelled, "the keystore changed while it was being encrypted");
    }
    auto written = write(text);
    if (written) {
        m_savedRevision = revision;
    }
    return written;
}

Result<void> Keystore::write(std::string_view text)
{
    // A failed save says what became of the keystore file: the user decides on it whether to retry,
    // save elsewhere or keep the change in memory.
    constexpr std::string_view kUnchanged = "; the keystore file is unchanged";
    const auto backupFailed = [&](Error error) {
        error.message = fmt::format("cannot save {}: {}{}", m_path, error.message, kUnchanged);
        return std::unexpected(std::move(error));
    };
    if (auto folder = io::createParentFolders(m_path); !folder) {
        return std::unexpected(folder.error());
    }
    std::optional<std::string> previous;
    if (io::fileExists(m_path)) {
        auto read = io::readWholeFile(m_path, kMaxKeystoreSize);
        if (!read) {
            return backupFailed(read.error());
        }
        if (auto backup = io::writeFileAtomically(backupPath(), asBytes(*read)); !backup) {
            return backupFailed(backup.error());
        }
        previous = std::move(*read);
    }
    if (auto written = io::writeFileAtomically(m_path, asBytes(text)); !written) {
        Error error = written.error();
        // Checked, not assumed: writeFileAtomically also fails after its rename (a folder that
        // cannot be flushed), and then the new file is in place.
        const auto now = io::readWholeFile(m_path, kMaxKeystoreSize);
        if (previous ? (now && *now == *previous) : !now) {
            error.message += previous ? kUnchanged : "; nothing was written";
        }
        return std::unexpected(std::move(error));
    }
    removeLeftovers();
    return {};
}

Result<void> Keystore::recordToken(std::string_view token, std::string seen, std::size_t capacity)
{
    if (auto unlocked = checkUnlocked(); !unlocked) {
        return unlocked;
    }
    m_history.setCapacity(capacity);
    m_history.add(token, std::move(seen));
    ++m_revision;
    return {};
}

Result<void> Keystore::clearHistory()
{
    if (auto unlocked = checkUnlocked(); !unlocked) {
        return unlocked;
    }
    m_history.clear();
    m_historyError.clear(); // the unreadable history, if any, is replaced at the next save
    ++m_revision;
    return {};
}

Result<void> Keystore::saveAs(std::string path)
{
    std::swap(m_path, path);
    auto saved = save();
    if (!saved) {
        m_path = std::move(path);
    }
    return saved;
}

void Keystore::removeLeftovers() const
{
    // A save that was killed leaves its temporary file (of the keystore or of the backup) behind.
    (void)io::removeStaleTemporaries(m_path);
    (void)io::removeStaleTemporaries(backupPath());
}

Result<void> Keystore::changePassphrase(crypto::SecureBytes newPassphrase)
{
    if (auto unlocked = checkUnlocked(); !unlocked) {
        return unlocked;
    }
    if (newPassphrase.empty()) {
        return fail(Errc::PassphraseRequired, "the new passphrase is empty");
    }
    crypto::SecureBytes previous = std::move(m_passphrase);
    m_passphrase = std::move(newPassphrase);
    ++m_revision; // a snapshot sealed with the old passphrase must not be written
    auto saved = save();
    if (!saved) {
        m_passphrase = std::move(previous);
        --m_revision; // the file and the keys are as they were
    }
    return saved;
}

void Keystore::lock()
{
    m_entries.clear();
    m_history.clear();
    m_passphrase.clear();
    m_locked = true;
}

} // namespace jwtwb::keys
