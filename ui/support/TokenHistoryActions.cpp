#include "TokenHistoryActions.h"

#include "dialogs/TokenHistoryDialog.h"
#include "support/KeystoreSession.h"
#include "support/TokenHistoryRecorder.h"

#include <QAction>
#include <QMessageBox>
#include <QWidget>

namespace jwtwb::ui {

TokenHistoryActions::TokenHistoryActions(KeystoreSession* session, QWidget* window)
    : QObject(window)
    , m_session(session)
    , m_window(window)
    , m_recorder(new TokenHistoryRecorder(session, this))
    , m_keep(new QAction(tr("Keep Token &History (in the Keystore)"), this))
    , m_show(new QAction(tr("Token &History…"), this))
    , m_clear(new QAction(tr("&Clear Token History"), this))
    , m_askClear([](QWidget* parent, int count) {
        return QMessageBox::question(parent, tr("Token History"),
                                     tr("The keystore holds %1 tokens of the history. Clear them too?").arg(count),
                                     QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes)
            == QMessageBox::Yes;
    })
{
    m_keep->setObjectName(QStringLiteral("keepHistoryAction"));
    m_keep->setCheckable(true);
    m_keep->setChecked(TokenHistoryRecorder::isEnabled());
    m_keep->setStatusTip(tr("Keep the last %1 tokens the decoder shows inside the encrypted keystore, never in a "
                            "plain file. Off unless you turn it on.")
                             .arg(TokenHistoryRecorder::size()));
    m_show->setObjectName(QStringLiteral("showHistoryAction"));
    m_show->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    m_show->setStatusTip(tr("The tokens the decoder showed, to open one again"));
    m_clear->setObjectName(QStringLiteral("clearHistoryAction"));
    m_clear->setStatusTip(tr("Remove every token from the history in the keystore"));
    connect(m_keep, &QAction::toggled, this, &TokenHistoryActions::setKeep);
    connect(m_show, &QAction::triggered, this, &TokenHistoryActions::showHistory);
    connect(m_clear, &QAction::triggered, this, &TokenHistoryActions::clearHistory);
    connect(m_session, &KeystoreSession::historyChanged, this, &TokenHistoryActions::updateActions);
    connect(m_session, &KeystoreSession::backgroundSaveFinished, this, [this](const QString& error) {
        if (!error.isEmpty()) {
            emit statusMessage(tr("The token history could not be saved: %1").arg(error));
        }
    });
    connect(m_recorder, &TokenHistoryRecorder::recordFailed, this, [this](const QString& error) {
        emit statusMessage(tr("The token was not added to the history: %1").arg(error));
    });
    updateActions();
}

TokenHistoryDialog* TokenHistoryActions::dialog()
{
    if (!m_dialog) {
        m_dialog = new TokenHistoryDialog(m_session, m_window);
        connect(m_dialog, &TokenHistoryDialog::openToken, this, &TokenHistoryActions::openToken);
        connect(m_dialog, &TokenHistoryDialog::clearRequested, this, &TokenHistoryActions::clearHistory);
        connect(m_dialog, &TokenHistoryDialog::unlockRequested, this, [this] {
            m_dialog->hide();
            emit unlockRequested();
        });
        connect(m_recorder, &TokenHistoryRecorder::enabledChanged, m_dialog, &TokenHistoryDialog::updateState);
    }
    return m_dialog;
}

void TokenHistoryActions::showHistory()
{
    TokenHistoryDialog* shown = dialog();
    shown->updateState();
    shown->show();
    shown->raise();
    shown->activateWindow();
}

void TokenHistoryActions::clearHistory()
{
    if (!m_session->isUnlocked()) {
        emit statusMessage(tr("Unlock the keystore to clear its token history"));
        return;
    }
    if (auto cleared = m_session->clearHistory(); cleared) {
        emit statusMessage(tr("Token history cleared"));
    }
}

void TokenHistoryActions::setKeep(bool keep)
{
    m_recorder->setEnabled(keep);
    if (keep) {
        emit statusMessage(m_session->isUnlocked()
                               ? tr("Token history on: the tokens the decoder shows are kept in the keystore")
                               : tr("Token history on: unlock the keystore to start keeping tokens"));
        return;
    }
    const keys::Keystore* keystore = m_session->keystore();
    const int stored = keystore ? static_cast<int>(keystore->history().size()) : 0;
    if (stored > 0 && m_askClear(m_window, stored)) {
        clearHistory();
    } else if (!keystore) {
        emit statusMessage(tr("Token history off. Tokens already in the keystore stay there until you clear them "
                              "(unlock it, then Tools → Clear Token History)"));
    }
}

void TokenHistoryActions::updateActions()
{
    m_clear->setEnabled(m_session->isUnlocked() && !m_session->keystore()->history().empty());
}

} // namespace jwtwb::ui
