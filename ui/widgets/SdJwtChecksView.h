#pragma once

#include "jose/JwtVerification.h"
#include "jose/KeySelector.h"
#include "sdjwt/SdJwtVerifier.h"
#include "support/VerdictText.h"

#include <QString>
#include <QWidget>

#include <chrono>
#include <optional>
#include <vector>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace jwtwb::ui {

class CheckList;

// An SD-JWT (RFC 9901) checked as a verifier does: the issuer-signed JWT with the key the user
// gives, every disclosure against the digests it signed, and the key binding JWT against the holder
// key in cnf.jwk and the audience and nonce the user expects, each check with its outcome and
// reason. Nothing typed here is saved.
class SdJwtChecksView : public QWidget
{
    Q_OBJECT

public:
    explicit SdJwtChecksView(QWidget* parent = nullptr);

    void setExpectedAudience(const QString& audience);
    void setExpectedNonce(const QString& nonce);
    void setKeyBindingRequired(bool required);

    // Verifies `sdJwt` with `keys` and `options` (options.claims.now is the instant) and shows each
    // check; verdict() sums them up.
    void check(const QString& sdJwt, const jose::KeySource& keys, const jose::JwtVerifyOptions& options);
    // No issuer key yet: the disclosures are still read, the checks wait.
    void clear(const QString& why);
    [[nodiscard]] const std::optional<sdjwt::SdJwtVerification>& verification() const { return m_verification; }
    [[nodiscard]] Verdict verdict() const { return m_verdict; }
    // The row of each key binding check as shown: its outcome and reason.
    [[nodiscard]] jose::CheckOutcome outcome(sdjwt::KbCheckCode code) const;
    [[nodiscard]] QString reason(sdjwt::KbCheckCode code) const;

signals:
    void expectationsChanged(); // the audience, nonce or "require" was edited: check again

protected:
    void changeEvent(QEvent* event) override;

private:
    [[nodiscard]] sdjwt::KeyBindingExpectations expectations(const jose::JwtVerifyOptions& options) const;
    void showChecks();
    void updateColors();
    [[nodiscard]] Verdict makeVerdict() const;

    QLineEdit* m_audience;
    QLineEdit* m_nonce;
    QCheckBox* m_required;
    QLabel* m_about;
    QLabel* m_error;
    CheckList* m_checks; // the issuer signature, the disclosures, then a row per sdjwt::KbCheckCode
    std::optional<sdjwt::SdJwtVerification> m_verification;
    std::optional<Verdict> m_issuerVerdict;
    QString m_errorText; // the issuer-signed JWT is refused, or this is no SD-JWT at all
    QString m_waiting; // why nothing is checked yet
    Verdict m_verdict;
};

} // namespace jwtwb::ui
