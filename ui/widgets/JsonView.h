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
    void show(const QString& text, bool json);

    JsonHighlighting* m_highlighting;
    QString m_shown; // the text last given, as it was given
    bool m_json = false;
    int m_revision = -1; // the document's then: anything else that changed it shows again
};

} // namespace jwtwb::ui
