#include "KeyListModel.h"

#include "keys/Keystore.h"
#include "support/Convert.h"

#include <QStringList>

namespace jwtwb::ui {

KeyListModel::KeyListModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void KeyListModel::setKeystore(keys::Keystore* keystore)
{
    beginResetModel();
    m_keystore = keystore;
    endResetModel();
}

Result<QString> KeyListModel::addKey(keys::KeystoreEntry entry)
{
    if (m_keystore == nullptr) {
        return fail(Errc::PassphraseRequired, "the keystore is locked");
    }
    // Checked first: a row is announced only for a key that will be added.
    if (auto prepared = m_keystore->prepare(entry); !prepared) {
        return std::unexpected(prepared.error());
    }
    const int row = rowCount();
    beginInsertRows({}, row, row);
    auto kid = m_keystore->add(std::move(entry));
    endInsertRows();
    if (!kid) {
        return std::unexpected(kid.error());
    }
    return toQString(*kid);
}

Result<keys::KeystoreEntry> KeyListModel::takeKey(const QString& kid)
{
    const QModelIndex index = indexOfKid(kid);
    if (!index.isValid()) {
        return fail(Errc::KeyNotFound, "no such key: " + toStdString(kid));
    }
    keys::KeystoreEntry taken = *entry(index);
    beginRemoveRows({}, index.row(), index.row());
    auto removed = m_keystore->remove(toStdString(kid));
    endRemoveRows();
    if (!removed) {
        return std::unexpected(removed.error());
    }
    return taken;
}

Result<void> KeyListModel::setMetadata(const QString& kid, std::string label, std::string notes,
                                       std::vector<std::string> tags)
{
    const QModelIndex index = indexOfKid(kid);
    if (!index.isValid()) {
        return fail(Errc::KeyNotFound, "no such key: " + toStdString(kid));
    }
    auto changed = m_keystore->setMetadata(toStdString(kid), std::move(label), std::move(notes), std::move(tags));
    emit dataChanged(index.siblingAtColumn(0), index.siblingAtColumn(ColumnCount - 1));
    return changed;
}

const keys::KeystoreEntry* KeyListModel::entry(const QModelIndex& index) const
{
    if (m_keystore == nullptr || !index.isValid() || index.row() >= rowCount()) {
        return nullptr;
    }
    return &m_keystore->entries()[static_cast<std::size_t>(index.row())];
}

QModelIndex KeyListModel::indexOfKid(const QString& kid) const
{
    for (int row = 0; row < rowCount(); ++row) {
        if (toQString(m_keystore->entries()[static_cast<std::size_t>(row)].kid()) == kid) {
            return index(row, 0);
        }
    }
    return {};
}

QString KeyListModel::typeText(const keys::Key& key)
{
    const QString kty = toQString(keys::ktyName(key.type()));
    switch (key.type()) {
    case keys::KeyType::Ec: return kty + ' ' + toQString(keys::curveName(key.curve()));
    case keys::KeyType::Okp: return toQString(keys::curveName(key.curve()));
    case keys::KeyType::Rsa:
    case keys::KeyType::Oct: return kty + ' ' + QString::number(key.bits());
    }
    return kty;
}

int KeyListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || m_keystore == nullptr ? 0 : static_cast<int>(m_keystore->entries().size());
}

int KeyListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant KeyListModel::data(const QModelIndex& index, int role) const
{
    const keys::KeystoreEntry* stored = entry(index);
    if (stored == nullptr) {
        return {};
    }
    if (role == KidRole) {
        return toQString(stored->kid());
    }
    if (role == Qt::ToolTipRole) {
        return toQString(stored->key.describe());
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (index.column()) {
    case LabelColumn: return toQString(stored->label);
    case TypeColumn: return typeText(stored->key);
    case KidColumn: return toQString(stored->kid());
    case CreatedColumn: return toQString(stored->created);
    case TagsColumn: {
        QStringList tags;
        for (const auto& tag : stored->tags) {
            tags << toQString(tag);
        }
        return tags.join(QStringLiteral(", "));
    }
    default: return {};
    }
}

QVariant KeyListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case LabelColumn: return tr("Label");
    case TypeColumn: return tr("Type");
    case KidColumn: return tr("Key ID");
    case CreatedColumn: return tr("Created");
    case TagsColumn: return tr("Tags");
    default: return {};
    }
}

} // namespace jwtwb::ui
