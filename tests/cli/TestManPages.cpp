#include "CliHelp.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace jwtwb::test;

// The man pages the build writes from --help (resources/man/ManPages.cmake): one per jwtwb command
// that does something, each naming itself and listing every option its --help lists.
class TestManPages : public QObject
{
    Q_OBJECT

private slots:
    void everyCommandHasAPage_data();
    void everyCommandHasAPage();
    void mainPages();
    void noOtherPages();
};

namespace {

QString cli()
{
    return QStringLiteral(JWTWB_CLI_PATH);
}

QString pageText(const QString& name)
{
    QFile file(QStringLiteral(JWTWB_MAN_DIR "/") + name + QStringLiteral(".1"));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// How roff writes an option: "\-\-secret\-file".
QString roff(QString option)
{
    return option.replace(QLatin1Char('-'), QStringLiteral("\\-"));
}

QString pageName(const QString& command)
{
    return QStringLiteral("jwtwb-") + QString(command).replace(QLatin1Char(' '), QLatin1Char('-'));
}

} // namespace

void TestManPages::everyCommandHasAPage_data()
{
    QTest::addColumn<QString>("command");
    const QStringList commands = leafSubcommands(cli());
    QVERIFY(commands.contains(QStringLiteral("verify")) && commands.contains(QStringLiteral("keys import")));
    for (const QString& command : commands) {
        QTest::newRow(qPrintable(command)) << command;
    }
}

void TestManPages::everyCommandHasAPage()
{
    QFETCH(QString, command);
    const QString name = pageName(command);
    const QString page = pageText(name);
    QVERIFY2(!page.isEmpty(), qPrintable(QStringLiteral("no man page %1.1 for `jwtwb %2`").arg(name, command)));
    QVERIFY2(page.contains(QStringLiteral(".TH ") + name.toUpper() + QStringLiteral(" \"1\"")),
             qPrintable(page.left(300)));
    QVERIFY2(page.contains(QStringLiteral("\n") + roff(name) + QStringLiteral(" \\- ")), qPrintable(page.left(300)));
    const QStringList options = longOptionsIn(helpText(cli(), command.split(QLatin1Char(' '))));
    QVERIFY(options.contains(QStringLiteral("--help")));
    for (const QString& option : options) {
        QVERIFY2(page.contains(roff(option)), qPrintable(QStringLiteral("%1.1 lacks %2").arg(name, option)));
    }
}

void TestManPages::mainPages()
{
    const QString jwtwb = pageText(QStringLiteral("jwtwb"));
    QVERIFY(jwtwb.contains(QStringLiteral(".TH JWTWB \"1\"")));
    for (const QString& command : subcommandsIn(helpText(cli(), {}))) {
        QVERIFY2(jwtwb.contains(command), qPrintable(command));
    }
    const QString gui = pageText(QStringLiteral("jwt-workbench"));
    QVERIFY(gui.contains(QStringLiteral(".TH JWT\\-WORKBENCH \"1\""))
            || gui.contains(QStringLiteral(".TH JWT-WORKBENCH \"1\"")));
    QVERIFY(gui.contains(QStringLiteral("\\-\\-screenshot")));
}

// A page for a command that no longer exists would be installed too.
void TestManPages::noOtherPages()
{
    QStringList expected{QStringLiteral("jwtwb.1"), QStringLiteral("jwt-workbench.1")};
    for (const QString& command : leafSubcommands(cli())) {
        expected << pageName(command) + QStringLiteral(".1");
    }
    QStringList pages = QDir(QStringLiteral(JWTWB_MAN_DIR)).entryList({QStringLiteral("*.1")}, QDir::Files);
    expected.sort();
    pages.sort();
    QCOMPARE(pages, expected);
}

QTEST_GUILESS_MAIN(TestManPages)
#include "TestManPages.moc"
