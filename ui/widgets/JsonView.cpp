#include "JsonView.h"

#include "support/JsonHighlighting.h"

#include <QFontDatabase>
#include <QTimer>

namespace jwtwb::ui {

JsonView::JsonView(QWidget* parent)
    : QPlainTextEdit(parent)
    , m_fillTimer(new QTimer(this))
{
    setReadOnly(true);
    setTabChangesFocus(true);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_highlighting = JsonHighlighting::attach(this);
    m_fillTimer->setInterval(0);
    m_fillTimer->setSingleShot(true);
    connect(m_fillTimer, &QTimer::timeout, this, &JsonView::fillPart);
}

void JsonView::showJson(const QString& prettyJson)
{
    showText(prettyJson, true);
}

void JsonView::showPlain(const QString& text)
{
    showText(text, false);
}

bool JsonView::isFilling() const
{
    return m_filledTo < m_shown.size();
}

void JsonView::finishFilling()
{
    while (isFilling()) {
        fillPart();
    }
}

qsizetype JsonView::partEnd(qsizetype from) const
{
    if (m_shown.size() - from <= kFillPart) {
        return m_shown.size();
    }
    const qsizetype lineEnd = m_shown.indexOf(QLatin1Char('\n'), from + kFillPart);
    return lineEnd < 0 ? m_shown.size() : lineEnd;
}

void JsonView::showText(const QString& text, bool json)
{
    // A keystroke in the signature leaves the header and payload as they are: laying out and
    // highlighting a big payload again would be all of the keystroke's time.
    if (json == m_json && document()->characterCount() == m_characters && text == m_shown) {
        return;
    }
    m_fillTimer->stop();
    m_json = json;
    m_shown = text;
    m_highlighting->setActive(json);
    // Each later part starts with the line break before it, so every part ends a whole line.
    m_filledTo = text.size() <= kShowAtOnce ? text.size() : partEnd(0);
    setPlainText(m_filledTo == text.size() ? text : text.left(m_filledTo));
    m_characters = document()->characterCount();
    if (isFilling()) {
        m_fillTimer->start();
    }
}

void JsonView::fillPart()
{
    // Changed by someone else: what it holds now is theirs.
    if (document()->characterCount() != m_characters) {
        m_filledTo = m_shown.size();
        return;
    }
    const qsizetype end = partEnd(m_filledTo);
    QTextCursor cursor(document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(m_shown.mid(m_filledTo, end - m_filledTo));
    m_filledTo = end;
    m_characters = document()->characterCount();
    if (isFilling()) {
        m_fillTimer->start();
        return;
    }
    m_fillTimer->stop();
    applyRanges();
    emit filled();
}

void JsonView::markRanges(const QList<std::pair<int, int>>& ranges, const QColor& color)
{
    m_ranges = ranges;
    m_rangeColor = color;
    applyRanges();
}

void JsonView::applyRanges()
{
    const int end = document()->characterCount() - 1;
    QList<QTextEdit::ExtraSelection> selections;
    for (const auto& [first, last] : m_ranges) {
        if (last > end) {
            continue; // not filled in yet: marked once it is
        }
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(document());
        selection.cursor.setPosition(first);
        selection.cursor.setPosition(last, QTextCursor::KeepAnchor);
        selection.format.setBackground(m_rangeColor);
        selections.append(selection);
    }
    setExtraSelections(selections);
}

} // namespace jwtwb::ui
