#include "DisclosureSteps.h"

#include "crypto/Digest.h"
#include "encoding/Base64Url.h"
#include "encoding/Utf8.h"
#include "support/Convert.h"
#include "support/Labels.h"
#include "support/Theme.h"

#include <QApplication>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace jwtwb::ui {
namespace {

QString code(const QString& text)
{
    return QStringLiteral("<code>%1</code>").arg(text.toHtmlEscaped());
}

// "/" is the payload itself; anything else a JSON Pointer into it.
QString placeName(const std::string& pointer)
{
    return pointer == "/" ? DisclosureSteps::tr("the payload's top level (%1)").arg(code(QStringLiteral("/")))
                          : code(toQString(pointer));
}

// "given_name", or "nationalities/0" for what is disclosed inside a claim.
QString chooserText(const sdjwt::Disclosure& disclosure, std::size_t index)
{
    QString what = !disclosure.path.empty() ? toQString(std::string_view(disclosure.path).substr(1))
        : disclosure.name                   ? toQString(*disclosure.name)
                                            : DisclosureSteps::tr("array element");
    if (!disclosure.wellFormed) {
        what = DisclosureSteps::tr("not readable");
    }
    return DisclosureSteps::tr("Disclosure %1: %2").arg(index + 1).arg(what);
}

} // namespace

DisclosureSteps::DisclosureSteps(QWidget* parent)
    : QWidget(parent)
    , m_title(makeTitle(tr("Disclosures · how each one hashes to its digest"), this))
    , m_chooser(new QComboBox(this))
    , m_steps(new QTextBrowser(this))
{
    m_chooser->setObjectName(QStringLiteral("disclosureChooser"));
    m_chooser->setAccessibleName(tr("Disclosure to explain"));
    m_steps->setObjectName(QStringLiteral("disclosureSteps"));
    m_steps->setOpenLinks(false);
    auto* top = new QHBoxLayout;
    top->addWidget(m_title);
    top->addWidget(m_chooser);
    top->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_steps, 1);
    connect(m_chooser, &QComboBox::currentIndexChanged, this, &DisclosureSteps::showSteps);
    hide();
}

void DisclosureSteps::setSdJwt(std::optional<sdjwt::SdJwt> sdJwt)
{
    const int keep = m_chooser->currentIndex();
    m_sdJwt = std::move(sdJwt);
    const QSignalBlocker blocker(m_chooser);
    m_chooser->clear();
    if (m_sdJwt) {
        for (std::size_t i = 0; i < m_sdJwt->disclosures.size(); ++i) {
            m_chooser->addItem(chooserText(m_sdJwt->disclosures[i], i));
        }
        m_chooser->setCurrentIndex(keep >= 0 && keep < m_chooser->count() ? keep : 0);
    }
    setVisible(m_sdJwt.has_value());
    showSteps();
}

void DisclosureSteps::setCurrentDisclosure(int index)
{
    m_chooser->setCurrentIndex(index);
}

int DisclosureSteps::currentDisclosure() const
{
    return m_chooser->currentIndex();
}

QString DisclosureSteps::stepsText() const
{
    return m_steps->toPlainText();
}

void DisclosureSteps::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::ApplicationPaletteChange || event->type() == QEvent::PaletteChange) {
        showSteps();
    }
}

void DisclosureSteps::showSteps()
{
    const int index = m_chooser->currentIndex();
    if (!m_sdJwt || m_sdJwt->disclosures.empty()) {
        m_steps->setHtml(m_sdJwt ? tr("<p>This SD-JWT has no disclosures: every claim it shows is in the "
                                      "issuer-signed payload.</p>")
                                 : QString());
        m_chooser->setVisible(false);
        return;
    }
    m_chooser->setVisible(true);
    if (index < 0) {
        m_steps->clear();
        return;
    }
    const sdjwt::Disclosure& disclosure = m_sdJwt->disclosures[static_cast<std::size_t>(index)];
    const QString color = disclosureColor(QApplication::palette(), index).name();
    QStringList steps;
    steps << tr("<b>1. The disclosure as it appears</b> (position %1 of the SD-JWT, %2 characters of base64url):")
                 .arg(disclosure.offset)
                 .arg(disclosure.text.size())
            + QStringLiteral("<br><code style=\"color:%1\">%2</code>")
                  .arg(color, toQString(disclosure.text).toHtmlEscaped());

    const auto decoded = encoding::base64UrlDecode(disclosure.text);
    if (!decoded) {
        steps << tr("<b>2. Decoded:</b> it is not base64url (%1), so it discloses nothing.")
                     .arg(toQString(decoded.error().message).toHtmlEscaped());
    } else {
        const std::string_view json = asText(*decoded);
        const QString shown = encoding::findInvalidUtf8(json) ? tr("(not UTF-8)") : code(toQString(json));
        QString parts;
        if (disclosure.wellFormed) {
            parts = disclosure.name ? tr("[salt, claim name, value]: salt %1, name %2, value %3")
                                          .arg(code(toQString(disclosure.salt)), code(toQString(*disclosure.name)),
                                               code(toQString(encoding::toCompactJson(disclosure.value))))
                                    : tr("[salt, value], an array element: salt %1, value %2")
                                          .arg(code(toQString(disclosure.salt)),
                                               code(toQString(encoding::toCompactJson(disclosure.value))));
        } else {
            parts = tr("not a well-formed disclosure: a JSON array [salt, name, value] or [salt, value] was expected");
        }
        steps << tr("<b>2. Decoded</b>, its bytes are the JSON array %1<br>%2").arg(shown, parts);
    }

    if (!m_sdJwt->hash) {
        steps << tr("<b>3. Hash:</b> \"_sd_alg\" is %1, which this program does not compute, so the digest is not "
                    "known.")
                     .arg(code(toQString(m_sdJwt->hashName)));
        m_steps->setHtml(QStringLiteral("<p>") + steps.join(QStringLiteral("</p><p>")) + QStringLiteral("</p>"));
        return;
    }
    const QString hash = toQString(crypto::hashName(*m_sdJwt->hash));
    steps << tr("<b>3. Hash:</b> \"_sd_alg\" is %1, so %2 runs over the %3 ASCII bytes of the base64url text exactly "
                "as it appears above (not over the decoded JSON: re-encoding it could change a byte).")
                 .arg(code(toQString(m_sdJwt->hashName)), hash)
                 .arg(disclosure.text.size());
    steps << tr("<b>4. Digest</b>, the hash in base64url:")
            + QStringLiteral("<br><code style=\"color:%1\">%2</code>")
                  .arg(color, toQString(disclosure.digest).toHtmlEscaped());
    if (disclosure.placedAt.empty()) {
        steps << tr("<b>5. Found:</b> nowhere. No \"_sd\" array and no {\"...\": …} element of the issuer-signed "
                    "payload holds this digest, so the disclosure is not part of the SD-JWT (see the Findings tab).");
    } else if (disclosure.name) {
        steps << tr("<b>5. Found</b> in the \"_sd\" array of %1: the issuer signed the digest, not the claim. "
                    "It discloses %2.")
                     .arg(placeName(disclosure.placedAt), code(toQString(disclosure.path)));
    } else {
        steps << tr("<b>5. Found</b> as the {\"...\": digest} element of the array %1: it discloses the element %2.")
                     .arg(placeName(disclosure.placedAt), code(toQString(disclosure.path)));
    }
    m_steps->setHtml(QStringLiteral("<p>") + steps.join(QStringLiteral("</p><p>")) + QStringLiteral("</p>"));
}

} // namespace jwtwb::ui
