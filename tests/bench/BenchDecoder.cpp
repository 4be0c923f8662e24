// How responsive the decoder is, in a real window: a keystroke to updated panes, a paste to the
// first paint, the longest stall of the GUI thread while a 1 MB token is pasted and edited, and a
// cold start to the first paint. A benchmark, run apart from the tests:
//   QT_QPA_PLATFORM=offscreen build/tests/bench/BenchDecoder
// Each function prints the median and the spread of its rounds; QBENCHMARK reports the mean.

#include "UiTestSupport.h"
#include "crypto/SecureBytes.h"
#include "jose/JwsSigner.h"
#include "keys/Key.h"
#include "pages/DecoderPage.h"
#include "support/Clock.h"
#include "widgets/TokenEdit.h"

#include <QClipboard>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextCursor>
#include <QTimeZone>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

using namespace jwtwb;
using namespace jwtwb::ui;

namespace {

// An HS256 token of about `size` characters: a payload with many roles and permission claims, as
// a large identity provider's token has.
QString makeToken(qsizetype size)
{
    std::string claims = R"({"iss":"https://login.example.com/tenant/3f1c","sub":"user-8841","aud":"api://orders",)"
                         R"("iat":1790000000,"nbf":1790000000,"exp":1790003600,"name":"Ada Lovelace","roles":[)";
    const auto payloadBudget = static_cast<std::size_t>(size * 3 / 4 - 60);
    for (int i = 0; claims.size() < payloadBudget; ++i) {
        claims += (i ? ",\"" : "\"") + std::string("role:orders.team-") + std::to_string(i % 97) + ".read-"
            + std::to_string(i) + "\"";
    }
    claims += "]}";
    const std::string secret = "benchmark-secret-of-thirty-two-bytes!!";
    const keys::Key key = keys::Key::fromSecret(crypto::SecureBytes(std::string_view(secret)));
    const auto token = jose::signCompact(R"({"alg":"HS256","typ":"JWT"})",
                                         {reinterpret_cast<const std::uint8_t*>(claims.data()), claims.size()}, &key);
    if (!token) {
        qFatal("cannot sign the benchmark token: %s", token.error().message.c_str());
    }
    return QString::fromStdString(*token);
}

struct Spread {
    double median;
    double min;
    double max;
};

Spread spreadOf(std::vector<double> ms)
{
    std::ranges::sort(ms);
    return {ms[ms.size() / 2], ms.front(), ms.back()};
}

// Every round of each measure, over all the runs QBENCHMARK makes of a function; printed at the end.
std::map<QString, std::vector<double>>& rounds()
{
    static std::map<QString, std::vector<double>> all;
    return all;
}

void record(const QString& what, double ms)
{
    rounds()[what].push_back(ms);
}

// Runs the event loop until the decoder has shown the text's token and every pane is painted.
void settle(const DecoderPage& page)
{
    while (page.isDecodePending()) {
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    }
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
}

// Counts the paints of a widget.
class PaintCounter : public QObject
{
public:
    explicit PaintCounter(QWidget* widget)
        : QObject(widget)
    {
        widget->installEventFilter(this);
    }
    int paints = 0;

protected:
    bool eventFilter(QObject*, QEvent* event) override
    {
        paints += event->type() == QEvent::Paint;
        return false;
    }
};

// The longest gap between two turns of the event loop, while it runs: a zero timer fires on
// every turn, so a gap is the time the GUI thread spent on one piece of work.
class StallMeter : public QObject
{
public:
    StallMeter()
    {
        m_timer.setInterval(0);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const double now = static_cast<double>(m_clock.nsecsElapsed()) / 1e6;
            m_longest = std::max(m_longest, now - m_last);
            m_last = now;
        });
        m_clock.start();
        m_timer.start();
    }
    [[nodiscard]] double longest() const { return m_longest; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    double m_last = 0;
    double m_longest = 0;
};

} // namespace

class BenchDecoder : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void keystroke_data();
    void keystroke();
    void paste_data();
    void paste();
    void longestStall();
    void coldStart();

private:
    QTemporaryDir m_settings;
    std::unique_ptr<QWidget> m_window;
    DecoderPage* m_page = nullptr;
};

void BenchDecoder::initTestCase()
{
    test::isolateSettings(m_settings.path(), QStringLiteral("jwt-workbench-bench"));
    Clock::setFixed(QDateTime(QDate(2026, 11, 28), QTime(10, 0), QTimeZone::utc()));
}

void BenchDecoder::cleanupTestCase()
{
    std::printf("\n%-62s %9s %9s %9s %7s\n", "measure (ms)", "median", "min", "max", "rounds");
    for (const auto& [what, ms] : rounds()) {
        const Spread s = spreadOf(ms);
        std::printf("%-62s %9.2f %9.2f %9.2f %7zu\n", qPrintable(what), s.median, s.min, s.max, ms.size());
    }
}

void BenchDecoder::init()
{
    // The decoder as the window shows it: a page in a 1280 × 800 window, on screen.
    m_window = std::make_unique<QWidget>();
    auto* layout = new QVBoxLayout(m_window.get());
    m_page = new DecoderPage(m_window.get());
    layout->addWidget(m_page);
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    settle(*m_page);
}

void BenchDecoder::cleanup()
{
    m_window.reset();
}

// From TokenEdit::kEditLimit on, a text is shown in part and read-only: nothing to type into.
void BenchDecoder::keystroke_data()
{
    QTest::addColumn<qsizetype>("size");
    QTest::newRow("1 KB") << qsizetype(1024);
    QTest::newRow("16 KB") << qsizetype(16 * 1024);
}

// A character typed at the end of the signature, then taken back: each keystroke changes the
// token, and the panes show the new one.
void BenchDecoder::keystroke()
{
    QFETCH(qsizetype, size);
    m_page->setTokenText(makeToken(size));
    settle(*m_page);
    auto* edit = m_page->findChild<TokenEdit*>(QStringLiteral("tokenEdit"));
    edit->setFocus();
    edit->moveCursor(QTextCursor::End);
    settle(*m_page);

    const QString what = QStringLiteral("keystroke to updated panes, %1").arg(QTest::currentDataTag());
    QElapsedTimer clock;
    bool typed = false;
    QBENCHMARK
    {
        clock.start();
        QTest::keyClick(edit, typed ? Qt::Key_Backspace : Qt::Key_A);
        settle(*m_page);
        record(what, static_cast<double>(clock.nsecsElapsed()) / 1e6);
        typed = !typed;
    }
}

void BenchDecoder::paste_data()
{
    keystroke_data();
    QTest::newRow("1 MB") << qsizetype(1024 * 1024);
}

// Ctrl+V of a whole token into the empty editor: the time to the first paint of the window, and
// to panes that show the token.
void BenchDecoder::paste()
{
    QFETCH(qsizetype, size);
    const QString token = makeToken(size);
    auto* edit = m_page->findChild<TokenEdit*>(QStringLiteral("tokenEdit"));
    const PaintCounter* painted = new PaintCounter(edit->viewport());
    edit->setFocus();

    const QString tag = QString::fromLatin1(QTest::currentDataTag());
    QElapsedTimer clock;
    QBENCHMARK
    {
        m_page->setTokenText(QString());
        settle(*m_page);
        QGuiApplication::clipboard()->setText(token);
        const int paintsBefore = painted->paints;
        clock.start();
        QTest::keyClick(edit, Qt::Key_V, Qt::ControlModifier);
        while (painted->paints == paintsBefore) {
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
        }
        record(QStringLiteral("paste to first paint, ") + tag, static_cast<double>(clock.nsecsElapsed()) / 1e6);
        settle(*m_page);
        record(QStringLiteral("paste to updated panes, ") + tag, static_cast<double>(clock.nsecsElapsed()) / 1e6);
    }
    QCOMPARE(m_page->tokenText(), token);
}

// A 1 MB token pasted, then five characters typed and taken back (which the editor, showing so long
// a text in part, ignores), a keystroke every 50 ms, as the event loop runs: the result is the
// longest the GUI thread was busy without a turn of the loop.
void BenchDecoder::longestStall()
{
    const QString token = makeToken(1024 * 1024);
    auto* edit = m_page->findChild<TokenEdit*>(QStringLiteral("tokenEdit"));
    edit->setFocus();
    std::vector<double> stalls;
    for (int round = 0; round < 3; ++round) {
        m_page->setTokenText(QString());
        settle(*m_page);
        QGuiApplication::clipboard()->setText(token);
        const StallMeter meter;
        QEventLoop loop;
        QList<std::function<void()>> steps;
        steps << [&] { QTest::keyClick(edit, Qt::Key_V, Qt::ControlModifier); };
        for (int i = 0; i < 5; ++i) {
            steps << [&] { QTest::keyClick(edit, Qt::Key_A); };
        }
        for (int i = 0; i < 5; ++i) {
            steps << [&] { QTest::keyClick(edit, Qt::Key_Backspace); };
        }
        QTimer pace;
        pace.setInterval(50);
        connect(&pace, &QTimer::timeout, &loop, [&] {
            if (!steps.isEmpty()) {
                steps.takeFirst()();
            } else if (!m_page->isDecodePending()) {
                loop.quit();
            }
        });
        pace.start();
        loop.exec();
        settle(*m_page);
        stalls.push_back(meter.longest());
        record(QStringLiteral("longest stall of the GUI thread, 1 MB pasted and edited"), meter.longest());
        QCOMPARE(m_page->tokenText(), token);
    }
    QTest::setBenchmarkResult(spreadOf(stalls).median, QTest::WalltimeMilliseconds);
}

// jwt-workbench --first-paint: from starting the process to the main window's first paint (the
// program prints it and exits), with fresh settings, so the sample token is decoded.
void BenchDecoder::coldStart()
{
    const QTemporaryDir home;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path() + QStringLiteral("/config"));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home.path() + QStringLiteral("/data"));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    std::vector<double> wall;
    for (int round = 0; round < 11; ++round) {
        QProcess process;
        process.setProcessEnvironment(environment);
        QElapsedTimer clock;
        clock.start();
        process.start(QStringLiteral(JWTWB_GUI_PATH), {QStringLiteral("--first-paint")});
        QVERIFY(process.waitForFinished(30000));
        wall.push_back(static_cast<double>(clock.nsecsElapsed()) / 1e6);
        QCOMPARE(process.exitCode(), 0);
        const QByteArray out = process.readAllStandardOutput().trimmed(); // "first paint: 123.4 ms"
        record(QStringLiteral("cold start to first paint, process start to its exit"), wall.back());
        record(QStringLiteral("cold start to first paint, from main() as it prints"),
               out.mid(out.indexOf(':') + 1).chopped(3).trimmed().toDouble());
    }
    QTest::setBenchmarkResult(spreadOf(wall).median, QTest::WalltimeMilliseconds);
}

int main(int argc, char** argv)
{
    // A slow build may take longer than QTest's five minutes per function.
    if (qEnvironmentVariableIsEmpty("QTEST_FUNCTION_TIMEOUT")) {
        qputenv("QTEST_FUNCTION_TIMEOUT", "1800000");
    }
    QApplication app(argc, argv);
    BenchDecoder bench;
    return QTest::qExec(&bench, argc, argv);
}
#include "BenchDecoder.moc"
