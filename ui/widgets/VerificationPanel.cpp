#include "VerificationPanel.h"

#include "encoding/Json.h"
#include "jose/Algorithm.h"
#include "jose/CompactToken.h"
#include "jose/JwtVerifier.h"
#include "jose/KeySelector.h"
#include "support/Clock.h"
#include "support/Convert.h"
#include "support/TabOrder.h"
#include "support/Theme.h"
#include "support/VerificationTime.h"
#include "widgets/KeyInput.h"

#include <QApplication>
#include <QCheckBox>
#include <QDateTimeEdit>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTimeZone>
#include <QTimer>
#include <QVBoxLayout>

namespace jwtwb::ui {
namespace {

std::vector<std::string> splitList(const QString& text)
{
    std::vector<std::string> out;
    for (const QString& item : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!item.trimmed().isEmpty()) {
            out.push_back(toStdString(item.trimmed()));
        }
    }
    return out;
}

} // namespace

VerificationPanel::VerificationPanel(QWidget* parent)
    : QWidget(parent)
    , m_keyInput(new KeyInput(KeyInput::Purpose::Verify, this))
    , m_algorithms(new QPushButton(this))
    , m_issuer(new QLineEdit(this))
    , m_audience(new QLineEdit(this))
    , m_detachedLabel(new QLabel(tr("Detached payload"), this))
    , m_detached(new QPlainTextEdit(this))
    , m_leeway(new QSpinBox(this))
    , m_atNow(new QCheckBox(tr("Now"), this))
    , m_at(new QDateTimeEdit(this))
    , m_acceptWeakKeys(new QCheckBox(tr("Accept &weak keys"), this))
    , m_time(new VerificationTime(this))
    , m_verdict(new QLabel(this))
    , m_reason(new QLabel(this))
    , m_keySelection(new QLabel(this))
{
    m_algorithms->setObjectName(QStringLiteral("allowedAlgorithms"));
    m_issuer->setObjectName(QStringLiteral("expectedIssuer"));
    m_audience->setObjectName(QStringLiteral("expectedAudience"));
    m_detached->setObjectName(QStringLiteral("detachedPayload"));
    m_leeway->setObjectName(QStringLiteral("leeway"));
    m_atNow->setObjectName(QStringLiteral("verifyNow"));
    m_at->setObjectName(QStringLiteral("verifyAt"));
    m_acceptWeakKeys->setObjectName(QStringLiteral("acceptWeakKeys"));
    // Off at every start and never stored: accepting a weak key is a choice for one look at one token.
    m_acceptWeakKeys->setToolTip(
        tr("Accept an RSA key under 2048 bits or with the ROCA fingerprint, or an HMAC secret shorter than the hash, "
           "with a warning, as a lenient verifier would. A conforming verifier refuses them (RFC 7518 §3.2, "
           "§3.3); use this for teaching and for legacy systems only."));
    m_verdict->setObjectName(QStringLiteral("verdictLabel"));
    m_reason->setObjectName(QStringLiteral("reasonLabel"));
    m_keySelection->setObjectName(QStringLiteral("keySelectionLabel"));

    auto* menu = new QMenu(m_algorithms);
    for (const auto& info : jose::allAlgorithms()) {
        if (info.alg == jose::JwsAlgorithm::None) {
            continue; // never accepted, so never offered
        }
        QAction* action = menu->addAction(toQString(info.name));
        action->setCheckable(true);
        action->setToolTip(toQString(info.description));
        connect(action, &QAction::toggled, this, [this] {
            updateAlgorithmButton();
            verify();
        });
    }
    m_algorithms->setMenu(menu); // a push button keeps room for the menu arrow; a tool button drew it on the text
    m_algorithms->setToolTip(tr("Accept only these algorithms. A verifier should always name the algorithms it "
                                "expects instead of trusting the token's \"alg\" (RFC 8725 §3.1)."));
    updateAlgorithmButton();

    m_issuer->setPlaceholderText(tr("any (iss not checked)"));
    m_audience->setPlaceholderText(tr("any (aud not checked); several separated by commas"));
    m_leeway->setRange(0, 24 * 3600);
    m_leeway->setSuffix(tr(" s"));
    m_leeway->setToolTip(tr("Clock tolerance for exp, nbf and iat"));
    m_atNow->setChecked(true);
    m_atNow->setToolTip(tr("Check exp, nbf and iat against the current time; uncheck to pick another time."));
#if QT_VERSION >= QT_VERSION_CHECK(6, 7, 0)
    m_at->setTimeZone(QTimeZone::utc());
#else
    m_at->setTimeSpec(Qt::UTC);
#endif
    m_at->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
    m_at->setCalendarPopup(true);
    m_at->setEnabled(false);
    m_detached->setPlaceholderText(tr("the payload that was signed, when the token leaves it out (RFC 7515 "
                                      "Appendix F)"));
    m_detached->setTabChangesFocus(true);
    m_detached->setMaximumHeight(m_detached->fontMetrics().lineSpacing() * 4);
    m_detachedLabel->hide();
    m_detached->hide();

    auto* atRow = new QHBoxLayout;
    atRow->addWidget(m_atNow);
    atRow->addWidget(m_at, 1);

    QFont verdictFont = m_verdict->font();
    verdictFont.setBold(true);
    verdictFont.setPointSizeF(verdictFont.pointSizeF() * 1.3);
    m_verdict->setFont(verdictFont);
    for (QLabel* label : {m_reason, m_keySelection}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_keySelection->hide();

    auto* keyBox = new QGroupBox(tr("Key"), this);
    auto* keyLayout = new QVBoxLayout(keyBox);
    keyLayout->addWidget(m_keyInput);

    auto* optionsBox = new QGroupBox(tr("Options"), this);
    auto* form = new QFormLayout(optionsBox);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("Algorithms"), m_algorithms);
    form->addRow(tr("Issuer (iss)"), m_issuer);
    form->addRow(tr("Audience (aud)"), m_audience);
    form->addRow(tr("Leeway"), m_leeway);
    form->addRow(tr("Verify at"), atRow);
    form->addRow(QString(), m_acceptWeakKeys);
    form->addRow(m_detachedLabel, m_detached);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_verdict);
    layout->addWidget(m_reason);
    layout->addWidget(m_keySelection);
    layout->addWidget(keyBox);
    layout->addWidget(optionsBox);
    layout->addStretch(1);
    chainTabOrder(
        {m_keyInput, m_algorithms, m_issuer, m_audience, m_leeway, m_atNow, m_at, m_acceptWeakKeys, m_detached});

    connect(m_keyInput, &KeyInput::keysChanged, this, &VerificationPanel::verify);
    connect(m_issuer, &QLineEdit::textChanged, this, &VerificationPanel::verify);
    connect(m_audience, &QLineEdit::textChanged, this, &VerificationPanel::verify);
    connect(m_detached, &QPlainTextEdit::textChanged, this, &VerificationPanel::verify);
    connect(m_leeway, &QSpinBox::valueChanged, this, &VerificationPanel::verify);
    connect(m_acceptWeakKeys, &QCheckBox::toggled, this, &VerificationPanel::verify);
    // The user's choice goes to m_time; the controls and the verdict follow it from there.
    connect(m_at, &QDateTimeEdit::dateTimeChanged, this,
            [this](const QDateTime& time) { m_time->setWhatIf(toSysSeconds(time)); });
    connect(m_atNow, &QCheckBox::toggled, this,
            [this](bool now) { m_time->setWhatIf(now ? std::nullopt : std::optional(Clock::nowSeconds())); });
    connect(m_time, &VerificationTime::changed, this, &VerificationPanel::showVerificationTime);
    // Time passes: a token that expires while it is on screen must not stay "valid".
    auto* tick = new QTimer(this);
    tick->setInterval(1000);
    connect(tick, &QTimer::timeout, this, [this] {
        if (m_atNow->isChecked() && !m_keyInput->isEmpty()) {
            verify();
        } else {
            showCurrentTime();
        }
    });
    tick->start();
    updateColors();
    verify();
}

void VerificationPanel::setToken(const QString& token)
{
    if (token == m_token) {
        return;
    }
    m_token = token;
    if (const auto decoded = jose::decodeCompact(toStdString(token), jose::Base64Mode::Lenient)) {
        const auto alg = decoded->header.value.find("alg");
        if (alg != decoded->header.value.end() && alg->is_string()) {
            m_keyInput->followTokenAlgorithm(toQString(alg->get<std::string>())); // verifies when it switches
        }
    }
    verify();
}

void VerificationPanel::setAcceptWeakKeys(bool accept)
{
    m_acceptWeakKeys->setChecked(accept); // verifies when it changes
}

void VerificationPanel::setAllowedAlgorithms(const QStringList& names)
{
    for (QAction* action : m_algorithms->menu()->actions()) {
        const QSignalBlocker blocker(action);
        action->setChecked(names.contains(action->text()));
    }
    updateAlgorithmButton();
    verify();
}

QStringList VerificationPanel::allowedAlgorithms() const
{
    QStringList names;
    for (const QAction* action : m_algorithms->menu()->actions()) {
        if (action->isChecked()) {
            names << action->text();
        }
    }
    return names;
}

void VerificationPanel::setExpectedIssuer(const QString& issuer)
{
    m_issuer->setText(issuer);
}

void VerificationPanel::setExpectedAudience(const QString& audience)
{
    m_audience->setText(audience);
}

void VerificationPanel::setLeewaySeconds(int seconds)
{
    m_leeway->setValue(seconds);
}

void VerificationPanel::setDetachedPayload(const QString& payload)
{
    m_detached->setPlainText(payload);
}

void VerificationPanel::setVerifyTime(std::optional<std::chrono::sys_seconds> at)
{
    m_time->setWhatIf(at);
}

void VerificationPanel::shareVerificationTime(VerificationTime* time)
{
    VerificationTime::share(this, m_time, time, [this] { showVerificationTime(); });
}

void VerificationPanel::showVerificationTime()
{
    const QSignalBlocker nowBlocker(m_atNow);
    const QSignalBlocker atBlocker(m_at);
    m_atNow->setChecked(m_time->followsClock());
    m_at->setEnabled(!m_time->followsClock());
    if (toSysSeconds(m_at->dateTime()) != m_time->at()) {
        m_at->setDateTime(toQDateTime(m_time->at()));
    }
    verify();
    emit verificationTimeChanged();
}

std::chrono::sys_seconds VerificationPanel::verificationTime() const
{
    return m_time->at();
}

QString VerificationPanel::verdictText() const
{
    return m_verdict->text();
}

QString VerificationPanel::reasonText() const
{
    return m_reason->text();
}

QString VerificationPanel::keySelectionText() const
{
    return m_keySelection->isHidden() ? QString() : m_keySelection->text();
}

QString VerificationPanel::summaryText() const
{
    return m_summary.isEmpty() ? m_verdict->text() : tr("%1 — %2").arg(m_verdict->text(), m_summary);
}

void VerificationPanel::updateAlgorithmButton()
{
    const QStringList names = allowedAlgorithms();
    m_algorithms->setText(names.isEmpty() ? tr("All the key can use") : names.join(QStringLiteral(", ")));
}

void VerificationPanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::ApplicationPaletteChange || event->type() == QEvent::PaletteChange) {
        updateColors();
    }
}

void VerificationPanel::updateColors()
{
    const StatusColors colors = statusColors(QApplication::palette());
    QPalette palette = m_verdict->palette();
    const QColor color = m_state == VerificationState::Valid ? colors.good
        : m_state == VerificationState::Invalid              ? colors.bad
                                                             : QApplication::palette().color(QPalette::WindowText);
    palette.setColor(QPalette::WindowText, color);
    m_verdict->setPalette(palette);
}

void VerificationPanel::showResult(VerificationState state, const QString& verdict, const QStringList& reasons,
                                   const QString& summary)
{
    const QString reason = reasons.join(QLatin1Char('\n'));
    const bool changed = state != m_state || verdict != m_verdict->text() || reason != m_reason->text();
    m_state = state;
    m_verdict->setText(verdict);
    m_reason->setText(reason);
    m_summary = summary.isEmpty() ? reasons.value(0) : summary;
    updateColors();
    if (changed) {
        emit verified(state);
    }
}

// While "Now" is ticked the field shows the instant used, not QDateTimeEdit's 2000-01-01.
void VerificationPanel::showCurrentTime()
{
    if (m_atNow->isChecked()) {
        const QSignalBlocker blocker(m_at);
        m_at->setDateTime(
            QDateTime::fromSecsSinceEpoch(Clock::nowSeconds().time_since_epoch().count(), QTimeZone::utc()));
    }
}

void VerificationPanel::verify()
{
    showCurrentTime();
    m_keySelection->hide();
    const std::string token = toStdString(m_token);
    const bool jwe = std::ranges::count(token, '.') == 4;
    const bool emptyPayload = !jwe && token.find("..") != std::string::npos;
    m_detachedLabel->setVisible(emptyPayload);
    m_detached->setVisible(emptyPayload);
    if (token.empty()) {
        showResult(VerificationState::NotVerified, tr("Not verified"), {tr("There is no token to verify.")});
        return;
    }
    // A part missing, broken or too many: say which, instead of a verdict on a token that is not whole.
    const auto decoded = jose::decodeCompact(token, jose::Base64Mode::Lenient);
    const jose::TokenReading reading = jose::readSegments(token);
    if (!decoded || reading.lacksSignature()) {
        const jose::SegmentReading* problem = reading.firstProblem();
        const QString why = toSentence(problem ? problem->problem : decoded.error().message);
        showResult(VerificationState::NotVerified, tr("Not verified"),
                   {tr("This token cannot be verified: %1").arg(why)}, why);
        return;
    }
    if (jwe) {
        showResult(VerificationState::NotVerified, tr("Not verified"),
                   {tr("This is a JWE (encrypted token): it has no signature to verify. Decryption comes with the "
                       "encryption feature.")});
        return;
    }
    if (const QString missing = m_keyInput->missingKeyText(); m_keyInput->isEmpty() && !missing.isEmpty()) {
        showResult(VerificationState::NotVerified, tr("Not verified"), {missing});
        return;
    }
    if (m_keyInput->isEmpty()) {
        showResult(VerificationState::NotVerified, tr("Not verified"),
                   {tr("Give the key below to verify the signature. Until then nothing about this token is proven: "
                       "anyone can write any header and payload.")},
                   tr("No key given yet: decoding shows what the token says, not whether it is genuine."));
        return;
    }
    if (!m_keyInput->errorText().isEmpty()) {
        showResult(VerificationState::NotVerified, tr("Not verified"),
                   {tr("The key cannot be read: %1").arg(m_keyInput->errorText())});
        return;
    }
    const auto& keys = m_keyInput->keys();
    if (keys.empty()) {
        showResult(VerificationState::NotVerified, tr("Not verified"), {tr("The key set has no usable key.")});
        return;
    }

    jose::JwtVerifyOptions options;
    for (const QString& name : allowedAlgorithms()) {
        if (const auto alg = jose::parseAlgorithm(toStdString(name))) {
            options.jws.algorithms.push_back(*alg);
        }
    }
    if (emptyPayload && !m_detached->toPlainText().isEmpty()) {
        const std::string detached = toStdString(m_detached->toPlainText());
        options.jws.detachedPayload = Bytes(detached.begin(), detached.end());
    }
    options.claims.issuers = splitList(m_issuer->text());
    options.claims.audiences = splitList(m_audience->text());
    options.claims.leeway = std::chrono::seconds(m_leeway->value());
    options.claims.now = m_time->at();
    options.jws.weakKeys = m_acceptWeakKeys->isChecked() ? jose::WeakKeys::Accept : jose::WeakKeys::Refuse;

    const auto source = m_keyInput->isKeySet() ? jose::KeySource::set(keys) : jose::KeySource::single(keys.front());
    const auto result = jose::verifyJwt(token, source, options);
    if (!result) {
        showResult(VerificationState::Invalid, tr("Invalid"),
                   {tr("A verifier rejects this token: %1").arg(toSentence(result.error().message))});
        return;
    }

    if (m_keyInput->isKeySet()) {
        const auto selection = jose::selectKeys(result->token.header.value, keys);
        QStringList lines;
        for (const auto index : selection.matches) {
            lines << tr("Fits this token: %1.").arg(toQString(jose::describeKeyInSet(keys[index], index)));
        }
        for (const auto& rejection : selection.rejected) {
            lines << tr("Skipped %1: %2.")
                         .arg(toQString(jose::describeKeyInSet(keys[rejection.index], rejection.index)),
                              toQString(rejection.reason));
        }
        m_keySelection->setText(lines.join(QLatin1Char('\n')));
        m_keySelection->setVisible(!lines.isEmpty());
    }

    const auto& signature = result->signature;
    QStringList reasons;
    if (signature.valid()) {
        // Core says "valid signature", and with a key set which key made it.
        constexpr std::string_view kValid = "valid signature";
        const std::string_view which = std::string_view(signature.reason).starts_with(kValid)
            ? std::string_view(signature.reason).substr(kValid.size())
            : std::string_view();
        reasons << tr("The signature is valid (%1)%2.")
                       .arg(toQString(signature.alg ? jose::algorithmName(*signature.alg) : "?"), toQString(which));
    } else if (signature.problem == jose::SignatureProblem::KeyMismatch
               || signature.problem == jose::SignatureProblem::AlgorithmConfusion) {
        reasons << toSentence(signature.reason); // the verdict says it already: not accepted, and why
    } else if (signature.problem == jose::SignatureProblem::WeakKey) {
        // Core's sentence says whether the signature matches, and why the key is refused.
        reasons << toSentence(signature.reason)
                << tr("Tick \u201cAccept weak keys\u201d to accept it with a warning, as a lenient verifier would.");
    } else {
        reasons << tr("The signature is not accepted: %1").arg(toSentence(signature.reason));
    }
    for (const auto& warning : signature.warnings) {
        reasons << tr("Warning: %1").arg(toSentence(warning));
    }
    bool claimsOk = true;
    QString firstClaimError; // the short reason when the signature is valid but the claims are not
    for (const auto& finding : result->claims.findings) {
        if (finding.code == jose::ClaimCode::ClaimsNotObject) {
            reasons << tr("The payload is not a JWT claims set, so no claims were checked.");
            continue;
        }
        const bool error = finding.severity == jose::ClaimSeverity::Error;
        claimsOk = claimsOk && !error;
        if (error && firstClaimError.isEmpty()) {
            firstClaimError = toSentence(finding.message);
        }
        reasons << (error ? toSentence(finding.message) : tr("Warning: %1").arg(toSentence(finding.message)));
    }
    if (signature.valid() && claimsOk) {
        if (result->claims.findings.empty()) {
            reasons << tr("The claims hold at the time checked.");
        }
        showResult(VerificationState::Valid, tr("Valid"), reasons);
    } else if (signature.problem == jose::SignatureProblem::MissingPayload) {
        showResult(VerificationState::NotVerified, tr("Not verified"), reasons);
    } else {
        // Core tells the attack (a public key's text as the HMAC secret) from a key that does not fit.
        showResult(VerificationState::Invalid,
                   signature.valid() ? tr("Invalid: the claims do not hold")
                       : signature.problem == jose::SignatureProblem::AlgorithmConfusion
                       ? tr("Invalid: algorithm confusion")
                       : signature.problem == jose::SignatureProblem::KeyMismatch ? tr("Invalid: the key does not fit")
                       : signature.problem == jose::SignatureProblem::WeakKey     ? tr("Invalid: the key is too weak")
                                                                                  : tr("Invalid"),
                   reasons, signature.valid() ? firstClaimError : QString());
    }
}

} // namespace jwtwb::ui
