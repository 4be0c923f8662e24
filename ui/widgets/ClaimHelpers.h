#pragma once

#include <QWidget>

#include <chrono>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace jwtwb::ui {

// Buttons that fill common claims: iat / nbf = now, exp = now + a duration (presets or "90m",
// "2h30m"), jti = a random UUID, and whole token shapes from templates. It only asks; the page edits.
class ClaimHelpers : public QWidget
{
    Q_OBJECT

public:
    explicit ClaimHelpers(QWidget* parent = nullptr);

    // Selects a preset ("5 min" …) or, for anything else, the custom field with that text.
    void setExpiryText(const QString& text);

signals:
    void timeClaimRequested(const QString& name, std::chrono::seconds fromNow);
    void jtiRequested();
    void templateRequested(int claimTemplate); // jose::ClaimTemplate

private:
    void requestExpiry();

    QComboBox* m_expiry;
    QLineEdit* m_customExpiry;
    QComboBox* m_template;
    QLabel* m_error;
};

} // namespace jwtwb::ui
