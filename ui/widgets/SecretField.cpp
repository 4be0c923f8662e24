#include "SecretField.h"

#include "crypto/SecureBytes.h"
#include "support/Convert.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QToolButton>

#include <algorithm>
#include <array>

namespace jwtwb::ui {
namespace {

constexpr std::array kEncodings{keys::SecretEncoding::Utf8, keys::SecretEncoding::Base64,
                                keys::SecretEncoding::Base64Url, keys::SecretEncoding::Hex};

} // namespace

SecretField::SecretField(QWidget* parent)
    : QWidget(parent)
    , m_edit(new QLineEdit(this))
    , m_reveal(new QToolButton(this))
    , m_encoding(new QComboBox(this))
{
    m_edit->setObjectName(QStringLiteral("secretEdit"));
    m_reveal->setObjectName(QStringLiteral("revealSecret"));
    m_encoding->setObjectName(QStringLiteral("secretEncoding"));

    m_edit->setEchoMode(QLineEdit::Password);
    m_edit->setPlaceholderText(tr("the shared secret"));
    m_edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // No input method: it could keep what is typed, and a secret has no use for one.
    m_edit->setAttribute(Qt::WA_InputMethodEnabled, false);
    m_reveal->setText(tr("Show"));
    m_reveal->setCheckable(true);
    m_reveal->setToolTip(tr("Show or hide the secret"));
    connect(m_reveal, &QToolButton::toggled, this, [this](bool shown) {
        m_edit->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        m_reveal->setText(shown ? tr("Hide") : tr("Show"));
    });
    for (auto encoding : kEncodings) {
        m_encoding->addItem(encoding == keys::SecretEncoding::Utf8 ? tr("UTF-8 text")
                                                                   : toQString(keys::secretEncodingName(encoding)));
    }
    m_encoding->setToolTip(tr("How the secret is written. It is never guessed: the same text means different "
                              "bytes in each encoding."));

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_reveal);
    layout->addWidget(m_encoding);
    setFocusProxy(m_edit);
    setFocusPolicy(m_edit->focusPolicy()); // one compound Tab stop, like a spin box (see chainTabOrder)

    connect(m_edit, &QLineEdit::textChanged, this, &SecretField::changed);
    connect(m_encoding, &QComboBox::currentIndexChanged, this, &SecretField::changed);
}

void SecretField::setSecret(const QString& text, keys::SecretEncoding encoding)
{
    {
        const QSignalBlocker editBlocker(m_edit);
        const QSignalBlocker encodingBlocker(m_encoding);
        setEncoding(encoding);
        m_edit->setText(text);
    }
    emit changed();
}

void SecretField::setEncoding(keys::SecretEncoding encoding)
{
    const auto it = std::ranges::find(kEncodings, encoding);
    m_encoding->setCurrentIndex(it == kEncodings.end() ? 0 : static_cast<int>(it - kEncodings.begin()));
}

void SecretField::setPlaceholderText(const QString& text)
{
    m_edit->setPlaceholderText(text);
}

void SecretField::clear()
{
    m_edit->clear();
}

QString SecretField::text() const
{
    return m_edit->text();
}

bool SecretField::isEmpty() const
{
    return m_edit->text().isEmpty();
}

keys::SecretEncoding SecretField::encoding() const
{
    return kEncodings.at(static_cast<std::size_t>(std::max(0, m_encoding->currentIndex())));
}

QString SecretField::encodingText() const
{
    return m_encoding->currentText();
}

Result<keys::Key> SecretField::key() const
{
    std::string text = toStdString(m_edit->text());
    auto secret = keys::importSecret(text, encoding());
    crypto::wipe(text);
    if (!secret) {
        return std::unexpected(secret.error());
    }
    return std::move(secret->key);
}

} // namespace jwtwb::ui
