#include "TokenHistoryDialog.h"

#include "models/TokenHistoryModel.h"
#include "support/Convert.h"
#include "support/KeystoreSession.h"
#include "support/TokenHistoryRecorder.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace jwtwb::ui {

TokenHistoryDialog::TokenHistoryDialog(KeystoreSession* session, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_model(new TokenHistoryModel(session, this))
    , m_message(new QLabel(this))
    , m_view(new QTreeView(this))
    , m_open(new QPushButton(tr("&Open in Decoder"), this))
    , m_clear(new QPushButton(tr("C&lear History"), this))
    , m_unlock(new QPushButton(tr("&Unlock Keystore…"), this))
{
    setObjectName(QStringLiteral("tokenHistoryDialog"));
    setWindowTitle(tr("Token History"));
    m_message->setObjectName(QStringLiteral("historyMessage"));
    m_message->setWordWrap(true);
    m_view->setObjectName(QStringLiteral("historyView"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->header()->resizeSection(TokenHistoryModel::Issuer, 220);
    m_view->header()->resizeSection(TokenHistoryModel::Subject, 160);
    m_view->header()->resizeSection(TokenHistoryModel::Expires, 170);
    m_open->setObjectName(QStringLiteral("openHistoryToken"));
    m_clear->setObjectName(QStringLiteral("clearHistory"));
    m_unlock->setObjectName(QStringLiteral("unlockForHistory"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_open, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_clear, QDialogButtonBox::DestructiveRole);
    buttons->addButton(m_unlock, QDialogButtonBox::ActionRole);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);

    // Buttons of a QDialogButtonBox with AcceptRole would close the dialog on their own.
    disconnect(buttons, &QDialogButtonBox::accepted, this, nullptr);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_open, &QPushButton::clicked, this, &TokenHistoryDialog::openCurrent);
    connect(m_view, &QTreeView::activated, this, &TokenHistoryDialog::openCurrent); // double-click, Enter
    connect(m_clear, &QPushButton::clicked, this, &TokenHistoryDialog::clearRequested);
    connect(m_unlock, &QPushButton::clicked, this, &TokenHistoryDialog::unlockRequested);
    connect(m_session, &KeystoreSession::historyChanged, this, &TokenHistoryDialog::updateState);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &TokenHistoryDialog::updateState);
    resize(820, 420);
    updateState();
}

QString TokenHistoryDialog::message() const
{
    return m_message->text();
}

void TokenHistoryDialog::updateState()
{
    const bool unlocked = m_session->isUnlocked();
    const bool on = TokenHistoryRecorder::isEnabled();
    QStringList lines;
    if (!on) {
        lines << tr("Token history is off: decoded tokens are not kept. Turn it on with Settings → Keep Token "
                    "History (in the Keystore).");
    }
    if (!unlocked) {
        lines << (on ? tr("The keystore is locked. The history lives inside it: unlock it to see the history and "
                          "to add the tokens you decode to it.")
                     : tr("The keystore is locked."));
    } else if (const QString error = toQString(m_session->keystore()->historyError()); !error.isEmpty()) {
        lines << tr("The history stored in the keystore cannot be read (%1). It is left out and replaced at the next "
                    "save; the keys are not affected.")
                     .arg(error);
    } else if (m_model->rowCount() == 0) {
        lines << (on ? tr("No tokens yet. Each token the decoder shows is added after a short pause.")
                     : tr("The history is empty."));
    } else if (on) {
        lines << tr("Up to %1 tokens the decoder showed, newest first, kept only in the encrypted keystore.")
                     .arg(TokenHistoryRecorder::size());
    }
    m_message->setText(lines.join(QLatin1Char(' ')));
    m_unlock->setVisible(!unlocked);
    m_view->setEnabled(unlocked);
    m_clear->setEnabled(unlocked && m_model->rowCount() > 0);
    m_open->setEnabled(unlocked && m_view->currentIndex().isValid());
    if (unlocked && !m_view->currentIndex().isValid() && m_model->rowCount() > 0) {
        m_view->setCurrentIndex(m_model->index(0, 0));
    }
}

void TokenHistoryDialog::openCurrent()
{
    const QString token = m_model->token(m_view->currentIndex().row());
    if (!token.isEmpty()) {
        emit openToken(token);
    }
}

} // namespace jwtwb::ui
