#include "SdJwtChecksView.h"

#include "support/Convert.h"
#include "support/Labels.h"
#include "support/TabOrder.h"
#include "support/Theme.h"
#include "widgets/CheckList.h"

#include <QApplication>
#include <QCheckBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace jwtwb::ui {
namespace {

using jose::CheckOutcome;
using sdjwt::KbCheckCode;

constexpr auto kLastCheck = static_cast<std::size_t>(KbCheckCode::IssuedAt);
// The rows of the check list: the issuer signature, the disclosures, then one per KbCheckCode.
constexpr int kIssuerRow = 0;
constexpr int kDisclosuresRow = 1;
constexpr int kFirstKbRow = 2;

} // namespace

SdJwtChecksView::SdJwtChecksView(QWidget* parent)
    : QWidget(parent)
    , m_audience(new QLineEdit(this))
    , m_nonce(new QLineEdit(this))
    , m_required(new QCheckBox(tr("Require &key binding"), this))
    , m_about(new QLabel(this))
    , m_error(new QLabel(this))
    , m_checks(new CheckList(QStringLiteral("sdCheck"), this))
{
    m_audience->setObjectName(QStringLiteral("sdKbAudience"));
    m_nonce->setObjectName(QStringLiteral("sdKbNonce"));
    m_required->setObjectName(QStringLiteral("sdKbRequired"));
    m_about->setObjectName(QStringLiteral("sdAbout"));
    m_error->setObjectName(QStringLiteral("sdError"));
    m_about->setWordWrap(true);
    m_about->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_audience->setPlaceholderText(tr("optional: the verifier the presentation is meant for"));
    m_audience->setToolTip(tr("The key binding JWT's aud must be exactly this: you, the verifier. A presentation "
                              "made for another verifier must not be accepted (RFC 9901 §7.3)."));
    m_nonce->setPlaceholderText(tr("optional: the nonce you handed to the holder"));
    m_nonce->setToolTip(tr("The key binding JWT's nonce must be exactly this, which shows the presentation was "
                           "made for this request and is not replayed."));
    m_required->setToolTip(tr("A presentation without a key binding JWT can be replayed by anyone who saw it. "
                              "Tick this when your policy requires key binding."));

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("Expected &audience (KB-JWT aud)"), m_audience);
    form->addRow(tr("Expected n&once (KB-JWT)"), m_nonce);
    form->addRow(QString(), m_required);

    m_checks->setObjectName(QStringLiteral("sdCheckList"));
    m_checks->addRow(tr("issuer signature"), QStringLiteral("issuer"));
    m_checks->addRow(tr("disclosures"), QStringLiteral("disclosures"));
    for (std::size_t i = 0; i <= kLastCheck; ++i) {
        const QString name = toQString(sdjwt::kbCheckName(static_cast<KbCheckCode>(i)));
        m_checks->addRow(name, name);
    }
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_about);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_checks);
    chainTabOrder({m_audience, m_nonce, m_required});

    connect(m_audience, &QLineEdit::textChanged, this, &SdJwtChecksView::expectationsChanged);
    connect(m_nonce, &QLineEdit::textChanged, this, &SdJwtChecksView::expectationsChanged);
    connect(m_required, &QCheckBox::toggled, this, &SdJwtChecksView::expectationsChanged);
    clear({});
}

void SdJwtChecksView::setExpectedAudience(const QString& audience)
{
    m_audience->setText(audience);
}

void SdJwtChecksView::setExpectedNonce(const QString& nonce)
{
    m_nonce->setText(nonce);
}

void SdJwtChecksView::setKeyBindingRequired(bool required)
{
    m_required->setChecked(required);
}

sdjwt::KeyBindingExpectations SdJwtChecksView::expectations(const jose::JwtVerifyOptions& options) const
{
    sdjwt::KeyBindingExpectations expected;
    expected.required = m_required->isChecked();
    if (const QString audience = m_audience->text().trimmed(); !audience.isEmpty()) {
        expected.audience = toStdString(audience);
    }
    if (const QString nonce = m_nonce->text().trimmed(); !nonce.isEmpty()) {
        expected.nonce = toStdString(nonce);
    }
    expected.now = options.claims.now;
    expected.leeway = options.claims.leeway;
    return expected;
}

void SdJwtChecksView::check(const QString& sdJwt, const jose::KeySource& keys, const jose::JwtVerifyOptions& options)
{
    m_waiting.clear();
    auto result = sdjwt::verifySdJwt(toStdString(sdJwt), keys, options, expectations(options));
    if (result) {
        m_issuerVerdict = jwtVerdict(result->issuer);
        m_verification = std::move(*result);
        m_errorText.clear();
    } else {
        m_verification.reset();
        m_issuerVerdict.reset();
        m_errorText = toSentence(result.error().message);
    }
    showChecks();
}

void SdJwtChecksView::clear(const QString& why)
{
    m_verification.reset();
    m_issuerVerdict.reset();
    m_errorText.clear();
    m_waiting = why;
    showChecks();
}

void SdJwtChecksView::showChecks()
{
    m_error->setText(m_errorText);
    m_error->setVisible(!m_errorText.isEmpty());
    const sdjwt::SdJwtVerification* v = m_verification ? &*m_verification : nullptr;
    if (!v) {
        m_checks->setRow(kIssuerRow, m_errorText.isEmpty() ? CheckOutcome::NotChecked : CheckOutcome::Failed,
                         m_errorText.isEmpty() ? m_waiting : m_errorText);
        for (int row = kDisclosuresRow; row < m_checks->rowCount(); ++row) {
            m_checks->setRow(row, CheckOutcome::NotChecked, {});
        }
        m_about->setText(tr("This is an SD-JWT (RFC 9901): an issuer-signed JWT followed by disclosures, and in a "
                            "presentation a key binding JWT. The key below verifies the issuer's signature."));
    } else {
        const auto& sd = v->sdJwt;
        const auto disclosures = static_cast<int>(sd.disclosures.size());
        m_about->setText(sd.keyBindingJwt
                             ? tr("This is an SD-JWT presentation (RFC 9901) with %n disclosure(s) and a key binding "
                                  "JWT, signed by the holder key in cnf.jwk. The key below verifies the issuer's "
                                  "signature.",
                                  nullptr, disclosures)
                             : tr("This is an SD-JWT (RFC 9901) with %n disclosure(s) and no key binding JWT. The key "
                                  "below verifies the issuer's signature.",
                                  nullptr, disclosures));
        m_checks->setRow(kIssuerRow, v->issuer.valid() ? CheckOutcome::Passed : CheckOutcome::Failed,
                         m_issuerVerdict->reasons.value(0));
        if (!sd.ok()) {
            const sdjwt::SdFinding& first = sd.findings.front();
            m_checks->setRow(kDisclosuresRow, CheckOutcome::Failed,
                             tr("%n problem(s); the first: %1 (%2)", nullptr, static_cast<int>(sd.findings.size()))
                                 .arg(CheckList::sentence(first.reason), toQString(sdjwt::sdProblemName(first.code))));
        } else {
            const QString matched = tr("Each of the %n disclosure(s) matches a digest the issuer signed, in its place.",
                                       nullptr, disclosures);
            const QString hidden
                = tr("%n digest(s) are not disclosed (decoys included); what they hide cannot be read from the token.",
                     nullptr, static_cast<int>(sd.undisclosed));
            m_checks->setRow(kDisclosuresRow, CheckOutcome::Passed,
                             sd.undisclosed ? matched + QLatin1Char(' ') + hidden : matched);
        }
        for (std::size_t i = 0; i <= kLastCheck; ++i) {
            const sdjwt::KbCheck& check = v->check(static_cast<KbCheckCode>(i));
            m_checks->setRow(kFirstKbRow + static_cast<int>(i), check.outcome, CheckList::sentence(check.reason));
        }
    }
    updateColors();
    m_verdict = makeVerdict();
}

Verdict SdJwtChecksView::makeVerdict() const
{
    if (!m_errorText.isEmpty()) {
        return {VerificationState::Invalid,
                tr("Invalid SD-JWT"),
                {tr("A verifier rejects this SD-JWT: %1").arg(m_errorText)},
                m_errorText};
    }
    if (!m_verification) {
        return {VerificationState::NotVerified, tr("Not verified"), {m_waiting}, m_waiting};
    }
    const QStringList failed = m_checks->failures();
    if (!failed.isEmpty()) {
        return {VerificationState::Invalid,
                tr("Invalid SD-JWT: %n check(s) fail", nullptr, static_cast<int>(failed.size())), failed,
                failed.front()};
    }
    const auto& v = *m_verification;
    QStringList reasons = m_issuerVerdict->reasons;
    reasons << m_checks->reason(kDisclosuresRow);
    if (!v.sdJwt.keyBindingJwt) {
        reasons << tr("No key binding JWT: anyone who holds this SD-JWT can present it.");
    } else if (v.check(KbCheckCode::Audience).outcome == CheckOutcome::NotChecked
               || v.check(KbCheckCode::Nonce).outcome == CheckOutcome::NotChecked) {
        reasons << tr("The key binding JWT is signed by the holder key and covers this presentation. Give the "
                      "expected audience and nonce to check that it was made for you and for this request.");
    } else {
        reasons << tr("The key binding JWT is signed by the holder key, covers this presentation, and was made for "
                      "this audience and nonce.");
    }
    return {VerificationState::Valid, tr("Valid SD-JWT"), reasons, tr("every SD-JWT check holds.")};
}

jose::CheckOutcome SdJwtChecksView::outcome(sdjwt::KbCheckCode code) const
{
    return m_checks->outcome(kFirstKbRow + static_cast<int>(code));
}

QString SdJwtChecksView::reason(sdjwt::KbCheckCode code) const
{
    return m_checks->reason(kFirstKbRow + static_cast<int>(code));
}

void SdJwtChecksView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::ApplicationPaletteChange || event->type() == QEvent::PaletteChange) {
        updateColors();
    }
}

void SdJwtChecksView::updateColors()
{
    setTextColor(m_error, statusColors(QApplication::palette()).bad);
}

} // namespace jwtwb::ui
