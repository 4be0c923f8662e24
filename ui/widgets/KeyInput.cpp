#include "KeyInput.h"

#include "crypto/SecureBytes.h"
#include "encoding/Base64Url.h"
#include "encoding/Utf8.h"
#include "keys/KeyImport.h"
#include "keys/KeyText.h"
#include "support/Convert.h"
#include "support/KeyFile.h"
#include "support/TabOrder.h"
#include "widgets/SecretField.h"
#include "widgets/StoredKeyChooser.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>

#include <optional>

namespace jwtwb::ui {
namespace {

keys::SecretEncoding coreEncoding(KeyInput::SecretEncoding encoding)
{
    switch (encoding) {
    case KeyInput::SecretEncoding::Utf8: return keys::SecretEncoding::Utf8;
    case KeyInput::SecretEncoding::Base64: return keys::SecretEncoding::Base64;
    case KeyInput::SecretEncoding::Base64Url: return keys::SecretEncoding::Base64Url;
    case KeyInput::SecretEncoding::Hex: return keys::SecretEncoding::Hex;
    }
    return keys::SecretEncoding::Utf8;
}

// PKCS#8 "ENCRYPTED PRIVATE KEY" or a legacy "Proc-Type: 4,ENCRYPTED" PEM.
bool isEncryptedPem(const QString& text)
{
    return text.contains(QStringLiteral("-----BEGIN ENCRYPTED PRIVATE KEY-----"))
        || text.contains(QStringLiteral("Proc-Type: 4,ENCRYPTED"));
}

Result<keys::Key> firstKey(Result<std::vector<keys::Key>> all)
{
    if (!all) {
        return std::unexpected(std::move(all.error()));
    }
    return std::move(all->front()); // importKeys() never succeeds with none
}

// The box a key text belongs in, or nothing for text that is no key (a secret, or half typed).
std::optional<KeyInput::Kind> kindForText(const QString& text)
{
    std::string bytes = toStdString(text);
    const keys::KeyTextKind kind = keys::classifyKeyText(bytes);
    crypto::wipe(bytes);
    switch (kind) {
    case keys::KeyTextKind::Pem:
    case keys::KeyTextKind::Der:
    case keys::KeyTextKind::Base64Der: return KeyInput::Kind::Pem;
    case keys::KeyTextKind::Jwk: return KeyInput::Kind::Jwk;
    case keys::KeyTextKind::Jwks: return KeyInput::Kind::Jwks;
    case keys::KeyTextKind::Other: break;
    }
    return std::nullopt;
}

} // namespace

KeyInput::KeyInput(QWidget* parent)
    : QWidget(parent)
    , m_kind(new QComboBox(this))
    , m_secret(new SecretField(this))
    , m_keyText(new QPlainTextEdit(this))
    , m_status(new QLabel(this))
    , m_stored(new StoredKeyChooser(StoredKeyChooser::Purpose::Verify, this))
{
    m_kind->setObjectName(QStringLiteral("keyKind"));
    m_keyText->setObjectName(QStringLiteral("keyText"));
    m_status->setObjectName(QStringLiteral("keyStatus"));

    m_kind->addItems({tr("HMAC secret"), tr("PEM key or certificate"), tr("JWK"), tr("JWK Set (JWKS)")});
    m_kind->setToolTip(tr("Follows what you paste and, while the box is empty, the token's algorithm. "
                          "A kind you pick here stays."));

    m_keyText->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_keyText->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_keyText->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_keyText->setMinimumHeight(m_keyText->fontMetrics().lineSpacing() * 4);
    m_keyText->setTabChangesFocus(true); // a key has no tabs; Tab goes on to the options
    m_keyText->hide();

    m_passphraseRow = new QWidget(this);
    m_passphrase = new QLineEdit(m_passphraseRow);
    m_passphrase->setObjectName(QStringLiteral("pemPassphrase"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphrase->setAttribute(Qt::WA_InputMethodEnabled, false);
    m_passphrase->setPlaceholderText(tr("the passphrase the private key is encrypted with"));
    auto* passphraseLayout = new QHBoxLayout(m_passphraseRow);
    passphraseLayout->setContentsMargins(0, 0, 0, 0);
    passphraseLayout->addWidget(new QLabel(tr("Passphrase:"), m_passphraseRow));
    passphraseLayout->addWidget(m_passphrase, 1);
    m_passphraseRow->hide();

    auto* open = new QPushButton(tr("Open Key File…"), this);
    open->setObjectName(QStringLiteral("openKeyFile"));
    connect(open, &QPushButton::clicked, this, &KeyInput::openFile);

    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_kind, 0, 0);
    layout->addWidget(open, 0, 2);
    layout->setColumnStretch(1, 1);
    layout->addWidget(m_secret, 1, 0, 1, 3);
    layout->addWidget(m_keyText, 2, 0, 1, 3);
    layout->addWidget(m_passphraseRow, 3, 0, 1, 3);
    layout->addWidget(m_status, 4, 0, 1, 3);
    layout->addWidget(m_stored, 5, 0, 1, 3);
    m_stored->hide();
    chainTabOrder({m_kind, open, m_secret, m_keyText, m_passphrase, m_stored});

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this](int index) {
        // Shown one at a time, so that each takes only the height it needs.
        m_secret->setVisible(index == 0);
        m_keyText->setVisible(index != 0 && index != static_cast<int>(Kind::Keystore));
        m_stored->setVisible(index == static_cast<int>(Kind::Keystore));
        m_keyText->setPlaceholderText(index == 1       ? tr("-----BEGIN PUBLIC KEY-----…")
                                          : index == 2 ? tr("{\"kty\": …}")
                                                       : tr("{\"keys\": [ … ]}"));
        reimport();
    });
    connect(m_kind, &QComboBox::activated, this, [this] { m_kindByHand = true; });
    connect(m_secret, &SecretField::changed, this, &KeyInput::secretEdited);
    connect(m_keyText, &QPlainTextEdit::textChanged, this, &KeyInput::keyTextEdited);
    connect(m_passphrase, &QLineEdit::textChanged, this, &KeyInput::reimport);
    connect(m_stored, &StoredKeyChooser::choiceChanged, this, [this] {
        if (kind() == Kind::Keystore) {
            reimport();
        }
    });
    connect(m_stored, &StoredKeyChooser::unlockRequested, this, &KeyInput::unlockRequested);
    reimport();
}

void KeyInput::setKeystoreSession(KeystoreSession* session)
{
    const int keystoreIndex = static_cast<int>(Kind::Keystore);
    if (session != nullptr && m_kind->count() == keystoreIndex) {
        m_kind->addItem(tr("Stored key (keystore)"));
    }
    m_stored->setSession(session);
}

void KeyInput::setTokenKid(const QString& kid)
{
    m_stored->setTokenKid(kid);
}

bool KeyInput::isKeySet() const
{
    return kind() == Kind::Jwks || (kind() == Kind::Keystore && m_stored->isAllChosen());
}

QString KeyInput::missingKeyText() const
{
    return kind() == Kind::Keystore ? m_stored->missingKeyText() : QString();
}

void KeyInput::setKind(Kind kind)
{
    m_kind->setCurrentIndex(static_cast<int>(kind));
}

KeyInput::Kind KeyInput::kind() const
{
    return static_cast<Kind>(m_kind->currentIndex());
}

void KeyInput::setSecret(const QString& secret, SecretEncoding encoding)
{
    {
        const QSignalBlocker blocker(m_secret);
        m_secret->setSecret(secret, coreEncoding(encoding));
    }
    setKind(Kind::Secret);
    reimport();
}

void KeyInput::setKeyText(Kind kind, const QString& text)
{
    const QSignalBlocker blocker(m_keyText);
    m_keyText->setPlainText(text);
    setKind(kind);
    reimport();
}

void KeyInput::setPassphrase(const QString& passphrase)
{
    m_passphrase->setText(passphrase);
}

void KeyInput::clear()
{
    clearFields();
    reimport();
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
    m_kindByHand = false;
    switch (material.kind) {
    case KeyMaterial::Kind::None: reimport(); break;
    case KeyMaterial::Kind::Secret: {
        const QSignalBlocker blocker(m_secret);
        m_secret->setSecret(material.text, material.encoding);
        setKind(Kind::Secret);
        reimport();
        break;
    }
    case KeyMaterial::Kind::Pem: setKeyText(Kind::Pem, material.text); break;
    case KeyMaterial::Kind::Jwk: setKeyText(Kind::Jwk, material.text); break;
    }
}

void KeyInput::followTokenAlgorithm(const QString& alg)
{
    m_stored->setTokenUsesSecret(alg.startsWith(QLatin1String("HS")));
    if (alg.isEmpty() || alg == QLatin1String("none") || kind() == Kind::Keystore || !boxIsEmpty()) {
        return;
    }
    const bool hmac = alg.startsWith(QLatin1String("HS"));
    if (hmac && kind() != Kind::Secret) {
        setKind(Kind::Secret);
    } else if (!hmac && kind() == Kind::Secret) {
        setKind(Kind::Pem);
    } else {
        return;
    }
    m_kindByHand = false; // the token chose it
}

bool KeyInput::boxIsEmpty() const
{
    return m_secret->isEmpty() && m_keyText->toPlainText().trimmed().isEmpty();
}

void KeyInput::secretEdited()
{
    // A key pasted where a secret goes: it moves to the key box, unless the user picked "HMAC
    // secret" by hand (to use a key's text as the secret's bytes, e.g. to try the confusion attack).
    if (kind() == Kind::Secret && !m_kindByHand) {
        if (const auto keyKind = kindForText(m_secret->text())) {
            const QString text = m_secret->text();
            {
                const QSignalBlocker secretBlocker(m_secret);
                m_secret->clear();
            }
            setKeyText(*keyKind, text);
            return;
        }
    }
    reimport();
}

void KeyInput::keyTextEdited()
{
    // PEM, JWK and JWK Set text each say what they are: the kind follows (text that is none of them
    // yet, such as a JWK half typed, leaves it).
    if (kind() != Kind::Secret && kind() != Kind::Keystore) {
        if (const auto keyKind = kindForText(m_keyText->toPlainText()); keyKind && *keyKind != kind()) {
            setKind(*keyKind); // reimports
            return;
        }
    }
    reimport();
}

bool KeyInput::isEmpty() const
{
    if (kind() == Kind::Keystore) {
        return m_keys.empty();
    }
    return kind() == Kind::Secret ? m_secret->isEmpty() : m_keyText->toPlainText().trimmed().isEmpty();
}

bool KeyInput::loadFile(const QString& path, QString* errorMessage)
{
    auto content = readKeyFile(path, errorMessage);
    if (!content) {
        return false;
    }
    if (keys::classifyKeyText(*content) == keys::KeyTextKind::Der) {
        // Binary DER goes in as base64, which the PEM box reads like PEM without its armour.
        const QString base64 = toQString(encoding::base64Encode(asBytes(*content)));
        crypto::wipe(*content);
        m_kindByHand = false;
        setKeyText(Kind::Pem, base64);
        return true;
    }
    if (encoding::findInvalidUtf8(*content)) {
        crypto::wipe(*content);
        *errorMessage = tr("%1 is not a text key file, nor a key in DER.").arg(QFileInfo(path).fileName());
        return false;
    }
    const QString text = toQString(*content);
    crypto::wipe(*content);
    m_kindByHand = false;
    if (const auto keyKind = kindForText(text)) {
        setKeyText(*keyKind, text);
    } else {
        // A secret file: its text as it is, without the final line break an editor adds.
        {
            const QSignalBlocker blocker(m_secret);
            m_secret->setSecret(text.trimmed(), m_secret->encoding());
        }
        setKind(Kind::Secret);
        reimport();
    }
    return true;
}

void KeyInput::openFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Key File"), {},
                                                      tr("Keys (*.pem *.crt *.cer *.key *.json *.jwk *.jwks *.txt);;"
                                                         "All files (*)"));
    if (path.isEmpty()) {
        return;
    }
    QString error;
    if (!loadFile(path, &error)) {
        m_status->setText(error);
    }
}

void KeyInput::reimport()
{
    m_keys.clear();
    m_error.clear();
    QString status;
    const bool encrypted = kind() == Kind::Pem && isEncryptedPem(m_keyText->toPlainText());
    m_passphraseRow->setVisible(encrypted);
    if (kind() == Kind::Keystore) {
        m_keys = m_stored->chosenKeys(); // the note under the list says what was chosen
        m_status->hide();
        emit keysChanged();
        return;
    }
    if (!isEmpty()) {
        std::string text = kind() == Kind::Secret ? std::string() : toStdString(m_keyText->toPlainText());
        switch (kind()) {
        case Kind::Secret: {
            auto secret = m_secret->key();
            if (secret) {
                m_keys.push_back(std::move(*secret));
            } else {
                m_error = toSentence(secret.error().message);
            }
            break;
        }
        case Kind::Pem:
        case Kind::Jwk: {
            std::string passphrase = encrypted ? toStdString(m_passphrase->text()) : std::string();
            const bool base64Der = kind() == Kind::Pem && keys::classifyKeyText(text) == keys::KeyTextKind::Base64Der;
            auto key = kind() == Kind::Jwk ? keys::importJwk(std::string_view(text))
                : base64Der                ? firstKey(keys::importKeys(text, passphrase)) // one DER structure
                                           : keys::importPem(text, passphrase);
            crypto::wipe(passphrase);
            if (key) {
                m_keys.push_back(std::move(*key));
            } else {
                m_error = toSentence(key.error().message);
            }
            break;
        }
        case Kind::Jwks: {
            auto set = keys::importJwks(text);
            if (set) {
                m_keys = std::move(set->keys);
                QStringList lines{m_keys.size() == 1 ? tr("1 usable key in the set.")
                                                     : tr("%1 usable keys in the set.").arg(m_keys.size())};
                for (const auto& skipped : set->skipped) {
                    lines << tr("Left out: %1").arg(toSentence(skipped));
                }
                status = lines.join(QLatin1Char('\n'));
            } else {
                m_error = toSentence(set.error().message);
            }
            break;
        }
        case Kind::Keystore: break; // handled above
        }
        crypto::wipe(text);
    }
    if (!m_error.isEmpty()) {
        status = tr("The key cannot be read: %1").arg(m_error);
    } else if (m_keys.size() == 1 && kind() != Kind::Jwks) {
        status = toSentence(m_keys.front().describe());
        if (const auto keyKind = kind() == Kind::Secret ? kindForText(m_secret->text()) : std::nullopt) {
            status += QLatin1Char(' ')
                + tr("This is a key's text, taken as the secret's bytes because you chose \"%1\". To read it as a "
                     "key, choose \"%2\".")
                      .arg(m_kind->itemText(static_cast<int>(Kind::Secret)),
                           m_kind->itemText(static_cast<int>(*keyKind)));
        }
    }
    m_status->setText(status);
    m_status->setVisible(!status.isEmpty());
    emit keysChanged();
}

} // namespace jwtwb::ui
