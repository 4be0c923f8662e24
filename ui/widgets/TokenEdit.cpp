#include "TokenEdit.h"

#include "TokenHighlighter.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMimeData>
#include <QScrollBar>
#include <QUrl>

namespace jwtwb::ui {

TokenEdit::TokenEdit(QWidget* parent)
    : QPlainTextEdit(parent)
    , m_highlighter(new TokenHighlighter(document()))
    , m_note(new QLabel(this))
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setWordWrapMode(QTextOption::WrapAnywhere);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setPlaceholderText(tr("Paste a token, a Bearer value, an Authorization header, a URL with id_token=… or a "
                          "token response in JSON — or drop a file here."));
    setTabChangesFocus(true);
    m_note->setObjectName(QStringLiteral("shownInPartNote"));
    m_note->setWordWrap(true);
    m_note->setFont(QApplication::font());
    m_note->setAutoFillBackground(true);
    m_note->setBackgroundRole(QPalette::AlternateBase);
    m_note->setContentsMargins(6, 3, 6, 3);
    m_note->hide();
    connect(m_note, &QLabel::linkActivated, this, [this] { setText(QString()); });
}

void TokenEdit::setText(const QString& text)
{
    const bool inPart = text.size() >= kEditLimit;
    if (inPart && !m_inPart) {
        m_readOnlyOutsidePart = isReadOnly();
        setReadOnly(true);
    } else if (!inPart && m_inPart) {
        setReadOnly(m_readOnlyOutsidePart);
    }
    m_wholeText = inPart ? text : QString();
    m_inPart = inPart;
    if (inPart) {
        const QLocale locale;
        m_note->setText(tr("Showing the first %1 of %2, read-only: too long to edit here. All of it is decoded. Paste "
                           "to replace it, or <a href=\"clear\">clear it</a>.")
                            .arg(locale.formattedDataSize(kShownLength, 0), locale.formattedDataSize(text.size(), 1)));
        m_note->show();
    } else {
        m_note->hide();
    }
    placeNote();
    setPlainText(inPart ? text.left(kShownLength) : text);
}

QString TokenEdit::text() const
{
    return m_inPart ? m_wholeText : toPlainText();
}

void TokenEdit::markToken(int start, int end)
{
    const QString text = toPlainText();
    QList<TokenHighlighter::Part> parts;
    int partStart = start;
    int index = 0;
    for (int i = start; i <= end && i <= text.size(); ++i) {
        if (i == end || i == text.size() || text.at(i) == u'.') {
            parts.append({partStart, i - partStart, index++});
            partStart = i + 1;
        }
    }
    m_highlighter->setParts(std::move(parts), index);
}

void TokenEdit::markError(int position)
{
    m_highlighter->setErrorPosition(position);
}

void TokenEdit::markInvalid(QList<std::pair<int, int>> ranges)
{
    m_highlighter->setInvalidRanges(std::move(ranges));
}

bool TokenEdit::canInsertFromMimeData(const QMimeData* source) const
{
    return source->hasUrls() || QPlainTextEdit::canInsertFromMimeData(source);
}

void TokenEdit::insertFromMimeData(const QMimeData* source)
{
    if (source->hasUrls() && !source->urls().isEmpty() && source->urls().first().isLocalFile()) {
        emit fileDropped(source->urls().first().toLocalFile());
        return;
    }
    if (source->hasText()) {
        // A token copied with its line break: the break means nothing here, and the caret after it
        // would scroll the token's first line out of view.
        QString text = source->text();
        while (!text.isEmpty() && text.back().isSpace()) {
            text.chop(1);
        }
        const QTextCursor cursor = textCursor();
        const QString whole = toPlainText();
        if (whole.size() - (cursor.selectionEnd() - cursor.selectionStart()) + text.size() >= kEditLimit) {
            setText(whole.left(cursor.selectionStart()) + text + whole.mid(cursor.selectionEnd()));
            return;
        }
        insertPlainText(text);
        if (toPlainText() == text) {
            verticalScrollBar()->setValue(verticalScrollBar()->minimum()); // the whole text was pasted: show its start
        }
        return;
    }
    QPlainTextEdit::insertFromMimeData(source);
}

// The whole text when all that is shown is selected, so a copy is never cut short.
QMimeData* TokenEdit::createMimeDataFromSelection() const
{
    const QTextCursor cursor = textCursor();
    if (m_inPart && cursor.selectionStart() == 0 && cursor.selectionEnd() >= document()->characterCount() - 1) {
        auto* mime = new QMimeData;
        mime->setText(m_wholeText);
        return mime;
    }
    return QPlainTextEdit::createMimeDataFromSelection();
}

// Shown in part, the text is read-only, but a paste still replaces it.
void TokenEdit::keyPressEvent(QKeyEvent* event)
{
    if (m_inPart && event->matches(QKeySequence::Paste)) {
        if (const QMimeData* mime = QApplication::clipboard()->mimeData(); mime && mime->hasText()) {
            setText(mime->text().trimmed());
        }
        event->accept();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

void TokenEdit::resizeEvent(QResizeEvent* event)
{
    QPlainTextEdit::resizeEvent(event);
    placeNote();
}

void TokenEdit::placeNote()
{
    if (!m_inPart) {
        setViewportMargins(0, 0, 0, 0);
        return;
    }
    const QRect area = contentsRect();
    const int width = area.width() - (verticalScrollBar()->isVisible() ? verticalScrollBar()->width() : 0);
    const int height = m_note->heightForWidth(width);
    setViewportMargins(0, 0, 0, height);
    m_note->setGeometry(area.left(), area.bottom() + 1 - height, width, height);
}

void TokenEdit::changeEvent(QEvent* event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange) {
        m_highlighter->rehighlight();
    }
}

} // namespace jwtwb::ui
