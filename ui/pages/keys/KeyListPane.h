#pragma once

#include "keys/KeystoreEntry.h"

#include <QList>
#include <QWidget>

class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;

namespace jwtwb::ui {

class KeyListModel;

// The stored keys as a sortable table with a filter (label, type, kid or tag).
class KeyListPane : public QWidget
{
    Q_OBJECT

public:
    explicit KeyListPane(KeyListModel* model, QWidget* parent = nullptr);

    // The key under the cursor, or nullptr.
    [[nodiscard]] const keys::KeystoreEntry* currentEntry() const;
    // Every selected key in the order shown; at least the current one when there is one.
    [[nodiscard]] QList<const keys::KeystoreEntry*> selectedEntries() const;
    void selectKid(const QString& kid);
    void clearFilter();

    [[nodiscard]] QLineEdit* filterEdit() const { return m_filterEdit; }
    [[nodiscard]] QTreeView* view() const { return m_view; }

signals:
    void currentChanged();

private:
    void fitColumns();

    KeyListModel* m_model;
    QSortFilterProxyModel* m_filter;
    QLineEdit* m_filterEdit;
    QTreeView* m_view;
};

} // namespace jwtwb::ui
