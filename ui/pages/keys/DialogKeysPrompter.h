#pragma once

#include "pages/keys/KeysPrompter.h"

#include <QCoreApplication>

class QWidget;

namespace jwtwb::ui {

// The Keys page's questions as modal dialogs over `parent`.
class DialogKeysPrompter final : public KeysPrompter
{
    Q_DECLARE_TR_FUNCTIONS(DialogKeysPrompter)

public:
    explicit DialogKeysPrompter(QWidget* parent);

    bool confirmDelete(const QString& label) override;
    std::optional<ImportKeyDialog::Request> askImport() override;
    std::optional<crypto::SecureBytes> askKeyPassphrase() override;
    bool confirmPrivateExport(const QString& label, bool second) override;
    std::optional<ExportKeyDialog::Choice> askExportFile(const keys::Key& key, const QString& label) override;
    std::optional<crypto::SecureBytes> askExportPassphrase(const QString& label) override;
    std::optional<crypto::SecureBytes> askNewKeystorePassphrase(const QString& path) override;
    UnsavedKeystoreDialog::Choice askUnsaved(UnsavedKeystoreDialog::Situation situation, const QString& path,
                                             const QString& reason) override;
    QString askSaveAsPath(const QString& current) override;

private:
    QWidget* m_parent;
};

} // namespace jwtwb::ui
