#include "KeystoreActions.h"

#include "io/AtomicFile.h"
#include "keys/KeyReader.h"
#include "models/KeyListModel.h"
#include "pages/keys/KeysPrompter.h"
#include "support/Clipboard.h"
#include "support/Clock.h"
#include "support/Convert.h"
#include "support/KeyFile.h"
#include "support/KeystoreSession.h"

#include <QFileInfo>

namespace jwtwb::ui {
namespace {

std::string createdNow()
{
    return toStdString(Clock::now().toString(Qt::ISODate));
}

std::vector<std::string> parseTags(const QString& text)
{
    std::vector<std::string> tags;
    for (const QString& tag : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!tag.trimmed().isEmpty()) {
            tags.push_back(toStdString(tag.trimmed()));
        }
    }
    return tags;
}

// The keys in key material (a key file or pasted text) or in a secret written in `encoding`.
Result<std::vector<keys::Key>> readKeyMaterial(std::string_view input, std::string_view passphrase,
                                               std::optional<keys::SecretEncoding> encoding = std::nullopt)
{
    keys::KeyReadOptions options;
    options.passphrase = passphrase;
    options.secretEncoding = encoding;
    auto reading = keys::readKeys(input, options);
    if (!reading) {
        return std::unexpected(std::move(reading.error()));
    }
    return std::move(reading->keys);
}

} // namespace

KeystoreActions::KeystoreActions(KeystoreSession* session, KeyListModel* model, KeysPrompter* prompter, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_model(model)
    , m_prompter(prompter)
{ }

bool KeystoreActions::isUnlocked() const
{
    return m_session->isUnlocked();
}

void KeystoreActions::setDeleted(std::optional<keys::KeystoreEntry> entry)
{
    const bool had = m_deleted.has_value();
    m_deleted = std::move(entry);
    if (had || m_deleted) {
        emit undoChanged();
    }
}

bool KeystoreActions::save()
{
    if (m_session->saveChanges()) {
        return true;
    }
    while (m_session->hasUnsavedChanges()) {
        switch (m_prompter->askUnsaved(UnsavedKeystoreDialog::Situation::SaveFailed, m_session->path(),
                                       m_session->saveError())) {
        case UnsavedKeystoreDialog::Choice::Retry: (void)m_session->saveChanges(); break;
        case UnsavedKeystoreDialog::Choice::SaveAs: saveAs(); break;
        case UnsavedKeystoreDialog::Choice::Discard:
        case UnsavedKeystoreDialog::Choice::Keep:
            emit statusMessage(tr("Not saved: %1").arg(m_session->saveError()));
            return false;
        }
    }
    return true;
}

bool KeystoreActions::saveAs()
{
    const QString path = m_prompter->askSaveAsPath(m_session->path());
    if (path.isEmpty() || !isUnlocked()) {
        return false;
    }
    if (!m_session->saveAs(path)) {
        emit statusMessage(tr("Not saved: %1").arg(m_session->saveError()));
        return false;
    }
    emit statusMessage(tr("Saved the keystore to %1").arg(path));
    return true;
}

bool KeystoreActions::resolveUnsaved(UnsavedKeystoreDialog::Situation situation)
{
    while (isUnlocked() && m_session->hasUnsavedChanges()) {
        switch (m_prompter->askUnsaved(situation, m_session->path(), m_session->saveError())) {
        case UnsavedKeystoreDialog::Choice::Retry: (void)m_session->saveChanges(); break;
        case UnsavedKeystoreDialog::Choice::SaveAs: saveAs(); break;
        case UnsavedKeystoreDialog::Choice::Discard: return true;
        case UnsavedKeystoreDialog::Choice::Keep: return false;
        }
    }
    return true;
}

void KeystoreActions::importChosen()
{
    if (!isUnlocked()) {
        return;
    }
    const auto request = m_prompter->askImport();
    if (!request) {
        return;
    }
    switch (request->way) {
    case ImportKeyDialog::Way::Text:
        if (!request->text.trimmed().isEmpty()) {
            importText(request->text);
        }
        break;
    case ImportKeyDialog::Way::File: importFile(request->path); break;
    case ImportKeyDialog::Way::Secret: importSecret(request->text, request->encoding, request->label); break;
    }
}

// Reads the keys; an encrypted private key asks for its passphrase (again when it was wrong, once).
Result<std::vector<keys::Key>> KeystoreActions::readAskingPassphrase(std::string_view input)
{
    auto imported = readKeyMaterial(input, {});
    if (!imported
        && (imported.error().code == Errc::PassphraseRequired || imported.error().code == Errc::WrongPassphrase)) {
        if (auto passphrase = m_prompter->askKeyPassphrase()) {
            imported = readKeyMaterial(input, passphrase->view());
        }
    }
    return imported;
}

QString KeystoreActions::importText(const QString& text)
{
    if (!isUnlocked()) {
        return tr("The keystore is locked.");
    }
    std::string input = toStdString(text);
    auto imported = readAskingPassphrase(input);
    crypto::wipe(input);
    return addImported(std::move(imported), {});
}

QString KeystoreActions::importFile(const QString& path)
{
    if (!isUnlocked()) {
        return tr("The keystore is locked.");
    }
    QString unreadable;
    auto content = readKeyFile(path, &unreadable);
    if (!content) {
        const QString report = tr("Nothing imported: %1").arg(unreadable);
        emit statusMessage(report);
        return report;
    }
    auto imported = readAskingPassphrase(*content);
    crypto::wipe(*content);
    if (!imported) {
        const QString report
            = tr("Nothing imported from %1: %2").arg(QFileInfo(path).fileName(), toQString(imported.error().message));
        emit statusMessage(report);
        return report;
    }
    return addImported(std::move(imported), {});
}

QString KeystoreActions::importSecret(const QString& text, keys::SecretEncoding encoding, const QString& label)
{
    if (!isUnlocked()) {
        return tr("The keystore is locked.");
    }
    std::string input = toStdString(text);
    auto imported = readKeyMaterial(input, {}, encoding);
    crypto::wipe(input);
    return addImported(std::move(imported), label);
}

// The one place where imported keys join the keystore: duplicates (by thumbprint) are reported.
QString KeystoreActions::addImported(Result<std::vector<keys::Key>> imported, const QString& label)
{
    QString report;
    if (!imported) {
        report = tr("Nothing imported: %1").arg(toQString(imported.error().message));
        emit statusMessage(report);
        return report;
    }
    int added = 0;
    QStringList duplicates;
    QString lastKid;
    for (auto& key : *imported) {
        const QString type = KeyListModel::typeText(key);
        const QString keyLabel = label.isEmpty() ? tr("Imported %1 key").arg(type) : label;
        auto kid = m_model->addKey({std::move(key), toStdString(keyLabel), createdNow(), {}, {}});
        if (kid) {
            ++added;
            lastKid = *kid;
        } else {
            duplicates << toQString(kid.error().message);
        }
    }
    bool saved = true;
    if (added > 0) {
        setDeleted(std::nullopt);
        saved = save();
        emit keyAdded(lastKid);
    }
    report = saved ? tr("Imported %n key(s)", nullptr, added)
                   : tr("Imported %n key(s) into memory only: the keystore is not saved", nullptr, added);
    if (!duplicates.isEmpty()) {
        report += tr("; left out: %1").arg(duplicates.join(QStringLiteral("; ")));
    }
    emit statusMessage(report);
    return report;
}

QString KeystoreActions::addGenerated(keys::Key key)
{
    if (!isUnlocked()) {
        return {}; // locked meanwhile: the key is dropped
    }
    const QString type = KeyListModel::typeText(key);
    auto kid = m_model->addKey({std::move(key), toStdString(tr("New %1 key").arg(type)), createdNow(), {}, {}});
    if (!kid) {
        emit statusMessage(toQString(kid.error().message));
        return {};
    }
    setDeleted(std::nullopt);
    if (save()) {
        emit statusMessage(tr("Generated and saved a %1 key").arg(type));
    }
    emit keyAdded(*kid);
    return *kid;
}

bool KeystoreActions::deleteKey(const QString& kid)
{
    const keys::KeystoreEntry* entry = m_model->entry(m_model->indexOfKid(kid));
    if (entry == nullptr || !m_prompter->confirmDelete(toQString(entry->label))) {
        return false;
    }
    auto taken = m_model->takeKey(kid);
    if (!taken) {
        emit statusMessage(toQString(taken.error().message));
        return false;
    }
    const QString label = toQString(taken->label);
    setDeleted(std::move(*taken));
    if (save()) {
        emit statusMessage(tr("Deleted “%1” (Undo Delete brings it back)").arg(label));
    }
    return true;
}

bool KeystoreActions::undoDelete()
{
    if (!isUnlocked() || !m_deleted) {
        return false;
    }
    auto kid = m_model->addKey(std::move(*m_deleted));
    setDeleted(std::nullopt);
    if (!kid) {
        emit statusMessage(toQString(kid.error().message));
        return false;
    }
    if (save()) {
        emit statusMessage(tr("Restored the deleted key"));
    }
    emit keyAdded(*kid);
    return true;
}

bool KeystoreActions::setDetails(const QString& kid, const QString& label, const QString& tags, const QString& notes)
{
    auto changed = m_model->setMetadata(kid, toStdString(label.trimmed()), toStdString(notes), parseTags(tags));
    if (!changed) {
        emit statusMessage(toQString(changed.error().message));
        return false;
    }
    setDeleted(std::nullopt);
    if (save()) {
        emit statusMessage(tr("Saved the key's details"));
    }
    return true;
}

bool KeystoreActions::changePassphrase()
{
    if (!isUnlocked()) {
        return false;
    }
    auto passphrase = m_prompter->askNewKeystorePassphrase(m_session->path());
    if (!passphrase || passphrase->empty()) {
        return false;
    }
    if (auto changed = m_session->changePassphrase(std::move(*passphrase)); !changed) {
        emit statusMessage(tr("The passphrase is unchanged: %1").arg(toQString(changed.error().message)));
        return false;
    }
    emit statusMessage(tr("Changed the keystore passphrase; the previous file is kept as %1")
                           .arg(QFileInfo(m_session->path() + QStringLiteral(".bak")).fileName()));
    return true;
}

// The entries in `format` after the confirmations and the passphrase it needs; nullopt when refused,
// cancelled or impossible (the reason goes to the status line, after `nothingDone`).
std::optional<KeyExportText> KeystoreActions::prepareExport(const QList<const keys::KeystoreEntry*>& entries,
                                                            KeyExportFormat format, const QString& nothingDone)
{
    if (!isUnlocked() || entries.isEmpty()) {
        return std::nullopt;
    }
    const keys::KeystoreEntry& entry = *entries.front();
    const QList<const keys::KeystoreEntry*> chosen
        = format == KeyExportFormat::PublicJwks ? entries : QList<const keys::KeystoreEntry*>{&entry};
    if (const QString reason = inapplicableReason(format, entry.key);
        format != KeyExportFormat::PublicJwks && !reason.isEmpty()) {
        emit statusMessage(nothingDone.arg(reason));
        return std::nullopt;
    }
    if (isPrivateFormat(format)) {
        const QString label = toQString(entry.label);
        if (!m_prompter->confirmPrivateExport(label, false)
            || (entry.hasTag("production") && !m_prompter->confirmPrivateExport(label, true))) {
            return std::nullopt;
        }
    }
    std::optional<crypto::SecureBytes> passphrase;
    if (format == KeyExportFormat::PrivatePemEncrypted) {
        passphrase = m_prompter->askExportPassphrase(toQString(entry.label));
        if (!passphrase) {
            return std::nullopt;
        }
    }
    auto exported = exportKeyText(std::span(chosen.constData(), static_cast<std::size_t>(chosen.size())), format,
                                  passphrase ? passphrase->view() : std::string_view());
    if (!exported) {
        emit statusMessage(nothingDone.arg(exported.error()));
        return std::nullopt;
    }
    return std::move(*exported);
}

QString KeystoreActions::exportToClipboard(const QList<const keys::KeystoreEntry*>& entries, KeyExportFormat format)
{
    auto exported = prepareExport(entries, format, tr("Nothing copied: %1"));
    if (!exported) {
        return {};
    }
    QString text = toQString(exported->text);
    crypto::wipe(exported->text);
    if (isPrivateFormat(format)) {
        Clipboard::instance()->copySecret(text);
        emit statusMessage(format == KeyExportFormat::PrivatePemEncrypted
                               ? tr("Copied the encrypted private key; the clipboard is cleared in 30 seconds")
                               : tr("Copied the private key; the clipboard is cleared in 30 seconds"));
        return text;
    }
    Clipboard::instance()->copyText(text);
    if (format != KeyExportFormat::PublicJwks) {
        emit statusMessage(tr("Copied the public key"));
    } else if (exported->secretsLeftOut > 0) {
        emit statusMessage(tr("Copied the public JWK Set of %n key(s); secrets left out", nullptr, exported->keyCount));
    } else {
        emit statusMessage(tr("Copied the public JWK Set of %n key(s)", nullptr, exported->keyCount));
    }
    return text;
}

void KeystoreActions::exportToFileChosen(const QList<const keys::KeystoreEntry*>& entries)
{
    if (!isUnlocked() || entries.isEmpty()) {
        return;
    }
    if (const auto choice = m_prompter->askExportFile(entries.front()->key, toQString(entries.front()->label))) {
        exportToFile(entries, choice->format, choice->path);
    }
}

bool KeystoreActions::exportToFile(const QList<const keys::KeystoreEntry*>& entries, KeyExportFormat format,
                                   const QString& path)
{
    if (path.isEmpty()) {
        return false;
    }
    auto exported = prepareExport(entries, format, tr("Nothing written: %1"));
    if (!exported) {
        return false;
    }
    const bool secret = isPrivateFormat(format);
    auto written = io::writeFileAtomically(toStdString(path), asBytes(exported->text), secret ? 0600 : 0644);
    crypto::wipe(exported->text);
    if (!written) {
        emit statusMessage(tr("Nothing written: %1").arg(toQString(written.error().message)));
        return false;
    }
    emit statusMessage(secret ? tr("Wrote the private key to %1 (readable only by you)").arg(path)
                              : tr("Wrote %1").arg(path));
    return true;
}

} // namespace jwtwb::ui
