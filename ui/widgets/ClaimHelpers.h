#pragma once

#include <QWidget>

#include <chrono>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace jwtwb::ui {

// Buttons that fill common claims: iat / nbf = now, exp = now + a duration (presets or "90m",
// "2h30m"), jti = a random UUID, and whole token shapes from templates, a DPoP proof (RFC 9449) with
// the request's method and URL and an optional access token among them. It only asks; the page edits.
class ClaimHelpers : public QWidget
{
    Q_OBJECT

public:
    explicit ClaimHelpers(QWidget* parent = nullptr);

    // Selects a preset ("5 min" …) or, for anything else, the custom field with that text.
    void setExpiryText(const QString& text);
    // Chooses the DPoP proof template and fills its fields (the access token may be empty).
    void setDpopRequest(const QString& method, const QString& url, const QString& accessToken);
    // A message in the error colour under the helpers, until the next request; empty hides it.
    void showError(const QString& message);

signals:
    void timeClaimRequested(const QString& name, std::chrono::seconds fromNow);
    void jtiRequested();
    void templateRequested(int claimTemplate); // jose::ClaimTemplate
    void dpopTemplateRequested(const QString& method, const QString& url, const QString& accessToken);

private:
    void requestExpiry();
    void requestTemplate();
    [[nodiscard]] int dpopIndex() const; // of the DPoP proof in the template choice

    QComboBox* m_expiry;
    QLineEdit* m_customExpiry;
    QComboBox* m_template;
    QWidget* m_dpopFields; // shown while the DPoP proof template is chosen
    QComboBox* m_dpopMethod;
    QLineEdit* m_dpopUrl;
    QLineEdit* m_dpopAccessToken;
    QLabel* m_error;
};

} // namespace jwtwb::ui
