#pragma once

#include <QTableView>

namespace jwtwb::ui {

// The claims table: short columns sized to their content, the meaning taking the rest and wrapping.
// The SD-JWT columns (disclosure, salt, digest) are shown for an SD-JWT's claims only.
class ClaimsView : public QTableView
{
    Q_OBJECT

public:
    explicit ClaimsView(QWidget* parent = nullptr);

    void setModel(QAbstractItemModel* model) override;

private:
    void showSdJwtColumns();
};

} // namespace jwtwb::ui
