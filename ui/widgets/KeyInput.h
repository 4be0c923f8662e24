#pragma once

#include "keys/Key.h"
#include "widgets/KeyMaterial.h"

#include <QWidget>

#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace jwtwb::ui {

class SecretField;
class KeystoreSession;
class StoredKeyChooser;

// The key material to verify with: an HMAC secret in an encoding the user names, a PEM key or
// certificate, a JWK or a JWK Set, typed, pasted or read from a file, or (with a keystore session)
// a stored key. Nothing is pre-filled and nothing typed here is ever saved.
// The kind follows what is pasted (PEM, JWK, JWK Set or base64 DER text go to the key box, also
// when pasted into the secret field) and, while the box is empty, the token's algorithm. A kind the
// user picked by hand stays: HMAC secret picked by hand takes even a key's text as the secret's bytes.
// A secret's encoding is always the user's choice.
class KeyInput : public QWidget
{
    Q_OBJECT

public:
    enum class Kind { Secret, Pem, Jwk, Jwks, Keystore }; // Keystore only with a session
    enum class SecretEncoding { Utf8, Base64, Base64Url, Hex };

    explicit KeyInput(QWidget* parent = nullptr);

    void setKind(Kind kind);
    [[nodiscard]] Kind kind() const;
    void setSecret(const QString& secret, SecretEncoding encoding);
    void setKeyText(Kind kind, const QString& text); // PEM, JWK or JWK Set
    // For an encrypted PEM private key; the field shows only when the PEM is encrypted.
    void setPassphrase(const QString& passphrase);
    // Reads a key file and picks the kind from its content; false with a message on failure.
    bool loadFile(const QString& path, QString* errorMessage);
    void clear();
    // "Use this key": the material replaces whatever was in the box (secret and key text alike).
    void useKey(const KeyMaterial& material);
    // The token's "alg" (e.g. "RS256"): while the box is empty, an HS* token asks for a secret and
    // any other for a key (PEM unless JWK or JWK Set is chosen); a stored key choice stays.
    void followTokenAlgorithm(const QString& alg);

    // Offers the keystore's keys (Kind::Keystore); the session is not owned.
    void setKeystoreSession(KeystoreSession* session);
    // The kid of the token being verified: a stored key with this kid is suggested.
    void setTokenKid(const QString& kid);
    [[nodiscard]] StoredKeyChooser* storedKeyChooser() const { return m_stored; }
    // Why there is no key although one was asked for (the keystore is locked…), or "".
    [[nodiscard]] QString missingKeyText() const;

    [[nodiscard]] bool isEmpty() const;
    [[nodiscard]] const std::vector<keys::Key>& keys() const { return m_keys; }
    [[nodiscard]] bool isKeySet() const;
    [[nodiscard]] QString errorText() const { return m_error; } // why the material could not be read

signals:
    void keysChanged();
    void unlockRequested(); // the user wants to unlock the keystore (on the Keys page)

private:
    void reimport();
    void clearFields();
    void secretEdited();
    void keyTextEdited();
    [[nodiscard]] bool boxIsEmpty() const; // neither a secret nor key text, whichever kind is shown
    void openFile();

    QComboBox* m_kind;
    SecretField* m_secret;
    QPlainTextEdit* m_keyText;
    QLabel* m_status;
    QWidget* m_passphraseRow = nullptr;
    QLineEdit* m_passphrase = nullptr;
    StoredKeyChooser* m_stored;
    std::vector<keys::Key> m_keys;
    QString m_error;
    bool m_kindByHand = false; // the user picked the kind in the combo box
};

} // namespace jwtwb::ui
