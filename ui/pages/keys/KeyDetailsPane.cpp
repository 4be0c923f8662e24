#include "KeyDetailsPane.h"

#include "encoding/Base64Url.h"
#include "jose/Algorithm.h"
#include "jose/KeyAlgorithmCheck.h"
#include "keys/KeyExport.h"
#include "keys/Thumbprint.h"
#include "support/Convert.h"
#include "widgets/JsonView.h"

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
namespace {

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
        lines << KeyDetailsPane::tr("JWK thumbprint (SHA-256): %1").arg(toQString(encoding::base64UrlEncode(*print)));
    }
    if (auto uri = keys::thumbprintUri(key)) {
        lines << KeyDetailsPane::tr("Thumbprint URI: %1").arg(toQString(*uri));
    }
    const auto purpose = key.hasPrivate() ? jose::KeyPurpose::Sign : jose::KeyPurpose::Verify;
    QStringList algorithms;
    for (const auto alg : jose::algorithmsForKey(key, purpose)) {
        algorithms << toQString(jose::algorithmName(alg));
    }
    lines << (key.hasPrivate() ? KeyDetailsPane::tr("Signs and verifies: %1") : KeyDetailsPane::tr("Verifies: %1"))
                 .arg(algorithms.isEmpty() ? KeyDetailsPane::tr("no JWS algorithm")
                                           : algorithms.join(QStringLiteral(", ")));
    return lines.join(QLatin1Char('\n'));
}

} // namespace

KeyDetailsPane::KeyDetailsPane(QWidget* parent)
    : QWidget(parent)
    , m_facts(new QLabel(this))
    , m_labelEdit(new QLineEdit(this))
    , m_tagsEdit(new QLineEdit(this))
    , m_notesEdit(new QPlainTextEdit(this))
    , m_save(new QPushButton(tr("Save &Details"), this))
    , m_publicForms(new QTabWidget(this))
    , m_publicJwk(new JsonView(this))
    , m_publicPem(new QPlainTextEdit(this))
{
    m_facts->setObjectName(QStringLiteral("keyFacts"));
    m_facts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_facts->setWordWrap(true);
    m_labelEdit->setObjectName(QStringLiteral("labelEdit"));
    m_tagsEdit->setObjectName(QStringLiteral("tagsEdit"));
    m_tagsEdit->setPlaceholderText(tr("Comma-separated, e.g. production, billing"));
    m_notesEdit->setObjectName(QStringLiteral("notesEdit"));
    m_notesEdit->setTabChangesFocus(true);
    m_notesEdit->setMaximumHeight(m_notesEdit->fontMetrics().lineSpacing() * 3 + 12);
    m_save->setObjectName(QStringLiteral("saveDetails"));
    m_publicJwk->setObjectName(QStringLiteral("publicJwk"));
    m_publicPem->setObjectName(QStringLiteral("publicPem"));
    m_publicPem->setReadOnly(true);
    m_publicPem->setTabChangesFocus(true);
    m_publicPem->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_publicPem->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_publicForms->setObjectName(QStringLiteral("publicForms"));
    m_publicForms->addTab(m_publicJwk, tr("Public JWK"));
    m_publicForms->addTab(m_publicPem, tr("Public PEM"));

    auto* metadata = new QFormLayout;
    metadata->addRow(tr("Label:"), m_labelEdit);
    metadata->addRow(tr("Tags:"), m_tagsEdit);
    metadata->addRow(tr("Notes:"), m_notesEdit);
    auto* saveRow = new QHBoxLayout;
    saveRow->addStretch();
    saveRow->addWidget(m_save);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_facts);
    layout->addLayout(metadata);
    layout->addLayout(saveRow);
    layout->addWidget(m_publicForms, 1);

    connect(m_save, &QPushButton::clicked, this, [this] {
        if (!m_kid.isEmpty()) {
            emit detailsSubmitted(m_kid, m_labelEdit->text(), m_tagsEdit->text(), m_notesEdit->toPlainText());
        }
    });
    showEntry(nullptr);
}

void KeyDetailsPane::showEntry(const keys::KeystoreEntry* entry)
{
    for (QWidget* editor : std::initializer_list<QWidget*>{m_labelEdit, m_tagsEdit, m_notesEdit, m_save}) {
        editor->setEnabled(entry != nullptr);
    }
    if (entry == nullptr) {
        m_kid.clear();
        m_publicJwk->showPlain({});
        m_publicPem->clear();
        m_facts->clear();
        m_labelEdit->clear();
        m_tagsEdit->clear();
        m_notesEdit->clear();
        return;
    }
    m_kid = toQString(entry->kid());
    m_labelEdit->setText(toQString(entry->label));
    m_tagsEdit->setText(joinTags(entry->tags));
    m_notesEdit->setPlainText(toQString(entry->notes));
    m_facts->setText(describeKey(entry->key));
    if (entry->key.type() == keys::KeyType::Oct) {
        m_publicJwk->showPlain(tr("A secret has no public form: export it explicitly to see it."));
        m_publicPem->setPlainText(tr("A secret has no PEM form."));
        return;
    }
    auto jwk = keys::exportJwk(entry->key, false);
    if (jwk) {
        m_publicJwk->showJson(toQString(encoding::toPrettyJson(*jwk)));
    } else {
        m_publicJwk->showPlain(toQString(jwk.error().message));
    }
    auto pem = keys::exportPublicPem(entry->key);
    m_publicPem->setPlainText(pem ? toQString(*pem) : toQString(pem.error().message));
}

} // namespace jwtwb::ui
