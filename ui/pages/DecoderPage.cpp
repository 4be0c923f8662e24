#include "DecoderPage.h"

#include "crypto/SecureBytes.h"
#include "encoding/Base64Url.h"
#include "encoding/Hex.h"
#include "encoding/Json.h"
#include "encoding/Utf8.h"
#include "inspect/Lint.h"
#include "inspect/Redaction.h"
#include "inspect/SegmentMap.h"
#include "inspect/TokenExtractor.h"
#include "jose/CompactToken.h"
#include "jwe/EncryptedJwt.h"
#include "jwe/JweSerialization.h"
#include "jwe/KeyManagement.h"
#include "models/ClaimsModel.h"
#include "models/FindingsModel.h"
#include "sdjwt/SdJwt.h"
#include "support/Clipboard.h"
#include "support/Convert.h"
#include "support/Labels.h"
#include "support/TabOrder.h"
#include "support/Theme.h"
#include "widgets/ClaimsView.h"
#include "widgets/EncryptionSteps.h"
#include "widgets/FindingsView.h"
#include "widgets/JsonView.h"
#include "widgets/KeyInput.h"
#include "widgets/SecretSearchPanel.h"
#include "widgets/TokenEdit.h"
#include "widgets/TokenHighlighter.h"
#include "widgets/VerificationPanel.h"
#include "widgets/XRayView.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
#include <QTextCursor>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

namespace jwtwb::ui {

// What decode() needs that takes long for a big text and touches no widget: the tokens found in
// it, and the one shown decoded, its parts read and its JSON made pretty.
struct DecoderPage::Prepared {
    QString text;
    QString member; // as chosen when it was prepared
    Result<inspect::TokenCandidates> candidates;
    std::string token; // the one shown
    std::optional<Result<jose::CompactToken>> decoded;
    std::optional<jose::TokenReading> reading;
    QString prettyHeader;
    QString prettyPayload;
};

namespace {

constexpr int kDecodeDelayMs = 150; // after the last keystroke, for a big text

constexpr auto kSplitterKey = "decoder/splitter";

QString byteCount(std::size_t n)
{
    return DecoderPage::tr("%n byte(s)", nullptr, static_cast<int>(n));
}

QString hexDump(std::span<const std::uint8_t> bytes)
{
    QString out;
    for (std::size_t row = 0; row < bytes.size(); row += 16) {
        const auto line = bytes.subspan(row, std::min<std::size_t>(16, bytes.size() - row));
        out += QStringLiteral("%1  ").arg(row, 8, 16, QLatin1Char('0'));
        QString hex = toQString(encoding::toHex(line));
        for (int i = 0; i < hex.size(); i += 2) {
            out += hex.mid(i, 2) + QLatin1Char(' ');
        }
        out += QString(3 * (16 - static_cast<int>(line.size())), QLatin1Char(' '));
        out += QLatin1Char(' ');
        for (auto byte : line) {
            out += byte >= 0x20 && byte < 0x7F ? QChar(byte) : QChar(u'.');
        }
        out += QLatin1Char('\n');
    }
    return out;
}

constexpr int kHexDumpRowLength = 76; // "offset  " + 16 × "xx " + " " + 16 characters + "\n"
constexpr int kHexDumpFirstByte = 10;

// The hex digits of bytes [begin, end) in hexDump's text, one range per row.
QList<std::pair<int, int>> hexDumpRanges(std::size_t begin, std::size_t end)
{
    QList<std::pair<int, int>> ranges;
    for (std::size_t first = begin; first < end;) {
        const std::size_t last = std::min(end, (first / 16 + 1) * 16) - 1;
        const auto position = [](std::size_t byte) {
            return static_cast<int>(byte / 16) * kHexDumpRowLength + kHexDumpFirstByte
                + 3 * static_cast<int>(byte % 16);
        };
        ranges.append({position(first), position(last) + 2});
        first = last + 1;
    }
    return ranges;
}

// "payload: invalid UTF-8 at byte 17 (0xC3 0x28: a lead byte without its continuation)"; offsets from 0.
QString utf8Note(const QString& part, std::span<const std::uint8_t> bytes,
                 const std::vector<encoding::Utf8Error>& errors)
{
    const encoding::Utf8Error& first = errors.front();
    // The byte that broke the sequence is shown too, though it may start the next character.
    const std::size_t shown = std::min(
        bytes.size(), first.offset + first.length + (first.problem == encoding::Utf8Problem::MissingContinuation));
    QStringList hex;
    for (std::size_t i = first.offset; i < shown; ++i) {
        hex << QStringLiteral("0x") + QString::number(bytes[i], 16).rightJustified(2, QLatin1Char('0')).toUpper();
    }
    QString note = DecoderPage::tr("%1: invalid UTF-8 at byte %2 (%3: %4)")
                       .arg(part)
                       .arg(first.offset)
                       .arg(hex.join(QLatin1Char(' ')), toQString(encoding::describe(first.problem)));
    if (errors.size() > 1) {
        note += DecoderPage::tr(", and %n more invalid sequence(s)", nullptr, static_cast<int>(errors.size() - 1));
    }
    return note;
}

QString notesFor(const jose::CompactToken& token)
{
    QStringList lines;
    for (const auto& note : jose::describeNotes(token)) {
        QString line = toQString(note);
        line[0] = line[0].toUpper();
        lines << line + QLatin1Char('.');
    }
    return lines.join(QLatin1Char('\n'));
}

// The kid the first recipient of a JWE in the JSON serialization names.
QString firstRecipientKid(const jwe::JweMessage& message)
{
    const encoding::Json header
        = jwe::joinHeaders(message.protectedHeader, message.sharedHeader,
                           message.recipients.empty() ? encoding::Json::object() : message.recipients[0].header);
    const auto kid = header.find("kid");
    return kid != header.end() && kid->is_string() ? toQString(kid->get<std::string>()) : QString();
}

// The header's kid, for the verification panel to suggest the stored key that has it.
QString kidOf(const Result<jose::CompactToken>& decoded)
{
    if (!decoded) {
        return {};
    }
    const auto kid = decoded->header.value.find("kid");
    return kid != decoded->header.value.end() && kid->is_string() ? toQString(kid->get<std::string>()) : QString();
}

} // namespace

DecoderPage::DecoderPage(QWidget* parent)
    : QWidget(parent)
    , m_tokenEdit(new TokenEdit(this))
    , m_sourceLabel(new QLabel(this))
    , m_copyForBugReport(new QAction(QIcon::fromTheme(QStringLiteral("edit-copy")), tr("Copy for a &Bug Report"), this))
    , m_stack(new QStackedWidget(this))
    , m_headerTitle(makeTitle(tr("Header"), this))
    , m_payloadTitle(makeTitle(tr("Payload"), this))
    , m_signatureTitle(makeTitle(tr("Signature"), this))
    , m_innerHeaderTitle(makeTitle(tr("Nested token · header"), this))
    , m_headerView(new JsonView(this))
    , m_payloadView(new JsonView(this))
    , m_innerHeaderView(new JsonView(this))
    , m_partsLabel(new QLabel(this))
    , m_signatureLabel(new QLabel(this))
    , m_notesLabel(new QLabel(this))
    , m_errorLabel(new QLabel(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_tabs(new QTabWidget(this))
    , m_verification(new VerificationPanel(this))
    , m_xray(new XRayView(this))
    , m_secretSearch(new SecretSearchPanel(this))
    , m_claimsModel(new ClaimsModel(this))
    , m_claimsView(new ClaimsView(this))
    , m_findingsModel(new FindingsModel(this))
    , m_findingsView(new FindingsView(this))
{
    m_tokenEdit->setObjectName(QStringLiteral("tokenEdit"));
    m_headerView->setObjectName(QStringLiteral("headerView"));
    m_payloadView->setObjectName(QStringLiteral("payloadView"));
    m_innerHeaderView->setObjectName(QStringLiteral("innerHeaderView"));
    m_partsLabel->setObjectName(QStringLiteral("jwePartsLabel"));
    m_signatureLabel->setObjectName(QStringLiteral("signatureLabel"));
    m_notesLabel->setObjectName(QStringLiteral("notesLabel"));
    m_errorLabel->setObjectName(QStringLiteral("errorLabel"));
    m_sourceLabel->setObjectName(QStringLiteral("sourceLabel"));

    auto* encoded = new QWidget(this);
    auto* encodedLayout = new QVBoxLayout(encoded);
    encodedLayout->setContentsMargins(0, 0, 0, 0);
    encodedLayout->addWidget(makeTitle(tr("Encoded token"), encoded));
    encodedLayout->addWidget(m_tokenEdit, 1);
    auto* sourceRow = new QHBoxLayout;
    sourceRow->addWidget(m_sourceLabel);
    m_memberCombo = new QComboBox(encoded);
    m_memberCombo->setObjectName(QStringLiteral("memberCombo"));
    m_memberCombo->setAccessibleName(tr("Token to show"));
    m_memberCombo->setToolTip(tr("The input holds several tokens: choose the one to decode"));
    m_memberCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_memberCombo->hide();
    sourceRow->addWidget(m_memberCombo);
    sourceRow->addStretch(1);
    m_copyForBugReport->setObjectName(QStringLiteral("copyForBugReportAction"));
    connect(m_copyForBugReport, &QAction::triggered, this, &DecoderPage::copyForBugReport);
    auto* copyForBugReport = new QToolButton(encoded);
    copyForBugReport->setObjectName(QStringLiteral("copyForBugReportButton"));
    copyForBugReport->setDefaultAction(m_copyForBugReport);
    copyForBugReport->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    copyForBugReport->setAutoRaise(true);
    copyForBugReport->setFocusPolicy(Qt::NoFocus); // from the keyboard: Edit → Copy for a Bug Report
    sourceRow->addWidget(copyForBugReport);
    encodedLayout->addLayout(sourceRow);
    m_sourceLabel->setWordWrap(false); // one short line, with the chooser right after it
    connect(m_memberCombo, &QComboBox::activated, this, [this](int index) {
        m_member = m_memberCombo->itemText(index);
        decode();
        revealChosenToken();
    });

    auto* panes = new QWidget(m_stack);
    auto* panesLayout = new QGridLayout(panes);
    panesLayout->setContentsMargins(0, 0, 0, 0);
    panesLayout->addWidget(m_headerTitle, 0, 0);
    panesLayout->addWidget(m_headerView, 1, 0);
    // A nested token's header goes under the JWE's; its payload is the payload pane.
    panesLayout->addWidget(m_innerHeaderTitle, 2, 0);
    panesLayout->addWidget(m_innerHeaderView, 3, 0);
    panesLayout->addWidget(m_payloadTitle, 0, 1);
    panesLayout->addWidget(m_payloadView, 1, 1, 3, 1);
    panesLayout->addWidget(m_signatureTitle, 4, 0, 1, 2);
    panesLayout->addWidget(m_signatureLabel, 5, 0, 1, 2);
    panesLayout->addWidget(m_partsLabel, 6, 0, 1, 2);
    panesLayout->addWidget(m_notesLabel, 7, 0, 1, 2);
    panesLayout->setColumnStretch(0, 2);
    panesLayout->setColumnStretch(1, 3);
    panesLayout->setRowStretch(1, 1);
    panesLayout->setRowStretch(3, 1);
    m_innerHeaderTitle->hide();
    m_innerHeaderView->hide();
    m_partsLabel->setWordWrap(true);
    m_partsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_partsLabel->setTextFormat(Qt::RichText);
    m_partsLabel->hide();
    m_signatureLabel->setWordWrap(true);
    m_signatureLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notesLabel->setWordWrap(true);
    m_notesLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* errorPage = new QWidget(m_stack);
    auto* errorLayout = new QVBoxLayout(errorPage);
    auto* errorIcon = new QLabel(errorPage);
    errorIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(32, 32));
    errorLayout->addWidget(errorIcon, 0, Qt::AlignHCenter);
    errorLayout->addWidget(m_errorLabel);
    errorLayout->addStretch(1);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    errorLayout->insertStretch(0, 1);

    m_stack->addWidget(panes);
    m_stack->addWidget(errorPage);

    auto* verificationScroll = new QScrollArea(m_tabs);
    m_verificationTab = verificationScroll;
    verificationScroll->setWidget(m_verification);
    verificationScroll->setWidgetResizable(true);
    verificationScroll->setFrameShape(QFrame::NoFrame);
    verificationScroll->setFocusPolicy(Qt::NoFocus); // Tab goes to the fields, not to the scroll area

    m_tabs->setObjectName(QStringLiteral("decoderTabs"));
    m_tabs->setDocumentMode(true);
    m_claimsView->setObjectName(QStringLiteral("claimsView"));
    m_claimsView->setModel(m_claimsModel);
    m_findingsView->setObjectName(QStringLiteral("findingsView"));
    m_findingsView->setModel(m_findingsModel);

    // The tab data is the tab's name for `jwt-workbench --decoder-tab`, the same in every language.
    const auto addTab = [this](QWidget* tab, const QString& title, const char* name) {
        m_tabs->tabBar()->setTabData(m_tabs->addTab(tab, title), QString::fromLatin1(name));
    };
    addTab(m_stack, tr("Decoded"), "decoded");
    addTab(m_claimsView, tr("Claims"), "claims");
    addTab(verificationScroll, tr("Verification"), "verification");
    addTab(m_findingsView, tr("Findings"), "findings");
    addTab(m_xray, tr("X-ray"), "x-ray");
    addTab(m_secretSearch, tr("Weak Secret"), "weak-secret");
    m_secretSearch->setObjectName(QStringLiteral("secretSearch"));
    m_xray->setObjectName(QStringLiteral("xray"));

    m_splitter->setObjectName(QStringLiteral("decoderSplitter"));
    m_splitter->addWidget(encoded);
    m_splitter->addWidget(m_tabs);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->restoreState(QSettings().value(QLatin1String(kSplitterKey)).toByteArray());
    // Only the layout is remembered: never the token or the key.
    connect(m_splitter, &QSplitter::splitterMoved, this,
            [this] { QSettings().setValue(QLatin1String(kSplitterKey), m_splitter->saveState()); });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_splitter);
    chainTabOrder(
        {m_tokenEdit, m_tabs, m_stack, m_claimsView, m_verificationTab, m_findingsView, m_xray, m_secretSearch});

    connect(m_verification, &VerificationPanel::verified, this, &DecoderPage::updateVerificationTab);
    connect(m_verification, &VerificationPanel::decryptionChanged, this, &DecoderPage::showDecryption);
    connect(m_verification->decryptionKeyInput(), &KeyInput::unlockRequested, this,
            &DecoderPage::keystoreUnlockRequested);
    connect(m_secretSearch, &SecretSearchPanel::useForVerificationRequested, this, &DecoderPage::useFoundSecret);
    connect(m_secretSearch, &SecretSearchPanel::finished, this, &DecoderPage::updateFindings);
    connect(m_verification->keyInput(), &KeyInput::unlockRequested, this, &DecoderPage::keystoreUnlockRequested);
    connect(m_verification->keyInput(), &KeyInput::keysChanged, this, [this] {
        const KeyInput* input = m_verification->keyInput();
        m_xray->setKeys(input->keys(), input->isKeySet());
        updateFindings();
    });
    // Relative times and time findings move with the clock, and follow the window's verification time.
    const auto timeMoved = [this] {
        m_claimsModel->setNow(m_verification->verificationTime());
        updateFindings();
    };
    auto* tick = new QTimer(this);
    tick->setInterval(1000);
    connect(tick, &QTimer::timeout, this, timeMoved);
    tick->start();
    connect(m_verification, &VerificationPanel::verificationTimeChanged, this, timeMoved);
    updateVerificationTab(m_verification->state());

    // textChanged also fires when the highlighter re-formats the text: act on real edits only.
    connect(m_tokenEdit, &QPlainTextEdit::textChanged, this, [this] {
        const QString text = m_tokenEdit->text();
        if (text == m_decodedText) {
            return;
        }
        textEdited(text);
    });
    m_decodeTimer = new QTimer(this);
    m_decodeTimer->setSingleShot(true);
    m_decodeTimer->setInterval(kDecodeDelayMs);
    connect(m_decodeTimer, &QTimer::timeout, this, &DecoderPage::prepareInBackground);
    connect(m_tokenEdit, &TokenEdit::fileDropped, this, [this](const QString& path) {
        QString error;
        if (!loadFile(path, &error)) {
            emit statusMessage(error);
        }
    });
    updateColors();
    decode();
}

void DecoderPage::textEdited(const QString& text)
{
    m_decodedText = text;
    m_revealWhenDecoded = false; // typed: the caret stays where it is
    ++m_generation;
    m_prepared.reset();
    if (text.size() < kSyncDecodeLimit) {
        m_decodeTimer->stop();
        m_decodePending = false;
        decode();
    } else {
        // The panes keep the last token until this one is decoded.
        m_decodePending = true;
        m_sourceLabel->setText(tr("Decoding…"));
        m_decodeTimer->start();
    }
    emit tokenTextChanged(text);
}

bool DecoderPage::isDecodePending() const
{
    return m_decodePending || m_headerView->isFilling() || m_payloadView->isFilling();
}

void DecoderPage::finishDecoding()
{
    if (m_decodePending) {
        m_decodeTimer->stop();
        ++m_generation;
        m_prepared.reset();
        m_decodePending = false;
        decode();
        if (std::exchange(m_revealWhenDecoded, false)) {
            revealChosenToken();
        }
    }
    m_headerView->finishFilling();
    m_payloadView->finishFilling();
}

void DecoderPage::prepareInBackground()
{
    const quint64 generation = m_generation;
    auto* watcher = new QFutureWatcher<std::shared_ptr<const Prepared>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation) {
            return; // the text changed meanwhile: its own preparation is on the way
        }
        m_prepared = watcher->result();
        m_decodePending = false;
        decode();
        m_prepared.reset();
        if (std::exchange(m_revealWhenDecoded, false)) {
            revealChosenToken();
        }
    });
    // Values only: the worker never touches the page.
    watcher->setFuture(QtConcurrent::run([text = m_decodedText, member = m_member] {
        auto prepared = std::make_shared<Prepared>();
        prepared->text = text;
        prepared->member = member;
        const std::string utf8 = toStdString(text);
        prepared->candidates = inspect::extractTokens(utf8);
        if (prepared->candidates) {
            const inspect::ExtractedToken* shown = prepared->candidates->find(toStdString(member));
            prepared->token = shown ? shown->token : prepared->candidates->token().token;
            if (!prepared->token.starts_with('{')) {
                auto decoded = jose::decodeCompact(prepared->token, jose::Base64Mode::Lenient);
                if (decoded) {
                    prepared->prettyHeader = toQString(encoding::toPrettyJson(decoded->header.value));
                    if (decoded->payloadJson) {
                        prepared->prettyPayload = toQString(encoding::toPrettyJson(decoded->payloadJson->value));
                    }
                }
                prepared->decoded = std::move(decoded);
                prepared->reading = jose::readSegments(prepared->token);
            }
        }
        return std::shared_ptr<const Prepared>(std::move(prepared));
    }));
}

void DecoderPage::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::ApplicationPaletteChange || event->type() == QEvent::PaletteChange) {
        updateColors();
    }
}

void DecoderPage::updateColors()
{
    const TokenColors colors = tokenColors(QApplication::palette());
    setTextColor(m_headerTitle, colors.header);
    setTextColor(m_payloadTitle, colors.payload);
    setTextColor(m_signatureTitle, colors.signature);
    setTextColor(m_innerHeaderTitle, colors.header);
    showJweParts();
    setTextColor(m_notesLabel, colors.warning);
    updateSignatureLine();
    QColor background = colors.error;
    background.setAlpha(isDark(QApplication::palette()) ? 110 : 70);
    m_payloadView->markRanges(m_invalidPayloadRanges, background);
}

void DecoderPage::updateVerificationTab(VerificationState state)
{
    const int index = m_tabs->indexOf(m_verificationTab);
    m_tabs->setTabText(index,
                       state == VerificationState::Valid         ? tr("Verification · valid")
                           : state == VerificationState::Invalid ? tr("Verification · invalid")
                                                                 : tr("Verification"));
    updateSignatureLine();
}

void DecoderPage::updateSignatureLine()
{
    // The Verification tab's verdict, never one of this page's own: both tabs always agree.
    const VerificationState state = m_verification->state();
    m_signatureLabel->setText(tr("%1 · %2").arg(m_signatureFacts, m_verification->summaryText()));
    const StatusColors colors = statusColors(QApplication::palette());
    setTextColor(m_signatureLabel,
                 state == VerificationState::Valid         ? colors.good
                     : state == VerificationState::Invalid ? colors.bad
                                                           : QApplication::palette().color(QPalette::WindowText));
}

void DecoderPage::useFoundSecret()
{
    const crypto::SecureBytes* secret = m_secretSearch->foundSecret();
    if (!secret) {
        return;
    }
    // Exact bytes: as text when it is UTF-8 a line edit keeps as it is, else in hex.
    const std::string_view bytes = secret->view();
    const bool text = !encoding::findInvalidUtf8(bytes)
        && std::ranges::none_of(bytes, [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; });
    m_verification->keyInput()->setSecret(text ? toQString(bytes) : toQString(encoding::toHex(secret->span())),
                                          text ? keys::SecretEncoding::Utf8 : keys::SecretEncoding::Hex);
    m_tabs->setCurrentWidget(m_verificationTab);
}

void DecoderPage::updateFindings()
{
    std::vector<inspect::Finding> findings;
    if (m_token) {
        inspect::LintOptions options;
        options.now = m_verification->verificationTime();
        const auto& keys = m_verification->keyInput()->keys();
        options.key = keys.size() == 1 && !m_verification->keyInput()->isKeySet() ? &keys.front() : nullptr;
        if (m_secretSearch->foundSecret()) {
            options.secretFoundIn = toStdString(m_secretSearch->foundIn());
        }
        const bool jwe = m_token->kind == jose::TokenKind::Jwe;
        const keys::Key* key = options.key;
        if (jwe) {
            options.key = nullptr; // the signature key is the nested token's
        }
        findings = inspect::lint(*m_token, options);
        const auto& report = m_verification->jweReport();
        if (jwe && report && report->nested) {
            options.key = key;
            for (auto& finding : inspect::lint(report->nested->token(), options)) {
                finding.title = toStdString(tr("Nested token: %1").arg(toQString(finding.title)));
                finding.location = finding.location.empty() ? "nested" : "nested." + finding.location;
                findings.push_back(std::move(finding));
            }
        }
    }
    // An SD-JWT's own problems come first: each makes it invalid (RFC 9901 §7.1).
    std::vector<QString> codes;
    if (m_sdJwt && !m_sdJwt->findings.empty()) {
        std::vector<inspect::Finding> sdFindings;
        for (const auto& problem : m_sdJwt->findings) {
            const auto disclosure
                = std::ranges::find(m_sdJwt->disclosures, problem.position, &sdjwt::Disclosure::offset);
            const QString where = disclosure != m_sdJwt->disclosures.end()
                ? tr("disclosure %1").arg(disclosure - m_sdJwt->disclosures.begin() + 1)
                : tr("issuer-signed JWT");
            // The lint code is a placeholder: the model shows the SD-JWT code given with it.
            sdFindings.push_back({inspect::FindingCode::UnsupportedAlgorithm, inspect::Severity::Error,
                                  toStdString(toSentence(problem.reason)),
                                  toStdString(tr("A verifier must reject an SD-JWT with this problem: the disclosures "
                                                 "are only worth what their digests in the issuer-signed payload "
                                                 "vouch for.")),
                                  "RFC 9901 §7.1", toStdString(where)});
            codes.push_back(toQString(sdjwt::sdProblemName(problem.code)));
        }
        std::ranges::move(findings, std::back_inserter(sdFindings));
        findings = std::move(sdFindings);
    }
    // Unchanged findings keep the list as it is, with the rows the user unfolded.
    const auto same = [](const inspect::Finding& a, const inspect::Finding& b) {
        return a.code == b.code && a.title == b.title && a.location == b.location;
    };
    if (std::ranges::equal(findings, m_findingsModel->findings(), same)
        && std::ranges::equal(codes, m_findingsModel->codes())) {
        return;
    }
    const auto errors = std::ranges::count(findings, inspect::Severity::Error, &inspect::Finding::severity);
    const int index = m_tabs->indexOf(m_findingsView);
    m_tabs->setTabText(index,
                       findings.empty() ? tr("Findings")
                           : errors > 0 ? tr("Findings · %n error(s)", nullptr, static_cast<int>(errors))
                                        : tr("Findings (%1)").arg(findings.size()));
    m_findingsModel->setFindings(std::move(findings), std::move(codes));
}

void DecoderPage::updateCopyForBugReport()
{
    const bool jwe = (m_token && m_token->kind == jose::TokenKind::Jwe) || m_shownToken.startsWith(QLatin1Char('{'));
    const bool sdJwt = m_shownToken.contains(QLatin1Char('~')) && m_token;
    const bool jws = m_token && m_token->kind == jose::TokenKind::Jws && !sdJwt;
    m_copyForBugReport->setEnabled(jws);
    const QString tip = sdJwt
        ? tr("Not for an SD-JWT: its disclosures carry the personal values in base64url, and a copy without them "
             "would not show what the bug is about. Share the claim names from the Claims tab instead.")
        : jws ? tr("Copy the decoder's token as text that is safe to share: the header, every claim's "
                   "name and type, the times, iss and aud; personal values masked, and no signature, "
                   "so it can never be replayed")
        : jwe ? tr("Not for an encrypted token (JWE): its claims are encrypted, so they cannot be masked one by one. "
                   "Decrypt it and copy the nested token from the decoder instead.")
              : tr("There is no token that decodes to copy");
    m_copyForBugReport->setStatusTip(tip);
    m_copyForBugReport->setToolTip(tip);
}

void DecoderPage::showTab(const QString& name)
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (m_tabs->tabBar()->tabData(i).toString() == name) {
            m_tabs->setCurrentIndex(i);
            return;
        }
    }
}

QString DecoderPage::currentTabName() const
{
    return m_tabs->tabBar()->tabData(m_tabs->currentIndex()).toString();
}

QStringList DecoderPage::findingCodes() const
{
    QStringList codes;
    for (int row = 0; row < m_findingsModel->rowCount(); ++row) {
        codes << m_findingsModel->index(row, 0).data(FindingsModel::CodeRole).toString();
    }
    return codes;
}

bool DecoderPage::openFinding(const QString& code)
{
    const int row = static_cast<int>(findingCodes().indexOf(code));
    if (row < 0) {
        return false;
    }
    const QModelIndex index = m_findingsModel->index(row, 0);
    m_tabs->setCurrentWidget(m_findingsView);
    m_findingsView->setCurrentIndex(index);
    m_findingsView->expand(index);
    m_findingsView->scrollTo(index);
    return true;
}

QString DecoderPage::openFindingCode() const
{
    const QModelIndex current = m_findingsView->currentIndex();
    const QModelIndex finding = current.parent().isValid() ? current.parent() : current;
    if (m_tabs->currentWidget() != m_findingsView || !finding.isValid() || !m_findingsView->isExpanded(finding)) {
        return {};
    }
    return finding.data(FindingsModel::CodeRole).toString();
}

void DecoderPage::showSdJwt(const std::string& text, const inspect::ExtractedToken& token)
{
    using Part = TokenHighlighter::Part;
    using Role = TokenHighlighter::Role;
    const std::string_view sdJwt = token.sdJwt;
    const auto position = [&](std::size_t at) { return utf16Offset(text, token.offset + at); };
    QList<Part> parts;
    // [begin, end) split at its dots, numbered from 0: the issuer-signed JWT's parts, or the KB-JWT's.
    const auto addDotted = [&](std::size_t begin, std::size_t end, Role role) {
        int index = 0;
        for (std::size_t start = begin;;) {
            const std::size_t dot = std::min(sdJwt.find('.', start), end);
            parts.append({position(start), position(dot) - position(start), index++, role});
            if (dot >= end) {
                break;
            }
            start = dot + 1;
        }
    };
    const std::size_t firstTilde = sdJwt.find('~');
    const std::size_t lastTilde = sdJwt.rfind('~');
    addDotted(0, firstTilde, Role::Token);
    int disclosure = 0;
    for (std::size_t start = firstTilde + 1; start <= lastTilde;) {
        const std::size_t end = sdJwt.find('~', start);
        parts.append({position(start), position(end) - position(start), disclosure++, Role::Disclosure});
        start = end + 1;
    }
    if (lastTilde + 1 < sdJwt.size()) {
        addDotted(lastTilde + 1, sdJwt.size(), Role::KeyBinding);
    }
    m_tokenEdit->highlighter()->setParts(std::move(parts), 3);

    const QString summary = sdJwtSummary();
    m_sourceLabel->setText(m_sourceLabel->text().isEmpty() ? summary
                                                           : tr("%1 · %2").arg(m_sourceLabel->text(), summary));
    if (!m_sdJwt) {
        return;
    }
    // Each finding marks the part it is about; those about the payload say where in their text.
    QList<std::pair<int, int>> invalid;
    for (const auto& finding : m_sdJwt->findings) {
        if (finding.position > 0 && finding.position < sdJwt.size()) {
            invalid.append(
                {position(finding.position), position(std::min(sdJwt.find('~', finding.position), sdJwt.size()))});
        }
    }
    m_tokenEdit->markInvalid(std::move(invalid));
    const std::size_t undisclosed = m_sdJwt->undisclosed;
    m_claimsView->setNote(undisclosed == 0
                              ? tr("Every digest in the payload is disclosed: no claim is hidden.")
                              : tr("%n digest(s) are not disclosed (decoys included); their claims cannot be "
                                   "recovered from the token.",
                                   nullptr, static_cast<int>(undisclosed)));
}

QString DecoderPage::sdJwtSummary() const
{
    if (!m_sdJwt) {
        return tr("SD-JWT that cannot be read: only its issuer-signed JWT is shown");
    }
    const std::size_t count = m_sdJwt->disclosures.size();
    const QString disclosures = tr("%n disclosure(s)", nullptr, static_cast<int>(count));
    return m_sdJwt->keyBindingJwt ? tr("SD-JWT (selective disclosure) · %1 · with a key binding JWT").arg(disclosures)
                                  : tr("SD-JWT (selective disclosure) · %1 · no key binding JWT").arg(disclosures);
}

void DecoderPage::copyForBugReport()
{
    if (!m_token || m_token->kind != jose::TokenKind::Jws || !m_copyForBugReport->isEnabled()) {
        emit statusMessage(m_copyForBugReport->statusTip());
        return;
    }
    const inspect::Redaction redaction = inspect::redactToken(*m_token);
    // Not a credential: the signature is gone and personal values are masked, so no clearing timer.
    Clipboard::instance()->copyText(toQString(redaction.text));
    QStringList masked;
    for (const auto& name : redaction.masked) {
        masked << toQString(name);
    }
    emit statusMessage(
        masked.isEmpty()
            ? tr("Copied for a bug report without the signature; no claim needed masking")
            : tr("Copied for a bug report without the signature; masked: %1").arg(masked.join(QStringLiteral(", "))));
}

void DecoderPage::setKeystoreSession(KeystoreSession* session)
{
    m_verification->keyInput()->setKeystoreSession(session);
    m_verification->decryptionKeyInput()->setKeystoreSession(session);
}

void DecoderPage::setTokenText(const QString& text)
{
    m_tokenEdit->setText(text);
    if (m_decodePending) {
        m_revealWhenDecoded = true;
    } else {
        revealChosenToken();
    }
}

QString DecoderPage::tokenText() const
{
    return m_tokenEdit->text();
}

bool DecoderPage::loadFile(const QString& path, QString* errorMessage)
{
    QFile file(path);
    const QString name = QFileInfo(path).fileName();
    if (QFileInfo(path).size() > TokenEdit::kMaxFileSize) {
        *errorMessage
            = tr("%1 is larger than %2 MiB: that is not a token file.").arg(name).arg(TokenEdit::kMaxFileSize >> 20);
        return false;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *errorMessage = tr("Cannot open %1: %2").arg(name, file.errorString());
        return false;
    }
    const QByteArray content = file.read(TokenEdit::kMaxFileSize + 1);
    if (const auto bad = encoding::findInvalidUtf8(std::string_view(content.constData(), content.size()))) {
        *errorMessage = tr("%1 is not a text file (invalid UTF-8 at byte %2).").arg(name).arg(*bad);
        return false;
    }
    setTokenText(QString::fromUtf8(content));
    emit statusMessage(tr("Loaded %1").arg(name));
    return true;
}

void DecoderPage::showError(const QString& message)
{
    setDecryptedClaims(std::nullopt);
    m_errorLabel->setText(message);
    m_stack->setCurrentIndex(1);
}

void DecoderPage::decode()
{
    const QString text = m_tokenEdit->text();
    if (m_prepared && m_prepared->text != text) {
        m_prepared.reset();
    }
    const std::string utf8 = toStdString(text);
    m_tokenEdit->markError(-1);
    m_tokenEdit->markInvalid({});
    m_invalidPayloadRanges.clear();
    m_payloadView->markRanges({}, QColor());
    m_sourceLabel->clear();

    auto extracted = chooseToken(utf8);
    // An SD-JWT is parsed on the GUI thread, big or not: its disclosures are small, and parsing is
    // cheap next to laying out the text.
    m_sdJwt.reset();
    if (extracted && extracted->isSdJwt()) {
        if (auto parsed = sdjwt::parseSdJwt(extracted->sdJwt)) {
            m_sdJwt = std::move(*parsed);
        }
    }
    // The background's work, when it was done for this very token.
    const std::shared_ptr<const Prepared> keep = m_prepared; // alive through this call, whatever it triggers
    const Prepared* prepared
        = extracted && keep && keep->decoded && keep->token == extracted->token ? keep.get() : nullptr;
    // An SD-JWT is shown whole: the Verification tab checks its disclosures and KB-JWT too.
    if (const QString shown = !extracted ? QString()
            : extracted->isSdJwt()       ? toQString(extracted->sdJwt)
                                         : toQString(extracted->token);
        shown != m_shownToken) {
        m_shownToken = shown;
        emit shownTokenChanged(m_shownToken);
    }
    // A JWE in the JSON serialization is not a compact token: the whole text is one JSON object.
    std::optional<jwe::JweMessage> jsonJwe;
    if (extracted && extracted->token.starts_with('{')) {
        if (auto parsed = jwe::parseJweJson(extracted->token)) {
            jsonJwe = std::move(*parsed);
        }
    }
    // A JWE's kid names the recipient's key; its nested token's kid comes once it is decrypted.
    const bool jweText = jsonJwe || (extracted && std::ranges::count(extracted->token, '.') == 4);
    const QString kid = jsonJwe ? firstRecipientKid(*jsonJwe)
        : prepared              ? kidOf(*prepared->decoded)
        : extracted             ? kidOf(jose::decodeCompact(extracted->token, jose::Base64Mode::Lenient))
                                : QString();
    m_verification->decryptionKeyInput()->setTokenKid(jweText ? kid : QString());
    if (!jweText) {
        m_verification->keyInput()->setTokenKid(kid);
    }
    m_decoding = true; // the panel may report a decryption for the previous token on the way
    const jose::CompactToken* decodedAlready = prepared && *prepared->decoded ? &**prepared->decoded : nullptr;
    m_verification->setToken(m_shownToken, extracted && extracted->isSdJwt() ? nullptr : decodedAlready);
    m_decoding = false;
    m_partsLabel->hide();
    m_innerHeaderTitle->hide();
    m_innerHeaderView->hide();
    m_jweMessage.reset();
    if (!jweText) {
        setDecryptedClaims(std::nullopt);
    }
    // An SD-JWT's issuer signs with its key: the search tries HMAC secrets on the issuer-signed JWT.
    m_secretSearch->setToken(extracted ? toQString(extracted->token) : QString(), decodedAlready);
    m_xray->setSdJwt(m_sdJwt);
    if (!m_sdJwt) {
        m_claimsView->setNote({});
    }
    if (!extracted) {
        m_xray->setToken(std::nullopt);
        m_token.reset();
        updateCopyForBugReport();
        m_claimsModel->setClaims({}, m_verification->verificationTime());
        updateFindings();
        m_tokenEdit->markToken(0, 0);
        showError(tr("Paste a token above to decode it."));
        return;
    }
    if (jsonJwe) {
        m_tokenEdit->markToken(0, 0);
        showJsonJwe(std::move(*jsonJwe));
        return;
    }
    const int tokenStart = utf16Offset(utf8, extracted->offset);
    const int tokenEnd = utf16Offset(utf8, extracted->offset + extracted->token.size());
    if (extracted->isSdJwt()) {
        showSdJwt(utf8, *extracted);
    } else {
        m_tokenEdit->markToken(tokenStart, tokenEnd);
    }

    // The background's results are read in place: a megabyte token is costly to copy.
    std::optional<Result<jose::CompactToken>> ownToken;
    const Result<jose::CompactToken>& token = prepared
        ? *prepared->decoded
        : ownToken.emplace(jose::decodeCompact(extracted->token, jose::Base64Mode::Lenient));
    std::optional<jose::TokenReading> ownReading;
    const jose::TokenReading& reading
        = prepared ? *prepared->reading : ownReading.emplace(jose::readSegments(extracted->token));
    m_xray->setToken(token ? std::optional(*token) : std::nullopt);
    m_token = token ? std::optional(*token) : std::nullopt;
    updateCopyForBugReport();
    // The claims as far as the payload decodes, also when the token as a whole does not.
    const jose::SegmentReading* payloadPart
        = reading.kind == jose::TokenKind::Jws ? reading.segment(jose::SegmentRole::Payload) : nullptr;
    if (m_sdJwt) {
        m_claimsModel->setSdJwt(*m_sdJwt, m_verification->verificationTime());
    } else {
        m_claimsModel->setClaims(m_token && m_token->payloadJson        ? m_token->payloadJson->value
                                     : payloadPart && payloadPart->json ? payloadPart->json->value
                                                                        : encoding::Json(),
                                 m_verification->verificationTime());
    }
    updateFindings();
    // A token that does not decode, or has no signature: the parts that decode, each marked. (One
    // that decodes keeps the full view, e.g. the hex dump of a payload that is not UTF-8.)
    const jose::SegmentReading* headerPart = reading.segment(jose::SegmentRole::Header);
    const bool whole = token && !reading.lacksSignature();
    if (!whole && ((headerPart && headerPart->json) || (payloadPart && payloadPart->json))) {
        const jose::SegmentReading* problem = reading.firstProblem();
        if (problem->status == jose::SegmentStatus::Broken || problem->status == jose::SegmentStatus::Extra) {
            m_tokenEdit->markError(utf16Offset(utf8, extracted->offset + problem->position.value_or(0)));
        }
        showReading(reading);
        return;
    }
    if (!token) {
        const Error& error = token.error();
        if (error.position) {
            m_tokenEdit->markError(utf16Offset(utf8, extracted->offset + *error.position));
        }
        QString message = toQString(error.message);
        message[0] = message[0].toUpper();
        showError(tr("This is not a valid token.\n\n%1.").arg(message));
        return;
    }

    m_stack->setCurrentIndex(0);
    m_headerView->showJson(prepared ? prepared->prettyHeader : toQString(encoding::toPrettyJson(token->header.value)));
    const auto alg = token->header.value.value("alg", encoding::Json());
    const QString algName = alg.is_string() ? toQString(alg.get<std::string>()) : tr("no alg");

    if (token->kind == jose::TokenKind::Jwe) {
        m_headerTitle->setText(tr("Protected header · JWE (encrypted token)"));
        const auto enc = token->header.value.value("enc", encoding::Json());
        m_signatureTitle->setText(
            tr("Authentication tag · %1").arg(enc.is_string() ? toQString(enc.get<std::string>()) : tr("no enc")));
        m_signatureFacts = byteCount(token->segments.back().bytes.size());
        m_jweMessage = jweMessageOf(*token);
        m_jweCompact = true;
        showJweParts();
        showDecryption();
    } else {
        m_headerTitle->setText(tr("Header · algorithm and token type"));
        const auto& payload = token->payload();
        if (token->payloadJson) {
            m_payloadTitle->setText(m_sdJwt ? tr("Payload · claims as the issuer signed them, with the digests of "
                                                 "the disclosures")
                                        : token->payloadJson->value.is_object() ? tr("Payload · claims")
                                                                                : tr("Payload · JSON"));
            m_payloadView->showJson(prepared ? prepared->prettyPayload
                                             : toQString(encoding::toPrettyJson(token->payloadJson->value)));
        } else if (payload.empty()) {
            m_payloadTitle->setText(tr("Payload · empty"));
            m_payloadView->showPlain(tr("The payload is empty: it is detached (RFC 7515 Appendix F) and must be "
                                        "supplied separately to verify the signature."));
        } else if (!encoding::findInvalidUtf8(asText(payload))) {
            m_payloadTitle->setText(tr("Payload · text, not JSON (%1)").arg(byteCount(payload.size())));
            m_payloadView->showPlain(toQString(asText(payload)));
        } else {
            m_payloadTitle->setText(tr("Payload · binary, not JSON (%1, hex)").arg(byteCount(payload.size())));
            m_payloadView->showPlain(hexDump(payload));
        }
        const auto& signature = token->signature();
        m_signatureTitle->setText(tr("Signature · %1").arg(algName));
        m_signatureFacts = signature.empty()
            ? tr("No signature: this token is unsecured and proves nothing about who made it")
            : byteCount(signature.size());
    }
    updateSignatureLine();
    QString notes = notesFor(*token);
    if (token->kind == jose::TokenKind::Jws && !token->payloadJson) {
        const QString utf8Notes = markInvalidUtf8(*token, utf8, extracted->offset);
        notes = notes.isEmpty() ? utf8Notes : utf8Notes + QLatin1Char('\n') + notes;
    }
    m_notesLabel->setText(notes);
    m_notesLabel->setVisible(!notes.isEmpty());
}

Result<inspect::ExtractedToken> DecoderPage::chooseToken(const std::string& text)
{
    const QSignalBlocker blocker(m_memberCombo);
    m_memberCombo->clear();
    m_memberCombo->hide();
    const bool prepared = m_prepared && m_prepared->member == m_member;
    auto candidates = prepared ? m_prepared->candidates : inspect::extractTokens(text);
    if (!candidates) {
        return std::unexpected(candidates.error());
    }
    const inspect::ExtractedToken* shown = candidates->find(toStdString(m_member));
    shown = shown ? shown : &candidates->token();
    const auto count = static_cast<int>(candidates->candidates.size());
    m_chosenStart = utf16Offset(text, shown->offset);
    if (count > 1) {
        for (const auto& candidate : candidates->candidates) {
            m_memberCombo->addItem(toQString(candidate.name));
        }
        m_memberCombo->setCurrentIndex(static_cast<int>(shown - candidates->candidates.data()));
        m_memberCombo->show();
        m_sourceLabel->setText(tr("Showing %1 (%2 tokens in the input)").arg(toQString(shown->name)).arg(count));
    } else if (shown->source != inspect::TokenSource::Bare) {
        m_sourceLabel->setText(tr("Token taken from the %1.").arg(toQString(inspect::describe(shown->source))));
    }
    return *shown;
}

void DecoderPage::revealChosenToken()
{
    if (m_memberCombo->isHidden()) {
        return;
    }
    QTextCursor cursor = m_tokenEdit->textCursor();
    cursor.setPosition(std::min(m_chosenStart, static_cast<int>(m_tokenEdit->document()->characterCount() - 1)));
    m_tokenEdit->setTextCursor(cursor);
    m_tokenEdit->ensureCursorVisible();
}

void DecoderPage::showReading(const jose::TokenReading& reading)
{
    setDecryptedClaims(std::nullopt);
    m_stack->setCurrentIndex(0);
    const bool jws = reading.kind == jose::TokenKind::Jws;
    const jose::SegmentReading* header = reading.segment(jose::SegmentRole::Header);
    const jose::SegmentReading* payload
        = reading.segment(jws ? jose::SegmentRole::Payload : jose::SegmentRole::Ciphertext);
    const jose::SegmentReading* signature
        = reading.segment(jws ? jose::SegmentRole::Signature : jose::SegmentRole::AuthenticationTag);
    const auto mark = [](const jose::SegmentReading* part) {
        switch (part->status) {
        case jose::SegmentStatus::Ok: return tr("OK");
        case jose::SegmentStatus::Missing: return tr("missing");
        case jose::SegmentStatus::Broken: return tr("broken");
        case jose::SegmentStatus::Extra: return tr("extra");
        }
        return QString();
    };
    const auto show = [](JsonView* view, const jose::SegmentReading* part) {
        const std::string_view text = asText(part->bytes);
        if (part->json) {
            view->showJson(toQString(encoding::toPrettyJson(part->json->value)));
        } else if (part->bytes.empty()) {
            view->showPlain(part->status == jose::SegmentStatus::Missing  ? tr("Not in the token.")
                                : part->status == jose::SegmentStatus::Ok ? tr("Empty.")
                                                                          : tr("Nothing of it decodes."));
        } else if (!encoding::findInvalidUtf8(text)) {
            view->showPlain(toQString(text));
        } else {
            view->showPlain(hexDump(part->bytes));
        }
    };
    m_headerTitle->setText(tr("Header · %1").arg(mark(header)));
    show(m_headerView, header);
    if (jws) {
        m_payloadTitle->setText(tr("Payload · %1").arg(mark(payload)));
        show(m_payloadView, payload);
    } else {
        m_payloadTitle->setText(tr("Encrypted content · %1").arg(mark(payload)));
        m_payloadView->showPlain(tr("This is a JWE: its content is encrypted. Only the header can be read without "
                                    "the key."));
    }
    m_signatureTitle->setText((jws ? tr("Signature · %1") : tr("Authentication tag · %1")).arg(mark(signature)));
    m_signatureFacts = signature->status == jose::SegmentStatus::Ok ? byteCount(signature->bytes.size())
        : signature->status == jose::SegmentStatus::Missing         ? tr("No signature")
                                                                    : tr("Broken");
    updateSignatureLine();

    // Why each part that is not OK is not, in the order of the token; once only, so not the reason
    // the signature line already gives for not verifying.
    QStringList problems;
    for (const auto& part : reading.segments) {
        if (part.status == jose::SegmentStatus::Ok) {
            continue;
        }
        QStringList sentences;
        if (const QString problem = toSentence(part.problem); !m_signatureLabel->text().contains(problem)) {
            sentences << problem;
        }
        if (!part.guess.empty()) {
            sentences << toSentence(part.guess);
        }
        if (!sentences.isEmpty()) {
            problems << sentences.join(QLatin1Char(' '));
        }
    }
    m_notesLabel->setText(problems.join(QLatin1Char('\n')));
    m_notesLabel->setVisible(!problems.isEmpty());
}

QString DecoderPage::markInvalidUtf8(const jose::CompactToken& token, const std::string& text, std::size_t tokenOffset)
{
    constexpr std::size_t kPayload = 1;
    const auto& payload = token.payload();
    const auto errors = encoding::listInvalidUtf8(asText(payload));
    if (errors.empty()) {
        return {};
    }
    QList<std::pair<int, int>> tokenRanges;
    for (const auto& error : errors) {
        m_invalidPayloadRanges += hexDumpRanges(error.offset, error.offset + error.length);
        const auto span = inspect::spanOfBytes(token, kPayload, {error.offset, error.offset + error.length});
        tokenRanges.append({utf16Offset(text, tokenOffset + span.characters.begin),
                            utf16Offset(text, tokenOffset + span.characters.end)});
    }
    updateColors();
    m_tokenEdit->markInvalid(std::move(tokenRanges));
    return utf8Note(tr("payload"), payload, errors);
}

void DecoderPage::showJweParts()
{
    if (m_jweMessage) {
        m_partsLabel->setText(jwePartsHtml(*m_jweMessage, m_jweCompact, QApplication::palette()));
    }
}

// The JSON serialization: its headers as they are given (protected, unprotected, per recipient),
// what each member is, and the decryption as for a compact JWE. There are no characters to colour.
void DecoderPage::showJsonJwe(jwe::JweMessage message)
{
    m_token.reset();
    updateCopyForBugReport();
    m_xray->setJsonJwe(m_shownToken, message);
    m_claimsModel->setClaims({}, m_verification->verificationTime());
    updateFindings();
    m_stack->setCurrentIndex(0);
    encoding::Json headers = encoding::Json::object();
    if (!message.protectedB64.empty()) {
        headers["protected"] = message.protectedHeader;
    }
    if (!message.sharedHeader.empty()) {
        headers["unprotected"] = message.sharedHeader;
    }
    if (std::ranges::any_of(message.recipients, [](const jwe::JweRecipient& r) { return !r.header.empty(); })) {
        encoding::Json recipients = encoding::Json::array();
        for (const auto& recipient : message.recipients) {
            recipients.push_back(recipient.header);
        }
        headers["recipients"] = std::move(recipients);
    }
    m_headerTitle->setText(tr("Headers · JWE (JSON serialization)"));
    m_headerView->showJson(toQString(encoding::toPrettyJson(headers)));
    const encoding::Json joined
        = jwe::joinHeaders(message.protectedHeader, message.sharedHeader,
                           message.recipients.empty() ? encoding::Json::object() : message.recipients[0].header);
    const auto enc = joined.value("enc", encoding::Json());
    m_signatureTitle->setText(
        tr("Authentication tag · %1").arg(enc.is_string() ? toQString(enc.get<std::string>()) : tr("no enc")));
    m_signatureFacts = byteCount(message.tag.size());
    updateSignatureLine();
    m_notesLabel->hide();
    m_jweMessage = std::move(message);
    m_jweCompact = false;
    showJweParts();
    showDecryption();
}

void DecoderPage::setDecryptedClaims(std::optional<encoding::Json> claims)
{
    if (claims != m_decryptedClaims) {
        m_decryptedClaims = std::move(claims);
        emit decryptedClaimsChanged();
    }
}

void DecoderPage::showDecryption()
{
    if (m_decoding || !m_jweMessage || m_stack->currentIndex() != 0) {
        return;
    }
    m_partsLabel->show();
    const auto& report = m_verification->jweReport();
    m_xray->setDecryptionOutcome(m_verification->summaryText(), m_verification->state());
    m_innerHeaderTitle->setVisible(report && report->nested);
    m_innerHeaderView->setVisible(report && report->nested);
    std::optional<encoding::Json> claims;
    if (!report) {
        m_payloadTitle->setText(tr("Encrypted content"));
        const QString state = m_verification->isDecrypting() ? tr("Decrypting…")
            : m_verification->state() == VerificationState::Invalid
            ? tr("The key given does not decrypt it: %1").arg(m_verification->summaryText())
            : tr("Give the decryption key on the Verification tab to read it: the recipient's private key, or the "
                 "shared key or passphrase.");
        m_payloadView->showPlain(tr("This is a JWE: its content is encrypted. %1").arg(state));
    } else if (report->nested) {
        const jose::CompactToken inner = report->nested->token();
        const auto alg = inner.header.value.value("alg", encoding::Json());
        m_innerHeaderTitle->setText(tr("Nested token · header · signed with %1")
                                        .arg(alg.is_string() ? toQString(alg.get<std::string>()) : tr("no alg")));
        m_innerHeaderView->showJson(toQString(encoding::toPrettyJson(inner.header.value)));
        if (inner.payloadJson) {
            m_payloadTitle->setText(inner.payloadJson->value.is_object() ? tr("Nested token · payload · claims")
                                                                         : tr("Nested token · payload · JSON"));
            m_payloadView->showJson(toQString(encoding::toPrettyJson(inner.payloadJson->value)));
            if (inner.payloadJson->value.is_object()) {
                claims = inner.payloadJson->value;
            }
        } else {
            m_payloadTitle->setText(
                tr("Nested token · payload · not JSON (%1)").arg(byteCount(inner.payload().size())));
            m_payloadView->showPlain(encoding::findInvalidUtf8(asText(inner.payload()))
                                         ? hexDump(inner.payload())
                                         : toQString(asText(inner.payload())));
        }
    } else {
        const crypto::SecureBytes& plaintext = report->decrypted.plaintext;
        std::optional<encoding::ParsedJson> json;
        if (auto parsed = encoding::parseJson(plaintext.view()); parsed && report->content == jwe::JweContent::Claims) {
            json = std::move(*parsed);
        }
        if (json) {
            m_payloadTitle->setText(tr("Decrypted payload · claims"));
            m_payloadView->showJson(toQString(encoding::toPrettyJson(json->value)));
            claims = std::move(json->value);
        } else if (!encoding::findInvalidUtf8(plaintext.view())) {
            m_payloadTitle->setText(tr("Decrypted content · text (%1)").arg(byteCount(plaintext.size())));
            m_payloadView->showPlain(toQString(plaintext.view()));
        } else {
            m_payloadTitle->setText(tr("Decrypted content · binary (%1, hex)").arg(byteCount(plaintext.size())));
            m_payloadView->showPlain(hexDump(plaintext.span()));
        }
    }
    m_claimsModel->setClaims(claims ? *claims : encoding::Json(), m_verification->verificationTime());
    setDecryptedClaims(std::move(claims));
    updateFindings();
}

} // namespace jwtwb::ui
