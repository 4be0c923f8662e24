#include "KeysPage.h"

#include "dialogs/ExportPassphraseDialog.h"
#include "encoding/Base64Url.h"
#include "encoding/Utf8.h"
#include "io/AtomicFile.h"
#include "jose/Algorithm.h"
#include "jose/KeyAlgorithmCheck.h"
#include "keys/KeyExport.h"
#include "keys/KeyImport.h"
#include "keys/Keystore.h"
#include "keys/Thumbprint.h"
#include "models/KeyListModel.h"
#include "support/Clipboard.h"
#include "support/Clock.h"
#include "support/Convert.h"
#include "support/KeyFile.h"
#include "support/KeyGenerationTask.h"
#include "support/KeystoreSession.h"
#include "support/TabOrder.h"
#include "widgets/JsonView.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTabWidget>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <array>

namespace jwtwb::ui {
namespace {

struct GenerateChoice {
    const char* label;
    keys::KeySpec spec;
};

const std::array kGenerateChoices{
    GenerateChoice{QT_TRANSLATE_NOOP("KeysPage", "EC P-256 (ES256)"), {keys::KeyType::Ec, 0, keys::Curve::P256}},
    GenerateChoice{QT_TRANSLATE_NOOP("KeysPage", "EC P-384 (ES384)"), {keys::KeyType::Ec, 0, keys::Curve::P384}},
    GenerateChoice{QT_TRANSLATE_NOOP("KeysPage", "EC P-521 (ES512)"), {keys::KeyType::Ec, 0, keys::Curve::P521}},
    GenerateChoice{QT_TRANSLATE_NOOP("KeysPage", "EC secp256k1 (ES256K)"),
                   {keys::KeyType::Ec, 0, keys::Curve::Secp256k1}},
    GenerateChoice{QT_TRANSLATE_NOOP("KeysPage", "Ed25519 (EdDSA)"), {keys::KeyType::Okp, 0, keys::Curve::Ed25519}},
    GenerateChoice{QT_TRANSLATE_NOOP("KeysPage", "Ed448 (EdDSA)"), {keys::KeyType::Okp, 0, keys::Curve::Ed448}},
    GenerateChoice{QT_TRANSLATE_NOOP("KeysPage", "RSA 2048 bits"), {keys::KeyType::Rsa, 2048}},
    GenerateChoice{QT_TRANSLATE_NOOP("KeysPage", "RSA 3072 bits"), {keys::KeyType::Rsa, 3072}},
    GenerateChoice{QT_TRANSLATE_NOOP("KeysPage", "RSA 4096 bits"), {keys::KeyType::Rsa, 4096}},
    GenerateChoice{QT_TRANSLATE_NOOP("KeysPage", "HMAC secret, 256 bits (HS256)"), {keys::KeyType::Oct, 256}},
    GenerateChoice{QT_TRANSLATE_NOOP("KeysPage", "HMAC secret, 384 bits (HS384)"), {keys::KeyType::Oct, 384}},
    GenerateChoice{QT_TRANSLATE_NOOP("KeysPage", "HMAC secret, 512 bits (HS512)"), {keys::KeyType::Oct, 512}},
};

std::string createdNow()
{
    return toStdString(Clock::now().toString(Qt::ISODate));
}

std::vector<std::string> parseTags(const QString& text)
{
    std::vector<std::string> tags;
    for (const QString& tag : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!tag.trimmed().isEmpty()) {
            tags.push_back(toStdString(tag.trimmed()));
        }
    }
    return tags;
}

QString joinTags(const std::vector<std::string>& tags)
{
    QStringList list;
    for (const auto& tag : tags) {
        list << toQString(tag);
    }
    return list.join(QStringLiteral(", "));
}

// Type and size, the RFC 7638 thumbprint and its RFC 9278 URI, and the algorithms the key serves.
QString describeKey(const keys::Key& key)
{
    QStringList lines{toQString(key.describe())};
    if (auto print = keys::thumbprint(key)) {
        lines << KeysPage::tr("JWK thumbprint (SHA-256): %1").arg(toQString(encoding::base64UrlEncode(*print)));
    }
    if (auto uri = keys::thumbprintUri(key)) {
        lines << KeysPage::tr("Thumbprint URI: %1").arg(toQString(*uri));
    }
    const auto purpose = key.hasPrivate() ? jose::KeyPurpose::Sign : jose::KeyPurpose::Verify;
    QStringList algorithms;
    for (const auto alg : jose::algorithmsForKey(key, purpose)) {
        algorithms << toQString(jose::algorithmName(alg));
    }
    lines << (key.hasPrivate() ? KeysPage::tr("Signs and verifies: %1") : KeysPage::tr("Verifies: %1"))
                 .arg(algorithms.isEmpty() ? KeysPage::tr("no JWS algorithm") : algorithms.join(QStringLiteral(", ")));
    return lines.join(QLatin1Char('\n'));
}

} // namespace

KeysPage::KeysPage(QString keystorePath, keys::KeystoreOptions options, QWidget* parent)
    : KeysPage(new KeystoreSession(std::move(keystorePath), options), parent)
{
    m_session->setParent(this);
}

KeysPage::KeysPage(KeystoreSession* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new KeyListModel(this))
    , m_filter(new QSortFilterProxyModel(this))
    , m_stack(new QStackedWidget(this))
    , m_lockedLabel(new QLabel(this))
    , m_passphraseEdit(new QLineEdit(this))
    , m_unlockButton(new QPushButton(tr("&Unlock"), this))
    , m_errorLabel(new QLabel(this))
    , m_filterEdit(new QLineEdit(this))
    , m_view(new QTreeView(this))
    , m_details(new JsonView(this))
    , m_thumbprintLabel(new QLabel(this))
    , m_publicPem(new QPlainTextEdit(this))
    , m_lockButton(new QPushButton(tr("&Lock"), this))
    , m_unsavedBar(new QWidget(this))
    , m_unsavedLabel(new QLabel(m_unsavedBar))
    , m_generateKind(new QComboBox(this))
    , m_busy(new QProgressBar(this))
    , m_cancelGenerate(new QPushButton(tr("Cancel"), this))
    , m_generateAction(new QAction(tr("&Generate"), this))
    , m_importAction(new QAction(tr("&Import…"), this))
    , m_deleteAction(new QAction(tr("&Delete…"), this))
    , m_undoAction(new QAction(tr("&Undo Delete"), this))
    , m_exportAction(new QAction(tr("E&xport"), this))
    , m_labelEdit(new QLineEdit(this))
    , m_tagsEdit(new QLineEdit(this))
    , m_notesEdit(new QPlainTextEdit(this))
    , m_applyMetadata(new QPushButton(tr("Save &Details"), this))
    , m_generation(new KeyGenerationTask(this))
    , m_confirmDelete([this](const QString& label) {
        return QMessageBox::question(
                   this, tr("Delete Key"),
                   tr("Delete the key “%1” from the keystore? (Undo Delete brings it back.)").arg(label))
            == QMessageBox::Yes;
    })
    , m_importPrompt([this]() -> std::optional<ImportKeyDialog::Request> {
        ImportKeyDialog dialog(this);
        return dialog.exec() == QDialog::Accepted ? std::optional(dialog.request()) : std::nullopt;
    })
    , m_passphrasePrompt([this]() -> std::optional<QString> {
        bool ok = false;
        QString text = QInputDialog::getText(this, tr("Encrypted Key"), tr("Passphrase of the private key:"),
                                             QLineEdit::Password, {}, &ok);
        return ok ? std::optional(text) : std::nullopt;
    })
    , m_confirmPrivateExport([this](const QString& label, bool second) {
        const QString text = second ? tr("“%1” is tagged production. Export its private key anyway?").arg(label)
                                    : tr("Export the private key of “%1”? Whoever gets it can sign as you.").arg(label);
        return QMessageBox::warning(this, tr("Export Private Key"), text, QMessageBox::Yes | QMessageBox::No,
                                    QMessageBox::No)
            == QMessageBox::Yes;
    })
    , m_exportFilePrompt([this](const keys::Key& key, const QString& label) -> std::optional<ExportKeyDialog::Choice> {
        ExportKeyDialog dialog(key, label, this);
        return dialog.exec() == QDialog::Accepted ? std::optional(dialog.choice()) : std::nullopt;
    })
    , m_exportPassphrasePrompt([this](const QString& label) -> std::optional<QString> {
        ExportPassphraseDialog dialog(label, this);
        return dialog.exec() == QDialog::Accepted ? std::optional(dialog.passphrase()) : std::nullopt;
    })
    , m_unsavedPrompt([this](UnsavedKeystoreDialog::Situation situation, const QString& path, const QString& reason) {
        return UnsavedKeystoreDialog::ask(this, situation, path, reason);
    })
    , m_saveAsPrompt([this] {
        return QFileDialog::getSaveFileName(this, tr("Save Keystore As"), m_session->path(),
                                            tr("Keystores (*.jwe);;All files (*)"));
    })
{
    m_filter->setSourceModel(m_model);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filter->setFilterKeyColumn(-1);

    auto* lockedPage = new QWidget(m_stack);
    auto* lockedLayout = new QVBoxLayout(lockedPage);
    m_lockedLabel->setObjectName(QStringLiteral("lockedMessage"));
    m_lockedLabel->setWordWrap(true);
    m_passphraseEdit->setObjectName(QStringLiteral("passphrase"));
    m_unlockButton->setObjectName(QStringLiteral("unlockButton"));
    m_lockButton->setObjectName(QStringLiteral("lockButton"));
    m_view->setObjectName(QStringLiteral("keyList"));
    m_details->setObjectName(QStringLiteral("publicJwk"));
    m_passphraseEdit->setEchoMode(QLineEdit::Password);
    m_passphraseEdit->setPlaceholderText(tr("Passphrase"));
    m_errorLabel->setObjectName(QStringLiteral("error"));
    m_errorLabel->setWordWrap(true);
    auto* passphraseRow = new QHBoxLayout;
    passphraseRow->addWidget(m_passphraseEdit, 1);
    passphraseRow->addWidget(m_unlockButton);
    lockedLayout->addStretch();
    lockedLayout->addWidget(m_lockedLabel);
    lockedLayout->addLayout(passphraseRow);
    lockedLayout->addWidget(m_errorLabel);
    lockedLayout->addStretch();

    auto* unlockedPage = new QWidget(m_stack);
    auto* unlockedLayout = new QVBoxLayout(unlockedPage);
    m_filterEdit->setObjectName(QStringLiteral("filter"));
    m_filterEdit->setPlaceholderText(tr("Filter by label, type, kid or tag"));
    m_filterEdit->setClearButtonEnabled(true);
    for (const auto& choice : kGenerateChoices) {
        m_generateKind->addItem(tr(choice.label));
    }
    m_generateKind->setObjectName(QStringLiteral("generateKind"));
    m_busy->setObjectName(QStringLiteral("generateBusy"));
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(120);
    m_busy->hide();
    m_cancelGenerate->setObjectName(QStringLiteral("cancelGenerate"));
    m_cancelGenerate->hide();
    m_generateAction->setObjectName(QStringLiteral("generateAction"));
    m_importAction->setObjectName(QStringLiteral("importAction"));
    m_deleteAction->setObjectName(QStringLiteral("deleteAction"));
    m_undoAction->setObjectName(QStringLiteral("undoDeleteAction"));
    m_generateAction->setShortcut(QKeySequence::New);
    m_importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_exportAction->setObjectName(QStringLiteral("exportAction"));
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportAction->setToolTip(tr("Copy the public JWK Set of the selected keys (%1); more in the menu")
                                   .arg(m_exportAction->shortcut().toString(QKeySequence::NativeText)));
    auto* exportMenu = new QMenu(this);
    const std::array<std::pair<QString, ExportFormat>, 6> exports{{
        {tr("Copy Public JWK"), ExportFormat::PublicJwk},
        {tr("Copy Public JWK Set of the Selected Keys"), ExportFormat::PublicJwks},
        {tr("Copy Public PEM"), ExportFormat::PublicPem},
        {tr("Copy Private JWK…"), ExportFormat::PrivateJwk},
        {tr("Copy Private PEM…"), ExportFormat::PrivatePem},
        {tr("Copy Private PEM, Encrypted…"), ExportFormat::PrivatePemEncrypted},
    }};
    for (const auto& [text, format] : exports) {
        const ExportFormat chosen = format;
        connect(exportMenu->addAction(text), &QAction::triggered, this, [this, chosen] { exportSelected(chosen); });
    }
    exportMenu->addSeparator();
    QAction* exportToFile = exportMenu->addAction(tr("Export to &File…"));
    exportToFile->setObjectName(QStringLiteral("exportToFileAction"));
    connect(exportToFile, &QAction::triggered, this, &KeysPage::exportToFileChosen);
    m_exportAction->setMenu(exportMenu);
    m_generateAction->setToolTip(tr("Generate a key of the chosen kind into the keystore (%1)")
                                     .arg(m_generateAction->shortcut().toString(QKeySequence::NativeText)));
    auto* toolbar = new QToolBar(unlockedPage);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->addWidget(m_generateKind);
    for (QAction* action : {m_generateAction, m_importAction, m_exportAction, m_deleteAction, m_undoAction}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        unlockedPage->addAction(action);
        toolbar->addAction(action);
        if (action == m_generateAction) {
            toolbar->addSeparator();
        }
    }
    // A save that failed stays in sight until one works.
    m_unsavedBar->setObjectName(QStringLiteral("unsavedBar"));
    m_unsavedLabel->setObjectName(QStringLiteral("unsavedMessage"));
    m_unsavedLabel->setWordWrap(true);
    m_unsavedLabel->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::MinimumExpanding);
    m_unsavedLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* retrySave = new QPushButton(tr("&Retry Save"), m_unsavedBar);
    retrySave->setObjectName(QStringLiteral("retrySave"));
    auto* saveAsButton = new QPushButton(tr("Save &As…"), m_unsavedBar);
    saveAsButton->setObjectName(QStringLiteral("saveAs"));
    auto* unsavedIcon = new QLabel(m_unsavedBar);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
    unsavedIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(iconSize, iconSize));
    auto* unsavedLayout = new QHBoxLayout(m_unsavedBar);
    unsavedLayout->setContentsMargins(0, 0, 0, 0);
    unsavedLayout->addWidget(unsavedIcon);
    unsavedLayout->addWidget(m_unsavedLabel, 1);
    unsavedLayout->addWidget(retrySave);
    unsavedLayout->addWidget(saveAsButton);
    m_unsavedBar->hide();
    connect(retrySave, &QPushButton::clicked, this, [this] {
        if (save()) {
            emit statusMessage(tr("Saved the keystore"));
        }
    });
    connect(saveAsButton, &QPushButton::clicked, this, &KeysPage::saveAs);
    auto* topRow = new QHBoxLayout;
    topRow->addWidget(m_busy);
    topRow->addWidget(m_cancelGenerate);
    topRow->addWidget(m_filterEdit, 1);
    topRow->addWidget(m_lockButton);
    m_view->setModel(m_filter);
    m_view->setRootIsDecorated(false);
    m_view->setSortingEnabled(true);
    // By label, A to Z whatever the case, as the header's arrow says (Qt's default: descending, case-sensitive).
    m_filter->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_view->sortByColumn(KeyListModel::LabelColumn, Qt::AscendingOrder);
    // Widths follow the contents: keys added after unlocking have longer labels than the header.
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &KeysPage::fitColumns);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &KeysPage::fitColumns);
    connect(m_filter, &QAbstractItemModel::dataChanged, this, &KeysPage::fitColumns);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->header()->setStretchLastSection(true);
    auto* detailsPane = new QWidget(this);
    auto* detailsLayout = new QVBoxLayout(detailsPane);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    m_thumbprintLabel->setObjectName(QStringLiteral("keyFacts"));
    m_thumbprintLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_thumbprintLabel->setWordWrap(true);
    detailsLayout->addWidget(m_thumbprintLabel);
    m_labelEdit->setObjectName(QStringLiteral("labelEdit"));
    m_tagsEdit->setObjectName(QStringLiteral("tagsEdit"));
    m_tagsEdit->setPlaceholderText(tr("Comma-separated, e.g. production, billing"));
    m_notesEdit->setObjectName(QStringLiteral("notesEdit"));
    m_notesEdit->setTabChangesFocus(true);
    m_notesEdit->setMaximumHeight(m_notesEdit->fontMetrics().lineSpacing() * 3 + 12);
    m_applyMetadata->setObjectName(QStringLiteral("saveDetails"));
    auto* metadata = new QFormLayout;
    metadata->addRow(tr("Label:"), m_labelEdit);
    metadata->addRow(tr("Tags:"), m_tagsEdit);
    metadata->addRow(tr("Notes:"), m_notesEdit);
    auto* applyRow = new QHBoxLayout;
    applyRow->addStretch();
    applyRow->addWidget(m_applyMetadata);
    detailsLayout->addLayout(metadata);
    detailsLayout->addLayout(applyRow);
    m_publicPem->setObjectName(QStringLiteral("publicPem"));
    m_publicPem->setReadOnly(true);
    m_publicPem->setTabChangesFocus(true);
    m_publicPem->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_publicPem->setLineWrapMode(QPlainTextEdit::NoWrap);
    auto* publicForms = new QTabWidget(this);
    publicForms->setObjectName(QStringLiteral("publicForms"));
    publicForms->addTab(m_details, tr("Public JWK"));
    publicForms->addTab(m_publicPem, tr("Public PEM"));
    detailsLayout->addWidget(publicForms, 1);
    auto* splitter = new QSplitter(Qt::Vertical, unlockedPage);
    splitter->addWidget(m_view);
    splitter->addWidget(detailsPane);
    unlockedLayout->addWidget(m_unsavedBar);
    unlockedLayout->addWidget(toolbar);
    unlockedLayout->addLayout(topRow);
    unlockedLayout->addWidget(splitter, 1);

    m_stack->addWidget(lockedPage);
    m_stack->addWidget(unlockedPage);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_stack);
    chainTabOrder({m_passphraseEdit, m_unlockButton, m_generateKind, m_cancelGenerate, m_filterEdit, m_lockButton,
                   m_view, m_labelEdit, m_tagsEdit, m_notesEdit, m_applyMetadata, publicForms, m_details, m_publicPem});

    connect(m_unlockButton, &QPushButton::clicked, this, &KeysPage::unlock);
    connect(m_passphraseEdit, &QLineEdit::returnPressed, this, &KeysPage::unlock);
    connect(m_lockButton, &QPushButton::clicked, this, &KeysPage::lock);
    connect(m_session, &KeystoreSession::lockedChanged, this, [this](bool locked) {
        if (locked) {
            showLocked();
        } else {
            showUnlocked();
        }
        emit lockedChanged(locked);
    });
    connect(m_session, &KeystoreSession::unsavedChanged, this, &KeysPage::showSaveState);
    connect(m_session, &KeystoreSession::pathChanged, this, &KeysPage::showSaveState);
    connect(m_filterEdit, &QLineEdit::textChanged, m_filter, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &KeysPage::showDetails);
    connect(m_generateAction, &QAction::triggered, this, &KeysPage::generateChosen);
    connect(m_cancelGenerate, &QPushButton::clicked, m_generation, &KeyGenerationTask::cancel);
    connect(m_generation, &KeyGenerationTask::finished, this, &KeysPage::generated);
    connect(m_importAction, &QAction::triggered, this, &KeysPage::importChosen);
    connect(m_deleteAction, &QAction::triggered, this, &KeysPage::deleteSelected);
    connect(m_undoAction, &QAction::triggered, this, &KeysPage::undoDelete);
    connect(m_exportAction, &QAction::triggered, this, [this] { exportSelected(ExportFormat::PublicJwks); });
    connect(m_applyMetadata, &QPushButton::clicked, this, &KeysPage::applyMetadata);
    m_idleTimer.setSingleShot(true);
    m_idleTimer.setInterval(kDefaultIdleLock);
    connect(&m_idleTimer, &QTimer::timeout, this, [this] {
        if (m_session->hasUnsavedChanges()) {
            (void)m_session->saveChanges(); // one more try before asking
        }
        lock();
        if (isUnlocked()) {
            m_idleTimer.start(); // the user kept the unsaved changes
            return;
        }
        emit statusMessage(
            tr("The keystore locked itself after %n minute(s) without input", nullptr,
               static_cast<int>(
                   std::chrono::duration_cast<std::chrono::minutes>(m_idleTimer.intervalAsDuration()).count())));
    });
    if (m_session->isUnlocked()) {
        showUnlocked();
    } else {
        showLocked();
    }
}

KeysPage::~KeysPage()
{
    qApp->removeEventFilter(this);
    m_model->setKeystore(nullptr);
}

void KeysPage::setIdleLockInterval(std::chrono::milliseconds interval)
{
    m_idleTimer.setInterval(interval);
    if (m_idleTimer.isActive()) {
        m_idleTimer.start();
    }
}

std::chrono::milliseconds KeysPage::idleLockInterval() const
{
    return m_idleTimer.intervalAsDuration();
}

bool KeysPage::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
        if (m_idleTimer.isActive()) {
            m_idleTimer.start();
        }
        break;
    default: break;
    }
    return QWidget::eventFilter(watched, event);
}

bool KeysPage::isUnlocked() const
{
    return m_session->isUnlocked();
}

void KeysPage::lock()
{
    if (m_session->isUnlocked()) {
        if (!resolveUnsaved(UnsavedKeystoreDialog::Situation::BeforeLock)) {
            return;
        }
        m_session->lock(); // showLocked() follows through lockedChanged
    } else {
        showLocked(); // the file may have appeared or gone meanwhile
    }
}

void KeysPage::showLocked()
{
    m_model->setKeystore(nullptr);
    m_generation->cancel();
    m_deleted.reset();
    m_idleTimer.stop();
    qApp->removeEventFilter(this);
    m_details->showPlain({});
    m_thumbprintLabel->clear();
    m_filterEdit->clear();
    m_lockedLabel->setText(
        m_session->fileExists()
            ? tr("The keystore %1 is locked.").arg(m_session->path())
            : tr("There is no keystore yet. Choose a passphrase to start one at %1.").arg(m_session->path()));
    m_stack->setCurrentIndex(0);
    updateActions();
}

void KeysPage::unlock()
{
    crypto::SecureBytes passphrase(toStdString(m_passphraseEdit->text()));
    m_passphraseEdit->clear();
    if (passphrase.empty()) {
        m_errorLabel->setText(tr("Enter the passphrase."));
        return;
    }
    if (auto unlocked = m_session->unlock(std::move(passphrase)); !unlocked) {
        m_errorLabel->setText(toQString(unlocked.error().message));
        return;
    }
    emit statusMessage(tr("Keystore unlocked: %n key(s)", nullptr, m_model->rowCount()));
}

void KeysPage::showUnlocked()
{
    m_errorLabel->clear();
    m_model->setKeystore(m_session->editableKeystore());
    m_stack->setCurrentIndex(1);
    fitColumns();
    updateActions();
    qApp->installEventFilter(this);
    m_idleTimer.start();
}

// Label, type and date as wide as their longest entry; the kid (a 43-character thumbprint) gets a
// fixed share; the tags take the rest.
void KeysPage::fitColumns()
{
    for (const int column : {KeyListModel::LabelColumn, KeyListModel::TypeColumn, KeyListModel::CreatedColumn}) {
        m_view->resizeColumnToContents(column);
    }
    m_view->setColumnWidth(KeyListModel::KidColumn, m_view->fontMetrics().horizontalAdvance(QLatin1Char('M')) * 16);
}

void KeysPage::showDetails()
{
    updateActions();
    const keys::KeystoreEntry* entry = selectedEntry();
    if (entry == nullptr) {
        m_details->showPlain({});
        m_publicPem->clear();
        m_thumbprintLabel->clear();
        m_labelEdit->clear();
        m_tagsEdit->clear();
        m_notesEdit->clear();
        return;
    }
    m_labelEdit->setText(toQString(entry->label));
    m_tagsEdit->setText(joinTags(entry->tags));
    m_notesEdit->setPlainText(toQString(entry->notes));
    m_thumbprintLabel->setText(describeKey(entry->key));
    if (entry->key.type() == keys::KeyType::Oct) {
        m_details->showPlain(tr("A secret has no public form: export it explicitly to see it."));
        m_publicPem->setPlainText(tr("A secret has no PEM form."));
        return;
    }
    auto jwk = keys::exportJwk(entry->key, false);
    if (jwk) {
        m_details->showJson(toQString(encoding::toPrettyJson(*jwk)));
    } else {
        m_details->showPlain(toQString(jwk.error().message));
    }
    auto pem = keys::exportPublicPem(entry->key);
    m_publicPem->setPlainText(pem ? toQString(*pem) : toQString(pem.error().message));
}

const keys::KeystoreEntry* KeysPage::selectedEntry() const
{
    return m_model->entry(m_filter->mapToSource(m_view->currentIndex()));
}

bool KeysPage::isGenerating() const
{
    return m_generation->isRunning();
}

void KeysPage::setDeleteConfirmation(std::function<bool(const QString& label)> confirm)
{
    m_confirmDelete = std::move(confirm);
}

void KeysPage::setImportPrompt(std::function<std::optional<ImportKeyDialog::Request>()> prompt)
{
    m_importPrompt = std::move(prompt);
}

void KeysPage::setImportTextPrompt(std::function<std::optional<QString>()> prompt)
{
    m_importPrompt = [prompt = std::move(prompt)]() -> std::optional<ImportKeyDialog::Request> {
        auto text = prompt();
        if (!text) {
            return std::nullopt;
        }
        ImportKeyDialog::Request request;
        request.text = *text;
        return request;
    };
}

void KeysPage::setPassphrasePrompt(std::function<std::optional<QString>()> prompt)
{
    m_passphrasePrompt = std::move(prompt);
}

void KeysPage::updateActions()
{
    const bool unlocked = isUnlocked();
    const bool generating = m_generation->isRunning();
    const bool selected = unlocked && selectedEntry() != nullptr;
    m_generateAction->setEnabled(unlocked && !generating);
    m_generateKind->setEnabled(unlocked && !generating);
    m_importAction->setEnabled(unlocked);
    m_deleteAction->setEnabled(selected);
    m_exportAction->setEnabled(selected);
    m_undoAction->setEnabled(unlocked && m_deleted.has_value());
    m_applyMetadata->setEnabled(selected);
    for (QWidget* editor : std::initializer_list<QWidget*>{m_labelEdit, m_tagsEdit, m_notesEdit}) {
        editor->setEnabled(selected);
    }
    m_busy->setVisible(generating);
    m_cancelGenerate->setVisible(generating);
}

void KeysPage::selectKid(const QString& kid)
{
    const QModelIndex index = m_filter->mapFromSource(m_model->indexOfKid(kid));
    if (index.isValid()) {
        m_view->setCurrentIndex(index);
    }
}

void KeysPage::setUnsavedPrompt(UnsavedPrompt prompt)
{
    m_unsavedPrompt = std::move(prompt);
}

void KeysPage::setSaveAsPrompt(std::function<QString()> prompt)
{
    m_saveAsPrompt = std::move(prompt);
}

// Saves after a change; a failure asks at once until a save works or the user keeps the change in
// memory (then false, and the page shows it unsaved).
bool KeysPage::save()
{
    if (m_session->saveChanges()) {
        return true;
    }
    while (m_session->hasUnsavedChanges()) {
        switch (
            m_unsavedPrompt(UnsavedKeystoreDialog::Situation::SaveFailed, m_session->path(), m_session->saveError())) {
        case UnsavedKeystoreDialog::Choice::Retry: (void)m_session->saveChanges(); break;
        case UnsavedKeystoreDialog::Choice::SaveAs: saveAs(); break;
        case UnsavedKeystoreDialog::Choice::Discard:
        case UnsavedKeystoreDialog::Choice::Keep:
            emit statusMessage(tr("Not saved: %1").arg(m_session->saveError()));
            return false;
        }
    }
    return true;
}

bool KeysPage::saveAs()
{
    const QString path = m_saveAsPrompt();
    if (path.isEmpty() || !isUnlocked()) {
        return false;
    }
    if (!m_session->saveAs(path)) {
        emit statusMessage(tr("Not saved: %1").arg(m_session->saveError()));
        return false;
    }
    emit statusMessage(tr("Saved the keystore to %1").arg(path));
    return true;
}

bool KeysPage::resolveUnsaved(UnsavedKeystoreDialog::Situation situation)
{
    while (isUnlocked() && m_session->hasUnsavedChanges()) {
        switch (m_unsavedPrompt(situation, m_session->path(), m_session->saveError())) {
        case UnsavedKeystoreDialog::Choice::Retry: (void)m_session->saveChanges(); break;
        case UnsavedKeystoreDialog::Choice::SaveAs: saveAs(); break;
        case UnsavedKeystoreDialog::Choice::Discard: return true;
        case UnsavedKeystoreDialog::Choice::Keep: return false;
        }
    }
    return true;
}

void KeysPage::showSaveState()
{
    const bool unsaved = m_session->hasUnsavedChanges();
    m_unsavedBar->setVisible(unsaved);
    if (!unsaved) {
        m_unsavedLabel->clear();
        return;
    }
    m_unsavedLabel->setText(
        tr("<b>Not saved.</b> Your changes are only in memory: %1").arg(m_session->saveError().toHtmlEscaped()));
}

void KeysPage::generateChosen()
{
    if (!isUnlocked() || m_generation->isRunning()) {
        return;
    }
    const auto& choice = kGenerateChoices.at(static_cast<std::size_t>(m_generateKind->currentIndex()));
    m_generation->start(choice.spec);
    updateActions();
    emit statusMessage(choice.spec.type == keys::KeyType::Rsa
                           ? tr("Generating an RSA key: this can take a few seconds…")
                           : tr("Generating…"));
}

void KeysPage::generated()
{
    updateActions();
    const auto& result = m_generation->result();
    if (!isUnlocked()) {
        return; // locked meanwhile: the key is dropped
    }
    if (!result.key) {
        emit statusMessage(result.error);
        return;
    }
    const QString type = KeyListModel::typeText(*result.key);
    auto kid = m_model->addKey({*result.key, toStdString(tr("New %1 key").arg(type)), createdNow(), {}, {}});
    if (!kid) {
        emit statusMessage(toQString(kid.error().message));
        return;
    }
    m_deleted.reset();
    if (save()) {
        emit statusMessage(tr("Generated and saved a %1 key").arg(type));
    }
    selectKid(*kid);
    updateActions();
}

void KeysPage::importChosen()
{
    if (!isUnlocked()) {
        return;
    }
    const auto request = m_importPrompt();
    if (!request) {
        return;
    }
    switch (request->way) {
    case ImportKeyDialog::Way::Text:
        if (!request->text.trimmed().isEmpty()) {
            importText(request->text);
        }
        break;
    case ImportKeyDialog::Way::File: importFile(request->path); break;
    case ImportKeyDialog::Way::Secret: importSecret(request->text, request->encoding, request->label); break;
    }
}

Result<std::vector<keys::Key>> KeysPage::parseAskingPassphrase(const ParseKeys& parse)
{
    auto imported = parse({});
    if (!imported
        && (imported.error().code == Errc::PassphraseRequired || imported.error().code == Errc::WrongPassphrase)) {
        if (auto passphrase = m_passphrasePrompt()) {
            crypto::SecureBytes secret(toStdString(*passphrase));
            imported = parse(std::string_view(reinterpret_cast<const char*>(secret.data()), secret.size()));
        }
    }
    return imported;
}

QString KeysPage::importText(const QString& text)
{
    if (!isUnlocked()) {
        return tr("The keystore is locked.");
    }
    std::string input = toStdString(text);
    auto imported
        = parseAskingPassphrase([&](std::string_view passphrase) { return keys::importKeys(input, passphrase); });
    crypto::wipe(input);
    return addImported(std::move(imported), {});
}

QString KeysPage::importFile(const QString& path)
{
    if (!isUnlocked()) {
        return tr("The keystore is locked.");
    }
    const QString name = QFileInfo(path).fileName();
    const auto nothing = [&](const QString& reason) {
        const QString report = tr("Nothing imported from %1: %2").arg(name, reason);
        emit statusMessage(report);
        return report;
    };
    QString unreadable;
    auto content = readKeyFile(path, &unreadable);
    if (!content) {
        const QString report = tr("Nothing imported: %1").arg(unreadable);
        emit statusMessage(report);
        return report;
    }
    Result<std::vector<keys::Key>> imported;
    if (!content->empty() && static_cast<unsigned char>(content->front()) == 0x30) {
        // An ASN.1 SEQUENCE: binary DER (PKCS#8, also encrypted; SPKI, PKCS#1, SEC1, a certificate).
        imported = parseAskingPassphrase([&](std::string_view passphrase) -> Result<std::vector<keys::Key>> {
            auto key = keys::importDer(asBytes(*content), passphrase);
            if (!key) {
                return std::unexpected(key.error());
            }
            std::vector<keys::Key> keys;
            keys.push_back(std::move(*key));
            return keys;
        });
    } else if (content->empty() || encoding::findInvalidUtf8(*content)) {
        crypto::wipe(*content);
        return nothing(tr("it is neither a text key file (PEM, JWK, JWK Set) nor DER."));
    } else {
        imported = parseAskingPassphrase(
            [&](std::string_view passphrase) { return keys::importKeys(*content, passphrase); });
    }
    crypto::wipe(*content);
    if (!imported) {
        return nothing(toQString(imported.error().message));
    }
    return addImported(std::move(imported), {});
}

QString KeysPage::importSecret(const QString& text, keys::SecretEncoding encoding, const QString& label)
{
    if (!isUnlocked()) {
        return tr("The keystore is locked.");
    }
    std::string input = toStdString(text);
    auto secret = keys::importSecret(input, encoding);
    crypto::wipe(input);
    Result<std::vector<keys::Key>> imported = std::vector<keys::Key>{};
    if (secret) {
        imported->push_back(std::move(secret->key));
    } else {
        imported = std::unexpected(secret.error());
    }
    return addImported(std::move(imported), label);
}

// The one place where imported keys join the keystore: duplicates (by thumbprint) are reported.
QString KeysPage::addImported(Result<std::vector<keys::Key>> imported, const QString& label)
{
    QString report;
    if (!imported) {
        report = tr("Nothing imported: %1").arg(toQString(imported.error().message));
        emit statusMessage(report);
        return report;
    }
    int added = 0;
    QStringList duplicates;
    QString lastKid;
    for (auto& key : *imported) {
        const QString type = KeyListModel::typeText(key);
        const QString keyLabel = label.isEmpty() ? tr("Imported %1 key").arg(type) : label;
        auto kid = m_model->addKey({std::move(key), toStdString(keyLabel), createdNow(), {}, {}});
        if (kid) {
            ++added;
            lastKid = *kid;
        } else {
            duplicates << toQString(kid.error().message);
        }
    }
    bool saved = true;
    if (added > 0) {
        m_deleted.reset();
        saved = save();
        selectKid(lastKid);
    }
    report = saved ? tr("Imported %n key(s)", nullptr, added)
                   : tr("Imported %n key(s) into memory only: the keystore is not saved", nullptr, added);
    if (!duplicates.isEmpty()) {
        report += tr("; left out: %1").arg(duplicates.join(QStringLiteral("; ")));
    }
    updateActions();
    emit statusMessage(report);
    return report;
}

void KeysPage::deleteSelected()
{
    const keys::KeystoreEntry* entry = selectedEntry();
    if (entry == nullptr || !m_confirmDelete(toQString(entry->label))) {
        return;
    }
    auto taken = m_model->takeKey(toQString(entry->kid()));
    if (!taken) {
        emit statusMessage(toQString(taken.error().message));
        return;
    }
    const QString label = toQString(taken->label);
    m_deleted = std::move(*taken);
    if (save()) {
        emit statusMessage(tr("Deleted “%1” (Undo Delete brings it back)").arg(label));
    }
    updateActions();
}

void KeysPage::undoDelete()
{
    if (!isUnlocked() || !m_deleted) {
        return;
    }
    auto kid = m_model->addKey(std::move(*m_deleted));
    m_deleted.reset();
    if (!kid) {
        emit statusMessage(toQString(kid.error().message));
        updateActions();
        return;
    }
    if (save()) {
        emit statusMessage(tr("Restored the deleted key"));
    }
    selectKid(*kid);
    updateActions();
}

void KeysPage::applyMetadata()
{
    const keys::KeystoreEntry* entry = selectedEntry();
    if (entry == nullptr) {
        return;
    }
    const QString kid = toQString(entry->kid());
    auto changed = m_model->setMetadata(kid, toStdString(m_labelEdit->text().trimmed()),
                                        toStdString(m_notesEdit->toPlainText()), parseTags(m_tagsEdit->text()));
    if (!changed) {
        emit statusMessage(toQString(changed.error().message));
        return;
    }
    m_deleted.reset();
    if (save()) {
        emit statusMessage(tr("Saved the key's details"));
    }
    updateActions();
}

void KeysPage::setPrivateExportConfirmation(std::function<bool(const QString& label, bool second)> confirm)
{
    m_confirmPrivateExport = std::move(confirm);
}

QList<const keys::KeystoreEntry*> KeysPage::selectedEntries() const
{
    QList<const keys::KeystoreEntry*> entries;
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    for (const QModelIndex& row : rows) {
        if (const keys::KeystoreEntry* entry = m_model->entry(m_filter->mapToSource(row))) {
            entries << entry;
        }
    }
    if (entries.isEmpty() && selectedEntry() != nullptr) {
        entries << selectedEntry();
    }
    return entries;
}

bool KeysPage::confirmPrivateExport(const keys::KeystoreEntry& entry)
{
    const QString label = toQString(entry.label);
    return m_confirmPrivateExport(label, false) && (!entry.hasTag("production") || m_confirmPrivateExport(label, true));
}

void KeysPage::setExportFilePrompt(
    std::function<std::optional<ExportKeyDialog::Choice>(const keys::Key& key, const QString& label)> prompt)
{
    m_exportFilePrompt = std::move(prompt);
}

void KeysPage::setExportPassphrasePrompt(std::function<std::optional<QString>(const QString& label)> prompt)
{
    m_exportPassphrasePrompt = std::move(prompt);
}

// The selected key(s) in `format` after the confirmations and the passphrase it needs; nullopt when
// refused, cancelled or impossible (the reason goes to the status line, after `nothingDone`).
std::optional<KeyExportText> KeysPage::prepareExport(ExportFormat format, const QString& nothingDone)
{
    const keys::KeystoreEntry* entry = selectedEntry();
    if (!isUnlocked() || entry == nullptr) {
        return std::nullopt;
    }
    const QList<const keys::KeystoreEntry*> entries
        = format == ExportFormat::PublicJwks ? selectedEntries() : QList<const keys::KeystoreEntry*>{entry};
    if (const QString reason = inapplicableReason(format, entry->key);
        format != ExportFormat::PublicJwks && !reason.isEmpty()) {
        emit statusMessage(nothingDone.arg(reason));
        return std::nullopt;
    }
    if (isPrivateFormat(format) && !confirmPrivateExport(*entry)) {
        return std::nullopt;
    }
    std::string passphrase;
    if (format == ExportFormat::PrivatePemEncrypted) {
        auto asked = m_exportPassphrasePrompt(toQString(entry->label));
        if (!asked) {
            return std::nullopt;
        }
        passphrase = toStdString(*asked);
    }
    auto exported
        = exportKeyText(std::span(entries.constData(), static_cast<std::size_t>(entries.size())), format, passphrase);
    crypto::wipe(passphrase);
    if (!exported) {
        emit statusMessage(nothingDone.arg(exported.error()));
        return std::nullopt;
    }
    return std::move(*exported);
}

QString KeysPage::exportSelected(ExportFormat format)
{
    auto exported = prepareExport(format, tr("Nothing copied: %1"));
    if (!exported) {
        return {};
    }
    QString text = toQString(exported->text);
    crypto::wipe(exported->text);
    if (isPrivateFormat(format)) {
        Clipboard::instance()->copySecret(text);
        emit statusMessage(format == ExportFormat::PrivatePemEncrypted
                               ? tr("Copied the encrypted private key; the clipboard is cleared in 30 seconds")
                               : tr("Copied the private key; the clipboard is cleared in 30 seconds"));
        return text;
    }
    Clipboard::instance()->copyText(text);
    if (format != ExportFormat::PublicJwks) {
        emit statusMessage(tr("Copied the public key"));
    } else if (exported->secretsLeftOut > 0) {
        emit statusMessage(tr("Copied the public JWK Set of %n key(s); secrets left out", nullptr, exported->keyCount));
    } else {
        emit statusMessage(tr("Copied the public JWK Set of %n key(s)", nullptr, exported->keyCount));
    }
    return text;
}

void KeysPage::exportToFileChosen()
{
    const keys::KeystoreEntry* entry = selectedEntry();
    if (!isUnlocked() || entry == nullptr) {
        return;
    }
    if (const auto choice = m_exportFilePrompt(entry->key, toQString(entry->label))) {
        exportToFile(choice->format, choice->path);
    }
}

bool KeysPage::exportToFile(ExportFormat format, const QString& path)
{
    if (path.isEmpty()) {
        return false;
    }
    auto exported = prepareExport(format, tr("Nothing written: %1"));
    if (!exported) {
        return false;
    }
    const bool secret = isPrivateFormat(format);
    auto written = io::writeFileAtomically(toStdString(path), asBytes(exported->text), secret ? 0600 : 0644);
    crypto::wipe(exported->text);
    if (!written) {
        emit statusMessage(tr("Nothing written: %1").arg(toQString(written.error().message)));
        return false;
    }
    emit statusMessage(secret ? tr("Wrote the private key to %1 (readable only by you)").arg(path)
                              : tr("Wrote %1").arg(path));
    return true;
}

} // namespace jwtwb::ui
