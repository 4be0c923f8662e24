#pragma once

#include "Error.h"
#include "keys/Key.h"
#include "keys/KeyImport.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QToolButton;

namespace jwtwb::ui {

// One line for a shared secret: hidden as it is typed (with a Show toggle) and an encoding the
// user names — UTF-8 text, base64, base64url or hex; it is never guessed, because the same text
// means different bytes in each. key() reads it with core's keys::importSecret.
class SecretField : public QWidget
{
    Q_OBJECT

public:
    explicit SecretField(QWidget* parent = nullptr);

    // Sets both at once, with one changed() signal.
    void setSecret(const QString& text, keys::SecretEncoding encoding);
    void setEncoding(keys::SecretEncoding encoding); // Auto is not offered: it selects UTF-8
    void setPlaceholderText(const QString& text);
    void clear();

    [[nodiscard]] QString text() const;
    [[nodiscard]] bool isEmpty() const;
    [[nodiscard]] keys::SecretEncoding encoding() const;
    [[nodiscard]] QString encodingText() const; // as the combo box shows it
    // The secret's bytes as an oct key, or why it cannot be read (e.g. not hex).
    [[nodiscard]] Result<keys::Key> key() const;

signals:
    void changed();

private:
    QLineEdit* m_edit;
    QToolButton* m_reveal;
    QComboBox* m_encoding;
};

} // namespace jwtwb::ui
