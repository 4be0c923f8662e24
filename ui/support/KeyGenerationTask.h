#pragma once

#include "keys/Key.h"
#include "keys/KeyGenerator.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <optional>

template <typename T> class QFutureWatcher;

namespace jwtwb::ui {

// One key generation on a pool thread (RSA can take seconds), cancellable. The generated key gets
// its RFC 7638 thumbprint as kid (secrets too, so that a keystore can name them). finished() is
// emitted on the owner's thread; result() holds the key or why there is none.
class KeyGenerationTask : public QObject
{
    Q_OBJECT

public:
    struct Generated {
        std::optional<keys::Key> key;
        QString error; // also "key generation was cancelled"
    };

    explicit KeyGenerationTask(QObject* parent = nullptr);
    ~KeyGenerationTask() override;

    // Ignored while a generation runs.
    void start(const keys::KeySpec& spec);
    void cancel();
    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] const Generated& result() const { return m_result; }

signals:
    void finished();

private:
    QFutureWatcher<Generated>* m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancelFlag;
    Generated m_result;
};

} // namespace jwtwb::ui
