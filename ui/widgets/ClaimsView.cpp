#include "ClaimsView.h"

#include "models/ClaimsModel.h"

#include <QHeaderView>
#include <QLabel>

namespace jwtwb::ui {

ClaimsView::ClaimsView(QWidget* parent)
    : QTableView(parent)
    , m_note(new QLabel(this))
{
    m_note->setObjectName(QStringLiteral("undisclosedLabel"));
    m_note->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_note->setContentsMargins(4, 2, 4, 2);
    m_note->setAutoFillBackground(true);
    m_note->setBackgroundRole(QPalette::Window);
    m_note->hide();
    setWordWrap(true);
    setAlternatingRowColors(true);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setTabKeyNavigation(false); // Tab leaves the table (arrows move in it) instead of visiting every cell
    setTextElideMode(Qt::ElideMiddle);
    verticalHeader()->hide();
    verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
}

void ClaimsView::setModel(QAbstractItemModel* model)
{
    QTableView::setModel(model);
    auto* header = horizontalHeader();
    for (int column = 0; column < ClaimsModel::ColumnCount; ++column) {
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    }
    // An SD-JWT's disclosure, salt and digest right after the value, so that a narrow window shows them.
    for (const int column : {ClaimsModel::Disclosure, ClaimsModel::Salt, ClaimsModel::Digest}) {
        header->moveSection(header->visualIndex(column), ClaimsModel::Value + 1 + (column - ClaimsModel::Disclosure));
    }
    // A long value must not push the meaning out of sight: its full text is in the tooltip.
    header->setSectionResizeMode(ClaimsModel::Value, QHeaderView::Interactive);
    header->resizeSection(ClaimsModel::Value, fontMetrics().horizontalAdvance(QLatin1Char('x')) * 28);
    header->setSectionResizeMode(ClaimsModel::Meaning, QHeaderView::Stretch);
    if (auto* claims = qobject_cast<ClaimsModel*>(model)) {
        connect(claims, &QAbstractItemModel::modelReset, this, &ClaimsView::showSdJwtColumns, Qt::UniqueConnection);
    }
    showSdJwtColumns();
}

void ClaimsView::showSdJwtColumns()
{
    const auto* claims = qobject_cast<const ClaimsModel*>(model());
    const bool sdJwt = claims && claims->isSdJwt();
    for (const int column : {ClaimsModel::Disclosure, ClaimsModel::Salt, ClaimsModel::Digest}) {
        setColumnHidden(column, !sdJwt);
    }
    // Nine columns do not fit a normal window: an SD-JWT's rows stay one line each, and the meaning
    // is as wide as it needs, reached by scrolling, rather than wrapped into a tall narrow column.
    setWordWrap(!sdJwt);
    horizontalHeader()->setStretchLastSection(!sdJwt);
    horizontalHeader()->setSectionResizeMode(ClaimsModel::Meaning,
                                             sdJwt ? QHeaderView::ResizeToContents : QHeaderView::Stretch);
}

} // namespace jwtwb::ui

namespace jwtwb::ui {

void ClaimsView::setNote(const QString& note)
{
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
    updateGeometries();
}

// The note sits in a bottom margin of the viewport, between the rows and the horizontal scroll bar,
// so that the view stays the Claims tab itself.
void ClaimsView::updateGeometries()
{
    QTableView::updateGeometries();
    const QMargins margins = viewportMargins();
    const int height = m_note->isHidden() ? 0 : m_note->sizeHint().height();
    if (margins.bottom() != height) {
        setViewportMargins(margins.left(), margins.top(), margins.right(), height);
    }
    if (height > 0) {
        const QRect viewport = this->viewport()->geometry();
        m_note->setGeometry(frameWidth(), viewport.bottom() + 1, viewport.right() + 1 - frameWidth(), height);
    }
}

} // namespace jwtwb::ui
