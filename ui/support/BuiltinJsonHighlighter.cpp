#include "BuiltinJsonHighlighter.h"

namespace jwtwb::ui {

BuiltinJsonHighlighter::BuiltinJsonHighlighter(QTextDocument* document)
    : QSyntaxHighlighter(document)
{
    setDark(false);
}

void BuiltinJsonHighlighter::setDark(bool dark)
{
    m_key.setForeground(dark ? QColor(0x7c, 0xc7, 0xff) : QColor(0x0b, 0x4f, 0x9c));
    m_key.setFontWeight(QFont::DemiBold);
    m_string.setForeground(dark ? QColor(0xa5, 0xd6, 0x8a) : QColor(0x1a, 0x7f, 0x37));
    m_number.setForeground(dark ? QColor(0xf7, 0xb2, 0x6b) : QColor(0xb3, 0x50, 0x00));
    m_literal.setForeground(dark ? QColor(0xe0, 0x8c, 0xe8) : QColor(0x8a, 0x1c, 0x9a));
    m_literal.setFontWeight(QFont::DemiBold);
    m_punctuation.setForeground(dark ? QColor(0xa0, 0xa6, 0xb0) : QColor(0x5f, 0x66, 0x70));
    rehighlight();
}

void BuiltinJsonHighlighter::highlightBlock(const QString& text)
{
    const auto size = text.size();
    qsizetype i = 0;
    while (i < size) {
        const QChar c = text.at(i);
        if (c == u'"') {
            qsizetype end = i + 1;
            while (end < size && text.at(end) != u'"') {
                end += text.at(end) == u'\\' ? 2 : 1;
            }
            end = std::min(end + 1, size);
            qsizetype next = end;
            while (next < size && text.at(next).isSpace()) {
                ++next;
            }
            const bool isKey = next < size && text.at(next) == u':';
            setFormat(static_cast<int>(i), static_cast<int>(end - i), isKey ? m_key : m_string);
            i = end;
        } else if (c == u'-' || c.isDigit()) {
            qsizetype end = i + 1;
            while (end < size && (text.at(end).isDigit() || QStringLiteral(".eE+-").contains(text.at(end)))) {
                ++end;
            }
            setFormat(static_cast<int>(i), static_cast<int>(end - i), m_number);
            i = end;
        } else if (c.isLetter()) {
            qsizetype end = i + 1;
            while (end < size && text.at(end).isLetter()) {
                ++end;
            }
            const auto word = QStringView(text).mid(i, end - i);
            if (word == u"true" || word == u"false" || word == u"null") {
                setFormat(static_cast<int>(i), static_cast<int>(end - i), m_literal);
            }
            i = end;
        } else {
            if (QStringLiteral("{}[],:").contains(c)) {
                setFormat(static_cast<int>(i), 1, m_punctuation);
            }
            ++i;
        }
    }
}

} // namespace jwtwb::ui
