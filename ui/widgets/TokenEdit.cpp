#include "TokenEdit.h"

#include "TokenHighlighter.h"

#include <QFontDatabase>
#include <QMimeData>
#include <QScrollBar>
#include <QUrl>

namespace jwtwb::ui {

TokenEdit::TokenEdit(QWidget* parent)
    : QPlainTextEdit(parent)
    , m_highlighter(new TokenHighlighter(document()))
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setWordWrapMode(QTextOption::WrapAnywhere);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setPlaceholderText(tr("Paste a token, a Bearer value, an Authorization header, a URL with id_token=… or a "
                          "token response in JSON — or drop a file here."));
    setTabChangesFocus(true);
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
        insertPlainText(text);
        if (toPlainText() == text) {
            verticalScrollBar()->setValue(verticalScrollBar()->minimum()); // the whole text was pasted: show its start
        }
        return;
    }
    QPlainTextEdit::insertFromMimeData(source);
}

void TokenEdit::changeEvent(QEvent* event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange) {
        m_highlighter->rehighlight();
    }
}

} // namespace jwtwb::ui
