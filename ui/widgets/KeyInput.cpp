#include "KeyInput.h"

#include "crypto/SecureBytes.h"
#include "crypto/WipeJson.h"
#include "encoding/Base64Url.h"
#include "encoding/Json.h"
#include "jwe/JweAlgorithm.h"
#include "keys/KeyExport.h"
#include "keys/KeyText.h"
#include "support/Convert.h"
#include "support/KeyFile.h"
#include "support/KeyGenerationTask.h"
#include "support/Labels.h"
#include "support/TabOrder.h"
#include "support/Theme.h"
#include "widgets/KeyKindCombo.h"
#include "widgets/SecretField.h"
#include "widgets/StoredKeyChooser.h"

#include <QApplication>
#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTextDocument>
#include <QToolButton>
#include <QVBoxLayout>

namespace jwtwb::ui {
namespace {

Result<keys::KeyReading> readText(const QString& text, const keys::KeyReadOptions& options = {})
{
    std::string bytes = toStdString(text);
    auto reading = keys::readKeys(bytes, options);
    crypto::wipe(bytes);
    return reading;
}

// Whether text typed where a secret goes, or read from a file, belongs in the key box: the text of
// a key (PEM, DER, a JWK, a JWK Set), or of a key format that readKeys names when it refuses it
// (OpenSSH, SSH2, OpenPGP), so that the refusal shows instead of a secret made of it.
bool isKeyText(const QString& text)
{
    std::string bytes = toStdString(text);
    bool key = keys::classifyKeyText(bytes) != keys::KeyTextKind::Other;
    if (!key) {
        const auto reading = keys::readKeys(bytes);
        key = reading || reading.error().code == Errc::UnsupportedKey;
    }
    crypto::wipe(bytes);
    return key;
}

StoredKeyChooser::Purpose chooserPurpose(KeyInput::Purpose purpose)
{
    switch (purpose) {
    case KeyInput::Purpose::Verify: break;
    case KeyInput::Purpose::Sign: return StoredKeyChooser::Purpose::Sign;
    case KeyInput::Purpose::Decrypt: return StoredKeyChooser::Purpose::Decrypt;
    case KeyInput::Purpose::Encrypt: return StoredKeyChooser::Purpose::Encrypt;
    }
    return StoredKeyChooser::Purpose::Verify;
}

// A JWE key management that takes a shared key or a passphrase rather than a key pair.
bool takesSharedKey(const QString& alg)
{
    const auto parsed = jwe::parseKeyAlgorithm(toStdString(alg));
    if (!parsed) {
        return false;
    }
    const auto mode = jwe::keyAlgorithmInfo(*parsed).mode;
    return mode != jwe::KeyManagement::RsaEncryption && !jwe::keyAlgorithmInfo(*parsed).agreesKey();
}

} // namespace

KeyInput::KeyInput(Purpose purpose, QWidget* parent)
    : QWidget(parent)
    , m_purpose(purpose)
    , m_source(new QComboBox(this))
    , m_open(new QPushButton(tr("O&pen Key File…"), this))
    , m_secret(new SecretField(this))
    , m_keyText(new QPlainTextEdit(this))
    , m_maskedKey(new QPlainTextEdit(this))
    , m_stored(new StoredKeyChooser(chooserPurpose(purpose), this))
    , m_passphraseRow(new QWidget(this))
    , m_passphrase(new QLineEdit(m_passphraseRow))
    , m_revealKey(new QToolButton(this))
    , m_status(new QLabel(this))
{
    const bool sign = purpose == Purpose::Sign;
    m_source->setObjectName(QStringLiteral("keySource"));
    m_open->setObjectName(QStringLiteral("openKeyFile"));
    m_keyText->setObjectName(QStringLiteral("keyText"));
    m_maskedKey->setObjectName(QStringLiteral("maskedKeyText"));
    m_passphrase->setObjectName(QStringLiteral("pemPassphrase"));
    m_revealKey->setObjectName(QStringLiteral("revealKey"));
    m_status->setObjectName(QStringLiteral("keyStatus"));

    const bool jwe = purpose == Purpose::Decrypt || purpose == Purpose::Encrypt;
    m_source->addItem(jwe ? tr("Shared key or passphrase") : tr("HMAC secret"));
    switch (purpose) {
    case Purpose::Verify: m_source->addItem(tr("Key: PEM, DER, JWK or JWK Set")); break;
    case Purpose::Sign: m_source->addItem(tr("Private key: PEM, DER or JWK")); break;
    case Purpose::Decrypt: m_source->addItem(tr("Private key: PEM, DER, JWK or JWK Set")); break;
    case Purpose::Encrypt: m_source->addItem(tr("Recipient's public key: PEM, DER or JWK")); break;
    }
    switch (purpose) {
    case Purpose::Sign:
        m_source->setToolTip(tr("A shared secret, a private key (typed, pasted or from a file), or a stored key"));
        break;
    case Purpose::Encrypt:
        m_source->setToolTip(tr("A shared key (dir, AES key wrap) or a passphrase (PBES2), the recipient's public key "
                                "(RSA, EC, X25519, X448), or a stored key"));
        break;
    case Purpose::Verify:
    case Purpose::Decrypt:
        m_source->setToolTip(tr("Follows what you paste and, while the box is empty, the token's algorithm. "
                                "A choice you make here stays."));
        break;
    }
    // As wide as the row allows, not as its longest entry: the signer's column is narrow on small screens.
    m_source->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_source->setMinimumContentsLength(12);
    m_open->setToolTip(tr("Read a key from a file: PEM, DER, JWK or JWK Set (or a secret, as text)"));

    for (QPlainTextEdit* edit : {m_keyText, m_maskedKey}) {
        edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        edit->setLineWrapMode(QPlainTextEdit::WidgetWidth);
        edit->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        edit->setMinimumHeight(edit->fontMetrics().lineSpacing() * 4);
        edit->setTabChangesFocus(true); // a key has no tabs; Tab goes on to the options
    }
    switch (purpose) {
    case Purpose::Verify:
        m_keyText->setPlaceholderText(tr("Paste a public key, certificate or private key (PEM or base64 DER), a JWK "
                                         "or a JWK Set — or open a key file"));
        break;
    case Purpose::Sign:
        m_keyText->setPlaceholderText(
            tr("Paste a private key: PEM (PKCS#8, PKCS#1, SEC1), base64 DER or a JWK — or open a key file"));
        break;
    case Purpose::Decrypt:
        m_keyText->setPlaceholderText(tr("Paste the recipient's private key (PEM or base64 DER), a JWK or a JWK Set — "
                                         "or open a key file"));
        break;
    case Purpose::Encrypt:
        m_keyText->setPlaceholderText(
            tr("Paste the recipient's public key: PEM, base64 DER, a certificate or a JWK — or open a key file"));
        break;
    }
    if (jwe) {
        m_secret->setPlaceholderText(tr("the shared key, or the passphrase for PBES2"));
    }
    m_maskedKey->setReadOnly(true);
    m_maskedKey->hide();
    m_revealKey->setCheckable(true);
    m_revealKey->setText(tr("Show"));
    m_revealKey->setToolTip(tr("Show or hide the private key"));
    m_revealKey->hide();

    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphrase->setAttribute(Qt::WA_InputMethodEnabled, false);
    m_passphrase->setPlaceholderText(tr("the passphrase the private key is encrypted with"));
    auto* passphraseLabel = new QLabel(tr("Passphrase:"), m_passphraseRow);
    passphraseLabel->setBuddy(m_passphrase);
    auto* passphraseLayout = new QHBoxLayout(m_passphraseRow);
    passphraseLayout->setContentsMargins(0, 0, 0, 0);
    passphraseLayout->addWidget(passphraseLabel);
    passphraseLayout->addWidget(m_passphrase, 1);
    m_passphraseRow->hide();

    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* sourceRow = new QHBoxLayout;
    sourceRow->addWidget(m_source, 1);
    sourceRow->addWidget(m_open);
    auto* keyRow = new QHBoxLayout;
    keyRow->addWidget(m_passphraseRow, 1);
    keyRow->addWidget(m_revealKey, 0, Qt::AlignRight);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(sourceRow);
    // One of these four at a time, so that each takes only the height it needs.
    layout->addWidget(m_secret);
    layout->addWidget(m_keyText, 1);
    layout->addWidget(m_maskedKey, 1);
    layout->addWidget(m_stored);
    layout->addLayout(keyRow);

    if (sign) {
        m_generateKind = new KeyKindCombo(this);
        m_generate = new QPushButton(tr("Generate a &Key for Me"), this);
        m_progress = new QProgressBar(this);
        m_cancel = new QPushButton(tr("Cancel"), this);
        m_generation = new KeyGenerationTask(this);
        m_generate->setObjectName(QStringLiteral("generateButton"));
        m_cancel->setObjectName(QStringLiteral("cancelGenerateButton"));
        m_generateKind->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        m_generateKind->setMinimumContentsLength(12);
        m_generate->setToolTip(tr("Makes a throw-away key for test tokens; it stays in memory only"));
        m_progress->setRange(0, 0);
        m_progress->setTextVisible(false);
        m_progress->hide();
        m_cancel->hide();
        auto* generateRow = new QHBoxLayout;
        generateRow->addWidget(m_generateKind, 1);
        generateRow->addWidget(m_generate);
        generateRow->addWidget(m_progress);
        generateRow->addWidget(m_cancel);
        layout->addLayout(generateRow);
        chainTabOrder({m_source, m_open, m_secret, m_keyText, m_maskedKey, m_stored, m_passphrase, m_revealKey,
                       m_generateKind, m_generate, m_cancel});
        connect(m_generate, &QPushButton::clicked, this, [this] { generate(m_generateKind->currentSpec()); });
        connect(m_cancel, &QPushButton::clicked, this, &KeyInput::cancelGeneration);
        connect(m_generation, &KeyGenerationTask::finished, this, &KeyInput::generated);
    } else {
        chainTabOrder({m_source, m_open, m_secret, m_keyText, m_maskedKey, m_stored, m_passphrase, m_revealKey});
    }
    layout->addWidget(m_status);

    connect(m_source, &QComboBox::currentIndexChanged, this, [this](int index) {
        showSource(static_cast<Source>(index));
        reread();
    });
    connect(m_source, &QComboBox::activated, this, [this] { m_sourceByHand = true; });
    connect(m_open, &QPushButton::clicked, this, &KeyInput::openFile);
    connect(m_secret, &SecretField::changed, this, &KeyInput::secretEdited);
    connect(m_keyText, &QPlainTextEdit::textChanged, this, &KeyInput::reread);
    connect(m_passphrase, &QLineEdit::textChanged, this, &KeyInput::reread);
    connect(m_revealKey, &QToolButton::toggled, this, [this](bool shown) { setKeyMasked(!shown); });
    connect(m_stored, &StoredKeyChooser::choiceChanged, this, [this] {
        if (source() == Source::Keystore) {
            reread();
        }
    });
    connect(m_stored, &StoredKeyChooser::unlockRequested, this, &KeyInput::unlockRequested);
    showSource(Source::Secret);
    reread();
}

void KeyInput::setKeystoreSession(KeystoreSession* session)
{
    if (session != nullptr && m_source->count() == static_cast<int>(Source::Keystore)) {
        m_source->addItem(tr("Stored key (keystore)"));
    }
    m_stored->setSession(session);
}

void KeyInput::chooseStoredKey(const QString& kid)
{
    if (m_source->count() <= static_cast<int>(Source::Keystore)) {
        return; // no keystore session
    }
    {
        const QSignalBlocker blocker(m_source);
        m_source->setCurrentIndex(static_cast<int>(Source::Keystore));
    }
    showSource(Source::Keystore);
    m_stored->choose(kid);
    reread();
}

void KeyInput::setTokenKid(const QString& kid)
{
    m_stored->setTokenKid(kid);
}

QString KeyInput::missingKeyText() const
{
    return source() == Source::Keystore ? m_stored->missingKeyText() : QString();
}

void KeyInput::setSource(Source source)
{
    if (static_cast<int>(source) < m_source->count()) {
        m_source->setCurrentIndex(static_cast<int>(source));
    }
}

KeyInput::Source KeyInput::source() const
{
    return static_cast<Source>(m_source->currentIndex());
}

void KeyInput::showSource(Source source)
{
    m_secret->setVisible(source == Source::Secret);
    m_stored->setVisible(source == Source::Keystore);
    // Key text or its masked form: updateMask() decides once the text is read.
    m_keyText->setVisible(source == Source::KeyText);
    m_maskedKey->hide();
}

void KeyInput::setSecret(const QString& text, keys::SecretEncoding encoding)
{
    {
        // One reading for the whole change, not one per field.
        const QSignalBlocker sourceBlocker(m_source);
        const QSignalBlocker secretBlocker(m_secret);
        m_secret->setSecret(text, encoding);
        m_source->setCurrentIndex(static_cast<int>(Source::Secret));
    }
    showSource(Source::Secret);
    reread();
}

void KeyInput::setKeyText(const QString& text, const QString& passphrase)
{
    {
        const QSignalBlocker sourceBlocker(m_source);
        const QSignalBlocker textBlocker(m_keyText);
        const QSignalBlocker passphraseBlocker(m_passphrase);
        m_passphrase->setText(passphrase);
        m_keyText->setPlainText(text);
        m_source->setCurrentIndex(static_cast<int>(Source::KeyText));
    }
    m_keyMasked = false; // text given as text is shown; generate() and loadFile() mask what they put here
    showSource(Source::KeyText);
    reread();
}

void KeyInput::setPassphrase(const QString& passphrase)
{
    m_passphrase->setText(passphrase);
}

void KeyInput::setKeyTextLines(int lines)
{
    for (QPlainTextEdit* edit : {m_keyText, m_maskedKey}) {
        edit->setMaximumHeight(edit->fontMetrics().lineSpacing() * lines + 2 * edit->frameWidth()
                               + static_cast<int>(2 * edit->document()->documentMargin()));
    }
}

void KeyInput::setGenerateOffered(bool offered)
{
    if (m_generate) {
        m_generateKind->setVisible(offered);
        m_generate->setVisible(offered);
    }
}

void KeyInput::clear()
{
    clearFields();
    reread();
}

// Empties the secret, the key text and the passphrase without reacting to it.
void KeyInput::clearFields()
{
    const QSignalBlocker secretBlocker(m_secret);
    const QSignalBlocker textBlocker(m_keyText);
    const QSignalBlocker passphraseBlocker(m_passphrase);
    m_secret->clear();
    m_keyText->clear();
    m_passphrase->clear();
}

void KeyInput::useKey(const KeyMaterial& material)
{
    clearFields();
    m_sourceByHand = false;
    switch (material.kind) {
    case KeyMaterial::Kind::None: reread(); break;
    case KeyMaterial::Kind::Secret: setSecret(material.text, material.encoding); break;
    case KeyMaterial::Kind::Pem:
    case KeyMaterial::Kind::Jwk: setKeyText(material.text); break;
    }
}

void KeyInput::followTokenAlgorithm(const QString& alg)
{
    const bool shared = m_purpose == Purpose::Decrypt ? takesSharedKey(alg) : alg.startsWith(QLatin1String("HS"));
    m_stored->setTokenUsesSecret(shared);
    if (alg.isEmpty() || alg == QLatin1String("none") || source() == Source::Keystore || !boxIsEmpty()) {
        return;
    }
    const Source wanted = shared ? Source::Secret : Source::KeyText;
    if (source() != wanted) {
        setSource(wanted);
        m_sourceByHand = false; // the token chose it
    }
}

bool KeyInput::boxIsEmpty() const
{
    return m_secret->isEmpty() && m_keyText->toPlainText().trimmed().isEmpty();
}

void KeyInput::secretEdited()
{
    // A key pasted where a secret goes: it moves to the key box, unless the user picked "HMAC
    // secret" by hand (to use a key's text as the secret's bytes, e.g. to try the confusion attack).
    if (source() == Source::Secret && !m_sourceByHand) {
        if (const QString text = m_secret->text(); isKeyText(text)) {
            {
                const QSignalBlocker blocker(m_secret);
                m_secret->clear();
            }
            setKeyText(text);
            return;
        }
    }
    reread();
}

bool KeyInput::isEmpty() const
{
    switch (source()) {
    case Source::Secret: return m_secret->isEmpty();
    case Source::KeyText: return m_keyText->toPlainText().trimmed().isEmpty();
    case Source::Keystore: break;
    }
    return m_keys.empty();
}

const keys::Key* KeyInput::key() const
{
    return m_keys.size() == 1 && !m_isSet ? &m_keys.front() : nullptr;
}

QString KeyInput::statusText() const
{
    return m_status->text();
}

bool KeyInput::loadFile(const QString& path, QString* errorMessage)
{
    auto text = readKeyFileAsText(path, errorMessage);
    if (text && text->contains(QChar::ReplacementCharacter)) {
        // Binary, and not DER (which comes back as base64): core says what it is instead.
        if (auto bytes = readKeyFile(path, errorMessage)) {
            const auto reading = keys::readKeys(*bytes);
            crypto::wipe(*bytes);
            if (!reading) {
                *errorMessage
                    = tr("%1 cannot be read: %2").arg(QFileInfo(path).fileName(), toSentence(reading.error().message));
                text.reset();
            }
        } else {
            text.reset();
        }
    }
    if (!text) {
        showStatus(*errorMessage, true); // the box keeps what it had
        return false;
    }
    m_sourceByHand = false;
    if (isKeyText(*text)) {
        setKeyText(*text);
        setKeyMasked(true); // read from a file, not typed: a private key is masked like a secret
    } else {
        // A secret file: its text as it is, without the final line break an editor adds.
        setSecret(text->trimmed(), m_secret->encoding());
    }
    return true;
}

void KeyInput::openFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Key File"), {},
        tr("Keys (*.pem *.crt *.cer *.der *.key *.json *.jwk *.jwks *.txt);;All files (*)"));
    if (path.isEmpty()) {
        return;
    }
    QString error;
    loadFile(path, &error); // the status line says why not
}

void KeyInput::reread()
{
    m_keys.clear();
    m_isSet = false;
    m_found.reset();
    m_error.clear();
    bool encrypted = false;
    switch (source()) {
    case Source::Secret: readSecret(); break;
    case Source::KeyText: encrypted = readKeyText(); break;
    case Source::Keystore: useStoredKeys(); break;
    }
    m_passphraseRow->setVisible(encrypted);
    updateMask();
    emit keysChanged();
}

void KeyInput::readSecret()
{
    if (m_secret->isEmpty()) {
        showStatus(m_purpose == Purpose::Sign          ? tr("Type the shared secret and say how it is written.")
                       : m_purpose == Purpose::Encrypt ? tr("Type the shared key or passphrase and say how it is "
                                                            "written.")
                                                       : QString(),
                   false);
        return;
    }
    keys::KeyReadOptions options;
    options.secretEncoding = m_secret->encoding();
    auto reading = readText(m_secret->text(), options);
    if (!reading) {
        m_error = toSentence(reading.error().message);
        showStatus(tr("The key cannot be read: %1").arg(m_error), true);
        return;
    }
    takeReading(std::move(*reading));
    if (isKeyText(m_secret->text())) {
        // Core's note says the text is a key's; this says where to put it instead.
        showStatus(
            m_status->text() + QLatin1Char('\n')
                + tr("To read it as a key, choose “%1”.").arg(m_source->itemText(static_cast<int>(Source::KeyText))),
            m_statusIsError);
    }
}

bool KeyInput::readKeyText()
{
    const QString text = m_keyText->toPlainText();
    if (text.trimmed().isEmpty()) {
        showStatus(m_purpose == Purpose::Sign          ? tr("Paste a private key, open a key file, or generate one.")
                       : m_purpose == Purpose::Encrypt ? tr("Paste the recipient's public key, or open a key file.")
                                                       : QString(),
                   false);
        return false;
    }
    // Without a passphrase first: an encrypted key says so at once, and shows the passphrase field.
    auto reading = readText(text);
    const bool encrypted = !reading && reading.error().code == Errc::PassphraseRequired;
    if (encrypted && !m_passphrase->text().isEmpty()) {
        std::string passphrase = toStdString(m_passphrase->text());
        keys::KeyReadOptions options;
        options.passphrase = passphrase;
        reading = readText(text, options);
        crypto::wipe(passphrase);
    }
    if (!reading) {
        m_error = toSentence(reading.error().message);
        showStatus(tr("The key cannot be read: %1").arg(m_error), true);
        return encrypted;
    }
    takeReading(std::move(*reading));
    return encrypted;
}

// What core found, in its words; the signer takes exactly one key that can sign.
void KeyInput::takeReading(keys::KeyReading reading)
{
    QStringList lines{toSentence(reading.description)};
    if ((m_purpose == Purpose::Decrypt || m_purpose == Purpose::Encrypt)
        && reading.found == keys::KeyInputKind::Secret) {
        // The same bytes, but not an HMAC secret here.
        const std::size_t size = reading.keys.front().secret().size();
        lines.front() = tr("A shared key or passphrase: %n byte(s), written as %1.", nullptr, static_cast<int>(size))
                            .arg(m_secret->encodingText());
    }
    for (const auto& skipped : reading.skipped) {
        lines << tr("Left out: %1").arg(toSentence(skipped));
    }
    for (const auto& note : reading.notes) {
        lines << toSentence(note);
    }
    m_found = reading.found;
    if (m_purpose == Purpose::Sign) {
        if (reading.keys.size() > 1) {
            m_error = tr("The signer signs with one key: give a single private key, not a set.");
        } else if (!reading.keys.front().hasPrivate()) {
            m_error = tr("A public key cannot sign: give its private key, or generate a key.");
        }
        if (!m_error.isEmpty()) {
            lines << m_error;
            showStatus(lines.join(QLatin1Char('\n')), true);
            return;
        }
    }
    if (m_purpose == Purpose::Decrypt
        && std::ranges::none_of(reading.keys, [](const keys::Key& key) { return key.hasPrivate(); })) {
        m_error = reading.keys.size() == 1
            ? tr("A public key cannot decrypt: give the private key, or the shared key or passphrase.")
            : tr("None of these keys can decrypt: they are public keys only.");
        lines << m_error;
        showStatus(lines.join(QLatin1Char('\n')), true);
        return;
    }
    if (m_purpose == Purpose::Encrypt) {
        if (reading.keys.size() > 1) {
            m_error = tr("The signer encrypts to one recipient: give a single key, not a set.");
            lines << m_error;
            showStatus(lines.join(QLatin1Char('\n')), true);
            return;
        }
        if (keys::Key& key = reading.keys.front(); key.type() != keys::KeyType::Oct && key.hasPrivate()) {
            if (auto publicKey = key.publicKey()) {
                key = std::move(*publicKey);
                lines << tr("Only its public half is used: encrypting needs nothing secret.");
            }
        }
    }
    m_isSet = (m_purpose == Purpose::Verify || m_purpose == Purpose::Decrypt) && reading.isSet;
    m_keys = std::move(reading.keys);
    showStatus(lines.join(QLatin1Char('\n')), false);
}

void KeyInput::useStoredKeys()
{
    auto chosen = m_stored->chosenKeys();
    if (m_purpose == Purpose::Verify || m_purpose == Purpose::Decrypt) {
        m_isSet = m_stored->isAllChosen();
        m_keys = std::move(chosen);
        showStatus({}, false); // the note under the list says what was chosen
        return;
    }
    if (chosen.empty()) {
        // The chooser says why (locked, no key can sign).
        showStatus(m_stored->missingKeyText().isEmpty() ? tr("Choose a stored key.") : QString(), false);
        return;
    }
    m_keys.push_back(std::move(chosen.front()));
    const keys::Key& key = m_keys.front();
    showStatus(tr("%1 · kid %2").arg(toQString(key.describe()), toQString(key.parameters().kid)), false);
}

void KeyInput::showStatus(const QString& text, bool error)
{
    m_statusIsError = error;
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
    updateStatusColor();
}

void KeyInput::updateStatusColor()
{
    const QPalette palette = QApplication::palette();
    setTextColor(m_status, m_statusIsError ? tokenColors(palette).error : palette.color(QPalette::WindowText));
}

void KeyInput::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::ApplicationPaletteChange || event->type() == QEvent::PaletteChange) {
        updateStatusColor();
    }
}

bool KeyInput::isKeyMasked() const
{
    return !m_maskedKey->isHidden();
}

void KeyInput::setKeyMasked(bool masked)
{
    m_keyMasked = masked;
    updateMask();
}

// Masked: the key's JWK with every private member's value replaced, so that the kind of key, its
// curve or modulus and its kid stay readable. Only the signer's private key read from text is masked.
void KeyInput::updateMask()
{
    const bool keyText = source() == Source::KeyText;
    const bool maskable = (m_purpose == Purpose::Sign || m_purpose == Purpose::Decrypt) && keyText && key() != nullptr
        && key()->hasPrivate() && key()->type() != keys::KeyType::Oct;
    QString maskedText;
    if (maskable && m_keyMasked) {
        auto jwk = keys::exportJwk(*key(), true);
        const auto publicJwk = keys::exportJwk(*key(), false);
        if (jwk && publicJwk) {
            encoding::Json masked = encoding::Json::object();
            for (auto member = jwk->begin(); member != jwk->end(); ++member) {
                masked[member.key()] = publicJwk->contains(member.key()) ? *member : encoding::Json("••••••••");
            }
            maskedText = toQString(encoding::toPrettyJson(masked));
        }
        if (jwk) {
            crypto::wipe(*jwk);
        }
    }
    const bool masked = !maskedText.isEmpty();
    const bool hadFocus = m_keyText->hasFocus() || m_maskedKey->hasFocus();
    m_maskedKey->setPlainText(maskedText);
    m_keyText->setVisible(keyText && !masked);
    m_maskedKey->setVisible(masked);
    if (hadFocus && keyText) {
        (masked ? m_maskedKey : m_keyText)->setFocus();
    }
    m_revealKey->setVisible(maskable);
    {
        const QSignalBlocker blocker(m_revealKey);
        m_revealKey->setChecked(!masked);
    }
    m_revealKey->setText(masked ? tr("Show") : tr("Hide"));
}

bool KeyInput::isGenerating() const
{
    return m_generation != nullptr && m_generation->isRunning();
}

void KeyInput::generate(const keys::KeySpec& spec)
{
    if (m_generation == nullptr || isGenerating()) {
        return;
    }
    m_generateKind->selectSpec(spec); // the list shows what is made, also when asked for from outside
    m_generate->setEnabled(false);
    m_progress->show();
    m_cancel->show();
    showStatus(spec.type == keys::KeyType::Rsa ? tr("Generating an RSA key: this can take a few seconds…")
                                               : tr("Generating…"),
               false);
    m_generation->start(spec);
}

void KeyInput::cancelGeneration()
{
    if (m_generation != nullptr) {
        m_generation->cancel();
    }
}

void KeyInput::generated()
{
    const auto& result = m_generation->result();
    m_generate->setEnabled(true);
    m_progress->hide();
    m_cancel->hide();
    if (!result.key) {
        showStatus(result.error.isEmpty() ? tr("Key generation stopped.") : toSentence(toStdString(result.error)),
                   true);
        emit generationFinished(false);
        return;
    }
    const keys::Key& key = *result.key;
    if (key.type() == keys::KeyType::Oct) {
        std::string secret = encoding::base64UrlEncode(key.secret().span());
        setSecret(toQString(secret), keys::SecretEncoding::Base64Url);
        crypto::wipe(secret);
    } else if (auto jwk = keys::exportJwk(key, true)) {
        std::string text = encoding::toPrettyJson(*jwk);
        crypto::wipe(*jwk);
        setKeyText(toQString(text));
        crypto::wipe(text);
        setKeyMasked(true);
    } else {
        showStatus(toSentence(jwk.error().message), true);
        emit generationFinished(false);
        return;
    }
    emit generationFinished(true);
}

KeyMaterial KeyInput::verificationKey() const
{
    const keys::Key* signing = key();
    if (signing == nullptr) {
        return {};
    }
    if (source() == Source::Secret) {
        return {KeyMaterial::Kind::Secret, m_secret->text(), m_secret->encoding()};
    }
    if (signing->type() == keys::KeyType::Oct) {
        return {KeyMaterial::Kind::Secret, toQString(encoding::base64UrlEncode(signing->secret().span())),
                keys::SecretEncoding::Base64Url};
    }
    const auto publicKey = signing->publicKey();
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

KeyMaterial KeyInput::decryptionKey() const
{
    const keys::Key* recipient = key();
    if (recipient == nullptr) {
        return {};
    }
    if (source() == Source::Secret) {
        return {KeyMaterial::Kind::Secret, m_secret->text(), m_secret->encoding()};
    }
    if (source() != Source::KeyText || recipient->type() == keys::KeyType::Oct) {
        return {};
    }
    // The key was made public for encrypting; the text holds the private key when it was one.
    const QString text = m_keyText->toPlainText();
    std::string bytes = toStdString(text);
    const auto reading = keys::readKeys(bytes);
    crypto::wipe(bytes);
    if (!reading || reading->keys.size() != 1 || !reading->keys.front().hasPrivate()) {
        return {};
    }
    return {reading->found == keys::KeyInputKind::Jwk ? KeyMaterial::Kind::Jwk : KeyMaterial::Kind::Pem, text, {}};
}

} // namespace jwtwb::ui
