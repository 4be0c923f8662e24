#include "EncryptionStep.h"

#include "crypto/Digest.h"
#include "jwe/JweAlgorithm.h"
#include "jwe/JweKeyFit.h"
#include "support/Convert.h"
#include "support/TabOrder.h"
#include "widgets/KeyInput.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace jwtwb::ui {
namespace {

// What the choices are when the user has made none: the strongest common one the key can do.
const QStringList kDefaultAlgorithms{QStringLiteral("RSA-OAEP-256"), QStringLiteral("ECDH-ES+A256KW"),
                                     QStringLiteral("A256KW"),       QStringLiteral("A192KW"),
                                     QStringLiteral("A128KW"),       QStringLiteral("PBES2-HS512+A256KW")};
const QString kDefaultEncryption = QStringLiteral("A256GCM");

QString describe(const jwe::KeyAlgorithmInfo& info)
{
    const QString hash = info.hash ? toQString(crypto::hashName(*info.hash)) : QString();
    switch (info.mode) {
    case jwe::KeyManagement::Direct: return EncryptionStep::tr("the shared key is the content key");
    case jwe::KeyManagement::AesKeyWrap: return EncryptionStep::tr("AES key wrap");
    case jwe::KeyManagement::AesGcmKeyWrap: return EncryptionStep::tr("AES-GCM key wrap");
    case jwe::KeyManagement::Pbes2: return EncryptionStep::tr("a passphrase, PBKDF2 with %1").arg(hash);
    case jwe::KeyManagement::RsaEncryption: return EncryptionStep::tr("RSA with OAEP padding (%1)").arg(hash);
    case jwe::KeyManagement::KeyAgreement: return EncryptionStep::tr("ECDH: the agreed key is the content key");
    case jwe::KeyManagement::KeyAgreementWithKeyWrap: return EncryptionStep::tr("ECDH, then AES key wrap");
    }
    return {};
}

QString describe(const jwe::ContentAlgorithmInfo& info)
{
    return info.gcm ? EncryptionStep::tr("AES-GCM, %1-bit key").arg(info.cekSize * 8)
                    : EncryptionStep::tr("AES-CBC with HMAC-%1").arg(toQString(crypto::hashName(info.hmacHash)));
}

// Fills `combo` with `names` (data) and their descriptions, keeping `wanted` when it is there.
void fill(QComboBox* combo, const QStringList& names, const QStringList& texts, const QString& wanted,
          const QStringList& defaults)
{
    const QSignalBlocker blocker(combo);
    combo->clear();
    for (qsizetype i = 0; i < names.size(); ++i) {
        combo->addItem(QStringLiteral("%1 — %2").arg(names[i], texts[i]), names[i]);
    }
    int index = combo->findData(wanted);
    for (qsizetype i = 0; index < 0 && i < defaults.size(); ++i) {
        index = combo->findData(defaults[i]);
    }
    combo->setCurrentIndex(index >= 0 ? index : 0);
    combo->setEnabled(!names.isEmpty());
}

} // namespace

EncryptionStep::EncryptionStep(QWidget* parent)
    : QWidget(parent)
    , m_mode(new QComboBox(this))
    , m_details(new QWidget(this))
    , m_keyInput(new KeyInput(KeyInput::Purpose::Encrypt, m_details))
    , m_algorithm(new QComboBox(m_details))
    , m_encryption(new QComboBox(m_details))
    , m_compress(new QCheckBox(tr("Compress f&irst (zip \"DEF\")"), m_details))
    , m_note(new QLabel(m_details))
{
    m_mode->setObjectName(QStringLiteral("encryptMode"));
    m_keyInput->setObjectName(QStringLiteral("encryptionKey"));
    m_algorithm->setObjectName(QStringLiteral("encryptAlgorithm"));
    m_encryption->setObjectName(QStringLiteral("encryptEncryption"));
    m_compress->setObjectName(QStringLiteral("encryptCompress"));
    m_note->setObjectName(QStringLiteral("encryptNote"));

    m_mode->addItem(tr("No: a signed token (JWS)"));
    m_mode->addItem(tr("After signing: a nested JWT (JWE with cty \"JWT\")"));
    m_mode->addItem(tr("Instead of signing: encrypted claims (JWE)"));
    m_mode->setToolTip(tr("Encrypt the signed token, so that only the recipient can read it and the signature "
                          "inside still says who made it; or encrypt the claims alone, which keeps them secret but "
                          "proves nothing about who wrote them when a public key encrypts them."));
    m_mode->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_mode->setMinimumContentsLength(12);
    for (QComboBox* combo : {m_algorithm, m_encryption}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(10);
    }
    m_algorithm->setToolTip(tr("How the content key reaches the recipient (\"alg\", RFC 7518 §4). Only what the key "
                               "can do is offered."));
    m_encryption->setToolTip(tr("How the content is encrypted (\"enc\", RFC 7518 §5)"));
    m_compress->setToolTip(tr("DEFLATE before encrypting. The length of compressed content can give away what it "
                              "says when an attacker can add text of their own to it (RFC 8725 §3.6)."));
    m_keyInput->setKeyTextLines(6); // the signing key and the token need room too
    m_note->setWordWrap(true);
    m_note->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* modeRow = new QHBoxLayout;
    auto* modeLabel = new QLabel(tr("Encr&ypt:"), this);
    modeLabel->setBuddy(m_mode);
    modeRow->addWidget(modeLabel);
    modeRow->addWidget(m_mode, 1);

    auto* choices = new QGridLayout;
    auto* algorithmLabel = new QLabel(tr("Key manage&ment:"), m_details);
    algorithmLabel->setBuddy(m_algorithm);
    auto* encryptionLabel = new QLabel(tr("Co&ntent:"), m_details);
    encryptionLabel->setBuddy(m_encryption);
    choices->addWidget(algorithmLabel, 0, 0);
    choices->addWidget(m_algorithm, 0, 1);
    choices->addWidget(encryptionLabel, 1, 0);
    choices->addWidget(m_encryption, 1, 1);
    choices->setColumnStretch(1, 1);

    auto* detailsLayout = new QVBoxLayout(m_details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->addWidget(m_keyInput);
    detailsLayout->addLayout(choices);
    detailsLayout->addWidget(m_compress);
    detailsLayout->addWidget(m_note);
    m_details->hide();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(modeRow);
    layout->addWidget(m_details);
    chainTabOrder({m_mode, m_keyInput, m_algorithm, m_encryption, m_compress});

    connect(m_mode, &QComboBox::currentIndexChanged, this, [this] {
        m_details->setVisible(mode() != Mode::Off);
        emit changed();
    });
    connect(m_keyInput, &KeyInput::keysChanged, this, [this] {
        updateAlgorithms();
        emit changed();
    });
    connect(m_keyInput, &KeyInput::unlockRequested, this, &EncryptionStep::unlockRequested);
    connect(m_algorithm, &QComboBox::activated, this, [this] {
        m_preferredAlgorithm = algorithm();
        updateEncryptions();
        emit changed();
    });
    connect(m_encryption, &QComboBox::activated, this, [this] {
        m_preferredEncryption = encryption();
        emit changed();
    });
    connect(m_compress, &QCheckBox::toggled, this, &EncryptionStep::changed);
    updateAlgorithms();
}

void EncryptionStep::setMode(Mode mode)
{
    m_mode->setCurrentIndex(static_cast<int>(mode));
}

EncryptionStep::Mode EncryptionStep::mode() const
{
    return static_cast<Mode>(m_mode->currentIndex());
}

void EncryptionStep::setKeystoreSession(KeystoreSession* session)
{
    m_keyInput->setKeystoreSession(session);
}

QStringList EncryptionStep::algorithms() const
{
    QStringList names;
    for (int i = 0; i < m_algorithm->count(); ++i) {
        names << m_algorithm->itemData(i).toString();
    }
    return names;
}

QStringList EncryptionStep::encryptions() const
{
    QStringList names;
    for (int i = 0; i < m_encryption->count(); ++i) {
        names << m_encryption->itemData(i).toString();
    }
    return names;
}

QString EncryptionStep::algorithm() const
{
    return m_algorithm->currentData().toString();
}

QString EncryptionStep::encryption() const
{
    return m_encryption->currentData().toString();
}

void EncryptionStep::setAlgorithm(const QString& alg)
{
    if (const int index = m_algorithm->findData(alg); index >= 0) {
        m_algorithm->setCurrentIndex(index);
        m_preferredAlgorithm = alg;
        updateEncryptions();
        emit changed();
    }
}

void EncryptionStep::setEncryption(const QString& enc)
{
    if (const int index = m_encryption->findData(enc); index >= 0) {
        m_encryption->setCurrentIndex(index);
        m_preferredEncryption = enc;
        emit changed();
    }
}

void EncryptionStep::setCompress(bool compress)
{
    m_compress->setChecked(compress);
}

bool EncryptionStep::compress() const
{
    return m_compress->isChecked();
}

void EncryptionStep::updateAlgorithms()
{
    QStringList names;
    QStringList texts;
    if (const keys::Key* key = m_keyInput->key()) {
        for (const auto alg : jwe::keyAlgorithmsForKey(*key, jwe::JweKeyPurpose::Encrypt)) {
            const auto& info = jwe::keyAlgorithmInfo(alg);
            names << toQString(info.name);
            texts << describe(info);
        }
    }
    fill(m_algorithm, names, texts, m_preferredAlgorithm, kDefaultAlgorithms);
    if (names.isEmpty()) {
        m_algorithm->setPlaceholderText(m_keyInput->key() ? tr("This key cannot encrypt") : tr("Needs a key"));
    }
    updateEncryptions();
}

void EncryptionStep::updateEncryptions()
{
    QStringList names;
    QStringList texts;
    const keys::Key* key = m_keyInput->key();
    if (const auto alg = jwe::parseKeyAlgorithm(toStdString(algorithm())); alg && key) {
        for (const auto enc : jwe::contentAlgorithmsForKey(*alg, *key)) {
            const auto& info = jwe::contentAlgorithmInfo(enc);
            names << toQString(info.name);
            texts << describe(info);
        }
    }
    fill(m_encryption, names, texts, m_preferredEncryption, {kDefaultEncryption});
    if (names.isEmpty()) {
        m_encryption->setPlaceholderText(tr("Needs an algorithm"));
    }
    const QString why = problem();
    m_note->setText(why.isEmpty() && key && key->type() != keys::KeyType::Oct
                        ? tr("Only the holder of the private key can read the token; anyone with the public key "
                             "could have made it, which is why a signature inside says who did.")
                        : why);
    m_note->setVisible(!m_note->text().isEmpty());
}

QString EncryptionStep::problem() const
{
    const keys::Key* key = m_keyInput->key();
    if (key == nullptr) {
        return m_keyInput->errorText().isEmpty() ? tr("Give the recipient's public key, or a shared key or passphrase.")
                                                 : m_keyInput->errorText();
    }
    if (m_algorithm->count() == 0) {
        return tr("%1 cannot encrypt a JWE: that takes an RSA key, an EC P-256, P-384 or P-521 key, an X25519 or X448 "
                  "key, a shared key of 16, 24, 32, 48 or 64 bytes, or a passphrase.")
            .arg(toSentence(key->describe()).chopped(1));
    }
    return {};
}

encoding::Json EncryptionStep::protectedHeader() const
{
    encoding::Json header = encoding::Json::object();
    header["alg"] = toStdString(algorithm());
    header["enc"] = toStdString(encryption());
    if (compress()) {
        header["zip"] = "DEF";
    }
    if (const keys::Key* key = m_keyInput->key(); key && !key->parameters().kid.empty()) {
        header["kid"] = key->parameters().kid;
    }
    if (mode() == Mode::AfterSigning) {
        header["cty"] = "JWT";
    } else {
        header["typ"] = "JWT";
    }
    return header;
}

} // namespace jwtwb::ui
