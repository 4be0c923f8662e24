#pragma once

#include "Error.h"
#include "keys/KeystoreEntry.h"

#include <QAbstractTableModel>
#include <QString>

namespace jwtwb::keys {
class Keystore;
}

namespace jwtwb::ui {

// The keys of an unlocked keystore as a table: label, type and size or curve, kid, created, tags.
// Changes go through the model so that views hear of them; the keystore is saved by its owner.
class KeyListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { LabelColumn, TypeColumn, KidColumn, CreatedColumn, TagsColumn, ColumnCount };
    enum Role { KidRole = Qt::UserRole + 1 };

    explicit KeyListModel(QObject* parent = nullptr);

    // Not owned; nullptr when locked (no rows).
    void setKeystore(keys::Keystore* keystore);
    [[nodiscard]] keys::Keystore* keystore() const { return m_keystore; }

    [[nodiscard]] Result<QString> addKey(keys::KeystoreEntry entry); // the new row is at the end
    // Removes the key and hands it back (for undo).
    [[nodiscard]] Result<keys::KeystoreEntry> takeKey(const QString& kid);
    [[nodiscard]] Result<void> setMetadata(const QString& kid, std::string label, std::string notes,
                                           std::vector<std::string> tags);
    [[nodiscard]] const keys::KeystoreEntry* entry(const QModelIndex& index) const;
    [[nodiscard]] QModelIndex indexOfKid(const QString& kid) const;

    // "EC P-256", "RSA 2048", "Ed25519", "oct 256"
    [[nodiscard]] static QString typeText(const keys::Key& key);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

private:
    keys::Keystore* m_keystore = nullptr;
};

} // namespace jwtwb::ui
