#pragma once

#include "dpop/DpopProof.h"
#include "support/VerdictText.h"

#include <QString>
#include <QWidget>

#include <chrono>
#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;

namespace jwtwb::ui {

class CheckList;

// A DPoP proof (RFC 9449) checked against the request it came with: the HTTP method, the URL, and
// optionally the access token and the nonce the user gives, and every check of dpop::verifyDpopProof
// with its outcome and reason. The proof is verified with the key in its own header. Nothing typed
// here is saved.
class DpopChecksView : public QWidget
{
    Q_OBJECT

public:
    explicit DpopChecksView(QWidget* parent = nullptr);

    void setMethod(const QString& method);
    void setUrl(const QString& url);
    void setAccessToken(const QString& token);
    void setNonce(const QString& nonce);

    // Runs every check on `proof` at `now` and shows each; verdict() sums them up.
    void check(const QString& proof, std::chrono::sys_seconds now);
    [[nodiscard]] const std::optional<dpop::DpopVerification>& verification() const { return m_verification; }
    [[nodiscard]] Verdict verdict() const { return m_verdict; }
    // As shown: htm and htu are "not checked" while the method or the URL is not given.
    [[nodiscard]] dpop::CheckOutcome outcome(dpop::DpopCheckCode code) const;
    [[nodiscard]] QString reason(dpop::DpopCheckCode code) const;

signals:
    void requestChanged(); // the method, URL, access token or nonce was edited: check again

protected:
    void changeEvent(QEvent* event) override;

private:
    [[nodiscard]] dpop::DpopExpectations expectations(std::chrono::sys_seconds now) const;
    void showChecks();
    void updateColors();
    [[nodiscard]] Verdict makeVerdict() const;
    [[nodiscard]] QString proofClaim(const char* name) const;
    [[nodiscard]] QString headerAlgorithm() const;

    QComboBox* m_method;
    QLineEdit* m_url;
    QLineEdit* m_accessToken;
    QLineEdit* m_nonce;
    QLabel* m_error;
    CheckList* m_checks; // a row per dpop::DpopCheckCode, in its order
    std::optional<dpop::DpopVerification> m_verification;
    QString m_errorText; // the proof is not a JWS at all
    Verdict m_verdict;
};

} // namespace jwtwb::ui
