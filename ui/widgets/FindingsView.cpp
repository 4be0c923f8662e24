#include "FindingsView.h"

#include <QHeaderView>
#include <QStyledItemDelegate>

namespace jwtwb::ui {
namespace {

// The default delegate measures wrapped text at a width it does not know, and cuts explanations
// short: measure them at the width the view gives them.
class ExplanationDelegate : public QStyledItemDelegate
{
public:
    explicit ExplanationDelegate(QTreeView* view)
        : QStyledItemDelegate(view)
        , m_view(view)
    { }

    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        const QSize hint = QStyledItemDelegate::sizeHint(option, index);
        if (!index.parent().isValid()) {
            return hint;
        }
        constexpr int kMargin = 8;
        const int width = std::max(100, m_view->viewport()->width() - 2 * m_view->indentation() - kMargin);
        const QRect text
            = option.fontMetrics.boundingRect(QRect(0, 0, width, 1 << 20), Qt::TextWordWrap, index.data().toString());
        return {hint.width(), std::max(hint.height(), text.height() + kMargin)};
    }

private:
    QTreeView* m_view;
};

} // namespace

FindingsView::FindingsView(QWidget* parent)
    : QTreeView(parent)
{
    setHeaderHidden(true);
    setWordWrap(true);
    setUniformRowHeights(false);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setTextElideMode(Qt::ElideNone);
    setItemDelegate(new ExplanationDelegate(this));
    header()->setStretchLastSection(true);
    connect(this, &QTreeView::clicked, this, [this](const QModelIndex& index) {
        if (!index.parent().isValid()) {
            setExpanded(index, !isExpanded(index));
        }
    });
}

void FindingsView::resizeEvent(QResizeEvent* event)
{
    QTreeView::resizeEvent(event);
    scheduleDelayedItemsLayout(); // wrapped explanations need new heights at a new width
}

} // namespace jwtwb::ui
