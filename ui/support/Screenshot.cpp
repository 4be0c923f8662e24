#include "Screenshot.h"

#include <QApplication>
#include <QCoreApplication>
#include <QPixmap>
#include <QWidget>

namespace jwtwb::ui {

bool saveScreenshot(QWidget& widget, QSize size, const QString& path, QString* errorMessage)
{
    widget.resize(size);
    widget.show();
    QApplication::processEvents();
    const QPixmap pixmap = widget.grab();
    if (pixmap.isNull() || !pixmap.save(path, "PNG")) {
        *errorMessage = QCoreApplication::translate("Screenshot", "cannot write the screenshot to %1").arg(path);
        return false;
    }
    return true;
}

} // namespace jwtwb::ui
