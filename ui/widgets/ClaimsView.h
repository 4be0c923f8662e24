#pragma once

#include <QTableView>

namespace jwtwb::ui {

// The claims table: short columns sized to their content, the meaning taking the rest and wrapping.
class ClaimsView : public QTableView
{
    Q_OBJECT

public:
    explicit ClaimsView(QWidget* parent = nullptr);

    void setModel(QAbstractItemModel* model) override;
};

} // namespace jwtwb::ui
