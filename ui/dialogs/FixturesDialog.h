#pragma once

#include "fixtures/Fixtures.h"
#include "keys/Key.h"

#include <QDialog>

#include <chrono>
#include <functional>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace jwtwb::ui {

// "Export test tokens…": from a token or claims and a key, the tokens a correct verifier must
// accept or reject (core fixtures/Fixtures), listed with the reason, and written to a folder with
// manifest.json. Scriptable for tests: every step is a public slot, the confirmation a callback.
class FixturesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit FixturesDialog(QWidget* parent = nullptr);

    // A token (anything that holds one) or claims as JSON.
    void setSource(const QString& tokenOrClaims);
    // A key chosen elsewhere (e.g. the signer's): the key fields are hidden.
    void setKey(const keys::Key& key);
    // A private key file into the key box (binary DER as base64); false with the reason shown.
    bool loadKeyFile(const QString& path);
    // The verifier's "now"; without it, the clock when generating.
    void setNow(std::chrono::sys_seconds now);
    void setOutputFolder(const QString& folder);
    // Asked before writing into a folder that already holds files; by default a message box.
    void setReplaceConfirmation(std::function<bool(const QString& folder)> confirm);

    [[nodiscard]] const std::optional<fixtures::FixtureSet>& fixtures() const { return m_fixtures; }

public slots:
    // Makes the tokens and fills the list; false with the reason shown when the input is unusable.
    bool generate();
    // Writes the generated tokens; false when nothing was generated, the user declined or writing failed.
    bool writeFiles();

private:
    void chooseFolder();
    void openKeyFile();
    void showStatus(const QString& message, bool error);
    void fillList();
    void showDetail(QTreeWidgetItem* item);
    [[nodiscard]] std::optional<keys::Key> readKey();

    QPlainTextEdit* m_sourceEdit;
    QWidget* m_keyFields;
    QLabel* m_presetKeyLabel;
    QComboBox* m_keyKind;
    QStackedWidget* m_keyStack;
    QLineEdit* m_secretEdit;
    QPlainTextEdit* m_keyEdit;
    QLineEdit* m_issuerEdit;
    QLineEdit* m_audienceEdit;
    QSpinBox* m_leewaySpin;
    QLineEdit* m_folderEdit;
    QTreeWidget* m_list;
    QPlainTextEdit* m_detailView;
    QLabel* m_statusLabel;
    QPushButton* m_generateButton;
    QPushButton* m_writeButton;

    std::optional<keys::Key> m_presetKey;
    std::optional<std::chrono::sys_seconds> m_now;
    std::function<bool(const QString&)> m_confirmReplace;
    std::optional<fixtures::FixtureSet> m_fixtures;
};

} // namespace jwtwb::ui
