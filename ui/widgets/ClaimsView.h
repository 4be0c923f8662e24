#pragma once

#include <QTableView>

class QLabel;

namespace jwtwb::ui {

// The claims table: short columns sized to their content, the meaning taking the rest and wrapping.
// The SD-JWT columns (disclosure, salt, digest) are shown for an SD-JWT's claims only.
class ClaimsView : public QTableView
{
    Q_OBJECT

public:
    explicit ClaimsView(QWidget* parent = nullptr);

    void setModel(QAbstractItemModel* model) override;
    // A line under the table (an SD-JWT's undisclosed digests); empty hides it.
    void setNote(const QString& note);
    [[nodiscard]] QLabel* noteLabel() const { return m_note; }

protected:
    void updateGeometries() override;

private:
    void showSdJwtColumns();

    QLabel* m_note;
};

} // namespace jwtwb::ui
