#include "JsonView.h"

#include "support/JsonHighlighting.h"

#include <QFontDatabase>

namespace jwtwb::ui {

JsonView::JsonView(QWidget* parent)
    : QPlainTextEdit(parent)
{
    setReadOnly(true);
    setTabChangesFocus(true);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_highlighting = JsonHighlighting::attach(this);
}

void JsonView::showJson(const QString& prettyJson)
{
    show(prettyJson, true);
}

void JsonView::showPlain(const QString& text)
{
    show(text, false);
}

void JsonView::show(const QString& text, bool json)
{
    // A keystroke in the signature leaves the header and payload as they are: laying out and
    // highlighting a big payload again would be all of the keystroke's time.
    if (json == m_json && document()->revision() == m_revision && text == m_shown) {
        return;
    }
    m_json = json;
    m_shown = text;
    m_highlighting->setActive(json);
    setPlainText(text);
    m_revision = document()->revision();
}

void JsonView::markRanges(const QList<std::pair<int, int>>& ranges, const QColor& color)
{
    QList<QTextEdit::ExtraSelection> selections;
    for (const auto& [first, last] : ranges) {
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(document());
        selection.cursor.setPosition(first);
        selection.cursor.setPosition(last, QTextCursor::KeepAnchor);
        selection.format.setBackground(color);
        selections.append(selection);
    }
    setExtraSelections(selections);
}

} // namespace jwtwb::ui
