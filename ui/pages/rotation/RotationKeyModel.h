#pragma once

#include "keys/Key.h"

#include <QAbstractTableModel>
#include <QString>

#include <vector>

namespace jwtwb::ui {

// What the rotation does with a key. A retired key stays published, so that the tokens it signed
// keep verifying until they expire, but it signs nothing new; removing it is the next step.
enum class KeyState { Keep, Retire, Remove };

struct RotationKey {
    keys::Key key;
    bool added = false; // in the new set only
    KeyState state = KeyState::Keep;
    QString thumbprint; // RFC 7638 SHA-256, base64url
};

// The keys of a rehearsal: the current set (what verifiers use today) and the keys added for the
// new one, each with its state. The new set is every key that is kept or retired, added ones too.
class RotationKeyModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { KeyColumn, TypeColumn, ThumbprintColumn, StateColumn, ColumnCount };

    explicit RotationKeyModel(QObject* parent = nullptr);

    // Replaces the current set; a key that was there before (same thumbprint and kid) keeps its state.
    void setCurrentKeys(std::vector<keys::Key> keys);
    // Adds keys to the new set; keys already in the list are left out. Returns how many were added.
    int addKeys(std::vector<keys::Key> keys);
    void setState(int row, KeyState state);
    void clear();

    [[nodiscard]] const std::vector<RotationKey>& entries() const { return m_entries; }
    [[nodiscard]] std::vector<keys::Key> currentSet() const;
    // Kept, retired and added keys; `withRetired` false leaves the retired ones out.
    [[nodiscard]] std::vector<keys::Key> newSet(bool withRetired = true) const;
    // Whether key `index` of newSet() is retired.
    [[nodiscard]] bool isRetiredInNewSet(std::size_t index) const;
    [[nodiscard]] int retiredCount() const;

    [[nodiscard]] static QString stateName(KeyState state);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void keysChanged();

private:
    [[nodiscard]] int find(const RotationKey& entry) const;

    std::vector<RotationKey> m_entries; // the current set first, in its order, then the added keys
};

} // namespace jwtwb::ui
