#include "ExportKeyDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardItemModel>
#include <QVBoxLayout>

#include <array>

namespace jwtwb::ui {
namespace {

constexpr std::array kFormats{KeyExportFormat::PublicJwk,  KeyExportFormat::PublicJwks,
                              KeyExportFormat::PublicPem,  KeyExportFormat::PrivateJwk,
                              KeyExportFormat::PrivatePem, KeyExportFormat::PrivatePemEncrypted};

// A file name from the key's label: letters, digits, '-' and '_' only.
QString baseNameFor(const QString& label)
{
    QString name = label.trimmed().toLower();
    name.replace(QRegularExpression(QStringLiteral("[^\\w-]+")), QStringLiteral("-"));
    name.remove(QRegularExpression(QStringLiteral("^-+|-+$")));
    return name.isEmpty() ? QStringLiteral("key") : name;
}

} // namespace

ExportKeyDialog::ExportKeyDialog(const keys::Key& key, const QString& label, QWidget* parent)
    : QDialog(parent)
    , m_format(new QComboBox(this))
    , m_note(new QLabel(this))
    , m_path(new QLineEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
    , m_baseName(baseNameFor(label))
{
    setWindowTitle(tr("Export “%1” to a File").arg(label));
    m_format->setObjectName(QStringLiteral("exportFormat"));
    m_note->setObjectName(QStringLiteral("exportNote"));
    m_path->setObjectName(QStringLiteral("exportPath"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Export"));

    auto* model = new QStandardItemModel(m_format);
    for (const auto format : kFormats) {
        auto* item = new QStandardItem(formatTitle(format));
        if (!formatApplies(format, key)) {
            item->setEnabled(false);
            item->setToolTip(tr("A secret has only its private JWK form"));
        }
        model->appendRow(item);
    }
    m_format->setModel(model);
    m_note->setWordWrap(true);
    m_path->setMinimumWidth(m_path->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 48);
    auto* browse = new QPushButton(tr("&Browse…"), this);
    browse->setObjectName(QStringLiteral("browseExportFile"));
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);

    auto* form = new QFormLayout;
    form->addRow(tr("&Format:"), m_format);
    // A label with a buddy: addRow(text, layout) would show the '&' instead of a mnemonic.
    auto* pathLabel = new QLabel(tr("F&ile:"), this);
    pathLabel->setBuddy(m_path);
    form->addRow(pathLabel, pathRow);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_note);
    layout->addStretch();
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &ExportKeyDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(browse, &QPushButton::clicked, this, &ExportKeyDialog::browse);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportKeyDialog::formatChanged);
    connect(m_path, &QLineEdit::textChanged, this, [this](const QString& path) {
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!path.trimmed().isEmpty());
    });
    m_path->setText(QDir::home().filePath(m_baseName + QLatin1Char('.') + fileSuffix(format())));
    setFormat(key.type() == keys::KeyType::Oct ? KeyExportFormat::PrivateJwk : KeyExportFormat::PublicJwk);
    formatChanged();
}

KeyExportFormat ExportKeyDialog::format() const
{
    return kFormats.at(static_cast<std::size_t>(std::max(0, m_format->currentIndex())));
}

void ExportKeyDialog::setFormat(KeyExportFormat format)
{
    for (std::size_t i = 0; i < kFormats.size(); ++i) {
        if (kFormats.at(i) == format) {
            m_format->setCurrentIndex(static_cast<int>(i));
        }
    }
}

void ExportKeyDialog::setPath(const QString& path)
{
    m_path->setText(path);
}

ExportKeyDialog::Choice ExportKeyDialog::choice() const
{
    return {format(), m_path->text().trimmed()};
}

void ExportKeyDialog::formatChanged()
{
    const KeyExportFormat chosen = format();
    // The suggested name follows the format until the user picks another one.
    const QFileInfo info(m_path->text());
    for (const auto format : kFormats) {
        if (info.fileName() == m_baseName + QLatin1Char('.') + fileSuffix(format)) {
            m_path->setText(info.dir().filePath(m_baseName + QLatin1Char('.') + fileSuffix(chosen)));
            break;
        }
    }
    switch (chosen) {
    case KeyExportFormat::PrivatePemEncrypted:
        m_note->setText(tr("The private key, encrypted with a passphrase you choose next (PKCS#8, PBES2 with "
                           "AES-256). The file is readable only by you."));
        break;
    case KeyExportFormat::PrivateJwk:
    case KeyExportFormat::PrivatePem:
        m_note->setText(tr("The private key, unencrypted: anyone who reads the file has the key. The file is "
                           "readable only by you."));
        break;
    default: m_note->setText(tr("Public material only: safe to publish.")); break;
    }
}

void ExportKeyDialog::browse()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export to File"), m_path->text());
    if (!path.isEmpty()) {
        m_path->setText(path);
        m_confirmedPath = path;
    }
}

void ExportKeyDialog::accept()
{
    const QString path = choice().path;
    if (path.isEmpty()) {
        return;
    }
    if (path != m_confirmedPath && QFileInfo::exists(path)
        && QMessageBox::question(this, tr("Replace File"), tr("%1 exists. Replace it?").arg(path))
            != QMessageBox::Yes) {
        return;
    }
    QDialog::accept();
}

} // namespace jwtwb::ui
