#pragma once

#include "keys/Key.h"
#include "keys/KeyGenerator.h"
#include "keys/KeyImport.h"
#include "keys/KeyReader.h"
#include "widgets/KeyMaterial.h"

#include <QWidget>

#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QToolButton;

namespace jwtwb::ui {

class KeyGenerationTask;
class KeyKindCombo;
class KeystoreSession;
class SecretField;
class StoredKeyChooser;

// The key of the decoder (to verify, to decrypt) and of the signer (to sign, to encrypt), from one
// of the same sources:
// an HMAC secret in the encoding the user names, key text (PEM, DER as base64, a JWK or a JWK Set,
// told apart by their content), a key file (binary DER too), or a stored key. Every secret, text and
// file is read by keys::readKeys, whose description (and notes) are the status line. Key text put
// where a secret goes moves to the key box, unless the user picked "HMAC secret" by hand. Nothing
// typed here is ever saved.
//
// Verify: public keys, certificates and key sets (a JWK Set, several PEM keys) are fine; while the
// box is empty, the source follows the token's algorithm.
// Sign: exactly one key that can sign (a private key or a secret); public keys and sets are
// refused with the reason. A key can be generated (off the GUI thread), and a generated or loaded
// private key is masked until Show is pressed.
// Decrypt: private keys, key sets and shared keys or passphrases (as secrets); a key that is only
// public is refused with the reason. While the box is empty, the source follows the JWE's "alg".
// Encrypt: exactly one key: the recipient's public key (of a private key, its public half is
// used), or a shared key or passphrase.
class KeyInput : public QWidget
{
    Q_OBJECT

public:
    enum class Purpose { Verify, Sign, Decrypt, Encrypt };
    enum class Source { Secret, KeyText, Keystore }; // Keystore only with a session

    explicit KeyInput(Purpose purpose, QWidget* parent = nullptr);

    [[nodiscard]] Purpose purpose() const { return m_purpose; }
    void setSource(Source source);
    [[nodiscard]] Source source() const;

    void setSecret(const QString& text, keys::SecretEncoding encoding);
    // The passphrase is for an encrypted private key; its field shows only when the key is encrypted.
    void setKeyText(const QString& text, const QString& passphrase = {});
    void setPassphrase(const QString& passphrase);
    // At most this many lines for key text (default: as many as there is room for).
    void setKeyTextLines(int lines);
    // Sign: whether "Generate a Key for Me" is offered (by default it is). A key that must be a
    // particular one, as a holder's key named in cnf.jwk, is never a new one.
    void setGenerateOffered(bool offered);
    // A key file, or a secret file (text that is no key: the secret as it is, without the final
    // line break), in the box it belongs in; false with a message when it cannot be read at all.
    bool loadFile(const QString& path, QString* errorMessage);
    void clear();

    // Verify: "Use this key": the material replaces whatever was in the box.
    void useKey(const KeyMaterial& material);
    // Verify: the token's "alg" (e.g. "RS256"). While the box is empty an HS* token asks for a
    // secret and any other for key text; a stored key choice stays. Decrypt: a JWE's "alg": dir,
    // A*KW, A*GCMKW and PBES2 ask for a secret, RSA and ECDH-ES for key text.
    void followTokenAlgorithm(const QString& alg);
    // Verify, Decrypt: the kid of the token: a stored key with this kid is suggested.
    void setTokenKid(const QString& kid);

    // Offers the keystore's keys (Source::Keystore); the session is not owned.
    void setKeystoreSession(KeystoreSession* session);
    // Switches to the keystore and chooses the stored key with this kid.
    void chooseStoredKey(const QString& kid);
    [[nodiscard]] StoredKeyChooser* storedKeyChooser() const { return m_stored; }
    // Why there is no key although the keystore was chosen (it is locked…), or "".
    [[nodiscard]] QString missingKeyText() const;

    [[nodiscard]] bool isEmpty() const; // nothing given (an unreadable key is not empty)
    // Verify, Decrypt: one key, or the keys of a set. Sign, Encrypt: the key, or none.
    [[nodiscard]] const std::vector<keys::Key>& keys() const { return m_keys; }
    // The one key (Sign: the key to sign with); null while there is none, and for a key set.
    [[nodiscard]] const keys::Key* key() const;
    [[nodiscard]] bool isKeySet() const { return m_isSet; } // the verifier chooses among keys() by kid
    // What the secret, key text or file was read as; nullopt when it was not read (or is stored).
    [[nodiscard]] std::optional<keys::KeyInputKind> foundKind() const { return m_found; }
    // Why what was given is not a key to use (cannot be read; Sign: cannot sign), or "".
    [[nodiscard]] QString errorText() const { return m_error; }
    [[nodiscard]] QString statusText() const;

    // Sign: a new key of this kind, off the GUI thread; generationFinished() tells how it went.
    void generate(const keys::KeySpec& spec);
    void cancelGeneration();
    [[nodiscard]] bool isGenerating() const;
    // Sign: what verifies this key's signatures, as text: the secret as typed with its encoding (a
    // stored or generated secret in base64url), or the public half as a JWK when it has a kid or
    // alg, else as PEM. Kind::None while there is no key.
    [[nodiscard]] KeyMaterial verificationKey() const;
    // Encrypt: what decrypts tokens made with this key, as text: a secret as typed, or a private
    // key's text as given. Kind::None for a public key, a stored key, or no key.
    [[nodiscard]] KeyMaterial decryptionKey() const;
    // Sign, Decrypt: a generated or loaded private key shows as its JWK with the private members as bullets.
    [[nodiscard]] bool isKeyMasked() const;
    void setKeyMasked(bool masked);

signals:
    void keysChanged();
    void generationFinished(bool succeeded);
    void unlockRequested(); // the user wants to unlock the keystore (on the Keys page)

protected:
    void changeEvent(QEvent* event) override;

private:
    void reread();
    void readSecret();
    [[nodiscard]] bool readKeyText(); // true: the key is encrypted
    void useStoredKeys();
    void takeReading(keys::KeyReading reading);
    void showStatus(const QString& text, bool error);
    void updateStatusColor();
    void showSource(Source source);
    void clearFields();
    void secretEdited();
    [[nodiscard]] bool boxIsEmpty() const; // neither a secret nor key text, whichever source is shown
    void openFile();
    void updateMask();
    void generated();

    Purpose m_purpose;
    QComboBox* m_source;
    QPushButton* m_open;
    SecretField* m_secret;
    QPlainTextEdit* m_keyText;
    QPlainTextEdit* m_maskedKey; // shown instead of m_keyText while masked
    StoredKeyChooser* m_stored;
    QWidget* m_passphraseRow;
    QLineEdit* m_passphrase;
    QToolButton* m_revealKey;
    QLabel* m_status;
    // Sign only (null otherwise): the generate row.
    KeyKindCombo* m_generateKind = nullptr;
    QPushButton* m_generate = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_cancel = nullptr;
    KeyGenerationTask* m_generation = nullptr;

    std::vector<keys::Key> m_keys;
    bool m_isSet = false;
    std::optional<keys::KeyInputKind> m_found;
    QString m_error;
    bool m_statusIsError = false;
    bool m_sourceByHand = false; // the user picked the source in the combo box
    bool m_keyMasked = false;
};

} // namespace jwtwb::ui
