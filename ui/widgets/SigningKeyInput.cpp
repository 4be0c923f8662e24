#include "SigningKeyInput.h"

#include "crypto/SecureBytes.h"
#include "encoding/Base64Url.h"
#include "encoding/Json.h"
#include "encoding/Utf8.h"
#include "keys/KeyExport.h"
#include "support/Convert.h"
#include "support/KeyFile.h"
#include "support/KeyGenerationTask.h"
#include "support/Labels.h"
#include "support/TabOrder.h"
#include "support/Theme.h"
#include "widgets/SecretField.h"
#include "widgets/StoredKeyChooser.h"

#include <QApplication>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <array>

namespace jwtwb::ui {
namespace {

struct GenerateChoice {
    const char* label;
    keys::KeySpec spec;
};

const std::array kGenerateChoices{
    GenerateChoice{QT_TRANSLATE_NOOP("SigningKeyInput", "HMAC secret, 256 bits (HS256)"), {keys::KeyType::Oct, 256}},
    GenerateChoice{QT_TRANSLATE_NOOP("SigningKeyInput", "HMAC secret, 512 bits (HS512)"), {keys::KeyType::Oct, 512}},
    GenerateChoice{QT_TRANSLATE_NOOP("SigningKeyInput", "EC P-256 (ES256)"), {keys::KeyType::Ec, 0, keys::Curve::P256}},
    GenerateChoice{QT_TRANSLATE_NOOP("SigningKeyInput", "EC P-384 (ES384)"), {keys::KeyType::Ec, 0, keys::Curve::P384}},
    GenerateChoice{QT_TRANSLATE_NOOP("SigningKeyInput", "EC P-521 (ES512)"), {keys::KeyType::Ec, 0, keys::Curve::P521}},
    GenerateChoice{QT_TRANSLATE_NOOP("SigningKeyInput", "EC secp256k1 (ES256K)"),
                   {keys::KeyType::Ec, 0, keys::Curve::Secp256k1}},
    GenerateChoice{QT_TRANSLATE_NOOP("SigningKeyInput", "Ed25519 (EdDSA)"),
                   {keys::KeyType::Okp, 0, keys::Curve::Ed25519}},
    GenerateChoice{QT_TRANSLATE_NOOP("SigningKeyInput", "Ed448 (EdDSA)"), {keys::KeyType::Okp, 0, keys::Curve::Ed448}},
    GenerateChoice{QT_TRANSLATE_NOOP("SigningKeyInput", "RSA 2048 bits (RS*, PS*)"), {keys::KeyType::Rsa, 2048}},
    GenerateChoice{QT_TRANSLATE_NOOP("SigningKeyInput", "RSA 3072 bits (RS*, PS*)"), {keys::KeyType::Rsa, 3072}},
    GenerateChoice{QT_TRANSLATE_NOOP("SigningKeyInput", "RSA 4096 bits (RS*, PS*)"), {keys::KeyType::Rsa, 4096}},
};

} // namespace

SigningKeyInput::SigningKeyInput(QWidget* parent)
    : QWidget(parent)
    , m_source(new QComboBox(this))
    , m_pages(new QStackedWidget(this))
    , m_secret(new SecretField(this))
    , m_keyText(new QPlainTextEdit(this))
    , m_maskedKey(new QPlainTextEdit(this))
    , m_revealKey(new QToolButton(this))
    , m_passphrase(new QLineEdit(this))
    , m_loadFile(new QPushButton(tr("&Load Key File…"), this))
    , m_generateKind(new QComboBox(this))
    , m_generate(new QPushButton(tr("Generate a &Key for Me"), this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_status(new QLabel(this))
    , m_stored(new StoredKeyChooser(StoredKeyChooser::Purpose::Sign, this))
    , m_generation(new KeyGenerationTask(this))
{
    m_source->setObjectName(QStringLiteral("keySource"));
    m_keyText->setObjectName(QStringLiteral("keyTextEdit"));
    m_passphrase->setObjectName(QStringLiteral("passphraseEdit"));
    m_generateKind->setObjectName(QStringLiteral("generateKind"));
    m_generate->setObjectName(QStringLiteral("generateButton"));
    m_cancel->setObjectName(QStringLiteral("cancelGenerateButton"));
    m_status->setObjectName(QStringLiteral("keyStatus"));

    m_source->addItem(tr("Shared secret (HMAC)"));
    m_source->addItem(tr("PEM, JWK or key file"));
    m_secret->setPlaceholderText(tr("The shared secret"));
    m_keyText->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_keyText->setPlaceholderText(tr("Paste a private key: PEM (PKCS#8, PKCS#1, SEC1) or a JWK — or load a file"));
    m_keyText->setTabChangesFocus(true);
    m_maskedKey->setObjectName(QStringLiteral("maskedKeyText"));
    m_maskedKey->setFont(m_keyText->font());
    m_maskedKey->setReadOnly(true);
    m_maskedKey->setTabChangesFocus(true);
    m_maskedKey->hide();
    m_revealKey->setObjectName(QStringLiteral("revealKey"));
    m_revealKey->setCheckable(true);
    m_revealKey->setText(tr("Show"));
    m_revealKey->setToolTip(tr("Show or hide the private key"));
    m_revealKey->hide();
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphrase->setPlaceholderText(tr("Passphrase (encrypted PEM only)"));
    // Combo boxes as wide as their longest entry would make the page too wide for small screens.
    for (QComboBox* combo : {m_source, m_generateKind}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(12);
    }
    for (const auto& choice : kGenerateChoices) {
        m_generateKind->addItem(tr(choice.label));
    }
    m_generate->setToolTip(tr("Makes a throw-away key for test tokens; it stays in memory only"));
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_cancel->hide();
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* keyPage = new QWidget(m_pages);
    auto* keyLayout = new QVBoxLayout(keyPage);
    keyLayout->setContentsMargins(0, 0, 0, 0);
    keyLayout->addWidget(m_keyText, 1);
    keyLayout->addWidget(m_maskedKey, 1);
    auto* keyRow = new QHBoxLayout;
    keyRow->addWidget(m_passphrase, 1);
    keyRow->addWidget(m_revealKey);
    keyRow->addWidget(m_loadFile);
    keyLayout->addLayout(keyRow);

    m_pages->addWidget(m_secret);
    m_pages->addWidget(keyPage);
    m_pages->addWidget(m_stored);

    auto* generateRow = new QHBoxLayout;
    generateRow->addWidget(m_generateKind, 1);
    generateRow->addWidget(m_generate);
    generateRow->addWidget(m_progress);
    generateRow->addWidget(m_cancel);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_source);
    layout->addWidget(m_pages);
    layout->addLayout(generateRow);
    layout->addWidget(m_status);
    chainTabOrder({m_source, m_secret, m_keyText, m_maskedKey, m_passphrase, m_revealKey, m_loadFile, m_stored,
                   m_generateKind, m_generate, m_cancel});

    connect(m_source, &QComboBox::currentIndexChanged, this, [this](int index) {
        showSource(static_cast<Source>(index));
        importKey();
    });
    showSource(Source::Secret);
    connect(m_secret, &SecretField::changed, this, &SigningKeyInput::importKey);
    connect(m_keyText, &QPlainTextEdit::textChanged, this, &SigningKeyInput::importKey);
    connect(m_passphrase, &QLineEdit::textChanged, this, &SigningKeyInput::importKey);
    connect(m_revealKey, &QToolButton::toggled, this, [this](bool shown) { setKeyMasked(!shown); });
    connect(m_loadFile, &QPushButton::clicked, this, &SigningKeyInput::chooseKeyFile);
    connect(m_generate, &QPushButton::clicked, this, &SigningKeyInput::generateChosen);
    connect(m_cancel, &QPushButton::clicked, this, &SigningKeyInput::cancelGeneration);
    connect(m_generation, &KeyGenerationTask::finished, this, &SigningKeyInput::generated);
    connect(m_stored, &StoredKeyChooser::choiceChanged, this, [this] {
        if (m_source->currentIndex() == int(Source::Keystore)) {
            importKey();
        }
    });
    connect(m_stored, &StoredKeyChooser::unlockRequested, this, &SigningKeyInput::unlockRequested);
    importKey();
}

SigningKeyInput::~SigningKeyInput() = default;

void SigningKeyInput::setKeystoreSession(KeystoreSession* session)
{
    if (session != nullptr && m_source->count() == int(Source::Keystore)) {
        m_source->addItem(tr("Stored key (keystore)"));
    }
    m_stored->setSession(session);
}

void SigningKeyInput::chooseStoredKey(const QString& kid)
{
    if (m_source->count() <= int(Source::Keystore)) {
        return; // no keystore session
    }
    {
        const QSignalBlocker blocker(m_source);
        m_source->setCurrentIndex(int(Source::Keystore));
    }
    showSource(Source::Keystore);
    m_stored->choose(kid);
    importKey();
}

QString SigningKeyInput::statusText() const
{
    return m_status->text();
}

bool SigningKeyInput::isGenerating() const
{
    return m_generation->isRunning();
}

KeyMaterial SigningKeyInput::verificationKey() const
{
    if (!m_key) {
        return {};
    }
    if (m_source->currentIndex() == int(Source::Secret)) {
        return {KeyMaterial::Kind::Secret, m_secret->text(), m_secret->encoding()};
    }
    if (m_key->type() == keys::KeyType::Oct) {
        return {KeyMaterial::Kind::Secret, toQString(encoding::base64UrlEncode(m_key->secret().span())),
                keys::SecretEncoding::Base64Url};
    }
    const auto publicKey = m_key->publicKey();
    if (!publicKey) {
        return {};
    }
    if (!publicKey->parameters().kid.empty() || !publicKey->parameters().alg.empty()) {
        if (const auto jwk = keys::exportJwk(*publicKey, false)) {
            return {KeyMaterial::Kind::Jwk, toQString(jwk->dump(2)), {}};
        }
    }
    const auto pem = keys::exportPublicPem(*publicKey);
    return pem ? KeyMaterial{KeyMaterial::Kind::Pem, toQString(*pem), {}} : KeyMaterial{};
}

void SigningKeyInput::showSource(Source source)
{
    m_pages->setCurrentIndex(int(source));
    // The secret page is one line: the stack must not keep the key editor's height for it.
    for (int i = 0; i < m_pages->count(); ++i) {
        m_pages->widget(i)->setSizePolicy(QSizePolicy::Preferred,
                                          i == int(source) ? QSizePolicy::Preferred : QSizePolicy::Ignored);
    }
}

void SigningKeyInput::setSecret(const QString& text, keys::SecretEncoding encoding)
{
    {
        // One import for the whole change, not one per field.
        const QSignalBlocker sourceBlocker(m_source);
        const QSignalBlocker secretBlocker(m_secret);
        m_secret->setSecret(text, encoding);
        m_source->setCurrentIndex(int(Source::Secret));
    }
    showSource(Source::Secret);
    importKey();
}

void SigningKeyInput::setKeyText(const QString& text, const QString& passphrase)
{
    {
        const QSignalBlocker sourceBlocker(m_source);
        const QSignalBlocker textBlocker(m_keyText);
        const QSignalBlocker passphraseBlocker(m_passphrase);
        m_passphrase->setText(passphrase);
        m_keyText->setPlainText(text);
        m_source->setCurrentIndex(int(Source::KeyText));
    }
    m_keyMasked = false; // text given as text is shown; generate() and loadKeyFile() mask what they put here
    showSource(Source::KeyText);
    importKey();
}

bool SigningKeyInput::loadKeyFile(const QString& path, QString* errorMessage)
{
    auto content = readKeyFile(path, errorMessage);
    if (!content) {
        return false;
    }
    // Binary DER goes in as base64, which importKeys reads like PEM without its armour.
    setKeyText(encoding::findInvalidUtf8(*content) ? toQString(encoding::base64Encode(asBytes(*content)))
                                                   : toQString(*content));
    crypto::wipe(*content);
    setKeyMasked(true); // read from a file, not typed: masked like a secret
    return true;
}

void SigningKeyInput::chooseKeyFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Load Key File"), QString(),
                                                      tr("Keys (*.pem *.key *.jwk *.json *.der);;All files (*)"));
    if (path.isEmpty()) {
        return;
    }
    QString error;
    if (!loadKeyFile(path, &error)) {
        showStatus(error, true);
    }
}

void SigningKeyInput::importKey()
{
    m_key.reset();
    if (m_source->currentIndex() == int(Source::Keystore)) {
        if (auto chosen = m_stored->chosenKeys(); !chosen.empty()) {
            m_key = std::move(chosen.front());
            showStatus(tr("%1 · kid %2").arg(toQString(m_key->describe()), toQString(m_key->parameters().kid)), false);
        } else {
            // The chooser says why (locked, no key can sign).
            showStatus(m_stored->missingKeyText().isEmpty() ? tr("Choose a stored key that can sign.") : QString(),
                       false);
        }
    } else if (m_source->currentIndex() == int(Source::Secret)) {
        if (m_secret->isEmpty()) {
            showStatus(tr("Type the shared secret and say how it is written."), false);
        } else if (auto secret = m_secret->key(); !secret) {
            showStatus(toQString(secret.error().message), true);
        } else {
            m_key = std::move(*secret);
            showStatus(tr("%1 (%2)").arg(toQString(m_key->describe()), m_secret->encodingText()), false);
        }
    } else if (m_keyText->toPlainText().trimmed().isEmpty()) {
        showStatus(tr("Paste a private key, load a key file, or generate one."), false);
    } else {
        auto imported = keys::importKeys(toStdString(m_keyText->toPlainText()), toStdString(m_passphrase->text()));
        if (!imported) {
            showStatus(toQString(imported.error().message), true);
        } else {
            m_key = imported->front();
            QString text = toQString(m_key->describe());
            if (!m_key->parameters().kid.empty()) {
                text += tr(" · kid %1").arg(toQString(m_key->parameters().kid));
            }
            if (imported->size() > 1) {
                text += tr(" · the first of %1 keys").arg(imported->size());
            }
            showStatus(text, false);
        }
    }
    updateMask();
    emit keyChanged();
}

bool SigningKeyInput::isKeyMasked() const
{
    return !m_maskedKey->isHidden();
}

void SigningKeyInput::setKeyMasked(bool masked)
{
    m_keyMasked = masked;
    updateMask();
}

// Masked: the key's JWK with every private member's value replaced, so that the kind of key, its
// curve or modulus and its kid stay readable. Only a private key that was read can be masked.
void SigningKeyInput::updateMask()
{
    const bool maskable = m_key && m_key->hasPrivate() && m_source->currentIndex() == int(Source::KeyText);
    QString maskedText;
    if (maskable && m_keyMasked) {
        auto jwk = keys::exportJwk(*m_key, true);
        const auto publicJwk = keys::exportJwk(*m_key, false);
        if (jwk && publicJwk) {
            for (auto member = jwk->begin(); member != jwk->end(); ++member) {
                if (!publicJwk->contains(member.key())) {
                    *member = "••••••••";
                }
            }
            maskedText = toQString(encoding::toPrettyJson(*jwk));
        }
    }
    const bool masked = !maskedText.isEmpty();
    m_maskedKey->setPlainText(maskedText);
    const bool hadFocus = m_keyText->hasFocus() || m_maskedKey->hasFocus();
    m_keyText->setVisible(!masked);
    m_maskedKey->setVisible(masked);
    if (hadFocus) {
        (masked ? m_maskedKey : m_keyText)->setFocus();
    }
    m_revealKey->setVisible(maskable);
    {
        const QSignalBlocker blocker(m_revealKey);
        m_revealKey->setChecked(!masked);
    }
    m_revealKey->setText(masked ? tr("Show") : tr("Hide"));
}

void SigningKeyInput::showStatus(const QString& text, bool error)
{
    setTextColor(m_status,
                 error ? tokenColors(QApplication::palette()).error
                       : QApplication::palette().color(QPalette::WindowText));
    m_status->setText(text);
}

void SigningKeyInput::generateChosen()
{
    generate(kGenerateChoices.at(static_cast<std::size_t>(m_generateKind->currentIndex())).spec);
}

void SigningKeyInput::generate(const keys::KeySpec& spec)
{
    if (isGenerating()) {
        return;
    }
    m_generate->setEnabled(false);
    m_progress->show();
    m_cancel->show();
    showStatus(spec.type == keys::KeyType::Rsa ? tr("Generating an RSA key: this can take a few seconds…")
                                               : tr("Generating…"),
               false);
    m_generation->start(spec);
}

void SigningKeyInput::cancelGeneration()
{
    m_generation->cancel();
}

void SigningKeyInput::generated()
{
    const auto& result = m_generation->result();
    m_generate->setEnabled(true);
    m_progress->hide();
    m_cancel->hide();
    if (!result.key) {
        showStatus(result.error.isEmpty() ? tr("Key generation stopped.") : result.error, true);
        emit generationFinished(false);
        return;
    }
    const keys::Key& key = *result.key;
    if (key.type() == keys::KeyType::Oct) {
        setSecret(toQString(encoding::base64UrlEncode(key.secret().span())), keys::SecretEncoding::Base64Url);
    } else if (auto jwk = keys::exportJwk(key, true)) {
        setKeyText(toQString(encoding::toPrettyJson(*jwk)));
        setKeyMasked(true);
    } else {
        showStatus(toQString(jwk.error().message), true);
        emit generationFinished(false);
        return;
    }
    emit generationFinished(true);
}

} // namespace jwtwb::ui
