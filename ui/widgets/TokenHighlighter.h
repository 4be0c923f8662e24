#pragma once

#include <QList>
#include <QSyntaxHighlighter>

namespace jwtwb::ui {

// Colours a compact token by part (header, payload, signature, and a JWE's five parts), with the
// dots in the normal text colour, and underlines the character an error is about and invalid ranges.
// An SD-JWT adds its disclosures, each in its own colour, and its KB-JWT; the '~' stay uncoloured.
class TokenHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    enum class Role {
        Token, // a part of the compact token (an SD-JWT's issuer-signed JWT)
        Disclosure, // an SD-JWT's disclosure; `index` counts the disclosures
        KeyBinding, // a part of an SD-JWT's key binding JWT
    };

    struct Part {
        int start; // document position
        int length;
        int index; // 0-based part number
        Role role = Role::Token;
        friend bool operator==(const Part&, const Part&) = default;
    };

    explicit TokenHighlighter(QTextDocument* document);

    void setParts(QList<Part> parts, int partCount);
    void setErrorPosition(int position); // -1 for none
    // Document ranges [first, second) underlined as invalid (e.g. characters that decode to bad UTF-8).
    void setInvalidRanges(QList<std::pair<int, int>> ranges);
    [[nodiscard]] const QList<Part>& parts() const { return m_parts; }

protected:
    void highlightBlock(const QString& text) override;

private:
    void followEdit(int position, int removed, int added);

    QList<Part> m_parts;
    int m_partCount = 0;
    bool m_partsFollowed = true; // every edit since the last setParts() was followed surely
    int m_errorPosition = -1;
    QList<std::pair<int, int>> m_invalidRanges;
};

} // namespace jwtwb::ui
