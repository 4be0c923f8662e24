#include "ClaimHelpers.h"

#include "jose/ClaimTemplates.h"
#include "support/Convert.h"
#include "support/HttpMethodCombo.h"
#include "support/Labels.h"
#include "support/TabOrder.h"
#include "support/Theme.h"
#include "time/Duration.h"

#include <QApplication>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

#include <array>

namespace jwtwb::ui {
namespace {

using namespace std::chrono_literals;

struct ExpiryPreset {
    const char* label;
    std::chrono::seconds duration;
};

const std::array kPresets{
    ExpiryPreset{QT_TRANSLATE_NOOP("jwtwb::ui::ClaimHelpers", "5 min"), 5min},
    ExpiryPreset{QT_TRANSLATE_NOOP("jwtwb::ui::ClaimHelpers", "15 min"), 15min},
    ExpiryPreset{QT_TRANSLATE_NOOP("jwtwb::ui::ClaimHelpers", "1 h"), 1h},
    ExpiryPreset{QT_TRANSLATE_NOOP("jwtwb::ui::ClaimHelpers", "1 day"), 24h},
};

QPushButton* makeButton(const QString& text, const QString& tip, const QString& name, QWidget* parent)
{
    auto* button = new QPushButton(text, parent);
    button->setToolTip(tip);
    button->setObjectName(name);
    return button;
}

} // namespace

ClaimHelpers::ClaimHelpers(QWidget* parent)
    : QWidget(parent)
    , m_expiry(new QComboBox(this))
    , m_customExpiry(new QLineEdit(this))
    , m_template(new QComboBox(this))
    , m_dpopFields(new QWidget(this))
    , m_dpopMethod(makeHttpMethodCombo(m_dpopFields))
    , m_dpopUrl(new QLineEdit(m_dpopFields))
    , m_dpopAccessToken(new QLineEdit(m_dpopFields))
    , m_error(new QLabel(this))
{
    m_expiry->setObjectName(QStringLiteral("expiryPreset"));
    m_customExpiry->setObjectName(QStringLiteral("customExpiry"));
    m_template->setObjectName(QStringLiteral("templateChoice"));
    m_error->setObjectName(QStringLiteral("claimHelperError"));
    m_dpopFields->setObjectName(QStringLiteral("dpopTemplateFields"));
    m_dpopMethod->setObjectName(QStringLiteral("dpopTemplateMethod"));
    m_dpopUrl->setObjectName(QStringLiteral("dpopTemplateUrl"));
    m_dpopAccessToken->setObjectName(QStringLiteral("dpopTemplateAccessToken"));

    auto* iat = makeButton(tr("iat = now"), tr("Issued at: the current time"), QStringLiteral("iatButton"), this);
    auto* nbf
        = makeButton(tr("nbf = now"), tr("Not before: valid from the current time"), QStringLiteral("nbfButton"), this);
    auto* exp = makeButton(tr("exp = now +"), tr("Expiry: the current time plus the duration on the right"),
                           QStringLiteral("expButton"), this);
    auto* jti = makeButton(tr("jti = random UUID"), tr("A unique token id (UUID version 4 from OpenSSL's random)"),
                           QStringLiteral("jtiButton"), this);
    auto* apply = makeButton(tr("Apply Template"),
                             tr("Replace the payload with the chosen shape: iss, sub, aud and scope are placeholders; "
                                "a DPoP proof gets the signing key's public half as its \"jwk\""),
                             QStringLiteral("applyTemplateButton"), this);

    for (const auto& preset : kPresets) {
        m_expiry->addItem(tr(preset.label));
    }
    m_expiry->addItem(tr("Custom"));
    m_expiry->setCurrentIndex(1);
    m_customExpiry->setPlaceholderText(tr("e.g. 2h30m"));
    m_customExpiry->setToolTip(tr("A duration: 90, 30s, 15m, 90m, 2h30m, 1d, 1w"));
    m_customExpiry->setEnabled(false);
    m_customExpiry->setMaximumWidth(m_customExpiry->fontMetrics().horizontalAdvance(QStringLiteral("e.g. 2h30m_"))
                                    + 2 * m_customExpiry->style()->pixelMetric(QStyle::PM_DefaultFrameWidth) + 12);
    m_template->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_template->setMinimumContentsLength(12);
    for (const auto& info : jose::claimTemplates()) {
        m_template->addItem(toQString(info.name));
    }
    m_template->addItem(tr("DPoP proof (RFC 9449)"));
    m_dpopMethod->setCurrentText(QStringLiteral("POST"));
    m_dpopMethod->setToolTip(tr("htm: the HTTP method of the request the proof goes with"));
    m_dpopUrl->setText(QStringLiteral("https://server.example.com/token"));
    m_dpopUrl->setToolTip(tr("htu: the URL of the request, without query and fragment"));
    m_dpopAccessToken->setPlaceholderText(tr("optional: the access token the proof goes with (for ath)"));
    m_dpopAccessToken->setToolTip(tr("ath: the proof carries the SHA-256 of the access token it is sent with"));
    auto* dpopLayout = new QGridLayout(m_dpopFields);
    dpopLayout->setContentsMargins(0, 0, 0, 0);
    dpopLayout->addWidget(m_dpopMethod, 0, 0);
    dpopLayout->addWidget(m_dpopUrl, 0, 1);
    dpopLayout->addWidget(m_dpopAccessToken, 1, 0, 1, 2);
    dpopLayout->setColumnStretch(1, 1);
    m_dpopFields->hide();
    m_error->setWordWrap(true);
    m_error->hide();

    auto* nowRow = new QHBoxLayout;
    nowRow->addWidget(iat);
    nowRow->addWidget(nbf);
    nowRow->addWidget(jti);
    nowRow->addStretch(1);
    auto* expiryRow = new QHBoxLayout;
    expiryRow->addWidget(exp);
    expiryRow->addWidget(m_expiry);
    expiryRow->addWidget(m_customExpiry);
    expiryRow->addStretch(1);
    auto* templateRow = new QHBoxLayout;
    templateRow->addWidget(m_template, 1);
    templateRow->addWidget(apply);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(nowRow);
    layout->addLayout(expiryRow);
    layout->addLayout(templateRow);
    layout->addWidget(m_dpopFields);
    layout->addWidget(m_error);
    chainTabOrder(
        {iat, nbf, jti, exp, m_expiry, m_customExpiry, m_template, apply, m_dpopMethod, m_dpopUrl, m_dpopAccessToken});

    connect(iat, &QPushButton::clicked, this, [this] { emit timeClaimRequested(QStringLiteral("iat"), 0s); });
    connect(nbf, &QPushButton::clicked, this, [this] { emit timeClaimRequested(QStringLiteral("nbf"), 0s); });
    connect(exp, &QPushButton::clicked, this, &ClaimHelpers::requestExpiry);
    connect(m_customExpiry, &QLineEdit::returnPressed, this, &ClaimHelpers::requestExpiry);
    connect(jti, &QPushButton::clicked, this, &ClaimHelpers::jtiRequested);
    connect(apply, &QPushButton::clicked, this, &ClaimHelpers::requestTemplate);
    connect(m_template, &QComboBox::currentIndexChanged, this,
            [this](int index) { m_dpopFields->setVisible(index == dpopIndex()); });
    connect(m_expiry, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_customExpiry->setEnabled(index == static_cast<int>(kPresets.size()));
        if (m_customExpiry->isEnabled()) {
            m_customExpiry->setFocus();
        }
    });
}

void ClaimHelpers::setExpiryText(const QString& text)
{
    for (std::size_t i = 0; i < kPresets.size(); ++i) {
        if (text == tr(kPresets[i].label)) {
            m_expiry->setCurrentIndex(static_cast<int>(i));
            return;
        }
    }
    m_expiry->setCurrentIndex(static_cast<int>(kPresets.size()));
    m_customExpiry->setText(text);
}

void ClaimHelpers::setDpopRequest(const QString& method, const QString& url, const QString& accessToken)
{
    m_template->setCurrentIndex(dpopIndex());
    m_dpopMethod->setCurrentText(method);
    m_dpopUrl->setText(url);
    m_dpopAccessToken->setText(accessToken);
}

int ClaimHelpers::dpopIndex() const
{
    return static_cast<int>(jose::claimTemplates().size());
}

void ClaimHelpers::showError(const QString& message)
{
    setTextColor(m_error, tokenColors(QApplication::palette()).error);
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void ClaimHelpers::requestTemplate()
{
    m_error->hide();
    if (m_template->currentIndex() == dpopIndex()) {
        emit dpopTemplateRequested(m_dpopMethod->currentText().trimmed(), m_dpopUrl->text().trimmed(),
                                   m_dpopAccessToken->text().trimmed());
        return;
    }
    emit templateRequested(m_template->currentIndex());
}

void ClaimHelpers::requestExpiry()
{
    const auto index = static_cast<std::size_t>(m_expiry->currentIndex());
    m_error->hide();
    if (index < kPresets.size()) {
        emit timeClaimRequested(QStringLiteral("exp"), kPresets[index].duration);
        return;
    }
    const auto duration = time::parseDuration(toStdString(m_customExpiry->text().trimmed()));
    if (!duration) {
        showError(tr("Expiry duration: %1").arg(toQString(duration.error().message)));
        return;
    }
    emit timeClaimRequested(QStringLiteral("exp"), *duration);
}

} // namespace jwtwb::ui
