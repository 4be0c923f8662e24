#include "RotationTokenModel.h"

#include "jose/Lifetime.h"
#include "support/Convert.h"
#include "support/Theme.h"

#include <QFont>
#include <QGuiApplication>

namespace jwtwb::ui {
namespace {

using rotation::TokenFate;

QString duration(std::chrono::sys_seconds from, std::chrono::sys_seconds to)
{
    return toQString(jose::humanDuration(std::chrono::duration_cast<std::chrono::seconds>(to - from)));
}

} // namespace

RotationTokenModel::RotationTokenModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void RotationTokenModel::setReport(rotation::RotationReport report, std::vector<keys::Key> before,
                                   std::vector<keys::Key> after, std::vector<bool> retired, QStringList subjects)
{
    beginResetModel();
    m_report = std::move(report);
    m_before = std::move(before);
    m_after = std::move(after);
    m_retired = std::move(retired);
    m_subjects = std::move(subjects);
    endResetModel();
}

void RotationTokenModel::clear()
{
    setReport({}, {}, {}, {}, {});
}

bool RotationTokenModel::dependsOnRetiredKey(int row) const
{
    if (row < 0 || row >= rowCount()) {
        return false;
    }
    const auto& after = m_report.tokens[static_cast<std::size_t>(row)].after;
    return after.verifies && after.keyIndex && *after.keyIndex < m_retired.size() && m_retired[*after.keyIndex];
}

QString RotationTokenModel::fateText(TokenFate fate)
{
    switch (fate) {
    case TokenFate::Unaffected: return tr("Unaffected");
    case TokenFate::Breaks: return tr("Breaks");
    case TokenFate::BreaksExpired: return tr("Breaks (expired anyway)");
    case TokenFate::StartsVerifying: return tr("Starts verifying");
    case TokenFate::NeverVerifies: return tr("Never verifies");
    }
    return {};
}

QString RotationTokenModel::lifetimeText(const rotation::TokenRotation& token, std::chrono::sys_seconds now)
{
    if (!token.error.empty()) {
        return QStringLiteral("—");
    }
    if (!token.expires) {
        return tr("no exp");
    }
    return token.expired ? tr("expired %1 ago").arg(duration(*token.expires, now))
                         : tr("expires in %1").arg(duration(now, *token.expires));
}

QString RotationTokenModel::displayText(int row, int column) const
{
    const auto& token = m_report.tokens[static_cast<std::size_t>(row)];
    const auto keyOrReason = [&token](const rotation::SetVerdict& verdict, std::span<const keys::Key> set) {
        if (!token.error.empty()) {
            return toQString(token.error);
        }
        if (verdict.verifies && verdict.keyIndex) {
            return toQString(rotation::keyLabel(set, *verdict.keyIndex));
        }
        return tr("none: %1").arg(toQString(verdict.reason));
    };
    switch (column) {
    case NumberColumn: return QString::number(row + 1);
    case SubjectColumn: return m_subjects.value(row).isEmpty() ? QStringLiteral("—") : m_subjects.value(row);
    case OldKeyColumn: return keyOrReason(token.before, m_before);
    case NewKeyColumn: {
        const QString text = keyOrReason(token.after, m_after);
        return dependsOnRetiredKey(row) ? tr("%1 (retired)").arg(text) : text;
    }
    case FateColumn:
        return dependsOnRetiredKey(row) ? tr("Fails once the retired key is removed") : fateText(token.fate);
    case LifetimeColumn: return lifetimeText(token, m_report.now);
    }
    return {};
}

QVariant RotationTokenModel::foreground(int row) const
{
    const StatusColors colors = statusColors(QGuiApplication::palette());
    switch (m_report.tokens[static_cast<std::size_t>(row)].fate) {
    case TokenFate::Breaks: return colors.bad;
    case TokenFate::StartsVerifying: return colors.good;
    case TokenFate::Unaffected: return dependsOnRetiredKey(row) ? QVariant(colors.warning) : QVariant();
    case TokenFate::BreaksExpired:
    case TokenFate::NeverVerifies: return {};
    }
    return {};
}

int RotationTokenModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_report.tokens.size());
}

int RotationTokenModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RotationTokenModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const int row = index.row();
    switch (role) {
    case Qt::DisplayRole: return displayText(row, index.column());
    case Qt::ToolTipRole:
        return index.column() == NumberColumn ? toQString(m_report.tokens[static_cast<std::size_t>(row)].token)
                                              : displayText(row, index.column());
    case Qt::ForegroundRole: return index.column() == FateColumn ? foreground(row) : QVariant();
    case Qt::FontRole:
        if (index.column() == FateColumn && m_report.tokens[static_cast<std::size_t>(row)].fate == TokenFate::Breaks) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::UserRole: return static_cast<int>(m_report.tokens[static_cast<std::size_t>(row)].fate);
    }
    return {};
}

QVariant RotationTokenModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case NumberColumn: return tr("#");
    case SubjectColumn: return tr("Subject (sub)");
    case OldKeyColumn: return tr("Current set");
    case NewKeyColumn: return tr("New set");
    case FateColumn: return tr("Fate");
    case LifetimeColumn: return tr("Lifetime");
    }
    return {};
}

} // namespace jwtwb::ui
