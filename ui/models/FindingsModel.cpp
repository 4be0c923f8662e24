#include "FindingsModel.h"

#include "support/Convert.h"
#include "support/Theme.h"

#include <QApplication>
#include <QStyle>

namespace jwtwb::ui {
namespace {

// internalId: 0 for a finding, finding row + 1 for its explanation.
constexpr quintptr kTopLevel = 0;

} // namespace

FindingsModel::FindingsModel(QObject* parent)
    : QAbstractItemModel(parent)
{ }

void FindingsModel::setFindings(std::vector<inspect::Finding> findings, std::vector<QString> codes)
{
    beginResetModel();
    m_findings = std::move(findings);
    m_codes = std::move(codes);
    endResetModel();
}

QModelIndex FindingsModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent)) {
        return {};
    }
    if (!parent.isValid()) {
        return createIndex(row, column, kTopLevel);
    }
    return createIndex(row, column, static_cast<quintptr>(parent.row()) + 1);
}

QModelIndex FindingsModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == kTopLevel) {
        return {};
    }
    return createIndex(static_cast<int>(child.internalId() - 1), 0, kTopLevel);
}

int FindingsModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid()) {
        return static_cast<int>(m_findings.size());
    }
    return parent.internalId() == kTopLevel && parent.column() == 0 ? 1 : 0;
}

int FindingsModel::columnCount(const QModelIndex& /*parent*/) const
{
    return 1;
}

QVariant FindingsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const bool explanation = index.internalId() != kTopLevel;
    const inspect::Finding& finding
        = m_findings[static_cast<std::size_t>(explanation ? index.internalId() - 1 : index.row())];
    switch (role) {
    case Qt::DisplayRole:
        if (explanation) {
            return tr("%1\n\nReference: %2").arg(toQString(finding.explanation), toQString(finding.reference));
        }
        return finding.location.empty() ? toQString(finding.title)
                                        : tr("%1 (%2)").arg(toQString(finding.title), toQString(finding.location));
    case Qt::DecorationRole:
        if (explanation) {
            return {};
        }
        return QApplication::style()->standardIcon(
            finding.severity == inspect::Severity::Error         ? QStyle::SP_MessageBoxCritical
                : finding.severity == inspect::Severity::Warning ? QStyle::SP_MessageBoxWarning
                                                                 : QStyle::SP_MessageBoxInformation);
    case Qt::ForegroundRole: {
        if (explanation || finding.severity == inspect::Severity::Info) {
            return {};
        }
        const StatusColors colors = statusColors(QApplication::palette());
        return finding.severity == inspect::Severity::Error ? colors.bad : colors.warning;
    }
    case Qt::ToolTipRole: return explanation ? QVariant() : toQString(inspect::severityName(finding.severity));
    case CodeRole: {
        const auto row = static_cast<std::size_t>(explanation ? index.internalId() - 1 : index.row());
        return row < m_codes.size() && !m_codes[row].isEmpty() ? m_codes[row]
                                                               : toQString(inspect::findingCodeName(finding.code));
    }
    case SeverityRole: return static_cast<int>(finding.severity);
    default: return {};
    }
}

} // namespace jwtwb::ui
