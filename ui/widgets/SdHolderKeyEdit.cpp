#include "SdHolderKeyEdit.h"

#include "keys/KeyReader.h"
#include "support/Convert.h"
#include "support/Labels.h"
#include "support/Theme.h"

#include <QApplication>
#include <QEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

#include <algorithm>

namespace jwtwb::ui {

SdHolderKeyEdit::SdHolderKeyEdit(QWidget* parent)
    : QWidget(parent)
    , m_text(new QPlainTextEdit(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("sdHolderKey"));
    m_text->setObjectName(QStringLiteral("sdHolderKeyText"));
    m_status->setObjectName(QStringLiteral("sdHolderKeyStatus"));
    m_text->setTabChangesFocus(true);
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_text->setWordWrapMode(QTextOption::WrapAnywhere);
    m_text->setPlaceholderText(tr("Optional: the holder's public key (PEM or JWK); it becomes cnf.jwk"));
    m_text->setFixedHeight(m_text->fontMetrics().lineSpacing() * 4 + 12);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text);
    layout->addWidget(m_status);
    connect(m_text, &QPlainTextEdit::textChanged, this, &SdHolderKeyEdit::reread);
    reread();
}

void SdHolderKeyEdit::setKeyText(const QString& text)
{
    m_text->setPlainText(text);
}

QString SdHolderKeyEdit::keyText() const
{
    return m_text->toPlainText();
}

bool SdHolderKeyEdit::isEmpty() const
{
    return m_text->toPlainText().trimmed().isEmpty();
}

void SdHolderKeyEdit::reread()
{
    m_key.reset();
    m_error.clear();
    QString status;
    if (!isEmpty()) {
        std::string text = toStdString(m_text->toPlainText());
        const auto reading = keys::readKeys(text);
        std::fill(text.begin(), text.end(), '\0');
        if (!reading) {
            m_error = toSentence(reading.error().message);
        } else if (reading->isSet || reading->keys.size() != 1) {
            m_error = tr("Give one key, not a set: cnf.jwk names exactly one.");
        } else if (reading->keys.front().type() == keys::KeyType::Oct) {
            m_error = tr("A secret cannot be a holder key: give the public key (RSA, EC or OKP) the holder signs "
                         "key binding JWTs with.");
        } else if (auto publicKey = reading->keys.front().publicKey(); !publicKey) {
            m_error = toSentence(publicKey.error().message);
        } else {
            const bool wasPrivate = reading->keys.front().hasPrivate();
            m_key = std::move(*publicKey);
            status = wasPrivate
                ? tr("✓ %1: only its public half goes into cnf.jwk.").arg(toQString(reading->keys.front().describe()))
                : tr("✓ %1 goes into cnf.jwk.").arg(toQString(m_key->describe()));
        }
    }
    m_status->setText(m_error.isEmpty() ? status : m_error);
    m_status->setVisible(!m_status->text().isEmpty());
    updateColor();
    emit keyChanged();
}

void SdHolderKeyEdit::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::ApplicationPaletteChange) {
        updateColor();
    }
}

void SdHolderKeyEdit::updateColor()
{
    // Success in the plain text colour: statusColors' green is under 4.5:1 on Fusion's light window.
    const QPalette palette = QApplication::palette();
    setTextColor(m_status, m_error.isEmpty() ? palette.color(QPalette::WindowText) : statusColors(palette).bad);
}

} // namespace jwtwb::ui
