#include "KeyFile.h"

#include "crypto/SecureBytes.h"
#include "encoding/Base64Url.h"
#include "io/AtomicFile.h"
#include "keys/KeyText.h"
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

std::optional<QString> readKeyFileAsText(const QString& path, QString* errorMessage)
{
    auto content = readKeyFile(path, errorMessage);
    if (!content) {
        return std::nullopt;
    }
    const QString text = keys::classifyKeyText(*content) == keys::KeyTextKind::Der
        ? toQString(encoding::base64Encode(asBytes(*content)))
        : toQString(*content);
    crypto::wipe(*content);
    return text;
}

} // namespace jwtwb::ui
