#include "TokenDiffView.h"

#include "TokenComparison.h"
#include "support/Convert.h"
#include "support/Theme.h"

#include <QEvent>
#include <QHeaderView>

namespace jwtwb::ui {
namespace {

QColor changeColor(const QPalette& palette, inspect::MemberChange change)
{
    const StatusColors colors = statusColors(palette);
    switch (change) {
    case inspect::MemberChange::Added: return colors.good;
    case inspect::MemberChange::Removed: return colors.bad;
    case inspect::MemberChange::Changed: return colors.warning;
    case inspect::MemberChange::Same: break;
    }
    return palette.color(QPalette::Text);
}

} // namespace

TokenDiffView::TokenDiffView(QWidget* parent)
    : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("diffView"));
    setColumnCount(ColumnCount);
    setHeaderLabels({tr("Member"), tr("First token"), tr("Second token"), tr("Change")});
    setRootIsDecorated(true);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setTextElideMode(Qt::ElideRight);
    header()->setSectionResizeMode(Member, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(First, QHeaderView::Stretch);
    header()->setSectionResizeMode(Second, QHeaderView::Stretch);
    header()->setSectionResizeMode(Change, QHeaderView::ResizeToContents);
    header()->setStretchLastSection(false);
}

void TokenDiffView::clearDiff()
{
    clear();
}

void TokenDiffView::setDiff(const inspect::TokenDiff& diff)
{
    clear();
    QTreeWidgetItem* headerGroup = nullptr;
    QTreeWidgetItem* payloadGroup = nullptr;
    for (const auto& member : diff.members) {
        const bool inHeader = member.part == "header";
        QTreeWidgetItem*& group = inHeader ? headerGroup : payloadGroup;
        if (!group) {
            group = new QTreeWidgetItem(this,
                                        {inHeader                      ? tr("Header")
                                             : diff.payloadsComparable ? tr("Claims")
                                                                       : tr("Payload")});
            group->setFirstColumnSpanned(true);
            QFont font = group->font(Member);
            font.setBold(true);
            group->setFont(Member, font);
            group->setFlags(Qt::ItemIsEnabled);
        }
        auto* row = new QTreeWidgetItem(group);
        row->setText(Member, toQString(member.name));
        row->setText(First, TokenComparison::valueText(member, member.before));
        row->setText(Second, TokenComparison::valueText(member, member.after));
        row->setText(Change, TokenComparison::changeText(member));
        for (int column : {First, Second}) {
            row->setToolTip(column, row->text(column));
        }
        row->setData(Change, kChangeRole, static_cast<int>(member.change));
    }
    expandAll();
    applyVisibility();
    updateColors();
}

void TokenDiffView::setHideSame(bool hide)
{
    m_hideSame = hide;
    applyVisibility();
}

void TokenDiffView::applyVisibility()
{
    for (int g = 0; g < topLevelItemCount(); ++g) {
        QTreeWidgetItem* group = topLevelItem(g);
        bool anyShown = false;
        for (int r = 0; r < group->childCount(); ++r) {
            QTreeWidgetItem* row = group->child(r);
            const bool same = row->data(Change, kChangeRole).toInt() == static_cast<int>(inspect::MemberChange::Same);
            row->setHidden(m_hideSame && same);
            anyShown = anyShown || !row->isHidden();
        }
        group->setHidden(!anyShown);
    }
}

void TokenDiffView::updateColors()
{
    for (int g = 0; g < topLevelItemCount(); ++g) {
        QTreeWidgetItem* group = topLevelItem(g);
        for (int r = 0; r < group->childCount(); ++r) {
            QTreeWidgetItem* row = group->child(r);
            const auto change = static_cast<inspect::MemberChange>(row->data(Change, kChangeRole).toInt());
            const QColor color = changeColor(palette(), change);
            for (int column : {Member, Change}) {
                row->setForeground(column, color);
            }
        }
    }
}

void TokenDiffView::changeEvent(QEvent* event)
{
    QTreeWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange) {
        updateColors();
    }
}

} // namespace jwtwb::ui
