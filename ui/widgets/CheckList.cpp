#include "CheckList.h"

#include "support/Convert.h"
#include "support/Labels.h"
#include "support/Theme.h"

#include <QApplication>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QRegularExpression>

namespace jwtwb::ui {

CheckList::CheckList(const QString& prefix, QWidget* parent)
    : QFrame(parent)
    , m_prefix(prefix)
{
    setFrameShape(QFrame::StyledPanel);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    auto* grid = new QGridLayout(this);
    grid->setColumnStretch(2, 1);
    grid->setHorizontalSpacing(12);
}

int CheckList::addRow(const QString& name, const QString& id)
{
    Row row{new QLabel(name, this), new QLabel(this), new QLabel(this)};
    row.name->setObjectName(QStringLiteral("%1Name_%2").arg(m_prefix, id));
    row.outcome->setObjectName(QStringLiteral("%1Outcome_%2").arg(m_prefix, id));
    row.reason->setObjectName(QStringLiteral("%1Reason_%2").arg(m_prefix, id));
    QFont bold = row.name->font();
    bold.setBold(true);
    row.name->setFont(bold);
    row.reason->setWordWrap(true);
    row.reason->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* grid = static_cast<QGridLayout*>(layout());
    const int at = static_cast<int>(m_rows.size());
    grid->addWidget(row.name, at, 0, Qt::AlignTop);
    grid->addWidget(row.outcome, at, 1, Qt::AlignTop);
    grid->addWidget(row.reason, at, 2, Qt::AlignTop);
    m_rows.push_back(row);
    setRow(at, jose::CheckOutcome::NotChecked, {});
    return at;
}

void CheckList::setRow(int row, jose::CheckOutcome outcome, const QString& reason)
{
    Row& shown = m_rows.at(static_cast<std::size_t>(row));
    shown.shown = outcome;
    shown.outcome->setText(outcome == jose::CheckOutcome::Passed       ? tr("✓ passed")
                               : outcome == jose::CheckOutcome::Failed ? tr("✗ failed")
                                                                       : tr("– not checked"));
    shown.reason->setText(reason);
    updateColors();
}

jose::CheckOutcome CheckList::outcome(int row) const
{
    return m_rows.at(static_cast<std::size_t>(row)).shown;
}

QString CheckList::reason(int row) const
{
    return m_rows.at(static_cast<std::size_t>(row)).reason->text();
}

QStringList CheckList::failures() const
{
    QStringList out;
    for (const Row& row : m_rows) {
        if (row.shown == jose::CheckOutcome::Failed) {
            out << tr("%1: %2").arg(row.name->text(), row.reason->text());
        }
    }
    return out;
}

QString CheckList::sentence(std::string_view reason)
{
    static const QRegularExpression name(
        QStringLiteral("^(typ|jwk|jti|htm|htu|iat|ath|aud|nonce|sd_hash|cnf\\.jkt|cnf\\.jwk|cnf)\\b"));
    QString out = toQString(reason);
    if (!out.isEmpty() && !name.match(out).hasMatch()) {
        out[0] = out[0].toUpper();
    }
    if (!out.isEmpty() && !out.endsWith(QLatin1Char('.'))) {
        out += QLatin1Char('.');
    }
    return out;
}

void CheckList::changeEvent(QEvent* event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::ApplicationPaletteChange || event->type() == QEvent::PaletteChange) {
        updateColors();
    }
}

void CheckList::updateColors()
{
    const StatusColors colors = statusColors(QApplication::palette());
    const QColor neutral = QApplication::palette().color(QPalette::Text);
    for (const Row& row : m_rows) {
        setTextColor(row.outcome,
                     row.shown == jose::CheckOutcome::Passed       ? colors.good
                         : row.shown == jose::CheckOutcome::Failed ? colors.bad
                                                                   : neutral);
    }
}

} // namespace jwtwb::ui
