#include "VerificationPanel.h"

#include "dpop/DpopProof.h"
#include "encoding/Json.h"
#include "jose/Algorithm.h"
#include "jose/CompactToken.h"
#include "jose/JwtVerifier.h"
#include "jose/KeySelector.h"
#include "jwe/JweAlgorithm.h"
#include "jwe/JweSerialization.h"
#include "jwe/KeyManagement.h"
#include "sdjwt/SdJwt.h"
#include "support/Clock.h"
#include "support/Convert.h"
#include "support/JweDecryption.h"
#include "support/TabOrder.h"
#include "support/Theme.h"
#include "support/VerificationTime.h"
#include "widgets/DpopChecksView.h"
#include "widgets/KeyInput.h"
#include "widgets/SdJwtChecksView.h"

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
#include <QProgressBar>
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

QString headerString(const encoding::Json& header, const char* name)
{
    const auto it = header.find(name);
    return it != header.end() && it->is_string() ? toQString(it->get<std::string>()) : QString();
}

} // namespace

VerificationPanel::VerificationPanel(QWidget* parent)
    : QWidget(parent)
    , m_keyInput(new KeyInput(KeyInput::Purpose::Verify, this))
    , m_decryptionKey(new KeyInput(KeyInput::Purpose::Decrypt, this))
    , m_keyBox(new QGroupBox(tr("Key"), this))
    , m_decryptionBox(new QGroupBox(tr("Decryption key"), this))
    , m_dpopBox(new QGroupBox(tr("DPoP proof: the request it came with"), this))
    , m_dpop(new DpopChecksView(this))
    , m_sdBox(new QGroupBox(tr("SD-JWT: disclosures and key binding"), this))
    , m_sd(new SdJwtChecksView(this))
    , m_busyRow(new QWidget(this))
    , m_decryption(new JweDecryption(this))
    , m_algorithms(new QPushButton(this))
    , m_issuer(new QLineEdit(this))
    , m_audience(new QLineEdit(this))
    , m_detachedLabel(new QLabel(tr("Detached payload"), this))
    , m_detached(new QPlainTextEdit(this))
    , m_leeway(new QSpinBox(this))
    , m_atNow(new QCheckBox(tr("Now"), this))
    , m_at(new QDateTimeEdit(this))
    , m_acceptWeakKeys(new QCheckBox(tr("Accept &weak keys"), this))
    , m_revoked(new QPlainTextEdit(this))
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
    m_revoked->setObjectName(QStringLiteral("revokedIds"));
    m_revoked->setPlaceholderText(tr("none: one revoked jti a line"));
    m_revoked->setToolTip(tr("A deny-list: a token whose jti is listed here is invalid, and a token without a jti "
                             "gets a warning, because no list could revoke it. Lines starting with # are comments."));
    m_revoked->setTabChangesFocus(true);
    m_revoked->setFixedHeight(m_revoked->fontMetrics().lineSpacing() * 3 + 2 * m_revoked->frameWidth() + 8);
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

    m_decryptionKey->setObjectName(QStringLiteral("decryptionKey"));
    m_keyBox->setObjectName(QStringLiteral("keyBox"));
    m_decryptionBox->setObjectName(QStringLiteral("decryptionBox"));
    m_busyRow->setObjectName(QStringLiteral("decryptingRow"));
    auto* keyLayout = new QVBoxLayout(m_keyBox);
    keyLayout->addWidget(m_keyInput);
    auto* decryptionLayout = new QVBoxLayout(m_decryptionBox);
    decryptionLayout->addWidget(m_decryptionKey);
    m_decryptionBox->hide();
    m_dpopBox->setObjectName(QStringLiteral("dpopBox"));
    m_dpop->setObjectName(QStringLiteral("dpopChecks"));
    auto* dpopLayout = new QVBoxLayout(m_dpopBox);
    dpopLayout->addWidget(m_dpop);
    m_dpopBox->hide();
    m_sdBox->setObjectName(QStringLiteral("sdJwtBox"));
    m_sd->setObjectName(QStringLiteral("sdJwtChecks"));
    auto* sdLayout = new QVBoxLayout(m_sdBox);
    sdLayout->addWidget(m_sd);
    m_sdBox->hide();

    auto* busyLayout = new QHBoxLayout(m_busyRow);
    busyLayout->setContentsMargins(0, 0, 0, 0);
    auto* busyBar = new QProgressBar(m_busyRow);
    busyBar->setRange(0, 0);
    busyBar->setTextVisible(false);
    busyBar->setMaximumWidth(160);
    busyLayout->addWidget(new QLabel(tr("Decrypting…"), m_busyRow));
    busyLayout->addWidget(busyBar);
    busyLayout->addStretch(1);
    m_busyRow->hide();
    // Only when it takes a while: a quick decryption should not flash a bar.
    auto* busyDelay = new QTimer(this);
    busyDelay->setSingleShot(true);
    busyDelay->setInterval(150);
    connect(busyDelay, &QTimer::timeout, this, [this] { m_busyRow->setVisible(m_decryption->isBusy()); });
    connect(m_decryption, &JweDecryption::busyChanged, this, [this, busyDelay](bool busy) {
        if (busy) {
            busyDelay->start();
        } else {
            busyDelay->stop();
            m_busyRow->hide();
        }
    });
    connect(m_decryption, &JweDecryption::finished, this, &VerificationPanel::decrypted);

    auto* optionsBox = new QGroupBox(tr("Options"), this);
    m_options = new QFormLayout(optionsBox);
    m_options->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_options->addRow(tr("Algorithms"), m_algorithms);
    m_options->addRow(tr("Issuer (iss)"), m_issuer);
    m_options->addRow(tr("Audience (aud)"), m_audience);
    m_options->addRow(tr("Leeway"), m_leeway);
    m_options->addRow(tr("Verify at"), atRow);
    m_options->addRow(QString(), m_acceptWeakKeys);
    m_options->addRow(tr("Revoked (jti)"), m_revoked);
    m_options->addRow(m_detachedLabel, m_detached);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_verdict);
    layout->addWidget(m_reason);
    layout->addWidget(m_keySelection);
    layout->addWidget(m_busyRow);
    layout->addWidget(m_decryptionBox);
    layout->addWidget(m_dpopBox);
    layout->addWidget(m_keyBox);
    layout->addWidget(m_sdBox);
    layout->addWidget(optionsBox);
    layout->addStretch(1);
    chainTabOrder({m_decryptionKey, m_dpop, m_keyInput, m_sd, m_algorithms, m_issuer, m_audience, m_leeway, m_atNow,
                   m_at, m_acceptWeakKeys, m_revoked, m_detached});

    connect(m_keyInput, &KeyInput::keysChanged, this, &VerificationPanel::verify);
    connect(m_dpop, &DpopChecksView::requestChanged, this, &VerificationPanel::verify);
    connect(m_sd, &SdJwtChecksView::expectationsChanged, this, &VerificationPanel::verify);
    connect(m_decryptionKey, &KeyInput::keysChanged, this, &VerificationPanel::verify);
    connect(m_decryptionKey, &KeyInput::unlockRequested, m_keyInput, &KeyInput::unlockRequested);
    connect(m_issuer, &QLineEdit::textChanged, this, &VerificationPanel::verify);
    connect(m_audience, &QLineEdit::textChanged, this, &VerificationPanel::verify);
    connect(m_detached, &QPlainTextEdit::textChanged, this, &VerificationPanel::verify);
    connect(m_leeway, &QSpinBox::valueChanged, this, &VerificationPanel::verify);
    connect(m_acceptWeakKeys, &QCheckBox::toggled, this, &VerificationPanel::verify);
    connect(m_revoked, &QPlainTextEdit::textChanged, this, [this] {
        const QString text = m_revoked->toPlainText();
        // QString holds no invalid UTF-8, so the list always parses.
        auto list = text.trimmed().isEmpty() ? std::nullopt
                                             : std::optional(jose::RevocationList::parse(toStdString(text)).value());
        m_revokedList = list ? std::make_shared<const jose::RevocationList>(std::move(*list)) : nullptr;
        verify();
    });
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
        if (m_atNow->isChecked() && (m_dpopProof || !m_keyInput->isEmpty() || (m_jwe && !m_decryptionKey->isEmpty()))) {
            verify();
        } else {
            showCurrentTime();
        }
    });
    tick->start();
    updateColors();
    verify();
}

void VerificationPanel::setToken(const QString& token, const jose::CompactToken* decodedAlready)
{
    if (token == m_token) {
        return;
    }
    m_token = token;
    m_tokenUtf8 = toStdString(token);
    // An SD-JWT's header is its issuer-signed JWT's, the part before the first '~'.
    m_sdJwt = m_tokenUtf8.find('~') != std::string::npos && sdjwt::parseSdJwt(m_tokenUtf8).has_value();
    std::optional<Result<jose::CompactToken>> own;
    if (m_sdJwt) {
        own.emplace(jose::decodeCompact(std::string_view(m_tokenUtf8).substr(0, m_tokenUtf8.find('~')),
                                        jose::Base64Mode::Lenient));
        decodedAlready = nullptr;
    } else if (!decodedAlready) {
        own.emplace(jose::decodeCompact(m_tokenUtf8, jose::Base64Mode::Lenient));
    }
    const jose::CompactToken* decoded = decodedAlready ? decodedAlready : *own ? &**own : nullptr;
    std::optional<jwe::JweMessage> json;
    if (!decoded && token.trimmed().startsWith(QLatin1Char('{'))) {
        if (auto parsed = jwe::parseJweJson(m_tokenUtf8)) {
            json = std::move(*parsed);
        }
    }
    m_jsonJwe = json.has_value();
    // Why a compact token cannot be verified (a part missing or broken), read once here rather than at
    // every verification: for a big token, reading its parts again each second would be felt.
    m_unreadable.clear();
    if (!m_sdJwt && !m_jsonJwe && !m_tokenUtf8.empty()) {
        const jose::TokenReading reading = jose::readSegments(m_tokenUtf8);
        if (!decoded || reading.lacksSignature()) {
            const jose::SegmentReading* problem = reading.firstProblem();
            m_unreadable = toSentence(problem ? problem->problem : (*own).error().message);
        }
    }
    m_jwe = decoded ? decoded->kind == jose::TokenKind::Jwe
                    : !m_sdJwt && (m_jsonJwe || std::ranges::count(m_token, QLatin1Char('.')) == 4);
    // The header that names alg and cty: the compact one, or the first recipient's in JSON.
    const encoding::Json header = decoded ? decoded->header.value
        : m_jsonJwe                       ? jwe::joinHeaders(json->protectedHeader, json->sharedHeader,
                                       json->recipients.empty() ? encoding::Json::object() : json->recipients[0].header)
                                          : encoding::Json::object();
    m_nestedByHeader = m_jwe && jose::typeMatches(toStdString(headerString(header, "cty")), "JWT");
    m_dpopProof = decoded && !m_jwe && dpop::looksLikeDpopProof(header);
    updateBoxes();
    if (decoded || m_jsonJwe) {
        const QString alg = headerString(header, "alg");
        if (!alg.isEmpty()) {
            // Verifies when it switches.
            (m_jwe ? m_decryptionKey : m_keyInput)->followTokenAlgorithm(alg);
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

void VerificationPanel::setRevokedIds(const QString& lines)
{
    m_revoked->setPlainText(lines);
}

QString VerificationPanel::revokedIds() const
{
    return m_revoked->toPlainText();
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

void VerificationPanel::updateBoxes()
{
    m_decryptionBox->setVisible(m_jwe);
    m_dpopBox->setVisible(m_dpopProof);
    m_sdBox->setVisible(m_sdJwt);
    // A JWE's own header cannot say what is inside once decrypted; "cty": "JWT" promises a signed JWT.
    m_keyBox->setVisible(!m_dpopProof && (!m_jwe || m_nestedByHeader || (m_jweReport && m_jweReport->nested)));
    m_keyBox->setTitle(m_jwe ? tr("Signature key (of the nested token)") : m_sdJwt ? tr("Issuer key") : tr("Key"));
    // A proof names its own key and algorithm, and has no iss or aud; its iat window is RFC 9449's.
    for (QWidget* field :
         std::initializer_list<QWidget*>{m_algorithms, m_issuer, m_audience, m_leeway, m_acceptWeakKeys, m_revoked}) {
        m_options->setRowVisible(field, !m_dpopProof);
    }
}

bool VerificationPanel::isDecrypting() const
{
    return m_jwe && m_decryption->isBusy();
}

jose::JwtVerifyOptions VerificationPanel::verifyOptions() const
{
    jose::JwtVerifyOptions options;
    for (const QString& name : allowedAlgorithms()) {
        if (const auto alg = jose::parseAlgorithm(toStdString(name))) {
            options.jws.algorithms.push_back(*alg);
        }
    }
    options.claims.issuers = splitList(m_issuer->text());
    options.claims.audiences = splitList(m_audience->text());
    options.claims.leeway = std::chrono::seconds(m_leeway->value());
    options.claims.now = m_time->at();
    options.jws.weakKeys = m_acceptWeakKeys->isChecked() ? jose::WeakKeys::Accept : jose::WeakKeys::Refuse;
    options.claims.revoked = m_revokedList;
    return options;
}

void VerificationPanel::showVerdict(const Verdict& verdict)
{
    showResult(verdict.state, verdict.headline, verdict.reasons, verdict.summary);
}

void VerificationPanel::verify()
{
    showCurrentTime();
    m_keySelection->hide();
    const std::string& token = m_tokenUtf8;
    const bool emptyPayload = !m_jwe && token.find("..") != std::string::npos;
    m_detachedLabel->setVisible(emptyPayload);
    m_detached->setVisible(emptyPayload);
    if (!m_jwe) {
        m_decryption->clear();
        m_jweReport.reset();
        publishDecryption();
    }
    if (token.empty()) {
        showResult(VerificationState::NotVerified, tr("Not verified"), {tr("There is no token to verify.")});
        return;
    }
    // A part missing, broken or too many: say which, instead of a verdict on a token that is not whole.
    if (m_jsonJwe) {
        verifyJwe();
        return;
    }
    if (m_sdJwt) {
        verifySdJwt();
        return;
    }
    if (!m_unreadable.isEmpty()) {
        m_decryption->clear();
        m_jweReport.reset();
        publishDecryption();
        showResult(VerificationState::NotVerified, tr("Not verified"),
                   {tr("This token cannot be verified: %1").arg(m_unreadable)}, m_unreadable);
        return;
    }
    if (m_jwe) {
        verifyJwe();
        return;
    }
    if (m_dpopProof) {
        m_dpop->check(m_token, m_time->at());
        showVerdict(m_dpop->verdict());
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

    jose::JwtVerifyOptions options = verifyOptions();
    if (emptyPayload && !m_detached->toPlainText().isEmpty()) {
        const std::string detached = toStdString(m_detached->toPlainText());
        options.jws.detachedPayload = Bytes(detached.begin(), detached.end());
    }
    const auto source = m_keyInput->isKeySet() ? jose::KeySource::set(keys) : jose::KeySource::single(keys.front());
    const auto result = jose::verifyJwt(token, source, options);
    if (!result) {
        showResult(VerificationState::Invalid, tr("Invalid"),
                   {tr("A verifier rejects this token: %1").arg(toSentence(result.error().message))});
        return;
    }
    if (m_keyInput->isKeySet()) {
        const QStringList lines = keySelectionLines(result->token().header.value, keys);
        m_keySelection->setText(lines.join(QLatin1Char('\n')));
        m_keySelection->setVisible(!lines.isEmpty());
    }
    showVerdict(jwtVerdict(*result));
}

void VerificationPanel::verifySdJwt()
{
    const auto waiting = [this](const QString& why, const QString& summary = {}) {
        m_sd->clear(why);
        showResult(VerificationState::NotVerified, tr("Not verified"), {why}, summary);
    };
    if (const QString missing = m_keyInput->missingKeyText(); m_keyInput->isEmpty() && !missing.isEmpty()) {
        waiting(missing);
        return;
    }
    if (m_keyInput->isEmpty()) {
        waiting(tr("Give the issuer's key below to verify the SD-JWT. Until then nothing about it is proven: the "
                   "disclosures can be read, but anyone can write them."),
                tr("No issuer key given yet: decoding shows what the SD-JWT says, not whether it is genuine."));
        return;
    }
    if (!m_keyInput->errorText().isEmpty()) {
        waiting(tr("The key cannot be read: %1").arg(m_keyInput->errorText()));
        return;
    }
    const auto& keys = m_keyInput->keys();
    if (keys.empty()) {
        waiting(tr("The key set has no usable key."));
        return;
    }
    const auto source = m_keyInput->isKeySet() ? jose::KeySource::set(keys) : jose::KeySource::single(keys.front());
    m_sd->check(m_token, source, verifyOptions());
    if (m_keyInput->isKeySet() && m_sd->verification()) {
        const QStringList lines = keySelectionLines(m_sd->verification()->issuer.token().header.value, keys);
        m_keySelection->setText(lines.join(QLatin1Char('\n')));
        m_keySelection->setVisible(!lines.isEmpty());
    }
    showVerdict(m_sd->verdict());
}

void VerificationPanel::verifyJwe()
{
    const auto notDecrypted = [this](const QStringList& reasons, const QString& summary = {}) {
        m_decryption->clear();
        m_jweReport.reset();
        updateBoxes();
        showResult(VerificationState::NotVerified, tr("Not decrypted"), reasons, summary);
        publishDecryption();
    };
    if (const QString missing = m_decryptionKey->missingKeyText(); m_decryptionKey->isEmpty() && !missing.isEmpty()) {
        notDecrypted({missing});
        return;
    }
    if (m_decryptionKey->isEmpty()) {
        notDecrypted({tr("This is a JWE (encrypted token). Give the key below to decrypt it: the recipient's private "
                         "key, or the shared key or passphrase. Until then only its header can be read.")},
                     tr("No decryption key given yet: only the header can be read."));
        return;
    }
    if (!m_decryptionKey->errorText().isEmpty()) {
        notDecrypted({tr("The decryption key cannot be read: %1").arg(m_decryptionKey->errorText())});
        return;
    }
    const auto& keys = m_decryptionKey->keys();
    if (keys.empty()) {
        notDecrypted({tr("The key set has no usable key.")});
        return;
    }
    jwe::DecryptOptions decryptOptions;
    decryptOptions.acceptWeakKeys = m_acceptWeakKeys->isChecked();
    m_decryption->request(m_token, keys, decryptOptions);
    if (m_decryption->isBusy()) {
        m_jweReport.reset();
        showResult(VerificationState::NotVerified, tr("Decrypting…"),
                   {tr("Decrypting with %1…").arg(m_decryptionKey->statusText().section(QLatin1Char('\n'), 0, 0))},
                   tr("Decrypting…"));
        publishDecryption();
        return;
    }
    if (const auto& error = m_decryption->error()) {
        m_jweReport.reset();
        updateBoxes();
        showVerdict(decryptionFailureVerdict(*error));
        publishDecryption();
        return;
    }
    const auto& signatureKeys = m_keyInput->keys();
    const bool signatureKeyGiven
        = !m_keyInput->isEmpty() && m_keyInput->errorText().isEmpty() && !signatureKeys.empty();
    const jose::KeySource source = !signatureKeyGiven ? jose::KeySource{}
        : m_keyInput->isKeySet()                      ? jose::KeySource::set(signatureKeys)
                                                      : jose::KeySource::single(signatureKeys.front());
    m_jweReport = m_decryption->examine(source, verifyOptions());
    updateBoxes();
    if (!m_jweReport) {
        showResult(VerificationState::NotVerified, tr("Not decrypted"), {});
        publishDecryption();
        return;
    }
    if (m_jweReport->nested && signatureKeyGiven && m_keyInput->isKeySet()) {
        const QStringList lines = keySelectionLines(m_jweReport->nested->token().header.value, signatureKeys);
        m_keySelection->setText(lines.join(QLatin1Char('\n')));
        m_keySelection->setVisible(!lines.isEmpty());
    }
    showVerdict(encryptedJwtVerdict(*m_jweReport, keys, signatureKeyGiven));
    publishDecryption();
}

void VerificationPanel::decrypted()
{
    // The nested token's own alg and kid choose the signature key's source and stored key, as a
    // JWS's do.
    if (const jwe::DecryptedJwe* decrypted = m_decryption->decrypted()) {
        const auto inner = jose::decodeCompact(decrypted->plaintext.view(), jose::Base64Mode::Lenient);
        if (inner && inner->kind == jose::TokenKind::Jws) {
            m_keyInput->setTokenKid(headerString(inner->header.value, "kid"));
            m_keyInput->followTokenAlgorithm(headerString(inner->header.value, "alg"));
        }
    }
    verify();
}

void VerificationPanel::publishDecryption()
{
    if (m_decryption->outcomeSerial() != m_publishedDecryption) {
        m_publishedDecryption = m_decryption->outcomeSerial();
        emit decryptionChanged();
    }
}

} // namespace jwtwb::ui
