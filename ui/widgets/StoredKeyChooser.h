#pragma once

#include "keys/Key.h"
#include "support/KeystoreSession.h"

#include <QPointer>
#include <QString>
#include <QWidget>

#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QPushButton;

namespace jwtwb::ui {

// A key from the unlocked keystore, for the decoder (to verify or decrypt) or the signer (to sign or
// encrypt). Lists the stored keys by label, type and kid; the decoder's lists also offer all stored
// keys at once, which then act as a JWK Set chosen from by kid. While the keystore is locked it says
// so and offers to go and unlock it. Hands out copies of the keys, and none after the keystore locks.
class StoredKeyChooser : public QWidget
{
    Q_OBJECT

public:
    enum class Purpose { Verify, Sign, Decrypt, Encrypt };

    explicit StoredKeyChooser(Purpose purpose, QWidget* parent = nullptr);

    void setSession(KeystoreSession* session); // not owned
    [[nodiscard]] KeystoreSession* session() const { return m_session; }

    // Verify, Decrypt: the token's kid. The stored key with this kid is chosen unless the user chose
    // one, and is marked as matching; a kid no stored key has is pointed out.
    void setTokenKid(const QString& kid);
    // Verify: whether the token is HMAC (Decrypt: whether its key management takes a shared key).
    // Secrets and public keys never share one key set (jose's ambiguous-set rule), so "all stored
    // keys" is one of two sets, and this picks which by default.
    void setTokenUsesSecret(bool secret);
    // As the user would choose: a stored key's kid, or "" for all stored keys of the token's kind
    // (Verify and Decrypt only).
    void choose(const QString& kid);

    [[nodiscard]] bool isLocked() const;
    // Verify, Decrypt: all stored secrets, or all public keys (Decrypt: key pairs), as a key set.
    [[nodiscard]] bool isAllChosen() const;
    [[nodiscard]] QString chosenKid() const; // "" for all keys, or when nothing is chosen
    // Copies of the chosen keys, empty while locked. Verify and Encrypt get public halves (secrets as
    // they are): neither needs a private key. Sign and Decrypt get the key itself.
    [[nodiscard]] std::vector<keys::Key> chosenKeys() const;
    // Why nothing can be chosen ("The keystore is locked…"), or "" when something can.
    [[nodiscard]] QString missingKeyText() const;
    [[nodiscard]] QString noteText() const; // the kid suggestion, a dropped choice

signals:
    void choiceChanged(); // the chosen keys are others now (a choice, a change of the keystore, lock)
    void unlockRequested();

private:
    void pick(int index);
    [[nodiscard]] bool offersSets() const; // Verify, Decrypt: the two all-keys rows come first
    [[nodiscard]] bool needsPrivate() const; // Sign, Decrypt: a public key only is listed disabled
    [[nodiscard]] int allRow() const; // offersSets(): the all-keys row of the token's kind
    void reload();
    void updateNote();
    [[nodiscard]] QString suggestedKid() const; // the token's kid when a stored key has it

    Purpose m_purpose;
    QPointer<KeystoreSession> m_session; // null also once the session is gone
    QWidget* m_lockedRow;
    QLabel* m_lockedLabel;
    QPushButton* m_unlock;
    QComboBox* m_keys;
    QLabel* m_note;
    QString m_tokenKid;
    bool m_tokenUsesSecret = false;
    std::optional<QString> m_picked; // the user's own choice ("" = all), kept across lock and unlock
    QString m_pickedLabel;
    QString m_dropped; // the message about a chosen key that was deleted
};

} // namespace jwtwb::ui
