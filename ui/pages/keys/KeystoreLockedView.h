#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace jwtwb::ui {

class KeystoreSession;
class NewPassphraseFields;

// The Keys page while the keystore is locked. With a keystore file: its passphrase and Unlock.
// Without one yet: a new passphrase, typed twice, with its strength, and Create. Unlocking runs on a
// pool thread (PBKDF2 at 600 000 iterations) behind a busy indicator; the window stays responsive.
class KeystoreLockedView : public QWidget
{
    Q_OBJECT

public:
    explicit KeystoreLockedView(KeystoreSession* session, QWidget* parent = nullptr);

    // Shows the unlock or the create form, as the file is there or not.
    void refresh();
    [[nodiscard]] bool isCreating() const;
    [[nodiscard]] bool isBusy() const;
    // The field that takes the focus when the page is shown.
    [[nodiscard]] QWidget* firstField() const;

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void unlock();
    void create();
    void setBusy(bool busy);
    void finished(const QString& error);

    KeystoreSession* m_session;
    QLabel* m_message;
    QWidget* m_unlockForm;
    QWidget* m_createForm;
    QLineEdit* m_passphrase;
    QPushButton* m_unlock;
    NewPassphraseFields* m_newPassphrase;
    QPushButton* m_create;
    QProgressBar* m_busy;
    QLabel* m_error;
};

} // namespace jwtwb::ui
