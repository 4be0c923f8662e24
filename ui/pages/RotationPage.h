#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace jwtwb::ui {

class KeystoreSession;
class RotationRehearsal;
class VerificationTime;
enum class KeyState;

// Key-rotation rehearsal: the key set verifiers use today, what happens to each key (kept, retired,
// removed) and the keys added, and for every pasted token which key verifies it before and after
// the change, or why none does. Core rehearses (rotation::rehearseRotation); this page is layout.
class RotationPage : public QWidget
{
    Q_OBJECT

public:
    explicit RotationPage(QWidget* parent = nullptr);

    void setKeystoreSession(KeystoreSession* session); // not owned
    // The window's verification time (the decoder's "Verify at"): the rotation happens then.
    void shareVerificationTime(VerificationTime* time);

    [[nodiscard]] RotationRehearsal* rehearsal() const { return m_rehearsal; }
    [[nodiscard]] QPlainTextEdit* keyText() const { return m_keyText; }
    [[nodiscard]] QPlainTextEdit* tokenText() const { return m_tokenText; }
    [[nodiscard]] QTableView* keyTable() const { return m_keyTable; }
    [[nodiscard]] QTableView* tokenTable() const { return m_tokenTable; }
    [[nodiscard]] QString summary() const;
    [[nodiscard]] QString keyMessage() const;

    // Adds keys for the new set only; false with the message shown when the text holds none.
    bool addKeys(const QString& text);
    void setKeyState(int row, KeyState state);
    // The new set (public keys only) as JSON text, or empty with the message shown.
    [[nodiscard]] QString newSetJson();
    // Writes newSetJson() to `path` (QSaveFile); false with the message shown.
    [[nodiscard]] bool exportNewSet(const QString& path);
    // Fills in the prepared example: three keys, one retired and one removed, one added, eight tokens.
    void loadExample();
    // Rehearses now instead of after the short pause that gathers typing.
    void rehearseNow();

signals:
    void keystoreUnlockRequested();
    void statusMessage(const QString& message);

private:
    void readCurrentKeys();
    void takeKeystoreKeys();
    void addKeysDialog();
    void addKeyFile();
    void exportDialog();
    void copyNewSet();
    void applyToSelection(KeyState state);
    void showMessage(QLabel* label, const QString& text, bool error);
    void showAsError(QLabel* label, bool error);
    void schedule();

    RotationRehearsal* m_rehearsal;
    KeystoreSession* m_keystore = nullptr;
    VerificationTime* m_time;
    QTimer* m_debounce;
    bool m_keysDirty = false; // the key text changed since it was last read
    bool m_tokensDirty = false;
    QPlainTextEdit* m_keyText;
    QPushButton* m_fromKeystore;
    QPushButton* m_addKeys;
    QPushButton* m_addKeyFile;
    QLabel* m_keyMessage;
    QTableView* m_keyTable;
    QPushButton* m_keep;
    QPushButton* m_retire;
    QPushButton* m_remove;
    QPlainTextEdit* m_tokenText;
    QCheckBox* m_allowWeakKeys;
    QPushButton* m_example;
    QLabel* m_tokenMessage;
    QLabel* m_summary;
    QLabel* m_retiredSummary;
    QTableView* m_tokenTable;
    QPushButton* m_export;
    QPushButton* m_copy;
    QLabel* m_exportMessage;
};

} // namespace jwtwb::ui
