#pragma once

#include <QPlainTextEdit>

class QLabel;

namespace jwtwb::ui {

class TokenHighlighter;

// Where the token goes: paste, type or drop text or a file. Long tokens wrap anywhere, and the
// token's parts are coloured wherever it sits in the pasted text. A text of kEditLimit or more is
// shown in part and read-only: Qt lays out a paragraph whole, and a compact token is one paragraph,
// so a 1 MB token on screen would stall the window for half a second at each paste and keystroke.
// text() is always the whole text; use setText() and text(), not setPlainText() and toPlainText().
class TokenEdit : public QPlainTextEdit
{
    Q_OBJECT

public:
    static constexpr qint64 kMaxFileSize = 16 * 1024 * 1024;
    static constexpr qsizetype kEditLimit = 256 * 1024;
    static constexpr qsizetype kShownLength = 16 * 1024; // of a text over kEditLimit

    explicit TokenEdit(QWidget* parent = nullptr);

    void setText(const QString& text);
    [[nodiscard]] QString text() const;
    [[nodiscard]] bool isShownInPart() const { return m_inPart; }

    // Colours the token that starts at `start` (document position) and ends before `end`.
    void markToken(int start, int end);
    void markError(int position); // -1 clears
    void markInvalid(QList<std::pair<int, int>> ranges); // document ranges [first, second); empty clears
    [[nodiscard]] TokenHighlighter* highlighter() const { return m_highlighter; }

signals:
    void fileDropped(const QString& path);

protected:
    bool canInsertFromMimeData(const QMimeData* source) const override;
    void insertFromMimeData(const QMimeData* source) override;
    QMimeData* createMimeDataFromSelection() const override;
    void keyPressEvent(QKeyEvent* event) override;
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void placeNote();

    TokenHighlighter* m_highlighter;
    QLabel* m_note; // under the text while it is shown in part
    QString m_wholeText; // while it is shown in part
    bool m_inPart = false;
    bool m_readOnlyOutsidePart = false;
};

} // namespace jwtwb::ui
