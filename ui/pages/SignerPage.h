#pragma once

#include "encoding/Json.h"
#include "keys/Key.h"
#include "widgets/KeyMaterial.h"

#include <QWidget>

#include <chrono>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace jwtwb::ui {

class ClaimHelpers;
class EncryptionStep;
class JsonEditor;
class JweEncryption;
class KeyInput;
class KeystoreSession;
class SdDisclosureTree;
class SdHolderKeyEdit;
class TokenEdit;

// Write a header and claims, pick a key and an algorithm the key can do, and get a signed token
// live, with warnings for what the decoder would flag. Optionally encrypt it (a nested JWT), or
// the claims instead of signing them (EncryptionStep). Drafts (not keys) survive a restart.
class SignerPage : public QWidget
{
    Q_OBJECT

public:
    explicit SignerPage(QWidget* parent = nullptr);

    [[nodiscard]] KeyInput* keyInput() const { return m_keyInput; }
    [[nodiscard]] ClaimHelpers* claimHelpers() const { return m_claimHelpers; }
    [[nodiscard]] EncryptionStep* encryptionStep() const { return m_encryptionStep; }
    // Encrypting on a pool thread (or waiting for a pause in typing a passphrase): no token yet.
    [[nodiscard]] bool isEncrypting() const;
    // Lets the signer use stored keys (not owned). Drafts never hold them: only the header's kid.
    void setKeystoreSession(KeystoreSession* session);

    void setHeaderText(const QString& text);
    void setPayloadText(const QString& text);
    [[nodiscard]] QString headerText() const;
    [[nodiscard]] QString payloadText() const;
    // Empty while signing is blocked; blockedReason() then says why.
    [[nodiscard]] QString token() const { return m_token; }
    [[nodiscard]] QString blockedReason() const;
    [[nodiscard]] QString algorithm() const; // the chosen one, "" when there is none

    // Selective disclosure (RFC 9901): off at every start; the ticked paths, decoys and _sd_alg are drafts.
    [[nodiscard]] QCheckBox* sdJwtCheck() const { return m_sdCheck; }
    [[nodiscard]] SdDisclosureTree* sdDisclosureTree() const { return m_sdTree; }
    [[nodiscard]] QSpinBox* sdDecoys() const { return m_sdDecoys; }
    [[nodiscard]] QComboBox* sdHashChoice() const { return m_sdHash; }
    [[nodiscard]] SdHolderKeyEdit* sdHolderKey() const { return m_sdHolderKey; }
    // Why SD-JWT is not offered now (encryption, a DPoP proof, alg "none"), or "".
    [[nodiscard]] QString sdJwtUnavailableReason() const;
    [[nodiscard]] bool issuesSdJwt() const; // ticked and offered: the output is an SD-JWT

signals:
    // The token and what verifies it: the secret, or the public half of the signing key; and for a
    // JWE what decrypts it, when the signer has it (a shared key, or a private key given as text).
    void openInDecoder(const QString& token, const jwtwb::ui::KeyMaterial& key,
                       const jwtwb::ui::KeyMaterial& decryptionKey);
    void tokenChanged(const QString& token); // each newly signed token
    void statusMessage(const QString& message);
    void keystoreUnlockRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void restoreDrafts();
    void saveDrafts() const;
    void updateAlgorithms();
    void algorithmChosen();
    void headerEdited();
    void syncHeader();
    void sign();
    void block(const QString& reason);
    void encrypt(std::string plaintext);
    void encrypted(); // the encryption step's outcome is there
    void publish(const QString& token);
    void updateMode(); // what the encryption mode shows and hides
    void showWarnings(const QStringList& tokens);
    void setTimeClaim(const QString& name, std::chrono::seconds fromNow);
    void setJti();
    void applyTemplate(int claimTemplate);
    // RFC 9449: typ dpop+jwt and the signing key's public half as jwk; jti, iat, htm, htu (and ath).
    void applyDpopTemplate(const QString& method, const QString& url, const QString& accessToken);
    void syncDpopKey(std::string& header) const; // a DPoP proof's jwk follows the signing key
    [[nodiscard]] static std::string dpopHeader(const encoding::Json& header, const encoding::Json& jwk);
    bool editPayloadMember(const QString& name, const encoding::Json& value);
    void updateColors();
    void updateSdJwt(); // whether SD-JWT is offered, and its section
    // The SD-JWT for these claims, or the one made last when nothing it depends on changed (fresh salts
    // at each issuance: a repaint must not make a new one). Empty with the reason in `error`.
    QString issueSdJwt(const encoding::Json& header, const encoding::Json& payload, const keys::Key& key,
                       const QString& alg, QString& error);

    JsonEditor* m_headerEdit;
    JsonEditor* m_payloadEdit;
    QLabel* m_headerTitle;
    QLabel* m_payloadTitle;
    QLabel* m_headerStatus;
    QLabel* m_payloadStatus;
    ClaimHelpers* m_claimHelpers;
    KeyInput* m_keyInput;
    QWidget* m_signingSection; // the signing key, algorithm and their options
    EncryptionStep* m_encryptionStep;
    JweEncryption* m_encrypter;
    QWidget* m_encryptingRow;
    QLabel* m_outputTitle;
    QString m_signed; // the JWS inside a nested token, for the warnings
    QComboBox* m_algorithm;
    QCheckBox* m_unsecured;
    QCheckBox* m_acceptWeakKeys;
    QLabel* m_syncNote;
    TokenEdit* m_output;
    QLabel* m_blocked;
    QLabel* m_banner;
    QPushButton* m_copy;
    QPushButton* m_openInDecoder;
    QString m_token;
    QCheckBox* m_sdCheck;
    QLabel* m_sdUnavailable;
    QWidget* m_sdSection;
    SdDisclosureTree* m_sdTree;
    QSpinBox* m_sdDecoys;
    QComboBox* m_sdHash;
    SdHolderKeyEdit* m_sdHolderKey;
    QString m_sdInputs; // what the last SD-JWT was issued from
    QString m_sdIssued;
    int m_keyGeneration = 0; // counts key changes, part of m_sdInputs
    QString m_preferredAlgorithm; // from the drafts or the header, until a key can do it
    std::string m_syncedKid; // the kid this page wrote into the header
    bool m_syncing = false;
};

} // namespace jwtwb::ui
