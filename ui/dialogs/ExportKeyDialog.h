#pragma once

#include "keys/Key.h"
#include "support/KeyExportText.h"

#include <QDialog>
#include <QString>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace jwtwb::ui {

// "Export to File…": the format (public JWK, JWK Set, PEM; private JWK, PEM, encrypted PEM) and the
// file. It only collects the choice: the Keys page confirms private exports, asks for the PEM's
// passphrase and writes the file.
class ExportKeyDialog : public QDialog
{
    Q_OBJECT

public:
    struct Choice {
        KeyExportFormat format = KeyExportFormat::PublicJwk;
        QString path;
    };

    // `key` and `label`: the selected key, for the formats that apply and the suggested file name.
    ExportKeyDialog(const keys::Key& key, const QString& label, QWidget* parent = nullptr);

    void setFormat(KeyExportFormat format);
    void setPath(const QString& path);
    [[nodiscard]] Choice choice() const;

    void accept() override;

private:
    void browse();
    void formatChanged();
    [[nodiscard]] KeyExportFormat format() const;

    QComboBox* m_format;
    QLabel* m_note;
    QLineEdit* m_path;
    QDialogButtonBox* m_buttons;
    QString m_baseName;
    QString m_confirmedPath; // the file dialog already asked about replacing it
};

} // namespace jwtwb::ui
