#pragma once

#include "crypto/SecureBytes.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QProgressBar;

namespace jwtwb::ui {

// A new passphrase, typed twice: the two must agree, so that one typo cannot lock the user out of
// what the passphrase protects. Its strength is estimated as the user types (zxcvbn, on KeePassXC's
// scale) and a weak one gets a warning, which informs and does not refuse.
// Children: newPassphrase, newPassphraseAgain, passphraseStrength (the meter), passphraseQuality (its
// words: "Weak, about 47 bits"), passphraseAdvice.
class NewPassphraseFields : public QWidget
{
    Q_OBJECT

public:
    explicit NewPassphraseFields(QWidget* parent = nullptr);
    ~NewPassphraseFields() override;

    // Not empty, and both entries agree.
    [[nodiscard]] bool isComplete() const;
    // The passphrase (when complete), and both fields cleared.
    [[nodiscard]] crypto::SecureBytes takePassphrase();
    void clear();

    [[nodiscard]] QLineEdit* firstEdit() const { return m_first; }
    [[nodiscard]] QLineEdit* againEdit() const { return m_again; }

signals:
    void changed();
    void submitted(); // Return in the second field when complete

private:
    void update();

    QLineEdit* m_first;
    QLineEdit* m_again;
    QProgressBar* m_meter;
    QLabel* m_quality;
    QLabel* m_advice;
};

} // namespace jwtwb::ui
