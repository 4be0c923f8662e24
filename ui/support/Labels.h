#pragma once

#include <QColor>
#include <QString>

class QLabel;
class QWidget;

namespace jwtwb::ui {

// A bold section title ("Header", "Signing key").
[[nodiscard]] QLabel* makeTitle(const QString& text, QWidget* parent);

// Text in a colour of its own (token part colours, errors, warnings), kept when the palette changes.
void setTextColor(QWidget* widget, const QColor& color);

// A file's path as people read it: the home folder as "~".
[[nodiscard]] QString displayPath(const QString& path);

} // namespace jwtwb::ui
