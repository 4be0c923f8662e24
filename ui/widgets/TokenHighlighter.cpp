#include "TokenHighlighter.h"

#include "support/Theme.h"

#include <QApplication>
#include <QTextDocument>

namespace jwtwb::ui {

TokenHighlighter::TokenHighlighter(QTextDocument* document)
    : QSyntaxHighlighter(static_cast<QObject*>(document))
{
    // Before QSyntaxHighlighter's own handler, so that the edited block is coloured with the parts moved.
    connect(document, &QTextDocument::contentsChange, this, &TokenHighlighter::followEdit);
    setDocument(document);
}

// An edit inside one part (or at its end) makes that part longer or shorter and moves those after
// it: what the decoder will find, most of the time, so that setParts() has nothing to redo. Any
// other edit (across a dot, or several parts) leaves the guess unsure, and setParts() redoes all.
void TokenHighlighter::followEdit(int position, int removed, int added)
{
    if (m_parts.isEmpty()) {
        return;
    }
    const bool before = position + removed <= m_parts.front().start;
    const bool after = position > m_parts.back().start + m_parts.back().length;
    const int delta = added - removed;
    bool inPart = false;
    for (Part& part : m_parts) {
        if (part.start > position) {
            part.start += delta;
        } else if (!inPart && position + removed <= part.start + part.length) {
            part.length += delta;
            inPart = true;
        }
    }
    if (!before && !after && !inPart) {
        // A paste over the token, a dot typed or deleted: no colours until the decoder has read it
        // (the edited text is highlighted right after this, so that costs no extra layout).
        m_parts.clear();
        m_partsFollowed = false;
    }
}

void TokenHighlighter::setParts(QList<Part> parts, int partCount)
{
    if (m_partsFollowed && parts == m_parts && partCount == m_partCount) {
        return; // as coloured already: a big token's block would be laid out again for nothing
    }
    m_parts = std::move(parts);
    m_partCount = partCount;
    m_partsFollowed = true;
    rehighlight();
}

void TokenHighlighter::setInvalidRanges(QList<std::pair<int, int>> ranges)
{
    if (ranges != m_invalidRanges) {
        m_invalidRanges = std::move(ranges);
        rehighlight();
    }
}

void TokenHighlighter::setErrorPosition(int position)
{
    if (position != m_errorPosition) {
        m_errorPosition = position;
        rehighlight();
    }
}

void TokenHighlighter::highlightBlock(const QString& text)
{
    const TokenColors colors = tokenColors(QApplication::palette());
    const int blockStart = currentBlock().position();
    const int blockEnd = blockStart + static_cast<int>(text.size());
    for (const Part& part : m_parts) {
        const int start = std::max(part.start, blockStart);
        const int end = std::min(part.start + part.length, blockEnd);
        if (start >= end) {
            continue;
        }
        const QColor color = part.role == Role::Disclosure ? disclosureColor(QApplication::palette(), part.index)
            : part.role == Role::KeyBinding                ? keyBindingColor(QApplication::palette())
                                                           : tokenPartColor(colors, m_partCount, part.index);
        QTextCharFormat format;
        format.setForeground(color);
        setFormat(start - blockStart, end - start, format);
    }
    const auto markError = [&](int at) {
        QTextCharFormat format = this->format(at);
        format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        format.setUnderlineColor(colors.error);
        format.setBackground(QColor(colors.error.red(), colors.error.green(), colors.error.blue(), 60));
        setFormat(at, 1, format);
    };
    if (m_errorPosition >= blockStart && m_errorPosition <= blockEnd) {
        const int at = std::min(m_errorPosition, blockEnd - 1) - blockStart;
        if (at >= 0) {
            markError(at);
        }
    }
    for (const auto& [first, last] : m_invalidRanges) {
        for (int at = std::max(first, blockStart); at < std::min(last, blockEnd); ++at) {
            markError(at - blockStart);
        }
    }
}

} // namespace jwtwb::ui
