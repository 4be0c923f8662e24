#include "MainWindow.h"
#include "pages/ComparePage.h"
#include "pages/DecoderPage.h"
#include "pages/RotationPage.h"
#include "pages/SignerPage.h"
#include "pages/TimelinePage.h"
#include "support/Clock.h"
#include "support/Convert.h"
#include "support/Screenshot.h"
#include "support/Theme.h"
#include "support/Translations.h"
#include "time/Duration.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QIcon>
#include <QMainWindow>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>

#include <cstdio>
#include <sys/resource.h>

namespace {

// A core dump would hold every key and token in memory; like KeePassXC, we never write one.
void disableCoreDumps()
{
    const rlimit none{0, 0};
    setrlimit(RLIMIT_CORE, &none);
}

bool hasOption(int argc, char** argv, const char* name)
{
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], name) == 0 || QByteArray(argv[i]).startsWith(QByteArray(name) + '=')) {
            return true;
        }
    }
    return false;
}

// The value of `--name VALUE` or `--name=VALUE`, read before QCommandLineParser so that its help
// text is already in the chosen language.
QString optionValue(int argc, char** argv, const char* name)
{
    const QByteArray withEquals = QByteArray(name) + '=';
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], name) == 0 && i + 1 < argc) {
            return QString::fromLocal8Bit(argv[i + 1]);
        }
        if (QByteArray(argv[i]).startsWith(withEquals)) {
            return QString::fromLocal8Bit(argv[i] + withEquals.size());
        }
    }
    return {};
}

int usageError(const QString& message)
{
    std::fprintf(stderr, "jwt-workbench: %s\n", qPrintable(message));
    return 2;
}

// Tabs are found by the name their page gives them as tab data ("signer", "weak-secret"), the same
// in every language, so new pages need no change here.
bool showTab(QMainWindow& window, const QString& tabWidget, const QString& name)
{
    auto* tabs = window.findChild<QTabWidget*>(tabWidget);
    for (int i = 0; tabs && i < tabs->count(); ++i) {
        if (tabs->tabBar()->tabData(i).toString().compare(name, Qt::CaseInsensitive) == 0) {
            tabs->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

bool showPage(QMainWindow& window, const QString& name)
{
    return showTab(window, QStringLiteral("pages"), name);
}

// Prints the milliseconds from the start of main() to the window's first paint, then quits.
class FirstPaintReporter : public QObject
{
public:
    FirstPaintReporter(QWidget* window, const QElapsedTimer& sinceStart)
        : QObject(window)
        , m_sinceStart(sinceStart)
    {
        window->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint) {
            watched->removeEventFilter(this);
            // After the paint has been drawn and flushed.
            QTimer::singleShot(0, this, [this] {
                std::printf("first paint: %.1f ms\n", static_cast<double>(m_sinceStart.nsecsElapsed()) / 1e6);
                std::fflush(stdout);
                QCoreApplication::exit(0);
            });
        }
        return false;
    }

private:
    QElapsedTimer m_sinceStart;
};

} // namespace

int main(int argc, char** argv)
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    disableCoreDumps();
    // --screenshot renders without a display; --help and --version only print.
    const bool needsNoDisplay = hasOption(argc, argv, "--screenshot") || hasOption(argc, argv, "--help")
        || hasOption(argc, argv, "-h") || hasOption(argc, argv, "--version") || hasOption(argc, argv, "-v");
    if (needsNoDisplay && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("jwt-workbench"));
    QApplication::setOrganizationName(QStringLiteral("jwt-workbench"));
    QApplication::setApplicationDisplayName(QStringLiteral("JWT Workbench"));
    QApplication::setApplicationVersion(QStringLiteral(JWTWB_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.jwtworkbench.JwtWorkbench"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/jwt-workbench.svg")));

    // Before the options are defined, so that --help is in the chosen language.
    const QString language = optionValue(argc, argv, "--lang");
    if (!jwtwb::ui::Translations::install(language)) {
        return usageError(QCoreApplication::translate("main", "--lang takes a language code, e.g. de or en"));
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "JWT Workbench: an offline desktop workbench for JSON Web Tokens."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("token"),
                                 QCoreApplication::translate("main", "A token (or text holding one) to decode."));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("main", "Render the main window offscreen into a PNG file and exit."),
        QCoreApplication::translate("main", "file"));
    const QCommandLineOption colorScheme(QStringLiteral("color-scheme"),
                                         QCoreApplication::translate("main", "system (default), light or dark."),
                                         QCoreApplication::translate("main", "scheme"), QStringLiteral("system"));
    const QCommandLineOption size(QStringLiteral("size"),
                                  QCoreApplication::translate("main", "Window size for --screenshot, e.g. 1280x800."),
                                  QStringLiteral("WxH"), QStringLiteral("1280x800"));
    const QCommandLineOption page(
        QStringLiteral("page"),
        QCoreApplication::translate("main",
                                    "Page to show, by its tab name: decoder (default), signer, timeline, keys, "
                                    "compare (the decoder's and the signer's tokens), rotation (with its example), "
                                    "learn."),
        QCoreApplication::translate("main", "name"));
    const QCommandLineOption timelineToken(
        QStringLiteral("timeline-token"),
        QCoreApplication::translate("main", "Put a token on the timeline, as NAME=TOKEN (repeatable)."),
        QCoreApplication::translate("main", "name=token"));
    const QCommandLineOption now(QStringLiteral("now"),
                                 QCoreApplication::translate("main",
                                                             "Pretend the clock shows this time (ISO 8601 or Unix "
                                                             "seconds), e.g. for reproducible screenshots."),
                                 QCoreApplication::translate("main", "time"));
    const QCommandLineOption decoderTab(
        QStringLiteral("decoder-tab"),
        QCoreApplication::translate(
            "main", "Decoder tab to show, by its name: decoded, claims, verification, findings, x-ray, weak-secret."),
        QCoreApplication::translate("main", "name"));
    const QCommandLineOption lang(
        QStringLiteral("lang"),
        QCoreApplication::translate("main",
                                    "Language of the window and of its dates, e.g. de or en (default: the "
                                    "system's)."),
        QCoreApplication::translate("main", "code"));
    const QCommandLineOption firstPaint(
        QStringLiteral("first-paint"),
        QCoreApplication::translate(
            "main", "Print the milliseconds from start to the window's first paint, and exit (tests/bench)."));
    parser.addOptions({screenshot, colorScheme, size, page, timelineToken, now, decoderTab, lang, firstPaint});
    parser.process(app);

    const QString scheme = parser.value(colorScheme);
    if (scheme == QLatin1String("dark")) {
        jwtwb::ui::applyColorScheme(app, jwtwb::ui::ColorScheme::Dark);
    } else if (scheme == QLatin1String("light")) {
        jwtwb::ui::applyColorScheme(app, jwtwb::ui::ColorScheme::Light);
    } else if (scheme != QLatin1String("system")) {
        return usageError(QCoreApplication::translate("main", "--color-scheme takes system, light or dark"));
    }

    if (parser.isSet(now)) {
        const auto fixed = jwtwb::time::parseTime(jwtwb::ui::toStdString(parser.value(now)),
                                                  jwtwb::ui::toSysSeconds(QDateTime::currentDateTimeUtc()));
        if (!fixed) {
            // Core's message, in English like all of core's.
            return usageError(QStringLiteral("--now: %1").arg(jwtwb::ui::toQString(fixed.error().message)));
        }
        jwtwb::ui::Clock::setFixed(jwtwb::ui::toQDateTime(*fixed));
    }

    jwtwb::ui::MainWindow window;
    window.restoreState();
    if (!parser.positionalArguments().isEmpty()) {
        window.decoderPage()->setTokenText(parser.positionalArguments().join(QLatin1Char(' ')));
        // A big token is otherwise decoded off the GUI thread, after the window is shown.
        if (parser.isSet(screenshot)
            || parser.value(page).compare(QLatin1String("compare"), Qt::CaseInsensitive) == 0) {
            window.decoderPage()->finishDecoding();
        }
    }

    for (const QString& entry : parser.values(timelineToken)) {
        const auto equals = entry.indexOf(QLatin1Char('='));
        if (equals <= 0 || !window.timelinePage()->setToken(entry.left(equals), entry.mid(equals + 1))) {
            return usageError(
                QCoreApplication::translate("main", "--timeline-token takes NAME=TOKEN with a token that has claims"));
        }
    }
    if (parser.isSet(page) && !showPage(window, parser.value(page))) {
        return usageError(QCoreApplication::translate(
            "main", "--page takes the name of a tab: decoder, signer, timeline, keys, compare, rotation or learn"));
    }
    if (parser.value(page).compare(QLatin1String("compare"), Qt::CaseInsensitive) == 0) {
        window.comparePage()->setTokens(window.decoderPage()->shownToken(), window.signerPage()->token());
    }
    // The rotation page keeps nothing between runs: shown on its own, it shows its example.
    if (parser.value(page).compare(QLatin1String("rotation"), Qt::CaseInsensitive) == 0) {
        window.rotationPage()->loadExample();
    }

    if (parser.isSet(decoderTab) && !showTab(window, QStringLiteral("decoderTabs"), parser.value(decoderTab))) {
        return usageError(
            QCoreApplication::translate("main", "--decoder-tab takes the name of a decoder tab, e.g. verification"));
    }

    if (parser.isSet(screenshot)) {
        const QStringList wh = parser.value(size).split(QLatin1Char('x'));
        const QSize windowSize = wh.size() == 2 ? QSize(wh[0].toInt(), wh[1].toInt()) : QSize();
        if (!windowSize.isValid() || windowSize.isEmpty()) {
            return usageError(QCoreApplication::translate("main", "--size takes WIDTHxHEIGHT, e.g. 1280x800"));
        }
        QString error;
        if (!jwtwb::ui::saveScreenshot(window, windowSize, parser.value(screenshot), &error)) {
            std::fprintf(stderr, "jwt-workbench: %s\n", qPrintable(error));
            return 1;
        }
        return 0;
    }

    if (parser.isSet(firstPaint)) {
        new FirstPaintReporter(&window, sinceStart);
    }
    window.show();
    return QApplication::exec();
}
