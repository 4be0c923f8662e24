#include "NewPassphraseFields.h"

#include "keys/PassphraseStrength.h"
#include "support/Convert.h"
#include "support/Theme.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace jwtwb::ui {
namespace {

QString qualityText(keys::PassphraseQuality quality)
{
    switch (quality) {
    case keys::PassphraseQuality::Poor: return NewPassphraseFields::tr("Poor");
    case keys::PassphraseQuality::Weak: return NewPassphraseFields::tr("Weak");
    case keys::PassphraseQuality::Good: return NewPassphraseFields::tr("Good");
    case keys::PassphraseQuality::Excellent: return NewPassphraseFields::tr("Excellent");
    }
    return {};
}

} // namespace

NewPassphraseFields::NewPassphraseFields(QWidget* parent)
    : QWidget(parent)
    , m_first(new QLineEdit(this))
    , m_again(new QLineEdit(this))
    , m_meter(new QProgressBar(this))
    , m_quality(new QLabel(this))
    , m_advice(new QLabel(this))
{
    m_first->setObjectName(QStringLiteral("newPassphrase"));
    m_again->setObjectName(QStringLiteral("newPassphraseAgain"));
    m_meter->setObjectName(QStringLiteral("passphraseStrength"));
    m_quality->setObjectName(QStringLiteral("passphraseQuality"));
    m_advice->setObjectName(QStringLiteral("passphraseAdvice"));
    for (QLineEdit* edit : {m_first, m_again}) {
        edit->setEchoMode(QLineEdit::Password);
        edit->setAttribute(Qt::WA_InputMethodEnabled, false);
        connect(edit, &QLineEdit::textChanged, this, &NewPassphraseFields::update);
    }
    m_first->setMinimumWidth(m_first->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 32);
    connect(m_first, &QLineEdit::returnPressed, m_again, qOverload<>(&QWidget::setFocus));
    connect(m_again, &QLineEdit::returnPressed, this, [this] {
        if (isComplete()) {
            emit submitted();
        }
    });
    // Bits of guessing entropy; 100 and more is excellent, and fills the bar.
    m_meter->setRange(0, 100);
    m_meter->setTextVisible(false); // the words are beside it, readable on any palette
    m_meter->setMaximumHeight(m_meter->fontMetrics().height() / 2 + 4);
    m_advice->setWordWrap(true);

    auto* form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("&Passphrase:"), m_first);
    form->addRow(tr("&Again:"), m_again);
    auto* strengthRow = new QHBoxLayout;
    strengthRow->addWidget(m_meter, 1);
    strengthRow->addWidget(m_quality);
    form->addRow(tr("Strength:"), strengthRow);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(m_advice);
    update();
}

NewPassphraseFields::~NewPassphraseFields()
{
    // Wiped without telling anyone: the widget that holds these fields may be half destroyed.
    for (QLineEdit* edit : {m_first, m_again}) {
        const QSignalBlocker blocker(edit);
        edit->clear();
    }
}

bool NewPassphraseFields::isComplete() const
{
    return !m_first->text().isEmpty() && m_first->text() == m_again->text();
}

crypto::SecureBytes NewPassphraseFields::takePassphrase()
{
    crypto::SecureBytes passphrase;
    if (isComplete()) {
        std::string text = toStdString(m_first->text());
        passphrase = crypto::SecureBytes(text);
        crypto::wipe(text);
    }
    clear();
    return passphrase;
}

void NewPassphraseFields::clear()
{
    m_first->clear();
    m_again->clear();
}

void NewPassphraseFields::update()
{
    const StatusColors colors = statusColors(palette());
    QStringList advice;
    if (m_first->text().isEmpty()) {
        m_meter->setValue(0);
        m_quality->setText(tr("Type a passphrase"));
        advice << tr("A few unrelated words make a passphrase that is strong and easy to remember.");
    } else {
        std::string text = toStdString(m_first->text());
        const keys::PassphraseStrength strength = keys::estimatePassphraseStrength(asBytes(text));
        crypto::wipe(text);
        m_meter->setValue(std::clamp(static_cast<int>(std::lround(strength.bits)), 0, 100));
        m_quality->setText(tr("%1, about %2 bits").arg(qualityText(strength.quality)).arg(std::lround(strength.bits)));
        QPalette meterPalette = m_meter->palette();
        meterPalette.setColor(QPalette::Highlight, strength.weak() ? colors.warning : colors.good);
        if (strength.quality == keys::PassphraseQuality::Poor) {
            meterPalette.setColor(QPalette::Highlight, colors.bad);
        }
        m_meter->setPalette(meterPalette);
        if (strength.weak()) {
            advice << tr("⚠ This passphrase is weak: anyone who gets a copy of the file can try guesses "
                         "offline. A few unrelated words make a strong one. You may go on all the same.");
        }
        if (m_again->text().isEmpty()) {
            advice << tr("Type it again below.");
        } else if (m_first->text() != m_again->text()) {
            advice << tr("The two entries differ.");
        } else {
            advice << tr("The entries match.");
        }
    }
    m_advice->setText(advice.join(QLatin1Char(' ')));
    emit changed();
}

} // namespace jwtwb::ui
