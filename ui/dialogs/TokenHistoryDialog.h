#pragma once

#include <QDialog>

class QLabel;
class QPushButton;
class QTreeView;

namespace jwtwb::ui {

class KeystoreSession;
class TokenHistoryModel;

// The keystore's token history: issuer, subject, expiry and when seen. Double-click or Enter opens a
// token in the decoder. While the keystore is locked it says so and offers to unlock it.
class TokenHistoryDialog : public QDialog
{
    Q_OBJECT

public:
    TokenHistoryDialog(KeystoreSession* session, QWidget* parent = nullptr);

    [[nodiscard]] QTreeView* view() const { return m_view; }
    [[nodiscard]] TokenHistoryModel* model() const { return m_model; }
    [[nodiscard]] QString message() const;

public slots:
    void updateState(); // after the session or the setting changed

signals:
    void openToken(const QString& token);
    void unlockRequested();
    void clearRequested();

private:
    void openCurrent();

    KeystoreSession* m_session;
    TokenHistoryModel* m_model;
    QLabel* m_message;
    QTreeView* m_view;
    QPushButton* m_open;
    QPushButton* m_clear;
    QPushButton* m_unlock;
};

} // namespace jwtwb::ui
