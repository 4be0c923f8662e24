#include "TimelinePage.h"

#include "inspect/TimelineLayout.h"
#include "inspect/TokenExtractor.h"
#include "jose/CompactToken.h"
#include "sdjwt/SdJwt.h"
#include "support/Clock.h"
#include "support/Convert.h"
#include "support/TabOrder.h"
#include "support/Theme.h"
#include "support/TimeText.h"
#include "support/VerificationTime.h"
#include "widgets/TimelinePainter.h"
#include "widgets/TimelineWidget.h"

#include <QApplication>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QStyle>
#include <QStyleOptionSlider>
#include <QTimeZone>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace jwtwb::ui {
namespace {

constexpr int kSliderSteps = 1000;

QString sentence(std::string_view text)
{
    QString s = toQString(text);
    if (!s.isEmpty()) {
        s[0] = s[0].toUpper();
    }
    return s;
}

// The claims of a token, or why it has none to show.
QString claimsOf(const QString& text, encoding::Json* claims)
{
    const auto extracted = inspect::extractToken(toStdString(text));
    if (!extracted) {
        return sentence(extracted.error().message);
    }
    // An SD-JWT's time claims may be in its disclosures: the claims with them in place (RFC 9901 §7.1).
    if (extracted->isSdJwt()) {
        if (const auto sdJwt = sdjwt::parseSdJwt(extracted->sdJwt); sdJwt && sdJwt->ok()) {
            *claims = sdJwt->processed;
            return {};
        }
    }
    const auto token = jose::decodeCompact(extracted->token, jose::Base64Mode::Lenient);
    if (!token) {
        return TimelinePage::tr("This is not a valid token: %1").arg(toQString(token.error().message));
    }
    if (token->kind == jose::TokenKind::Jwe) {
        return TimelinePage::tr("This is a JWE: its claims are encrypted and cannot be read without the key");
    }
    if (!token->payloadJson) {
        return token->payloadNotJson
            ? TimelinePage::tr("Its payload is not JSON: %1").arg(toQString(token->payloadNotJson->message))
            : TimelinePage::tr("Its payload is empty (detached), so it has no claims");
    }
    *claims = token->payloadJson->value;
    return {};
}

void setEditZone(QDateTimeEdit* edit, bool utc)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 7, 0)
    edit->setTimeZone(utc ? QTimeZone::utc() : QTimeZone::systemTimeZone());
#else
    edit->setTimeSpec(utc ? Qt::UTC : Qt::LocalTime);
#endif
}

} // namespace

TimelinePage::TimelinePage(QWidget* parent)
    : QWidget(parent)
    , m_timeline(new TimelineWidget(this))
    , m_clockTimer(new QTimer(this))
    , m_time(new VerificationTime(this))
{
    setObjectName(QStringLiteral("timelinePage"));

    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("timelineScroll"));
    scroll->setWidget(m_timeline);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::StyledPanel);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setFocusPolicy(Qt::NoFocus); // Tab goes to the timeline itself

    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    QWidget* timeControls = createTimeControls();
    QWidget* viewControls = createViewControls();
    rightLayout->addWidget(timeControls);
    rightLayout->addWidget(viewControls);
    rightLayout->addWidget(m_sliderRow);
    rightLayout->addWidget(scroll, 1);
    rightLayout->setSpacing(4);
    m_timeline->installEventFilter(this);
    m_sliderRow->installEventFilter(this);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("timelineSplitter"));
    QWidget* tokenPanel = createTokenPanel();
    splitter->addWidget(tokenPanel);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({260, 1000});

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);
    chainTabOrder({tokenPanel, timeControls, viewControls, m_sliderRow, m_timeline});

    m_timeline->setUtc(m_zoneCombo->currentIndex() == 0);
    m_timeline->setLifetimeBound(std::chrono::hours(m_boundSpin->value()));
    connect(m_timeline, &TimelineWidget::rowsChanged, this, &TimelinePage::updateTokenList);
    connect(m_timeline, &TimelineWidget::visibleRangeChanged, this, &TimelinePage::syncTimeControls);
    connect(m_time, &VerificationTime::changed, this, &TimelinePage::showVerificationTime);
    connect(m_clockTimer, &QTimer::timeout, this, [this] {
        m_timeline->updateClock();
        if (m_time->followsClock()) {
            syncTimeControls();
        }
    });
    m_clockTimer->start(1000);
    updateColors();
    syncTimeControls();
}

QWidget* TimelinePage::createTokenPanel()
{
    auto* panel = new QWidget(this);
    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);

    auto* title = new QLabel(tr("Tokens on the timeline"), panel);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    layout->addWidget(title);

    m_tokenList = new QListWidget(panel);
    m_tokenList->setObjectName(QStringLiteral("tokenList"));
    m_tokenList->setWordWrap(true);
    layout->addWidget(m_tokenList, 1);
    m_removeButton = new QPushButton(tr("&Remove"), panel);
    m_removeButton->setObjectName(QStringLiteral("removeButton"));
    m_removeButton->setEnabled(false);
    layout->addWidget(m_removeButton, 0, Qt::AlignRight);

    auto* addTitle = new QLabel(tr("Add a token"), panel);
    addTitle->setFont(bold);
    layout->addWidget(addTitle);
    m_nameEdit = new QLineEdit(panel);
    m_nameEdit->setObjectName(QStringLiteral("nameEdit"));
    m_nameEdit->setPlaceholderText(tr("Name, e.g. access token"));
    layout->addWidget(m_nameEdit);
    m_tokenInput = new QPlainTextEdit(panel);
    m_tokenInput->setObjectName(QStringLiteral("tokenInput"));
    m_tokenInput->setPlaceholderText(tr("Paste a token, a Bearer header or a URL holding one"));
    m_tokenInput->setTabChangesFocus(true);
    m_tokenInput->setFixedHeight(m_tokenInput->fontMetrics().lineSpacing() * 4 + 12);
    layout->addWidget(m_tokenInput);
    auto* addButton = new QPushButton(tr("&Add to Timeline"), panel);
    addButton->setObjectName(QStringLiteral("addButton"));
    layout->addWidget(addButton, 0, Qt::AlignRight);
    m_inputError = new QLabel(panel);
    m_inputError->setObjectName(QStringLiteral("inputErrorLabel"));
    m_inputError->setWordWrap(true);
    m_inputError->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_inputError->hide();
    layout->addWidget(m_inputError);

    connect(addButton, &QPushButton::clicked, this, &TimelinePage::addFromInput);
    connect(m_nameEdit, &QLineEdit::returnPressed, this, &TimelinePage::addFromInput);
    connect(m_removeButton, &QPushButton::clicked, this, &TimelinePage::removeSelected);
    connect(m_tokenList, &QListWidget::currentRowChanged, this,
            [this](int row) { m_removeButton->setEnabled(row >= 0); });
    return panel;
}

QWidget* TimelinePage::createTimeControls()
{
    auto* box = new QWidget(this);
    auto* layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);

    auto* label = new QLabel(tr("&Verify at:"), box);
    m_timeEdit = new QDateTimeEdit(box);
    m_timeEdit->setObjectName(QStringLiteral("verificationTimeEdit"));
    m_timeEdit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    m_timeEdit->setCalendarPopup(true);
    m_timeEdit->setToolTip(tr("The time the tokens are checked at: now, or any time you want to try"));
    label->setBuddy(m_timeEdit);
    m_nowButton = new QPushButton(tr("&Now"), box);
    m_nowButton->setObjectName(QStringLiteral("nowButton"));
    m_nowButton->setToolTip(tr("Check the tokens at the current time again"));
    // The slider gets a row of its own over the timeline, its ends aligned with the plot (alignSlider()).
    m_sliderRow = new QWidget(this);
    m_slider = new QSlider(Qt::Horizontal, m_sliderRow);
    m_slider->setObjectName(QStringLiteral("whatIfSlider"));
    m_slider->setRange(0, kSliderSteps);
    m_slider->setToolTip(tr("What if: slide the verification time across the visible part of the timeline"));
    m_slider->setAccessibleName(tr("What-if verification time"));

    layout->addWidget(label);
    layout->addWidget(m_timeEdit);
    layout->addWidget(m_nowButton);
    layout->addStretch(1);
    const auto toolButton = [box](const QString& name, const QString& text, const QString& icon, const QString& tip) {
        auto* button = new QToolButton(box);
        button->setObjectName(name);
        button->setText(text);
        button->setIcon(QIcon::fromTheme(icon));
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setToolTip(tip);
        return button;
    };
    auto* zoomOut = toolButton(QStringLiteral("zoomOutButton"), QStringLiteral("−"), QStringLiteral("zoom-out"),
                               tr("Zoom out (−, or scroll)"));
    auto* zoomIn = toolButton(QStringLiteral("zoomInButton"), QStringLiteral("+"), QStringLiteral("zoom-in"),
                              tr("Zoom in (+, or scroll)"));
    auto* fit = toolButton(QStringLiteral("fitButton"), tr("Fit"), QStringLiteral("zoom-fit-best"),
                           tr("Show all tokens (0)"));

    layout->addWidget(zoomOut);
    layout->addWidget(zoomIn);
    layout->addWidget(fit);
    connect(zoomOut, &QToolButton::clicked, m_timeline, &TimelineWidget::zoomOut);
    connect(zoomIn, &QToolButton::clicked, m_timeline, &TimelineWidget::zoomIn);
    connect(fit, &QToolButton::clicked, m_timeline, &TimelineWidget::fitToTokens);
    auto* sliderLayout = new QHBoxLayout(m_sliderRow);
    sliderLayout->setContentsMargins(0, 0, 0, 0);
    sliderLayout->addWidget(m_slider);

    connect(m_timeEdit, &QDateTimeEdit::dateTimeChanged, this,
            [this](const QDateTime& time) { setVerificationTime(time); });
    connect(m_nowButton, &QPushButton::clicked, this, [this] { setVerificationTime(QDateTime()); });
    connect(m_slider, &QSlider::valueChanged, this, [this](int value) {
        const auto time
            = inspect::timeAtFraction(m_timeline->visibleRange(), static_cast<double>(value) / kSliderSteps);
        setVerificationTime(toQDateTime(time));
    });
    return box;
}

QWidget* TimelinePage::createViewControls()
{
    auto* box = new QWidget(this);
    auto* layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);

    m_zoneCombo = new QComboBox(box);
    m_zoneCombo->setObjectName(QStringLiteral("zoneCombo"));
    m_zoneCombo->addItems({tr("UTC"), tr("Local time")});
    m_zoneCombo->setCurrentIndex(1);
    auto* zoneLabel = new QLabel(tr("Times &in:"), box);
    zoneLabel->setBuddy(m_zoneCombo);

    m_leewaySpin = new QSpinBox(box);
    m_leewaySpin->setObjectName(QStringLiteral("leewaySpin"));
    m_leewaySpin->setRange(0, 24 * 3600);
    m_leewaySpin->setSuffix(tr(" s"));
    m_leewaySpin->setToolTip(tr("Clock skew a verifier accepts around nbf and exp"));
    auto* leewayLabel = new QLabel(tr("&Leeway:"), box);
    leewayLabel->setBuddy(m_leewaySpin);

    m_boundSpin = new QSpinBox(box);
    m_boundSpin->setObjectName(QStringLiteral("boundSpin"));
    m_boundSpin->setRange(1, 100 * 365 * 24);
    m_boundSpin->setValue(24);
    m_boundSpin->setSuffix(tr(" h"));
    m_boundSpin->setToolTip(tr("Lifetimes longer than this are flagged as suspicious"));
    auto* boundLabel = new QLabel(tr("Flag lifetimes &over:"), box);
    boundLabel->setBuddy(m_boundSpin);

    layout->addWidget(zoneLabel);
    layout->addWidget(m_zoneCombo);
    layout->addSpacing(12);
    layout->addWidget(leewayLabel);
    layout->addWidget(m_leewaySpin);
    layout->addSpacing(12);
    layout->addWidget(boundLabel);
    layout->addWidget(m_boundSpin);
    layout->addStretch(1);

    connect(m_zoneCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_timeline->setUtc(index == 0);
        syncTimeControls();
    });
    connect(m_leewaySpin, &QSpinBox::valueChanged, this,
            [this](int value) { m_timeline->setLeeway(std::chrono::seconds(value)); });
    connect(m_boundSpin, &QSpinBox::valueChanged, this,
            [this](int value) { m_timeline->setLifetimeBound(std::chrono::hours(value)); });
    return box;
}

bool TimelinePage::setToken(const QString& name, const QString& token)
{
    QString tokenName = name.trimmed();
    if (tokenName.isEmpty()) {
        int n = static_cast<int>(m_timeline->rows().size()) + 1;
        while (m_timeline->rowIndex(tr("token %1").arg(n)) >= 0) {
            ++n;
        }
        tokenName = tr("token %1").arg(n);
    }
    encoding::Json claims;
    const QString problem = claimsOf(token, &claims);
    if (!problem.isEmpty()) {
        m_timeline->removeToken(tokenName);
        showInputError(tr("Cannot show “%1”: %2.").arg(tokenName, problem));
        return false;
    }
    m_inputError->hide();
    m_timeline->setToken(tokenName, claims);
    return true;
}

void TimelinePage::setClaims(const QString& name, const encoding::Json& claims)
{
    m_inputError->hide();
    m_timeline->setToken(name, claims);
}

void TimelinePage::removeToken(const QString& name)
{
    m_timeline->removeToken(name);
}

QDateTime TimelinePage::verificationTime() const
{
    const auto whatIf = m_time->whatIf();
    return whatIf ? toQDateTime(*whatIf) : QDateTime();
}

void TimelinePage::setVerificationTime(const QDateTime& time)
{
    m_time->setWhatIf(time.isValid() ? std::optional(toSysSeconds(time)) : std::nullopt);
}

void TimelinePage::setLeewaySeconds(int seconds)
{
    m_leewaySpin->setValue(seconds);
}

void TimelinePage::shareVerificationTime(VerificationTime* time)
{
    VerificationTime::share(this, m_time, time, [this] { showVerificationTime(); });
}

void TimelinePage::showVerificationTime()
{
    const QDateTime whatIf = verificationTime();
    if (m_timeline->followsClock() == !whatIf.isValid()
        && (!whatIf.isValid() || m_timeline->verificationTime() == whatIf)) {
        return;
    }
    m_timeline->setVerificationTime(whatIf);
    syncTimeControls();
    emit verificationTimeChanged(whatIf);
}

void TimelinePage::addFromInput()
{
    const QString token = m_tokenInput->toPlainText().trimmed();
    if (token.isEmpty()) {
        showInputError(tr("Paste a token first."));
        m_tokenInput->setFocus();
        return;
    }
    if (setToken(m_nameEdit->text(), token)) {
        m_timeline->fitToTokens(); // the user's own token: show it, whatever the zoom was
        m_nameEdit->clear();
        m_tokenInput->clear();
        m_tokenList->setCurrentRow(static_cast<int>(m_timeline->rows().size()) - 1);
    }
}

void TimelinePage::removeSelected()
{
    const int row = m_tokenList->currentRow();
    if (row >= 0 && row < static_cast<int>(m_timeline->rows().size())) {
        m_timeline->removeToken(m_timeline->rows()[static_cast<std::size_t>(row)].name);
    }
}

void TimelinePage::updateTokenList()
{
    const auto& rows = m_timeline->rows();
    const TimelineColors colors = timelineColors(QApplication::palette());
    while (m_tokenList->count() > static_cast<int>(rows.size())) {
        delete m_tokenList->takeItem(m_tokenList->count() - 1);
    }
    while (m_tokenList->count() < static_cast<int>(rows.size())) {
        m_tokenList->addItem(QString());
    }
    for (int i = 0; i < m_tokenList->count(); ++i) {
        const auto& row = rows[static_cast<std::size_t>(i)];
        QListWidgetItem* item = m_tokenList->item(i);
        item->setText(row.name + QStringLiteral("\n") + m_timeline->stateText(i));
        item->setForeground(TimelinePainter::stateColor(colors, row.summary.state));
        const QStringList warnings = m_timeline->warningTexts(i);
        item->setToolTip(warnings.isEmpty() ? m_timeline->stateText(i) : warnings.join(QLatin1Char('\n')));
    }
    m_removeButton->setEnabled(m_tokenList->currentRow() >= 0);
}

void TimelinePage::syncTimeControls()
{
    const bool utc = m_zoneCombo->currentIndex() == 0;
    const auto at = toSysSeconds(m_timeline->verificationTime());
    if (m_timeEdit->dateTime().toSecsSinceEpoch() != toQDateTime(at).toSecsSinceEpoch() || utc != m_timeline->isUtc()
        || m_timeEdit->dateTime().timeSpec() != (utc ? Qt::UTC : Qt::LocalTime)) {
        const QSignalBlocker blockEdit(m_timeEdit);
        setEditZone(m_timeEdit, utc);
        m_timeEdit->setDateTime(displayTime(at, utc));
    }
    {
        const QSignalBlocker blockSlider(m_slider);
        const double fraction = inspect::timeFraction(m_timeline->visibleRange(), at);
        m_slider->setValue(static_cast<int>(std::lround(std::clamp(fraction, 0.0, 1.0) * kSliderSteps)));
    }
    m_nowButton->setEnabled(!m_time->followsClock());
}

void TimelinePage::alignSlider()
{
    QStyleOptionSlider option;
    option.initFrom(m_slider);
    option.orientation = Qt::Horizontal;
    const int handle = m_slider->style()->pixelMetric(QStyle::PM_SliderLength, &option, m_slider);
    const QRect plot = m_timeline->plotRect();
    const int left = m_sliderRow->mapFromGlobal(m_timeline->mapToGlobal(plot.topLeft())).x() - handle / 2;
    const int right = m_sliderRow->width() - 1
        - m_sliderRow->mapFromGlobal(m_timeline->mapToGlobal(plot.topRight())).x() - (handle - 1) / 2;
    m_sliderRow->layout()->setContentsMargins(std::max(0, left), 0, std::max(0, right), 0);
}

bool TimelinePage::eventFilter(QObject* watched, QEvent* event)
{
    if ((watched == m_timeline || watched == m_sliderRow)
        && (event->type() == QEvent::Resize || event->type() == QEvent::Move)) {
        alignSlider();
    }
    return QWidget::eventFilter(watched, event);
}

void TimelinePage::showInputError(const QString& message)
{
    m_inputError->setText(message);
    m_inputError->show();
}

void TimelinePage::updateColors()
{
    QPalette palette = m_inputError->palette();
    palette.setColor(QPalette::WindowText, tokenColors(QApplication::palette()).error);
    m_inputError->setPalette(palette);
    updateTokenList();
}

void TimelinePage::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::ApplicationPaletteChange || event->type() == QEvent::PaletteChange) {
        updateColors();
    }
}

} // namespace jwtwb::ui
