#pragma once

#include "inspect/TokenDiff.h"

#include <QWidget>

class QCheckBox;
class QLabel;

namespace jwtwb::ui {

class CompareInput;
class TokenDiffView;

// Two tokens side by side: their headers and claims aligned member by member, what was added,
// removed or changed, times as differences, and the algorithms and kids at the top.
class ComparePage : public QWidget
{
    Q_OBJECT

public:
    explicit ComparePage(QWidget* parent = nullptr);

    void setTokens(const QString& first, const QString& second);
    void setFirstToken(const QString& text);
    [[nodiscard]] CompareInput* firstInput() const { return m_first; }
    [[nodiscard]] CompareInput* secondInput() const { return m_second; }
    [[nodiscard]] TokenDiffView* diffView() const { return m_view; }
    // The comparison shown; empty until both sides hold a token.
    [[nodiscard]] const std::optional<inspect::TokenDiff>& diff() const { return m_diff; }

private:
    void compare();

    CompareInput* m_first;
    CompareInput* m_second;
    QLabel* m_algorithms;
    QLabel* m_summary;
    QCheckBox* m_hideSame;
    TokenDiffView* m_view;
    std::optional<inspect::TokenDiff> m_diff;
};

} // namespace jwtwb::ui
