#pragma once

#include <QObject>

class QPlainTextEdit;
class QSyntaxHighlighter;

namespace jwtwb::ui {

// JSON highlighting for an editor, kept matched to the application palette (light or dark).
// The only place in ui/ that knows whether KSyntaxHighlighting or the built-in highlighter is used.
class JsonHighlighting : public QObject
{
    Q_OBJECT

public:
    // Owned by the editor.
    static JsonHighlighting* attach(QPlainTextEdit* editor);

    [[nodiscard]] static QString backendName();

    // Off for text that is not JSON.
    void setActive(bool active);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    explicit JsonHighlighting(QPlainTextEdit* editor);
    void applyTheme();

    QPlainTextEdit* m_editor;
    QSyntaxHighlighter* m_highlighter = nullptr;
    int m_dark = -1; // unknown until the first applyTheme()
};

} // namespace jwtwb::ui
