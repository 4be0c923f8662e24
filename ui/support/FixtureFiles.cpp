#include "FixtureFiles.h"

#include "audit/FixtureManifest.h"
#include "encoding/Json.h"
#include "support/Convert.h"

#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>

namespace jwtwb::ui {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("FixtureFiles", text);
}

QString writeOwnerOnly(const QString& path, const QByteArray& content)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (file.write(content) != content.size() || !file.commit()) {
        return tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    }
    return {};
}

} // namespace

bool folderHasEntries(const QString& folder)
{
    const QDir dir(folder);
    return dir.exists() && !dir.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
}

QString writeFixtureFiles(const QString& folder, const audit::FixtureSet& set)
{
    QDir dir(folder);
    if (!dir.mkpath(QStringLiteral("."))) {
        return tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(folder));
    }
    for (const auto& info : audit::allFixtureKinds()) {
        dir.remove(toQString(audit::fixtureFileName(info.kind)));
    }
    dir.remove(toQString(audit::kManifestFileName));
    for (const auto& fixture : set.fixtures) {
        const QString error = writeOwnerOnly(dir.filePath(toQString(audit::fixtureFileName(fixture))),
                                             QByteArray::fromStdString(fixture.token));
        if (!error.isEmpty()) {
            return error;
        }
    }
    const std::string manifest = encoding::toPrettyJson(audit::fixtureManifest(set)) + "\n";
    return writeOwnerOnly(dir.filePath(toQString(audit::kManifestFileName)), QByteArray::fromStdString(manifest));
}

} // namespace jwtwb::ui
