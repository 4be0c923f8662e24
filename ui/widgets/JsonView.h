#pragma once

#include <QPlainTextEdit>

class QTimer;

namespace jwtwb::ui {

class JsonHighlighting;

// Read-only, selectable, highlighted JSON (or text / hex for a payload that is not JSON).
// A long text is shown at once from its start and filled in the rest a part per event-loop turn,
// so that laying out and highlighting a megabyte never holds the window still.
class JsonView : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit JsonView(QWidget* parent = nullptr);

    // Texts up to this many characters are shown whole at once; longer ones in parts of about
    // kFillPart characters, each ending at a line end.
    static constexpr qsizetype kShowAtOnce = 64 * 1024;
    static constexpr qsizetype kFillPart = 16 * 1024;

    void showJson(const QString& prettyJson);
    void showPlain(const QString& text); // not highlighted
    // Backgrounds ranges [first, second) of the shown text in `color`; an empty list clears.
    void markRanges(const QList<std::pair<int, int>>& ranges, const QColor& color);

    // True while a long text is still being filled in.
    [[nodiscard]] bool isFilling() const;
    // Fills in the rest now, for callers that need all of it at once (a screenshot).
    void finishFilling();

signals:
    void filled();

private:
    void showText(const QString& text, bool json);
    void fillPart();
    void applyRanges();
    // Where the part that starts at `from` ends: the line end after kFillPart characters, or the end.
    [[nodiscard]] qsizetype partEnd(qsizetype from) const;

    JsonHighlighting* m_highlighting;
    QTimer* m_fillTimer;
    QString m_shown; // the text last given, as it was given
    qsizetype m_filledTo = 0; // how much of m_shown the document holds
    // The document's length as this view left it: when it differs, someone else changed the text,
    // and it is shown again. (Not the document's revision: under Qt 6.8 with KSyntaxHighlighting it
    // moves though nothing edits the text, and a fill stopped after its first part.)
    int m_characters = -1;
    bool m_json = false;
    QList<std::pair<int, int>> m_ranges;
    QColor m_rangeColor;
};

} // namespace jwtwb::ui
