#include "XRayView.h"

#include "encoding/Hex.h"
#include "inspect/SegmentMap.h"
#include "support/Convert.h"
#include "support/TabOrder.h"
#include "support/Theme.h"
#include "widgets/SigningSteps.h"
#include "widgets/TokenHighlighter.h"

#include <QApplication>
#include <QEvent>
#include <QFontDatabase>
#include <QGridLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace jwtwb::ui {
namespace {

constexpr std::size_t kParts = 3;

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

QString partName(std::size_t part)
{
    return part == 0 ? XRayView::tr("header") : part == 1 ? XRayView::tr("payload") : XRayView::tr("signature");
}

} // namespace

XRayView::XRayView(QWidget* parent)
    : QWidget(parent)
    , m_tokenView(makeView(this, QStringLiteral("xrayToken")))
    , m_tokenHighlighter(new TokenHighlighter(m_tokenView->document()))
    , m_detail(new QLabel(this))
    , m_steps(new QTextBrowser(this))
{
    m_detail->setObjectName(QStringLiteral("xrayDetail"));
    m_steps->setObjectName(QStringLiteral("xraySteps"));
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_steps->setOpenLinks(false);

    auto* mapping = new QWidget(this);
    auto* grid = new QGridLayout(mapping);
    grid->setContentsMargins(0, 0, 0, 0);
    auto* tokenTitle = new QLabel(tr("Token — point at or select any character"), mapping);
    grid->addWidget(tokenTitle, 0, 0, 1, 2);
    grid->addWidget(m_tokenView, 1, 0, 1, 2);
    const QStringList titles{tr("Header bytes as text"), tr("Payload bytes as text"), tr("Signature bytes (hex)")};
    const QStringList names{QStringLiteral("xrayHeader"), QStringLiteral("xrayPayload"),
                            QStringLiteral("xraySignature")};
    for (std::size_t i = 0; i < kParts; ++i) {
        m_titles[i] = new QLabel(titles[static_cast<int>(i)], mapping);
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
    // Header and payload side by side; the signature below them across both.
    grid->addWidget(m_titles[0], 2, 0);
    grid->addWidget(m_views[0], 3, 0);
    grid->addWidget(m_titles[1], 2, 1);
    grid->addWidget(m_views[1], 3, 1);
    grid->addWidget(m_titles[2], 4, 0, 1, 2);
    grid->addWidget(m_views[2], 5, 0, 1, 2);
    grid->addWidget(m_detail, 6, 0, 1, 2);
    // A token takes a few wrapped lines and a signature at most 512 bytes of hex: the JSON gets the rest.
    const int line = m_tokenView->fontMetrics().lineSpacing();
    m_tokenView->setMaximumHeight(line * 7);
    m_views[2]->setMaximumHeight(line * 6);
    grid->setRowStretch(1, 1);
    grid->setRowStretch(3, 3);
    grid->setRowStretch(5, 1);

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
    layout->addWidget(splitter);
    chainTabOrder({m_tokenView, m_views[0], m_views[1], m_views[2], m_steps}); // the left column, then the steps
    rebuild();
}

void XRayView::setToken(std::optional<jose::CompactToken> token)
{
    if (token && token->kind != jose::TokenKind::Jws) {
        token.reset();
    }
    m_token = std::move(token);
    rebuild();
}

void XRayView::setKeys(std::vector<keys::Key> keys, bool isSet)
{
    m_keys = std::move(keys);
    m_keySet = isSet;
    updateSteps();
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
    if (!m_token) {
        m_tokenView->setPlainText(tr("The X-ray explains a signed token (JWS). Paste one above."));
        m_tokenHighlighter->setParts({}, 0);
        for (std::size_t i = 0; i < kParts; ++i) {
            m_displays[i] = ByteDisplay::hex({});
            m_views[i]->clear();
        }
        m_steps->clear();
        return;
    }
    m_tokenView->setPlainText(toQString(m_token->text));
    QList<TokenHighlighter::Part> parts;
    for (std::size_t i = 0; i < m_token->segments.size(); ++i) {
        const auto& segment = m_token->segments[i];
        const int start = tokenPosition(segment.offset);
        parts.append({start, tokenPosition(segment.offset + segment.length) - start, static_cast<int>(i)});
        m_displays[i] = i + 1 < kParts ? ByteDisplay::text(segment.bytes) : ByteDisplay::hex(segment.bytes);
        m_views[i]->setPlainText(m_displays[i].string());
    }
    m_tokenHighlighter->setParts(parts, static_cast<int>(m_token->segments.size()));
    m_titles[1]->setText(m_displays[1].mode() == ByteDisplay::Mode::Text ? tr("Payload bytes as text")
                                                                         : tr("Payload bytes (hex, not UTF-8)"));
    updateSteps();
}

void XRayView::updateSteps()
{
    if (m_token) {
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
    if (!m_token || part < 0 || static_cast<std::size_t>(part) >= kParts) {
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
    for (std::size_t i = 0; i < kParts; ++i) {
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
                         .arg(partName(part))
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
    return m_detail->text();
}

QString XRayView::stepsText() const
{
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
        for (std::size_t i = 0; i < kParts; ++i) {
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
        updateSteps();
    }
}

} // namespace jwtwb::ui
