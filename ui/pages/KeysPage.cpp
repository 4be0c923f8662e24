#include "KeysPage.h"

#include "encoding/Base64Url.h"
#include "io/AtomicFile.h"
#include "keys/KeyExport.h"
#include "keys/Keystore.h"
#include "keys/Thumbprint.h"
#include "models/KeyListModel.h"
#include "support/Convert.h"
#include "widgets/JsonView.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace jwtwb::ui {

KeysPage::KeysPage(QString keystorePath, QWidget* parent)
    : QWidget(parent)
    , m_path(std::move(keystorePath))
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
    auto* topRow = new QHBoxLayout;
    topRow->addWidget(m_filterEdit, 1);
    topRow->addWidget(m_lockButton);
    m_view->setModel(m_filter);
    m_view->setRootIsDecorated(false);
    m_view->setSortingEnabled(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->header()->setStretchLastSection(true);
    auto* detailsPane = new QWidget(this);
    auto* detailsLayout = new QVBoxLayout(detailsPane);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    m_thumbprintLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_thumbprintLabel->setWordWrap(true);
    detailsLayout->addWidget(m_thumbprintLabel);
    detailsLayout->addWidget(m_details, 1);
    auto* splitter = new QSplitter(Qt::Vertical, unlockedPage);
    splitter->addWidget(m_view);
    splitter->addWidget(detailsPane);
    unlockedLayout->addLayout(topRow);
    unlockedLayout->addWidget(splitter, 1);

    m_stack->addWidget(lockedPage);
    m_stack->addWidget(unlockedPage);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_stack);

    connect(m_unlockButton, &QPushButton::clicked, this, &KeysPage::unlock);
    connect(m_passphraseEdit, &QLineEdit::returnPressed, this, &KeysPage::unlock);
    connect(m_lockButton, &QPushButton::clicked, this, &KeysPage::lock);
    connect(m_filterEdit, &QLineEdit::textChanged, m_filter, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &KeysPage::showDetails);
    lock();
}

KeysPage::~KeysPage()
{
    m_model->setKeystore(nullptr);
}

bool KeysPage::isUnlocked() const
{
    return m_keystore != nullptr;
}

void KeysPage::lock()
{
    m_model->setKeystore(nullptr);
    if (m_keystore) {
        m_keystore->lock();
        m_keystore.reset();
    }
    m_details->showPlain({});
    m_thumbprintLabel->clear();
    m_filterEdit->clear();
    const bool exists = io::fileExists(toStdString(m_path));
    m_lockedLabel->setText(exists
                               ? tr("The keystore %1 is locked.").arg(m_path)
                               : tr("There is no keystore yet. Choose a passphrase to start one at %1.").arg(m_path));
    m_stack->setCurrentIndex(0);
    emit lockedChanged(true);
}

void KeysPage::unlock()
{
    crypto::SecureBytes passphrase(toStdString(m_passphraseEdit->text()));
    m_passphraseEdit->clear();
    if (passphrase.empty()) {
        m_errorLabel->setText(tr("Enter the passphrase."));
        return;
    }
    const std::string path = toStdString(m_path);
    if (!io::fileExists(path)) {
        m_keystore = std::make_unique<keys::Keystore>(keys::Keystore::create(path, std::move(passphrase)));
    } else {
        // PBKDF2 at 600 000 iterations: a fraction of a second.
        QApplication::setOverrideCursor(Qt::WaitCursor);
        auto opened = keys::Keystore::open(path, std::move(passphrase));
        QApplication::restoreOverrideCursor();
        if (!opened) {
            m_errorLabel->setText(toQString(opened.error().message));
            return;
        }
        m_keystore = std::make_unique<keys::Keystore>(std::move(*opened));
    }
    m_errorLabel->clear();
    m_model->setKeystore(m_keystore.get());
    m_stack->setCurrentIndex(1);
    m_view->resizeColumnToContents(KeyListModel::LabelColumn);
    m_view->resizeColumnToContents(KeyListModel::TypeColumn);
    emit lockedChanged(false);
    emit statusMessage(tr("Keystore unlocked: %n key(s)", nullptr, m_model->rowCount()));
}

void KeysPage::showDetails()
{
    const keys::KeystoreEntry* entry = m_model->entry(m_filter->mapToSource(m_view->currentIndex()));
    if (entry == nullptr) {
        m_details->showPlain({});
        m_thumbprintLabel->clear();
        return;
    }
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

} // namespace jwtwb::ui
