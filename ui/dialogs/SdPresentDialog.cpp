#include "SdPresentDialog.h"

#include "encoding/Text.h"
#include "keys/KeyReader.h"
#include "keys/Thumbprint.h"
#include "sdjwt/SdJwtIssuer.h"
#include "support/Clipboard.h"
#include "support/Clock.h"
#include "support/Convert.h"
#include "support/Labels.h"
#include "support/TabOrder.h"
#include "support/Theme.h"
#include "widgets/KeyInput.h"
#include "widgets/TokenEdit.h"

#include <QApplication>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTimeZone>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace jwtwb::ui {
namespace {

constexpr int kPathRole = Qt::UserRole;

// `path` is `ancestor` or inside it (JSON Pointers).
bool within(const QString& path, const QString& ancestor)
{
    return path == ancestor
        || (path.startsWith(ancestor) && path.size() > ancestor.size() && path.at(ancestor.size()) == u'/');
}

QString valueText(const encoding::Json& value)
{
    QString text = toQString(encoding::toCompactJson(value));
    if (text.size() > 80) {
        text = text.left(79) + QChar(0x2026);
    }
    return text;
}

} // namespace

SdPresentDialog::SdPresentDialog(QWidget* parent)
    : QDialog(parent)
    , m_input(new QPlainTextEdit(this))
    , m_status(new QLabel(this))
    , m_list(new QTreeWidget(this))
    , m_holderKey(new KeyInput(KeyInput::Purpose::Sign, this))
    , m_audience(new QLineEdit(this))
    , m_nonce(new QLineEdit(this))
    , m_iat(new QDateTimeEdit(this))
    , m_warning(new QLabel(this))
    , m_output(new TokenEdit(this))
    , m_error(new QLabel(this))
    , m_copy(new QPushButton(QIcon::fromTheme(QStringLiteral("edit-copy")), tr("&Copy"), this))
    , m_openInDecoder(new QPushButton(tr("&Open in Decoder"), this))
{
    setObjectName(QStringLiteral("sdPresentDialog"));
    setWindowTitle(tr("Present SD-JWT"));
    m_input->setObjectName(QStringLiteral("sdJwtInput"));
    m_status->setObjectName(QStringLiteral("sdJwtStatus"));
    m_list->setObjectName(QStringLiteral("disclosureList"));
    m_audience->setObjectName(QStringLiteral("kbAudience"));
    m_nonce->setObjectName(QStringLiteral("kbNonce"));
    m_iat->setObjectName(QStringLiteral("kbIssuedAt"));
    m_warning->setObjectName(QStringLiteral("holderKeyWarning"));
    m_output->setObjectName(QStringLiteral("presentationOutput"));
    m_error->setObjectName(QStringLiteral("presentationError"));
    m_copy->setObjectName(QStringLiteral("copyButton"));
    m_openInDecoder->setObjectName(QStringLiteral("openInDecoderButton"));

    m_input->setTabChangesFocus(true);
    m_input->setWordWrapMode(QTextOption::WrapAnywhere);
    m_input->setPlaceholderText(tr("Paste the SD-JWT the issuer gave you: <issuer-signed JWT>~<disclosure>~…~"));
    m_input->setMinimumHeight(m_input->fontMetrics().lineSpacing() * 4);
    for (QLabel* label : {m_status, m_warning, m_error}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_warning->hide();
    m_error->hide();
    m_list->setColumnCount(2);
    m_list->setHeaderLabels({tr("Disclosure (ticked: revealed)"), tr("Value")});
    m_list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_list->setUniformRowHeights(true);
    m_holderKey->setSource(KeyInput::Source::KeyText);
    m_holderKey->setKeyTextLines(3);
    m_holderKey->setGenerateOffered(false); // the KB-JWT's key is the one in cnf.jwk, never a new one
    m_audience->setPlaceholderText(tr("The verifier, e.g. https://verifier.example.org"));
    m_nonce->setPlaceholderText(tr("The verifier's nonce"));
#if QT_VERSION >= QT_VERSION_CHECK(6, 7, 0)
    m_iat->setTimeZone(QTimeZone::utc());
#else
    m_iat->setTimeSpec(Qt::UTC);
#endif
    m_iat->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
    m_iat->setDateTime(Clock::now());
    m_output->setReadOnly(true);
    m_output->setPlaceholderText(tr("The presentation appears here."));
    m_copy->setToolTip(tr("Copy the presentation to the clipboard"));
    m_openInDecoder->setToolTip(tr("Show the presentation in the Decoder"));
    m_copy->setEnabled(false);
    m_openInDecoder->setEnabled(false);

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto* inputLabel = new QLabel(tr("&SD-JWT:"), left);
    inputLabel->setBuddy(m_input);
    leftLayout->addWidget(inputLabel);
    leftLayout->addWidget(m_input, 1);
    leftLayout->addWidget(m_status);
    auto* listLabel = makeTitle(tr("Disclosures to reveal"), left);
    leftLayout->addWidget(listLabel);
    leftLayout->addWidget(m_list, 2);

    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(makeTitle(tr("Key binding (optional)"), right));
    auto* keyNote = new QLabel(tr("With the holder's private key, a key binding JWT proves that the holder presents "
                                  "it. Without one, the presentation ends with \"~\"."),
                               right);
    keyNote->setWordWrap(true);
    rightLayout->addWidget(keyNote);
    rightLayout->addWidget(m_holderKey);
    rightLayout->addWidget(m_warning);
    auto* form = new QFormLayout;
    form->addRow(tr("&Audience (aud):"), m_audience);
    form->addRow(tr("&Nonce:"), m_nonce);
    form->addRow(tr("&Issued at (iat):"), m_iat);
    rightLayout->addLayout(form);
    auto* outputRow = new QHBoxLayout;
    outputRow->addWidget(makeTitle(tr("Presentation"), right), 1);
    outputRow->addWidget(m_copy);
    outputRow->addWidget(m_openInDecoder);
    rightLayout->addLayout(outputRow);
    rightLayout->addWidget(m_output, 1);
    rightLayout->addWidget(m_error);

    auto* columns = new QSplitter(Qt::Horizontal, this);
    columns->addWidget(left);
    columns->addWidget(right);
    columns->setChildrenCollapsible(false);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(columns, 1);
    layout->addWidget(buttons);
    chainTabOrder(
        {m_input, m_list, m_holderKey, m_audience, m_nonce, m_iat, m_copy, m_openInDecoder, m_output, buttons});
    resize(1100, 720);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_input, &QPlainTextEdit::textChanged, this, &SdPresentDialog::parse);
    connect(m_list, &QTreeWidget::itemChanged, this, &SdPresentDialog::itemToggled);
    connect(m_holderKey, &KeyInput::keysChanged, this, &SdPresentDialog::present);
    connect(m_audience, &QLineEdit::textChanged, this, &SdPresentDialog::present);
    connect(m_nonce, &QLineEdit::textChanged, this, &SdPresentDialog::present);
    connect(m_iat, &QDateTimeEdit::dateTimeChanged, this, &SdPresentDialog::present);
    connect(m_copy, &QPushButton::clicked, this, [this] {
        // A presentation is a credential, like any token.
        Clipboard::instance()->copySecret(m_presentation);
    });
    connect(m_openInDecoder, &QPushButton::clicked, this, [this] { emit openInDecoder(m_presentation); });
    updateColors();
    parse();
}

void SdPresentDialog::changeEvent(QEvent* event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::ApplicationPaletteChange) {
        updateColors();
    }
}

void SdPresentDialog::updateColors()
{
    const TokenColors colors = tokenColors(QApplication::palette());
    setTextColor(m_error, colors.error);
    setTextColor(m_warning, colors.warning);
}

void SdPresentDialog::setSdJwt(const QString& text)
{
    m_input->setPlainText(text.trimmed());
}

QString SdPresentDialog::sdJwtText() const
{
    return m_input->toPlainText();
}

void SdPresentDialog::setKeystoreSession(KeystoreSession* session)
{
    m_holderKey->setKeystoreSession(session);
}

void SdPresentDialog::setIssuedAt(std::chrono::sys_seconds iat)
{
    m_iat->setDateTime(toQDateTime(iat));
}

QString SdPresentDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

QString SdPresentDialog::holderWarning() const
{
    return m_warning->isHidden() ? QString() : m_warning->text();
}

QTreeWidgetItem* SdPresentDialog::itemForPath(const QString& path) const
{
    const QString pointer = path.startsWith(u'/') ? path : QLatin1Char('/') + path;
    for (QTreeWidgetItemIterator it(m_list); *it; ++it) {
        if ((*it)->data(0, kPathRole).toString() == pointer) {
            return *it;
        }
    }
    return nullptr;
}

void SdPresentDialog::showError(const QString& text)
{
    m_presentation.clear();
    m_output->setText(QString());
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
    m_copy->setEnabled(false);
    m_openInDecoder->setEnabled(false);
}

void SdPresentDialog::parse()
{
    m_sdJwt.reset();
    m_ticked.clear();
    const std::string text(encoding::trimAsciiSpace(toStdString(m_input->toPlainText())));
    if (text.empty()) {
        m_status->setText(tr("Paste an SD-JWT above, or open this dialog with one in the decoder."));
        fillList();
        showError(QString());
        return;
    }
    auto parsed = sdjwt::parseSdJwt(text);
    if (!parsed) {
        m_status->setText(tr("Not an SD-JWT: %1").arg(toSentence(parsed.error().message)));
        fillList();
        showError(tr("No presentation: the input is not an SD-JWT."));
        return;
    }
    m_sdJwt = std::move(*parsed);
    QStringList lines;
    lines << tr("An SD-JWT with %n disclosure(s), _sd_alg %1.", nullptr, static_cast<int>(m_sdJwt->disclosures.size()))
                 .arg(toQString(m_sdJwt->hashName));
    if (m_sdJwt->keyBindingJwt) {
        lines << tr("It ends with a key binding JWT: the presentation made here replaces it.");
    }
    for (const auto& finding : m_sdJwt->findings) {
        lines << tr("⚠ %1 at %2: %3")
                     .arg(toQString(sdjwt::sdProblemName(finding.code)))
                     .arg(finding.position)
                     .arg(toSentence(finding.reason));
    }
    m_status->setText(lines.join(u'\n'));
    fillList();
    present();
}

void SdPresentDialog::fillList()
{
    m_filling = true;
    m_list->clear();
    if (m_sdJwt) {
        std::vector<const sdjwt::Disclosure*> disclosures;
        for (const auto& disclosure : m_sdJwt->disclosures) {
            if (disclosure.wellFormed && !disclosure.path.empty()) {
                disclosures.push_back(&disclosure);
            }
        }
        // Parents first, so that each one's item exists when its children come.
        std::ranges::stable_sort(disclosures, {},
                                 [](const sdjwt::Disclosure* d) { return std::ranges::count(d->path, '/'); });
        for (const auto* disclosure : disclosures) {
            const QString path = toQString(disclosure->path);
            QTreeWidgetItem* parent = nullptr;
            for (QTreeWidgetItemIterator it(m_list); *it; ++it) {
                const QString candidate = (*it)->data(0, kPathRole).toString();
                if (candidate != path && within(path, candidate)
                    && (!parent || candidate.size() > parent->data(0, kPathRole).toString().size())) {
                    parent = *it;
                }
            }
            auto* item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_list);
            item->setText(0, disclosure->name ? toQString(*disclosure->name) : path.mid(1));
            item->setText(1, valueText(disclosure->value));
            item->setToolTip(0, path.mid(1));
            item->setData(0, kPathRole, path);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(0, Qt::Unchecked);
        }
        m_list->expandAll();
    }
    m_filling = false;
}

// What the user ticked brings its parents (they hold its digest) and what it holds (core presents
// a path with all it contains); those brought by a ticked parent cannot be unticked on their own.
void SdPresentDialog::itemToggled(QTreeWidgetItem* item, int column)
{
    if (m_filling || column != 0) {
        return;
    }
    const QString path = item->data(0, kPathRole).toString();
    if (item->checkState(0) == Qt::Checked) {
        m_ticked.insert(path);
    } else {
        // Unticking a parent that came along with its children unticks them.
        for (auto it = m_ticked.begin(); it != m_ticked.end();) {
            it = within(*it, path) ? m_ticked.erase(it) : std::next(it);
        }
    }
    showTicks();
    present();
}

void SdPresentDialog::showTicks()
{
    m_filling = true;
    for (QTreeWidgetItemIterator it(m_list); *it; ++it) {
        const QString path = (*it)->data(0, kPathRole).toString();
        bool revealed = false;
        bool broughtAlong = false;
        for (const QString& ticked : std::as_const(m_ticked)) {
            revealed = revealed || within(path, ticked) || within(ticked, path);
            broughtAlong = broughtAlong || (path != ticked && within(path, ticked));
        }
        (*it)->setCheckState(0, revealed ? Qt::Checked : Qt::Unchecked);
        const Qt::ItemFlags flags = (*it)->flags();
        (*it)->setFlags(broughtAlong ? flags & ~Qt::ItemIsEnabled : flags | Qt::ItemIsEnabled);
        (*it)->setToolTip(1, broughtAlong ? tr("Revealed with the disclosure that holds it") : QString());
    }
    m_filling = false;
}

QString SdPresentDialog::checkHolderKey() const
{
    const keys::Key* key = m_holderKey->key();
    const auto cnf = m_sdJwt->payload.find("cnf");
    const bool hasCnf = cnf != m_sdJwt->payload.end() && cnf->is_object() && cnf->contains("jwk");
    if (!key) {
        return hasCnf ? tr("No key binding JWT: the SD-JWT names a holder key (cnf.jwk), and a verifier that "
                           "requires key binding refuses the presentation without one.")
                      : QString();
    }
    if (!hasCnf) {
        return tr("The SD-JWT has no cnf.jwk: a verifier has no key to check this key binding JWT with.");
    }
    // The same key when the members of their thumbprints (RFC 7638) are the same.
    std::optional<std::string> cnfMembers;
    if (const auto cnfKey = keys::readKeys(encoding::toCompactJson(cnf->at("jwk")));
        cnfKey && cnfKey->keys.size() == 1) {
        if (auto members = keys::thumbprintInput(cnfKey->keys.front())) {
            cnfMembers = std::move(*members);
        }
    }
    const auto keyMembers = keys::thumbprintInput(*key);
    if (!cnfMembers || !keyMembers || *cnfMembers != *keyMembers) {
        return tr("This holder key is not the SD-JWT's cnf.jwk: a verifier rejects the key binding JWT.");
    }
    return {};
}

void SdPresentDialog::present()
{
    if (!m_sdJwt) {
        return;
    }
    const QString warning = checkHolderKey();
    m_warning->setText(warning.isEmpty() ? QString() : QStringLiteral("⚠ ") + warning);
    m_warning->setVisible(!warning.isEmpty());
    const keys::Key* key = m_holderKey->key();
    if (key && key->type() == keys::KeyType::Oct) {
        showError(tr("No presentation: a secret cannot sign a key binding JWT; the holder key is the private key "
                     "whose public half is cnf.jwk."));
        return;
    }
    if (!m_holderKey->isEmpty() && !key) {
        showError(tr("No presentation: %1").arg(m_holderKey->errorText()));
        return;
    }
    sdjwt::PresentOptions options;
    for (const QString& path : std::as_const(m_ticked)) {
        options.disclose.push_back(toStdString(path));
    }
    std::ranges::sort(options.disclose);
    options.holderKey = key;
    options.audience = toStdString(m_audience->text());
    options.nonce = toStdString(m_nonce->text());
    options.iat = toSysSeconds(m_iat->dateTime());
    const auto presented
        = sdjwt::presentSdJwt(m_sdJwt->presented.empty() ? m_sdJwt->issuerJwt + "~" : m_sdJwt->presented, options);
    if (!presented) {
        showError(tr("No presentation: %1").arg(toSentence(presented.error().message)));
        return;
    }
    m_error->hide();
    m_presentation = toQString(*presented);
    m_output->setText(m_presentation);
    m_output->markToken(0, static_cast<int>(m_presentation.indexOf(u'~')));
    m_copy->setEnabled(true);
    m_openInDecoder->setEnabled(true);
}

} // namespace jwtwb::ui
