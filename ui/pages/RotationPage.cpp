#include "RotationPage.h"

#include "rotation/RotationKeyModel.h"
#include "rotation/RotationRehearsal.h"
#include "rotation/RotationTokenModel.h"
#include "support/Clipboard.h"
#include "support/KeyFile.h"
#include "support/KeystoreSession.h"
#include "support/Labels.h"
#include "support/TabOrder.h"
#include "support/Theme.h"
#include "support/VerificationTime.h"

#include <QCheckBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <set>

namespace jwtwb::ui {
namespace {

constexpr int kDebounceMs = 150;

QString resourceText(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QTableView* makeTable(QAbstractItemModel* model, const QString& name, QWidget* parent)
{
    auto* table = new QTableView(parent);
    table->setObjectName(name);
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    return table;
}

QPushButton* makeButton(const QString& text, const QString& name, const QString& tip, QWidget* parent)
{
    auto* button = new QPushButton(text, parent);
    button->setObjectName(name);
    button->setStatusTip(tip);
    button->setToolTip(tip);
    return button;
}

} // namespace

RotationPage::RotationPage(QWidget* parent)
    : QWidget(parent)
    , m_rehearsal(new RotationRehearsal(this))
    , m_time(new VerificationTime(this))
    , m_debounce(new QTimer(this))
    , m_keyText(new QPlainTextEdit(this))
    , m_fromKeystore(makeButton(tr("From &Keystore"), QStringLiteral("fromKeystoreButton"),
                                tr("The public halves of the unlocked keystore's keys become the current set"), this))
    , m_addKeys(makeButton(tr("&Add Keys…"), QStringLiteral("addKeysButton"),
                           tr("Paste keys that are in the new set only"), this))
    , m_addKeyFile(makeButton(tr("Add Key F&ile…"), QStringLiteral("addKeyFileButton"),
                              tr("Read keys for the new set only from a file"), this))
    , m_keyMessage(new QLabel(this))
    , m_keyTable(makeTable(m_rehearsal->keys(), QStringLiteral("rotationKeys"), this))
    , m_keep(makeButton(tr("Kee&p"), QStringLiteral("keepKeyButton"),
                        tr("The selected keys stay in the new set and go on signing"), this))
    , m_retire(makeButton(tr("&Retire"), QStringLiteral("retireKeyButton"),
                          tr("A retired key stays published, so its tokens verify until they expire, but it signs "
                             "nothing new; the summary says which tokens fail once it is removed"),
                          this))
    , m_remove(makeButton(tr("Re&move"), QStringLiteral("removeKeyButton"),
                          tr("The selected keys are not in the new set: their tokens stop verifying"), this))
    , m_tokenText(new QPlainTextEdit(this))
    , m_allowWeakKeys(new QCheckBox(tr("Accept &weak keys"), this))
    , m_example(makeButton(tr("&Load Example"), QStringLiteral("loadExampleButton"),
                           tr("Fill in a prepared rotation: three keys, one retired, one removed, one added, and "
                              "eight tokens"),
                           this))
    , m_tokenMessage(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_retiredSummary(new QLabel(this))
    , m_tokenTable(makeTable(m_rehearsal->tokens(), QStringLiteral("rotationTokens"), this))
    , m_export(makeButton(tr("E&xport New JWK Set…"), QStringLiteral("exportNewSetButton"),
                          tr("Save the new set's public keys (kept, retired and added) as a JWK Set"), this))
    , m_copy(makeButton(tr("&Copy New JWK Set"), QStringLiteral("copyNewSetButton"),
                        tr("Copy the new set's public keys as a JWK Set"), this))
    , m_exportMessage(new QLabel(this))
{
    setObjectName(QStringLiteral("rotationPage"));
    m_keyText->setObjectName(QStringLiteral("rotationKeyText"));
    m_keyText->setPlaceholderText(tr("Paste the JWK Set verifiers use today, a JWK or PEM public keys"));
    m_tokenText->setObjectName(QStringLiteral("rotationTokenText"));
    m_tokenText->setPlaceholderText(tr("Paste tokens, one a line"));
    m_tokenText->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_keyText->setTabChangesFocus(true);
    m_tokenText->setTabChangesFocus(true);
    m_allowWeakKeys->setObjectName(QStringLiteral("rotationAllowWeakKeys"));
    m_allowWeakKeys->setStatusTip(tr("Verify with weak keys (short RSA keys and HMAC secrets) instead of refusing "
                                     "them"));
    for (QLabel* label : {m_keyMessage, m_tokenMessage, m_exportMessage, m_retiredSummary}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->hide();
    }
    m_keyMessage->setObjectName(QStringLiteral("rotationKeyMessage"));
    m_tokenMessage->setObjectName(QStringLiteral("rotationTokenMessage"));
    m_exportMessage->setObjectName(QStringLiteral("rotationExportMessage"));
    m_summary->setObjectName(QStringLiteral("rotationSummary"));
    m_retiredSummary->setObjectName(QStringLiteral("rotationRetiredSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont big = m_summary->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.2);
    m_summary->setFont(big);
    m_retiredSummary->setStatusTip(m_retire->statusTip());

    auto* keyLabel = makeTitle(tr("Current &JWK Set"), this);
    keyLabel->setBuddy(m_keyText);
    auto* keyButtons = new QHBoxLayout;
    keyButtons->addWidget(m_fromKeystore);
    keyButtons->addWidget(m_addKeys);
    keyButtons->addWidget(m_addKeyFile);
    keyButtons->addStretch();
    auto* stateButtons = new QHBoxLayout;
    stateButtons->addWidget(new QLabel(tr("Selected keys:"), this));
    stateButtons->addWidget(m_keep);
    stateButtons->addWidget(m_retire);
    stateButtons->addWidget(m_remove);
    stateButtons->addStretch();
    auto* keys = new QWidget(this);
    auto* keysLayout = new QVBoxLayout(keys);
    keysLayout->setContentsMargins(0, 0, 0, 0);
    keysLayout->addWidget(keyLabel);
    keysLayout->addWidget(m_keyText, 2);
    keysLayout->addLayout(keyButtons);
    keysLayout->addWidget(m_keyMessage);
    keysLayout->addWidget(m_keyTable, 3);
    keysLayout->addLayout(stateButtons);

    auto* tokenLabel = makeTitle(tr("T&okens"), this);
    tokenLabel->setBuddy(m_tokenText);
    auto* tokenOptions = new QHBoxLayout;
    tokenOptions->addWidget(m_allowWeakKeys);
    tokenOptions->addStretch();
    tokenOptions->addWidget(m_example);
    auto* tokens = new QWidget(this);
    auto* tokensLayout = new QVBoxLayout(tokens);
    tokensLayout->setContentsMargins(0, 0, 0, 0);
    tokensLayout->addWidget(tokenLabel);
    tokensLayout->addWidget(m_tokenText, 1);
    tokensLayout->addLayout(tokenOptions);
    tokensLayout->addWidget(m_tokenMessage);

    auto* inputs = new QSplitter(Qt::Horizontal, this);
    inputs->setObjectName(QStringLiteral("rotationInputSplitter"));
    inputs->setChildrenCollapsible(false);
    inputs->addWidget(keys);
    inputs->addWidget(tokens);

    auto* exportRow = new QHBoxLayout;
    exportRow->addWidget(m_exportMessage, 1);
    exportRow->addStretch();
    exportRow->addWidget(m_export);
    exportRow->addWidget(m_copy);
    auto* result = new QWidget(this);
    auto* resultLayout = new QVBoxLayout(result);
    resultLayout->setContentsMargins(0, 0, 0, 0);
    resultLayout->addWidget(m_summary);
    resultLayout->addWidget(m_retiredSummary);
    resultLayout->addWidget(m_tokenTable, 1);
    resultLayout->addLayout(exportRow);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("rotationSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(inputs);
    splitter->addWidget(result);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    // The key columns show the verifier's reason when no key verifies: long, elided, whole in the tooltip.
    QHeaderView* columns = m_tokenTable->horizontalHeader();
    columns->setStretchLastSection(false);
    columns->setSectionResizeMode(QHeaderView::ResizeToContents);
    columns->setSectionResizeMode(RotationTokenModel::OldKeyColumn, QHeaderView::Stretch);
    columns->setSectionResizeMode(RotationTokenModel::NewKeyColumn, QHeaderView::Stretch);
    m_keyTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_keyTable->horizontalHeader()->setStretchLastSection(true);

    chainTabOrder({m_keyText, m_fromKeystore, m_addKeys, m_addKeyFile, m_keyTable, m_keep, m_retire, m_remove,
                   m_tokenText, m_allowWeakKeys, m_example, m_tokenTable, m_export, m_copy});

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &RotationPage::rehearseNow);
    connect(m_keyText, &QPlainTextEdit::textChanged, this, [this] {
        m_keysDirty = true;
        schedule();
    });
    connect(m_tokenText, &QPlainTextEdit::textChanged, this, [this] {
        m_tokensDirty = true;
        schedule();
    });
    connect(m_allowWeakKeys, &QCheckBox::toggled, this, [this](bool allow) {
        m_rehearsal->setAllowWeakKeys(allow);
        schedule();
    });
    connect(m_rehearsal->keys(), &RotationKeyModel::keysChanged, this, &RotationPage::schedule);
    connect(m_fromKeystore, &QPushButton::clicked, this, &RotationPage::takeKeystoreKeys);
    connect(m_addKeys, &QPushButton::clicked, this, &RotationPage::addKeysDialog);
    connect(m_addKeyFile, &QPushButton::clicked, this, &RotationPage::addKeyFile);
    connect(m_keep, &QPushButton::clicked, this, [this] { applyToSelection(KeyState::Keep); });
    connect(m_retire, &QPushButton::clicked, this, [this] { applyToSelection(KeyState::Retire); });
    connect(m_remove, &QPushButton::clicked, this, [this] { applyToSelection(KeyState::Remove); });
    connect(m_example, &QPushButton::clicked, this, &RotationPage::loadExample);
    connect(m_export, &QPushButton::clicked, this, &RotationPage::exportDialog);
    connect(m_copy, &QPushButton::clicked, this, &RotationPage::copyNewSet);
    connect(m_time, &VerificationTime::changed, this, &RotationPage::schedule);
    rehearseNow();
}

void RotationPage::setKeystoreSession(KeystoreSession* session)
{
    m_keystore = session;
}

void RotationPage::shareVerificationTime(VerificationTime* time)
{
    VerificationTime::share(this, m_time, time, [this] { schedule(); });
}

QString RotationPage::summary() const
{
    return m_summary->text();
}

QString RotationPage::keyMessage() const
{
    return m_keyMessage->isHidden() ? QString() : m_keyMessage->text();
}

void RotationPage::schedule()
{
    m_debounce->start();
}

void RotationPage::showMessage(QLabel* label, const QString& text, bool error)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
    showAsError(label, error);
}

void RotationPage::showAsError(QLabel* label, bool error)
{
    if (error) {
        setTextColor(label, statusColors(palette()).bad);
    } else {
        label->setPalette(QPalette());
    }
}

void RotationPage::readCurrentKeys()
{
    const QString error = m_rehearsal->setCurrentKeysText(m_keyText->toPlainText());
    showMessage(m_keyMessage, error, true);
}

void RotationPage::rehearseNow()
{
    m_debounce->stop();
    if (m_keysDirty) {
        m_keysDirty = false;
        readCurrentKeys();
    }
    if (m_tokensDirty) {
        m_tokensDirty = false;
        showMessage(m_tokenMessage, m_rehearsal->setTokensText(m_tokenText->toPlainText()), false);
    }
    m_rehearsal->rehearse(m_time->at());
    if (!m_rehearsal->hasTokens()) {
        m_summary->setText(m_rehearsal->keys()->rowCount() == 0
                               ? tr("Paste the current key set and some tokens, or load the example.")
                               : tr("Paste tokens, one a line, to see which of them the new set breaks."));
        m_retiredSummary->hide();
        showAsError(m_summary, false);
    } else {
        m_summary->setText(m_rehearsal->summary());
        showAsError(m_summary, m_rehearsal->tokens()->report().breaksLiveTokens());
        const int retired = m_rehearsal->dependsOnRetiredCount();
        const QString retiredText = retired == 0
            ? QString()
            : tr("Verified only by a retired key: %n token(s). Once the retired keys are removed: %1", nullptr, retired)
                  .arg(m_rehearsal->retiredSummary());
        showMessage(m_retiredSummary, retiredText, false);
    }
}

void RotationPage::takeKeystoreKeys()
{
    if (!m_keystore || !m_keystore->isUnlocked()) {
        showMessage(m_keyMessage, tr("Unlock the keystore on the Keys page first."), false);
        emit keystoreUnlockRequested();
        return;
    }
    const auto set = RotationRehearsal::keystorePublicSet(*m_keystore->keystore());
    if (!set.json.isEmpty()) {
        m_keyText->setPlainText(set.json);
        rehearseNow();
    }
    showMessage(m_keyMessage, set.message, set.json.isEmpty());
}

bool RotationPage::addKeys(const QString& text)
{
    const QString error = m_rehearsal->addKeysText(text);
    showMessage(m_keyMessage, error, true);
    rehearseNow();
    return error.isEmpty();
}

void RotationPage::addKeysDialog()
{
    bool ok = false;
    const QString text = QInputDialog::getMultiLineText(
        this, tr("Add Keys"), tr("Keys for the new set only (a JWK Set, a JWK or PEM public keys):"), QString(), &ok);
    if (ok && !text.trimmed().isEmpty()) {
        addKeys(text);
    }
}

void RotationPage::addKeyFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Add Key File"), QString(), tr("Keys (*.json *.jwk *.jwks *.pem *.der *.crt);;All files (*)"));
    if (path.isEmpty()) {
        return;
    }
    QString error;
    if (const auto text = readKeyFileAsText(path, &error)) {
        addKeys(*text);
    } else {
        showMessage(m_keyMessage, error, true);
    }
}

void RotationPage::setKeyState(int row, KeyState state)
{
    m_rehearsal->keys()->setState(row, state);
    rehearseNow();
}

void RotationPage::applyToSelection(KeyState state)
{
    std::set<int> rows;
    for (const QModelIndex& index : m_keyTable->selectionModel()->selectedIndexes()) {
        rows.insert(index.row());
    }
    if (rows.empty()) {
        showMessage(m_keyMessage, tr("Select the keys in the table first."), false);
        return;
    }
    for (const int row : rows) {
        m_rehearsal->keys()->setState(row, state);
    }
    rehearseNow();
}

QString RotationPage::newSetJson()
{
    rehearseNow();
    const auto exported = m_rehearsal->exportNewSet();
    showMessage(m_exportMessage, exported.error.isEmpty() ? exported.note : exported.error, !exported.error.isEmpty());
    return exported.json;
}

bool RotationPage::exportNewSet(const QString& path)
{
    const QString json = newSetJson();
    if (json.isEmpty()) {
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(json.toUtf8() + '\n') < 0 || !file.commit()) {
        showMessage(m_exportMessage, tr("Cannot write %1: %2").arg(displayPath(path), file.errorString()), true);
        return false;
    }
    emit statusMessage(tr("Saved the new JWK Set to %1").arg(displayPath(path)));
    return true;
}

void RotationPage::exportDialog()
{
    if (newSetJson().isEmpty()) {
        return;
    }
    const QString path = QFileDialog::getSaveFileName(this, tr("Export New JWK Set"), QStringLiteral("jwks.json"),
                                                      tr("JWK Sets (*.json *.jwks);;All files (*)"));
    if (!path.isEmpty()) {
        (void)exportNewSet(path); // it shows its own message
    }
}

void RotationPage::copyNewSet()
{
    if (const QString json = newSetJson(); !json.isEmpty()) {
        Clipboard::instance()->copyText(json); // public keys: no secret to clear
        emit statusMessage(tr("Copied the new JWK Set (public keys only)"));
    }
}

void RotationPage::loadExample()
{
    m_rehearsal->keys()->clear(); // the example's keys and states only
    m_keyText->setPlainText(resourceText(QStringLiteral(":/samples/rotation/current.jwks")));
    rehearseNow();
    (void)m_rehearsal->addKeysText(resourceText(QStringLiteral(":/samples/rotation/added.jwks")));
    auto* keys = m_rehearsal->keys();
    for (int row = 0; row < keys->rowCount(); ++row) {
        const auto& kid = keys->entries()[static_cast<std::size_t>(row)].key.parameters().kid;
        keys->setState(row, kid == "2025-11" ? KeyState::Remove : kid == "2026-05" ? KeyState::Retire : KeyState::Keep);
    }
    m_tokenText->setPlainText(resourceText(QStringLiteral(":/samples/rotation/tokens.txt")));
    rehearseNow();
}

} // namespace jwtwb::ui
