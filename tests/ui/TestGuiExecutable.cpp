#include "TestOutput.h"

#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// Runs the real jwt-workbench binary: the --screenshot option the README image is made with.
class TestGuiExecutable : public QObject
{
    Q_OBJECT

private slots:
    void screenshotOption_data();
    void screenshotOption();
    void badOptions();
    void pageOption();
    void timelinePage();
    void rotationPage();
    void badTimelineOptions();
    void helpWithoutDisplay_data();
    void helpWithoutDisplay();
    void languageOption_data();
    void languageOption();
    void germanScreenshot();

private:
    int run(const QStringList& arguments, QString* err = nullptr, QString* out = nullptr,
            const QStringList& environment = {});
    QTemporaryDir m_home;
};

// `environment` holds NAME=VALUE pairs to set on top of the test's own.
int TestGuiExecutable::run(const QStringList& arguments, QString* err, QString* out, const QStringList& extra)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString& pair : extra) {
        environment.insert(pair.section(QLatin1Char('='), 0, 0), pair.section(QLatin1Char('='), 1));
    }
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.path());
    environment.remove(QStringLiteral("QT_QPA_PLATFORM")); // --screenshot must work without it
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(JWTWB_GUI_PATH), arguments);
    if (!process.waitForFinished(120000)) {
        process.kill();
        return -1;
    }
    if (err) {
        *err = QString::fromUtf8(process.readAllStandardError());
    }
    if (out) {
        *out = QString::fromUtf8(process.readAllStandardOutput());
    }
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

void TestGuiExecutable::screenshotOption_data()
{
    QTest::addColumn<QString>("scheme");
    QTest::addColumn<QString>("size");
    QTest::newRow("light") << "light"
                           << "1280x800";
    QTest::newRow("dark") << "dark"
                          << "1024x640";
}

void TestGuiExecutable::screenshotOption()
{
    QFETCH(QString, scheme);
    QFETCH(QString, size);
    const QString path = (jwtwb::test::outputDir() + QStringLiteral("/gui-screenshot-%1.png")).arg(scheme);
    QFile::remove(path);
    QString err;
    QCOMPARE(run({"--screenshot", path, "--color-scheme", scheme, "--size", size}, &err), 0);
    const QImage image(path);
    QVERIFY2(!image.isNull(), qPrintable(err));
    QCOMPARE(QStringLiteral("%1x%2").arg(image.width()).arg(image.height()), size);
    QVERIFY(QFileInfo(path).size() > 10000);
    // Not a blank image: the decoded sample token puts many colours on it.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7) {
        for (int x = 0; x < image.width(); x += 7) {
            colours.insert(image.pixel(x, y));
        }
    }
    QVERIFY(colours.size() > 20);
}

void TestGuiExecutable::badOptions()
{
    QCOMPARE(run({"--screenshot", "/tmp/x.png", "--color-scheme", "purple"}), 2);
    QCOMPARE(run({"--screenshot", "/tmp/x.png", "--size", "big"}), 2);
    QCOMPARE(run({"--screenshot", "/nonexistent-dir/x.png"}), 1);
}

// --page picks the tab the screenshot shows: the signer's output token differs from the decoder's view.
void TestGuiExecutable::pageOption()
{
    const QString decoder = jwtwb::test::outputDir() + QStringLiteral("/gui-screenshot-page-decoder.png");
    const QString signer = jwtwb::test::outputDir() + QStringLiteral("/gui-screenshot-page-signer.png");
    QCOMPARE(run({"--screenshot", decoder, "--page", "decoder", "--color-scheme", "light"}), 0);
    QCOMPARE(run({"--screenshot", signer, "--page", "Signer", "--color-scheme", "light"}), 0);
    const QImage decoderImage(decoder);
    const QImage signerImage(signer);
    QVERIFY(!decoderImage.isNull() && !signerImage.isNull());
    QCOMPARE(signerImage.size(), decoderImage.size());
    QVERIFY(signerImage != decoderImage);
    const QString learn = jwtwb::test::outputDir() + QStringLiteral("/gui-screenshot-page-learn.png");
    QCOMPARE(run({"--screenshot", learn, "--page", "learn", "--color-scheme", "light"}), 0);
    const QImage learnImage(learn);
    QCOMPARE(learnImage.size(), decoderImage.size());
    QVERIFY(learnImage != decoderImage && learnImage != signerImage);
    QString err;
    QCOMPARE(run({"--screenshot", "/tmp/x.png", "--page", "nowhere"}, &err), 2);
    QVERIFY2(err.contains("--page"), qPrintable(err));
    QVERIFY2(err.contains("rotation"), qPrintable(err));
    QVERIFY2(err.contains("learn"), qPrintable(err));
}

void TestGuiExecutable::timelinePage()
{
    // The README's timeline image: named tokens on the timeline page, at a fixed time.
    const QString token
        = QStringLiteral("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpYXQiOjE3OTU4NTk0MDAsImV4cCI6MTc5NTg2MDYwMCwic3"
                         "ViIjoiYWxpY2UifQ.prgECtdXUEeAo-qBoWe8Z_szzks3Y9Yd5HV80dyaCWI");
    const QString path = jwtwb::test::outputDir() + QStringLiteral("/gui-screenshot-timeline.png");
    QFile::remove(path);
    QString err;
    QCOMPARE(run({"--screenshot", path, "--color-scheme", "light", "--size", "1024x640", "--page", "timeline", "--now",
                  "2026-11-28T10:00:00Z", "--timeline-token", "access token=" + token},
                 &err),
             0);
    const QImage image(path);
    QVERIFY2(!image.isNull(), qPrintable(err));
    QCOMPARE(image.size(), QSize(1024, 640));
}

// The README's rotation images: --page rotation shows the page with its example, at a fixed time,
// the same picture on every run.
void TestGuiExecutable::rotationPage()
{
    QStringList paths;
    for (const char* name : {"rotation-1", "rotation-2", "other-page"}) {
        paths << (jwtwb::test::outputDir() + QStringLiteral("/gui-screenshot-%1.png")).arg(QLatin1String(name));
        QFile::remove(paths.constLast());
    }
    QString err;
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(run({"--screenshot", paths.at(i), "--color-scheme", "dark", "--page", "rotation", "--now",
                      "2026-11-28T10:00:00Z"},
                     &err),
                 0);
    }
    QCOMPARE(run({"--screenshot", paths.at(2), "--color-scheme", "dark", "--page", "compare"}, &err), 0);
    const QImage first(paths.at(0));
    QVERIFY2(!first.isNull(), qPrintable(err));
    QCOMPARE(first.size(), QSize(1280, 800));
    QCOMPARE(QImage(paths.at(1)), first);
    QVERIFY(QImage(paths.at(2)) != first);
}

void TestGuiExecutable::badTimelineOptions()
{
    QString err;
    QCOMPARE(run({"--screenshot", "/tmp/x.png", "--page", "no-such-page"}, &err), 2);
    QVERIFY(err.contains(QStringLiteral("--page")));
    QCOMPARE(run({"--screenshot", "/tmp/x.png", "--timeline-token", "no-equals-sign"}, &err), 2);
    QVERIFY(err.contains(QStringLiteral("NAME=TOKEN")));
    QCOMPARE(run({"--screenshot", "/tmp/x.png", "--timeline-token", "a=not a token"}, &err), 2);
    QCOMPARE(run({"--screenshot", "/tmp/x.png", "--now", "yesterday-ish"}, &err), 2);
    QVERIFY(err.contains(QStringLiteral("--now")));
}

void TestGuiExecutable::helpWithoutDisplay_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("expected");
    QTest::newRow("--help") << "--help"
                            << "--screenshot";
    QTest::newRow("-h") << "-h"
                        << "--page";
    QTest::newRow("--version") << "--version"
                               << "jwt-workbench";
}

// Printing the help or the version needs no display (man pages are made from the help).
void TestGuiExecutable::helpWithoutDisplay()
{
    QFETCH(QString, option);
    QFETCH(QString, expected);
    QString err;
    QString out;
    QCOMPARE(run({option}, &err, &out), 0);
    QVERIFY2(out.contains(expected), qPrintable(out + err));
}

void TestGuiExecutable::languageOption_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QString>("expected");
    const QStringList german{QStringLiteral("LC_ALL=de_DE.UTF-8"), QStringLiteral("LANG=de_DE.UTF-8")};
    const QString germanHelp = QStringLiteral("Sprache des Fensters");
    const QString englishHelp = QStringLiteral("Language of the window");
    QTest::newRow("system C") << QStringList{"--help"} << QStringList{} << englishHelp;
    QTest::newRow("system German") << QStringList{"--help"} << german << germanHelp;
    QTest::newRow("LANGUAGE") << QStringList{"--help"} << QStringList{"LC_ALL=en_US.UTF-8", "LANGUAGE=de:en"}
                              << germanHelp;
    QTest::newRow("--lang de") << QStringList{"--lang", "de", "--help"} << QStringList{} << germanHelp;
    QTest::newRow("--lang=de") << QStringList{"--lang=de", "--help"} << QStringList{} << germanHelp;
    QTest::newRow("--lang en over German") << QStringList{"--lang", "en", "--help"} << german << englishHelp;
    QTest::newRow("English first") << QStringList{"--help"} << (german + QStringList{"LANGUAGE=en:de"}) << englishHelp;
}

// The program follows the system's language; --lang overrides it (the help text shows which won).
void TestGuiExecutable::languageOption()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, environment);
    QFETCH(QString, expected);
    QString err;
    QString out;
    QCOMPARE(run(arguments, &err, &out, environment), 0);
    QVERIFY2(out.contains(expected), qPrintable(out + err));
    QCOMPARE(run({"--lang", "123", "--help"}, &err), 2);
    QVERIFY2(err.contains(QStringLiteral("--lang")), qPrintable(err));
}

// A German window renders, and --page and --decoder-tab still take the English names.
void TestGuiExecutable::germanScreenshot()
{
    const QString path = jwtwb::test::outputDir() + QStringLiteral("/gui-screenshot-de.png");
    QFile::remove(path);
    QString err;
    QCOMPARE(run({"--lang", "de", "--screenshot", path, "--color-scheme", "light", "--page", "decoder", "--decoder-tab",
                  "claims", "--now", "2026-11-28T10:00:00Z"},
                 &err),
             0);
    QVERIFY2(!QImage(path).isNull(), qPrintable(err));
    QCOMPARE(run({"--lang", "de", "--screenshot", path, "--page", "signer"}, &err), 0);
    QCOMPARE(run({"--lang", "de", "--screenshot", path, "--page", "Signieren"}, &err), 2);
}

QTEST_GUILESS_MAIN(TestGuiExecutable)
#include "TestGuiExecutable.moc"
