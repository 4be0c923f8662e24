#pragma once

#include "keys/Key.h"
#include "rotation/KeyRotation.h"

#include <QAbstractTableModel>
#include <QString>
#include <QStringList>

#include <vector>

namespace jwtwb::ui {

// The rehearsal's tokens, one a row: which key of the current and of the new set verifies each
// (or the verifier's reason why none does), what the rotation does to it, and when it expires.
class RotationTokenModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NumberColumn, SubjectColumn, OldKeyColumn, NewKeyColumn, FateColumn, LifetimeColumn, ColumnCount };

    explicit RotationTokenModel(QObject* parent = nullptr);

    // `retired` tells for each key of `after` whether it is retired; `subjects` is one per token.
    void setReport(rotation::RotationReport report, std::vector<keys::Key> before, std::vector<keys::Key> after,
                   std::vector<bool> retired, QStringList subjects);
    void clear();

    [[nodiscard]] const rotation::RotationReport& report() const { return m_report; }
    // Verified by a retired key of the new set: it fails once that key is removed.
    [[nodiscard]] bool dependsOnRetiredKey(int row) const;

    [[nodiscard]] static QString fateText(rotation::TokenFate fate);
    // "expires in 12 min", "expired 3 h ago", "no exp".
    [[nodiscard]] static QString lifetimeText(const rotation::TokenRotation& token, std::chrono::sys_seconds now);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    [[nodiscard]] QString displayText(int row, int column) const;
    [[nodiscard]] QVariant foreground(int row) const;

    rotation::RotationReport m_report;
    std::vector<keys::Key> m_before;
    std::vector<keys::Key> m_after;
    std::vector<bool> m_retired;
    QStringList m_subjects;
};

} // namespace jwtwb::ui
