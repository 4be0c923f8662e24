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
    m_highlighting->setActive(true);
    setPlainText(prettyJson);
}

void JsonView::showPlain(const QString& text)
{
    m_highlighting->setActive(false);
    setPlainText(text);
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
