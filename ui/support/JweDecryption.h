#pragma once

#include "Bytes.h"
#include "Error.h"
#include "jose/JwsVerifier.h"
#include "jose/JwtVerification.h"
#include "jwe/EncryptedJwt.h"
#include "jwe/JweDecrypter.h"
#include "keys/Key.h"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

class QTimer;
template <typename T> class QFutureWatcher;

namespace jwtwb::ui {

// The decryption of the decoder's JWE, on a pool thread (PBES2 and RSA take a while), kept until
// the token, the keys or the options change: verification options and the nested token's key can
// then change without decrypting again. A request like the last one is not run again; while one
// runs, only the newest of the requests that come in waits for it. PBES2 starts after a pause in
// typing, so that a passphrase is not tried letter by letter. finished() comes on this thread.
class JweDecryption : public QObject
{
    Q_OBJECT

public:
    static constexpr int kTypingPauseMs = 400;

    explicit JweDecryption(QObject* parent = nullptr);
    ~JweDecryption() override;

    void request(const QString& token, std::vector<keys::Key> keys, const jwe::DecryptOptions& options);
    void clear(); // no token or no key: nothing decrypted, nothing waiting

    [[nodiscard]] bool isBusy() const; // running, or waiting to run, for the newest request
    // The newest request's outcome once it is there: the decryption or why it failed.
    [[nodiscard]] const jwe::DecryptedJwe* decrypted() const;
    [[nodiscard]] const std::optional<Error>& error() const { return m_error; }
    // Changes with every outcome and every clear(): whoever shows the plaintext looks again.
    [[nodiscard]] quint64 outcomeSerial() const { return m_outcomeSerial; }
    // The decryption with its nested JWT verified with these keys and options, or its claims checked.
    [[nodiscard]] std::optional<jwe::EncryptedJwtReport> examine(const jose::KeySource& verificationKeys,
                                                                 const jose::JwtVerifyOptions& options) const;

signals:
    void busyChanged(bool busy);
    void started(); // a decryption went to a pool thread
    void finished();

private:
    struct Job {
        std::string token;
        std::vector<keys::Key> keys;
        jwe::DecryptOptions options;
        std::vector<Bytes> identity; // the token, each key's thumbprint, kid and privacy, the options
    };
    using Outcome = std::shared_ptr<Result<jwe::DecryptedJwe>>;

    void startWaiting();
    void run(Job job);
    void done();
    void setBusy(bool busy);

    QFutureWatcher<Outcome>* m_watcher;
    QTimer* m_pause;
    std::optional<Job> m_waiting;
    std::vector<Bytes> m_newest; // the identity of the newest request
    std::vector<Bytes> m_running; // of the job on the pool thread, empty when none runs
    std::optional<jwe::DecryptedJwe> m_decrypted;
    std::optional<Error> m_error;
    quint64 m_outcomeSerial = 0;
    bool m_busy = false;
};

} // namespace jwtwb::ui
