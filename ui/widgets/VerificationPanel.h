#pragma once

#include "jose/CompactToken.h"
#include "jose/RevocationList.h"
#include "jwe/EncryptedJwt.h"
#include "support/VerdictText.h"

#include <QWidget>

#include <chrono>
#include <memory>
#include <optional>

class QCheckBox;
class QDateTimeEdit;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QPushButton;

namespace jwtwb::ui {

class DpopChecksView;
class SdJwtChecksView;
class JweDecryption;
class KeyInput;
class VerificationTime;

// Verifies the decoder's token with the key the user gives and the options chosen, again on every
// change of either, and says why in plain words. Nothing is verified before a key is given.
// A DPoP proof (RFC 9449) is verified with the key in its own header, against the request the user
// describes (DpopChecksView), instead of with a key from the key box.
// An SD-JWT (RFC 9901) has its issuer-signed JWT verified with the key box's key, its disclosures
// and its key binding JWT checked against the audience and nonce the user expects (SdJwtChecksView).
// A JWE is decrypted with the decryption key (off the GUI thread, once per token and key), then
// its nested JWT verified with the signature key, or its claims checked; each layer is reported.
class VerificationPanel : public QWidget
{
    Q_OBJECT

public:
    explicit VerificationPanel(QWidget* parent = nullptr);

    // The compact token as extracted from what was pasted; empty when there is none. `decoded` is
    // the token as the decoder already decoded it (leniently), which spares a big token a second decode.
    void setToken(const QString& token, const jose::CompactToken* decoded = nullptr);
    [[nodiscard]] KeyInput* keyInput() const { return m_keyInput; }
    [[nodiscard]] KeyInput* decryptionKeyInput() const { return m_decryptionKey; }
    [[nodiscard]] JweDecryption* decryption() const { return m_decryption; }
    [[nodiscard]] DpopChecksView* dpopChecks() const { return m_dpop; }
    [[nodiscard]] bool isDpopProof() const { return m_dpopProof; }
    [[nodiscard]] SdJwtChecksView* sdJwtChecks() const { return m_sd; }
    [[nodiscard]] bool isSdJwt() const { return m_sdJwt; }
    // The token is a JWE and is being decrypted (or waits for a pause in typing a passphrase).
    [[nodiscard]] bool isDecrypting() const;
    // The decrypted JWE with its nested token or claims checked; empty while there is none.
    [[nodiscard]] const std::optional<jwe::EncryptedJwtReport>& jweReport() const { return m_jweReport; }

    void setAllowedAlgorithms(const QStringList& names); // empty: any the key fits
    [[nodiscard]] QStringList allowedAlgorithms() const;
    void setExpectedIssuer(const QString& issuer);
    void setExpectedAudience(const QString& audience); // comma-separated for several
    void setLeewaySeconds(int seconds);
    // Revoked token IDs, one jti a line (as `jwtwb verify --revoked` reads a file); empty: no deny-list.
    void setRevokedIds(const QString& lines);
    [[nodiscard]] QString revokedIds() const;
    // "Accept weak keys": off by default, never stored.
    void setAcceptWeakKeys(bool accept);
    void setVerifyTime(std::optional<std::chrono::sys_seconds> at); // empty: the clock's now
    // Shows and sets `time` (not owned), shared with the other pages, instead of a time of its own.
    void shareVerificationTime(VerificationTime* time);
    // The instant verified at: the what-if time, or now. The decoder's claims and findings use it too.
    [[nodiscard]] std::chrono::sys_seconds verificationTime() const;
    void setDetachedPayload(const QString& payload); // RFC 7515 Appendix F, for a token with an empty payload

    [[nodiscard]] VerificationState state() const { return m_state; }
    [[nodiscard]] QString verdictText() const;
    [[nodiscard]] QString reasonText() const;
    [[nodiscard]] QString keySelectionText() const;
    // The verdict and its first reason in one line, for showing it elsewhere: "Valid — The signature
    // is valid (HS256).", "Not verified — No key given yet."
    [[nodiscard]] QString summaryText() const;

public slots:
    void verify();

signals:
    // After a verification whose result (state, verdict or reasons) differs from the last one.
    void verified(jwtwb::ui::VerificationState state);
    // A JWE was decrypted, failed to, or the decryption was dropped: jweReport() is another one.
    void decryptionChanged();
    // The what-if time was set, changed or dropped (here or on another page sharing it).
    void verificationTimeChanged();

protected:
    void changeEvent(QEvent* event) override;

private:
    // `summary` replaces the first reason in summaryText(), for a reason that only makes sense here.
    void showResult(VerificationState state, const QString& verdict, const QStringList& reasons,
                    const QString& summary = {});
    void showVerdict(const Verdict& verdict);
    void verifyJwe();
    void verifySdJwt();
    void decrypted(); // a decryption ended: follow the nested token's alg and kid, then verify
    void publishDecryption();
    [[nodiscard]] jose::JwtVerifyOptions verifyOptions() const;
    void updateBoxes(); // which key boxes a JWS or a JWE needs
    void updateColors();
    void showCurrentTime();
    void updateAlgorithmButton();
    void showVerificationTime(); // "Now" and "Verify at" from m_time

    QString m_token;
    std::string m_tokenUtf8; // m_token, as core reads it
    QString m_unreadable; // why the compact token cannot be verified, or empty
    bool m_jwe = false;
    bool m_jsonJwe = false; // a JWE in the JSON serialization
    bool m_nestedByHeader = false; // a JWE whose header says "cty": "JWT"
    bool m_dpopProof = false; // "typ": "dpop+jwt" with a "jwk": verified with its own key
    bool m_sdJwt = false; // an issuer-signed JWT with disclosures after '~'
    KeyInput* m_keyInput;
    KeyInput* m_decryptionKey;
    QGroupBox* m_keyBox;
    QGroupBox* m_decryptionBox;
    QGroupBox* m_dpopBox;
    DpopChecksView* m_dpop;
    QGroupBox* m_sdBox;
    SdJwtChecksView* m_sd;
    QFormLayout* m_options;
    QWidget* m_busyRow;
    JweDecryption* m_decryption;
    std::optional<jwe::EncryptedJwtReport> m_jweReport;
    quint64 m_publishedDecryption = 0;
    QPushButton* m_algorithms;
    QLineEdit* m_issuer;
    QLineEdit* m_audience;
    QLabel* m_detachedLabel;
    QPlainTextEdit* m_detached;
    QSpinBox* m_leeway;
    QCheckBox* m_atNow;
    QDateTimeEdit* m_at;
    QCheckBox* m_acceptWeakKeys;
    QPlainTextEdit* m_revoked;
    std::shared_ptr<const jose::RevocationList> m_revokedList; // null while m_revoked is empty
    VerificationTime* m_time;
    QLabel* m_verdict;
    QLabel* m_reason;
    QLabel* m_keySelection;
    QString m_summary;
    VerificationState m_state = VerificationState::NotVerified;
};

} // namespace jwtwb::ui
