#pragma once

#include "rotation/KeyRotation.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <chrono>
#include <string>
#include <vector>

namespace jwtwb::keys {
class Keystore;
}

namespace jwtwb::ui {

class RotationKeyModel;
class RotationTokenModel;

// The rotation page's logic without widgets: the current set read from text or taken from the
// keystore, the keys added, the tokens, and core's rehearsal of the change (rotation::rehearseRotation).
// The rehearsal runs on the calling thread: at most kMaxTokens tokens, each verified three times
// (current set, new set, new set without the retired keys), takes well under a second.
class RotationRehearsal : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMaxTokens = 1000;

    explicit RotationRehearsal(QObject* parent = nullptr);

    [[nodiscard]] RotationKeyModel* keys() const { return m_keys; }
    [[nodiscard]] RotationTokenModel* tokens() const { return m_tokens; }

    // Reads the current set (a JWK Set, a JWK, PEM public keys…); empty text clears it. Returns an
    // error sentence (core's), empty when the keys were read; on an error the keys stay as they were.
    [[nodiscard]] QString setCurrentKeysText(const QString& text);
    // Keys for the new set only. Returns an error sentence, or empty.
    [[nodiscard]] QString addKeysText(const QString& text);
    // The public halves of the keystore's RSA, EC and OKP keys as a JWK Set's text, for the key box
    // (an HMAC secret has no public half and is left out), and what was taken, as a sentence.
    struct KeystoreSet {
        QString json; // empty when the keystore holds no such key
        QString message;
    };
    [[nodiscard]] static KeystoreSet keystorePublicSet(const keys::Keystore& keystore);
    // One token a line, blank lines ignored. Returns a note when tokens were left out, else empty.
    [[nodiscard]] QString setTokensText(const QString& text);
    void setAllowWeakKeys(bool allow) { m_allowWeakKeys = allow; }

    // Verifies every token with the current and the new set at `now`, and fills the token model.
    void rehearse(std::chrono::sys_seconds now);
    [[nodiscard]] bool hasTokens() const { return !m_tokenTexts.empty(); }
    // Core's sentence: "3 tokens fail now; all would expire within 15 min".
    [[nodiscard]] QString summary() const;
    // What removing the retired keys later would do, in core's words; empty without retired keys.
    [[nodiscard]] QString retiredSummary() const;
    [[nodiscard]] int dependsOnRetiredCount() const;

    struct JwksExport {
        QString json; // {"keys": [...]}, public members only; empty on an error
        QString note; // what was left out (HMAC secrets cannot be published)
        QString error;
    };
    [[nodiscard]] JwksExport exportNewSet() const;

private:
    std::vector<std::string> m_tokenTexts;
    QStringList m_subjects;
    bool m_allowWeakKeys = false;
    rotation::RotationReport m_retiredReport;
    RotationKeyModel* m_keys;
    RotationTokenModel* m_tokens;
};

} // namespace jwtwb::ui
