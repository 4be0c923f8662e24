#include "KeysPage.h"

#include "crypto/WipeJson.h"
#include "encoding/Base64Url.h"
#include "keys/KeyExport.h"
#include "keys/KeyImport.h"
#include "keys/Keystore.h"
#include "keys/Thumbprint.h"
#include "models/KeyListModel.h"
#include "support/Clipboard.h"
#include "support/Clock.h"
#include "support/Convert.h"
#include "support/KeyGenerationTask.h"
#include "support/KeystoreSession.h"
#include "widgets/JsonView.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
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
    , m_lockButton(new QPushButton(tr("&Lock"), this))
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
    , m_applyMetadata(new QPushButton(tr("&Save Details"), this))
    , m_generation(new KeyGenerationTask(this))
    , m_confirmDelete([this](const QString& label) {
        return QMessageBox::question(
                   this, tr("Delete Key"),
                   tr("Delete the key “%1” from the keystore? (Undo Delete brings it back.)").arg(label))
            == QMessageBox::Yes;
    })
    , m_importPrompt([this]() -> std::optional<QString> {
        bool ok = false;
        QString text = QInputDialog::getMultiLineText(
            this, tr("Import Keys"), tr("Paste a JWK, a JWK Set or PEM (keys, certificates):"), {}, &ok);
        return ok ? std::optional(text) : std::nullopt;
    })
    , m_passphrasePrompt([this]() -> std::optional<QString> {
        bool ok = false;
        QString text = QInputDialog::getText(this, tr("Encrypted Key"), tr("Passphrase of the private key:"),
                                             QLineEdit::Password, {}, &ok);
        return ok ? std::optional(text) : std::nullopt;
    })
    , m_confirmPrivateExport([this](const QString& label, bool second) {
        const QString text = second
            ? tr("“%1” is tagged production. Copy its private key anyway?").arg(label)
            : tr("Copy the private key of “%1” to the clipboard? It is cleared from the clipboard after "
                 "30 seconds.")
                  .arg(label);
        return QMessageBox::warning(this, tr("Export Private Key"), text, QMessageBox::Yes | QMessageBox::No,
                                    QMessageBox::No)
            == QMessageBox::Yes;
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
    const std::array<std::pair<QString, ExportFormat>, 5> exports{{
        {tr("Copy Public JWK"), ExportFormat::PublicJwk},
        {tr("Copy Public JWK Set of the Selected Keys"), ExportFormat::PublicJwks},
        {tr("Copy Public PEM"), ExportFormat::PublicPem},
        {tr("Copy Private JWK…"), ExportFormat::PrivateJwk},
        {tr("Copy Private PEM…"), ExportFormat::PrivatePem},
    }};
    for (const auto& [text, format] : exports) {
        const ExportFormat chosen = format;
        connect(exportMenu->addAction(text), &QAction::triggered, this, [this, chosen] { exportSelected(chosen); });
    }
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
    auto* topRow = new QHBoxLayout;
    topRow->addWidget(m_busy);
    topRow->addWidget(m_cancelGenerate);
    topRow->addWidget(m_filterEdit, 1);
    topRow->addWidget(m_lockButton);
    m_view->setModel(m_filter);
    m_view->setRootIsDecorated(false);
    m_view->setSortingEnabled(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->header()->setStretchLastSection(true);
    auto* detailsPane = new QWidget(this);
    auto* detailsLayout = new QVBoxLayout(detailsPane);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
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
    detailsLayout->addWidget(m_details, 1);
    auto* splitter = new QSplitter(Qt::Vertical, unlockedPage);
    splitter->addWidget(m_view);
    splitter->addWidget(detailsPane);
    unlockedLayout->addWidget(toolbar);
    unlockedLayout->addLayout(topRow);
    unlockedLayout->addWidget(splitter, 1);

    m_stack->addWidget(lockedPage);
    m_stack->addWidget(unlockedPage);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_stack);

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
        lock();
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
    m_view->resizeColumnToContents(KeyListModel::LabelColumn);
    m_view->resizeColumnToContents(KeyListModel::TypeColumn);
    m_view->resizeColumnToContents(KeyListModel::CreatedColumn);
    m_view->setColumnWidth(KeyListModel::KidColumn, m_view->fontMetrics().horizontalAdvance(QLatin1Char('M')) * 16);
    updateActions();
    qApp->installEventFilter(this);
    m_idleTimer.start();
}

void KeysPage::showDetails()
{
    updateActions();
    const keys::KeystoreEntry* entry = selectedEntry();
    if (entry == nullptr) {
        m_details->showPlain({});
        m_thumbprintLabel->clear();
        m_labelEdit->clear();
        m_tagsEdit->clear();
        m_notesEdit->clear();
        return;
    }
    m_labelEdit->setText(toQString(entry->label));
    m_tagsEdit->setText(joinTags(entry->tags));
    m_notesEdit->setPlainText(toQString(entry->notes));
    if (auto print = keys::thumbprint(entry->key)) {
        m_thumbprintLabel->setText(
            tr("%1 · JWK thumbprint (SHA-256): %2")
                .arg(toQString(entry->key.describe()), toQString(encoding::base64UrlEncode(*print))));
    }
    if (entry->key.type() == keys::KeyType::Oct) {
        m_details->showPlain(tr("A secret has no public form: export it explicitly to see it."));
        return;
    }
    auto jwk = keys::exportJwk(entry->key, false);
    if (jwk) {
        m_details->showJson(toQString(encoding::toPrettyJson(*jwk)));
    } else {
        m_details->showPlain(toQString(jwk.error().message));
    }
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

void KeysPage::setImportTextPrompt(std::function<std::optional<QString>()> prompt)
{
    m_importPrompt = std::move(prompt);
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

bool KeysPage::save()
{
    if (auto saved = m_session->saveChanges(); !saved) {
        emit statusMessage(tr("Could not save the keystore: %1").arg(toQString(saved.error().message)));
        return false;
    }
    return true;
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
    if (auto text = m_importPrompt(); text && !text->trimmed().isEmpty()) {
        importText(*text);
    }
}

QString KeysPage::importText(const QString& text)
{
    if (!isUnlocked()) {
        return tr("The keystore is locked.");
    }
    const std::string input = toStdString(text);
    auto imported = keys::importKeys(input);
    if (!imported
        && (imported.error().code == Errc::PassphraseRequired || imported.error().code == Errc::WrongPassphrase)) {
        if (auto passphrase = m_passphrasePrompt()) {
            crypto::SecureBytes secret(toStdString(*passphrase));
            imported = keys::importKeys(input,
                                        std::string_view(reinterpret_cast<const char*>(secret.data()), secret.size()));
        }
    }
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
        auto kid
            = m_model->addKey({std::move(key), toStdString(tr("Imported %1 key").arg(type)), createdNow(), {}, {}});
        if (kid) {
            ++added;
            lastKid = *kid;
        } else {
            duplicates << toQString(kid.error().message);
        }
    }
    if (added > 0) {
        m_deleted.reset();
        save();
        selectKid(lastKid);
    }
    report = tr("Imported %n key(s)", nullptr, added);
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

QString KeysPage::exportSelected(ExportFormat format)
{
    const keys::KeystoreEntry* entry = selectedEntry();
    if (!isUnlocked() || entry == nullptr) {
        return {};
    }
    const auto report = [this](const Error& error) {
        emit statusMessage(tr("Nothing copied: %1").arg(toQString(error.message)));
        return QString();
    };
    QString text;
    switch (format) {
    case ExportFormat::PublicJwk:
    case ExportFormat::PrivateJwk: {
        const bool includePrivate = format == ExportFormat::PrivateJwk;
        if (includePrivate && !confirmPrivateExport(*entry)) {
            return {};
        }
        auto jwk = keys::exportJwk(entry->key, includePrivate);
        if (!jwk) {
            return report(jwk.error());
        }
        text = toQString(encoding::toPrettyJson(*jwk));
        crypto::wipe(*jwk);
        break;
    }
    case ExportFormat::PublicJwks: {
        std::vector<keys::Key> publicKeys;
        int secrets = 0;
        for (const keys::KeystoreEntry* selected : selectedEntries()) {
            if (selected->key.type() == keys::KeyType::Oct) {
                ++secrets; // a secret has no public form
            } else {
                publicKeys.push_back(selected->key);
            }
        }
        if (publicKeys.empty()) {
            emit statusMessage(tr("Nothing copied: secrets have no public form."));
            return {};
        }
        auto jwks = keys::exportJwks(publicKeys, false);
        if (!jwks) {
            return report(jwks.error());
        }
        text = toQString(encoding::toPrettyJson(*jwks));
        Clipboard::instance()->copyText(text);
        emit statusMessage(
            secrets > 0 ? tr("Copied the public JWK Set of %n key(s); secrets left out", nullptr,
                             static_cast<int>(publicKeys.size()))
                        : tr("Copied the public JWK Set of %n key(s)", nullptr, static_cast<int>(publicKeys.size())));
        return text;
    }
    case ExportFormat::PublicPem: {
        auto pem = keys::exportPublicPem(entry->key);
        if (!pem) {
            return report(pem.error());
        }
        text = toQString(*pem);
        break;
    }
    case ExportFormat::PrivatePem: {
        if (entry->key.type() == keys::KeyType::Oct) {
            emit statusMessage(tr("Nothing copied: a secret has no PEM form."));
            return {};
        }
        if (!confirmPrivateExport(*entry)) {
            return {};
        }
        auto pem = keys::exportPrivatePem(entry->key);
        if (!pem) {
            return report(pem.error());
        }
        text = toQString(*pem);
        crypto::wipe(*pem);
        break;
    }
    }
    const bool secret = format == ExportFormat::PrivateJwk || format == ExportFormat::PrivatePem;
    if (secret) {
        Clipboard::instance()->copySecret(text);
        emit statusMessage(tr("Copied the private key; the clipboard is cleared in 30 seconds"));
    } else {
        Clipboard::instance()->copyText(text);
        emit statusMessage(tr("Copied the public key"));
    }
    return text;
}

} // namespace jwtwb::ui
