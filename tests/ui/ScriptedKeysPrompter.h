#pragma once

#include "pages/KeysPage.h"
#include "pages/keys/KeysPrompter.h"
#include "pages/keys/KeystoreActions.h"

#include "pages/keys/KeystoreLockedView.h"

#include <QLineEdit>
#include <QPushButton>
#include <QTest>

#include <functional>
#include <memory>

namespace jwtwb::test {

// The Keys page's questions answered by the test. Unset answers decline or cancel, so that no test
// ever waits on a modal dialog.
class ScriptedKeysPrompter final : public ui::KeysPrompter
{
public:
    using UnsavedPrompt = std::function<ui::UnsavedKeystoreDialog::Choice(ui::UnsavedKeystoreDialog::Situation,
                                                                          const QString& path, const QString& reason)>;

    void setDeleteConfirmation(std::function<bool(const QString& label)> answer) { m_delete = std::move(answer); }
    void setImportPrompt(std::function<std::optional<ui::ImportKeyDialog::Request>()> answer)
    {
        m_import = std::move(answer);
    }
    // An import of pasted text.
    void setImportTextPrompt(std::function<std::optional<QString>()> answer)
    {
        m_import = [answer = std::move(answer)]() -> std::optional<ui::ImportKeyDialog::Request> {
            const auto text = answer();
            if (!text) {
                return std::nullopt;
            }
            ui::ImportKeyDialog::Request request;
            request.text = *text;
            return request;
        };
    }
    // The passphrase of an encrypted key being imported.
    void setPassphrasePrompt(std::function<std::optional<QString>()> answer) { m_keyPassphrase = std::move(answer); }
    void setPrivateExportConfirmation(std::function<bool(const QString& label, bool second)> answer)
    {
        m_privateExport = std::move(answer);
    }
    void setExportFilePrompt(
        std::function<std::optional<ui::ExportKeyDialog::Choice>(const keys::Key& key, const QString& label)> answer)
    {
        m_exportFile = std::move(answer);
    }
    void setExportPassphrasePrompt(std::function<std::optional<QString>(const QString& label)> answer)
    {
        m_exportPassphrase = std::move(answer);
    }
    void setNewKeystorePassphrasePrompt(std::function<std::optional<QString>(const QString& path)> answer)
    {
        m_newPassphrase = std::move(answer);
    }
    void setUnsavedPrompt(UnsavedPrompt answer) { m_unsaved = std::move(answer); }
    void setSaveAsPrompt(std::function<QString()> answer) { m_saveAs = std::move(answer); }

    bool confirmDelete(const QString& label) override { return m_delete && m_delete(label); }
    std::optional<ui::ImportKeyDialog::Request> askImport() override { return m_import ? m_import() : std::nullopt; }
    std::optional<crypto::SecureBytes> askKeyPassphrase() override
    {
        return secure(m_keyPassphrase ? m_keyPassphrase() : std::nullopt);
    }
    bool confirmPrivateExport(const QString& label, bool second) override
    {
        return m_privateExport && m_privateExport(label, second);
    }
    std::optional<ui::ExportKeyDialog::Choice> askExportFile(const keys::Key& key, const QString& label) override
    {
        return m_exportFile ? m_exportFile(key, label) : std::nullopt;
    }
    std::optional<crypto::SecureBytes> askExportPassphrase(const QString& label) override
    {
        return secure(m_exportPassphrase ? m_exportPassphrase(label) : std::nullopt);
    }
    std::optional<crypto::SecureBytes> askNewKeystorePassphrase(const QString& path) override
    {
        return secure(m_newPassphrase ? m_newPassphrase(path) : std::nullopt);
    }
    ui::UnsavedKeystoreDialog::Choice askUnsaved(ui::UnsavedKeystoreDialog::Situation situation, const QString& path,
                                                 const QString& reason) override
    {
        return m_unsaved ? m_unsaved(situation, path, reason) : ui::UnsavedKeystoreDialog::Choice::Keep;
    }
    QString askSaveAsPath(const QString&) override { return m_saveAs ? m_saveAs() : QString(); }

private:
    static std::optional<crypto::SecureBytes> secure(const std::optional<QString>& text)
    {
        if (!text) {
            return std::nullopt;
        }
        return crypto::SecureBytes(std::string_view(text->toStdString()));
    }

    std::function<bool(const QString&)> m_delete;
    std::function<std::optional<ui::ImportKeyDialog::Request>()> m_import;
    std::function<std::optional<QString>()> m_keyPassphrase;
    std::function<bool(const QString&, bool)> m_privateExport;
    std::function<std::optional<ui::ExportKeyDialog::Choice>(const keys::Key&, const QString&)> m_exportFile;
    std::function<std::optional<QString>(const QString&)> m_exportPassphrase;
    std::function<std::optional<QString>(const QString&)> m_newPassphrase;
    UnsavedPrompt m_unsaved;
    std::function<QString()> m_saveAs;
};

// The page's scripted prompter, installed on first use.
inline ScriptedKeysPrompter* scripted(ui::KeysPage& page)
{
    if (auto* script = dynamic_cast<ScriptedKeysPrompter*>(page.prompter())) {
        return script;
    }
    auto script = std::make_unique<ScriptedKeysPrompter>();
    ScriptedKeysPrompter* raw = script.get();
    page.setPrompter(std::move(script));
    return raw;
}

// Types the passphrase as a user would: into the unlock field, or, when there is no keystore yet,
// twice into the create form; then waits until the pool thread has opened (or refused) it. True
// when the page is unlocked.
inline bool unlockAsUser(ui::KeysPage& page, const QString& passphrase)
{
    auto* view = page.findChild<ui::KeystoreLockedView*>();
    if (view == nullptr) {
        return false;
    }
    if (view->isCreating()) {
        auto* first = page.findChild<QLineEdit*>(QStringLiteral("newPassphrase"));
        auto* again = page.findChild<QLineEdit*>(QStringLiteral("newPassphraseAgain"));
        QTest::keyClicks(first, passphrase);
        QTest::keyClicks(again, passphrase);
        QTest::keyClick(again, Qt::Key_Return);
    } else {
        auto* edit = page.findChild<QLineEdit*>(QStringLiteral("passphrase"));
        QTest::keyClicks(edit, passphrase);
        QTest::keyClick(edit, Qt::Key_Return);
    }
    (void)QTest::qWaitFor([view] { return !view->isBusy(); }, 30000);
    return page.isUnlocked();
}

} // namespace jwtwb::test
