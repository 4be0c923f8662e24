#pragma once

#include <QPlainTextEdit>

namespace jwtwb::ui {

class JsonHighlighting;

// Read-only, selectable, highlighted JSON (or text / hex for a payload that is not JSON).
class JsonView : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit JsonView(QWidget* parent = nullptr);

    void showJson(const QString& prettyJson);
    void showPlain(const QString& text); // not highlighted
    // Backgrounds ranges [first, second) of the shown text in `color`; an empty list clears.
    void markRanges(const QList<std::pair<int, int>>& ranges, const QColor& color);

private:
    JsonHighlighting* m_highlighting;
};

} // namespace jwtwb::ui
