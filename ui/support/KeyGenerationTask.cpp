#include "KeyGenerationTask.h"

#include "crypto/ThreadState.h"
#include "encoding/Base64Url.h"
#include "keys/Thumbprint.h"
#include "support/Convert.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace jwtwb::ui {
namespace {

// Runs on a pool thread: values in, values out.
KeyGenerationTask::Generated generateOffThread(const keys::KeySpec& spec, const std::atomic<bool>* cancel)
{
    auto key = keys::generateKey(spec, cancel);
    if (!key) {
        return {std::nullopt, toQString(key.error().message)};
    }
    if (auto print = keys::thumbprint(*key)) {
        key->parameters().kid = encoding::base64UrlEncode(*print);
    }
    return {std::move(*key), {}};
}

} // namespace

KeyGenerationTask::KeyGenerationTask(QObject* parent)
    : QObject(parent)
    , m_watcher(new QFutureWatcher<Generated>(this))
{
    connect(m_watcher, &QFutureWatcher<Generated>::finished, this, [this] {
        m_result = m_watcher->future().resultCount() > 0 ? m_watcher->result() : Generated{};
        m_cancelFlag.reset();
        emit finished();
    });
}

KeyGenerationTask::~KeyGenerationTask()
{
    cancel(); // the pool thread stops at its next check; nothing waits for it here
}

void KeyGenerationTask::start(const keys::KeySpec& spec)
{
    if (isRunning()) {
        return;
    }
    m_result = {};
    m_cancelFlag = std::make_shared<std::atomic<bool>>(false);
    auto cancelFlag = m_cancelFlag;
    m_watcher->setFuture(QtConcurrent::run([spec, cancelFlag](QPromise<Generated>& promise) {
        auto generated = generateOffThread(spec, cancelFlag.get());
        crypto::releaseThreadState();
        promise.addResult(std::move(generated));
    }));
}

void KeyGenerationTask::cancel()
{
    if (m_cancelFlag) {
        *m_cancelFlag = true;
    }
}

bool KeyGenerationTask::isRunning() const
{
    return m_cancelFlag != nullptr;
}

} // namespace jwtwb::ui
