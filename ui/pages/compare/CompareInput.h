#pragma once

#include "TokenComparison.h"

#include <QWidget>

class QLabel;

namespace jwtwb::ui {

class TokenEdit;

// One of the Compare page's two inputs: a title, the token editor and a line that says what was
// found, or why nothing can be compared.
class CompareInput : public QWidget
{
    Q_OBJECT

public:
    CompareInput(const QString& title, const QString& name, QWidget* parent = nullptr);

    void setText(const QString& text);
    [[nodiscard]] QString text() const;
    [[nodiscard]] const ComparedToken& token() const { return m_token; }
    [[nodiscard]] TokenEdit* editor() const { return m_edit; }

signals:
    void tokenChanged();

protected:
    void changeEvent(QEvent* event) override;

private:
    void read();
    void updateStatus();

    TokenEdit* m_edit;
    QLabel* m_status;
    ComparedToken m_token;
    QString m_readText;
};

} // namespace jwtwb::ui
