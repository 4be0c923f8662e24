#pragma once

#include <QPlainTextEdit>

namespace jwtwb::ui {

// Editable, highlighted JSON with undo/redo; an error position is underlined.
class JsonEditor : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit JsonEditor(QWidget* parent = nullptr);

    void markError(int position); // -1 clears
    // Replaces the whole text as one undoable step, keeping the cursor where it was as far as possible.
    void replaceText(const QString& text);
};

} // namespace jwtwb::ui
