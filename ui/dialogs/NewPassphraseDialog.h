#pragma once

#include <QDialog>
#include <QString>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace jwtwb::ui {

// The passphrase to encrypt an exported private key with: typed twice, hidden; OK only when both
// are the same and not empty.
class ExportPassphraseDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ExportPassphraseDialog(const QString& label, QWidget* parent = nullptr);
    ~ExportPassphraseDialog() override;

    [[nodiscard]] QString passphrase() const;
    [[nodiscard]] bool isAcceptable() const;

private:
    void updateState();

    QLineEdit* m_first;
    QLineEdit* m_second;
    QLabel* m_problem;
    QDialogButtonBox* m_buttons;
};

} // namespace jwtwb::ui
