#include "ClaimsView.h"

#include "models/ClaimsModel.h"

#include <QHeaderView>

namespace jwtwb::ui {

ClaimsView::ClaimsView(QWidget* parent)
    : QTableView(parent)
{
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
    for (int column = 0; column < ClaimsModel::Meaning; ++column) {
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
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
}

} // namespace jwtwb::ui
