#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

const QString kSourceDir = QStringLiteral(JWTWB_SOURCE_DIR);
const QString kGerman = kSourceDir + QStringLiteral("/resources/translations/jwt-workbench_de.ts");

struct Message {
    QString context;
    QString source;
    QString type; // of the translation: "", "unfinished", "vanished", "obsolete"
    bool numerus = false;
    QStringList forms; // the translation, or its plural forms
};

QList<Message> readTs(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("cannot read %s", qPrintable(path));
    }
    QList<Message> messages;
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
            Message message;
            message.context = context;
            message.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            messages.append(message);
        } else if (xml.name() == QLatin1String("source")) {
            messages.last().source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            messages.last().type = xml.attributes().value(QLatin1String("type")).toString();
            if (!messages.last().numerus) {
                messages.last().forms << xml.readElementText();
            }
        } else if (xml.name() == QLatin1String("numerusform")) {
            messages.last().forms << xml.readElementText();
        }
    }
    if (xml.hasError()) {
        qFatal("%s: %s", qPrintable(path), qPrintable(xml.errorString()));
    }
    return messages;
}

QString describe(const Message& message)
{
    return QStringLiteral("[%1] “%2”").arg(message.context, message.source);
}

QSet<QString> placeholders(const QString& text)
{
    static const QRegularExpression placeholder(QStringLiteral("%L?\\d+|%n"));
    QSet<QString> found;
    for (auto it = placeholder.globalMatch(text); it.hasNext();) {
        found.insert(it.next().captured());
    }
    return found;
}

bool hasMnemonic(const QString& text)
{
    static const QRegularExpression mnemonic(QStringLiteral("&[^&\\s]"));
    return QString(text).remove(QStringLiteral("&&")).contains(mnemonic);
}

} // namespace

// The German translation ships complete and in step with the sources: every entry translated, none
// left over from removed sources, placeholders and accelerators kept, and lupdate over the sources
// finds nothing that the .ts does not have.
class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void complete();
    void placeholdersAndAccelerators();
    void inStepWithTheSources();
};

void TestTranslations::complete()
{
    const QList<Message> messages = readTs(kGerman);
    QVERIFY(messages.size() > 800);
    QStringList problems;
    for (const Message& message : messages) {
        if (!message.type.isEmpty()) {
            problems << QStringLiteral("%1 is %2").arg(describe(message), message.type);
        } else if (message.forms.isEmpty() || message.forms.contains(QString())) {
            problems << QStringLiteral("%1 has no translation").arg(describe(message));
        } else if (message.numerus && message.forms.size() != 2) {
            problems << QStringLiteral("%1 needs German's two plural forms").arg(describe(message));
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestTranslations::placeholdersAndAccelerators()
{
    QStringList problems;
    for (const Message& message : readTs(kGerman)) {
        for (const QString& form : message.forms) {
            if (placeholders(form) != placeholders(message.source)) {
                problems << QStringLiteral("%1: placeholders differ in “%2”").arg(describe(message), form);
            }
            if (hasMnemonic(form) != hasMnemonic(message.source)) {
                problems << QStringLiteral("%1: accelerator differs in “%2”").arg(describe(message), form);
            }
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

// lupdate, as `cmake --build BUILD --target update_translations` runs it, on a copy of the .ts: a new
// or changed source would come out unfinished, a removed one would be gone.
void TestTranslations::inStepWithTheSources()
{
    const QString lupdate = QStringLiteral(JWTWB_LUPDATE);
    QVERIFY2(QFileInfo(lupdate).isExecutable(),
             qPrintable(QStringLiteral("lupdate not found at %1: install qt6-l10n-tools "
                                       "(scripts/packages/debian.txt)")
                            .arg(lupdate)));
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString copy = folder.filePath(QStringLiteral("jwt-workbench_de.ts"));
    QVERIFY(QFile::copy(kGerman, copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);

    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(lupdate,
                  {QStringLiteral("-locations"), QStringLiteral("none"), QStringLiteral("-no-obsolete"),
                   QStringLiteral("-I"), kSourceDir + QStringLiteral("/ui"), kSourceDir + QStringLiteral("/ui"),
                   kSourceDir + QStringLiteral("/app/gui/main.cpp"), QStringLiteral("-ts"), copy});
    QVERIFY(process.waitForFinished(120000));
    const QString output = QString::fromUtf8(process.readAll());
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0, qPrintable(output));

    const auto keys = [](const QList<Message>& messages) {
        QSet<QString> found;
        for (const Message& message : messages) {
            found.insert(describe(message));
        }
        return found;
    };
    const QList<Message> updated = readTs(copy);
    const QSet<QString> before = keys(readTs(kGerman));
    const QSet<QString> after = keys(updated);
    QStringList problems;
    for (const QString& added : after - before) {
        problems << QStringLiteral("new in the sources, not in the .ts: %1").arg(added);
    }
    for (const QString& removed : before - after) {
        problems << QStringLiteral("in the .ts, no longer in the sources: %1").arg(removed);
    }
    for (const Message& message : updated) {
        if (!message.type.isEmpty()) {
            problems << QStringLiteral("%1 is %2 after lupdate").arg(describe(message), message.type);
        }
    }
    QVERIFY2(problems.isEmpty(),
             qPrintable(problems.join(QLatin1Char('\n'))
                        + QStringLiteral("\nRun `cmake --build BUILD --target update_translations`, then translate "
                                         "what is new in resources/translations/jwt-workbench_de.ts.\n")
                        + output));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "TestTranslations.moc"
