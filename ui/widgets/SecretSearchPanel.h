#pragma once

#include "jose/CompactToken.h"

#include <QFutureWatcher>
#include <QWidget>

#include <atomic>
#include <memory>

class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace jwtwb::crypto {
class SecureBytes;
}

namespace jwtwb::ui {

// Searches for the HMAC secret of an HS256/384/512 token (core/crack/SecretSearch) off the GUI
// thread: the bundled list of known secrets, optionally with rules, and an optional hashcat-style
// mask. Shows progress, can be cancelled at any moment, and shows a found secret masked until the
// user reveals it.
class SecretSearchPanel : public QWidget
{
    Q_OBJECT

public:
    explicit SecretSearchPanel(QWidget* parent = nullptr);
    ~SecretSearchPanel() override; // cancels a running search and waits for it (within ~100 ms)

    // The token to search for; anything but an HS token disables Start with a reason. `decoded` is
    // the token as the decoder already decoded it (leniently), which spares a big token a second decode.
    void setToken(const QString& token, const jose::CompactToken* decoded = nullptr);
    // The bundled list; by default the one installed next to the program.
    void setWordlistPath(const QString& path);

    [[nodiscard]] bool isRunning() const;
    // The secret the last search found for the current token, or nullptr; forgotten when the token
    // changes. Never logged or saved.
    [[nodiscard]] const crypto::SecureBytes* foundSecret() const { return m_found.get(); }
    [[nodiscard]] QString foundIn() const { return m_foundIn; } // "bundled list", a mask, …

public slots:
    void start();
    void cancel();

signals:
    void finished(bool found);
    // "Use for Verification" was clicked: foundSecret() is the secret to verify with.
    void useForVerificationRequested();

private:
    struct Outcome {
        QString error; // empty on success
        std::shared_ptr<crypto::SecureBytes> secret; // null when not found
        QString foundIn;
        QString summary;
    };

    void updateState();
    void showOutcome(const Outcome& outcome);
    void forgetSecret();

    QString m_token;
    QString m_searchedToken; // the token of the running or last search
    QString m_wordlistPath;
    QString m_tokenProblem; // why this token cannot be searched, or empty
    QCheckBox* m_useList;
    QCheckBox* m_rules;
    QLineEdit* m_mask;
    QPushButton* m_start;
    QPushButton* m_cancel;
    QProgressBar* m_progress;
    QLabel* m_status;
    QLineEdit* m_secret;
    QCheckBox* m_reveal;
    QPushButton* m_use;
    std::shared_ptr<crypto::SecureBytes> m_found;
    QString m_foundIn;
    QFutureWatcher<Outcome>* m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancelFlag;
};

} // namespace jwtwb::ui
