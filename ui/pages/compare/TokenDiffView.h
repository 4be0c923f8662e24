#pragma once

#include "inspect/TokenDiff.h"

#include <QTreeWidget>

namespace jwtwb::ui {

// Two tokens' header parameters and claims side by side, member by member: name, first value,
// second value and the change, as a word in a colour of its own. Grouped under Header and Claims.
class TokenDiffView : public QTreeWidget
{
    Q_OBJECT

public:
    enum Column { Member, First, Second, Change, ColumnCount };
    static constexpr int kChangeRole = Qt::UserRole + 1; // the row's inspect::MemberChange, as int

    explicit TokenDiffView(QWidget* parent = nullptr);

    void setDiff(const inspect::TokenDiff& diff);
    void clearDiff();
    // Hides the rows whose member is the same in both tokens.
    void setHideSame(bool hide);

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyVisibility();
    void updateColors();

    bool m_hideSame = false;
};

} // namespace jwtwb::ui
