#include "KeyFile.h"

#include "io/AtomicFile.h"
#include "support/Convert.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace jwtwb::ui {

std::optional<std::string> readKeyFile(const QString& path, QString* errorMessage)
{
    auto content = io::readWholeFile(toStdString(path), kMaxKeyFileSize);
    if (content) {
        return std::move(*content);
    }
    *errorMessage = content.error().code == Errc::InputTooLarge
        ? QCoreApplication::translate("KeyFile", "%1 is larger than 1 MiB: that is not a key file.")
              .arg(QFileInfo(path).fileName())
        : toSentence(content.error().message);
    return std::nullopt;
}

} // namespace jwtwb::ui
