#include "TokenHighlighter.h"

#include "support/Theme.h"

#include <QApplication>
#include <QTextDocument>

namespace jwtwb::ui {

TokenHighlighter::TokenHighlighter(QTextDocument* document)
    : QSyntaxHighlighter(document)
{ }

void TokenHighlighter::setParts(QList<Part> parts, int partCount)
{
    m_parts = std::move(parts);
    m_partCount = partCount;
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
        const QColor color = tokenPartColor(colors, m_partCount, part.index);
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
