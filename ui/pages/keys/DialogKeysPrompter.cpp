#include "DialogKeysPrompter.h"

#include "dialogs/NewPassphraseDialog.h"
#include "support/Convert.h"

#include <QFileDialog>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>

#include <memory>

namespace jwtwb::ui {
namespace {

std::optional<crypto::SecureBytes> runPassphraseDialog(NewPassphraseDialog* created)
{
    const std::unique_ptr<NewPassphraseDialog> dialog(created);
    if (dialog->exec() != QDialog::Accepted) {
        return std::nullopt;
    }
    return dialog->takePassphrase();
}

} // namespace

DialogKeysPrompter::DialogKeysPrompter(QWidget* parent)
    : m_parent(parent)
{ }

bool DialogKeysPrompter::confirmDelete(const QString& label)
{
    return QMessageBox::question(m_parent, tr("Delete Key"),
                                 tr("Delete the key “%1” from the keystore? (Undo Delete brings it back.)").arg(label))
        == QMessageBox::Yes;
}

std::optional<ImportKeyDialog::Request> DialogKeysPrompter::askImport()
{
    ImportKeyDialog dialog(m_parent);
    return dialog.exec() == QDialog::Accepted ? std::optional(dialog.request()) : std::nullopt;
}

std::optional<crypto::SecureBytes> DialogKeysPrompter::askKeyPassphrase()
{
    bool ok = false;
    QString text = QInputDialog::getText(m_parent, tr("Encrypted Key"), tr("Passphrase of the private key:"),
                                         QLineEdit::Password, {}, &ok);
    if (!ok) {
        return std::nullopt;
    }
    std::string bytes = toStdString(text);
    crypto::SecureBytes passphrase(bytes);
    crypto::wipe(bytes);
    return passphrase;
}

bool DialogKeysPrompter::confirmPrivateExport(const QString& label, bool second)
{
    const QString text = second ? tr("“%1” is tagged production. Export its private key anyway?").arg(label)
                                : tr("Export the private key of “%1”? Whoever gets it can sign as you.").arg(label);
    return QMessageBox::warning(m_parent, tr("Export Private Key"), text, QMessageBox::Yes | QMessageBox::No,
                                QMessageBox::No)
        == QMessageBox::Yes;
}

std::optional<ExportKeyDialog::Choice> DialogKeysPrompter::askExportFile(const keys::Key& key, const QString& label)
{
    ExportKeyDialog dialog(key, label, m_parent);
    return dialog.exec() == QDialog::Accepted ? std::optional(dialog.choice()) : std::nullopt;
}

std::optional<crypto::SecureBytes> DialogKeysPrompter::askExportPassphrase(const QString& label)
{
    return runPassphraseDialog(NewPassphraseDialog::forExport(label, m_parent));
}

std::optional<crypto::SecureBytes> DialogKeysPrompter::askNewKeystorePassphrase(const QString& path)
{
    return runPassphraseDialog(NewPassphraseDialog::forKeystore(path, m_parent));
}

UnsavedKeystoreDialog::Choice DialogKeysPrompter::askUnsaved(UnsavedKeystoreDialog::Situation situation,
                                                             const QString& path, const QString& reason)
{
    return UnsavedKeystoreDialog::ask(m_parent, situation, path, reason);
}

QString DialogKeysPrompter::askSaveAsPath(const QString& current)
{
    return QFileDialog::getSaveFileName(m_parent, tr("Save Keystore As"), current,
                                        tr("Keystores (*.jwe);;All files (*)"));
}

} // namespace jwtwb::ui
