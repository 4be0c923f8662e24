#pragma once

// Helpers shared by the keystore's file-safety tests (TestKeystoreCrash, TestKeystoreDisk).

#include "encoding/Json.h"
#include "keys/KeyExport.h"
#include "keys/Keystore.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>
#include <QStringList>

#include <string>

namespace jwtwb::test {

// Everything a keystore holds, as one text to compare: each entry's key material (its private JWK,
// or public for a public key) with kid, label, created, notes and tags, in the file's order, then
// the history's tokens and times, newest first. Two keystores describe alike exactly when they
// hold the same content; the passphrase is not part of it.
inline std::string describeKeystore(const keys::Keystore& keystore)
{
    encoding::Json all = encoding::Json::object();
    encoding::Json entries = encoding::Json::array();
    for (const auto& entry : keystore.entries()) {
        auto jwk = keys::exportJwk(entry.key, entry.key.hasPrivate());
        entries.push_back({{"jwk", jwk ? *jwk : encoding::Json("export failed: " + jwk.error().message)},
                           {"label", entry.label},
                           {"created", entry.created},
                           {"notes", entry.notes},
                           {"tags", entry.tags}});
    }
    all["entries"] = std::move(entries);
    encoding::Json history = encoding::Json::array();
    for (const auto& seen : keystore.history().entries()) {
        history.push_back({{"token", std::string(seen.token.view())}, {"seen", seen.seen}});
    }
    all["history"] = std::move(history);
    all["historyError"] = keystore.historyError();
    return all.dump();
}

// The GUI's background save in its three halves (here on one thread: the disk sees the same).
inline Result<void> saveInBackground(keys::Keystore& keystore)
{
    const keys::KeystoreContent content = keystore.snapshot();
    auto sealed = keys::Keystore::seal(content);
    if (!sealed) {
        return std::unexpected(sealed.error());
    }
    return keystore.writeSealed(*sealed, content.revision);
}

inline QByteArray readBytes(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

[[nodiscard]] inline bool writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size() && file.flush();
}

// The names in a folder, sorted, hidden ones included ("." and ".." left out).
inline QStringList folderListing(const QString& folder)
{
    return QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}

} // namespace jwtwb::test
