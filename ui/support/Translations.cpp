#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace jwtwb::ui {
namespace {

constexpr auto kTranslatorName = "jwtwbTranslator";

// Loads `catalog`_`language`.qm from `folder`, parented to the application so that it lives as long.
bool installTranslator(const QString& catalog, const QString& language, const QString& folder)
{
    auto* translator = new QTranslator(QCoreApplication::instance());
    translator->setObjectName(QString::fromLatin1(kTranslatorName));
    if (!translator->load(catalog + QLatin1Char('_') + language, folder)) {
        delete translator;
        return false;
    }
    QCoreApplication::installTranslator(translator);
    return true;
}

} // namespace

QString Translations::s_installed;

bool Translations::install(const QString& language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    // QLocale falls back to "C" for a name it does not know.
    const bool unknown = locale.language() == QLocale::C && !language.isEmpty()
        && language.compare(QLatin1String("C"), Qt::CaseInsensitive) != 0;
    if (unknown) {
        return false;
    }
    QLocale::setDefault(locale);
    const auto installedBefore = QCoreApplication::instance()->findChildren<QTranslator*>(
        QString::fromLatin1(kTranslatorName), Qt::FindDirectChildrenOnly);
    qDeleteAll(installedBefore); // a translator removes itself from the application when deleted
    s_installed.clear();

    // The user's languages in order of preference (LANGUAGE=fr:de:en); the first we have wins, and
    // English, the language of the sources, stops the search rather than fall through to a later one.
    for (QString name : locale.uiLanguages()) {
        name.replace(QLatin1Char('-'), QLatin1Char('_'));
        if (QLocale(name).language() == QLocale::English) {
            break;
        }
        if (installTranslator(QStringLiteral("jwt-workbench"), name, QStringLiteral(":/translations"))) {
            s_installed = QLocale(name).name().section(QLatin1Char('_'), 0, 0);
            // Qt's own (qt6-translations-l10n): absent on some systems, and then Qt's buttons stay English.
            installTranslator(QStringLiteral("qtbase"), name, QLibraryInfo::path(QLibraryInfo::TranslationsPath));
            return true;
        }
    }
    // English, the language of the sources, needs its plural forms ("1 key", not "1 key(s)"); so does
    // a language there is no catalogue for, which shows the sources.
    installTranslator(QStringLiteral("jwt-workbench"), QStringLiteral("en"), QStringLiteral(":/translations"));
    return true;
}

QString Translations::installed()
{
    return s_installed;
}

} // namespace jwtwb::ui
