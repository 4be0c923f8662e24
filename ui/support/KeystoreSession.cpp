#include "KeystoreSession.h"

#include "io/AtomicFile.h"
#include "support/Clock.h"
#include "support/Convert.h"

#include "crypto/ThreadState.h"

#include <QApplication>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <utility>

namespace jwtwb::ui {

KeystoreSession::KeystoreSession(QString path, keys::KeystoreOptions options, QObject* parent)
    : QObject(parent)
    , m_path(std::move(path))
    , m_options(options)
{ }

KeystoreSession::~KeystoreSession()
{
    if (m_keystore) {
        saveHistoryBeforeLocking();
        m_keystore->lock();
    }
}

bool KeystoreSession::fileExists() const
{
    return io::fileExists(toStdString(m_path));
}

namespace {

// The one way a passphrase opens the session's file: a new, empty keystore when there is none yet.
// Runs on the GUI thread or a pool thread: values in, values out.
Result<keys::Keystore> openOrCreate(const std::string& path, crypto::SecureBytes passphrase,
                                    keys::KeystoreOptions options)
{
    if (!io::fileExists(path)) {
        return keys::Keystore::create(path, std::move(passphrase), options);
    }
    return keys::Keystore::open(path, std::move(passphrase), options);
}

} // namespace

Result<void> KeystoreSession::adopt(Result<keys::Keystore> opened)
{
    if (!opened) {
        return std::unexpected(opened.error());
    }
    m_keystore = std::make_unique<keys::Keystore>(std::move(*opened));
    emit lockedChanged(false);
    emit entriesChanged();
    emit historyChanged();
    return {};
}

Result<void> KeystoreSession::unlock(crypto::SecureBytes passphrase)
{
    if (m_keystore || isUnlocking()) {
        return {};
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto opened = openOrCreate(toStdString(m_path), std::move(passphrase), m_options);
    QApplication::restoreOverrideCursor();
    return adopt(std::move(opened));
}

void KeystoreSession::startUnlock(crypto::SecureBytes passphrase)
{
    if (m_keystore || isUnlocking()) {
        return;
    }
    using Opened = std::shared_ptr<Result<keys::Keystore>>;
    m_unlocking = new QFutureWatcher<Opened>(this);
    connect(m_unlocking, &QFutureWatcher<Opened>::finished, this, [this] {
        QFutureWatcher<Opened>* watcher = std::exchange(m_unlocking, nullptr);
        watcher->deleteLater();
        const Opened opened = watcher->future().resultCount() > 0 ? watcher->result() : nullptr;
        if (!opened) {
            emit unlockFinished(tr("Unlocking stopped before it ended."));
            return;
        }
        auto adopted = adopt(std::move(*opened));
        emit unlockFinished(adopted ? QString() : toSentence(adopted.error().message));
    });
    // The pool thread owns the passphrase from here; the session waits for nothing when destroyed,
    // and a keystore opened after that is dropped (and wiped) with the future.
    auto shared = std::make_shared<crypto::SecureBytes>(std::move(passphrase));
    m_unlocking->setFuture(QtConcurrent::run([path = toStdString(m_path), options = m_options, shared] {
        auto opened = std::make_shared<Result<keys::Keystore>>(openOrCreate(path, std::move(*shared), options));
        crypto::releaseThreadState();
        return opened;
    }));
}

Result<void> KeystoreSession::changePassphrase(crypto::SecureBytes passphrase)
{
    if (!m_keystore) {
        return fail(Errc::PassphraseRequired, "the keystore is locked");
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto changed = m_keystore->changePassphrase(std::move(passphrase));
    QApplication::restoreOverrideCursor();
    if (changed) {
        setSaved(changed); // earlier unsaved changes went into the file as well
    }
    return changed; // on failure the old passphrase and the old file stay, and nothing is unsaved
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
    saveHistoryBeforeLocking();
    const std::unique_ptr<keys::Keystore> closing = std::move(m_keystore);
    setSaved({});
    emit lockedChanged(true);
    emit entriesChanged();
    emit historyChanged();
    closing->lock();
}

Result<void> KeystoreSession::recordToken(const QString& token, int capacity)
{
    if (!m_keystore) {
        return fail(Errc::PassphraseRequired, "the keystore is locked");
    }
    const std::string seen = toStdString(Clock::now().toString(Qt::ISODate));
    if (auto recorded
        = m_keystore->recordToken(toStdString(token), seen, static_cast<std::size_t>(std::max(capacity, 1)));
        !recorded) {
        return recorded;
    }
    emit historyChanged();
    saveInBackground();
    return {};
}

Result<void> KeystoreSession::clearHistory()
{
    if (!m_keystore) {
        return fail(Errc::PassphraseRequired, "the keystore is locked");
    }
    if (auto cleared = m_keystore->clearHistory(); !cleared) {
        return cleared;
    }
    emit historyChanged();
    saveInBackground();
    return {};
}

void KeystoreSession::saveInBackground()
{
    if (!m_keystore || m_sealing || m_unsaved) {
        return; // a save under way saves again when it ends; unsaved keys wait for the user's choice
    }
    using Sealed = std::shared_ptr<Result<std::string>>;
    auto content = std::make_shared<keys::KeystoreContent>(m_keystore->snapshot());
    const std::uint64_t revision = content->revision;
    m_sealing = new QFutureWatcher<Sealed>(this);
    connect(m_sealing, &QFutureWatcher<Sealed>::finished, this, [this, revision] {
        QFutureWatcher<Sealed>* watcher = std::exchange(m_sealing, nullptr);
        watcher->deleteLater();
        const Sealed text = watcher->future().resultCount() > 0 ? watcher->result() : nullptr;
        sealed(revision, text ? *text : Result<std::string>(fail(Errc::Cancelled, "saving stopped before it ended")));
    });
    m_sealing->setFuture(QtConcurrent::run([content] {
        auto text = std::make_shared<Result<std::string>>(keys::Keystore::seal(*content));
        crypto::releaseThreadState();
        return text;
    }));
}

void KeystoreSession::sealed(std::uint64_t revision, const Result<std::string>& text)
{
    if (!m_keystore) {
        return; // locked meanwhile (the history was saved before locking)
    }
    Result<void> written
        = text ? m_keystore->writeSealed(*text, revision) : Result<void>(std::unexpected(text.error()));
    if (!written && written.error().code == Errc::Cancelled) {
        // Changed while it was encrypted: the newer state, unless a save on this thread wrote it already.
        if (m_keystore->isModified()) {
            saveInBackground();
        }
        return;
    }
    setSaved(written);
    emit backgroundSaveFinished(written ? QString() : toQString(written.error().message));
    if (written && m_keystore->isModified()) {
        saveInBackground();
    }
}

// A token recorded a moment ago may still be on its way to the file: it is saved here, on this
// thread, rather than lost. Not when keys are unsaved: the user has just chosen what happens to them.
void KeystoreSession::saveHistoryBeforeLocking()
{
    if (m_keystore && m_keystore->isModified() && !m_unsaved) {
        QApplication::setOverrideCursor(Qt::WaitCursor);
        (void)m_keystore->save();
        QApplication::restoreOverrideCursor();
    }
}

} // namespace jwtwb::ui
