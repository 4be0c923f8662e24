#pragma once

#include <QObject>
#include <QPointer>

#include <functional>

class QAction;
class QWidget;

namespace jwtwb::ui {

class KeystoreSession;
class TokenHistoryDialog;
class TokenHistoryRecorder;

// The token history's menu items: the setting (off by default), the list and Clear. Turning the
// setting off asks whether to clear what is stored.
class TokenHistoryActions : public QObject
{
    Q_OBJECT

public:
    // The answer to "also clear the stored history?"; tests give their own.
    using ClearQuestion = std::function<bool(QWidget* parent, int count)>;

    TokenHistoryActions(KeystoreSession* session, QWidget* window);

    [[nodiscard]] QAction* keepAction() const { return m_keep; }
    [[nodiscard]] QAction* showAction() const { return m_show; }
    [[nodiscard]] QAction* clearAction() const { return m_clear; }
    [[nodiscard]] TokenHistoryRecorder* recorder() const { return m_recorder; }
    [[nodiscard]] TokenHistoryDialog* dialog(); // made on first use
    void setClearQuestion(ClearQuestion question) { m_askClear = std::move(question); }

    void showHistory();
    void clearHistory();

signals:
    void openToken(const QString& token);
    void unlockRequested();
    void statusMessage(const QString& message);

private:
    void setKeep(bool keep);
    void updateActions();

    KeystoreSession* m_session;
    QWidget* m_window;
    TokenHistoryRecorder* m_recorder;
    QAction* m_keep;
    QAction* m_show;
    QAction* m_clear;
    QPointer<TokenHistoryDialog> m_dialog;
    ClearQuestion m_askClear;
};

} // namespace jwtwb::ui
