#pragma once

#include "jose/ProofChecks.h"

#include <QFrame>
#include <QStringList>

#include <string_view>
#include <vector>

class QLabel;

namespace jwtwb::ui {

// The checks of a proof, one row each: its name in bold, its outcome ("✓ passed", "✗ failed",
// "– not checked") in the status colours, and its reason. On the base colour, where the outcome
// colours are easiest to read. A DPoP proof's checks and an SD-JWT's are shown with it.
class CheckList : public QFrame
{
    Q_OBJECT

public:
    // Labels are named `<prefix>Name_<id>`, `<prefix>Outcome_<id>` and `<prefix>Reason_<id>`.
    explicit CheckList(const QString& prefix, QWidget* parent = nullptr);

    int addRow(const QString& name, const QString& id); // returns the row's index
    void setRow(int row, jose::CheckOutcome outcome, const QString& reason);
    [[nodiscard]] jose::CheckOutcome outcome(int row) const;
    [[nodiscard]] QString reason(int row) const;
    [[nodiscard]] int rowCount() const { return static_cast<int>(m_rows.size()); }
    // "name: reason" of each failed row, in order.
    [[nodiscard]] QStringList failures() const;
    // Core's reason as a sentence, but a claim or header name that starts it keeps its case
    // ("sd_hash is …", "htm is …").
    [[nodiscard]] static QString sentence(std::string_view reason);

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Row {
        QLabel* name;
        QLabel* outcome;
        QLabel* reason;
        jose::CheckOutcome shown = jose::CheckOutcome::NotChecked;
    };

    void updateColors();

    QString m_prefix;
    std::vector<Row> m_rows;
};

} // namespace jwtwb::ui
