#include "KeystoreLockedView.h"

#include "support/Convert.h"
#include "support/KeystoreSession.h"
#include "support/Labels.h"
#include "widgets/NewPassphraseFields.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>

namespace jwtwb::ui {
KeystoreLockedView::KeystoreLockedView(KeystoreSession* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_message(new QLabel(this))
    , m_unlockForm(new QWidget(this))
    , m_createForm(new QWidget(this))
    , m_passphrase(new QLineEdit(this))
    , m_unlock(new QPushButton(tr("&Unlock"), this))
    , m_newPassphrase(new NewPassphraseFields(this))
    , m_create(new QPushButton(tr("&Create Keystore"), this))
    , m_busy(new QProgressBar(this))
    , m_error(new QLabel(this))
{
    m_message->setObjectName(QStringLiteral("lockedMessage"));
    m_message->setWordWrap(true);
    m_passphrase->setObjectName(QStringLiteral("passphrase"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphrase->setAttribute(Qt::WA_InputMethodEnabled, false);
    m_passphrase->setPlaceholderText(tr("Passphrase"));
    m_unlock->setObjectName(QStringLiteral("unlockButton"));
    m_create->setObjectName(QStringLiteral("createButton"));
    m_busy->setObjectName(QStringLiteral("unlockBusy"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(m_busy->fontMetrics().height() / 2 + 2);
    m_busy->hide();
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);

    auto* unlockRow = new QHBoxLayout(m_unlockForm);
    unlockRow->setContentsMargins(0, 0, 0, 0);
    unlockRow->addWidget(m_passphrase, 1);
    unlockRow->addWidget(m_unlock);

    auto* createLayout = new QVBoxLayout(m_createForm);
    createLayout->setContentsMargins(0, 0, 0, 0);
    createLayout->addWidget(m_newPassphrase);
    auto* createRow = new QHBoxLayout;
    createRow->addStretch();
    createRow->addWidget(m_create);
    createLayout->addLayout(createRow);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(m_unlockForm);
    layout->addWidget(m_createForm);
    layout->addWidget(m_busy);
    layout->addWidget(m_error);
    layout->addStretch();

    connect(m_unlock, &QPushButton::clicked, this, &KeystoreLockedView::unlock);
    connect(m_passphrase, &QLineEdit::returnPressed, this, &KeystoreLockedView::unlock);
    connect(m_create, &QPushButton::clicked, this, &KeystoreLockedView::create);
    connect(m_newPassphrase, &NewPassphraseFields::submitted, this, &KeystoreLockedView::create);
    connect(m_newPassphrase, &NewPassphraseFields::changed, this,
            [this] { m_create->setEnabled(!isBusy() && m_newPassphrase->isComplete()); });
    connect(m_session, &KeystoreSession::unlockFinished, this, &KeystoreLockedView::finished);
    refresh();
}

// A column of readable width, a third of the way down: margins rather than nested layouts and
// stretches, so that the wrapped sentences get the height they need at the column's real width.
void KeystoreLockedView::resizeEvent(QResizeEvent* event)
{
    const int column = fontMetrics().horizontalAdvance(QLatin1Char('x')) * 72;
    const int side = std::max(style()->pixelMetric(QStyle::PM_LayoutLeftMargin), (width() - column) / 2);
    const int top = std::max(style()->pixelMetric(QStyle::PM_LayoutTopMargin), height() / 5);
    if (layout()->contentsMargins() != QMargins(side, top, side, 0)) {
        layout()->setContentsMargins(side, top, side, 0);
    }
    QWidget::resizeEvent(event);
}

bool KeystoreLockedView::isCreating() const
{
    return !m_createForm->isHidden();
}

bool KeystoreLockedView::isBusy() const
{
    return m_session->isUnlocking();
}

QWidget* KeystoreLockedView::firstField() const
{
    return isCreating() ? static_cast<QWidget*>(m_newPassphrase->firstEdit()) : m_passphrase;
}

void KeystoreLockedView::refresh()
{
    const bool exists = m_session->fileExists();
    m_unlockForm->setHidden(!exists);
    m_createForm->setHidden(exists);
    const QString path = displayPath(m_session->path());
    m_message->setText(exists ? tr("The keystore %1 is locked.").arg(path)
                              : tr("There is no keystore yet. Choose a passphrase to start one at %1. "
                                   "Nobody can recover it if it is forgotten: type it twice.")
                                    .arg(path));
    setBusy(isBusy());
}

void KeystoreLockedView::setBusy(bool busy)
{
    m_busy->setVisible(busy);
    m_passphrase->setEnabled(!busy);
    m_unlock->setEnabled(!busy);
    m_newPassphrase->setEnabled(!busy);
    m_create->setEnabled(!busy && m_newPassphrase->isComplete());
    if (busy) {
        m_error->setText(isCreating() ? tr("Creating the keystore…") : tr("Unlocking…"));
    }
}

void KeystoreLockedView::unlock()
{
    if (isBusy()) {
        return;
    }
    std::string text = toStdString(m_passphrase->text());
    m_passphrase->clear();
    crypto::SecureBytes passphrase(text);
    crypto::wipe(text);
    if (passphrase.empty()) {
        m_error->setText(tr("Enter the passphrase."));
        return;
    }
    m_session->startUnlock(std::move(passphrase));
    setBusy(true);
}

void KeystoreLockedView::create()
{
    if (isBusy() || !m_newPassphrase->isComplete()) {
        return;
    }
    m_session->startUnlock(m_newPassphrase->takePassphrase());
    setBusy(true);
}

void KeystoreLockedView::finished(const QString& error)
{
    setBusy(false);
    m_error->setText(error);
    if (!error.isEmpty()) {
        firstField()->setFocus();
    }
}

} // namespace jwtwb::ui
