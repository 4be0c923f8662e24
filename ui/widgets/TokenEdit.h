#pragma once

#include <QPlainTextEdit>

namespace jwtwb::ui {

class TokenHighlighter;

// Where the token goes: paste, type or drop text or a file. Long tokens wrap anywhere, and the
// token's parts are coloured wherever it sits in the pasted text.
class TokenEdit : public QPlainTextEdit
{
    Q_OBJECT

public:
    static constexpr qint64 kMaxFileSize = 16 * 1024 * 1024;

    explicit TokenEdit(QWidget* parent = nullptr);

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
    void changeEvent(QEvent* event) override;

private:
    TokenHighlighter* m_highlighter;
};

} // namespace jwtwb::ui
