#include "FixtureFiles.h"

#include "encoding/Json.h"
#include "fixtures/FixtureManifest.h"
#include "support/Convert.h"

#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>

namespace jwtwb::ui {
namespace {

// The translation context of these texts: no class here has one.
struct FixtureFiles {
    Q_DECLARE_TR_FUNCTIONS(FixtureFiles)
};

QString writeOwnerOnly(const QString& path, const QByteArray& content)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return FixtureFiles::tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (file.write(content) != content.size() || !file.commit()) {
        return FixtureFiles::tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    }
    return {};
}

} // namespace

bool folderHasEntries(const QString& folder)
{
    const QDir dir(folder);
    return dir.exists() && !dir.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
}

QString writeFixtureFiles(const QString& folder, const fixtures::FixtureSet& set)
{
    QDir dir(folder);
    if (!dir.mkpath(QStringLiteral("."))) {
        return FixtureFiles::tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(folder));
    }
    for (const auto& info : fixtures::allFixtureKinds()) {
        dir.remove(toQString(fixtures::fixtureFileName(info.kind)));
    }
    dir.remove(toQString(fixtures::kManifestFileName));
    for (const auto& fixture : set.fixtures) {
        const QString error = writeOwnerOnly(dir.filePath(toQString(fixtures::fixtureFileName(fixture))),
                                             QByteArray::fromStdString(fixture.token));
        if (!error.isEmpty()) {
            return error;
        }
    }
    const std::string manifest = encoding::toPrettyJson(fixtures::fixtureManifest(set)) + "\n";
    return writeOwnerOnly(dir.filePath(toQString(fixtures::kManifestFileName)), QByteArray::fromStdString(manifest));
}

} // namespace jwtwb::ui
