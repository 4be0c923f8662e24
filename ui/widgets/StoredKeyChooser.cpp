#include "StoredKeyChooser.h"

#include "keys/Keystore.h"
#include "models/KeyListModel.h"
#include "support/Convert.h"
#include "support/KeystoreSession.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStandardItemModel>
#include <QVBoxLayout>

#include <algorithm>
#include <tuple>

namespace jwtwb::ui {
namespace {

// The data of the "all stored secrets" row: no kid, as the other all-row, but told apart.
const QString kAllSecrets = QStringLiteral("\u0001all-secrets");

constexpr qsizetype kShortKid = 12;

// "API signer · EC P-256 · kid ec-1"; RFC 7638 thumbprint kids shortened, the tooltip has them whole.
QString entryText(const keys::KeystoreEntry& entry)
{
    QString kid = toQString(entry.kid());
    if (kid.size() > kShortKid) {
        kid = kid.left(kShortKid - 2) + QStringLiteral("…");
    }
    const QString label = entry.label.empty() ? StoredKeyChooser::tr("(no label)") : toQString(entry.label);
    return StoredKeyChooser::tr("%1 · %2 · kid %3").arg(label, KeyListModel::typeText(entry.key), kid);
}

QString entryLabel(const keys::KeystoreEntry& entry)
{
    return toQString(entry.label.empty() ? entry.kid() : entry.label);
}

} // namespace

StoredKeyChooser::StoredKeyChooser(Purpose purpose, QWidget* parent)
    : QWidget(parent)
    , m_purpose(purpose)
    , m_lockedRow(new QWidget(this))
    , m_lockedLabel(new QLabel(tr("The keystore is locked."), m_lockedRow))
    , m_unlock(new QPushButton(tr("Unlock on the Keys Page…"), m_lockedRow))
    , m_keys(new QComboBox(this))
    , m_note(new QLabel(this))
{
    m_lockedLabel->setObjectName(QStringLiteral("keystoreLockedLabel"));
    m_unlock->setObjectName(QStringLiteral("unlockKeystoreButton"));
    m_keys->setObjectName(QStringLiteral("storedKeyChoice"));
    m_note->setObjectName(QStringLiteral("storedKeyNote"));

    m_unlock->setToolTip(tr("Go to the Keys page to enter the keystore's passphrase"));
    m_keys->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_keys->setMinimumContentsLength(24);
    m_note->setWordWrap(true);
    m_note->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* lockedLayout = new QHBoxLayout(m_lockedRow);
    lockedLayout->setContentsMargins(0, 0, 0, 0);
    lockedLayout->addWidget(m_lockedLabel, 1);
    lockedLayout->addWidget(m_unlock);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_lockedRow);
    layout->addWidget(m_keys);
    layout->addWidget(m_note);

    connect(m_unlock, &QPushButton::clicked, this, &StoredKeyChooser::unlockRequested);
    connect(m_keys, &QComboBox::activated, this, &StoredKeyChooser::pick);
    reload();
}

void StoredKeyChooser::pick(int index)
{
    m_picked = m_keys->itemData(index).toString();
    const keys::KeystoreEntry* entry = isLocked() ? nullptr : m_session->keystore()->find(toStdString(*m_picked));
    m_pickedLabel = entry ? entryLabel(*entry) : QString();
    m_dropped.clear();
    reload(); // the marks and the note depend on the choice
    emit choiceChanged();
}

void StoredKeyChooser::setSession(KeystoreSession* session)
{
    if (m_session) {
        disconnect(m_session.data(), nullptr, this, nullptr);
    }
    m_session = session;
    if (m_session) {
        connect(m_session.data(), &KeystoreSession::entriesChanged, this, [this] {
            reload();
            emit choiceChanged();
        });
    }
    reload();
    emit choiceChanged();
}

void StoredKeyChooser::setTokenKid(const QString& kid)
{
    if (kid == m_tokenKid) {
        return;
    }
    const auto before = std::tuple(chosenKid(), isAllChosen());
    m_tokenKid = kid;
    reload();
    if (std::tuple(chosenKid(), isAllChosen()) != before) {
        emit choiceChanged();
    }
}

void StoredKeyChooser::setTokenUsesSecret(bool secret)
{
    if (secret == m_tokenUsesSecret) {
        return;
    }
    const auto before = std::tuple(chosenKid(), isAllChosen(), m_keys->currentIndex());
    m_tokenUsesSecret = secret;
    reload();
    if (std::tuple(chosenKid(), isAllChosen(), m_keys->currentIndex()) != before) {
        emit choiceChanged();
    }
}

void StoredKeyChooser::choose(const QString& kid)
{
    const int index = kid.isEmpty() && offersSets() ? allRow() : m_keys->findData(kid);
    const auto* model = qobject_cast<QStandardItemModel*>(m_keys->model());
    if (index < 0 || index >= m_keys->count() || (model != nullptr && !model->item(index)->isEnabled())) {
        return;
    }
    m_keys->setCurrentIndex(index);
    pick(index);
}

bool StoredKeyChooser::isLocked() const
{
    return m_session == nullptr || !m_session->isUnlocked();
}

bool StoredKeyChooser::isAllChosen() const
{
    return offersSets() && !isLocked() && (m_keys->currentIndex() == 0 || m_keys->currentIndex() == 1);
}

bool StoredKeyChooser::offersSets() const
{
    return m_purpose == Purpose::Verify || m_purpose == Purpose::Decrypt;
}

bool StoredKeyChooser::needsPrivate() const
{
    return m_purpose == Purpose::Sign || m_purpose == Purpose::Decrypt;
}

int StoredKeyChooser::allRow() const
{
    return m_tokenUsesSecret ? 1 : 0;
}

QString StoredKeyChooser::chosenKid() const
{
    return isLocked() || m_keys->currentIndex() < 0 || isAllChosen() ? QString() : m_keys->currentData().toString();
}

std::vector<keys::Key> StoredKeyChooser::chosenKeys() const
{
    std::vector<keys::Key> chosen;
    if (isLocked()) {
        return chosen;
    }
    const bool all = isAllChosen();
    const bool secrets = m_keys->currentIndex() == 1;
    const QString kid = chosenKid();
    for (const auto& entry : m_session->keystore()->entries()) {
        if (all ? (entry.key.type() == keys::KeyType::Oct) != secrets : toQString(entry.kid()) != kid) {
            continue;
        }
        if (needsPrivate()) {
            if (entry.key.hasPrivate()) {
                chosen.push_back(entry.key);
            }
        } else if (entry.key.type() == keys::KeyType::Oct) {
            chosen.push_back(entry.key);
        } else if (auto publicKey = entry.key.publicKey()) {
            chosen.push_back(std::move(*publicKey));
        }
    }
    return chosen;
}

QString StoredKeyChooser::missingKeyText() const
{
    if (isLocked()) {
        return tr("The keystore is locked: unlock it on the Keys page to use its keys.");
    }
    const auto& entries = m_session->keystore()->entries();
    if (entries.empty()) {
        return tr("The keystore has no keys yet: add them on the Keys page.");
    }
    if (needsPrivate()
        && std::ranges::none_of(entries, [](const keys::KeystoreEntry& entry) { return entry.key.hasPrivate(); })) {
        return m_purpose == Purpose::Sign ? tr("No stored key can sign: the keystore holds only public keys.")
                                          : tr("No stored key can decrypt: the keystore holds only public keys.");
    }
    return {};
}

QString StoredKeyChooser::noteText() const
{
    return m_note->isHidden() ? QString() : m_note->text();
}

QString StoredKeyChooser::suggestedKid() const
{
    if (isLocked() || m_tokenKid.isEmpty() || m_session->keystore()->find(toStdString(m_tokenKid)) == nullptr) {
        return {};
    }
    return m_tokenKid;
}

void StoredKeyChooser::reload()
{
    const keys::Keystore* store = isLocked() ? nullptr : m_session->keystore();
    m_lockedRow->setVisible(store == nullptr);
    m_keys->setVisible(store != nullptr);
    if (store && m_picked && !m_picked->isEmpty() && store->find(toStdString(*m_picked)) == nullptr) {
        m_dropped = tr("The key you chose, “%1”, is no longer in the keystore.").arg(m_pickedLabel);
        m_picked.reset();
    }
    const QSignalBlocker blocker(m_keys);
    m_keys->clear();
    if (store == nullptr) {
        updateNote();
        return;
    }
    if (m_purpose == Purpose::Verify) {
        // Two sets, never one: a set of secrets and public keys together would let the token choose
        // HMAC or a signature (RFC 8725 §2.1), and verification refuses it.
        m_keys->addItem(tr("All stored public keys (chosen by kid)"), QString());
        m_keys->setItemData(0, tr("Every stored key pair and public key, as a JWK Set: the token's kid picks the key"),
                            Qt::ToolTipRole);
        m_keys->addItem(tr("All stored secrets (chosen by kid)"), kAllSecrets);
        m_keys->setItemData(1, tr("Every stored HMAC secret, as a JWK Set: the token's kid picks the secret"),
                            Qt::ToolTipRole);
    } else if (m_purpose == Purpose::Decrypt) {
        m_keys->addItem(tr("All stored private keys (chosen by kid)"), QString());
        m_keys->setItemData(0, tr("Every stored key pair, as a JWK Set: the token's kid picks the key to decrypt with"),
                            Qt::ToolTipRole);
        m_keys->addItem(tr("All stored secrets (chosen by kid)"), kAllSecrets);
        m_keys->setItemData(1, tr("Every stored secret, as a JWK Set: the token's kid picks the shared key"),
                            Qt::ToolTipRole);
    }
    const QString suggested = suggestedKid();
    auto* model = qobject_cast<QStandardItemModel*>(m_keys->model());
    int firstUsable = -1;
    for (const auto& entry : store->entries()) {
        const QString kid = toQString(entry.kid());
        const bool usable = !needsPrivate() || entry.key.hasPrivate();
        QString text = entryText(entry);
        if (!suggested.isEmpty() && kid == suggested) {
            text += tr(" — matches the token's kid");
        }
        if (!usable) {
            text += m_purpose == Purpose::Sign ? tr(" — public key only, cannot sign")
                                               : tr(" — public key only, cannot decrypt");
        }
        m_keys->addItem(text, kid);
        const int row = m_keys->count() - 1;
        m_keys->setItemData(row, tr("%1\nkid: %2").arg(toSentence(entry.key.describe()), kid), Qt::ToolTipRole);
        if (!usable && model != nullptr) {
            model->item(row)->setEnabled(false);
        } else if (firstUsable < 0) {
            firstUsable = row;
        }
    }
    const QString wanted = m_picked ? *m_picked : suggested;
    int index = wanted.isEmpty() ? -1 : m_keys->findData(wanted);
    if (index < 0) {
        // All keys of the token's kind; or the first that can sign (or encrypt)
        index = offersSets() ? allRow() : firstUsable;
    }
    m_keys->setCurrentIndex(index);
    updateNote();
}

void StoredKeyChooser::updateNote()
{
    QStringList lines;
    if (!m_dropped.isEmpty()) {
        lines << m_dropped;
    }
    if (!isLocked()) {
        if (const QString missing = missingKeyText(); !missing.isEmpty()) {
            lines << missing;
        } else if (offersSets() && !m_tokenKid.isEmpty()) {
            const QString suggested = suggestedKid();
            if (suggested.isEmpty()) {
                lines << tr("No stored key has the token's kid “%1”.").arg(m_tokenKid);
            } else {
                const QString label = entryLabel(*m_session->keystore()->find(toStdString(suggested)));
                lines << (chosenKid() == suggested || isAllChosen()
                              ? tr("“%1” matches the token's kid.").arg(label)
                              : tr("“%1” matches the token's kid; you chose another key.").arg(label));
            }
        }
    }
    m_note->setText(lines.join(QLatin1Char('\n')));
    m_note->setVisible(!lines.isEmpty());
}

} // namespace jwtwb::ui
