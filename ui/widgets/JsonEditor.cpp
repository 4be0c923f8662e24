#include "JsonEditor.h"

#include "support/JsonHighlighting.h"
#include "support/Theme.h"

#include <QApplication>
#include <QFontDatabase>

namespace jwtwb::ui {

JsonEditor::JsonEditor(QWidget* parent)
    : QPlainTextEdit(parent)
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    setTabChangesFocus(true);
    setUndoRedoEnabled(true);
    JsonHighlighting::attach(this);
}

void JsonEditor::markError(int position)
{
    QList<QTextEdit::ExtraSelection> selections;
    if (position >= 0) {
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(document());
        const int end = static_cast<int>(document()->characterCount()) - 1;
        const int at = std::min(position, std::max(0, end - 1));
        selection.cursor.setPosition(at);
        selection.cursor.setPosition(std::min(at + 1, end), QTextCursor::KeepAnchor);
        selection.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        selection.format.setUnderlineColor(tokenColors(QApplication::palette()).error);
        selection.format.setBackground(tokenColors(QApplication::palette()).error.lighter(170));
        selection.format.setForeground(QColor(Qt::black)); // on the light error background in both schemes
        selections.append(selection);
    }
    setExtraSelections(selections);
}

void JsonEditor::replaceText(const QString& text)
{
    if (text == toPlainText()) {
        return;
    }
    const int position = textCursor().position();
    QTextCursor cursor(document());
    cursor.beginEditBlock();
    cursor.select(QTextCursor::Document);
    cursor.insertText(text);
    cursor.endEditBlock();
    cursor.setPosition(std::min(position, static_cast<int>(document()->characterCount()) - 1));
    setTextCursor(cursor);
}

} // namespace jwtwb::ui
