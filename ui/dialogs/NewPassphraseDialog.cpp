#include "NewPassphraseDialog.h"

#include "widgets/NewPassphraseFields.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace jwtwb::ui {

NewPassphraseDialog::NewPassphraseDialog(const QString& title, const QString& intro, QWidget* parent)
    : QDialog(parent)
    , m_fields(new NewPassphraseFields(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(title);
    auto* introLabel = new QLabel(intro, this);
    introLabel->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(introLabel);
    layout->addWidget(m_fields);
    layout->addStretch();
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_fields, &NewPassphraseFields::submitted, this, &QDialog::accept);
    const auto update = [this] { m_buttons->button(QDialogButtonBox::Ok)->setEnabled(isAcceptable()); };
    connect(m_fields, &NewPassphraseFields::changed, this, update);
    update();
}

NewPassphraseDialog* NewPassphraseDialog::forExport(const QString& label, QWidget* parent)
{
    return new NewPassphraseDialog(tr("Passphrase for the Exported Key"),
                                   tr("The private key of “%1” is written encrypted with this passphrase. Whoever "
                                      "opens the file needs it; it is not stored anywhere.")
                                       .arg(label),
                                   parent);
}

NewPassphraseDialog* NewPassphraseDialog::forKeystore(const QString& path, QWidget* parent)
{
    return new NewPassphraseDialog(tr("Change the Keystore Passphrase"),
                                   tr("The keystore %1 is encrypted again with the new passphrase. Nobody can "
                                      "recover it if it is forgotten: the keys would be lost.")
                                       .arg(path),
                                   parent);
}

bool NewPassphraseDialog::isAcceptable() const
{
    return m_fields->isComplete();
}

crypto::SecureBytes NewPassphraseDialog::takePassphrase()
{
    return m_fields->takePassphrase();
}

} // namespace jwtwb::ui
