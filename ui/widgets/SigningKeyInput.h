#pragma once

#include "keys/Key.h"
#include "keys/KeyGenerator.h"
#include "keys/KeyImport.h"
#include "widgets/KeyMaterial.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QToolButton;

namespace jwtwb::ui {

class KeyGenerationTask;
class SecretField;
class KeystoreSession;
class StoredKeyChooser;

// Key material for signing: a shared secret in an encoding the user names, PEM or JWK text, a key
// file, a freshly generated key, or (with a keystore session) a stored key that can sign.
// Generation runs off the GUI thread and can be cancelled.
class SigningKeyInput : public QWidget
{
    Q_OBJECT

public:
    enum class Source { Secret, KeyText, Keystore }; // Keystore only with a session

    explicit SigningKeyInput(QWidget* parent = nullptr);
    ~SigningKeyInput() override;

    // Null while there is no usable key.
    [[nodiscard]] const keys::Key* key() const { return m_key ? &*m_key : nullptr; }
    [[nodiscard]] QString statusText() const;
    [[nodiscard]] bool isGenerating() const;
    // What verifies this key's signatures, as text: the secret as typed with its encoding (a stored
    // or generated secret in base64url), or the public half as a JWK when it has a kid or alg, else
    // as PEM. Kind::None while there is no key.
    [[nodiscard]] KeyMaterial verificationKey() const;
    // A generated or loaded private key is masked like a secret: its JWK with the private members
    // as bullets, until Show is pressed. Typed text stays as typed.
    [[nodiscard]] bool isKeyMasked() const;
    void setKeyMasked(bool masked);

    void setSecret(const QString& text, keys::SecretEncoding encoding);
    void setKeyText(const QString& text, const QString& passphrase = {});
    // PEM, JWK, JWK Set or DER; false with a message when the file cannot be read.
    bool loadKeyFile(const QString& path, QString* errorMessage);
    void generate(const keys::KeySpec& spec);
    void cancelGeneration();

    // Offers the keystore's keys that can sign (Source::Keystore); the session is not owned.
    void setKeystoreSession(KeystoreSession* session);
    // Switches to the keystore and chooses the stored key with this kid.
    void chooseStoredKey(const QString& kid);
    [[nodiscard]] StoredKeyChooser* storedKeyChooser() const { return m_stored; }

signals:
    void keyChanged();
    void generationFinished(bool succeeded);
    void unlockRequested(); // the user wants to unlock the keystore (on the Keys page)

private:
    void importKey();
    void showSource(Source source);
    void showStatus(const QString& text, bool error);
    void generateChosen();
    void generated();
    void chooseKeyFile();
    void updateMask();

    QComboBox* m_source;
    QStackedWidget* m_pages;
    SecretField* m_secret;
    QPlainTextEdit* m_keyText;
    QPlainTextEdit* m_maskedKey; // shown instead of m_keyText while masked
    QToolButton* m_revealKey;
    QLineEdit* m_passphrase;
    QPushButton* m_loadFile;
    QComboBox* m_generateKind;
    QPushButton* m_generate;
    QProgressBar* m_progress;
    QPushButton* m_cancel;
    QLabel* m_status;
    StoredKeyChooser* m_stored;
    KeyGenerationTask* m_generation;
    std::optional<keys::Key> m_key;
    bool m_keyMasked = false;
};

} // namespace jwtwb::ui
