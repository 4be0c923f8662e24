#pragma once

#include <QObject>
#include <QString>

class QTimer;

namespace jwtwb::ui {

class KeystoreSession;

// Records the tokens the decoder shows into the keystore's history, when the user turned that on
// (off by default). Only the choice and the size are settings; the tokens live in the keystore alone.
// A token is recorded once it has stayed on screen for a pause, so that typing does not record every
// state on the way, and only when it decodes and the keystore is unlocked.
class TokenHistoryRecorder : public QObject
{
    Q_OBJECT

public:
    static constexpr int kPauseMs = 1500;
    static constexpr int kDefaultSize = 50;
    static constexpr int kMaxSize = 1000;

    explicit TokenHistoryRecorder(KeystoreSession* session, QObject* parent = nullptr);

    [[nodiscard]] static bool isEnabled();
    void setEnabled(bool enabled);
    [[nodiscard]] static int size(); // how many tokens are kept, from the settings
    [[nodiscard]] bool isPending() const; // a token waits for the pause to end

public slots:
    void tokenShown(const QString& token);

signals:
    void enabledChanged(bool enabled);
    void recordFailed(const QString& error);

private:
    void record();

    KeystoreSession* m_session;
    QTimer* m_pause;
    QString m_token;
};

} // namespace jwtwb::ui
