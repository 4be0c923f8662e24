#include "KeysPage.h"

#include "models/KeyListModel.h"
#include "pages/keys/DialogKeysPrompter.h"
#include "pages/keys/KeyDetailsPane.h"
#include "pages/keys/KeyListPane.h"
#include "pages/keys/KeystoreActions.h"
#include "pages/keys/KeystoreLockedView.h"
#include "support/Convert.h"
#include "support/KeyGenerationTask.h"
#include "support/KeystoreSession.h"
#include "support/TabOrder.h"
#include "widgets/KeyKindCombo.h"

#include <QAction>
#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

#include <array>

namespace jwtwb::ui {

KeysPage::KeysPage(QString keystorePath, keys::KeystoreOptions options, QWidget* parent)
    : KeysPage(new KeystoreSession(std::move(keystorePath), options), parent)
{
    m_session->setParent(this);
}

KeysPage::KeysPage(KeystoreSession* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new KeyListModel(this))
    , m_prompter(std::make_unique<DialogKeysPrompter>(this))
    , m_actions(new KeystoreActions(m_session, m_model, m_prompter.get(), this))
    , m_stack(new QStackedWidget(this))
    , m_lockedView(new KeystoreLockedView(m_session, m_stack))
    , m_lockButton(new QPushButton(tr("&Lock"), this))
    , m_unsavedBar(new QWidget(this))
    , m_unsavedLabel(new QLabel(m_unsavedBar))
    , m_generateKind(new KeyKindCombo(this))
    , m_busy(new QProgressBar(this))
    , m_cancelGenerate(new QPushButton(tr("Cancel"), this))
    , m_list(new KeyListPane(m_model, this))
    , m_generateAction(new QAction(tr("&Generate"), this))
    , m_importAction(new QAction(tr("&Import…"), this))
    , m_deleteAction(new QAction(tr("&Delete…"), this))
    , m_undoAction(new QAction(tr("&Undo Delete"), this))
    , m_exportAction(new QAction(tr("E&xport"), this))
    , m_passphraseAction(new QAction(tr("Change &Passphrase…"), this))
    , m_generation(new KeyGenerationTask(this))
{
    auto* unlockedPage = new QWidget(m_stack);
    auto* unlockedLayout = new QVBoxLayout(unlockedPage);
    m_lockButton->setObjectName(QStringLiteral("lockButton"));
    m_generateKind->selectSpec({keys::KeyType::Ec, 0, keys::Curve::P256});
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
    m_passphraseAction->setObjectName(QStringLiteral("changePassphraseAction"));
    m_generateAction->setShortcut(QKeySequence::New);
    m_importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_exportAction->setObjectName(QStringLiteral("exportAction"));
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportAction->setToolTip(tr("Copy the public JWK Set of the selected keys (%1); more in the menu")
                                   .arg(m_exportAction->shortcut().toString(QKeySequence::NativeText)));
    m_passphraseAction->setToolTip(tr("Encrypt the keystore with a new passphrase, typed twice"));
    auto* exportMenu = new QMenu(this);
    const std::array<std::pair<QString, KeyExportFormat>, 6> exports{{
        {tr("Copy Public JWK"), KeyExportFormat::PublicJwk},
        {tr("Copy Public JWK Set of the Selected Keys"), KeyExportFormat::PublicJwks},
        {tr("Copy Public PEM"), KeyExportFormat::PublicPem},
        {tr("Copy Private JWK…"), KeyExportFormat::PrivateJwk},
        {tr("Copy Private PEM…"), KeyExportFormat::PrivatePem},
        {tr("Copy Private PEM, Encrypted…"), KeyExportFormat::PrivatePemEncrypted},
    }};
    for (const auto& [text, format] : exports) {
        const KeyExportFormat chosen = format;
        connect(exportMenu->addAction(text), &QAction::triggered, this, [this, chosen] { exportSelected(chosen); });
    }
    exportMenu->addSeparator();
    QAction* exportToFile = exportMenu->addAction(tr("Export to &File…"));
    exportToFile->setObjectName(QStringLiteral("exportToFileAction"));
    connect(exportToFile, &QAction::triggered, this,
            [this] { m_actions->exportToFileChosen(entriesFor(KeyExportFormat::PublicJwk)); });
    m_exportAction->setMenu(exportMenu);
    m_generateAction->setToolTip(tr("Generate a key of the chosen kind into the keystore (%1)")
                                     .arg(m_generateAction->shortcut().toString(QKeySequence::NativeText)));
    auto* toolbar = new QToolBar(unlockedPage);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->addWidget(m_generateKind);
    for (QAction* action :
         {m_generateAction, m_importAction, m_exportAction, m_deleteAction, m_undoAction, m_passphraseAction}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        unlockedPage->addAction(action);
        if (action == m_passphraseAction) {
            toolbar->addSeparator();
        }
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
        if (m_actions->save()) {
            emit statusMessage(tr("Saved the keystore"));
        }
    });
    connect(saveAsButton, &QPushButton::clicked, m_actions, &KeystoreActions::saveAs);
    // Made after the toolbar and the lock button: the details' tab bar keeps its place in the Tab
    // order from where it was made (support/TabOrder.h).
    m_details = new KeyDetailsPane(this);
    auto* topRow = new QHBoxLayout;
    topRow->addWidget(m_busy);
    topRow->addWidget(m_cancelGenerate);
    topRow->addWidget(m_list->filterEdit(), 1);
    topRow->addWidget(m_lockButton);
    auto* splitter = new QSplitter(Qt::Vertical, unlockedPage);
    splitter->addWidget(m_list);
    splitter->addWidget(m_details);
    unlockedLayout->addWidget(m_unsavedBar);
    unlockedLayout->addWidget(toolbar);
    unlockedLayout->addLayout(topRow);
    unlockedLayout->addWidget(splitter, 1);

    m_stack->addWidget(m_lockedView);
    m_stack->addWidget(unlockedPage);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_stack);
    chainTabOrder({m_generateKind, m_cancelGenerate, m_list->filterEdit(), m_lockButton, m_list->view(), m_details});

    connect(m_lockButton, &QPushButton::clicked, this, &KeysPage::lock);
    connect(m_session, &KeystoreSession::lockedChanged, this, [this](bool locked) {
        if (locked) {
            showLocked();
        } else {
            showUnlocked();
        }
        emit lockedChanged(locked);
    });
    connect(m_session, &KeystoreSession::unlockFinished, this, [this](const QString& error) {
        if (error.isEmpty()) {
            emit statusMessage(tr("Keystore unlocked: %n key(s)", nullptr, m_model->rowCount()));
        }
    });
    connect(m_session, &KeystoreSession::unsavedChanged, this, &KeysPage::showSaveState);
    connect(m_session, &KeystoreSession::pathChanged, this, &KeysPage::showSaveState);
    connect(m_list, &KeyListPane::currentChanged, this, [this] {
        m_details->showEntry(m_list->currentEntry());
        updateActions();
    });
    connect(m_details, &KeyDetailsPane::detailsSubmitted, m_actions, &KeystoreActions::setDetails);
    connect(m_actions, &KeystoreActions::statusMessage, this, &KeysPage::statusMessage);
    connect(m_actions, &KeystoreActions::keyAdded, m_list, &KeyListPane::selectKid);
    connect(m_actions, &KeystoreActions::undoChanged, this, &KeysPage::updateActions);
    connect(m_generateAction, &QAction::triggered, this, &KeysPage::generateChosen);
    connect(m_cancelGenerate, &QPushButton::clicked, m_generation, &KeyGenerationTask::cancel);
    connect(m_generation, &KeyGenerationTask::finished, this, &KeysPage::generated);
    connect(m_importAction, &QAction::triggered, m_actions, &KeystoreActions::importChosen);
    connect(m_deleteAction, &QAction::triggered, this, [this] {
        if (const keys::KeystoreEntry* entry = m_list->currentEntry()) {
            m_actions->deleteKey(toQString(entry->kid()));
        }
    });
    connect(m_undoAction, &QAction::triggered, m_actions, &KeystoreActions::undoDelete);
    connect(m_exportAction, &QAction::triggered, this, [this] { exportSelected(KeyExportFormat::PublicJwks); });
    connect(m_passphraseAction, &QAction::triggered, m_actions, &KeystoreActions::changePassphrase);
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
    m_actions->setPrompter(nullptr);
}

void KeysPage::setPrompter(std::unique_ptr<KeysPrompter> prompter)
{
    m_prompter = std::move(prompter);
    m_actions->setPrompter(m_prompter.get());
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

void KeysPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!isUnlocked()) {
        m_lockedView->refresh(); // the file may have appeared or gone meanwhile
    }
}

bool KeysPage::isUnlocked() const
{
    return m_session->isUnlocked();
}

bool KeysPage::isGenerating() const
{
    return m_generation->isRunning();
}

bool KeysPage::resolveUnsaved(UnsavedKeystoreDialog::Situation situation)
{
    return m_actions->resolveUnsaved(situation);
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
    m_actions->forgetUndo();
    m_idleTimer.stop();
    qApp->removeEventFilter(this);
    m_details->showEntry(nullptr);
    m_list->clearFilter();
    m_lockedView->refresh();
    m_stack->setCurrentWidget(m_lockedView);
    updateActions();
}

void KeysPage::showUnlocked()
{
    m_model->setKeystore(m_session->editableKeystore());
    m_stack->setCurrentIndex(1);
    updateActions();
    qApp->installEventFilter(this);
    m_idleTimer.start();
}

void KeysPage::updateActions()
{
    const bool unlocked = isUnlocked();
    const bool generating = m_generation->isRunning();
    const bool selected = unlocked && m_list->currentEntry() != nullptr;
    m_generateAction->setEnabled(unlocked && !generating);
    m_generateKind->setEnabled(unlocked && !generating);
    m_importAction->setEnabled(unlocked);
    m_deleteAction->setEnabled(selected);
    m_exportAction->setEnabled(selected);
    m_undoAction->setEnabled(unlocked && m_actions->canUndoDelete());
    m_passphraseAction->setEnabled(unlocked);
    m_busy->setVisible(generating);
    m_cancelGenerate->setVisible(generating);
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
    const keys::KeySpec spec = m_generateKind->currentSpec();
    m_generation->start(spec);
    updateActions();
    emit statusMessage(spec.type == keys::KeyType::Rsa ? tr("Generating an RSA key: this can take a few seconds…")
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
    m_actions->addGenerated(*result.key);
    updateActions();
}

QList<const keys::KeystoreEntry*> KeysPage::entriesFor(KeyExportFormat format) const
{
    if (format == KeyExportFormat::PublicJwks) {
        return m_list->selectedEntries();
    }
    const keys::KeystoreEntry* current = m_list->currentEntry();
    return current != nullptr ? QList<const keys::KeystoreEntry*>{current} : QList<const keys::KeystoreEntry*>{};
}

QString KeysPage::exportSelected(KeyExportFormat format)
{
    return m_actions->exportToClipboard(entriesFor(format), format);
}

bool KeysPage::exportToFile(KeyExportFormat format, const QString& path)
{
    return m_actions->exportToFile(entriesFor(format), format, path);
}

} // namespace jwtwb::ui
