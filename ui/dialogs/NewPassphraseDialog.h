#pragma once

#include "crypto/SecureBytes.h"

#include <QDialog>
#include <QString>

class QDialogButtonBox;

namespace jwtwb::ui {

class NewPassphraseFields;

// A new passphrase, for an exported private key or for the keystore: typed twice, hidden, with its
// strength; OK only when both entries are the same and not empty.
class NewPassphraseDialog : public QDialog
{
    Q_OBJECT

public:
    NewPassphraseDialog(const QString& title, const QString& intro, QWidget* parent = nullptr);

    // For an exported private key: the intro names the key.
    [[nodiscard]] static NewPassphraseDialog* forExport(const QString& label, QWidget* parent);
    // For the keystore at `path`.
    [[nodiscard]] static NewPassphraseDialog* forKeystore(const QString& path, QWidget* parent);

    [[nodiscard]] bool isAcceptable() const;
    // The passphrase once accepted; the fields are cleared.
    [[nodiscard]] crypto::SecureBytes takePassphrase();

private:
    NewPassphraseFields* m_fields;
    QDialogButtonBox* m_buttons;
};

} // namespace jwtwb::ui
