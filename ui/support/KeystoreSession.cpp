#include "KeystoreSession.h"

#include "io/AtomicFile.h"
#include "support/Convert.h"

#include <QApplication>

namespace jwtwb::ui {

KeystoreSession::KeystoreSession(QString path, keys::KeystoreOptions options, QObject* parent)
    : QObject(parent)
    , m_path(std::move(path))
    , m_options(options)
{ }

KeystoreSession::~KeystoreSession()
{
    if (m_keystore) {
        m_keystore->lock();
    }
}

bool KeystoreSession::fileExists() const
{
    return io::fileExists(toStdString(m_path));
}

Result<void> KeystoreSession::unlock(crypto::SecureBytes passphrase)
{
    if (m_keystore) {
        return {};
    }
    const std::string path = toStdString(m_path);
    if (!io::fileExists(path)) {
        m_keystore = std::make_unique<keys::Keystore>(keys::Keystore::create(path, std::move(passphrase), m_options));
    } else {
        // PBKDF2 at 600 000 iterations: a fraction of a second.
        QApplication::setOverrideCursor(Qt::WaitCursor);
        auto opened = keys::Keystore::open(path, std::move(passphrase), m_options);
        QApplication::restoreOverrideCursor();
        if (!opened) {
            return std::unexpected(opened.error());
        }
        m_keystore = std::make_unique<keys::Keystore>(std::move(*opened));
    }
    emit lockedChanged(false);
    emit entriesChanged();
    return {};
}

Result<void> KeystoreSession::saveChanges()
{
    if (!m_keystore) {
        return fail(Errc::PassphraseRequired, "the keystore is locked");
    }
    auto saved = m_keystore->save();
    setSaved(saved);
    emit entriesChanged();
    return saved;
}

Result<void> KeystoreSession::saveAs(const QString& path)
{
    if (!m_keystore) {
        return fail(Errc::PassphraseRequired, "the keystore is locked");
    }
    auto saved = m_keystore->saveAs(toStdString(path));
    if (saved) {
        m_path = path;
        emit pathChanged(m_path);
    }
    setSaved(saved);
    return saved;
}

void KeystoreSession::setSaved(const Result<void>& saved)
{
    m_saveError = saved ? QString() : toQString(saved.error().message);
    if (m_unsaved != !saved) {
        m_unsaved = !saved;
        emit unsavedChanged(m_unsaved);
    }
}

void KeystoreSession::lock()
{
    if (!m_keystore) {
        return;
    }
    // Still alive while the users hear of it, so that a model can let go of it cleanly.
    const std::unique_ptr<keys::Keystore> closing = std::move(m_keystore);
    setSaved({});
    emit lockedChanged(true);
    emit entriesChanged();
    closing->lock();
}

} // namespace jwtwb::ui
