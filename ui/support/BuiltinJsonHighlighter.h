#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace jwtwb::ui {

// Small JSON highlighter used when KSyntaxHighlighting is not built in: keys, strings, numbers,
// literals and punctuation, in colours for a light or a dark background.
class BuiltinJsonHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    explicit BuiltinJsonHighlighter(QTextDocument* document);

    void setDark(bool dark);

protected:
    void highlightBlock(const QString& text) override;

private:
    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_literal;
    QTextCharFormat m_punctuation;
};

} // namespace jwtwb::ui
