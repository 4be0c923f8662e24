#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>

namespace jwtwb::ui {

// Copies text to the system clipboard. Secrets, private keys and tokens (which are credentials)
// are marked with KDE's password-manager hint, so clipboard managers such as Klipper do not keep
// them in their history, and are cleared again after a while unless the user copied something
// else meanwhile; they are also cleared when the application quits.
class Clipboard : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::seconds kDefaultClearDelay{30};

    explicit Clipboard(QObject* parent = nullptr);
    ~Clipboard() override;

    // The application's one clipboard helper (owned by the QApplication).
    [[nodiscard]] static Clipboard* instance();

    void copyText(const QString& text);
    void copySecret(const QString& text);

    void setClearDelay(std::chrono::milliseconds delay);
    [[nodiscard]] bool secretPending() const { return m_timer.isActive(); }

public slots:
    // Clears the clipboard now if it still holds the secret this helper put there.
    void clearSecret();

signals:
    void secretCleared();

private:
    QTimer m_timer;
    QByteArray m_secretDigest; // SHA-256 of the secret we copied, empty when none is pending
};

} // namespace jwtwb::ui
