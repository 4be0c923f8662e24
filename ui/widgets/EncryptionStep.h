#pragma once

#include "encoding/Json.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;

namespace jwtwb::ui {

class KeyInput;
class KeystoreSession;

// The signer's optional last step: encrypt the signed token (a nested JWT, "cty": "JWT"), or the
// claims instead of signing them, to a recipient's public key or with a shared key or passphrase.
// Only the "alg" and "enc" the key fits are offered (jwe::keyAlgorithmsForKey), as the signer
// offers only the JWS algorithms its key can do; a choice the key cannot do waits until it can.
class EncryptionStep : public QWidget
{
    Q_OBJECT

public:
    enum class Mode { Off, AfterSigning, InsteadOfSigning };

    explicit EncryptionStep(QWidget* parent = nullptr);

    void setMode(Mode mode);
    [[nodiscard]] Mode mode() const;
    [[nodiscard]] KeyInput* keyInput() const { return m_keyInput; }
    void setKeystoreSession(KeystoreSession* session); // not owned

    // The names offered for the key given, and the ones chosen ("" while there is none).
    [[nodiscard]] QStringList algorithms() const;
    [[nodiscard]] QStringList encryptions() const;
    [[nodiscard]] QString algorithm() const;
    [[nodiscard]] QString encryption() const;
    void setAlgorithm(const QString& alg); // as the user would pick it; ignored when not offered
    void setEncryption(const QString& enc);
    void setCompress(bool compress);
    [[nodiscard]] bool compress() const;

    // Why nothing can be encrypted with what is given, or "" when it can.
    [[nodiscard]] QString problem() const;
    // The JWE's protected header for these choices: alg, enc, zip, the key's kid, and "cty": "JWT"
    // after signing (RFC 7519 §5.2) or "typ": "JWT" for encrypted claims.
    [[nodiscard]] encoding::Json protectedHeader() const;

signals:
    void changed(); // the mode, the key, alg, enc or compression
    void unlockRequested();

private:
    void updateAlgorithms();
    void updateEncryptions();

    QComboBox* m_mode;
    QWidget* m_details; // everything but the mode, shown while encrypting
    KeyInput* m_keyInput;
    QComboBox* m_algorithm;
    QComboBox* m_encryption;
    QCheckBox* m_compress;
    QLabel* m_note;
    QString m_preferredAlgorithm; // the user's choice, kept while another key cannot do it
    QString m_preferredEncryption;
};

} // namespace jwtwb::ui
