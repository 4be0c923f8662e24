#include "FixturesDialog.h"

#include "crypto/SecureBytes.h"
#include "fixtures/FixtureManifest.h"
#include "inspect/TokenExtractor.h"
#include "keys/KeyReader.h"
#include "support/Convert.h"
#include "support/FixtureFiles.h"
#include "support/KeyFile.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace jwtwb::ui {
namespace {

enum Column { FileColumn, ExpectColumn, ReasonColumn };
enum KeyKind { SecretKey, PrivateKey };

} // namespace

FixturesDialog::FixturesDialog(QWidget* parent)
    : QDialog(parent)
    , m_sourceEdit(new QPlainTextEdit(this))
    , m_keyFields(new QWidget(this))
    , m_presetKeyLabel(new QLabel(this))
    , m_keyKind(new QComboBox(this))
    , m_keyStack(new QStackedWidget(this))
    , m_secretEdit(new QLineEdit(this))
    , m_keyEdit(new QPlainTextEdit(this))
    , m_issuerEdit(new QLineEdit(this))
    , m_audienceEdit(new QLineEdit(this))
    , m_leewaySpin(new QSpinBox(this))
    , m_folderEdit(new QLineEdit(this))
    , m_list(new QTreeWidget(this))
    , m_detailView(new QPlainTextEdit(this))
    , m_statusLabel(new QLabel(this))
    , m_generateButton(new QPushButton(tr("&Generate"), this))
    , m_writeButton(new QPushButton(tr("&Write Files"), this))
{
    setWindowTitle(tr("Export Test Tokens"));
    setObjectName(QStringLiteral("fixturesDialog"));

    m_sourceEdit->setObjectName(QStringLiteral("sourceEdit"));
    m_sourceEdit->setPlaceholderText(tr("A token, or claims as a JSON object"));
    m_sourceEdit->setTabChangesFocus(true);
    m_sourceEdit->setFixedHeight(m_sourceEdit->fontMetrics().lineSpacing() * 4 + 12);

    m_keyKind->setObjectName(QStringLiteral("keyKindCombo"));
    m_keyKind->addItem(tr("HMAC secret (UTF-8 text)"));
    m_keyKind->addItem(tr("Private key (PEM or JWK)"));
    m_secretEdit->setObjectName(QStringLiteral("secretEdit"));
    m_secretEdit->setEchoMode(QLineEdit::Password);
    m_keyEdit->setObjectName(QStringLiteral("keyEdit"));
    m_keyEdit->setPlaceholderText(tr("-----BEGIN PRIVATE KEY----- … or a JWK with \"d\""));
    m_keyEdit->setTabChangesFocus(true);
    auto* openKey = new QPushButton(tr("Open…"), this);
    openKey->setObjectName(QStringLiteral("openKeyButton"));
    auto* keyFile = new QWidget(this);
    auto* keyFileLayout = new QHBoxLayout(keyFile);
    keyFileLayout->setContentsMargins(0, 0, 0, 0);
    keyFileLayout->addWidget(m_keyEdit, 1);
    keyFileLayout->addWidget(openKey, 0, Qt::AlignTop);
    m_keyStack->addWidget(m_secretEdit);
    m_keyStack->addWidget(keyFile);
    m_keyEdit->setFixedHeight(m_keyEdit->fontMetrics().lineSpacing() * 4 + 12);
    auto* keyLayout = new QVBoxLayout(m_keyFields);
    keyLayout->setContentsMargins(0, 0, 0, 0);
    keyLayout->addWidget(m_keyKind);
    keyLayout->addWidget(m_keyStack);
    m_presetKeyLabel->setObjectName(QStringLiteral("presetKeyLabel"));
    m_presetKeyLabel->hide();

    m_issuerEdit->setObjectName(QStringLiteral("issuerEdit"));
    m_issuerEdit->setPlaceholderText(tr("The claims' iss, else %1").arg(toQString(fixtures::kDefaultIssuer)));
    m_audienceEdit->setObjectName(QStringLiteral("audienceEdit"));
    m_audienceEdit->setPlaceholderText(tr("The claims' aud, else %1").arg(toQString(fixtures::kDefaultAudience)));
    m_leewaySpin->setObjectName(QStringLiteral("leewaySpin"));
    m_leewaySpin->setRange(0, 24 * 3600);
    m_leewaySpin->setValue(30);
    m_leewaySpin->setSuffix(tr(" s"));

    m_folderEdit->setObjectName(QStringLiteral("folderEdit"));
    auto* chooseFolder = new QPushButton(tr("Choose…"), this);
    chooseFolder->setObjectName(QStringLiteral("chooseFolderButton"));
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folderEdit, 1);
    folderRow->addWidget(chooseFolder);

    auto* form = new QFormLayout;
    form->addRow(tr("&Token or claims:"), m_sourceEdit);
    form->addRow(tr("&Key:"), m_keyFields);
    form->addRow(QString(), m_presetKeyLabel);
    form->addRow(tr("Expected &issuer:"), m_issuerEdit);
    form->addRow(tr("Expected &audience:"), m_audienceEdit);
    form->addRow(tr("&Leeway:"), m_leewaySpin);
    auto* folderLabel = new QLabel(tr("Output &folder:"), this);
    folderLabel->setBuddy(m_folderEdit);
    form->addRow(folderLabel, folderRow);

    m_list->setObjectName(QStringLiteral("fixtureList"));
    m_list->setHeaderLabels({tr("File"), tr("Verifier must"), tr("Why")});
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->setUniformRowHeights(true);
    m_list->header()->setStretchLastSection(true);
    m_detailView->setObjectName(QStringLiteral("detailView"));
    m_detailView->setReadOnly(true);
    m_detailView->setTabChangesFocus(true);
    m_detailView->setFixedHeight(m_detailView->fontMetrics().lineSpacing() * 5 + 12);
    m_detailView->setPlaceholderText(tr("Select a token to see why, and the token itself."));

    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_generateButton->setObjectName(QStringLiteral("generateButton"));
    m_writeButton->setObjectName(QStringLiteral("writeButton"));
    m_writeButton->setEnabled(false);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_generateButton, QDialogButtonBox::ActionRole);
    buttons->addButton(m_writeButton, QDialogButtonBox::ActionRole);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_detailView);
    layout->addWidget(m_statusLabel);
    layout->addWidget(buttons);
    resize(900, 640);

    connect(m_keyKind, &QComboBox::currentIndexChanged, m_keyStack, &QStackedWidget::setCurrentIndex);
    // The stack as tall as the page shown: a one-line secret field, or the key text.
    const auto fitKeyStack = [this] { m_keyStack->setFixedHeight(m_keyStack->currentWidget()->sizeHint().height()); };
    connect(m_keyStack, &QStackedWidget::currentChanged, this, fitKeyStack);
    fitKeyStack();
    connect(m_list, &QTreeWidget::currentItemChanged, this, &FixturesDialog::showDetail);
    connect(openKey, &QPushButton::clicked, this, &FixturesDialog::openKeyFile);
    connect(chooseFolder, &QPushButton::clicked, this, &FixturesDialog::chooseFolder);
    connect(m_generateButton, &QPushButton::clicked, this, &FixturesDialog::generate);
    connect(m_writeButton, &QPushButton::clicked, this, &FixturesDialog::writeFiles);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_confirmReplace = [this](const QString& folder) {
        return QMessageBox::question(this, tr("Folder Not Empty"),
                                     tr("%1 already holds files. Write the test tokens into it? Test tokens and a "
                                        "manifest from an earlier export are replaced; other files stay.")
                                         .arg(QDir::toNativeSeparators(folder)))
            == QMessageBox::Yes;
    };
}

void FixturesDialog::setSource(const QString& tokenOrClaims)
{
    m_sourceEdit->setPlainText(tokenOrClaims);
}

void FixturesDialog::setKey(const keys::Key& key)
{
    m_presetKey = key;
    m_keyFields->hide();
    m_presetKeyLabel->setText(tr("The key given: %1").arg(toQString(key.describe())));
    m_presetKeyLabel->show();
}

void FixturesDialog::setNow(std::chrono::sys_seconds now)
{
    m_now = now;
}

void FixturesDialog::setOutputFolder(const QString& folder)
{
    m_folderEdit->setText(folder);
}

void FixturesDialog::setReplaceConfirmation(std::function<bool(const QString&)> confirm)
{
    m_confirmReplace = std::move(confirm);
}

void FixturesDialog::showStatus(const QString& message, bool error)
{
    QPalette palette = m_statusLabel->palette();
    palette.setColor(QPalette::WindowText,
                     error ? QColor(0xc0, 0x1c, 0x28) : qApp->palette().color(QPalette::WindowText));
    m_statusLabel->setPalette(palette);
    m_statusLabel->setText(message);
}

std::optional<keys::Key> FixturesDialog::readKey()
{
    if (m_presetKey) {
        return m_presetKey;
    }
    std::string text
        = toStdString(m_keyKind->currentIndex() == SecretKey ? m_secretEdit->text() : m_keyEdit->toPlainText());
    keys::KeyReadOptions options;
    if (m_keyKind->currentIndex() == SecretKey) {
        options.secretEncoding = keys::SecretEncoding::Utf8;
    }
    auto reading = keys::readKeys(text, options);
    Result<keys::Key> key
        = reading ? Result<keys::Key>(std::move(reading->keys.front())) : std::unexpected(std::move(reading.error()));
    crypto::wipe(text);
    if (!key) {
        showStatus(tr("The key: %1").arg(toQString(key.error().message)), true);
        return std::nullopt;
    }
    return *key;
}

bool FixturesDialog::generate()
{
    m_fixtures.reset();
    m_list->clear();
    m_detailView->clear();
    m_writeButton->setEnabled(false);
    const QString source = m_sourceEdit->toPlainText().trimmed();
    if (source.isEmpty()) {
        showStatus(tr("Paste a token or claims to start from."), true);
        return false;
    }
    const auto key = readKey();
    if (!key) {
        return false;
    }
    fixtures::FixtureOptions options;
    options.now = m_now.value_or(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
    options.issuer = toStdString(m_issuerEdit->text().trimmed());
    options.audience = toStdString(m_audienceEdit->text().trimmed());
    options.leeway = std::chrono::seconds(m_leewaySpin->value());

    // A throwaway RSA key takes a moment to generate.
    QApplication::setOverrideCursor(Qt::WaitCursor);
    Result<fixtures::FixtureSet> set = fail(Errc::EmptyInput, "");
    const std::string text = toStdString(source);
    if (source.startsWith(QLatin1Char('{'))) {
        set = fixtures::generateFixtures(text, *key, options);
    } else if (auto extracted = inspect::extractToken(text)) {
        set = fixtures::generateFixturesFromToken(extracted->token, *key, options);
    } else {
        set = std::unexpected(extracted.error());
    }
    QApplication::restoreOverrideCursor();
    if (!set) {
        showStatus(toQString(set.error().message), true);
        return false;
    }
    m_fixtures = std::move(*set);
    fillList();
    m_writeButton->setEnabled(true);
    const auto accepted
        = std::ranges::count(m_fixtures->fixtures, fixtures::Expectation::Accept, &fixtures::Fixture::expect);
    showStatus(tr("%1 tokens: %2 must be accepted, %3 rejected by a verifier that allows %4, expects iss %5 and aud "
                  "%6, with %7 s leeway.")
                   .arg(m_fixtures->fixtures.size())
                   .arg(accepted)
                   .arg(static_cast<qsizetype>(m_fixtures->fixtures.size()) - accepted)
                   .arg(toQString(jose::algorithmName(m_fixtures->verifier.algorithm)),
                        toQString(m_fixtures->verifier.issuer), toQString(m_fixtures->verifier.audience))
                   .arg(m_fixtures->verifier.leeway.count()),
               false);
    return true;
}

void FixturesDialog::showDetail(QTreeWidgetItem* item)
{
    const int index = item ? m_list->indexOfTopLevelItem(item) : -1;
    if (!m_fixtures || index < 0) {
        m_detailView->clear();
        return;
    }
    const auto fixtureCount = static_cast<int>(m_fixtures->fixtures.size());
    if (index >= fixtureCount) {
        m_detailView->setPlainText(
            toQString(m_fixtures->skipped[static_cast<std::size_t>(index - fixtureCount)].reason));
        return;
    }
    const auto& fixture = m_fixtures->fixtures[static_cast<std::size_t>(index)];
    m_detailView->setPlainText(toQString(fixture.reason) + QStringLiteral("\n\n") + toQString(fixture.token));
}

void FixturesDialog::fillList()
{
    const QColor accept(0x26, 0xa2, 0x69);
    const QColor reject(0xc0, 0x1c, 0x28);
    for (const auto& fixture : m_fixtures->fixtures) {
        auto* item = new QTreeWidgetItem(m_list);
        const bool accepted = fixture.expect == fixtures::Expectation::Accept;
        item->setText(FileColumn, toQString(fixtures::fixtureFileName(fixture)));
        item->setText(ExpectColumn, accepted ? tr("accept") : tr("reject"));
        item->setForeground(ExpectColumn, accepted ? accept : reject);
        item->setText(ReasonColumn, toQString(fixture.reason));
        item->setToolTip(ReasonColumn, toQString(fixture.reason));
    }
    for (const auto& skipped : m_fixtures->skipped) {
        auto* item = new QTreeWidgetItem(m_list);
        item->setText(FileColumn, toQString(fixtures::fixtureKindInfo(skipped.kind).name));
        item->setText(ExpectColumn, tr("skipped"));
        item->setText(ReasonColumn, toQString(skipped.reason));
        item->setToolTip(ReasonColumn, toQString(skipped.reason));
        const QColor grey = m_list->palette().color(QPalette::Disabled, QPalette::Text);
        for (const int column : {FileColumn, ExpectColumn, ReasonColumn}) {
            item->setForeground(column, grey);
        }
    }
    m_list->resizeColumnToContents(FileColumn);
    m_list->resizeColumnToContents(ExpectColumn);
}

bool FixturesDialog::writeFiles()
{
    if (!m_fixtures) {
        showStatus(tr("Generate the tokens first."), true);
        return false;
    }
    const QString folder = m_folderEdit->text().trimmed();
    if (folder.isEmpty()) {
        showStatus(tr("Choose the folder to write the tokens into."), true);
        return false;
    }
    if (folderHasEntries(folder) && !(m_confirmReplace && m_confirmReplace(folder))) {
        showStatus(tr("Nothing written: %1 already holds files.").arg(QDir::toNativeSeparators(folder)), true);
        return false;
    }
    if (const QString error = writeFixtureFiles(folder, *m_fixtures); !error.isEmpty()) {
        showStatus(error, true);
        return false;
    }
    showStatus(tr("Wrote %1 tokens and %2 to %3.")
                   .arg(m_fixtures->fixtures.size())
                   .arg(toQString(fixtures::kManifestFileName), QDir::toNativeSeparators(folder)),
               false);
    return true;
}

void FixturesDialog::chooseFolder()
{
    const QString folder
        = QFileDialog::getExistingDirectory(this, tr("Folder for the Test Tokens"), m_folderEdit->text());
    if (!folder.isEmpty()) {
        m_folderEdit->setText(folder);
    }
}

void FixturesDialog::openKeyFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Private Key"), QString(),
                                                      tr("Keys (*.pem *.key *.jwk *.json);;All files (*)"));
    if (path.isEmpty()) {
        return;
    }
    loadKeyFile(path);
}

bool FixturesDialog::loadKeyFile(const QString& path)
{
    QString error;
    const auto text = readKeyFileAsText(path, &error);
    if (!text) {
        showStatus(error, true);
        return false;
    }
    m_keyKind->setCurrentIndex(PrivateKey);
    m_keyEdit->setPlainText(*text);
    return true;
}

} // namespace jwtwb::ui
