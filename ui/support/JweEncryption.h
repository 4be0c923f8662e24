#pragma once

#include "Bytes.h"
#include "jwe/JweEncrypter.h"
#include "keys/Key.h"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>
#include <string>
#include <vector>

class QTimer;
template <typename T> class QFutureWatcher;

namespace jwtwb::ui {

// The signer's encryption step on a pool thread: PBES2 at 600 000 iterations takes a noticeable
// while, and the signer encrypts again on every change. A request like the newest one is not run
// again; while one runs, only the newest of the requests that come in waits for it. PBES2 starts
// after a pause in typing. finished() comes on this thread with the compact JWE or the reason.
class JweEncryption : public QObject
{
    Q_OBJECT

public:
    static constexpr int kTypingPauseMs = 400;

    explicit JweEncryption(QObject* parent = nullptr);
    ~JweEncryption() override;

    void request(std::string plaintext, const keys::Key& key, jwe::EncryptOptions options);
    void clear();

    [[nodiscard]] bool isBusy() const { return m_busy; }
    [[nodiscard]] const QString& token() const { return m_token; } // of the newest request, once done
    [[nodiscard]] const QString& error() const { return m_error; } // why there is no token

signals:
    void busyChanged(bool busy);
    void finished();

private:
    struct Job {
        std::string plaintext;
        keys::Key key;
        jwe::EncryptOptions options;
        std::vector<Bytes> identity;
    };
    struct Outcome {
        QString token;
        QString error;
    };

    void startWaiting();
    void done();
    void setBusy(bool busy);

    QFutureWatcher<Outcome>* m_watcher;
    QTimer* m_pause;
    std::optional<Job> m_waiting;
    std::vector<Bytes> m_newest;
    std::vector<Bytes> m_running;
    QString m_token;
    QString m_error;
    bool m_busy = false;
};

} // namespace jwtwb::ui
