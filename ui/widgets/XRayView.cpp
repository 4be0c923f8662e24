#include "XRayView.h"

#include "encoding/Hex.h"
#include "inspect/SegmentMap.h"
#include "support/Convert.h"
#include "support/Labels.h"
#include "support/TabOrder.h"
#include "support/Theme.h"
#include "widgets/DisclosureSteps.h"
#include "widgets/EncryptionSteps.h"
#include "widgets/SigningSteps.h"
#include "widgets/TokenHighlighter.h"

#include <QApplication>
#include <QEvent>
#include <QFontDatabase>
#include <QGridLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QPlainTextEdit>
#include <QShowEvent>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <array>

namespace jwtwb::ui {
namespace {

QPlainTextEdit* makeView(QWidget* parent, const QString& name)
{
    auto* view = new QPlainTextEdit(parent);
    view->setObjectName(name);
    view->setReadOnly(true);
    view->setTabChangesFocus(true);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    view->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    view->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    view->setMouseTracking(true);
    view->viewport()->setMouseTracking(true);
    // Small windows: two lines are enough to point at, the panes grow with the window.
    view->setMinimumHeight(view->fontMetrics().lineSpacing() * 2 + 2 * view->frameWidth() + 4);
    return view;
}

QTextEdit::ExtraSelection highlightOf(QPlainTextEdit* view, int start, int end, const QPalette& palette)
{
    QTextEdit::ExtraSelection selection;
    selection.cursor = QTextCursor(view->document());
    selection.cursor.setPosition(start);
    selection.cursor.setPosition(end, QTextCursor::KeepAnchor);
    selection.format.setBackground(palette.color(QPalette::Highlight));
    selection.format.setForeground(palette.color(QPalette::HighlightedText));
    return selection;
}

QString partName(std::size_t parts, std::size_t part)
{
    if (parts == 5) {
        static const std::array names{
            QT_TRANSLATE_NOOP("jwtwb::ui::XRayView", "protected header"),
            QT_TRANSLATE_NOOP("jwtwb::ui::XRayView", "encrypted key"),
            QT_TRANSLATE_NOOP("jwtwb::ui::XRayView", "initialization vector"),
            QT_TRANSLATE_NOOP("jwtwb::ui::XRayView", "ciphertext"),
            QT_TRANSLATE_NOOP("jwtwb::ui::XRayView", "authentication tag"),
        };
        return XRayView::tr(names[std::min<std::size_t>(part, 4)]);
    }
    return part == 0 ? XRayView::tr("header") : part == 1 ? XRayView::tr("payload") : XRayView::tr("signature");
}

} // namespace

XRayView::XRayView(QWidget* parent)
    : QWidget(parent)
    , m_tokenView(makeView(this, QStringLiteral("xrayToken")))
    , m_tokenHighlighter(new TokenHighlighter(m_tokenView->document()))
    , m_detail(new QLabel(this))
    , m_steps(new QTextBrowser(this))
    , m_disclosureSteps(new DisclosureSteps(this))
{
    m_detail->setObjectName(QStringLiteral("xrayDetail"));
    m_steps->setObjectName(QStringLiteral("xraySteps"));
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_steps->setOpenLinks(false);

    auto* mapping = new QWidget(this);
    auto* grid = new QGridLayout(mapping);
    m_grid = grid;
    grid->setContentsMargins(0, 0, 0, 0);
    m_tokenTitle = new QLabel(mapping);
    grid->addWidget(m_tokenTitle, 0, 0, 1, 2);
    grid->addWidget(m_tokenView, 1, 0, 1, 2);
    const QStringList names{QStringLiteral("xrayHeader"), QStringLiteral("xrayPayload"),
                            QStringLiteral("xraySignature"), QStringLiteral("xrayCiphertext"),
                            QStringLiteral("xrayTag")};
    for (std::size_t i = 0; i < kMaxParts; ++i) {
        m_titles[i] = new QLabel(mapping);
        m_views[i] = makeView(mapping, names[static_cast<int>(i)]);
        m_views[i]->viewport()->installEventFilter(this);
        connect(m_views[i], &QPlainTextEdit::selectionChanged, this, [this, i] {
            const QTextCursor cursor = m_views[i]->textCursor();
            if (cursor.hasSelection()) {
                selectDecoded(static_cast<int>(i), cursor.selectionStart(), cursor.selectionEnd());
            }
        });
        connect(m_views[i], &QPlainTextEdit::cursorPositionChanged, this, [this, i] {
            const QTextCursor cursor = m_views[i]->textCursor();
            if (!cursor.hasSelection() && m_views[i]->hasFocus()) {
                selectDecoded(static_cast<int>(i), cursor.position(), cursor.position() + 1);
            }
        });
    }
    grid->addWidget(m_detail, 8, 0, 1, 2);
    grid->setRowStretch(1, 1);
    arrangeViews(3);

    m_tokenView->viewport()->installEventFilter(this);
    connect(m_tokenView, &QPlainTextEdit::selectionChanged, this, [this] {
        const QTextCursor cursor = m_tokenView->textCursor();
        if (cursor.hasSelection()) {
            selectTokenCharacters(cursor.selectionStart(), cursor.selectionEnd());
        }
    });
    connect(m_tokenView, &QPlainTextEdit::cursorPositionChanged, this, [this] {
        const QTextCursor cursor = m_tokenView->textCursor();
        if (!cursor.hasSelection() && m_tokenView->hasFocus()) {
            selectTokenCharacters(cursor.position(), cursor.position() + 1);
        }
    });

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("xraySplitter"));
    splitter->addWidget(mapping);
    splitter->addWidget(m_steps);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter, 3);
    layout->addWidget(m_disclosureSteps, 2);
    // The left column, then the steps.
    chainTabOrder({m_tokenView, m_views[0], m_views[1], m_views[2], m_views[3], m_views[4], m_steps});
    rebuild();
}

// JWS: header and payload side by side, the signature below across both. JWE: protected header and
// encrypted key, IV and tag, then the ciphertext across both.
void XRayView::arrangeViews(std::size_t parts)
{
    if (parts == m_arrangedFor) {
        return;
    }
    m_arrangedFor = parts;
    for (std::size_t i = 0; i < kMaxParts; ++i) {
        m_grid->removeWidget(m_titles[i]);
        m_grid->removeWidget(m_views[i]);
        m_titles[i]->hide();
        m_views[i]->hide();
    }
    struct Place {
        int row;
        int column;
        int span;
    };
    const std::array<Place, 3> jws{{{2, 0, 1}, {2, 1, 1}, {4, 0, 2}}};
    const std::array<Place, 5> jwe{{{2, 0, 1}, {2, 1, 1}, {4, 0, 1}, {6, 0, 2}, {4, 1, 1}}};
    const int line = m_tokenView->fontMetrics().lineSpacing();
    // A compact token takes a few wrapped lines: the decoded parts get the rest. JSON has it all.
    m_tokenView->setMaximumHeight(parts == 0 ? QWIDGETSIZE_MAX : line * 7);
    m_tokenTitle->setText(parts == 0 ? tr("Token — the JSON serialization: the steps explain each member")
                                     : tr("Token — point at or select any character"));
    for (std::size_t i = 0; i < parts; ++i) {
        const Place place = parts == 5 ? jwe[i] : jws[i];
        m_grid->addWidget(m_titles[i], place.row, place.column, 1, place.span);
        m_grid->addWidget(m_views[i], place.row + 1, place.column, 1, place.span);
        m_titles[i]->show();
        m_views[i]->show();
        m_views[i]->setMaximumHeight(QWIDGETSIZE_MAX);
    }
    if (parts == 5) {
        // An IV and a tag are a line of hex; the header's JSON and the ciphertext get the room.
        m_views[2]->setMaximumHeight(line * 3);
        m_views[4]->setMaximumHeight(line * 3);
        m_grid->setRowStretch(3, 3);
        m_grid->setRowStretch(5, 0);
        m_grid->setRowStretch(7, 2);
    } else {
        // A signature is at most 512 bytes of hex: the JSON gets the rest.
        m_views[2]->setMaximumHeight(line * 6);
        m_grid->setRowStretch(3, 3);
        m_grid->setRowStretch(5, 1);
        m_grid->setRowStretch(7, 0);
    }
}

void XRayView::setToken(std::optional<jose::CompactToken> token)
{
    m_token = std::move(token);
    m_message = m_token && m_token->kind == jose::TokenKind::Jwe ? std::optional(jweMessageOf(*m_token)) : std::nullopt;
    m_compact = true;
    m_jsonText.clear();
    scheduleRebuild();
}

void XRayView::setSdJwt(std::optional<sdjwt::SdJwt> sdJwt)
{
    m_disclosureSteps->setSdJwt(std::move(sdJwt));
}

void XRayView::setJsonJwe(const QString& text, jwe::JweMessage message)
{
    m_token.reset();
    m_message = std::move(message);
    m_compact = false;
    m_jsonText = text;
    scheduleRebuild();
}

void XRayView::scheduleRebuild()
{
    m_stale = true;
    if (isVisible()) {
        ensureBuilt();
    }
}

void XRayView::ensureBuilt() const
{
    if (m_stale) {
        // Filling the views changes what is shown, not what the X-ray is: a const query may do it.
        auto* self = const_cast<XRayView*>(this);
        self->m_stale = false;
        self->rebuild();
    }
}

void XRayView::showEvent(QShowEvent* event)
{
    ensureBuilt();
    QWidget::showEvent(event);
}

QPlainTextEdit* XRayView::decodedView(int part) const
{
    ensureBuilt();
    return m_views[static_cast<std::size_t>(part)];
}

void XRayView::setDecryptionOutcome(const QString& outcome, VerificationState state)
{
    if (outcome == m_outcome && state == m_outcomeState) {
        return;
    }
    m_outcome = outcome;
    m_outcomeState = state;
    if (!m_stale) {
        updateSteps();
    }
}

void XRayView::setKeys(std::vector<keys::Key> keys, bool isSet)
{
    m_keys = std::move(keys);
    m_keySet = isSet;
    if (!m_stale) {
        updateSteps();
    }
}

int XRayView::tokenPosition(std::size_t offset) const
{
    return m_token ? utf16Offset(m_token->text, offset) : 0;
}

std::size_t XRayView::tokenOffset(int position) const
{
    if (!m_token) {
        return 0;
    }
    // Compact tokens are ASCII, but an RFC 7797 payload need not be.
    const QString prefix = m_tokenView->toPlainText().left(position);
    return static_cast<std::size_t>(prefix.toUtf8().size());
}

void XRayView::rebuild()
{
    clearHighlight();
    for (std::size_t i = 0; i < kMaxParts; ++i) {
        m_displays[i] = ByteDisplay::hex({});
        m_views[i]->clear();
    }
    if (!m_token && m_message) {
        arrangeViews(0); // nothing to map character by character: the steps say it all
        m_tokenHighlighter->setParts({}, 0);
        m_tokenView->setPlainText(m_jsonText);
        updateSteps();
        return;
    }
    if (!m_token) {
        arrangeViews(3);
        m_tokenView->setPlainText(tr("The X-ray explains a signed (JWS) or encrypted (JWE) token. Paste one above."));
        m_tokenHighlighter->setParts({}, 0);
        m_titles[0]->setText(tr("Header bytes as text"));
        m_titles[1]->setText(tr("Payload bytes as text"));
        m_titles[2]->setText(tr("Signature bytes (hex)"));
        m_steps->clear();
        return;
    }
    const bool jwe = m_token->kind == jose::TokenKind::Jwe;
    arrangeViews(m_token->segments.size());
    m_tokenView->setPlainText(toQString(m_token->text));
    QList<TokenHighlighter::Part> parts;
    for (std::size_t i = 0; i < m_token->segments.size(); ++i) {
        const auto& segment = m_token->segments[i];
        const int start = tokenPosition(segment.offset);
        parts.append({start, tokenPosition(segment.offset + segment.length) - start, static_cast<int>(i)});
        // Text: a JWS's header and payload, a JWE's header; everything else is binary.
        const bool text = i == 0 || (!jwe && i == 1);
        m_displays[i] = text ? ByteDisplay::text(segment.bytes) : ByteDisplay::hex(segment.bytes);
        m_views[i]->setPlainText(m_displays[i].string());
    }
    m_tokenHighlighter->setParts(parts, static_cast<int>(m_token->segments.size()));
    if (jwe) {
        const auto size = [this](std::size_t i) { return m_token->segments[i].bytes.size(); };
        m_titles[0]->setText(tr("Protected header bytes as text"));
        m_titles[1]->setText(size(1) == 0 ? tr("Encrypted key: empty")
                                          : tr("Encrypted key (%1 bytes, hex)").arg(size(1)));
        m_titles[2]->setText(tr("Initialization vector (%1 bytes, hex)").arg(size(2)));
        m_titles[3]->setText(tr("Ciphertext (%1 bytes, hex)").arg(size(3)));
        m_titles[4]->setText(tr("Authentication tag (%1 bytes, hex)").arg(size(4)));
    } else {
        m_titles[0]->setText(tr("Header bytes as text"));
        m_titles[1]->setText(m_displays[1].mode() == ByteDisplay::Mode::Text ? tr("Payload bytes as text")
                                                                             : tr("Payload bytes (hex, not UTF-8)"));
        m_titles[2]->setText(tr("Signature bytes (hex)"));
    }
    colorTitles();
    updateSteps();
}

void XRayView::colorTitles()
{
    const TokenColors colors = tokenColors(QApplication::palette());
    const auto parts = static_cast<int>(partCount());
    for (std::size_t i = 0; i < partCount() && i < kMaxParts; ++i) {
        setTextColor(m_titles[i], tokenPartColor(colors, parts, static_cast<int>(i)));
    }
}

void XRayView::updateSteps()
{
    if (m_message) {
        m_steps->setHtml(encryptionStepsHtml(*m_message, m_compact, m_outcome, m_outcomeState, palette()));
    } else if (m_token) {
        m_steps->setHtml(signingStepsHtml(*m_token, m_keys, m_keySet, palette()));
    }
}

void XRayView::clearHighlight()
{
    m_tokenHighlight = {0, 0};
    m_decodedHighlight = {};
    m_tokenView->setExtraSelections({});
    for (auto* view : m_views) {
        view->setExtraSelections({});
    }
    m_detail->setText(m_token ? tr("Point at a character of the token, or at the decoded text, to see how one "
                                   "becomes the other.")
                              : QString());
}

void XRayView::selectTokenCharacters(int start, int end)
{
    ensureBuilt();
    if (!m_token) {
        return;
    }
    const auto span = inspect::spanOfCharacters(*m_token, {tokenOffset(start), tokenOffset(std::max(end, start + 1))});
    if (!span) {
        clearHighlight();
        return;
    }
    showSpan(*span);
}

void XRayView::selectDecoded(int part, int start, int end)
{
    ensureBuilt();
    if (!m_token || part < 0 || static_cast<std::size_t>(part) >= partCount()) {
        return;
    }
    const auto index = static_cast<std::size_t>(part);
    const ByteDisplay& display = m_displays[index];
    const std::size_t byteCount = m_token->segments[index].bytes.size();
    if (byteCount == 0) {
        clearHighlight();
        return;
    }
    // The bytes of every character touched: from the first one's start to past the last one.
    const std::size_t first = display.byteAt(start);
    std::size_t last = display.byteAt(std::max(start, end - 1)) + 1;
    while (last < byteCount && display.position(last) == display.position(last - 1)) {
        ++last;
    }
    showSpan(inspect::spanOfBytes(*m_token, index, {first, std::min(last, byteCount)}));
}

void XRayView::showSpan(const inspect::SegmentSpan& span)
{
    const QPalette& pal = palette();
    const std::size_t part = span.segment;
    const auto& bytes = m_token->segments[part].bytes;
    // Whole characters of text: a group can end inside a multi-byte character.
    const inspect::Range shown = m_displays[part].mode() == ByteDisplay::Mode::Text
        ? inspect::wholeUtf8Characters(asText(bytes), span.bytes)
        : span.bytes;

    m_tokenHighlight = {tokenPosition(span.characters.begin), tokenPosition(span.characters.end)};
    m_tokenView->setExtraSelections({highlightOf(m_tokenView, m_tokenHighlight.first, m_tokenHighlight.second, pal)});
    m_decodedHighlight
        = {static_cast<int>(part), m_displays[part].position(shown.begin), m_displays[part].position(shown.end)};
    for (std::size_t i = 0; i < kMaxParts; ++i) {
        m_views[i]->setExtraSelections(
            i == part ? QList{highlightOf(m_views[i], m_decodedHighlight.start, m_decodedHighlight.end, pal)}
                      : QList<QTextEdit::ExtraSelection>{});
    }
    if (!m_views[part]->hasFocus()) { // bring the bytes into view without moving the user's own cursor
        QTextCursor cursor(m_views[part]->document());
        cursor.setPosition(m_decodedHighlight.start);
        m_views[part]->setTextCursor(cursor);
        m_views[part]->ensureCursorVisible();
    }

    const QString characters
        = m_tokenView->toPlainText().mid(m_tokenHighlight.first, m_tokenHighlight.second - m_tokenHighlight.first);
    const auto byteSpan = std::span(bytes).subspan(span.bytes.begin, span.bytes.size());
    QString detail = tr("%1 characters %2–%3 “%4” → bytes %5–%6: %7")
                         .arg(partName(partCount(), part))
                         .arg(span.characters.begin - m_token->segments[part].offset + 1)
                         .arg(span.characters.end - m_token->segments[part].offset)
                         .arg(characters)
                         .arg(span.bytes.begin + 1)
                         .arg(span.bytes.end)
                         .arg(toQString(encoding::toHex(byteSpan)));
    if (m_displays[part].mode() == ByteDisplay::Mode::Text) {
        detail += tr(" → text “%1”")
                      .arg(m_views[part]->toPlainText().mid(m_decodedHighlight.start,
                                                            m_decodedHighlight.end - m_decodedHighlight.start));
    }
    detail[0] = detail[0].toUpper();
    m_detail->setText(detail);
}

QString XRayView::detailText() const
{
    ensureBuilt();
    return m_detail->text();
}

QString XRayView::stepsText() const
{
    ensureBuilt();
    return m_steps->toPlainText();
}

bool XRayView::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::MouseMove && m_token) {
        const QPoint point = static_cast<QMouseEvent*>(event)->position().toPoint();
        if (watched == m_tokenView->viewport() && !m_tokenView->textCursor().hasSelection()) {
            const int position = m_tokenView->cursorForPosition(point).position();
            selectTokenCharacters(position, position + 1);
        }
        for (std::size_t i = 0; i < partCount(); ++i) {
            if (watched == m_views[i]->viewport() && !m_views[i]->textCursor().hasSelection()) {
                const int position = m_views[i]->cursorForPosition(point).position();
                selectDecoded(static_cast<int>(i), position, position + 1);
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

void XRayView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::ApplicationPaletteChange || event->type() == QEvent::PaletteChange) {
        m_tokenHighlighter->rehighlight();
        colorTitles();
        if (!m_stale) {
            updateSteps();
        }
    }
}

} // namespace jwtwb::ui
