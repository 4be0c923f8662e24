#include "RotationKeyModel.h"

#include "encoding/Base64Url.h"
#include "keys/Thumbprint.h"
#include "support/Convert.h"

#include <QFont>

#include <algorithm>

namespace jwtwb::ui {
namespace {

RotationKey entryOf(keys::Key key, bool added)
{
    QString thumbprint;
    if (const auto digest = keys::thumbprint(key)) {
        thumbprint = toQString(encoding::base64UrlEncode(*digest));
    }
    return {std::move(key), added, KeyState::Keep, thumbprint};
}

bool inNewSet(const RotationKey& entry, bool withRetired)
{
    return entry.state == KeyState::Keep || (withRetired && entry.state == KeyState::Retire);
}

} // namespace

RotationKeyModel::RotationKeyModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

int RotationKeyModel::find(const RotationKey& entry) const
{
    const auto found = std::ranges::find_if(m_entries, [&](const RotationKey& own) {
        return own.thumbprint == entry.thumbprint && own.key.parameters().kid == entry.key.parameters().kid;
    });
    return found == m_entries.end() ? -1 : static_cast<int>(found - m_entries.begin());
}

void RotationKeyModel::setCurrentKeys(std::vector<keys::Key> keys)
{
    std::vector<RotationKey> entries;
    for (auto& key : keys) {
        RotationKey entry = entryOf(std::move(key), false);
        if (const int old = find(entry); old >= 0 && !m_entries[static_cast<std::size_t>(old)].added) {
            entry.state = m_entries[static_cast<std::size_t>(old)].state;
        }
        entries.push_back(std::move(entry));
    }
    for (auto& entry : m_entries) {
        if (entry.added) {
            entries.push_back(std::move(entry));
        }
    }
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
    emit keysChanged();
}

int RotationKeyModel::addKeys(std::vector<keys::Key> keys)
{
    int added = 0;
    for (auto& key : keys) {
        RotationKey entry = entryOf(std::move(key), true);
        if (find(entry) >= 0) {
            continue;
        }
        const int row = static_cast<int>(m_entries.size());
        beginInsertRows({}, row, row);
        m_entries.push_back(std::move(entry));
        endInsertRows();
        ++added;
    }
    if (added > 0) {
        emit keysChanged();
    }
    return added;
}

void RotationKeyModel::setState(int row, KeyState state)
{
    if (row < 0 || row >= rowCount() || m_entries[static_cast<std::size_t>(row)].state == state) {
        return;
    }
    m_entries[static_cast<std::size_t>(row)].state = state;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    emit keysChanged();
}

void RotationKeyModel::clear()
{
    beginResetModel();
    m_entries.clear();
    endResetModel();
    emit keysChanged();
}

std::vector<keys::Key> RotationKeyModel::currentSet() const
{
    std::vector<keys::Key> set;
    for (const auto& entry : m_entries) {
        if (!entry.added) {
            set.push_back(entry.key);
        }
    }
    return set;
}

std::vector<keys::Key> RotationKeyModel::newSet(bool withRetired) const
{
    std::vector<keys::Key> set;
    for (const auto& entry : m_entries) {
        if (inNewSet(entry, withRetired)) {
            set.push_back(entry.key);
        }
    }
    return set;
}

bool RotationKeyModel::isRetiredInNewSet(std::size_t index) const
{
    for (const auto& entry : m_entries) {
        if (inNewSet(entry, true) && index-- == 0) {
            return entry.state == KeyState::Retire;
        }
    }
    return false;
}

int RotationKeyModel::retiredCount() const
{
    return static_cast<int>(std::ranges::count(m_entries, KeyState::Retire, &RotationKey::state));
}

QString RotationKeyModel::stateName(KeyState state)
{
    switch (state) {
    case KeyState::Keep: return tr("Keep");
    case KeyState::Retire: return tr("Retire");
    case KeyState::Remove: return tr("Remove");
    }
    return {};
}

int RotationKeyModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int RotationKeyModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RotationKeyModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const RotationKey& entry = m_entries[static_cast<std::size_t>(index.row())];
    const auto& parameters = entry.key.parameters();
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case KeyColumn: return parameters.kid.empty() ? tr("(no kid)") : toQString(parameters.kid);
        case TypeColumn: {
            const QString type = toQString(entry.key.describe());
            return parameters.alg.empty() ? type : QStringLiteral("%1 · %2").arg(type, toQString(parameters.alg));
        }
        case ThumbprintColumn: return entry.thumbprint.left(12);
        case StateColumn: return entry.added ? tr("%1 (added)").arg(stateName(entry.state)) : stateName(entry.state);
        }
    } else if (role == Qt::ToolTipRole && index.column() == ThumbprintColumn) {
        return entry.thumbprint;
    } else if (role == Qt::FontRole && entry.state == KeyState::Remove) {
        QFont font;
        font.setStrikeOut(true);
        return font;
    }
    return {};
}

QVariant RotationKeyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case KeyColumn: return tr("Key (kid)");
    case TypeColumn: return tr("Type");
    case ThumbprintColumn: return tr("Thumbprint");
    case StateColumn: return tr("State");
    }
    return {};
}

} // namespace jwtwb::ui
