#include "Keystore.h"

#include "encoding/Base64Url.h"
#include "io/AtomicFile.h"
#include "keys/KeystoreFormat.h"
#include "keys/Thumbprint.h"

#include <fmt/format.h>

#include <algorithm>

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
    return {};
}

Result<void> Keystore::save()
{
    if (auto unlocked = checkUnlocked(); !unlocked) {
        return unlocked;
    }
    auto text = sealKeystore(m_entries, m_passphrase, m_options.iterations);
    if (!text) {
        return std::unexpected(text.error());
    }
    if (auto folder = io::createParentFolders(m_path); !folder) {
        return folder;
    }
    if (io::fileExists(m_path)) {
        auto previous = io::readWholeFile(m_path, kMaxKeystoreSize);
        if (!previous) {
            return std::unexpected(previous.error());
        }
        if (auto backup = io::writeFileAtomically(backupPath(), asBytes(*previous)); !backup) {
            return backup;
        }
    }
    if (auto written = io::writeFileAtomically(m_path, asBytes(*text)); !written) {
        return written;
    }
    removeLeftovers();
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
    auto saved = save();
    if (!saved) {
        m_passphrase = std::move(previous);
    }
    return saved;
}

void Keystore::lock()
{
    m_entries.clear();
    m_passphrase.clear();
    m_locked = true;
}

} // namespace jwtwb::keys
