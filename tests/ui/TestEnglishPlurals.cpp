#include "support/Translations.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace jwtwb::ui;

namespace {

const QString kSourceDir = QStringLiteral(JWTWB_SOURCE_DIR);
const QString kPlurals = kSourceDir + QStringLiteral("/resources/translations/jwt-workbench_en.ts");

struct Plural {
    QString context;
    QString source;
    QString type; // of the translation: "", "unfinished", "vanished", "obsolete"
    QStringList forms;
};

QList<Plural> readPlurals(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("cannot read %s", qPrintable(path));
    }
    QList<Plural> out;
    QString context;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) {
            continue;
        }
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            out.append({context, {}, {}, {}});
        } else if (xml.name() == QLatin1String("source")) {
            out.last().source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            out.last().type = xml.attributes().value(QLatin1String("type")).toString();
        } else if (xml.name() == QLatin1String("numerusform")) {
            out.last().forms << xml.readElementText();
        }
    }
    if (xml.hasError()) {
        qFatal("%s: %s", qPrintable(path), qPrintable(xml.errorString()));
    }
    return out;
}

} // namespace

// English reads "1 key" and "2 keys", not "1 key(s)": every %n string of ui/ has its two English forms
// in resources/translations/jwt-workbench_en.ts, in step with the sources, and they are used in
// English and in a language without a catalogue of its own.
class TestEnglishPlurals : public QObject
{
    Q_OBJECT

private slots:
    void cleanupTestCase();
    void everyPluralHasItsForms_data();
    void everyPluralHasItsForms();
    void knownSentences_data();
    void knownSentences();
    void inStepWithTheSources();
};

void TestEnglishPlurals::cleanupTestCase()
{
    QVERIFY(Translations::install(QStringLiteral("C")));
}

void TestEnglishPlurals::everyPluralHasItsForms_data()
{
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QStringList>("forms");
    const QList<Plural> plurals = readPlurals(kPlurals);
    QVERIFY(plurals.size() >= 15);
    for (const Plural& plural : plurals) {
        QTest::addRow("%s: %s", qPrintable(plural.context), qPrintable(plural.source))
            << plural.context << plural.source << plural.type << plural.forms;
    }
}

void TestEnglishPlurals::everyPluralHasItsForms()
{
    QFETCH(QString, context);
    QFETCH(QString, source);
    QFETCH(QString, type);
    QFETCH(QStringList, forms);
    QCOMPARE(type, QString());
    QCOMPARE(forms.size(), 2);
    QVERIFY(Translations::install(QStringLiteral("en")));
    for (const int n : {1, 2, 7}) {
        const QString shown = QCoreApplication::translate(qPrintable(context), qPrintable(source), nullptr, n);
        QVERIFY2(shown.contains(QString::number(n)), qPrintable(shown));
        QVERIFY2(!shown.contains(QStringLiteral("(s)")), qPrintable(shown));
    }
}

void TestEnglishPlurals::knownSentences_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<int>("n");
    QTest::addColumn<QString>("expected");
    QTest::newRow("en, one") << "en" << 1 << "Imported 1 key";
    QTest::newRow("en, two") << "en" << 2 << "Imported 2 keys";
    QTest::newRow("en_GB, one") << "en_GB" << 1 << "Imported 1 key";
    QTest::newRow("fr (no catalogue), one") << "fr" << 1 << "Imported 1 key";
    QTest::newRow("fr (no catalogue), none") << "fr" << 0 << "Imported 0 keys";
    QTest::newRow("de, one") << "de" << 1 << "1 Schlüssel importiert";
}

void TestEnglishPlurals::knownSentences()
{
    QFETCH(QString, language);
    QFETCH(int, n);
    QFETCH(QString, expected);
    QVERIFY(Translations::install(language));
    QCOMPARE(QCoreApplication::translate("jwtwb::ui::KeystoreActions", "Imported %n key(s)", nullptr, n), expected);
}

// lupdate -pluralonly, as `cmake --build BUILD --target update_translations` runs it, on a copy of the
// .ts: a new %n string in the sources would come out unfinished.
void TestEnglishPlurals::inStepWithTheSources()
{
    const QString lupdate = QStringLiteral(JWTWB_LUPDATE);
    QVERIFY2(QFileInfo(lupdate).isExecutable(), qPrintable(lupdate));
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString copy = folder.filePath(QStringLiteral("jwt-workbench_en.ts"));
    QVERIFY(QFile::copy(kPlurals, copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(lupdate,
                  {QStringLiteral("-pluralonly"), QStringLiteral("-locations"), QStringLiteral("none"),
                   QStringLiteral("-no-obsolete"), QStringLiteral("-I"), kSourceDir + QStringLiteral("/ui"),
                   kSourceDir + QStringLiteral("/ui"), kSourceDir + QStringLiteral("/app/gui/main.cpp"),
                   QStringLiteral("-ts"), copy});
    QVERIFY(process.waitForFinished(120000));
    const QString output = QString::fromUtf8(process.readAll());
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0, qPrintable(output));
    QStringList problems;
    const QList<Plural> before = readPlurals(kPlurals);
    const QList<Plural> after = readPlurals(copy);
    if (before.size() != after.size()) {
        problems
            << QStringLiteral("%1 plural strings in the .ts, %2 in the sources").arg(before.size()).arg(after.size());
    }
    for (const Plural& plural : after) {
        if (!plural.type.isEmpty()) {
            problems << QStringLiteral("[%1] “%2” is %3").arg(plural.context, plural.source, plural.type);
        }
    }
    QVERIFY2(problems.isEmpty(),
             qPrintable(problems.join(QLatin1Char('\n'))
                        + QStringLiteral("\nRun `cmake --build BUILD --target update_translations`, then give the "
                                         "English forms in resources/translations/jwt-workbench_en.ts.\n")
                        + output));
}

QTEST_GUILESS_MAIN(TestEnglishPlurals)
#include "TestEnglishPlurals.moc"
