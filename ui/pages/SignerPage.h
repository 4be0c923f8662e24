#pragma once

#include "encoding/Json.h"
#include "widgets/KeyMaterial.h"

#include <QWidget>

#include <chrono>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;

namespace jwtwb::ui {

class ClaimHelpers;
class JsonEditor;
class KeyInput;
class KeystoreSession;
class TokenEdit;

// Write a header and claims, pick a key and an algorithm the key can do, and get a signed token
// live, with warnings for what the decoder would flag. Drafts (not keys) survive a restart.
class SignerPage : public QWidget
{
    Q_OBJECT

public:
    explicit SignerPage(QWidget* parent = nullptr);

    [[nodiscard]] KeyInput* keyInput() const { return m_keyInput; }
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

signals:
    // The token and what verifies it: the secret, or the public half of the signing key.
    void openInDecoder(const QString& token, const jwtwb::ui::KeyMaterial& key);
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
    void showWarnings(const QString& token);
    void setTimeClaim(const QString& name, std::chrono::seconds fromNow);
    void setJti();
    void applyTemplate(int claimTemplate);
    bool editPayloadMember(const QString& name, const encoding::Json& value);
    void updateColors();

    JsonEditor* m_headerEdit;
    JsonEditor* m_payloadEdit;
    QLabel* m_headerTitle;
    QLabel* m_payloadTitle;
    QLabel* m_headerStatus;
    QLabel* m_payloadStatus;
    ClaimHelpers* m_claimHelpers;
    KeyInput* m_keyInput;
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
    QString m_preferredAlgorithm; // from the drafts or the header, until a key can do it
    std::string m_syncedKid; // the kid this page wrote into the header
    bool m_syncing = false;
};

} // namespace jwtwb::ui
