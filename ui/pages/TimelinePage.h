#pragma once

#include "encoding/Json.h"

#include <QDateTime>
#include <QWidget>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSlider;
class QSpinBox;
class QTimer;
class QToolButton;

namespace jwtwb::ui {

class TimelineWidget;
class VerificationTime;

// The claim-lifetime timeline with its controls: several named tokens on one axis, a what-if
// verification time (slider and date picker), UTC or local labels, the leeway and the bound above
// which a lifetime is flagged.
class TimelinePage : public QWidget
{
    Q_OBJECT

public:
    explicit TimelinePage(QWidget* parent = nullptr);

    [[nodiscard]] TimelineWidget* timeline() const { return m_timeline; }
    // The what-if time, or an invalid QDateTime while the page follows the clock.
    [[nodiscard]] QDateTime verificationTime() const;
    // Shows and sets `time` (not owned), shared with the other pages, instead of a time of its own.
    void shareVerificationTime(VerificationTime* time);

public slots:
    // Decodes `token` (or text that holds one: a Bearer header, a URL, …) and shows its claims as the row
    // `name`, replacing a row of that name. When it cannot, the reason is shown, the old row (which no
    // longer matches the token) is removed, and false is returned. The axis follows the rows as
    // TimelineWidget::setToken() says; a token added with the page's own form always refits it.
    bool setToken(const QString& name, const QString& token);
    // Shows claims read elsewhere (a decrypted JWE's) as the row `name`, replacing a row of that name.
    void setClaims(const QString& name, const encoding::Json& claims);
    void removeToken(const QString& name);
    // A what-if time; an invalid QDateTime goes back to following the clock ("now").
    void setVerificationTime(const QDateTime& time);
    // The clock skew accepted around nbf and exp, as the Leeway box shows it.
    void setLeewaySeconds(int seconds);

signals:
    // The time tokens should be verified at: the what-if time, or an invalid QDateTime for "now".
    void verificationTimeChanged(const QDateTime& time);

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    [[nodiscard]] QWidget* createTokenPanel();
    [[nodiscard]] QWidget* createTimeControls();
    [[nodiscard]] QWidget* createViewControls();
    void addFromInput();
    void removeSelected();
    void updateTokenList();
    void syncTimeControls();
    void showVerificationTime(); // after a change of m_time
    void updateColors();
    void showInputError(const QString& message);
    void alignSlider(); // the slider's ends under the ends of the timeline's axis

    TimelineWidget* m_timeline;
    QListWidget* m_tokenList = nullptr;
    QPushButton* m_removeButton = nullptr;
    QLineEdit* m_nameEdit = nullptr;
    QPlainTextEdit* m_tokenInput = nullptr;
    QLabel* m_inputError = nullptr;
    QDateTimeEdit* m_timeEdit = nullptr;
    QPushButton* m_nowButton = nullptr;
    QWidget* m_sliderRow = nullptr;
    QSlider* m_slider = nullptr;
    QComboBox* m_zoneCombo = nullptr;
    QSpinBox* m_leewaySpin = nullptr;
    QSpinBox* m_boundSpin = nullptr;
    QTimer* m_clockTimer;
    VerificationTime* m_time;
};

} // namespace jwtwb::ui
