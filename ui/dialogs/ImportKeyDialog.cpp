#include "ImportKeyDialog.h"

#include "support/Convert.h"
#include "widgets/SecretField.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace jwtwb::ui {

ImportKeyDialog::ImportKeyDialog(QWidget* parent)
    : QDialog(parent)
    , m_ways(new QTabWidget(this))
    , m_text(new QPlainTextEdit(this))
    , m_path(new QLineEdit(this))
    , m_secret(new SecretField(this))
    , m_label(new QLineEdit(this))
    , m_secretStatus(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Import Keys"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Import"));
    m_ways->setObjectName(QStringLiteral("importWays"));
    m_text->setObjectName(QStringLiteral("importText"));
    m_path->setObjectName(QStringLiteral("importPath"));
    m_label->setObjectName(QStringLiteral("secretLabel"));
    m_secretStatus->setObjectName(QStringLiteral("secretStatus"));

    auto* textPage = new QWidget(m_ways);
    auto* textLayout = new QVBoxLayout(textPage);
    auto* textHint = new QLabel(tr("Paste a JWK, a JWK Set or PEM (keys, certificates); an encrypted PEM asks "
                                   "for its passphrase."),
                                textPage);
    textHint->setWordWrap(true);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setPlaceholderText(QStringLiteral("-----BEGIN PUBLIC KEY-----…  {\"kty\": …}  {\"keys\": [ … ]}"));
    m_text->setTabChangesFocus(true);
    textLayout->addWidget(textHint);
    textLayout->addWidget(m_text, 1);

    auto* filePage = new QWidget(m_ways);
    auto* fileLayout = new QVBoxLayout(filePage);
    auto* fileHint = new QLabel(tr("A key file: PEM (also encrypted), DER, a certificate, a JWK or a JWK Set, "
                                   "at most 1\u00a0MiB."),
                                filePage);
    fileHint->setWordWrap(true);
    auto* browse = new QPushButton(tr("&Browse…"), filePage);
    browse->setObjectName(QStringLiteral("browseImportFile"));
    m_path->setPlaceholderText(tr("Path of the key file"));
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    fileLayout->addWidget(fileHint);
    fileLayout->addLayout(pathRow);
    fileLayout->addStretch();

    auto* secretPage = new QWidget(m_ways);
    auto* secretLayout = new QFormLayout(secretPage);
    auto* secretHint = new QLabel(tr("A shared secret for HMAC (HS256, HS384, HS512), in the encoding it is "
                                     "written in."),
                                  secretPage);
    secretHint->setWordWrap(true);
    m_label->setPlaceholderText(tr("e.g. webhook secret"));
    m_secretStatus->setWordWrap(true);
    m_secretStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    secretLayout->addRow(secretHint);
    secretLayout->addRow(tr("&Secret:"), m_secret);
    secretLayout->addRow(tr("&Label:"), m_label);
    secretLayout->addRow(m_secretStatus);

    m_ways->addTab(textPage, tr("&Paste"));
    m_ways->addTab(filePage, tr("&File"));
    m_ways->addTab(secretPage, tr("S&ecret"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_ways, 1);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(browse, &QPushButton::clicked, this, &ImportKeyDialog::browse);
    connect(m_ways, &QTabWidget::currentChanged, this, &ImportKeyDialog::updateState);
    connect(m_text, &QPlainTextEdit::textChanged, this, &ImportKeyDialog::updateState);
    connect(m_path, &QLineEdit::textChanged, this, &ImportKeyDialog::updateState);
    connect(m_secret, &SecretField::changed, this, &ImportKeyDialog::updateState);
    resize(560, 360);
    updateState();
}

ImportKeyDialog::~ImportKeyDialog()
{
    // What was pasted or typed may be private: do not leave it in the widgets' buffers longer.
    m_text->clear();
    m_secret->clear();
}

void ImportKeyDialog::setWay(Way way)
{
    m_ways->setCurrentIndex(static_cast<int>(way));
}

void ImportKeyDialog::setPath(const QString& path)
{
    m_path->setText(path);
    setWay(Way::File);
}

ImportKeyDialog::Request ImportKeyDialog::request() const
{
    Request request;
    request.way = static_cast<Way>(m_ways->currentIndex());
    switch (request.way) {
    case Way::Text: request.text = m_text->toPlainText(); break;
    case Way::File: request.path = m_path->text().trimmed(); break;
    case Way::Secret:
        request.text = m_secret->text();
        request.encoding = m_secret->encoding();
        request.label = m_label->text().trimmed();
        break;
    }
    return request;
}

void ImportKeyDialog::browse()
{
    const QString path
        = QFileDialog::getOpenFileName(this, tr("Open Key File"), QFileInfo(m_path->text()).path(),
                                       tr("Keys (*.pem *.crt *.cer *.der *.key *.json *.jwk *.jwks);;All files (*)"));
    if (!path.isEmpty()) {
        m_path->setText(path);
    }
}

void ImportKeyDialog::updateState()
{
    bool ready = false;
    switch (static_cast<Way>(m_ways->currentIndex())) {
    case Way::Text: ready = !m_text->toPlainText().trimmed().isEmpty(); break;
    case Way::File: ready = !m_path->text().trimmed().isEmpty(); break;
    case Way::Secret: {
        if (m_secret->isEmpty()) {
            m_secretStatus->setText(tr("Type the secret and say how it is written."));
        } else if (auto key = m_secret->key()) {
            ready = true;
            m_secretStatus->setText(tr("%1 (%2)").arg(toQString(key->describe()), m_secret->encodingText()));
        } else {
            m_secretStatus->setText(tr("The secret cannot be read: %1").arg(toSentence(key.error().message)));
        }
        break;
    }
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ready);
}

} // namespace jwtwb::ui
