#pragma once

#include <QSize>
#include <QString>

class QWidget;

namespace jwtwb::ui {

// Lays the widget out at `size`, renders it (works offscreen) and writes a PNG.
bool saveScreenshot(QWidget& widget, QSize size, const QString& path, QString* errorMessage);

} // namespace jwtwb::ui
