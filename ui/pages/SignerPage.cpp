#include "SignerPage.h"

#include "crypto/Random.h"
#include "dpop/DpopProof.h"
#include "encoding/Json.h"
#include "encoding/JsonObjectEdit.h"
#include "inspect/Lint.h"
#include "jose/Algorithm.h"
#include "jose/ClaimTemplates.h"
#include "jose/CompactToken.h"
#include "jose/JwsSigner.h"
#include "jose/KeyAlgorithmCheck.h"
#include "jwe/JweEncrypter.h"
#include "sdjwt/SdJwt.h"
#include "sdjwt/SdJwtIssuer.h"
#include "support/Clipboard.h"
#include "support/Clock.h"
#include "support/Convert.h"
#include "support/JsonObjectCheck.h"
#include "support/JweEncryption.h"
#include "support/Labels.h"
#include "support/TabOrder.h"
#include "support/Theme.h"
#include "widgets/ClaimHelpers.h"
#include "widgets/EncryptionStep.h"
#include "widgets/JsonEditor.h"
#include "widgets/KeyInput.h"
#include "widgets/SdDisclosureTree.h"
#include "widgets/SdHolderKeyEdit.h"
#include "widgets/TokenEdit.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

namespace jwtwb::ui {
namespace {

constexpr auto kHeaderKey = "signer/header";
constexpr auto kPayloadKey = "signer/payload";
constexpr auto kAlgorithmKey = "signer/algorithm";
// The SD-JWT choices are drafts too; the option itself is off at every start, and keys are never kept.
constexpr auto kSdPathsKey = "signer/sdJwtPaths";
constexpr auto kSdDecoysKey = "signer/sdJwtDecoys";
constexpr auto kSdHashKey = "signer/sdJwtHash";
constexpr int kMaxDecoys = 100;
constexpr auto kNone = "none";

const QString kDefaultHeader = QStringLiteral("{\n  \"alg\": \"HS256\",\n  \"typ\": \"JWT\"\n}");
const QString kDefaultPayload = QStringLiteral(
    "{\n  \"sub\": \"1234567890\",\n  \"name\": \"John Doe\",\n  \"admin\": true,\n  \"iat\": 1516239022\n}");
// jwt.io's demo secret since 2025, 38 bytes: the first token is jwt.io's current sample. (Its older
// sample, the decoder's, has the 19-byte "your-256-bit-secret", which verifiers refuse.)
const QString kDemoSecret = QStringLiteral("a-string-secret-at-least-256-bits-long");

QString sentence(std::string_view text)
{
    QString out = toQString(text);
    if (!out.isEmpty()) {
        out[0] = out[0].toUpper();
    }
    return out;
}

QString stringMember(const encoding::Json& object, const char* name)
{
    const auto it = object.find(name);
    return it != object.end() && it->is_string() ? toQString(it->get<std::string>()) : QString();
}

} // namespace

SignerPage::SignerPage(QWidget* parent)
    : QWidget(parent)
    , m_headerEdit(new JsonEditor(this))
    , m_payloadEdit(new JsonEditor(this))
    , m_headerTitle(makeTitle(tr("Header"), this))
    , m_payloadTitle(makeTitle(tr("Payload · claims"), this))
    , m_headerStatus(new QLabel(this))
    , m_payloadStatus(new QLabel(this))
    , m_claimHelpers(new ClaimHelpers(this))
    , m_keyInput(new KeyInput(KeyInput::Purpose::Sign, this))
    , m_signingSection(new QWidget(this))
    , m_encryptionStep(new EncryptionStep(this))
    , m_encrypter(new JweEncryption(this))
    , m_encryptingRow(new QWidget(this))
    , m_outputTitle(makeTitle(tr("Signed token"), this))
    , m_algorithm(new QComboBox(this))
    , m_unsecured(new QCheckBox(tr("&Unsecured (alg \"none\"): anyone can forge it"), this))
    , m_acceptWeakKeys(new QCheckBox(tr("Accept &weak keys"), this))
    , m_syncNote(new QLabel(this))
    , m_output(new TokenEdit(this))
    , m_blocked(new QLabel(this))
    , m_banner(new QLabel(this))
    , m_copy(new QPushButton(QIcon::fromTheme(QStringLiteral("edit-copy")), tr("&Copy"), this))
    , m_openInDecoder(new QPushButton(tr("&Open in Decoder"), this))
    , m_sdCheck(new QCheckBox(tr("&Issue an SD-JWT: claims the holder may keep to themselves"), this))
    , m_sdUnavailable(new QLabel(this))
    , m_sdSection(new QWidget(this))
    , m_sdTree(new SdDisclosureTree(m_sdSection))
    , m_sdDecoys(new QSpinBox(m_sdSection))
    , m_sdHash(new QComboBox(m_sdSection))
    , m_sdHolderKey(new SdHolderKeyEdit(m_sdSection))
{
    setObjectName(QStringLiteral("signerPage"));
    m_headerEdit->setObjectName(QStringLiteral("headerEdit"));
    m_payloadEdit->setObjectName(QStringLiteral("payloadEdit"));
    m_headerStatus->setObjectName(QStringLiteral("headerStatus"));
    m_payloadStatus->setObjectName(QStringLiteral("payloadStatus"));
    m_algorithm->setObjectName(QStringLiteral("algorithmChoice"));
    m_unsecured->setObjectName(QStringLiteral("unsecuredCheck"));
    m_acceptWeakKeys->setObjectName(QStringLiteral("acceptWeakKeys"));
    m_output->setObjectName(QStringLiteral("outputToken"));
    m_blocked->setObjectName(QStringLiteral("blockedLabel"));
    m_banner->setObjectName(QStringLiteral("warningBanner"));
    m_copy->setObjectName(QStringLiteral("copyButton"));
    m_openInDecoder->setObjectName(QStringLiteral("openInDecoderButton"));
    m_sdCheck->setObjectName(QStringLiteral("sdJwtCheck"));
    m_sdUnavailable->setObjectName(QStringLiteral("sdJwtUnavailable"));
    m_sdSection->setObjectName(QStringLiteral("sdJwtSection"));
    m_sdDecoys->setObjectName(QStringLiteral("sdDecoys"));
    m_sdHash->setObjectName(QStringLiteral("sdHashChoice"));

    m_output->setReadOnly(true);
    m_output->setPlaceholderText(tr("The signed token appears here."));
    for (QLabel* label : {m_headerStatus, m_payloadStatus, m_blocked, m_banner, m_syncNote, m_sdUnavailable}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setMargin(6);
    m_banner->hide();
    m_syncNote->setText(tr("The header's \"alg\" (and \"kid\", when the key has one) follow this choice."));
    m_unsecured->setToolTip(tr("A token without a signature. RFC 8725 §3.1: verifiers must refuse such tokens; make "
                               "one only to test that they do."));
    // Off at every start and never stored, as in the decoder.
    m_acceptWeakKeys->setToolTip(tr("Sign with an RSA key under 2048 bits or with the ROCA fingerprint, or an HMAC "
                                    "secret shorter than the hash. Conforming verifiers refuse such keys (RFC 7518 "
                                    "§3.2, §3.3); make such a token only to test that they do."));
    m_algorithm->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_algorithm->setMinimumContentsLength(12);
    m_copy->setToolTip(tr("Copy the token to the clipboard"));
    m_openInDecoder->setToolTip(tr("Show this token in the Decoder"));

    // Left: what the token says.
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_headerTitle);
    leftLayout->addWidget(m_headerEdit, 2);
    leftLayout->addWidget(m_headerStatus);
    leftLayout->addWidget(m_payloadTitle);
    leftLayout->addWidget(m_payloadEdit, 5);
    leftLayout->addWidget(m_payloadStatus);
    leftLayout->addWidget(m_claimHelpers);

    // Right: how it is signed (and encrypted), and the result; it scrolls when both keys need room.
    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    auto* signingLayout = new QVBoxLayout(m_signingSection);
    signingLayout->setContentsMargins(0, 0, 0, 0);
    signingLayout->addWidget(makeTitle(tr("Signing key"), m_signingSection));
    signingLayout->addWidget(m_keyInput);
    auto* algorithmRow = new QHBoxLayout;
    auto* algorithmLabel = new QLabel(tr("&Algorithm:"), m_signingSection);
    algorithmLabel->setBuddy(m_algorithm);
    algorithmRow->addWidget(algorithmLabel);
    algorithmRow->addWidget(m_algorithm, 1);
    algorithmRow->addWidget(m_acceptWeakKeys);
    signingLayout->addLayout(algorithmRow);
    signingLayout->addWidget(m_syncNote);
    signingLayout->addWidget(m_unsecured);
    rightLayout->addWidget(m_signingSection);
    rightLayout->addWidget(makeTitle(tr("Encryption"), right));
    rightLayout->addWidget(m_encryptionStep);
    rightLayout->addWidget(makeTitle(tr("Selective disclosure"), right));
    rightLayout->addWidget(m_sdCheck);
    rightLayout->addWidget(m_sdUnavailable);
    m_sdCheck->setToolTip(tr("RFC 9901: each ticked claim or array element is replaced by the digest of a "
                             "disclosure (a fresh random salt, its name and value), handed out with the token; the "
                             "holder then shows only the disclosures they choose."));
    m_sdDecoys->setRange(0, kMaxDecoys);
    m_sdDecoys->setToolTip(tr("Random digests added to the top-level \"_sd\", so that nobody can tell from the "
                              "token how many claims are hidden"));
    for (const auto hash : {crypto::HashAlg::Sha256, crypto::HashAlg::Sha384, crypto::HashAlg::Sha512}) {
        m_sdHash->addItem(toQString(sdjwt::hashNameOf(hash)), static_cast<int>(hash));
    }
    m_sdHash->setToolTip(tr("The hash of the disclosures' digests, named in \"_sd_alg\""));
    auto* sdNote = new QLabel(tr("Tick what the holder may keep to themselves. Each disclosure gets a fresh salt, so "
                                 "the SD-JWT changes each time it is signed. Its header is the one above."),
                              m_sdSection);
    sdNote->setWordWrap(true);
    auto* sdLayout = new QVBoxLayout(m_sdSection);
    sdLayout->setContentsMargins(0, 0, 0, 0);
    sdLayout->addWidget(sdNote);
    sdLayout->addWidget(m_sdTree);
    m_sdTree->setMinimumHeight(m_sdTree->fontMetrics().lineSpacing() * 10);
    auto* sdRow = new QHBoxLayout;
    auto* decoysLabel = new QLabel(tr("&Decoy digests:"), m_sdSection);
    decoysLabel->setBuddy(m_sdDecoys);
    auto* hashLabel = new QLabel(tr("_sd_a&lg:"), m_sdSection);
    hashLabel->setBuddy(m_sdHash);
    sdRow->addWidget(decoysLabel);
    sdRow->addWidget(m_sdDecoys);
    sdRow->addSpacing(12);
    sdRow->addWidget(hashLabel);
    sdRow->addWidget(m_sdHash);
    sdRow->addStretch(1);
    sdLayout->addLayout(sdRow);
    auto* holderLabel = new QLabel(tr("Holde&r key (cnf.jwk):"), m_sdSection);
    holderLabel->setBuddy(m_sdHolderKey->findChild<QWidget*>(QStringLiteral("sdHolderKeyText")));
    sdLayout->addWidget(holderLabel);
    sdLayout->addWidget(m_sdHolderKey);
    rightLayout->addWidget(m_sdSection);
    m_encryptionStep->setObjectName(QStringLiteral("encryptionStep"));
    m_encryptingRow->setObjectName(QStringLiteral("encryptingRow"));
    auto* encryptingLayout = new QHBoxLayout(m_encryptingRow);
    encryptingLayout->setContentsMargins(0, 0, 0, 0);
    auto* encryptingBar = new QProgressBar(m_encryptingRow);
    encryptingBar->setRange(0, 0);
    encryptingBar->setTextVisible(false);
    encryptingBar->setMaximumWidth(160);
    encryptingLayout->addWidget(new QLabel(tr("Encrypting…"), m_encryptingRow));
    encryptingLayout->addWidget(encryptingBar);
    encryptingLayout->addStretch(1);
    m_encryptingRow->hide();
    auto* outputRow = new QHBoxLayout;
    outputRow->addWidget(m_outputTitle, 1);
    outputRow->addWidget(m_copy);
    outputRow->addWidget(m_openInDecoder);
    rightLayout->addLayout(outputRow);
    rightLayout->addWidget(m_output, 3);
    rightLayout->addWidget(m_encryptingRow);
    rightLayout->addWidget(m_blocked);
    rightLayout->addWidget(m_banner);
    m_output->setMinimumHeight(m_output->fontMetrics().lineSpacing() * 4);
    auto* rightScroll = new QScrollArea(this);
    rightScroll->setWidget(right);
    rightScroll->setWidgetResizable(true);
    rightScroll->setFrameShape(QFrame::NoFrame);
    rightScroll->setFocusPolicy(Qt::NoFocus); // Tab goes to the fields, not to the scroll area

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("signerSplitter"));
    splitter->addWidget(left);
    splitter->addWidget(rightScroll);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);
    // Reading order: the left column, then the right one.
    chainTabOrder({m_headerEdit, m_payloadEdit, m_claimHelpers, m_keyInput, m_algorithm, m_unsecured, m_acceptWeakKeys,
                   m_encryptionStep, m_sdCheck, m_sdSection, m_copy, m_openInDecoder, m_output});

    restoreDrafts();
    m_keyInput->setSecret(kDemoSecret, keys::SecretEncoding::Utf8);

    connect(m_headerEdit, &QPlainTextEdit::textChanged, this, &SignerPage::headerEdited);
    connect(m_payloadEdit, &QPlainTextEdit::textChanged, this, [this] {
        saveDrafts();
        sign();
    });
    connect(m_keyInput, &KeyInput::keysChanged, this, [this] {
        ++m_keyGeneration;
        updateAlgorithms();
    });
    connect(m_sdCheck, &QCheckBox::toggled, this, [this] {
        updateSdJwt();
        sign();
    });
    connect(m_sdTree, &SdDisclosureTree::checkedPathsChanged, this, [this] {
        saveDrafts();
        sign();
    });
    connect(m_sdDecoys, &QSpinBox::valueChanged, this, [this] {
        saveDrafts();
        sign();
    });
    connect(m_sdHash, &QComboBox::currentIndexChanged, this, [this] {
        saveDrafts();
        sign();
    });
    connect(m_sdHolderKey, &SdHolderKeyEdit::keyChanged, this, &SignerPage::sign);
    connect(m_keyInput, &KeyInput::unlockRequested, this, &SignerPage::keystoreUnlockRequested);
    connect(m_algorithm, &QComboBox::activated, this, &SignerPage::algorithmChosen);
    connect(m_unsecured, &QCheckBox::toggled, this, [this](bool unsecured) {
        m_keyInput->setEnabled(!unsecured);
        updateSdJwt();
        updateAlgorithms();
    });
    connect(m_acceptWeakKeys, &QCheckBox::toggled, this, &SignerPage::sign);
    connect(m_claimHelpers, &ClaimHelpers::timeClaimRequested, this, &SignerPage::setTimeClaim);
    connect(m_claimHelpers, &ClaimHelpers::jtiRequested, this, &SignerPage::setJti);
    connect(m_claimHelpers, &ClaimHelpers::templateRequested, this, &SignerPage::applyTemplate);
    connect(m_claimHelpers, &ClaimHelpers::dpopTemplateRequested, this, &SignerPage::applyDpopTemplate);
    connect(m_copy, &QPushButton::clicked, this, [this] {
        // A signed token is a bearer credential: marked for password managers and cleared after a while.
        Clipboard::instance()->copySecret(m_token);
        emit statusMessage(tr("Token copied to the clipboard (cleared again in 30 s)"));
    });
    connect(m_openInDecoder, &QPushButton::clicked, this, [this] {
        const auto mode = m_encryptionStep->mode();
        emit openInDecoder(
            m_token, mode == EncryptionStep::Mode::InsteadOfSigning ? KeyMaterial{} : m_keyInput->verificationKey(),
            mode == EncryptionStep::Mode::Off ? KeyMaterial{} : m_encryptionStep->keyInput()->decryptionKey());
    });
    connect(m_encryptionStep, &EncryptionStep::changed, this, [this] {
        updateMode();
        updateSdJwt();
        sign();
    });
    connect(m_encryptionStep, &EncryptionStep::unlockRequested, this, &SignerPage::keystoreUnlockRequested);
    connect(m_encrypter, &JweEncryption::finished, this, &SignerPage::encrypted);
    // Only when it takes a while: a quick encryption should not flash a bar.
    auto* busyDelay = new QTimer(this);
    busyDelay->setSingleShot(true);
    busyDelay->setInterval(150);
    connect(busyDelay, &QTimer::timeout, this, [this] { m_encryptingRow->setVisible(m_encrypter->isBusy()); });
    connect(m_encrypter, &JweEncryption::busyChanged, this, [this, busyDelay](bool busy) {
        if (busy) {
            busyDelay->start();
        } else {
            busyDelay->stop();
            m_encryptingRow->hide();
        }
    });

    updateColors();
    updateMode();
    updateSdJwt();
    updateAlgorithms();
}

void SignerPage::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::ApplicationPaletteChange) {
        updateColors();
        sign();
    }
}

void SignerPage::updateColors()
{
    const TokenColors colors = tokenColors(QApplication::palette());
    setTextColor(m_headerTitle, colors.header);
    setTextColor(m_payloadTitle, colors.payload);
    setTextColor(m_blocked, colors.error);
    setTextColor(m_banner, colors.warning);
    setTextColor(m_syncNote, QApplication::palette().color(QPalette::PlaceholderText));
    setTextColor(m_sdUnavailable, QApplication::palette().color(QPalette::PlaceholderText));
}

void SignerPage::setKeystoreSession(KeystoreSession* session)
{
    m_keyInput->setKeystoreSession(session);
    m_encryptionStep->setKeystoreSession(session);
}

bool SignerPage::isEncrypting() const
{
    return m_encryptionStep->mode() != EncryptionStep::Mode::Off && m_encrypter->isBusy();
}

// Encrypting the claims instead of signing them: the header, the signing key and the algorithm are
// not used, and say so.
void SignerPage::updateMode()
{
    const auto mode = m_encryptionStep->mode();
    const bool signing = mode != EncryptionStep::Mode::InsteadOfSigning;
    m_signingSection->setVisible(signing);
    m_headerEdit->setEnabled(signing);
    m_headerTitle->setText(signing ? tr("Header") : tr("Header · not used: the claims are encrypted, not signed"));
    m_outputTitle->setText(mode == EncryptionStep::Mode::Off ? tr("Signed token")
                               : mode == EncryptionStep::Mode::AfterSigning
                               ? tr("Signed, then encrypted token (nested JWT)")
                               : tr("Encrypted token (JWE)"));
    m_output->setPlaceholderText(mode == EncryptionStep::Mode::Off ? tr("The signed token appears here.")
                                                                   : tr("The encrypted token appears here."));
    if (mode == EncryptionStep::Mode::Off) {
        m_encrypter->clear();
    }
}

void SignerPage::setHeaderText(const QString& text)
{
    m_headerEdit->setPlainText(text);
}

void SignerPage::setPayloadText(const QString& text)
{
    m_payloadEdit->setPlainText(text);
}

QString SignerPage::headerText() const
{
    return m_headerEdit->toPlainText();
}

QString SignerPage::payloadText() const
{
    return m_payloadEdit->toPlainText();
}

QString SignerPage::blockedReason() const
{
    return m_token.isEmpty() ? m_blocked->text() : QString();
}

QString SignerPage::algorithm() const
{
    return m_algorithm->currentData().toString();
}

void SignerPage::restoreDrafts()
{
    const QSettings settings;
    const QSignalBlocker headerBlocker(m_headerEdit);
    const QSignalBlocker payloadBlocker(m_payloadEdit);
    m_headerEdit->setPlainText(settings.value(kHeaderKey, kDefaultHeader).toString());
    m_payloadEdit->setPlainText(settings.value(kPayloadKey, kDefaultPayload).toString());
    m_preferredAlgorithm = settings.value(kAlgorithmKey).toString();
    const QSignalBlocker treeBlocker(m_sdTree);
    const QSignalBlocker decoysBlocker(m_sdDecoys);
    const QSignalBlocker hashBlocker(m_sdHash);
    m_sdTree->setCheckedPaths(settings.value(kSdPathsKey).toStringList());
    m_sdDecoys->setValue(settings.value(kSdDecoysKey, 0).toInt());
    const int hash = m_sdHash->findText(settings.value(kSdHashKey).toString());
    m_sdHash->setCurrentIndex(hash >= 0 ? hash : 0);
}

void SignerPage::saveDrafts() const
{
    QSettings settings;
    settings.setValue(kHeaderKey, m_headerEdit->toPlainText());
    settings.setValue(kPayloadKey, m_payloadEdit->toPlainText());
    settings.setValue(kSdPathsKey, m_sdTree->rememberedPaths());
    settings.setValue(kSdDecoysKey, m_sdDecoys->value());
    settings.setValue(kSdHashKey, m_sdHash->currentText());
    if (!algorithm().isEmpty()) {
        settings.setValue(kAlgorithmKey, algorithm());
    }
}

// Only what the key can do is offered; "none" only behind the checkbox, and then alone.
void SignerPage::updateAlgorithms()
{
    const QString current = algorithm().isEmpty() ? m_preferredAlgorithm : algorithm();
    QStringList names;
    if (m_unsecured->isChecked()) {
        names << QString::fromLatin1(kNone);
    } else if (const keys::Key* key = m_keyInput->key()) {
        for (const auto alg : jose::algorithmsForKey(*key, jose::KeyPurpose::Sign)) {
            names << toQString(jose::algorithmName(alg));
        }
    }
    {
        const QSignalBlocker blocker(m_algorithm);
        m_algorithm->clear();
        for (const QString& name : names) {
            const auto alg = jose::parseAlgorithm(toStdString(name));
            m_algorithm->addItem(QStringLiteral("%1 — %2").arg(name, toQString(jose::algorithmInfo(*alg).description)),
                                 name);
        }
        const int keep = m_algorithm->findData(current);
        m_algorithm->setCurrentIndex(keep >= 0 ? keep : 0);
    }
    m_algorithm->setEnabled(!names.isEmpty());
    if (names.isEmpty()) {
        m_algorithm->setPlaceholderText(m_keyInput->key() ? tr("This key cannot sign") : tr("Needs a key"));
    }
    syncHeader();
    sign();
}

void SignerPage::algorithmChosen()
{
    m_preferredAlgorithm = algorithm();
    syncHeader();
    saveDrafts();
    sign();
}

// Typing an algorithm the key can do into the header selects it; anything else blocks signing.
void SignerPage::headerEdited()
{
    if (m_syncing) {
        return;
    }
    const JsonObjectCheck header = JsonObjectCheck::of(m_headerEdit->toPlainText(), tr("header"));
    if (header.value) {
        const int index = m_algorithm->findData(stringMember(*header.value, "alg"));
        if (index >= 0 && index != m_algorithm->currentIndex()) {
            m_algorithm->setCurrentIndex(index);
            m_preferredAlgorithm = algorithm();
        }
    }
    saveDrafts();
    sign();
}

// Writes the chosen alg (and the key's kid) into the header text, keeping everything else as typed.
void SignerPage::syncHeader()
{
    const QString alg = algorithm();
    if (alg.isEmpty()) {
        return;
    }
    std::string text = toStdString(m_headerEdit->toPlainText());
    auto edited = encoding::setObjectMember(text, "alg", encoding::Json(toStdString(alg)));
    if (!edited) {
        return; // the header is not valid JSON yet: sign() says so
    }
    const keys::Key* key = m_unsecured->isChecked() ? nullptr : m_keyInput->key();
    const std::string kid = key ? key->parameters().kid : std::string();
    if (!kid.empty()) {
        edited = encoding::setObjectMember(*edited, "kid", encoding::Json(kid), "alg");
    } else if (!m_syncedKid.empty() && !m_unsecured->isChecked()) {
        // The kid came from the previous key: it would name the wrong key now.
        const auto header = encoding::parseJson(*edited);
        if (header && header->value.value("kid", encoding::Json()) == encoding::Json(m_syncedKid)) {
            edited = encoding::removeObjectMember(*edited, "kid");
        }
    }
    m_syncedKid = kid;
    if (edited) {
        syncDpopKey(*edited);
    }
    if (edited && *edited != text) {
        m_syncing = true;
        m_headerEdit->replaceText(toQString(*edited));
        m_syncing = false;
        saveDrafts();
    }
}

void SignerPage::block(const QString& reason)
{
    m_encrypter->clear();
    m_token.clear();
    m_output->setText(QString());
    m_blocked->setText(reason);
    m_blocked->show();
    m_banner->hide();
    m_copy->setEnabled(false);
    m_openInDecoder->setEnabled(false);
}

void SignerPage::sign()
{
    updateSdJwt();
    const JsonObjectCheck header = JsonObjectCheck::of(m_headerEdit->toPlainText(), tr("header"));
    const JsonObjectCheck payload = JsonObjectCheck::of(m_payloadEdit->toPlainText(), tr("payload"));
    const QColor ok = tokenColors(QApplication::palette()).extra; // green
    const QColor error = tokenColors(QApplication::palette()).error;
    m_headerEdit->markError(header.errorPosition);
    m_payloadEdit->markError(payload.errorPosition);
    m_sdTree->setPayload(payload.value);
    m_headerStatus->setText(header.value ? tr("✓ Valid JSON") : header.problem);
    setTextColor(m_headerStatus, header.value ? ok : error);
    m_payloadStatus->setText(payload.value ? tr("✓ Valid JSON") : payload.problem);
    setTextColor(m_payloadStatus, payload.value ? ok : error);

    const auto mode = m_encryptionStep->mode();
    if (!header.value && mode != EncryptionStep::Mode::InsteadOfSigning) {
        block(tr("Not signed: the header is not valid. %1").arg(header.problem));
        return;
    }
    if (!payload.value) {
        block(tr("Not signed: the payload is not valid. %1").arg(payload.problem));
        return;
    }
    if (mode != EncryptionStep::Mode::Off) {
        if (const QString problem = m_encryptionStep->problem(); !problem.isEmpty()) {
            block(tr("Not encrypted: %1").arg(problem));
            return;
        }
    }
    if (mode == EncryptionStep::Mode::InsteadOfSigning) {
        const auto claims = jose::compactJsonText(toStdString(m_payloadEdit->toPlainText()), "payload");
        if (!claims) {
            block(tr("Not encrypted: %1").arg(toQString(claims.error().message)));
            return;
        }
        m_signed.clear();
        encrypt(*claims);
        return;
    }
    const bool unsecured = m_unsecured->isChecked();
    const keys::Key* key = unsecured ? nullptr : m_keyInput->key();
    if (!unsecured && !key) {
        block(tr("Not signed: give a key (or generate one) to sign with."));
        return;
    }
    const QString alg = algorithm();
    if (alg.isEmpty()) {
        block(tr("Not signed: %1 cannot sign any JWS algorithm.").arg(toQString(key->describe())));
        return;
    }
    // The header is what gets signed: it must say exactly the algorithm the key was checked for.
    const QString headerAlg = stringMember(*header.value, "alg");
    if (headerAlg != alg) {
        block(headerAlg.isEmpty()
                  ? tr("Not signed: the header has no \"alg\". Choose an algorithm to put it back.")
                  : tr("Not signed: the header says alg \"%1\", but the key is signing with %2. Pick the algorithm "
                       "from the list; only those this key can do are offered.")
                        .arg(headerAlg, alg));
        return;
    }
    if (key && dpop::looksLikeDpopProof(*header.value)) {
        if (const auto jwk = dpop::proofJwk(*key); !jwk) {
            block(tr("Not signed: the header is a DPoP proof's, and %1.").arg(toQString(jwk.error().message)));
            return;
        }
    }
    if (key && issuesSdJwt()) {
        QString problem;
        const QString sdJwt = issueSdJwt(*header.value, *payload.value, *key, alg, problem);
        if (sdJwt.isEmpty()) {
            block(tr("Not signed: %1").arg(problem));
            return;
        }
        m_signed = sdJwt.left(sdJwt.indexOf(QLatin1Char('~')));
        publish(sdJwt);
        return;
    }
    const auto compactPayload = jose::compactJsonText(toStdString(m_payloadEdit->toPlainText()), "payload");
    if (!compactPayload) {
        block(tr("Not signed: %1").arg(toQString(compactPayload.error().message)));
        return;
    }
    jose::SignOptions options;
    options.allowUnsecured = unsecured;
    options.weakKeys = m_acceptWeakKeys->isChecked() ? jose::WeakKeys::Accept : jose::WeakKeys::Refuse;
    const auto token
        = jose::signCompact(toStdString(m_headerEdit->toPlainText()), asBytes(*compactPayload), key, options);
    if (!token && token.error().code == Errc::WeakKey) {
        block(tr("Not signed: %1 A conforming verifier refuses this key; tick “Accept weak keys” to sign "
                 "with it anyway.")
                  .arg(sentence(token.error().message)));
        return;
    }
    if (!token) {
        block(tr("Not signed: %1").arg(sentence(token.error().message)));
        return;
    }
    if (mode == EncryptionStep::Mode::AfterSigning) {
        m_signed = toQString(*token);
        encrypt(*token);
        return;
    }
    m_signed.clear();
    publish(toQString(*token));
}

QString SignerPage::sdJwtUnavailableReason() const
{
    if (m_encryptionStep->mode() != EncryptionStep::Mode::Off) {
        return tr("Not with encryption: the signer encrypts a JWS, and an SD-JWT is a JWS with its disclosures "
                  "after it. Turn encryption off to issue one.");
    }
    if (m_unsecured->isChecked()) {
        return tr("Not with alg \"none\": RFC 9901 forbids an unsigned SD-JWT.");
    }
    const JsonObjectCheck header = JsonObjectCheck::of(m_headerEdit->toPlainText(), tr("header"));
    if (header.value && dpop::looksLikeDpopProof(*header.value)) {
        return tr("Not for a DPoP proof: a proof is shown whole to the server it is for, and its claims are "
                  "not for anyone else. Choose another claim template to issue an SD-JWT.");
    }
    return {};
}

bool SignerPage::issuesSdJwt() const
{
    return m_sdCheck->isChecked() && sdJwtUnavailableReason().isEmpty();
}

void SignerPage::updateSdJwt()
{
    const QString reason = sdJwtUnavailableReason();
    m_sdCheck->setEnabled(reason.isEmpty());
    m_sdUnavailable->setText(reason);
    m_sdUnavailable->setVisible(!reason.isEmpty());
    m_sdSection->setVisible(m_sdCheck->isChecked() && reason.isEmpty());
    m_outputTitle->setText(m_sdSection->isVisible() ? tr("SD-JWT (signed, with its disclosures)")
                               : m_encryptionStep->mode() == EncryptionStep::Mode::Off ? tr("Signed token")
                                                                                       : m_outputTitle->text());
}

QString SignerPage::issueSdJwt(const encoding::Json& header, const encoding::Json& payload, const keys::Key& key,
                               const QString& alg, QString& error)
{
    const QStringList paths = m_sdTree->checkedPaths();
    const QString inputs = QStringList{toQString(encoding::toCompactJson(header)),
                                       toQString(encoding::toCompactJson(payload)),
                                       paths.join(QLatin1Char('\n')),
                                       QString::number(m_sdDecoys->value()),
                                       m_sdHash->currentText(),
                                       m_sdHolderKey->keyText(),
                                       alg,
                                       QString::number(m_keyGeneration)}
                               .join(QChar(0));
    if (inputs == m_sdInputs && !m_sdIssued.isEmpty()) {
        return m_sdIssued;
    }
    if (!m_sdHolderKey->isEmpty() && !m_sdHolderKey->key()) {
        error = tr("the holder key is not usable. %1").arg(m_sdHolderKey->errorText());
        return {};
    }
    sdjwt::IssueOptions options;
    for (const QString& path : paths) {
        options.disclose.push_back(toStdString(path));
    }
    options.decoys = static_cast<std::size_t>(m_sdDecoys->value());
    options.holderKey = m_sdHolderKey->key();
    options.alg = jose::parseAlgorithm(toStdString(alg));
    options.header = header; // with the key's kid, as the header editor keeps it
    options.hash = static_cast<crypto::HashAlg>(m_sdHash->currentData().toInt());
    const auto issued = sdjwt::issueSdJwt(payload, key, options);
    if (!issued) {
        error = sentence(issued.error().message);
        return {};
    }
    m_sdInputs = inputs;
    m_sdIssued = toQString(*issued);
    return m_sdIssued;
}

void SignerPage::encrypt(std::string plaintext)
{
    jwe::EncryptOptions options;
    options.protectedHeader = m_encryptionStep->protectedHeader();
    options.compress = m_encryptionStep->compress();
    m_encrypter->request(std::move(plaintext), *m_encryptionStep->keyInput()->key(), std::move(options));
    if (!m_encrypter->isBusy()) {
        encrypted(); // the same as the last request: its token is there
        return;
    }
    // No token while the new one is made: Copy must never copy one made from older claims.
    m_token.clear();
    {
        const QSignalBlocker blocker(m_output);
        m_output->setText(QString());
    }
    m_blocked->hide();
    m_banner->hide();
    m_copy->setEnabled(false);
    m_openInDecoder->setEnabled(false);
}

void SignerPage::encrypted()
{
    if (m_encrypter->isBusy() || m_encryptionStep->mode() == EncryptionStep::Mode::Off) {
        return;
    }
    if (m_encrypter->token().isEmpty()) {
        const QString error = m_encrypter->error();
        block(tr("Not encrypted: %1").arg(error));
        return;
    }
    publish(m_encrypter->token());
}

void SignerPage::publish(const QString& token)
{
    m_token = token;
    m_blocked->hide();
    m_copy->setEnabled(true);
    m_openInDecoder->setEnabled(true);
    {
        const QSignalBlocker blocker(m_output);
        m_output->setText(m_token);
    }
    const qsizetype tilde = m_token.indexOf(QLatin1Char('~'));
    m_output->markToken(0, static_cast<int>(tilde >= 0 ? tilde : m_token.size()));
    // An SD-JWT's disclosures are no JWS: the warnings are about its issuer-signed JWT.
    showWarnings(m_signed.isEmpty()           ? QStringList{m_token}
                     : m_token.contains(u'~') ? QStringList{m_signed}
                                              : QStringList{m_signed, m_token});
    emit tokenChanged(m_token);
}

// What the decoder would flag about this token (and the one inside it), before it is handed to anyone.
void SignerPage::showWarnings(const QStringList& tokens)
{
    QStringList lines;
    QStringList details;
    for (const QString& token : tokens) {
        const auto decoded = jose::decodeCompact(toStdString(token), jose::Base64Mode::Lenient);
        if (!decoded) {
            continue;
        }
        inspect::LintOptions options;
        options.now = Clock::nowSeconds();
        options.key = m_unsecured->isChecked() || decoded->kind == jose::TokenKind::Jwe ? nullptr : m_keyInput->key();
        for (const auto& finding : inspect::lint(*decoded, options)) {
            if (finding.severity == inspect::Severity::Info) {
                continue;
            }
            lines << QStringLiteral("⚠ %1").arg(toQString(finding.title).toHtmlEscaped());
            details << QStringLiteral("%1: %2 (%3)")
                           .arg(toQString(finding.title), toQString(finding.explanation), toQString(finding.reference));
        }
    }
    m_banner->setText(
        tr("<b>The decoder would warn about this token:</b><br>%1").arg(lines.join(QStringLiteral("<br>"))));
    m_banner->setToolTip(details.join(QStringLiteral("\n\n")));
    m_banner->setVisible(!lines.isEmpty());
}

// The header of a DPoP proof: alg, typ dpop+jwt and the public JWK, then the other members, pretty
// (the key on one line would wrap in the middle of a coordinate).
std::string SignerPage::dpopHeader(const encoding::Json& header, const encoding::Json& jwk)
{
    encoding::Json out = encoding::Json::object();
    if (header.contains("alg")) {
        out["alg"] = header.at("alg");
    }
    out["typ"] = "dpop+jwt";
    out["jwk"] = jwk;
    for (const auto& [name, value] : header.items()) {
        if (!out.contains(name)) {
            out[name] = value;
        }
    }
    return encoding::toPrettyJson(out);
}

void SignerPage::syncDpopKey(std::string& header) const
{
    const auto parsed = encoding::parseJson(header);
    const keys::Key* key = m_unsecured->isChecked() ? nullptr : m_keyInput->key();
    if (!parsed || !key || !dpop::looksLikeDpopProof(parsed->value)) {
        return;
    }
    // A key that cannot sign a proof leaves the old jwk; sign() then says why it does not sign.
    if (const auto jwk = dpop::proofJwk(*key); jwk && parsed->value.at("jwk") != *jwk) {
        header = dpopHeader(parsed->value, *jwk);
    }
}

void SignerPage::applyDpopTemplate(const QString& method, const QString& url, const QString& accessToken)
{
    const keys::Key* key = m_unsecured->isChecked() ? nullptr : m_keyInput->key();
    const auto refuse = [this](const QString& why) {
        const QString message = tr("No DPoP proof: %1").arg(why);
        m_claimHelpers->showError(message);
        emit statusMessage(message);
    };
    if (!key) {
        refuse(m_keyInput->errorText().isEmpty()
                   ? tr("it is signed with a private RSA, EC or OKP key, and there is none. Give or generate one.")
                   : tr("it is signed with a private RSA, EC or OKP key. %1").arg(m_keyInput->errorText()));
        return;
    }
    auto jwk = dpop::proofJwk(*key);
    if (!jwk) {
        refuse(tr("%1.").arg(toQString(jwk.error().message)));
        return;
    }
    if (method.isEmpty() || url.isEmpty()) {
        refuse(tr("give the HTTP method (htm) and the URL (htu) of the request it goes with."));
        return;
    }
    dpop::DpopProofOptions options;
    options.htm = toStdString(method);
    options.htu = toStdString(url);
    options.iat = Clock::nowSeconds();
    if (const auto uuid = crypto::randomUuid()) {
        options.jti = *uuid;
    }
    if (!accessToken.isEmpty()) {
        options.accessToken = toStdString(accessToken);
    }
    const auto claims = dpop::proofClaims(options);
    if (!claims) {
        refuse(toQString(claims.error().message));
        return;
    }
    const JsonObjectCheck header = JsonObjectCheck::of(m_headerEdit->toPlainText(), tr("header"));
    if (!header.value) {
        refuse(tr("fix the header JSON first: %1").arg(header.problem));
        return;
    }
    m_claimHelpers->showError({});
    m_headerEdit->replaceText(toQString(dpopHeader(*header.value, *jwk)));
    m_payloadEdit->replaceText(toQString(encoding::toPrettyJson(*claims)));
    emit statusMessage(accessToken.isEmpty()
                           ? tr("DPoP proof: jwk is the signing key's public half; jti, iat, htm and htu are set")
                           : tr("DPoP proof: jwk is the signing key's public half; jti, iat, htm, htu and ath (of the "
                                "access token) are set"));
}

bool SignerPage::editPayloadMember(const QString& name, const encoding::Json& value)
{
    const JsonObjectCheck payload = JsonObjectCheck::of(m_payloadEdit->toPlainText(), tr("payload"));
    if (!payload.value) {
        emit statusMessage(tr("Fix the payload JSON first: %1").arg(payload.problem));
        return false;
    }
    // New claims go at the end, after what was typed.
    std::string after;
    for (const auto& [member, unused] : payload.value->items()) {
        after = member;
    }
    const auto edited
        = encoding::setObjectMember(toStdString(m_payloadEdit->toPlainText()), toStdString(name), value, after);
    if (!edited) {
        emit statusMessage(sentence(edited.error().message));
        return false;
    }
    m_payloadEdit->replaceText(toQString(*edited));
    return true;
}

void SignerPage::setTimeClaim(const QString& name, std::chrono::seconds fromNow)
{
    const auto when = Clock::nowSeconds() + fromNow;
    editPayloadMember(name, encoding::Json(when.time_since_epoch().count()));
}

void SignerPage::setJti()
{
    const auto uuid = crypto::randomUuid();
    if (!uuid) {
        emit statusMessage(sentence(uuid.error().message));
        return;
    }
    editPayloadMember(QStringLiteral("jti"), encoding::Json(*uuid));
}

void SignerPage::applyTemplate(int claimTemplate)
{
    const auto kind = static_cast<jose::ClaimTemplate>(claimTemplate);
    const auto uuid = crypto::randomUuid();
    const auto claims = jose::templateClaims(kind, Clock::nowSeconds(), uuid ? *uuid : std::string());
    m_payloadEdit->replaceText(toQString(encoding::toPrettyJson(claims)));
    const std::string header = toStdString(m_headerEdit->toPlainText());
    if (const auto edited
        = encoding::setObjectMember(header, "typ", encoding::Json(std::string(jose::templateInfo(kind).typ)), "alg")) {
        m_headerEdit->replaceText(toQString(*edited));
    }
    emit statusMessage(
        tr("%1: replace the placeholder values (iss, sub, aud, scope…)").arg(toQString(jose::templateInfo(kind).name)));
}

} // namespace jwtwb::ui
