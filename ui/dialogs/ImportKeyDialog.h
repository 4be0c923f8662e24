#pragma once

#include "keys/KeyImport.h"

#include <QDialog>
#include <QString>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTabWidget;

namespace jwtwb::ui {

class SecretField;

// "Import Keys": three ways in — paste text (JWK, JWK Set, PEM), open a key file (PEM, DER,
// certificate, JWK, JWK Set), or type a shared secret in an encoding the user names, with a label.
// It only collects the choice: the Keys page reads the file, asks for a PEM passphrase and adds
// the keys.
class ImportKeyDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Way { Text, File, Secret };
    struct Request {
        Way way = Way::Text;
        QString text; // Text: the pasted text; Secret: the secret as written
        QString path; // File
        keys::SecretEncoding encoding = keys::SecretEncoding::Utf8; // Secret
        QString label; // Secret: empty for the default label
    };

    explicit ImportKeyDialog(QWidget* parent = nullptr);
    ~ImportKeyDialog() override;

    void setWay(Way way);
    void setPath(const QString& path);
    [[nodiscard]] Request request() const;

private:
    void browse();
    void updateState();

    QTabWidget* m_ways;
    QPlainTextEdit* m_text;
    QLineEdit* m_path;
    SecretField* m_secret;
    QLineEdit* m_label;
    QLabel* m_secretStatus;
    QDialogButtonBox* m_buttons;
};

} // namespace jwtwb::ui
