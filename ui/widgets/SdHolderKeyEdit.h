#pragma once

#include "keys/Key.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPlainTextEdit;

namespace jwtwb::ui {

// The holder's key for an SD-JWT's cnf.jwk: pasted key text of any kind keys::readKeys reads (PEM,
// DER as base64, a JWK). Only the public half is kept: a private key pasted here is not used to
// sign anything. Secrets and key sets are refused with the reason. Nothing here is ever saved.
class SdHolderKeyEdit : public QWidget
{
    Q_OBJECT

public:
    explicit SdHolderKeyEdit(QWidget* parent = nullptr);

    void setKeyText(const QString& text);
    [[nodiscard]] QString keyText() const;
    // The public key, or null while there is none (empty box, or what was given is not usable).
    [[nodiscard]] const keys::Key* key() const { return m_key ? &*m_key : nullptr; }
    [[nodiscard]] bool isEmpty() const;
    [[nodiscard]] QString errorText() const { return m_error; }

signals:
    void keyChanged();

protected:
    void changeEvent(QEvent* event) override;

private:
    void reread();
    void updateColor();

    QPlainTextEdit* m_text;
    QLabel* m_status;
    std::optional<keys::Key> m_key;
    QString m_error;
};

} // namespace jwtwb::ui
