#include "DpopChecksView.h"

#include "support/Convert.h"
#include "support/HttpMethodCombo.h"
#include "support/Labels.h"
#include "support/TabOrder.h"
#include "support/Theme.h"
#include "widgets/CheckList.h"

#include <QApplication>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace jwtwb::ui {
namespace {

using dpop::CheckOutcome;
using dpop::DpopCheckCode;

constexpr auto kLastCheck = static_cast<std::size_t>(DpopCheckCode::KeyBinding);

// An access token as an HTTP log shows it: "Authorization: DPoP …" or "Bearer …" is the token after it.
QString bareAccessToken(const QString& text)
{
    static const QRegularExpression prefix(QStringLiteral("^(authorization:\\s*)?(dpop|bearer)\\s+"),
                                           QRegularExpression::CaseInsensitiveOption);
    return text.trimmed().remove(prefix);
}

} // namespace

DpopChecksView::DpopChecksView(QWidget* parent)
    : QWidget(parent)
    , m_method(makeHttpMethodCombo(this))
    , m_url(new QLineEdit(this))
    , m_accessToken(new QLineEdit(this))
    , m_nonce(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_checks(new CheckList(QStringLiteral("dpopCheck"), this))
{
    m_method->setObjectName(QStringLiteral("dpopMethod"));
    m_url->setObjectName(QStringLiteral("dpopUrl"));
    m_accessToken->setObjectName(QStringLiteral("dpopAccessToken"));
    m_nonce->setObjectName(QStringLiteral("dpopNonce"));
    m_error->setObjectName(QStringLiteral("dpopError"));

    auto* about = new QLabel(
        tr("This is a DPoP proof (RFC 9449). It carries the public key it was signed with in its header (\"jwk\") "
           "and is verified with that key: the one kind of token where a key in the header is right. A valid proof "
           "shows only that the client holds that key; the access token's cnf.jkt is what binds the key to the "
           "token."),
        this);
    about->setObjectName(QStringLiteral("dpopAbout"));
    about->setWordWrap(true);
    about->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_method->setCurrentIndex(-1);
    m_method->lineEdit()->setPlaceholderText(tr("the request's method"));
    m_method->setToolTip(tr("The HTTP method of the request the proof came with; htm must be exactly this "
                            "(methods are case-sensitive)."));
    m_url->setPlaceholderText(tr("the request's URL, e.g. https://api.example.com/orders"));
    m_url->setToolTip(tr("The URL of the request; htu is compared without query and fragment, with scheme and host "
                         "in any case and no default port (RFC 9449 §4.3)."));
    m_accessToken->setPlaceholderText(tr("optional: the access token sent with the proof"));
    m_accessToken->setToolTip(tr("ath must be the SHA-256 of this token, and a JWT access token's cnf.jkt the "
                                 "thumbprint of the proof's key. \"Authorization: DPoP …\" may be pasted whole."));
    m_nonce->setPlaceholderText(tr("optional: the nonce the server handed out"));

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("HTTP &method (htm)"), m_method);
    form->addRow(tr("&URL (htu)"), m_url);
    form->addRow(tr("Access &token"), m_accessToken);
    form->addRow(tr("&Nonce"), m_nonce);

    m_checks->setObjectName(QStringLiteral("dpopCheckList"));
    for (std::size_t i = 0; i <= kLastCheck; ++i) {
        const QString name = toQString(dpop::dpopCheckName(static_cast<DpopCheckCode>(i)));
        m_checks->addRow(name, name);
    }
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(about);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_checks);
    chainTabOrder({m_method, m_url, m_accessToken, m_nonce});

    connect(m_method, &QComboBox::editTextChanged, this, &DpopChecksView::requestChanged);
    connect(m_url, &QLineEdit::textChanged, this, &DpopChecksView::requestChanged);
    connect(m_accessToken, &QLineEdit::textChanged, this, &DpopChecksView::requestChanged);
    connect(m_nonce, &QLineEdit::textChanged, this, &DpopChecksView::requestChanged);
    showChecks();
}

void DpopChecksView::setMethod(const QString& method)
{
    m_method->setEditText(method);
}

void DpopChecksView::setUrl(const QString& url)
{
    m_url->setText(url);
}

void DpopChecksView::setAccessToken(const QString& token)
{
    m_accessToken->setText(token);
}

void DpopChecksView::setNonce(const QString& nonce)
{
    m_nonce->setText(nonce);
}

dpop::DpopExpectations DpopChecksView::expectations(std::chrono::sys_seconds now) const
{
    dpop::DpopExpectations expected;
    expected.htm = toStdString(m_method->currentText().trimmed());
    expected.htu = toStdString(m_url->text().trimmed());
    if (const QString token = bareAccessToken(m_accessToken->text()); !token.isEmpty()) {
        expected.accessToken = toStdString(token);
    }
    if (const QString nonce = m_nonce->text().trimmed(); !nonce.isEmpty()) {
        expected.nonce = toStdString(nonce);
    }
    expected.now = now;
    return expected;
}

void DpopChecksView::check(const QString& proof, std::chrono::sys_seconds now)
{
    auto result = dpop::verifyDpopProof(toStdString(proof), expectations(now));
    if (result) {
        m_verification = std::move(*result);
        m_errorText.clear();
    } else {
        m_verification.reset();
        m_errorText = toSentence(result.error().message);
    }
    showChecks();
}

QString DpopChecksView::proofClaim(const char* name) const
{
    if (!m_verification || !m_verification->jwt) {
        return {};
    }
    const auto claims = encoding::readJsonMembers(asText(m_verification->jwt->payload()));
    const encoding::JsonMember* claim = claims ? claims->find(name) : nullptr;
    return claim && claim->isString ? toQString(claim->string) : QString();
}

QString DpopChecksView::headerAlgorithm() const
{
    if (!m_verification || !m_verification->jwt) {
        return {};
    }
    const auto header = encoding::readJsonMembers(asText(m_verification->jwt->header()));
    const encoding::JsonMember* alg = header ? header->find("alg") : nullptr;
    return alg && alg->isString ? toQString(alg->string) : QString();
}

void DpopChecksView::showChecks()
{
    m_error->setText(m_errorText);
    m_error->setVisible(!m_errorText.isEmpty());
    const bool methodGiven = !m_method->currentText().trimmed().isEmpty();
    const bool urlGiven = !m_url->text().trimmed().isEmpty();
    for (int i = 0; i < m_checks->rowCount(); ++i) {
        const auto code = static_cast<DpopCheckCode>(i);
        QString reason;
        CheckOutcome shown = CheckOutcome::NotChecked;
        if (m_verification) {
            const dpop::DpopCheck& check = m_verification->check(code);
            shown = check.outcome;
            reason = CheckList::sentence(check.reason);
        }
        if (code == DpopCheckCode::Signature && shown == CheckOutcome::Passed) {
            reason = tr("%1 It was made with the key in the proof's own header (%2).").arg(reason, headerAlgorithm());
        } else if (m_verification && code == DpopCheckCode::Method && !methodGiven) {
            // Without the request there is nothing to compare with: not a failure of the proof.
            shown = CheckOutcome::NotChecked;
            reason = tr("Give the request's method above to check htm (the proof says \"%1\").").arg(proofClaim("htm"));
        } else if (m_verification && code == DpopCheckCode::Url && !urlGiven) {
            shown = CheckOutcome::NotChecked;
            reason = tr("Give the request's URL above to check htu (the proof says \"%1\").").arg(proofClaim("htu"));
        }
        m_checks->setRow(i, shown, reason);
    }
    updateColors();
    m_verdict = makeVerdict();
}

Verdict DpopChecksView::makeVerdict() const
{
    if (!m_errorText.isEmpty()) {
        return {VerificationState::Invalid,
                tr("Invalid DPoP proof"),
                {tr("This DPoP proof cannot be checked: %1").arg(m_errorText)},
                m_errorText};
    }
    if (!m_verification) {
        return {VerificationState::NotVerified, tr("Not verified"), {tr("There is no DPoP proof to check.")}, {}};
    }
    const QStringList failed = m_checks->failures();
    if (!failed.isEmpty()) {
        return {VerificationState::Invalid,
                tr("Invalid DPoP proof: %n check(s) fail", nullptr, static_cast<int>(failed.size())), failed,
                failed.front()};
    }
    const auto& v = *m_verification;
    const QString key
        = v.key ? tr("%1, thumbprint %2").arg(toQString(v.key->describe()), toQString(v.thumbprint)) : QString();
    if (outcome(DpopCheckCode::Method) == CheckOutcome::NotChecked
        || outcome(DpopCheckCode::Url) == CheckOutcome::NotChecked) {
        return {VerificationState::NotVerified,
                tr("Not verified"),
                {tr("The proof is signed with the key in its own header (%1), and every check that can run "
                    "holds.")
                     .arg(key),
                 tr("Give the HTTP method and the URL of the request the proof came with to check htm and htu.")},
                tr("DPoP proof: give the request's method and URL to check it.")};
    }
    QStringList reasons{
        tr("Every check holds: signed with the key in its own header (%1), for %2 %3, made within the iat window.")
            .arg(key, proofClaim("htm"), proofClaim("htu"))};
    if (v.check(DpopCheckCode::AccessTokenHash).outcome == CheckOutcome::NotChecked) {
        reasons << tr("No access token given: ath and cnf.jkt are not checked.");
    } else if (v.check(DpopCheckCode::KeyBinding).outcome == CheckOutcome::NotChecked) {
        reasons << CheckList::sentence(v.check(DpopCheckCode::KeyBinding).reason);
    }
    return {VerificationState::Valid, tr("Valid DPoP proof"), reasons, tr("every DPoP check holds.")};
}

dpop::CheckOutcome DpopChecksView::outcome(dpop::DpopCheckCode code) const
{
    return m_checks->outcome(static_cast<int>(code));
}

QString DpopChecksView::reason(dpop::DpopCheckCode code) const
{
    return m_checks->reason(static_cast<int>(code));
}

void DpopChecksView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::ApplicationPaletteChange || event->type() == QEvent::PaletteChange) {
        updateColors();
    }
}

void DpopChecksView::updateColors()
{
    setTextColor(m_error, statusColors(QApplication::palette()).bad);
}

} // namespace jwtwb::ui
