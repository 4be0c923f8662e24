#include "JweEncryption.h"

#include "crypto/ThreadState.h"
#include "encoding/Json.h"
#include "jwe/JweAlgorithm.h"
#include "jwe/JweSerialization.h"
#include "keys/Thumbprint.h"
#include "support/Convert.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace jwtwb::ui {
namespace {

Bytes bytesOf(std::string_view text)
{
    return {text.begin(), text.end()};
}

std::vector<Bytes> identityOf(const std::string& plaintext, const keys::Key& key, const jwe::EncryptOptions& options)
{
    return {bytesOf(plaintext), keys::thumbprint(key).value_or(Bytes{}),
            bytesOf(encoding::toCompactJson(options.protectedHeader)),
            bytesOf(std::to_string(options.compress) + ' ' + std::to_string(options.p2c))};
}

bool usesPassphrase(const encoding::Json& header)
{
    const auto alg = header.find("alg");
    const auto parsed
        = alg != header.end() && alg->is_string() ? jwe::parseKeyAlgorithm(alg->get<std::string>()) : std::nullopt;
    return parsed && jwe::keyAlgorithmInfo(*parsed).usesPassphrase();
}

} // namespace

JweEncryption::JweEncryption(QObject* parent)
    : QObject(parent)
    , m_watcher(new QFutureWatcher<Outcome>(this))
    , m_pause(new QTimer(this))
{
    m_pause->setSingleShot(true);
    m_pause->setInterval(kTypingPauseMs);
    connect(m_pause, &QTimer::timeout, this, &JweEncryption::startWaiting);
    connect(m_watcher, &QFutureWatcher<Outcome>::finished, this, &JweEncryption::done);
}

JweEncryption::~JweEncryption() = default; // a running job finishes on its own; its outcome is dropped

void JweEncryption::request(std::string plaintext, const keys::Key& key, jwe::EncryptOptions options)
{
    Job job{std::move(plaintext), key, std::move(options), {}};
    job.identity = identityOf(job.plaintext, job.key, job.options);
    if (job.identity == m_newest) {
        return;
    }
    m_newest = job.identity;
    m_token.clear();
    m_error.clear();
    setBusy(true);
    if (job.identity == m_running) {
        m_pause->stop();
        m_waiting.reset();
        return;
    }
    const bool slow = usesPassphrase(job.options.protectedHeader);
    m_waiting = std::move(job);
    if (slow) {
        m_pause->start();
    } else {
        m_pause->stop();
        startWaiting();
    }
}

void JweEncryption::clear()
{
    m_pause->stop();
    m_waiting.reset();
    m_newest.clear();
    m_token.clear();
    m_error.clear();
    setBusy(false);
}

void JweEncryption::startWaiting()
{
    if (!m_waiting || !m_running.empty() || m_pause->isActive()) {
        return;
    }
    Job job = std::move(*m_waiting);
    m_waiting.reset();
    m_running = job.identity;
    m_watcher->setFuture(QtConcurrent::run([plaintext = std::move(job.plaintext), key = std::move(job.key),
                                            options = std::move(job.options)]() mutable -> Outcome {
        Outcome outcome;
        const auto message = jwe::encryptJwe(asBytes(plaintext), key, std::move(options));
        const auto compact
            = message ? jwe::toJweCompact(*message) : Result<std::string>(std::unexpected(message.error()));
        if (compact) {
            outcome.token = toQString(*compact);
        } else {
            outcome.error = toSentence(compact.error().message);
        }
        crypto::releaseThreadState();
        return outcome;
    }));
}

void JweEncryption::done()
{
    const Outcome outcome = m_watcher->future().resultCount() > 0 ? m_watcher->result() : Outcome{};
    const bool current = m_running == m_newest;
    m_running.clear();
    if (current) {
        m_token = outcome.token;
        m_error = outcome.token.isEmpty() && outcome.error.isEmpty() ? tr("Encryption stopped before it ended.")
                                                                     : outcome.error;
    }
    if (m_waiting) {
        startWaiting();
    } else if (current) {
        setBusy(false);
    }
    if (current) {
        emit finished();
    }
}

void JweEncryption::setBusy(bool busy)
{
    if (busy != m_busy) {
        m_busy = busy;
        emit busyChanged(busy);
    }
}

} // namespace jwtwb::ui
