#include "ExportPassphraseDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace jwtwb::ui {

ExportPassphraseDialog::ExportPassphraseDialog(const QString& label, QWidget* parent)
    : QDialog(parent)
    , m_first(new QLineEdit(this))
    , m_second(new QLineEdit(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Passphrase for the Exported Key"));
    m_first->setObjectName(QStringLiteral("exportPassphrase"));
    m_second->setObjectName(QStringLiteral("exportPassphraseAgain"));
    m_problem->setObjectName(QStringLiteral("passphraseProblem"));
    for (QLineEdit* edit : {m_first, m_second}) {
        edit->setEchoMode(QLineEdit::Password);
        edit->setAttribute(Qt::WA_InputMethodEnabled, false);
        connect(edit, &QLineEdit::textChanged, this, &ExportPassphraseDialog::updateState);
    }
    m_first->setMinimumWidth(m_first->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 32);
    auto* intro = new QLabel(tr("The private key of “%1” is written encrypted with this passphrase. Whoever "
                                "opens the file needs it; it is not stored anywhere.")
                                 .arg(label),
                             this);
    intro->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(tr("&Passphrase:"), m_first);
    form->addRow(tr("&Again:"), m_second);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addStretch();
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateState();
}

ExportPassphraseDialog::~ExportPassphraseDialog()
{
    m_first->clear();
    m_second->clear();
}

QString ExportPassphraseDialog::passphrase() const
{
    return m_first->text();
}

bool ExportPassphraseDialog::isAcceptable() const
{
    return !m_first->text().isEmpty() && m_first->text() == m_second->text();
}

void ExportPassphraseDialog::updateState()
{
    if (m_first->text().isEmpty()) {
        m_problem->setText(tr("Choose a passphrase."));
    } else if (m_first->text() != m_second->text()) {
        m_problem->setText(m_second->text().isEmpty() ? tr("Type it again.") : tr("The two entries differ."));
    } else {
        m_problem->setText(tr("The entries match."));
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(isAcceptable());
}

} // namespace jwtwb::ui
