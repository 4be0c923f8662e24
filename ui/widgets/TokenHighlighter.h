#pragma once

#include <QList>
#include <QSyntaxHighlighter>

namespace jwtwb::ui {

// Colours a compact token by part (header, payload, signature, and a JWE's five parts), with the
// dots in the normal text colour, and underlines the character an error is about.
class TokenHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    struct Part {
        int start; // document position
        int length;
        int index; // 0-based part number
    };

    explicit TokenHighlighter(QTextDocument* document);

    void setParts(QList<Part> parts, int partCount);
    void setErrorPosition(int position); // -1 for none
    [[nodiscard]] const QList<Part>& parts() const { return m_parts; }

protected:
    void highlightBlock(const QString& text) override;

private:
    QList<Part> m_parts;
    int m_partCount = 0;
    int m_errorPosition = -1;
};

} // namespace jwtwb::ui
