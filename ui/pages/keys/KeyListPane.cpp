#include "KeyListPane.h"

#include "models/KeyListModel.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace jwtwb::ui {

KeyListPane::KeyListPane(KeyListModel* model, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_filter(new QSortFilterProxyModel(this))
    , m_filterEdit(new QLineEdit(this))
    , m_view(new QTreeView(this))
{
    m_filter->setSourceModel(m_model);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filter->setFilterKeyColumn(-1);
    m_filterEdit->setObjectName(QStringLiteral("filter"));
    m_filterEdit->setPlaceholderText(tr("Filter by label, type, kid or tag"));
    m_filterEdit->setClearButtonEnabled(true);
    m_view->setObjectName(QStringLiteral("keyList"));
    m_view->setModel(m_filter);
    m_view->setRootIsDecorated(false);
    m_view->setSortingEnabled(true);
    // By label, A to Z whatever the case, as the header's arrow says (Qt's default: descending, case-sensitive).
    m_filter->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_view->sortByColumn(KeyListModel::LabelColumn, Qt::AscendingOrder);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->header()->setStretchLastSection(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);

    // Widths follow the contents: keys added after unlocking have longer labels than the header.
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &KeyListPane::fitColumns);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &KeyListPane::fitColumns);
    connect(m_filter, &QAbstractItemModel::dataChanged, this, &KeyListPane::fitColumns);
    connect(m_filterEdit, &QLineEdit::textChanged, m_filter, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &KeyListPane::currentChanged);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &KeyListPane::currentChanged);
}

const keys::KeystoreEntry* KeyListPane::currentEntry() const
{
    return m_model->entry(m_filter->mapToSource(m_view->currentIndex()));
}

QList<const keys::KeystoreEntry*> KeyListPane::selectedEntries() const
{
    QList<const keys::KeystoreEntry*> entries;
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    for (const QModelIndex& row : rows) {
        if (const keys::KeystoreEntry* entry = m_model->entry(m_filter->mapToSource(row))) {
            entries << entry;
        }
    }
    if (entries.isEmpty() && currentEntry() != nullptr) {
        entries << currentEntry();
    }
    return entries;
}

void KeyListPane::selectKid(const QString& kid)
{
    const QModelIndex index = m_filter->mapFromSource(m_model->indexOfKid(kid));
    if (index.isValid()) {
        m_view->setCurrentIndex(index);
    }
}

void KeyListPane::clearFilter()
{
    m_filterEdit->clear();
}

// Label, type and date as wide as their longest entry; the kid (a 43-character thumbprint) gets a
// fixed share; the tags take the rest.
void KeyListPane::fitColumns()
{
    for (const int column : {KeyListModel::LabelColumn, KeyListModel::TypeColumn, KeyListModel::CreatedColumn}) {
        m_view->resizeColumnToContents(column);
    }
    m_view->setColumnWidth(KeyListModel::KidColumn, m_view->fontMetrics().horizontalAdvance(QLatin1Char('M')) * 16);
}

} // namespace jwtwb::ui
