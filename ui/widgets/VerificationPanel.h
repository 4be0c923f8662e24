#pragma once

#include <QWidget>

#include <chrono>
#include <optional>

class QCheckBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QPushButton;

namespace jwtwb::ui {

class KeyInput;
class VerificationTime;

enum class VerificationState { NotVerified, Valid, Invalid };

// Verifies the decoder's token with the key the user gives and the options chosen, again on every
// change of either, and says why in plain words. Nothing is verified before a key is given.
class VerificationPanel : public QWidget
{
    Q_OBJECT

public:
    explicit VerificationPanel(QWidget* parent = nullptr);

    // The compact token as extracted from what was pasted; empty when there is none.
    void setToken(const QString& token);
    [[nodiscard]] KeyInput* keyInput() const { return m_keyInput; }

    void setAllowedAlgorithms(const QStringList& names); // empty: any the key fits
    [[nodiscard]] QStringList allowedAlgorithms() const;
    void setExpectedIssuer(const QString& issuer);
    void setExpectedAudience(const QString& audience); // comma-separated for several
    void setLeewaySeconds(int seconds);
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
    // The what-if time was set, changed or dropped (here or on another page sharing it).
    void verificationTimeChanged();

protected:
    void changeEvent(QEvent* event) override;

private:
    // `summary` replaces the first reason in summaryText(), for a reason that only makes sense here.
    void showResult(VerificationState state, const QString& verdict, const QStringList& reasons,
                    const QString& summary = {});
    void updateColors();
    void showCurrentTime();
    void updateAlgorithmButton();
    void showVerificationTime(); // "Now" and "Verify at" from m_time

    QString m_token;
    KeyInput* m_keyInput;
    QPushButton* m_algorithms;
    QLineEdit* m_issuer;
    QLineEdit* m_audience;
    QLabel* m_detachedLabel;
    QPlainTextEdit* m_detached;
    QSpinBox* m_leeway;
    QCheckBox* m_atNow;
    QDateTimeEdit* m_at;
    QCheckBox* m_acceptWeakKeys;
    VerificationTime* m_time;
    QLabel* m_verdict;
    QLabel* m_reason;
    QLabel* m_keySelection;
    QString m_summary;
    VerificationState m_state = VerificationState::NotVerified;
};

} // namespace jwtwb::ui
