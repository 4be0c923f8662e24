#include "JweDecryption.h"

#include "crypto/ThreadState.h"
#include "jwe/JweAlgorithm.h"
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

// What makes two requests the same: equal keys have equal thumbprints (a secret's is its hash).
std::vector<Bytes> identityOf(const std::string& token, const std::vector<keys::Key>& keys,
                              const jwe::DecryptOptions& options)
{
    std::vector<Bytes> identity{bytesOf(token)};
    for (const auto& key : keys) {
        identity.push_back(keys::thumbprint(key).value_or(Bytes{}));
        identity.push_back(bytesOf(key.parameters().kid));
        identity.push_back({static_cast<std::uint8_t>(key.hasPrivate())});
    }
    identity.push_back(bytesOf(std::to_string(options.maxP2c) + ' ' + std::to_string(options.maxInflatedSize) + ' '
                               + std::to_string(options.acceptWeakKeys)));
    return identity;
}

bool usesPassphrase(const std::string& token)
{
    const auto message = jwe::parseJwe(token);
    if (!message) {
        return false;
    }
    for (const auto* header : {&message->protectedHeader, &message->sharedHeader}) {
        const auto alg = header->find("alg");
        if (alg != header->end() && alg->is_string()) {
            const auto parsed = jwe::parseKeyAlgorithm(alg->get<std::string>());
            return parsed && jwe::keyAlgorithmInfo(*parsed).usesPassphrase();
        }
    }
    return false;
}

jwe::DecryptedJwe copyOf(const jwe::DecryptedJwe& decrypted)
{
    return {decrypted.plaintext.clone(), decrypted.header,    decrypted.alg, decrypted.enc,
            decrypted.compressed,        decrypted.recipient, decrypted.key};
}

} // namespace

JweDecryption::JweDecryption(QObject* parent)
    : QObject(parent)
    , m_watcher(new QFutureWatcher<Outcome>(this))
    , m_pause(new QTimer(this))
{
    m_pause->setSingleShot(true);
    m_pause->setInterval(kTypingPauseMs);
    connect(m_pause, &QTimer::timeout, this, &JweDecryption::startWaiting);
    connect(m_watcher, &QFutureWatcher<Outcome>::finished, this, &JweDecryption::done);
}

JweDecryption::~JweDecryption() = default; // a running job finishes on its own; its outcome is dropped

void JweDecryption::request(const QString& token, std::vector<keys::Key> keys, const jwe::DecryptOptions& options)
{
    Job job{toStdString(token), std::move(keys), options, {}};
    job.identity = identityOf(job.token, job.keys, job.options);
    if (job.identity == m_newest) {
        return;
    }
    m_newest = job.identity;
    m_decrypted.reset();
    m_error.reset();
    ++m_outcomeSerial;
    setBusy(true);
    if (job.identity == m_running) { // back to what runs already: its outcome will do
        m_pause->stop();
        m_waiting.reset();
        return;
    }
    const bool slow = usesPassphrase(job.token);
    m_waiting = std::move(job);
    if (slow) {
        m_pause->start(); // again: the pause starts over with every request
    } else {
        m_pause->stop();
        startWaiting();
    }
}

void JweDecryption::clear()
{
    m_pause->stop();
    m_waiting.reset();
    const bool had = !m_newest.empty() || m_decrypted || m_error;
    m_newest.clear();
    m_decrypted.reset();
    m_error.reset();
    if (had) {
        ++m_outcomeSerial;
    }
    setBusy(false);
}

bool JweDecryption::isBusy() const
{
    return m_busy;
}

const jwe::DecryptedJwe* JweDecryption::decrypted() const
{
    return m_decrypted ? &*m_decrypted : nullptr;
}

std::optional<jwe::EncryptedJwtReport> JweDecryption::examine(const jose::KeySource& verificationKeys,
                                                              const jose::JwtVerifyOptions& options) const
{
    if (!m_decrypted) {
        return std::nullopt;
    }
    return jwe::examineDecrypted(copyOf(*m_decrypted), verificationKeys, options);
}

void JweDecryption::startWaiting()
{
    if (!m_waiting || !m_running.empty() || m_pause->isActive()) {
        return; // done() starts it when the running job ends
    }
    Job job = std::move(*m_waiting);
    m_waiting.reset();
    run(std::move(job));
}

void JweDecryption::run(Job job)
{
    m_running = job.identity;
    emit started();
    m_watcher->setFuture(QtConcurrent::run(
        [token = std::move(job.token), keys = std::move(job.keys), options = job.options]() -> Outcome {
            auto outcome = std::make_shared<Result<jwe::DecryptedJwe>>([&]() -> Result<jwe::DecryptedJwe> {
                auto message = jwe::parseJwe(token);
                if (!message) {
                    return std::unexpected(message.error());
                }
                return jwe::decryptJwe(*message, keys, options);
            }());
            crypto::releaseThreadState();
            return outcome;
        }));
}

void JweDecryption::done()
{
    const Outcome outcome = m_watcher->future().resultCount() > 0 ? m_watcher->result() : nullptr;
    const bool current = m_running == m_newest;
    m_running.clear();
    if (current && outcome) {
        if (*outcome) {
            m_decrypted = std::move(**outcome);
        } else {
            m_error = outcome->error();
        }
        ++m_outcomeSerial;
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

void JweDecryption::setBusy(bool busy)
{
    if (busy != m_busy) {
        m_busy = busy;
        emit busyChanged(busy);
    }
}

} // namespace jwtwb::ui
